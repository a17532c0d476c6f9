import { Button } from '../../components/Button';
import { FormError } from '../../components/FormError';
import { callApi } from '../../lib/api';
import { AuthLayout } from './AuthLayout';
import { CurrentPassphraseField } from './CurrentPassphraseField';
import styles from './SessionScreens.module.css';
import { usePassphraseEntry } from './use-passphrase-entry';

/**
 * After a reload (or a crash) on "Save your recovery key": the key was never confirmed and cannot
 * be shown again, because Advocase never stores it. A new one replaces it, and the one shown
 * before stops working, so no key that nobody vouched for stays able to open the data.
 */
export function ReplaceRecoveryKeyScreen({ onReplaced }: { onReplaced: (recoveryKey: string) => void }) {
  const { passphrase, setPassphrase, errors, submit, isPending } = usePassphraseEntry(
    (input) => callApi('session.replaceRecoveryKey', input),
    ({ recoveryKey }) => onReplaced(recoveryKey),
  );

  return (
    <AuthLayout
      title="Your recovery key was not confirmed"
      lead={
        <>
          <p>
            Advocase showed a recovery key, but the window closed or reloaded before you confirmed you had
            saved it. That key is never stored, so it cannot be shown again.
          </p>
          <p>Make a new one now. The key shown before stops working, so nobody who saw it can use it.</p>
        </>
      }
    >
      <form className={styles.form} onSubmit={submit} noValidate>
        <CurrentPassphraseField
          value={passphrase}
          onChange={setPassphrase}
          error={errors.fields.passphrase}
        />
        <FormError message={errors.form} />
        <div className={styles.actions}>
          <span />
          <Button variant="primary" type="submit" disabled={isPending}>
            {isPending ? 'Making a new key…' : 'Make a new recovery key'}
          </Button>
        </div>
      </form>
    </AuthLayout>
  );
}
