import type { TreatmentKind } from '../../shared/domain/treatments';
import type {
  ClinicalFactAnswer,
  ClinicalFactKey,
  DrugClass,
  ScoreInstrument,
  TrialKind,
  TrialOutcome,
} from '../../shared/domain/treatment-history';

/** Where a fact comes from: the vault document or timeline event that shows it. */
export type EvidenceSource = {
  readonly documentId: number | null;
  readonly eventId: number | null;
  /** What a reader sees: "Pharmacy record, 2025-03-02" or the event's summary. */
  readonly label: string;
};

/** One prior treatment, as the advocate recorded it from the records. */
export type TreatmentTrial = {
  readonly id: number;
  readonly kind: TrialKind;
  /** Drug or therapy name as written in the records ("sertraline", "CBT"). */
  readonly name: string;
  readonly drugClass: DrugClass | null;
  /** As written ("200 mg/day"); null when not documented. */
  readonly peakDose: string | null;
  /** YYYY-MM-DD; null when not documented. */
  readonly startedOn: string | null;
  readonly endedOn: string | null;
  /** Weeks at a therapeutic dose; null when not documented (never computed from dates). */
  readonly weeksAtTherapeuticDose: number | null;
  /** The clinician's judgement that the dose was therapeutic; null when not documented. */
  readonly isDoseAdequate: boolean | null;
  readonly outcome: TrialOutcome;
  /** Whether the trial was in the current depressive episode; null when not documented. */
  readonly isInCurrentEpisode: boolean | null;
  readonly source: EvidenceSource | null;
  readonly notes: string | null;
};

export type SymptomScore = {
  readonly id: number;
  readonly instrument: ScoreInstrument;
  readonly score: number;
  /** YYYY-MM-DD */
  readonly takenOn: string;
  readonly source: EvidenceSource | null;
};

export type ClinicalFact = {
  readonly key: ClinicalFactKey;
  readonly answer: ClinicalFactAnswer;
  readonly source: EvidenceSource | null;
};

/**
 * Everything known about one case that a payer's medical-necessity criteria can be judged
 * against. Built from the database by `loadCaseClinicalFacts`; the criteria check and the
 * letters read only this, so both judge the same facts.
 */
export type CaseClinicalFacts = {
  readonly caseId: number;
  readonly treatment: TreatmentKind;
  /** The day the facts were read, YYYY-MM-DD: ages and "within the past N weeks" count from it. */
  readonly asOf: string;
  /** Whole years on `asOf`; null when the date of birth is not recorded. */
  readonly ageYears: number | null;
  /** ICD-10-CM codes on the case, as entered. */
  readonly diagnosisCodes: readonly string[];
  readonly procedureCodes: readonly string[];
  /** The client's treatment history (it belongs to the client; every case of theirs sees it). */
  readonly trials: readonly TreatmentTrial[];
  /** Oldest first. */
  readonly scores: readonly SymptomScore[];
  /** Only the facts the advocate has recorded; a key that is absent is unknown. */
  readonly facts: readonly ClinicalFact[];
};
