import type { ColumnType, Generated, Selectable } from 'kysely';
import type { FundingOptionType, FundingStatus } from '../../../shared/domain/funding-options';
import type { ParallelTrackRoute, TrackStatus } from '../../../shared/domain/parallel-tracks';

/**
 * One funding route tried on a case (migration 0051). Amounts are whole cents. For money raised,
 * read `amount_granted_cents` of rows with status 'granted' and `deleted_at` null.
 */
export type FundingOptionsTable = {
  id: Generated<number>;
  case_id: number;
  option_type: FundingOptionType;
  program_name: string;
  eligibility_notes: string | null;
  status: FundingStatus;
  /** YYYY-MM-DD: the last day to apply (the user's date, not a legal deadline). */
  apply_by: string | null;
  applied_on: string | null;
  response_expected_on: string | null;
  decided_on: string | null;
  renewal_on: string | null;
  amount_requested_cents: number | null;
  amount_granted_cents: number | null;
  /** JSON array of vault document ids sent with the application. */
  document_ids: Generated<string>;
  next_step: string | null;
  next_step_on: string | null;
  notes: string | null;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
  deleted_at: string | null;
};
export type FundingOptionRow = Selectable<FundingOptionsTable>;

/** An option the user marked "not relevant" on a case's "not yet considered" checklist. */
export type FundingDismissalsTable = {
  id: Generated<number>;
  case_id: number;
  option_type: FundingOptionType;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
};

/** The user's own word on one route of a client's parallel tracks board. */
export type ParallelTrackNotesTable = {
  id: Generated<number>;
  client_id: number;
  route: ParallelTrackRoute;
  /** Null: the board derives the status from the records. */
  status: TrackStatus | null;
  note: string | null;
  next_step: string | null;
  next_step_on: string | null;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
};
export type ParallelTrackNoteRow = Selectable<ParallelTrackNotesTable>;
