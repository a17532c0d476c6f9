import {
  criteriaSetDefinitionSchema,
  type CriteriaSet,
  type CriteriaSetDefinition,
} from '../../../shared/schemas/criteria-sets';
import type { TreatmentKind } from '../../../shared/domain/treatments';
import { bcbsMassachusettsIvKetamine, bcbsMassachusettsSpravato } from './bcbs-massachusetts';
import {
  bcbsNorthDakotaSpravatoVersionA,
  bcbsNorthDakotaSpravatoVersionB,
} from './bcbs-north-dakota-spravato';
import { careFirstSpravatoTrd } from './carefirst-spravato';
import { cignaSpravatoSuicidalIdeation, cignaSpravatoTrd } from './cigna-spravato';
import { commonPatternSpravato } from './common-pattern-spravato';
import { evicoreSpravatoTrd } from './evicore-spravato';
import { aetnaIvKetamine, usualIvKetaminePosition } from './iv-ketamine-positions';
import { qualChoiceSpravatoTrd } from './qualchoice-spravato';
import { tmsToComplete } from './tms-to-complete';
import { unitedHealthcareSpravatoTrd } from './unitedhealthcare-spravato';

/** Stable ids: a case stores the id of the set it uses, so these never change once shipped. */
const shippedDefinitions: Readonly<Record<string, CriteriaSetDefinition>> = {
  'common-spravato': commonPatternSpravato,
  'cigna-spravato-trd': cignaSpravatoTrd,
  'cigna-spravato-mdd-si': cignaSpravatoSuicidalIdeation,
  'uhc-spravato-trd': unitedHealthcareSpravatoTrd,
  'evicore-spravato-trd': evicoreSpravatoTrd,
  'bcbs-nd-spravato-a': bcbsNorthDakotaSpravatoVersionA,
  'bcbs-nd-spravato-b': bcbsNorthDakotaSpravatoVersionB,
  'carefirst-spravato-trd': careFirstSpravatoTrd,
  'bcbs-ma-spravato': bcbsMassachusettsSpravato,
  'qualchoice-spravato-trd': qualChoiceSpravatoTrd,
  'usual-iv-ketamine': usualIvKetaminePosition,
  'aetna-iv-ketamine': aetnaIvKetamine,
  'bcbs-ma-iv-ketamine': bcbsMassachusettsIvKetamine,
  'tms-to-complete': tmsToComplete,
};

/** The set a case falls back to when its payer has none of its own. */
const defaultSetIdByTreatment: Readonly<Record<TreatmentKind, string | null>> = {
  esketamine: 'common-spravato',
  iv_ketamine: 'usual-iv-ketamine',
  tms: 'tms-to-complete',
  other: null,
};

export function isSeenViaAggregator(definition: CriteriaSetDefinition): boolean {
  return definition.sources.some((source) => source.kind === 'aggregator');
}

/**
 * Every shipped set, checked against the same schema a user's set must pass: a typo in the data
 * (a threshold out of range, an http link) fails at start-up and in the tests, not in front of a user.
 */
export const shippedCriteriaSets: readonly CriteriaSet[] = Object.entries(shippedDefinitions).map(
  ([id, definition]) => {
    const parsed = criteriaSetDefinitionSchema.parse(definition);
    return { id, origin: 'shipped', isSeenViaAggregator: isSeenViaAggregator(parsed), definition: parsed };
  },
);

/**
 * The set to use for a case nobody chose one for: a set whose payer words appear in the case's
 * payer name, for the case's treatment; otherwise the treatment's default.
 */
export function defaultCriteriaSetFor(
  sets: readonly CriteriaSet[],
  payer: string | null,
  treatment: TreatmentKind,
): CriteriaSet | null {
  const payerName = (payer ?? '').toLowerCase();
  const forTreatment = sets.filter((set) => set.definition.treatment === treatment);
  const byPayer = payerName
    ? forTreatment.find((set) => set.definition.payerMatch.some((word) => payerName.includes(word)))
    : undefined;
  if (byPayer) return byPayer;
  const fallbackId = defaultSetIdByTreatment[treatment];
  return forTreatment.find((set) => set.id === fallbackId) ?? null;
}
