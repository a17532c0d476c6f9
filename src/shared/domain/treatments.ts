export const treatmentKinds = ['iv_ketamine', 'esketamine', 'tms', 'other'] as const;
export type TreatmentKind = (typeof treatmentKinds)[number];

export const treatmentLabels: Readonly<Record<TreatmentKind, string>> = {
  iv_ketamine: 'IV ketamine',
  esketamine: 'Esketamine (Spravato)',
  tms: 'TMS',
  other: 'Other',
};

const treatmentAliases: ReadonlyArray<readonly [RegExp, TreatmentKind]> = [
  [/^(iv[\s_-]*)?ketamine( infusions?)?$/i, 'iv_ketamine'],
  [/^(esketamine|spravato)(\s*\(spravato\))?$/i, 'esketamine'],
  [/^(r?tms|transcranial magnetic stimulation)$/i, 'tms'],
];

/**
 * How an "other" treatment's own words name a known one ("Deep TMS (BrainsWay)" is a TMS), so a
 * filter on the known treatment finds it too. Lower case, matched inside " " + text: a leading
 * space stands for a word start.
 */
export const treatmentMentions: Readonly<Partial<Record<TreatmentKind, readonly string[]>>> = {
  tms: [' tms', ' rtms', ' dtms', 'transcranial magnetic'],
  esketamine: ['esketamine', 'spravato'],
  iv_ketamine: [' iv ketamine', 'ketamine infusion'],
};

/**
 * Reads a treatment typed by a person or a spreadsheet ("Spravato", "IV ketamine", "rTMS").
 * Anything unrecognised is kept word for word as an "other" treatment rather than rejected.
 */
export function parseTreatment(text: string): { kind: TreatmentKind; detail: string | null } {
  const trimmed = text.trim();
  const known = treatmentAliases.find(([pattern]) => pattern.test(trimmed));
  if (known) return { kind: known[1], detail: null };
  return { kind: 'other', detail: trimmed };
}

export function describeTreatment(kind: TreatmentKind, detail: string | null): string {
  return kind === 'other' && detail ? detail : treatmentLabels[kind];
}
