import type { UnlockOutput } from '@shared/schemas/session';
import { Button } from '../../components/Button';
import { FormError } from '../../components/FormError';
import { callApi } from '../../lib/api';
import { AuthLayout } from './AuthLayout';
import { CurrentPassphraseField } from './CurrentPassphraseField';
import styles from './SessionScreens.module.css';
import { usePassphraseEntry } from './use-passphrase-entry';

export function PassphraseForm({
  onForgot,
  onUnlocked,
}: {
  onForgot: () => void;
  onUnlocked: (unlocked: UnlockOutput) => void;
}) {
  const { passphrase, setPassphrase, errors, submit, isPending } = usePassphraseEntry(
    (input) => callApi('session.unlock', input),
    onUnlocked,
  );

  return (
    <AuthLayout
      title="Unlock Advocase"
      lead={<p>Your caseload is encrypted. Enter your passphrase to open it.</p>}
    >
      <form className={styles.form} onSubmit={submit} noValidate>
        <CurrentPassphraseField
          value={passphrase}
          onChange={setPassphrase}
          error={errors.fields.passphrase}
        />
        <FormError message={errors.form} />
        <div className={styles.actions}>
          <button type="button" className={styles.linkButton} onClick={onForgot}>
            Forgot it? Use your recovery key
          </button>
          <Button variant="primary" type="submit" disabled={isPending}>
            {isPending ? 'Unlocking…' : 'Unlock'}
          </Button>
        </div>
      </form>
    </AuthLayout>
  );
}
