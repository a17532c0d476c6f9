import { minimumPassphraseLength } from '@shared/schemas/session';

export type PassphraseStrength = {
  readonly level: 'too-short' | 'weak' | 'fair' | 'strong';
  readonly label: string;
};

const commonFragments = [
  'password',
  'passphrase',
  'qwerty',
  'letmein',
  '123456',
  'abcdef',
  'advocase',
  'iloveyou',
];

/**
 * A rough guess of how hard a passphrase is to guess, for the hint under the field. It only
 * advises: the passphrase protects health records, so it nudges toward several unrelated words.
 */
export function estimatePassphraseStrength(passphrase: string): PassphraseStrength {
  if (passphrase.length < minimumPassphraseLength) {
    return { level: 'too-short', label: `Too short: at least ${minimumPassphraseLength} characters` };
  }
  const alphabetSize =
    (/[a-z]/.test(passphrase) ? 26 : 0) +
    (/[A-Z]/.test(passphrase) ? 26 : 0) +
    (/\d/.test(passphrase) ? 10 : 0) +
    (/[^a-zA-Z\d]/.test(passphrase) ? 33 : 0);
  const distinctCharacters = new Set(passphrase.toLowerCase()).size;
  // Repeats add little: count each character once more than it is distinct, capped at the length.
  const effectiveLength = Math.min(passphrase.length, distinctCharacters * 2);
  let bits = effectiveLength * Math.log2(Math.max(alphabetSize, 2));
  const lowered = passphrase.toLowerCase();
  if (commonFragments.some((fragment) => lowered.includes(fragment))) bits -= 30;
  if (bits < 45) return { level: 'weak', label: 'Weak: easy to guess' };
  if (bits < 70) return { level: 'fair', label: 'Fair: longer is safer' };
  return { level: 'strong', label: 'Strong' };
}
