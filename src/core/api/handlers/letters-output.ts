import type { HandlersOf } from '../../../shared/contract/index';
import { LetterOutputService } from '../../letters/letter-output-service';
import { VaultService } from '../../vault/vault-service';
import type { HandlerContext } from './handler-context';

type LetterOutputMethods =
  'letters.exportPdf' | 'letters.exportDocx' | 'letters.buildPacket' | 'letters.markSent';

export function lettersOutputHandlers({
  session,
}: HandlerContext): Pick<HandlersOf<'letters'>, LetterOutputMethods> {
  const letters = new LetterOutputService(session, new VaultService(session));
  return {
    'letters.exportPdf': (input) => letters.exportPdf(input),
    'letters.exportDocx': (input) => letters.exportDocx(input),
    'letters.buildPacket': (input) => letters.buildPacket(input),
    'letters.markSent': (input) => letters.markSent(input),
  };
}
