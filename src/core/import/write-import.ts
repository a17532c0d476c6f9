import type { Insertable, Kysely } from 'kysely';
import { localToday } from '../../shared/schemas/fields';
import { isClosedStage } from '../../shared/domain/case-lifecycle';
import type { CaseStage } from '../../shared/domain/case-stages';
import type { AdvocaseDatabase } from '../db/schema';
import { appendAuditEntries } from '../db/audit-log';
import type { CasesTable } from '../db/tables/cases';
import type { ClientsTable } from '../db/tables/clients';
import type { CoveragesTable } from '../db/tables/coverages';
import { deferForeignKeysToCommit } from '../db/sqlite/defer-foreign-keys';
import { storeDeadlinesOfNewCases } from '../deadlines/recompute';
import {
  refreshEvidenceReadiness,
  storeReadinessOfCasesWithNoEvidence,
} from '../evidence/evidence-readiness';
import { updateClient } from '../clients/clients-service';
import type { ImportProgressReport } from './import-progress';
import type { ImportRecord } from './import-rows';

/** One person of the file: their rows, and the client already in Advocase they merge into. */
export type ImportPerson = {
  readonly existingClientId: number | null;
  readonly records: readonly ImportRecord[];
};

export type WriteCounts = {
  clientsCreated: number;
  clientsMerged: number;
  coveragesCreated: number;
  casesCreated: number;
};

type Table = 'clients' | 'coverages' | 'cases';

async function maxId(db: Kysely<AdvocaseDatabase>, table: Table): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

/**
 * Rows with their ids given, a few hundred per statement (SQLite allows 32,766 values in one),
 * highest id first: the search index's entry of a record is numbered minus its id, and FTS5
 * writes a new index segment whenever an entry comes in below the one before it, which for
 * thousands of rows in id order cost seconds (https://www.sqlite.org/fts5.html).
 */
async function insertInChunks<T extends Table>(
  db: Kysely<AdvocaseDatabase>,
  table: T,
  rows: ReadonlyArray<Insertable<AdvocaseDatabase[T]>>,
  written: (count: number) => Promise<void>,
): Promise<void> {
  const columns = Object.keys(rows[0] ?? {}).length || 1;
  const size = Math.max(1, Math.floor(6_000 / columns));
  const highestFirst = [...rows].reverse();
  for (let start = 0; start < highestFirst.length; start += size) {
    const chunk = highestFirst.slice(start, start + size);
    await db.insertInto(table).values(chunk).execute();
    await written(chunk.length);
  }
}

/**
 * The audit entries of the rows just inserted (the whole row, as the services record it; Undo
 * reads them), read back and written a few hundred at a time so they are never all in memory.
 */
async function auditInserts(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  table: Table,
  afterId: number,
  written: (count: number) => Promise<void>,
): Promise<void> {
  for (let from = afterId; ;) {
    const rows = await db
      .selectFrom(table)
      .selectAll()
      .where('id', '>', from)
      .orderBy('id')
      .limit(500)
      .execute();
    if (rows.length === 0) return;
    await appendAuditEntries(
      db,
      rows.map((row) => ({
        actor,
        tableName: table,
        rowId: row.id,
        action: 'insert',
        before: null,
        after: row,
      })),
    );
    from = rows.at(-1)!.id;
    await written(rows.length);
  }
}

/** A key saying which treatment a record's case is for: one case per client and treatment. */
export const sameTreatment = (record: ImportRecord) =>
  record.caseDetails ? `${record.caseDetails.treatment}|${record.caseDetails.treatmentDetail ?? ''}` : '';

/**
 * Writes the chosen people in bulk, inside the caller's transaction: new clients, their coverage
 * and cases in a few statements with ids given in advance, the audit entries (which Undo reads) in
 * a few more, then the new cases' deadlines and evidence readiness computed once for the whole
 * import (per-row services took 29–42 s and 2.8 GB for 5,000 rows). A merge fills what
 * is empty on the existing client, never overwriting it, and adds coverage and cases it lacks.
 */
export async function writeImport(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  people: readonly ImportPerson[],
  report: ImportProgressReport,
): Promise<WriteCounts> {
  const counts: WriteCounts = { clientsCreated: 0, clientsMerged: 0, coveragesCreated: 0, casesCreated: 0 };
  const now = new Date().toISOString();
  const today = localToday();
  const startIds = {
    clients: await maxId(db, 'clients'),
    coverages: await maxId(db, 'coverages'),
    cases: await maxId(db, 'cases'),
  };
  let nextClientId = startIds.clients;
  let nextCoverageId = startIds.coverages;
  let nextCaseId = startIds.cases;
  const clients: Array<Insertable<ClientsTable>> = [];
  const coverages: Array<Insertable<CoveragesTable>> = [];
  const cases: Array<Insertable<CasesTable>> = [];
  const newCaseFacts: Array<{
    caseId: number;
    stage: CaseStage;
    planType: CoveragesTable['plan_type'] | null;
    state: string | null;
  }> = [];
  const casesOfExistingClients: number[] = [];
  const casesOfNewClients: number[] = [];

  const existingIds = people.flatMap((person) =>
    person.existingClientId === null ? [] : [person.existingClientId],
  );
  const existingCoverages = existingIds.length
    ? await db
        .selectFrom('coverages')
        .select(['id', 'client_id', 'payer', 'member_id', 'plan_type'])
        .where('client_id', 'in', existingIds)
        .execute()
    : [];
  const existingCases = existingIds.length
    ? await db
        .selectFrom('cases')
        .select(['client_id', 'treatment', 'treatment_detail'])
        .where('client_id', 'in', existingIds)
        .where('deleted_at', 'is', null)
        .execute()
    : [];

  for (const person of people) {
    const first = person.records[0]!;
    let clientId: number;
    let clientState = first.client.state;
    const coverageIds = new Map<string, { id: number; planType: CoveragesTable['plan_type'] }>();
    const treatments = new Set<string>();
    if (person.existingClientId !== null) {
      clientId = person.existingClientId;
      counts.clientsMerged += 1;
      const current = await db
        .selectFrom('clients')
        .selectAll()
        .where('id', '=', clientId)
        .executeTakeFirstOrThrow();
      clientState = current.state ?? clientState;
      const merged = person.records.map((record) => record.client);
      const firstGiven = <K extends keyof typeof first.client>(key: K) =>
        merged.find((client) => client[key] !== null)?.[key] ?? null;
      const fills = Object.fromEntries(
        (
          [
            ['state', 'state'],
            ['phone', 'phone'],
            ['email', 'email'],
            ['address', 'address'],
            ['preferredLanguage', 'preferred_language'],
            ['notes', 'notes'],
          ] as const
        ).flatMap(([field, column]) =>
          current[column] === null && firstGiven(field) !== null ? [[field, firstGiven(field)]] : [],
        ),
      );
      if (Object.keys(fills).length > 0) await updateClient(db, actor, { clientId, changes: fills });
      for (const coverage of existingCoverages.filter((row) => row.client_id === clientId)) {
        const key = `${coverage.payer.toLowerCase()}|${coverage.member_id?.toLowerCase() ?? ''}`;
        coverageIds.set(key, { id: coverage.id, planType: coverage.plan_type });
        if (coverage.member_id)
          coverageIds.set(`*|${coverage.member_id.toLowerCase()}`, {
            id: coverage.id,
            planType: coverage.plan_type,
          });
      }
      for (const row of existingCases.filter((existing) => existing.client_id === clientId)) {
        treatments.add(`${row.treatment}|${row.treatment_detail ?? ''}`);
      }
    } else {
      clientId = ++nextClientId;
      counts.clientsCreated += 1;
      // Later rows of the same person fill what the first left empty.
      const pick = <K extends keyof typeof first.client>(key: K) =>
        person.records.find((record) => record.client[key] !== null)?.client[key] ?? null;
      clientState = pick('state');
      clients.push({
        id: clientId,
        full_name: first.client.fullName,
        date_of_birth: pick('dateOfBirth'),
        state: clientState,
        phone: pick('phone'),
        email: pick('email'),
        address: pick('address'),
        preferred_language: pick('preferredLanguage'),
        notes: pick('notes'),
        created_at: now,
        updated_at: now,
        deleted_at: null,
      });
    }

    for (const record of person.records) {
      let coverage: { id: number; planType: CoveragesTable['plan_type'] } | null = null;
      if (record.coverage) {
        const memberId = record.coverage.memberId?.toLowerCase() ?? '';
        const key = `${record.coverage.payer.toLowerCase()}|${memberId}`;
        coverage = coverageIds.get(key) ?? (memberId ? (coverageIds.get(`*|${memberId}`) ?? null) : null);
        if (coverage === null) {
          coverage = { id: ++nextCoverageId, planType: record.coverage.planType };
          coverageIds.set(key, coverage);
          if (memberId) coverageIds.set(`*|${memberId}`, coverage);
          counts.coveragesCreated += 1;
          coverages.push({
            id: coverage.id,
            client_id: clientId,
            payer: record.coverage.payer,
            plan_name: record.coverage.planName ?? null,
            plan_type: record.coverage.planType,
            member_id: record.coverage.memberId ?? null,
            group_number: record.coverage.groupNumber ?? null,
            effective_on: record.coverage.effectiveOn ?? null,
            ends_on: record.coverage.endsOn ?? null,
            created_at: now,
            updated_at: now,
          });
        }
      }
      // Merging a row for a treatment the client already has a case for adds nothing twice.
      if (!record.caseDetails || treatments.has(sameTreatment(record))) continue;
      treatments.add(sameTreatment(record));
      const caseId = ++nextCaseId;
      const details = record.caseDetails;
      cases.push({
        id: caseId,
        client_id: clientId,
        coverage_id: coverage?.id ?? null,
        provider_id: null,
        treatment: details.treatment,
        treatment_detail: details.treatment === 'other' ? details.treatmentDetail : null,
        payer: details.payer,
        stage: details.stage,
        priority: details.priority,
        claim_type: null,
        assigned_advocate: null,
        outcome: null,
        billed_cents: null,
        allowed_cents: null,
        paid_cents: null,
        saved_cents: null,
        opened_on: details.openedOn ?? today,
        // A case imported as closed was closed before the import, on a day the file does not give:
        // the import day, as migration 0070 dated cases closed before it, so Outcomes counts it
        // with the caseload (shared/domain/case-lifecycle.ts).
        ...(isClosedStage(details.stage)
          ? { closed_on: today, closing_deadlines: 'untrack' as const }
          : { closed_on: null }),
        created_at: now,
        updated_at: now,
        deleted_at: null,
      });
      counts.casesCreated += 1;
      newCaseFacts.push({
        caseId,
        stage: details.stage,
        planType: coverage?.planType ?? null,
        state: clientState,
      });
      (person.existingClientId === null ? casesOfNewClients : casesOfExistingClients).push(caseId);
    }
  }

  // Coverage first: each coverage re-indexes its client for search, which for a client not yet
  // written costs nothing; the client's own entry, written next, then includes its member IDs.
  // The person sees the records go in, then the entries Undo reads, then the deadlines; between
  // pieces the event loop answers the screens.
  const records = coverages.length + clients.length + cases.length;
  const phase = (name: string) => {
    let done = 0;
    return async (count: number) => {
      done += count;
      await report({ phase: name, done, total: records });
    };
  };
  await deferForeignKeysToCommit(db);
  const adding = phase('Adding clients, coverage and cases');
  await adding(0);
  await insertInChunks(db, 'coverages', coverages, adding);
  await insertInChunks(db, 'clients', clients, adding);
  await insertInChunks(db, 'cases', cases, adding);
  const recording = phase('Recording the changes, so Undo can take them back');
  await recording(0);
  await auditInserts(db, actor, 'clients', startIds.clients, recording);
  await auditInserts(db, actor, 'coverages', startIds.coverages, recording);
  await auditInserts(db, actor, 'cases', startIds.cases, recording);
  await report({ phase: 'Computing the new cases’ deadlines', done: 0, total: cases.length });
  await storeDeadlinesOfNewCases(
    db,
    newCaseFacts.map(({ caseId, stage, planType, state }) => ({
      caseId,
      stage,
      facts: { planType, claimType: null, isUrgent: false, clientState: state, events: [] },
    })),
  );
  await storeReadinessOfCasesWithNoEvidence(db, casesOfNewClients);
  // An existing client's trials and scores count toward their new cases: judged one by one.
  await refreshEvidenceReadiness(db, casesOfExistingClients);
  return counts;
}
