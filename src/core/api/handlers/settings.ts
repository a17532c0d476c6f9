import type { HandlersOf } from '../../../shared/contract/index';
import { readSettings, updateSettings } from '../../settings/settings-service';
import type { HandlerContext } from './handler-context';

export function settingsHandlers({ session }: HandlerContext): HandlersOf<'settings'> {
  return {
    'settings.get': () => session.useStore(({ db }) => readSettings(db)),
    'settings.update': (changes) =>
      session.useStore(async ({ db }) => {
        const settings = await updateSettings(db, session.actor, changes);
        session.setAutoLockMinutes(settings.autoLockMinutes);
        return settings;
      }),
  };
}
