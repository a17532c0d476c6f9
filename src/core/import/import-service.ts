import type { Kysely } from 'kysely';
import {
  enumeratedImportFields,
  importVocabulary,
  isVocabularyCode,
  type EnumeratedImportField,
} from '../../shared/domain/import-vocabulary';
import { localToday } from '../../shared/schemas/fields';
import type {
  ImportMapping,
  ImportPreview,
  ImportPreviewRow,
  ImportRequest,
  ImportResult,
  ImportRowStatus,
  ImportValue,
  ImportValueMappings,
} from '../../shared/schemas/import';
import { csvCell } from '../caseload/caseload-csv';
import type { AdvocaseDatabase } from '../db/schema';
import { AppError } from '../errors';
import { asOneEdit } from '../history/edit-groups';
import { guessMapping, sourceKey } from './guess-mapping';
import { dateOrdersOf, readImportRows, whatToFix, type ReadRow, type ResolvedValues } from './import-rows';
import { comparableName } from '../../shared/domain/same-client';
import { parseCsv, type CsvTable } from './parse-csv';
import { comparableValue, exactCode, suggestedCode } from './value-vocabulary';
import { unwatchedImport, type ImportProgressReport } from './import-progress';
import { noReadRowsMemo, type ReadRowsMemo } from './read-rows-memo';
import { sameTreatment, writeImport, type ImportPerson } from './write-import';

type Remembered = { mapping: ImportMapping; values: ImportValueMappings };
type Duplicate = { line: number | null; clientId: number | null; fullName: string };

/** A row as the preview and the commit see it: read, with its status. */
type ReviewedRow = ReadRow & {
  status: ImportRowStatus;
  skipped: boolean;
  duplicateOf: Duplicate | null;
};

async function remembered(db: Kysely<AdvocaseDatabase>, key: string): Promise<Remembered | null> {
  const row = await db
    .selectFrom('import_mappings')
    .select(['mapping', 'value_mappings'])
    .where('source_key', '=', key)
    .executeTakeFirst();
  return row
    ? {
        mapping: JSON.parse(row.mapping) as ImportMapping,
        values: JSON.parse(row.value_mappings) as ImportValueMappings,
      }
    : null;
}

/** The file with the user's corrections in its cells. */
function corrected(table: CsvTable, corrections: ImportRequest['corrections']): CsvTable {
  if (corrections.length === 0) return table;
  const byLine = new Map<number, Map<number, string>>();
  for (const { line, column, value } of corrections) {
    const index = table.headers.indexOf(column);
    if (index === -1) {
      throw new AppError('INVALID_INPUT', `The file has no column "${column}" to correct.`, 'corrections');
    }
    byLine.set(line, (byLine.get(line) ?? new Map<number, string>()).set(index, value.trim()));
  }
  return {
    ...table,
    rows: table.rows.map((row) => {
      const changes = byLine.get(row.line);
      if (!changes) return row;
      const cells = row.cells.map((cell, index) => changes.get(index) ?? cell);
      return { ...row, cells, isEmpty: cells.every((cell) => cell === '') };
    }),
  };
}

/** Each distinct value of each mapped enumerated column, and the code it maps to. */
function resolveValues(
  table: CsvTable,
  mapping: ImportMapping,
  given: ImportValueMappings,
  rememberedValues: ImportValueMappings,
): { list: ImportValue[]; resolved: ResolvedValues } {
  const list: ImportValue[] = [];
  const resolved = new Map<EnumeratedImportField, Map<string, string | null>>();
  const lookup = (mappings: ImportValueMappings, field: EnumeratedImportField, key: string) =>
    Object.entries(mappings[field] ?? {}).find(([value]) => comparableValue(value) === key)?.[1] ?? null;
  for (const field of enumeratedImportFields) {
    for (const [value, code] of Object.entries(given[field] ?? {})) {
      if (!isVocabularyCode(field, code)) {
        throw new AppError(
          'INVALID_INPUT',
          `"${code}" (for "${value}") is not one of Advocase's codes for ${field}: use one of ${importVocabulary[field].map((choice) => choice.code).join(', ')}.`,
          'valueMappings',
        );
      }
    }
    const column = mapping[field];
    const index = column ? table.headers.indexOf(column) : -1;
    if (!column || index === -1) continue;
    const seen = new Map<string, { value: string; rowCount: number }>();
    for (const row of table.rows) {
      const text = row.cells[index] ?? '';
      if (!text) continue;
      const key = comparableValue(text);
      const entry = seen.get(key);
      if (entry) entry.rowCount += 1;
      else seen.set(key, { value: text, rowCount: 1 });
    }
    const codes = new Map<string, string | null>();
    for (const [key, { value, rowCount }] of seen) {
      const choices: Array<[ImportValue['origin'], string | null]> = [
        ['given', lookup(given, field, key)],
        ['remembered', lookup(rememberedValues, field, key)],
        ['exact', exactCode(field, value)],
        ['suggested', suggestedCode(field, value)],
      ];
      const [origin, code] = choices.find(([, candidate]) => candidate !== null) ?? ['unmapped', null];
      codes.set(key, code);
      list.push({ field, column, value, rowCount, code, origin });
    }
    resolved.set(field, codes);
  }
  return { list, resolved };
}

/**
 * The existing clients the people in the file already are: same name (ignoring case and accents)
 * and date of birth and, when the file gives member IDs, a coverage with one of them. Read in a
 * few queries for the whole file.
 */
async function findInStore(
  db: Kysely<AdvocaseDatabase>,
  people: ReadonlyMap<string, ReviewedRow[]>,
): Promise<Map<string, Duplicate>> {
  const found = new Map<string, Duplicate>();
  const births = [
    ...new Set([...people.values()].flatMap((rows) => [rows[0]!.record!.client.dateOfBirth ?? []].flat())),
  ];
  const candidates: Array<{ id: number; full_name: string; date_of_birth: string | null }> = [];
  for (let start = 0; start < births.length; start += 500) {
    candidates.push(
      ...(await db
        .selectFrom('clients')
        .select(['id', 'full_name', 'date_of_birth'])
        .where('date_of_birth', 'in', births.slice(start, start + 500))
        .where('deleted_at', 'is', null)
        .execute()),
    );
  }
  if (candidates.length === 0) return found;
  const byKey = new Map<string, typeof candidates>();
  for (const candidate of candidates) {
    const key = `${comparableName(candidate.full_name)}|${candidate.date_of_birth}`;
    byKey.set(key, [...(byKey.get(key) ?? []), candidate]);
  }
  const matchedIds = [...byKey.values()].flat().map((candidate) => candidate.id);
  const memberIdsOf = new Map<number, Set<string>>();
  for (let start = 0; start < matchedIds.length; start += 500) {
    const rows = await db
      .selectFrom('coverages')
      .select(['client_id', 'member_id'])
      .where('client_id', 'in', matchedIds.slice(start, start + 500))
      .execute();
    for (const row of rows) {
      memberIdsOf.set(
        row.client_id,
        (memberIdsOf.get(row.client_id) ?? new Set()).add(row.member_id?.toLowerCase() ?? ''),
      );
    }
  }
  for (const [personKey, rows] of people) {
    const matches = byKey.get(personKey) ?? [];
    const memberIds = rows.flatMap((row) =>
      row.record!.coverage?.memberId ? [row.record!.coverage.memberId.toLowerCase()] : [],
    );
    const match = matches.find(
      (candidate) =>
        memberIds.length === 0 || memberIds.some((memberId) => memberIdsOf.get(candidate.id)?.has(memberId)),
    );
    if (match) found.set(personKey, { line: null, clientId: match.id, fullName: match.full_name });
  }
  return found;
}

async function reviewRequest(db: Kysely<AdvocaseDatabase>, request: ImportRequest, memo: ReadRowsMemo) {
  const parsed = parseCsv(request.csvText);
  if (parsed.headers.length === 0 || parsed.rows.length === 0) {
    throw new AppError(
      'INVALID_INPUT',
      'The file has no rows to import: it needs a header row naming the columns, then one row per client.',
      'csvText',
    );
  }
  const table = corrected(parsed, request.corrections);
  const key = sourceKey(request.sourceName, table.headers);
  const memory = await remembered(db, key);
  const mapping = request.mapping ?? memory?.mapping ?? guessMapping(table.headers);
  const mappingOrigin = request.mapping ? 'given' : memory ? 'remembered' : 'guessed';
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
  const values = resolveValues(table, mapping, request.valueMappings, memory?.values ?? {});
  const skipLines = new Set(request.skipLines);
  const reading = {
    csvText: request.csvText,
    corrections: request.corrections,
    mapping,
    resolved: values.resolved,
    today: localToday(),
  };
  const read = memo.rowsOf(reading, () => readImportRows(table, mapping, reading.resolved, reading.today));
  const rows: ReviewedRow[] = read.map((row) => ({
    ...row,
    status: row.isEmpty ? 'skipped-empty' : row.record ? 'ok' : 'error',
    skipped: skipLines.has(row.line),
    duplicateOf: null,
  }));
  // The people of the file: the first row of each is the person, a later one duplicates it.
  const people = new Map<string, ReviewedRow[]>();
  for (const row of rows) {
    if (row.status !== 'ok' || row.skipped) continue;
    const personKey = row.record!.personKey;
    const earlier = people.get(personKey);
    if (earlier) {
      row.status = 'duplicate-in-file';
      row.duplicateOf = {
        line: earlier[0]!.line,
        clientId: null,
        fullName: earlier[0]!.record!.client.fullName,
      };
      earlier.push(row);
    } else people.set(personKey, [row]);
  }
  const inStore = await findInStore(db, people);
  for (const [personKey, personRows] of people) {
    const duplicate = inStore.get(personKey);
    if (!duplicate) continue;
    for (const row of personRows) {
      row.status = 'duplicate-in-store';
      row.duplicateOf = duplicate;
    }
  }
  return { table, key, mapping, mappingOrigin, values, rows, people, inStore } as const;
}

const toPreviewRow = (row: ReviewedRow): ImportPreviewRow => ({
  line: row.line,
  status: row.status,
  skipped: row.skipped,
  cells: [...row.cells],
  problems: row.problems,
  duplicateOf: row.duplicateOf,
});

/** The people an import writes: each with its rows, the duplicates only when merging. */
function choosePeople(
  people: ReadonlyMap<string, readonly ReviewedRow[]>,
  inStore: ReadonlyMap<string, { readonly clientId: number | null }>,
  merge: boolean,
): ImportPerson[] {
  const chosen: ImportPerson[] = [];
  for (const [personKey, personRows] of people) {
    const existing = inStore.get(personKey);
    const taken = personRows.filter((row) => row.status === 'ok' || merge);
    if (existing && !merge) continue;
    if (taken.length > 0)
      chosen.push({ existingClientId: existing?.clientId ?? null, records: taken.map((row) => row.record!) });
  }
  return chosen;
}

/** What an import would do, saving nothing: every row with its status and problems. */
export async function previewImport(
  db: Kysely<AdvocaseDatabase>,
  request: ImportRequest,
  memo: ReadRowsMemo = noReadRowsMemo,
): Promise<ImportPreview> {
  const { table, mapping, mappingOrigin, values, rows, people, inStore } = await reviewRequest(
    db,
    request,
    memo,
  );
  const chosen = choosePeople(people, inStore, request.duplicateAction === 'merge');
  const mappedColumns = new Set(Object.values(mapping));
  const count = (status: ImportRowStatus) =>
    rows.filter((row) => row.status === status && !row.skipped).length;
  return {
    headers: table.headers,
    mapping,
    mappingOrigin,
    unmappedColumns: table.headers.filter((header) => header.trim() !== '' && !mappedColumns.has(header)),
    planned: {
      newClients: chosen.filter((person) => person.existingClientId === null).length,
      mergedClients: chosen.filter((person) => person.existingClientId !== null).length,
      cases: chosen.reduce(
        (sum, person) =>
          sum +
          new Set(person.records.flatMap((record) => (record.caseDetails ? [sameTreatment(record)] : [])))
            .size,
        0,
      ),
    },
    values: values.list,
    dayFirstColumns: [...dateOrdersOf(table, mapping)].flatMap(([field, order]) =>
      order === 'day-first' ? [mapping[field]!] : [],
    ),
    rows: rows.map(toPreviewRow),
    counts: {
      ok: count('ok'),
      error: count('error'),
      duplicateInFile: count('duplicate-in-file'),
      duplicateInStore: count('duplicate-in-store'),
      skippedEmpty: count('skipped-empty'),
      skippedByUser: rows.filter((row) => row.skipped).length,
    },
  };
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** Why a row was left out, in the words the user acts on. */
function reasonLeftOut(row: ReviewedRow): string {
  if (row.skipped) return 'You chose to skip this row.';
  if (row.status === 'duplicate-in-file')
    return `The same person as row ${row.duplicateOf!.line}: delete this row, or import again choosing Merge.`;
  if (row.status === 'duplicate-in-store')
    return `${row.duplicateOf!.fullName} is already in Advocase: delete this row, or import again choosing Merge.`;
  return whatToFix(row.problems);
}

/** The rows left out, as CSV in the file's own columns, with what to fix first. */
function leftOutCsv(headers: readonly string[], rows: readonly ReviewedRow[]): string | null {
  if (rows.length === 0) return null;
  const lines = [['Row in the original file', 'What to fix', ...headers].map(csvCell).join(',')];
  for (const row of rows)
    lines.push([String(row.line), reasonLeftOut(row), ...row.cells].map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Imports the rows without errors (and the duplicates, when merging; never a row the user
 * skipped) in one transaction, as one edit (Undo takes it all back): all of them or none.
 * Remembers the column and value mappings for the source; returns the rows left out as CSV.
 */
export async function commitImport(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  request: ImportRequest,
  report: ImportProgressReport = unwatchedImport,
  memo: ReadRowsMemo = noReadRowsMemo,
): Promise<ImportResult> {
  // The preview's rows serve this commit once; whatever happens next, they are not kept.
  const { table, key, mapping, values, rows, people, inStore } = await reviewRequest(
    db,
    request,
    memo,
  ).finally(() => memo.forget());
  const merge = request.duplicateAction === 'merge';
  const chosen = choosePeople(people, inStore, merge);
  const imported = chosen.reduce((sum, person) => sum + person.records.length, 0);
  const leftOut = rows.filter(
    (row) =>
      row.status !== 'skipped-empty' &&
      (row.skipped || row.status === 'error' || (!merge && row.status !== 'ok')),
  );
  if (imported === 0) {
    throw new AppError(
      'INVALID_INPUT',
      `No row can be imported yet: ${plural(leftOut.length, 'row needs', 'rows need')} fixing or a choice (see each row's problems).`,
      'csvText',
    );
  }
  const source = request.sourceName ?? 'a CSV file';
  const valueMemory: ImportValueMappings = {};
  for (const value of values.list) {
    if (value.code === null || value.origin === 'exact') continue;
    valueMemory[value.field] = { ...valueMemory[value.field], [value.value]: value.code };
  }
  return asOneEdit(
    db,
    actor,
    'edit',
    async (trx) => {
      const counts = await writeImport(trx, actor, chosen, report);
      const now = new Date().toISOString();
      const remember = {
        mapping: JSON.stringify(mapping),
        value_mappings: JSON.stringify(valueMemory),
        updated_at: now,
      };
      await trx
        .insertInto('import_mappings')
        .values({ source_key: key, ...remember })
        .onConflict((conflict) => conflict.column('source_key').doUpdateSet(remember))
        .execute();
      const skipped = rows.length - imported;
      const parts = [
        plural(counts.clientsCreated, 'client added', 'clients added'),
        counts.clientsMerged > 0 && plural(counts.clientsMerged, 'client merged', 'clients merged'),
        plural(counts.coveragesCreated, 'coverage', 'coverages'),
        plural(counts.casesCreated, 'case', 'cases'),
        leftOut.length > 0 && `${plural(leftOut.length, 'row', 'rows')} left out`,
      ].filter(Boolean);
      return {
        result: {
          ...counts,
          imported,
          skipped,
          skippedCsv: leftOutCsv(table.headers, leftOut),
          message: `Imported ${plural(imported, 'row', 'rows')} from ${source}: ${parts.join(', ')}.`,
        },
        label: `Imported ${plural(counts.clientsCreated + counts.clientsMerged, 'client', 'clients')} from ${source}`,
      };
    },
    { derivedDataStored: true },
  );
}
