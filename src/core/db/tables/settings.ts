import type { Selectable } from 'kysely';

/** Preferences kept inside the encrypted store; values are JSON. */
export type SettingsTable = {
  key: string;
  value: string;
};

export type SettingRow = Selectable<SettingsTable>;
