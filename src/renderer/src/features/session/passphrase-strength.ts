import { ratePassphrase } from '@shared/domain/passphrase-strength';
import { minimumPassphraseLength } from '@shared/schemas/session';

export type PassphraseStrength = {
  readonly level: 'too-short' | 'weak' | 'fair' | 'strong';
  readonly label: string;
};

/**
 * The hint under a new-passphrase field, from the same estimator (zxcvbn) and threshold that
 * Advocase enforces when the passphrase is saved: "weak" here is what will be refused.
 */
export async function estimatePassphraseStrength(passphrase: string): Promise<PassphraseStrength> {
  if (passphrase.length < minimumPassphraseLength) {
    return { level: 'too-short', label: `Too short: at least ${minimumPassphraseLength} characters` };
  }
  const rating = await ratePassphrase(passphrase);
  if (!rating.isAcceptable)
    return { level: 'weak', label: `Weak. ${rating.hint.replace(/^Too easy to guess\. /, '')}` };
  return rating.score === 3
    ? { level: 'fair', label: 'Fair: accepted; another word makes it stronger' }
    : { level: 'strong', label: 'Strong' };
}
