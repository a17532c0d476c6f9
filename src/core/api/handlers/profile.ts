import type { HandlersOf } from '../../../shared/contract/index';
import { readAdvocateProfile, saveAdvocateProfile } from '../../profile/profile-service';
import type { HandlerContext } from './handler-context';

export function profileHandlers({ session }: HandlerContext): HandlersOf<'profile'> {
  return {
    'profile.get': () => session.useStore(async ({ db }) => ({ profile: await readAdvocateProfile(db) })),
    'profile.save': (profile) =>
      session.useStore(async ({ db }) => ({
        profile: await saveAdvocateProfile(db, session.actor, profile),
      })),
  };
}
