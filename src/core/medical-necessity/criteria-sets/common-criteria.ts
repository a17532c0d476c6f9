import type { Criterion } from '../../../shared/schemas/criteria-sets';

/**
 * Criteria worded the same way in several policies (payer-criteria.md §2), built once so each
 * set file lists only what differs.
 */

export function adult(text = 'Age 18 or older'): Criterion {
  return { id: 'age', text, kind: 'age', minimumAge: 18, maximumAge: null };
}

/** ICD-10-CM F32 (single episode) and F33 (recurrent): codes.md §5.1–5.2. */
export function majorDepressiveDisorder(text: string): Criterion {
  return { id: 'diagnosis', text, kind: 'diagnosis', codePrefixes: ['F32', 'F33'] };
}

export function prescribedByPsychiatrist(text = 'Prescribed by a psychiatrist'): Criterion {
  return {
    id: 'prescriber',
    text,
    kind: 'clinical_fact',
    factKey: 'prescriber_is_psychiatrist',
    requiredAnswer: 'yes',
  };
}

export function pdmpChecked(): Criterion {
  return {
    id: 'pdmp',
    text: 'State prescription-drug monitoring program (PDMP) checked',
    kind: 'clinical_fact',
    factKey: 'pdmp_checked',
    requiredAnswer: 'yes',
  };
}

export function noPsychosisHistory(): Criterion {
  return {
    id: 'psychosis',
    text: 'No history of psychosis, unless the prescriber judges that the benefit outweighs the risk',
    kind: 'clinical_fact',
    factKey: 'psychosis_history',
    requiredAnswer: 'no',
  };
}

export function remsCertifiedSite(
  text = 'Treatment site and pharmacy certified in the SPRAVATO REMS',
): Criterion {
  return { id: 'rems', text, kind: 'clinical_fact', factKey: 'site_rems_certified', requiredAnswer: 'yes' };
}

export function twoHourMonitoring(text = 'Monitoring for at least 2 hours after each dose'): Criterion {
  return {
    id: 'monitoring',
    text,
    kind: 'clinical_fact',
    factKey: 'monitoring_plan_two_hours',
    requiredAnswer: 'yes',
  };
}

/** Cigna and Evicore define non-response the same way; the app cannot read a percentage from the records. */
export function nonResponseDefinition(): Criterion {
  return {
    id: 'non-response',
    text: 'Each failed antidepressant: 25% improvement or less in symptoms or scores',
    kind: 'manual',
    guidance: 'Compare the rating-scale scores or the clinician notes before and after each trial.',
  };
}

/** Several policies still ask for one; the January 2025 monotherapy label may make it out of date (§1). */
export function concurrentOralAntidepressant(text = 'Used together with an oral antidepressant'): Criterion {
  return {
    id: 'concurrent-ad',
    text,
    kind: 'manual',
    guidance:
      'Check the current medication list. If the client takes none for TRD, cite the FDA monotherapy approval of January 21, 2025 in the request.',
  };
}
