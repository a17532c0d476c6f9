import { useEffect, useState } from 'react';
import { estimatePassphraseStrength, type PassphraseStrength } from './passphrase-strength';
import styles from './SessionScreens.module.css';

export function PassphraseStrengthHint({ passphrase }: { passphrase: string }) {
  // The rating and the text it rates, so a rating of older text is never shown for newer.
  const [rated, setRated] = useState<{ passphrase: string; strength: PassphraseStrength } | null>(null);
  useEffect(() => {
    if (!passphrase) return;
    // The estimator loads its dictionaries on first use.
    let isCurrent = true;
    void estimatePassphraseStrength(passphrase).then((strength) => {
      if (isCurrent) setRated({ passphrase, strength });
    });
    return () => {
      isCurrent = false;
    };
  }, [passphrase]);
  const strength = rated?.passphrase === passphrase ? rated.strength : null;
  if (!passphrase) return <>Use four or more unrelated words: long, and easy for you to remember.</>;
  return (
    <span className={styles.strength} aria-live="polite">
      <span className={styles.strengthMeter} aria-hidden>
        <span className={`${styles.strengthFill} ${strength ? styles[strength.level] : ''}`} />
      </span>
      {strength?.label ?? 'Checking…'}
    </span>
  );
}
