import type { Kysely } from 'kysely';
import { formatCaseNumber } from '../../shared/domain/case-number';
import {
  amountForMinutes,
  describeRounding,
  roundUpToIncrement,
  type InvoiceStatus,
} from '../../shared/domain/billing';
import type { CreateInvoiceInput, Invoice, InvoiceLine, InvoicePreview } from '../../shared/schemas/invoices';
import { auditedUpdate } from '../db/audited-update';
import type { AdvocaseDatabase } from '../db/schema';
import { appendAuditEntry } from '../db/audit-log';
import type { InvoiceRow } from '../db/tables/invoices';
import { AppError } from '../errors';
import { asOneEdit } from '../history/edit-groups';
import { readBillingSettings, updateBillingSettings } from './billing-settings';
import { effectiveRate } from './rates';

type Period = { readonly clientId: number; readonly from: string; readonly to: string };

async function clientName(db: Kysely<AdvocaseDatabase>, clientId: number): Promise<string> {
  const client = await db
    .selectFrom('clients')
    .select('full_name')
    .where('id', '=', clientId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!client) throw new AppError('NOT_FOUND', `There is no client with id ${clientId}.`, 'clientId');
  return client.full_name;
}

/** Billable, stopped, not yet invoiced time on the client's cases in the period, oldest first. */
function uninvoicedEntries(db: Kysely<AdvocaseDatabase>, { clientId, from, to }: Period) {
  return db
    .selectFrom('time_entries as t')
    .innerJoin('cases as c', 'c.id', 't.case_id')
    .selectAll('t')
    .where('c.client_id', '=', clientId)
    .where('c.deleted_at', 'is', null)
    .where('t.deleted_at', 'is', null)
    .where('t.is_billable', '=', 1)
    .where('t.minutes', 'is not', null)
    .where('t.invoice_id', 'is', null)
    .where('t.worked_on', '>=', from)
    .where('t.worked_on', '<=', to)
    .orderBy('t.worked_on')
    .orderBy('t.id')
    .execute();
}

/** Lines as they will be billed: each entry rounded up to the increment, at its own rate (or the client's now). */
export async function previewInvoice(db: Kysely<AdvocaseDatabase>, period: Period): Promise<InvoicePreview> {
  const name = await clientName(db, period.clientId);
  const { incrementMinutes } = await readBillingSettings(db);
  const rows = await uninvoicedEntries(db, period);
  const fallback = await effectiveRate(db, period.clientId);
  const unrated = rows.filter((row) => row.rate_cents === null);
  if (unrated.length > 0 && fallback.rateCents === null) {
    throw new AppError(
      'INVALID_INPUT',
      `${unrated.length} of these entries have no hourly rate. Set a rate for this client (or a default rate) and try again.`,
      'clientId',
    );
  }
  const lines: InvoiceLine[] = rows.map((row) => {
    const rateCents = row.rate_cents ?? fallback.rateCents!;
    const billedMinutes = roundUpToIncrement(row.minutes!, incrementMinutes);
    return {
      entryId: row.id,
      workedOn: row.worked_on,
      caseNumber: formatCaseNumber(row.case_id),
      description: row.description,
      minutes: row.minutes!,
      billedMinutes,
      rateCents,
      amountCents: amountForMinutes(billedMinutes, rateCents),
    };
  });
  return {
    clientName: name,
    lines,
    totalCents: lines.reduce((sum, line) => sum + line.amountCents, 0),
    incrementMinutes,
    roundingNote: describeRounding(incrementMinutes),
  };
}

async function toInvoice(db: Kysely<AdvocaseDatabase>, row: InvoiceRow): Promise<Invoice> {
  const name = await db
    .selectFrom('clients')
    .select('full_name')
    .where('id', '=', row.client_id)
    .executeTakeFirst();
  const count = await db
    .selectFrom('time_entries')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('invoice_id', '=', row.id)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    number: row.number,
    clientId: row.client_id,
    clientName: name?.full_name ?? '',
    periodFrom: row.period_from,
    periodTo: row.period_to,
    issuedOn: row.issued_on,
    dueOn: row.due_on,
    paymentTerms: row.payment_terms,
    incrementMinutes: row.increment_minutes,
    totalCents: row.total_cents,
    status: row.status,
    fromName: row.from_name,
    fromAddress: row.from_address,
    entryCount: Number(count.count),
  };
}

/** INV-2026-0003: the year it was issued and the next number in that year (void ones keep theirs). */
async function nextInvoiceNumber(db: Kysely<AdvocaseDatabase>, issuedOn: string): Promise<string> {
  const prefix = `INV-${issuedOn.slice(0, 4)}-`;
  const last = await db
    .selectFrom('invoices')
    .select('number')
    .where('number', 'like', `${prefix}%`)
    .orderBy('number', 'desc')
    .executeTakeFirst();
  const next = last ? Number(last.number.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(next).padStart(4, '0')}`;
}

/**
 * Issues the invoice and points each entry at it, as one edit (Undo takes it all back). The
 * "from" block and terms are remembered for the next invoice.
 */
export async function createInvoice(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  input: CreateInvoiceInput,
): Promise<Invoice> {
  // Outside the edit group: settings are not something Undo reverts.
  await updateBillingSettings(db, actor, {
    fromName: input.fromName,
    fromAddress: input.fromAddress,
    paymentTerms: input.paymentTerms,
  });
  return asOneEdit(db, actor, 'edit', async (trx) => {
    const preview = await previewInvoice(trx, input);
    if (preview.lines.length === 0) {
      throw new AppError(
        'INVALID_INPUT',
        'There is no billable time for this client in this period that is not already invoiced. Choose another period, or record the time first.',
        'from',
      );
    }
    const now = new Date().toISOString();
    const number = await nextInvoiceNumber(trx, input.issuedOn);
    const row = await trx
      .insertInto('invoices')
      .values({
        number,
        client_id: input.clientId,
        period_from: input.from,
        period_to: input.to,
        issued_on: input.issuedOn,
        due_on: input.dueOn,
        payment_terms: input.paymentTerms,
        increment_minutes: preview.incrementMinutes,
        total_cents: preview.totalCents,
        status: 'issued',
        from_name: input.fromName,
        from_address: input.fromAddress,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAuditEntry(trx, {
      actor,
      tableName: 'invoices',
      rowId: row.id,
      action: 'insert',
      before: null,
      after: row,
    });
    for (const line of preview.lines) {
      // The rate is written on the entry too, so the invoice reads the same if rates change later.
      await auditedUpdate(
        trx,
        actor,
        'time_entries',
        line.entryId,
        { invoice_id: row.id, rate_cents: line.rateCents },
        'A time entry is gone.',
      );
    }
    return { result: await toInvoice(trx, row), label: `Issued invoice ${number}` };
  });
}

export async function listInvoices(
  db: Kysely<AdvocaseDatabase>,
  clientId: number | undefined,
): Promise<Invoice[]> {
  let query = db.selectFrom('invoices').selectAll().orderBy('issued_on', 'desc').orderBy('id', 'desc');
  if (clientId !== undefined) query = query.where('client_id', '=', clientId);
  const rows = await query.execute();
  return Promise.all(rows.map((row) => toInvoice(db, row)));
}

export async function getInvoice(
  db: Kysely<AdvocaseDatabase>,
  invoiceId: number,
): Promise<{ invoice: Invoice; lines: InvoiceLine[] }> {
  const row = await db.selectFrom('invoices').selectAll().where('id', '=', invoiceId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `There is no invoice with id ${invoiceId}.`, 'invoiceId');
  const entries = await db
    .selectFrom('time_entries')
    .selectAll()
    .where('invoice_id', '=', invoiceId)
    .where('deleted_at', 'is', null)
    .orderBy('worked_on')
    .orderBy('id')
    .execute();
  const lines = entries.map((entry): InvoiceLine => {
    const billedMinutes = roundUpToIncrement(entry.minutes ?? 0, row.increment_minutes);
    const rateCents = entry.rate_cents ?? 0;
    return {
      entryId: entry.id,
      workedOn: entry.worked_on,
      caseNumber: formatCaseNumber(entry.case_id),
      description: entry.description,
      minutes: entry.minutes ?? 0,
      billedMinutes,
      rateCents,
      amountCents: amountForMinutes(billedMinutes, rateCents),
    };
  });
  return { invoice: await toInvoice(db, row), lines };
}

/** Paid, or void: a void invoice lets go of its entries so they can be billed again. */
export function setInvoiceStatus(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  invoiceId: number,
  status: InvoiceStatus,
): Promise<Invoice> {
  return asOneEdit(db, actor, 'edit', async (trx) => {
    const current = await trx
      .selectFrom('invoices')
      .selectAll()
      .where('id', '=', invoiceId)
      .executeTakeFirst();
    if (!current) throw new AppError('NOT_FOUND', `There is no invoice with id ${invoiceId}.`, 'invoiceId');
    if (current.status === 'void' && status !== 'void') {
      throw new AppError(
        'INVALID_INPUT',
        `Invoice ${current.number} is void; its time may be on another invoice now. Issue a new invoice instead.`,
        'status',
      );
    }
    const row = await auditedUpdate(trx, actor, 'invoices', invoiceId, { status }, 'That invoice is gone.');
    if (status === 'void') {
      const entries = await trx
        .selectFrom('time_entries')
        .select('id')
        .where('invoice_id', '=', invoiceId)
        .execute();
      for (const { id } of entries) {
        await auditedUpdate(trx, actor, 'time_entries', id, { invoice_id: null }, 'A time entry is gone.');
      }
    }
    return { result: await toInvoice(trx, row), label: `Marked invoice ${row.number} ${status}` };
  });
}

/** Clients with billable, stopped, uninvoiced time, for the invoice dialog. */
export async function listInvoiceCandidates(db: Kysely<AdvocaseDatabase>) {
  const rows = await db
    .selectFrom('time_entries as t')
    .innerJoin('cases as c', 'c.id', 't.case_id')
    .innerJoin('clients as cl', 'cl.id', 'c.client_id')
    .select((eb) => [
      'cl.id as clientId',
      'cl.full_name as clientName',
      eb.fn.countAll<number>().as('entryCount'),
      eb.fn.min('t.worked_on').as('firstWorkedOn'),
      eb.fn.max('t.worked_on').as('lastWorkedOn'),
    ])
    .where('t.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .where('cl.deleted_at', 'is', null)
    .where('t.is_billable', '=', 1)
    .where('t.minutes', 'is not', null)
    .where('t.invoice_id', 'is', null)
    .groupBy('cl.id')
    .orderBy('cl.full_name')
    .execute();
  return rows.map((row) => ({ ...row, entryCount: Number(row.entryCount) }));
}

/** What the invoice PDF shows: the invoice, its lines, and the client's address if on file. */
export async function loadInvoiceDocument(db: Kysely<AdvocaseDatabase>, invoiceId: number) {
  const { invoice, lines } = await getInvoice(db, invoiceId);
  const client = await db
    .selectFrom('clients')
    .select('address')
    .where('id', '=', invoice.clientId)
    .executeTakeFirst();
  return { invoice, lines, billToAddress: client?.address ?? null };
}
