import { formatCaseNumber } from '../../shared/domain/case-number';
import { timelineEventTypeLabels, type TimelineEventType } from '../../shared/domain/timeline-event-types';

/** A stored row as the audit log keeps it (JSON of the columns). */
export type AuditedRow = Readonly<Record<string, unknown>>;

const fieldLabels: Readonly<Record<string, string>> = {
  full_name: 'name',
  date_of_birth: 'date of birth',
  preferred_language: 'preferred language',
  treatment_detail: 'treatment',
  coverage_id: 'coverage',
  provider_id: 'provider',
  claim_type: 'claim type',
  is_urgent: 'urgency',
  procedure_codes: 'procedure codes',
  diagnosis_codes: 'diagnosis codes',
  assigned_advocate: 'assigned advocate',
  billed_cents: 'amount billed',
  allowed_cents: 'amount allowed',
  paid_cents: 'amount paid',
  saved_cents: 'amount saved',
  closed_on: 'closing date',
  opened_on: 'opening date',
  occurred_at: 'date',
  member_id: 'member ID',
  group_number: 'group number',
  plan_name: 'plan name',
  plan_type: 'plan type',
  effective_on: 'effective date',
  ends_on: 'end date',
  due_on: 'due date',
  done_at: 'done',
  inputs: 'estimate inputs',
  planned_course: 'planned course',
  fields: 'plan details',
  program_name: 'program name',
  amount_requested_cents: 'amount requested',
  amount_granted_cents: 'amount granted',
  apply_by: 'apply-by date',
  response_expected_on: 'answer expected date',
  decided_on: 'decision date',
  renewal_on: 'renewal date',
  document_ids: 'documents sent',
  worked_on: 'date',
  ended_at: 'end',
  is_billable: 'billable',
  rate_cents: 'rate',
  invoice_id: 'invoice',
  closing_deadlines: 'open deadlines at closing',
};

/** Bookkeeping that goes with a change of stage (migration 0070): not worth naming to the user. */
const unnamedFields: ReadonlySet<string> = new Set(['stage_source', 'stage_kept_against_event_id']);

export function changedFields(before: AuditedRow, after: AuditedRow): string[] {
  return Object.keys(after).filter(
    (key) =>
      key !== 'updated_at' && JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null),
  );
}

function listOfFields(fields: readonly string[]): string {
  const labels = fields.map((field) => fieldLabels[field] ?? field.replace(/_/g, ' '));
  if (labels.length <= 2) return labels.join(' and ');
  return `${labels.slice(0, 2).join(', ')} and ${labels.length - 2} more`;
}

function text(value: unknown, fallback: number): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : String(fallback);
}

function nameOf(table: string, row: AuditedRow, rowId: number): string {
  switch (table) {
    case 'clients':
      return `client ${text(row.full_name, rowId)}`;
    case 'cases':
      return `case ${formatCaseNumber(rowId)}`;
    case 'events': {
      const label = timelineEventTypeLabels[row.type as TimelineEventType] ?? 'Timeline entry';
      return `${label.toLowerCase()} on case ${formatCaseNumber(Number(row.case_id))}`;
    }
    case 'tasks':
      return `task "${text(row.title, rowId)}"`;
    case 'coverages':
      return `coverage ${text(row.payer, rowId)}`;
    case 'authorizations':
      return 'an authorization';
    case 'providers':
      return `provider ${text(row.name, rowId)}`;
    case 'treatment_trials':
      return `treatment ${text(row.name, rowId)}`;
    case 'symptom_scores':
      return `${text(row.instrument, rowId)} score of ${text(row.taken_on, rowId)}`;
    case 'case_clinical_facts':
    case 'evidence_links':
    case 'evidence_item_statuses':
      return `evidence on case ${formatCaseNumber(Number(row.case_id))}`;
    case 'case_cost_estimates':
      return `cost estimate of case ${formatCaseNumber(Number(row.case_id))}`;
    case 'plan_comparisons':
      return 'planned course of a plan comparison';
    case 'candidate_plans':
      return 'a candidate plan';
    case 'funding_options':
      return `funding option "${text(row.program_name, rowId)}"`;
    case 'funding_dismissals':
      return `"not relevant" mark on a funding option of case ${formatCaseNumber(Number(row.case_id))}`;
    case 'parallel_track_notes':
      return 'a parallel track note';
    case 'time_entries':
      return `time on case ${formatCaseNumber(Number(row.case_id))}`;
    case 'invoices':
      return `invoice ${text(row.number, rowId)}`;
    case 'client_rates':
      return 'a client rate';
    case 'resources':
      return `resource ${text(row.name, rowId)}`;
    case 'deadline_adjustments':
      return `a deadline of case ${formatCaseNumber(Number(row.case_id))}`;
    case 'resource_cases':
      return `a resource link on case ${formatCaseNumber(Number(row.case_id))}`;
    default:
      return `record ${rowId}`;
  }
}

/** An audit entry as a sentence for the Undo menu: "Changed stage of case C-00012". */
export function describeAuditEntry(entry: {
  readonly table_name: string;
  readonly row_id: number;
  readonly action: string;
  readonly before: string | null;
  readonly after: string | null;
}): string {
  const before = (entry.before ? JSON.parse(entry.before) : {}) as AuditedRow;
  const after = (entry.after ? JSON.parse(entry.after) : {}) as AuditedRow;
  const name = nameOf(entry.table_name, { ...before, ...after }, entry.row_id);
  if (entry.action === 'insert') {
    if (entry.table_name === 'cases') return `Opened ${name}`;
    return `Added ${name}`;
  }
  if (entry.action === 'delete') return `Deleted ${name} for good`;
  const fields = changedFields(before, after);
  if (fields.length === 1 && fields[0] === 'deleted_at') {
    // Funding options have no trash: removing one is an edit that Undo takes back.
    if (entry.table_name === 'funding_options')
      return after.deleted_at ? `Removed ${name}` : `Brought back ${name}`;
    return after.deleted_at ? `Moved ${name} to the trash` : `Restored ${name} from the trash`;
  }
  if (entry.table_name === 'tasks' && fields.length === 1 && fields[0] === 'done_at') {
    return after.done_at ? `Marked ${name} done` : `Marked ${name} not done`;
  }
  const named = fields.filter((field) => !unnamedFields.has(field));
  if (named.length === 0 && entry.table_name === 'cases') return `Kept the stage of ${name}`;
  return `Changed ${listOfFields(named)} of ${name}`;
}
