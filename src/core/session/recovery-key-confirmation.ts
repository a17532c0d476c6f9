import { settingsEntry } from '../settings/settings-entry';

/**
 * Whether the recovery key last shown still waits for the user to say it is saved. Kept in the
 * encrypted store, so a reload (or a crash) on the "Save your recovery key" screen cannot skip the
 * confirmation; the key itself is never stored, so what comes back after a reload is the offer to
 * make a new one (docs/security.md §4).
 */
export const recoveryKeyConfirmation = settingsEntry(
  'recoveryKeyAwaitingConfirmation',
  (stored) => stored === true,
);
