import { localToday } from '@shared/schemas/fields';

/** The periods a grant report usually asks for, and any other the advocate types. */
export const periodPresets = ['this-year', 'last-12-months', 'last-year', 'custom'] as const;
export type PeriodPreset = (typeof periodPresets)[number];

export const periodPresetLabels: Readonly<Record<PeriodPreset, string>> = {
  'this-year': 'This year',
  'last-12-months': 'Last 12 months',
  'last-year': 'Last calendar year',
  custom: 'Custom dates',
};

/** From and To for a preset, as of today where the advocate is; "custom" keeps what was typed. */
export function periodFor(
  preset: Exclude<PeriodPreset, 'custom'>,
  today: string = localToday(),
): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (preset) {
    case 'this-year':
      return { from: `${year}-01-01`, to: today };
    case 'last-year':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
    case 'last-12-months': {
      // Twelve whole months on the chart: from the first of the month eleven months ago.
      const startMonth = month === 12 ? 1 : month + 1;
      const startYear = month === 12 ? year : year - 1;
      return { from: `${startYear}-${String(startMonth).padStart(2, '0')}-01`, to: today };
    }
  }
}
