import type { HandlersOf } from '../../../shared/contract/index';
import {
  readVerificationScript,
  recordVerificationCall,
  saveVerificationScript,
} from '../../verification/verification-service';
import type { HandlerContext } from './handler-context';

export function verificationHandlers({ session }: HandlerContext): HandlersOf<'verification'> {
  return {
    'verification.getScript': () => session.useStore(({ db }) => readVerificationScript(db)),
    'verification.saveScript': ({ questions }) =>
      session.useStore(({ db }) => saveVerificationScript(db, session.actor, questions)),
    'verification.record': (input) =>
      session.useStore(({ db }) => recordVerificationCall(db, session.actor, input)),
  };
}
