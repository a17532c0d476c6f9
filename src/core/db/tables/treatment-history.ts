import type { ColumnType, Generated, Selectable } from 'kysely';
import type {
  DrugClass,
  ScoreInstrument,
  TrialKind,
  TrialOutcome,
} from '../../../shared/domain/treatment-history';

/** One prior treatment of a client, as the advocate read it from the records (migration 0040). */
export type TreatmentTrialsTable = {
  id: Generated<number>;
  client_id: number;
  kind: TrialKind;
  name: string;
  drug_class: DrugClass | null;
  peak_dose: string | null;
  /** YYYY-MM-DD */
  started_on: string | null;
  ended_on: string | null;
  /** As the records state it; null when not documented (never worked out from the dates). */
  weeks_at_therapeutic_dose: number | null;
  /** 1 yes, 0 no, null not documented. */
  is_dose_adequate: number | null;
  outcome: TrialOutcome;
  is_in_current_episode: number | null;
  source_document_id: number | null;
  source_event_id: number | null;
  notes: string | null;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
  deleted_at: string | null;
};

/** One rating-scale score of a client on a day. */
export type SymptomScoresTable = {
  id: Generated<number>;
  client_id: number;
  instrument: ScoreInstrument;
  score: number;
  /** YYYY-MM-DD */
  taken_on: string;
  note: string | null;
  source_document_id: number | null;
  source_event_id: number | null;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
  deleted_at: string | null;
};

export type TreatmentTrialRow = Selectable<TreatmentTrialsTable>;
export type SymptomScoreRow = Selectable<SymptomScoresTable>;
