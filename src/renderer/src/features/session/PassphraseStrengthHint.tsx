import { estimatePassphraseStrength } from './passphrase-strength';
import styles from './SessionScreens.module.css';

export function PassphraseStrengthHint({ passphrase }: { passphrase: string }) {
  if (!passphrase) return <>Use four or more unrelated words: long, and easy for you to remember.</>;
  const strength = estimatePassphraseStrength(passphrase);
  return (
    <span className={styles.strength} aria-live="polite">
      <span className={styles.strengthMeter} aria-hidden>
        <span className={`${styles.strengthFill} ${styles[strength.level]}`} />
      </span>
      {strength.label}
    </span>
  );
}
