import type { ColumnType, Generated, Selectable } from 'kysely';
import type { DenialReasonCategory } from '../../../shared/schemas/denial-notice';
import type { PlanType } from '../../../shared/domain/plan-types';

/** A denial notice read into a case (migration 0095): the confirmed facts and the notice's check. */
export type CaseDenialNoticesTable = {
  id: Generated<number>;
  case_id: number;
  /** The `payer_decision` entry the notice recorded on the timeline. */
  event_id: number;
  document_id: number | null;
  reference_number: string | null;
  /** As the notice words it. */
  reason_text: string | null;
  reason_category: DenialReasonCategory | null;
  policy_cited: string | null;
  denial_code: string | null;
  /** JSON of an `AppealWindow` as the notice states it; null when it states none. */
  stated_window: string | null;
  /** The plan type the notice was checked against. */
  plan_type: PlanType;
  /** JSON of a `NoticeCheck`. */
  notice_check: string;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
  deleted_at: string | null;
};

export type CaseDenialNoticeRow = Selectable<CaseDenialNoticesTable>;
