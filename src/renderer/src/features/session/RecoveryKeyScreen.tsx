import { useState } from 'react';
import { Button } from '../../components/Button';
import { FormError } from '../../components/FormError';
import { AuthLayout } from './AuthLayout';
import styles from './SessionScreens.module.css';

/** Shows the recovery key once and does not go on until the user says it is saved. */
export function RecoveryKeyScreen({
  recoveryKey,
  onConfirmed,
  isConfirming,
  confirmError,
}: {
  recoveryKey: string;
  onConfirmed: () => void;
  isConfirming: boolean;
  confirmError: string | null;
}) {
  const [isSaved, setIsSaved] = useState(false);
  const [copyStatus, setCopyStatus] = useState('');

  async function copy() {
    try {
      await navigator.clipboard.writeText(recoveryKey);
      setCopyStatus('Copied. Paste it somewhere safe, then clear your clipboard.');
    } catch {
      setCopyStatus('Copying is not allowed here: select the key and write it down.');
    }
  }

  return (
    <AuthLayout
      title="Save your recovery key"
      lead={
        <>
          <p>If you forget your passphrase, this key is the only other way to open your data.</p>
          <p>Write it down or print it, and keep it away from this computer. It will not be shown again.</p>
        </>
      }
    >
      <p className={styles.recoveryKey} data-testid="recovery-key" aria-label="Recovery key">
        {/* Two lines of four groups: easier to copy by hand than one long run. */}
        <span>{recoveryKey.slice(0, 19)}</span>
        <span>{recoveryKey.slice(20)}</span>
      </p>
      <div className={styles.keyActions}>
        <Button onClick={() => void copy()}>Copy</Button>
        <Button onClick={() => window.print()}>Print</Button>
      </div>
      <p aria-live="polite" className={styles.lead}>
        {copyStatus}
      </p>
      <p className={styles.warning}>
        If you lose both your passphrase and this key, your data cannot be recovered by anyone.
      </p>
      <label className={styles.confirm}>
        <input type="checkbox" checked={isSaved} onChange={(event) => setIsSaved(event.target.checked)} />
        <span>I have saved my recovery key somewhere safe.</span>
      </label>
      <FormError message={confirmError ?? undefined} />
      <div className={styles.actions}>
        <span />
        <Button variant="primary" disabled={!isSaved || isConfirming} onClick={onConfirmed}>
          Continue to Advocase
        </Button>
      </div>
    </AuthLayout>
  );
}
