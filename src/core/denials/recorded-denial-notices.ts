import type { Kysely } from 'kysely';
import {
  appealWindowSchema,
  denialReasonCategories,
  noticeCheckSchema,
} from '../../shared/schemas/denial-notice';
import type { RecordedDenialNotice } from '../../shared/schemas/case-denial-notice';
import type { AdvocaseDatabase } from '../db/schema';
import type { CaseDenialNoticeRow } from '../db/tables/case-denial-notices';

type NoticeWithEvent = CaseDenialNoticeRow & { readonly event_details: string };

function toRecordedDenialNotice(row: NoticeWithEvent): RecordedDenialNotice {
  const details = JSON.parse(row.event_details) as {
    noticeDate?: string;
    receivedOn?: string | null;
    requestingProvider?: string | null;
    datesOfService?: string | null;
  };
  return {
    id: row.id,
    caseId: row.case_id,
    eventId: row.event_id,
    documentId: row.document_id,
    noticeDate: details.noticeDate ?? '',
    receivedOn: details.receivedOn ?? null,
    referenceNumber: row.reference_number,
    reasonText: row.reason_text,
    reasonCategory:
      row.reason_category !== null && denialReasonCategories.includes(row.reason_category)
        ? row.reason_category
        : null,
    policyCited: row.policy_cited,
    denialCode: row.denial_code,
    // On the decision's timeline entry, beside its dates (notices recorded earlier have none).
    requestingProvider: details.requestingProvider ?? null,
    datesOfService: details.datesOfService ?? null,
    // Parsed, not cast: the JSON was written by this version or an earlier one.
    statedWindow: row.stated_window === null ? null : appealWindowSchema.parse(JSON.parse(row.stated_window)),
    noticeCheck: noticeCheckSchema.parse(JSON.parse(row.notice_check)),
    recordedAt: row.created_at,
  };
}

/** A case's recorded denial notices whose timeline entry is still there, newest first. */
export async function listRecordedDenialNotices(
  db: Kysely<AdvocaseDatabase>,
  caseId: number,
): Promise<RecordedDenialNotice[]> {
  const rows = await db
    .selectFrom('case_denial_notices as n')
    .innerJoin('events as e', 'e.id', 'n.event_id')
    .selectAll('n')
    .select('e.details as event_details')
    .where('n.case_id', '=', caseId)
    .where('n.deleted_at', 'is', null)
    .where('e.deleted_at', 'is', null)
    .orderBy('n.id', 'desc')
    .execute();
  return rows.map(toRecordedDenialNotice);
}
