import type { Kysely } from 'kysely';
import type { ImportMapping, ImportPreview, ImportRequest, ImportResult } from '../../shared/schemas/import';
import type { AdvocaseDatabase } from '../db/schema';
import { AppError } from '../errors';
import { asOneEdit } from '../history/edit-groups';
import { createCase, updateCase } from '../services/cases-service';
import { createClient, updateClient } from '../services/clients-service';
import { createCoverage } from '../services/coverages-service';
import { guessMapping, sourceKey } from './guess-mapping';
import { readImportRows, type ImportRow } from './import-rows';
import { comparableName } from './normalize-values';
import { parseCsv } from './parse-csv';

type Duplicate = { readonly clientId: number; readonly fullName: string };

async function rememberedMapping(db: Kysely<AdvocaseDatabase>, key: string): Promise<ImportMapping | null> {
  const row = await db
    .selectFrom('import_mappings')
    .select('mapping')
    .where('source_key', '=', key)
    .executeTakeFirst();
  return row ? (JSON.parse(row.mapping) as ImportMapping) : null;
}

/** The rows of each person in the file, in file order. */
function byPerson(rows: readonly ImportRow[]): ImportRow[][] {
  const people = new Map<string, ImportRow[]>();
  for (const row of rows) people.set(row.personKey, [...(people.get(row.personKey) ?? []), row]);
  return [...people.values()];
}

/**
 * The existing client a person in the file already is: same name (ignoring case and accents)
 * and date of birth and, when the file gives member IDs, a coverage with one of them.
 */
async function findDuplicate(
  db: Kysely<AdvocaseDatabase>,
  rows: readonly ImportRow[],
): Promise<Duplicate | null> {
  const first = rows[0]!;
  if (!first.client.dateOfBirth) return null;
  const candidates = await db
    .selectFrom('clients')
    .select(['id', 'full_name'])
    .where('date_of_birth', '=', first.client.dateOfBirth)
    .where('deleted_at', 'is', null)
    .execute();
  const name = comparableName(first.client.fullName);
  const memberIds = rows.flatMap((row) =>
    row.coverage?.memberId ? [row.coverage.memberId.toLowerCase()] : [],
  );
  for (const candidate of candidates.filter((client) => comparableName(client.full_name) === name)) {
    if (memberIds.length === 0) return { clientId: candidate.id, fullName: candidate.full_name };
    const coverages = await db
      .selectFrom('coverages')
      .select('member_id')
      .where('client_id', '=', candidate.id)
      .execute();
    if (coverages.some((coverage) => memberIds.includes(coverage.member_id?.toLowerCase() ?? ''))) {
      return { clientId: candidate.id, fullName: candidate.full_name };
    }
  }
  return null;
}

async function readRequest(db: Kysely<AdvocaseDatabase>, request: ImportRequest) {
  const table = parseCsv(request.csvText);
  if (table.headers.length === 0 || table.rows.length === 0) {
    throw new AppError(
      'INVALID_INPUT',
      'The file has no rows to import: it needs a header row naming the columns, then one row per client.',
      'csvText',
    );
  }
  const key = sourceKey(request.sourceName, table.headers);
  const remembered = request.mapping ? null : await rememberedMapping(db, key);
  const mapping = request.mapping ?? remembered ?? guessMapping(table.headers);
  const mappingOrigin = request.mapping ? 'given' : remembered ? 'remembered' : 'guessed';
  const unknownColumns = Object.values(mapping).filter(
    (column): column is string => column != null && !table.headers.includes(column),
  );
  if (unknownColumns.length > 0) {
    throw new AppError(
      'INVALID_INPUT',
      `The mapping names a column the file does not have: ${unknownColumns.join(', ')}. Choose the columns again.`,
      'mapping',
    );
  }
  const { rows, errors } = readImportRows(table, mapping);
  const people = byPerson(rows);
  const duplicates = new Map<ImportRow[], Duplicate | null>();
  for (const person of people) duplicates.set(person, await findDuplicate(db, person));
  return { table, key, mapping, mappingOrigin, rows, errors, people, duplicates } as const;
}

/** What an import would do, saving nothing. */
export async function previewImport(
  db: Kysely<AdvocaseDatabase>,
  request: ImportRequest,
): Promise<ImportPreview> {
  const { table, mapping, mappingOrigin, errors, people, duplicates, rows } = await readRequest(db, request);
  const duplicateOfRow = new Map<number, Duplicate>();
  for (const person of people) {
    const duplicate = duplicates.get(person);
    if (duplicate) for (const row of person) duplicateOfRow.set(row.rowNumber, duplicate);
  }
  return {
    headers: table.headers,
    mapping,
    mappingOrigin,
    rows: rows.slice(0, 200).map((row) => ({
      rowNumber: row.rowNumber,
      fullName: row.client.fullName,
      dateOfBirth: row.client.dateOfBirth,
      phone: row.client.phone,
      payer: row.coverage?.payer ?? null,
      memberId: row.coverage?.memberId ?? null,
      treatment: row.caseDetails ? (row.caseDetails.treatmentDetail ?? row.caseDetails.treatment) : null,
      duplicateOf: duplicateOfRow.get(row.rowNumber) ?? null,
    })),
    errors,
    rowCount: table.rows.length,
    duplicateCount: duplicateOfRow.size,
  };
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * Imports the whole file in one transaction, as one edit (Undo takes it all back), or nothing at
 * all when any row has a problem. A duplicate is skipped, or merged: the existing client keeps
 * their details and gains what was empty, plus the file's new coverage and cases.
 */
export async function commitImport(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  request: ImportRequest,
): Promise<ImportResult> {
  const { key, mapping, errors, people, duplicates, table } = await readRequest(db, request);
  if (errors.length > 0) {
    const first = errors[0]!;
    throw new AppError(
      'INVALID_INPUT',
      `Nothing was imported: ${plural(new Set(errors.map((error) => error.rowNumber)).size, 'row has', 'rows have')} problems, starting with row ${first.rowNumber}${first.column ? ` (${first.column})` : ''}: ${first.message} Fix the file and import it again.`,
      'csvText',
    );
  }
  const source = request.sourceName ?? 'a CSV file';
  return asOneEdit(db, actor, 'edit', async (trx) => {
    const counts = {
      clientsCreated: 0,
      clientsMerged: 0,
      rowsSkipped: 0,
      coveragesCreated: 0,
      casesCreated: 0,
    };
    for (const person of people) {
      const duplicate = duplicates.get(person) ?? null;
      if (duplicate && request.duplicateAction === 'skip') {
        counts.rowsSkipped += person.length;
        continue;
      }
      const first = person[0]!;
      let clientId: number;
      let existingMemberIds: string[] = [];
      const contact = {
        phone: first.client.phone,
        email: first.client.email,
        address: first.client.address,
        preferredLanguage: first.client.preferredLanguage,
        notes: first.client.notes,
      };
      if (duplicate) {
        clientId = duplicate.clientId;
        counts.clientsMerged += 1;
        const current = await trx
          .selectFrom('clients')
          .selectAll()
          .where('id', '=', clientId)
          .executeTakeFirstOrThrow();
        // Merge fills what is empty; it never overwrites what the advocate already recorded.
        const fills = Object.fromEntries(
          Object.entries({ ...contact, state: first.client.state }).filter(([field, value]) => {
            const column = field === 'preferredLanguage' ? 'preferred_language' : field;
            return value !== null && current[column as keyof typeof current] === null;
          }),
        );
        if (Object.keys(fills).length > 0) await updateClient(trx, actor, { clientId, changes: fills });
        existingMemberIds = (
          await trx.selectFrom('coverages').select('member_id').where('client_id', '=', clientId).execute()
        ).map((row) => row.member_id?.toLowerCase() ?? '');
      } else {
        const client = await createClient(trx, actor, {
          fullName: first.client.fullName,
          dateOfBirth: first.client.dateOfBirth,
          state: first.client.state,
        });
        clientId = client.id;
        counts.clientsCreated += 1;
        const given = Object.fromEntries(Object.entries(contact).filter(([, value]) => value !== null));
        if (Object.keys(given).length > 0) await updateClient(trx, actor, { clientId, changes: given });
      }
      const coverageIds = new Map<string, number>();
      for (const row of person) {
        let coverageId: number | null = null;
        if (row.coverage) {
          const coverageKey = `${row.coverage.payer.toLowerCase()}|${row.coverage.memberId?.toLowerCase() ?? ''}`;
          const isKnown =
            row.coverage.memberId !== null && existingMemberIds.includes(row.coverage.memberId.toLowerCase());
          if (!isKnown) {
            coverageId = coverageIds.get(coverageKey) ?? null;
            if (coverageId === null) {
              coverageId = (await createCoverage(trx, actor, { ...row.coverage, clientId })).id;
              coverageIds.set(coverageKey, coverageId);
              counts.coveragesCreated += 1;
            }
          }
        }
        if (row.caseDetails) {
          const opened = await createCase(trx, actor, { ...row.caseDetails, clientId });
          if (coverageId !== null)
            await updateCase(trx, actor, { caseId: opened.id, changes: { coverageId } });
          counts.casesCreated += 1;
        }
      }
    }
    const now = new Date().toISOString();
    await trx
      .insertInto('import_mappings')
      .values({ source_key: key, mapping: JSON.stringify(mapping), updated_at: now })
      .onConflict((conflict) =>
        conflict.column('source_key').doUpdateSet({ mapping: JSON.stringify(mapping), updated_at: now }),
      )
      .execute();
    const parts = [
      plural(counts.clientsCreated, 'client added', 'clients added'),
      counts.clientsMerged > 0 && plural(counts.clientsMerged, 'client merged', 'clients merged'),
      plural(counts.coveragesCreated, 'coverage', 'coverages'),
      plural(counts.casesCreated, 'case', 'cases'),
      counts.rowsSkipped > 0 && `${plural(counts.rowsSkipped, 'duplicate row', 'duplicate rows')} skipped`,
    ].filter(Boolean);
    const message = `Imported ${plural(table.rows.length, 'row', 'rows')} from ${source}: ${parts.join(', ')}.`;
    return {
      result: { ...counts, message },
      label: `Imported ${plural(counts.clientsCreated + counts.clientsMerged, 'client', 'clients')} from ${source}`,
    };
  });
}
