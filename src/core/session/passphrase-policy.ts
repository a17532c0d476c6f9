import { ratePassphrase } from '../../shared/domain/passphrase-strength';
import { AppError } from '../errors';

/**
 * Refuses a new passphrase the estimator rates weak, with its hint (docs/security.md §4). Checked where
 * a passphrase is chosen (setup, change, recovery), never at unlock: an existing passphrase must
 * keep opening the data it protects.
 */
export async function assertStrongPassphrase(passphrase: string, field: string): Promise<void> {
  const rating = await ratePassphrase(passphrase);
  if (!rating.isAcceptable) throw new AppError('INVALID_INPUT', rating.hint, field);
}
