import type { HandlersOf } from '../../../shared/contract/index';
import { verifyAuditChain } from '../../audit/verify-audit-chain';
import type { HandlerContext } from './handler-context';

export function auditHandlers({ session }: HandlerContext): HandlersOf<'audit'> {
  return {
    'audit.verify': () => session.useStore(({ db }) => verifyAuditChain(db)),
  };
}
