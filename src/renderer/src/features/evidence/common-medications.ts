import type { DrugClass, TrialKind } from '@shared/domain/treatment-history';

/**
 * Common antidepressants and augmenting agents with their pharmacologic class, so typing a name
 * suggests the class (the advocate can change it). Generic names with the best-known US brand.
 */
const medications: ReadonlyArray<
  readonly [name: string, brand: string, drugClass: DrugClass, kind: TrialKind]
> = [
  ['Sertraline', 'Zoloft', 'ssri', 'medication'],
  ['Fluoxetine', 'Prozac', 'ssri', 'medication'],
  ['Escitalopram', 'Lexapro', 'ssri', 'medication'],
  ['Citalopram', 'Celexa', 'ssri', 'medication'],
  ['Paroxetine', 'Paxil', 'ssri', 'medication'],
  ['Fluvoxamine', 'Luvox', 'ssri', 'medication'],
  ['Venlafaxine', 'Effexor', 'snri', 'medication'],
  ['Desvenlafaxine', 'Pristiq', 'snri', 'medication'],
  ['Duloxetine', 'Cymbalta', 'snri', 'medication'],
  ['Levomilnacipran', 'Fetzima', 'snri', 'medication'],
  ['Bupropion', 'Wellbutrin', 'atypical', 'medication'],
  ['Mirtazapine', 'Remeron', 'atypical', 'medication'],
  ['Trazodone', 'Desyrel', 'serotonin_modulator', 'medication'],
  ['Vortioxetine', 'Trintellix', 'serotonin_modulator', 'medication'],
  ['Vilazodone', 'Viibryd', 'serotonin_modulator', 'medication'],
  ['Nefazodone', 'Serzone', 'serotonin_modulator', 'medication'],
  ['Amitriptyline', 'Elavil', 'tca', 'medication'],
  ['Nortriptyline', 'Pamelor', 'tca', 'medication'],
  ['Imipramine', 'Tofranil', 'tca', 'medication'],
  ['Desipramine', 'Norpramin', 'tca', 'medication'],
  ['Clomipramine', 'Anafranil', 'tca', 'medication'],
  ['Doxepin', 'Sinequan', 'tca', 'medication'],
  ['Phenelzine', 'Nardil', 'maoi', 'medication'],
  ['Tranylcypromine', 'Parnate', 'maoi', 'medication'],
  ['Isocarboxazid', 'Marplan', 'maoi', 'medication'],
  ['Selegiline patch', 'Emsam', 'maoi', 'medication'],
  ['Aripiprazole', 'Abilify', 'antipsychotic', 'augmentation'],
  ['Brexpiprazole', 'Rexulti', 'antipsychotic', 'augmentation'],
  ['Quetiapine', 'Seroquel', 'antipsychotic', 'augmentation'],
  ['Cariprazine', 'Vraylar', 'antipsychotic', 'augmentation'],
  ['Olanzapine/fluoxetine', 'Symbyax', 'antipsychotic', 'augmentation'],
  ['Lithium', 'Lithobid', 'lithium', 'augmentation'],
  ['Liothyronine (T3)', 'Cytomel', 'thyroid', 'augmentation'],
];

/** Names the name field offers as you type: "Sertraline (Zoloft)". */
export const medicationSuggestions: readonly string[] = medications.map(
  ([name, brand]) => `${name} (${brand})`,
);

/** The class and kind of a typed name, generic or brand, any case; null when it is not in the list. */
export function lookUpMedication(typed: string): { drugClass: DrugClass; kind: TrialKind } | null {
  const words = typed
    .toLowerCase()
    .replace(/\(.*\)/, '')
    .trim();
  const brandInParentheses = /\(([^)]+)\)/.exec(typed.toLowerCase())?.[1]?.trim();
  const match = medications.find(
    ([name, brand]) =>
      name.toLowerCase() === words ||
      brand.toLowerCase() === words ||
      brand.toLowerCase() === brandInParentheses,
  );
  return match ? { drugClass: match[2], kind: match[3] } : null;
}
