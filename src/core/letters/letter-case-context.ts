import type { Kysely } from 'kysely';
import { describeTreatment } from '../../shared/domain/treatments';
import { formatPhoneNumber } from '../../shared/domain/phone-number';
import type { AdvocaseDatabase } from '../db/schema';
import { getCaseDetail } from '../cases/cases-service';

/** The case's treating provider, whose letterhead a letter in the physician's voice is printed on. */
export type LetterProvider = {
  readonly name: string;
  readonly npi: string | null;
  readonly specialty: string | null;
  readonly address: string | null;
  readonly phone: string | null;
  readonly fax: string | null;
};

/** What a letter about a case says about the patient, the plan and the claim, read from the case. */
export type LetterCaseContext = {
  readonly caseNumber: string;
  readonly clientId: number;
  readonly clientName: string;
  /** YYYY-MM-DD */
  readonly dateOfBirth: string | null;
  readonly payer: string | null;
  readonly memberId: string | null;
  readonly groupNumber: string | null;
  readonly payerFax: string | null;
  readonly payerPhone: string | null;
  readonly appealsAddress: string | null;
  readonly treatment: string;
  /** The latest claim number on the timeline (claim or EOB), else the prior authorization's confirmation number. */
  readonly claimNumber: string | null;
  readonly authorizationNumber: string | null;
  readonly provider: LetterProvider | null;
};

async function latestDetail(
  db: Kysely<AdvocaseDatabase>,
  caseId: number,
  types: readonly ('claim_submitted' | 'eob_received' | 'prior_auth_submitted')[],
  key: string,
): Promise<string | null> {
  const rows = await db
    .selectFrom('events')
    .select('details')
    .where('case_id', '=', caseId)
    .where('deleted_at', 'is', null)
    .where('type', 'in', [...types])
    .orderBy('occurred_at', 'desc')
    .execute();
  for (const row of rows) {
    const value = (JSON.parse(row.details) as Record<string, unknown>)[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return null;
}

export async function loadLetterCaseContext(
  db: Kysely<AdvocaseDatabase>,
  caseId: number,
): Promise<LetterCaseContext> {
  const detail = await getCaseDetail(db, caseId);
  const client = await db
    .selectFrom('clients')
    .select('date_of_birth')
    .where('id', '=', detail.clientId)
    .executeTakeFirstOrThrow();
  const coverage =
    detail.coverageId === null
      ? undefined
      : await db.selectFrom('coverages').selectAll().where('id', '=', detail.coverageId).executeTakeFirst();
  const provider =
    detail.providerId === null
      ? undefined
      : await db.selectFrom('providers').selectAll().where('id', '=', detail.providerId).executeTakeFirst();
  return {
    caseNumber: detail.caseNumber,
    clientId: detail.clientId,
    clientName: detail.clientName,
    dateOfBirth: client.date_of_birth,
    payer: detail.payer,
    memberId: detail.memberId,
    groupNumber: coverage?.group_number ?? null,
    // Printed the one way the advocate's own numbers are: "(800) 555-0199".
    payerFax: formatPhoneNumber(coverage?.payer_fax ?? null),
    payerPhone: formatPhoneNumber(coverage?.payer_phone ?? null),
    appealsAddress: coverage?.appeals_address ?? null,
    treatment: describeTreatment(detail.treatment, detail.treatmentDetail),
    claimNumber: await latestDetail(db, caseId, ['claim_submitted', 'eob_received'], 'claimNumber'),
    authorizationNumber: await latestDetail(db, caseId, ['prior_auth_submitted'], 'confirmationNumber'),
    provider: provider
      ? {
          name: provider.name,
          npi: provider.npi,
          specialty: provider.specialty,
          address: provider.address,
          phone: formatPhoneNumber(provider.phone),
          fax: formatPhoneNumber(provider.fax),
        }
      : null,
  };
}

/** Payers file by member ID and claim number, and write dates of birth MM/DD/YYYY. */
function usDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${month}/${day}/${year}`;
}

/** The RE: block: the subject, then the patient, the plan's numbers and the claim's. */
export function referenceLines(context: LetterCaseContext, subject: string): string[] {
  const join = (parts: readonly (string | null)[]) => parts.filter(Boolean).join('    ');
  return [
    subject,
    join([
      `Patient: ${context.clientName}`,
      context.dateOfBirth ? `Date of birth: ${usDate(context.dateOfBirth)}` : null,
    ]),
    join([
      context.memberId ? `Member ID: ${context.memberId}` : 'Member ID: not recorded',
      context.groupNumber ? `Group: ${context.groupNumber}` : null,
    ]),
    join([
      context.claimNumber ? `Claim no.: ${context.claimNumber}` : null,
      context.authorizationNumber ? `Authorization ref.: ${context.authorizationNumber}` : null,
    ]),
  ].filter((line) => line !== '');
}

/** The inside address when the letter names none: the payer and the appeals address on the coverage. */
export function defaultRecipient(context: LetterCaseContext): string[] {
  const address = (context.appealsAddress ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return [context.payer ?? 'Health plan', ...(address.length > 0 ? address : ['Appeals department'])];
}

/** Printed at the top of every later page and at the foot of every packet page. */
export function patientLine(context: LetterCaseContext): string {
  return context.memberId ? `${context.clientName} · Member ID ${context.memberId}` : context.clientName;
}
