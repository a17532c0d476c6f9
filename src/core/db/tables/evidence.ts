import type { ColumnType, Generated, Selectable } from 'kysely';
import type { EvidenceItemKey, EvidenceStatus } from '../../../shared/domain/evidence-checklist';
import type { ClinicalFactAnswer, ClinicalFactKey } from '../../../shared/domain/treatment-history';

/** A yes/no/unknown fact about a case that payer criteria ask about (migration 0040). */
export type CaseClinicalFactsTable = {
  id: Generated<number>;
  case_id: number;
  fact_key: ClinicalFactKey;
  answer: ClinicalFactAnswer;
  note: string | null;
  source_document_id: number | null;
  source_event_id: number | null;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
  deleted_at: string | null;
};

/** A vault document or a timeline entry offered for one checklist item of a case. Exactly one of the two is set. */
export type EvidenceLinksTable = {
  id: Generated<number>;
  case_id: number;
  item_key: EvidenceItemKey;
  document_id: number | null;
  event_id: number | null;
  note: string | null;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
  deleted_at: string | null;
};

/** The status the advocate set by hand for a checklist item; it wins over the automatic one. */
export type EvidenceItemStatusesTable = {
  id: Generated<number>;
  case_id: number;
  item_key: EvidenceItemKey;
  status: EvidenceStatus;
  reason: string | null;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
  deleted_at: string | null;
};

/** Each case's readiness, kept current by the evidence work; triggers copy it into the caseload. */
export type CaseEvidenceSummariesTable = {
  case_id: number;
  readiness_percent: number;
  done_count: number;
  partial_count: number;
  applicable_count: number;
  computed_at: string;
};

export type CaseClinicalFactRow = Selectable<CaseClinicalFactsTable>;
export type EvidenceLinkRow = Selectable<EvidenceLinksTable>;
export type EvidenceItemStatusRow = Selectable<EvidenceItemStatusesTable>;
