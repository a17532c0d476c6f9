import type { Kysely } from 'kysely';
import { formatCaseNumber } from '../../shared/domain/case-number';
import { amountForMinutes, describeRounding, roundUpToIncrement } from '../../shared/domain/billing';
import type { ParsedInput } from '../../shared/contract/index';
import type { AddTimeEntryInput, CaseTime, TimeEntry } from '../../shared/schemas/time';
import { auditedUpdate, definedEntries } from '../db/audited-update';
import { inTransaction } from '../db/in-transaction';
import type { AdvocaseDatabase } from '../db/schema';
import { appendAuditEntry } from '../db/audit-log';
import type { TimeEntryRow } from '../db/tables/time-entries';
import { civilDateInZone } from '../deadlines/date-arithmetic';
import { userTimeZone } from '../deadlines/time-zone';
import { AppError } from '../errors';
import { assertCaseExists } from '../events/events-service';
import { readBillingSettings } from './billing-settings';
import { effectiveRate } from './rates';

type EntryWithNames = TimeEntryRow & {
  readonly client_id: number;
  readonly client_name: string;
  readonly invoice_number: string | null;
};

/** Time entries with their case's client and their invoice, never the deleted ones. */
function entriesQuery(db: Kysely<AdvocaseDatabase>) {
  return db
    .selectFrom('time_entries as t')
    .innerJoin('cases as c', 'c.id', 't.case_id')
    .innerJoin('clients as cl', 'cl.id', 'c.client_id')
    .leftJoin('invoices as i', 'i.id', 't.invoice_id')
    .selectAll('t')
    .select(['cl.id as client_id', 'cl.full_name as client_name', 'i.number as invoice_number'])
    .where('t.deleted_at', 'is', null);
}

/**
 * An entry as the user sees it. One recorded before any rate was set shows the client's rate
 * (or the default) now, as the invoice would bill it; the invoice then writes that rate on it.
 */
function toTimeEntry(
  row: EntryWithNames,
  incrementMinutes: number,
  fallbackRateCents: number | null,
): TimeEntry {
  const billedMinutes = row.minutes === null ? null : roundUpToIncrement(row.minutes, incrementMinutes);
  const isBillable = row.is_billable === 1;
  const rateCents = row.rate_cents ?? fallbackRateCents;
  return {
    id: row.id,
    caseId: row.case_id,
    caseNumber: formatCaseNumber(row.case_id),
    clientId: row.client_id,
    clientName: row.client_name,
    workedOn: row.worked_on,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    minutes: row.minutes,
    billedMinutes,
    description: row.description,
    isBillable,
    rateCents,
    amountCents:
      isBillable && billedMinutes !== null && rateCents !== null
        ? amountForMinutes(billedMinutes, rateCents)
        : null,
    invoiceId: row.invoice_id,
    invoiceNumber: row.invoice_number,
  };
}

async function loadEntry(db: Kysely<AdvocaseDatabase>, entryId: number): Promise<TimeEntry> {
  const row = await entriesQuery(db).where('t.id', '=', entryId).executeTakeFirst();
  if (!row)
    throw new AppError('NOT_FOUND', `There is no time entry with id ${entryId}. It may have been deleted.`);
  const { incrementMinutes } = await readBillingSettings(db);
  return toTimeEntry(row, incrementMinutes, (await effectiveRate(db, row.client_id)).rateCents);
}

async function clientOfCase(db: Kysely<AdvocaseDatabase>, caseId: number): Promise<number> {
  await assertCaseExists(db, caseId);
  const row = await db
    .selectFrom('cases')
    .select('client_id')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  return row.client_id;
}

export async function getRunningTimer(db: Kysely<AdvocaseDatabase>): Promise<TimeEntry | null> {
  const row = await entriesQuery(db)
    .where('t.started_at', 'is not', null)
    .where('t.ended_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  const { incrementMinutes } = await readBillingSettings(db);
  return toTimeEntry(row, incrementMinutes, (await effectiveRate(db, row.client_id)).rateCents);
}

async function insertEntry(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  values: Omit<TimeEntryRow, 'id' | 'created_at' | 'updated_at' | 'deleted_at' | 'invoice_id'>,
): Promise<TimeEntryRow> {
  const now = new Date().toISOString();
  const row = await db
    .insertInto('time_entries')
    .values({ ...values, invoice_id: null, created_at: now, updated_at: now, deleted_at: null })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAuditEntry(db, {
    actor,
    tableName: 'time_entries',
    rowId: row.id,
    action: 'insert',
    before: null,
    after: row,
  });
  return row;
}

/** Starts the one app-wide timer. It is a row from the first second, so a lock or a crash loses nothing. */
export function startTimer(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  input: ParsedInput<'time.start'>,
  now: Date = new Date(),
): Promise<TimeEntry> {
  return inTransaction(db, async (trx) => {
    const clientId = await clientOfCase(trx, input.caseId);
    const running = await getRunningTimer(trx);
    if (running) {
      throw new AppError(
        'INVALID_INPUT',
        running.caseId === input.caseId
          ? 'The timer is already running on this case.'
          : `A timer is already running on case ${running.caseNumber} (${running.clientName}). Stop it first; one timer runs at a time.`,
        'caseId',
      );
    }
    const { rateCents } = await effectiveRate(trx, clientId);
    const row = await insertEntry(trx, actor, {
      case_id: input.caseId,
      worked_on: civilDateInZone(now.getTime(), userTimeZone()),
      started_at: now.toISOString(),
      ended_at: null,
      minutes: null,
      description: input.description ?? '',
      is_billable: 1,
      rate_cents: rateCents,
    });
    return loadEntry(trx, row.id);
  });
}

/** Whole minutes on the clock, at least one: a timer that was started was used. */
export function minutesOnTheClock(startedAt: string, endedAt: Date): number {
  return Math.max(1, Math.round((endedAt.getTime() - Date.parse(startedAt)) / 60_000));
}

export function stopTimer(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  input: ParsedInput<'time.stop'>,
  now: Date = new Date(),
): Promise<TimeEntry> {
  return inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom('time_entries')
      .selectAll()
      .where('id', '=', input.entryId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!row || row.started_at === null || row.ended_at !== null) {
      throw new AppError(
        'INVALID_INPUT',
        'That timer is not running any more (it was stopped or deleted). Reload to see its entry.',
        'entryId',
      );
    }
    const minutes = input.minutes ?? minutesOnTheClock(row.started_at, now);
    await auditedUpdate(
      trx,
      actor,
      'time_entries',
      row.id,
      { ended_at: now.toISOString(), minutes, description: input.description },
      'That timer is gone.',
    );
    return loadEntry(trx, row.id);
  });
}

export function addTimeEntry(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  input: AddTimeEntryInput,
): Promise<TimeEntry> {
  return inTransaction(db, async (trx) => {
    const clientId = await clientOfCase(trx, input.caseId);
    const rateCents = input.rateCents ?? (await effectiveRate(trx, clientId)).rateCents;
    const row = await insertEntry(trx, actor, {
      case_id: input.caseId,
      worked_on: input.workedOn,
      started_at: null,
      ended_at: null,
      minutes: input.minutes,
      description: input.description,
      is_billable: input.isBillable ? 1 : 0,
      rate_cents: rateCents,
    });
    return loadEntry(trx, row.id);
  });
}

/** An entry that can still be changed: stored, not deleted, not on an issued invoice. */
async function changeableEntry(db: Kysely<AdvocaseDatabase>, entryId: number): Promise<TimeEntry> {
  const entry = await loadEntry(db, entryId);
  if (entry.invoiceNumber !== null) {
    throw new AppError(
      'INVALID_INPUT',
      `This time is on invoice ${entry.invoiceNumber}, so it cannot change. Void that invoice first if it is wrong.`,
      'entryId',
    );
  }
  return entry;
}

export function updateTimeEntry(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  { entryId, changes }: ParsedInput<'time.update'>,
): Promise<TimeEntry> {
  return inTransaction(db, async (trx) => {
    const entry = await changeableEntry(trx, entryId);
    if (entry.endedAt === null && entry.startedAt !== null && changes.minutes !== undefined) {
      throw new AppError(
        'INVALID_INPUT',
        'This timer is still running: stop it to set its minutes.',
        'minutes',
      );
    }
    const given = definedEntries(changes);
    await auditedUpdate(
      trx,
      actor,
      'time_entries',
      entryId,
      definedEntries({
        worked_on: given.workedOn,
        minutes: given.minutes,
        description: given.description,
        is_billable: given.isBillable === undefined ? undefined : given.isBillable ? 1 : 0,
        rate_cents: given.rateCents,
      }),
      'That time entry is gone.',
    );
    return loadEntry(trx, entryId);
  });
}

export function deleteTimeEntry(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  entryId: number,
): Promise<{ message: string }> {
  return inTransaction(db, async (trx) => {
    const entry = await changeableEntry(trx, entryId);
    await auditedUpdate(
      trx,
      actor,
      'time_entries',
      entryId,
      { deleted_at: new Date().toISOString() },
      'That time entry is gone.',
    );
    return { message: `Deleted the time entry of ${entry.workedOn} on case ${entry.caseNumber}.` };
  });
}

export async function listTimeOfCase(db: Kysely<AdvocaseDatabase>, caseId: number): Promise<CaseTime> {
  const clientId = await clientOfCase(db, caseId);
  const { incrementMinutes } = await readBillingSettings(db);
  const rows = await entriesQuery(db)
    .where('t.case_id', '=', caseId)
    .orderBy('t.worked_on', 'desc')
    .orderBy('t.id', 'desc')
    .execute();
  const rate = await effectiveRate(db, clientId);
  const entries = rows.map((row) => toTimeEntry(row, incrementMinutes, rate.rateCents));
  const stopped = entries.filter((entry) => entry.minutes !== null);
  return {
    entries,
    totals: {
      minutes: stopped.reduce((sum, entry) => sum + entry.minutes!, 0),
      billableMinutes: stopped
        .filter((entry) => entry.isBillable)
        .reduce((sum, entry) => sum + entry.billedMinutes!, 0),
      amountCents: stopped.reduce((sum, entry) => sum + (entry.amountCents ?? 0), 0),
      uninvoicedAmountCents: stopped
        .filter((entry) => entry.invoiceId === null)
        .reduce((sum, entry) => sum + (entry.amountCents ?? 0), 0),
    },
    incrementMinutes,
    roundingNote: describeRounding(incrementMinutes),
    rateCents: rate.rateCents,
    rateSource: rate.source,
  };
}
