import { type z } from 'zod';
import type { EnumeratedImportField } from '../../shared/domain/import-vocabulary';
import type { CasePriority, CaseStage } from '../../shared/domain/case-stages';
import type { PlanType } from '../../shared/domain/plan-types';
import type { TreatmentKind } from '../../shared/domain/treatments';
import { caseDetailsSchema, type CaseDetails } from '../../shared/schemas/cases';
import { updateClientInputSchema } from '../../shared/schemas/clients';
import { coverageFieldsSchema } from '../../shared/schemas/coverages';
import {
  importFieldLabels,
  type ImportField,
  type ImportMapping,
  type ImportProblem,
} from '../../shared/schemas/import';
import { comparableName } from '../../shared/domain/same-client';
import { dateOrderOf, normalizeDate, normalizePhone, type DateOrder } from './normalize-values';
import type { CsvRecord, CsvTable } from './parse-csv';
import { comparableValue } from './value-vocabulary';

const clientFieldsSchema = updateClientInputSchema.shape.changes;
export type ImportedClient = {
  fullName: string;
  dateOfBirth: string | null;
  state: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  preferredLanguage: string | null;
  notes: string | null;
};
export type ImportedCoverage = z.output<typeof coverageFieldsSchema>;

/** One CSV row as records to create, once every value has been checked. */
export type ImportRecord = {
  readonly client: ImportedClient;
  readonly coverage: ImportedCoverage | null;
  readonly caseDetails: CaseDetails | null;
  /** Rows of one person (same name and date of birth, or name and member ID) are one client. */
  readonly personKey: string;
};

/** A row as read: its problems, and its records when it has no error. */
export type ReadRow = {
  readonly line: number;
  readonly isEmpty: boolean;
  readonly cells: readonly string[];
  readonly problems: ImportProblem[];
  readonly record: ImportRecord | null;
};

/** The code each value of an enumerated column maps to (by comparableValue), or null when unmapped. */
export type ResolvedValues = ReadonlyMap<EnumeratedImportField, ReadonlyMap<string, string | null>>;

const dateFields = ['dateOfBirth', 'effectiveOn', 'endsOn', 'openedOn'] as const;

/** How each mapped date column writes its numeric dates, judged from all of its values. */
export function dateOrdersOf(table: CsvTable, mapping: ImportMapping): Map<ImportField, DateOrder> {
  const orders = new Map<ImportField, DateOrder>();
  for (const field of dateFields) {
    const index = mapping[field] ? table.headers.indexOf(mapping[field]) : -1;
    if (index !== -1) orders.set(field, dateOrderOf(table.rows.map((row) => row.cells[index] ?? '')));
  }
  return orders;
}

/**
 * Reads every row with the column mapping and value mapping. An error keeps the row out (it is
 * shown with its problems beside its cells, to correct or skip); a warning lets it in.
 */
export function readImportRows(
  table: CsvTable,
  mapping: ImportMapping,
  values: ResolvedValues,
  today: string,
): ReadRow[] {
  const columnIndex = new Map(table.headers.map((header, index) => [header, index]));
  const columnOf = (field: ImportField): string | null => mapping[field] ?? null;
  const cellOf = (row: CsvRecord, field: ImportField): string => {
    const column = columnOf(field);
    const index = column === null ? undefined : columnIndex.get(column);
    return index === undefined ? '' : (row.cells[index] ?? '');
  };
  const dateOrders = dateOrdersOf(table, mapping);
  const structural = new Map<number, string[]>();
  for (const problem of table.problems) {
    structural.set(problem.line, [...(structural.get(problem.line) ?? []), problem.message]);
  }

  return table.rows.map((row): ReadRow => {
    const problems: ImportProblem[] = [];
    if (row.isEmpty) return { line: row.line, isEmpty: true, cells: row.cells, problems, record: null };
    const seen = new Set<string>();
    const report = (field: ImportField | null, message: string, severity: 'error' | 'warning' = 'error') => {
      const column = field ? (columnOf(field) ?? importFieldLabels[field]) : null;
      // The same message twice for one cell (a date read, then checked again) says nothing new.
      const key = `${column}|${message}`;
      if (!seen.has(key)) problems.push({ column, message, severity });
      seen.add(key);
    };
    // Cells shifted by a missing or extra comma would each look wrong: say only what is wrong.
    const broken = structural.get(row.line);
    if (broken) {
      for (const message of broken) report(null, message);
      return { line: row.line, isEmpty: false, cells: row.cells, problems, record: null };
    }
    const cell = (field: ImportField) => cellOf(row, field);
    const date = (field: ImportField): string | null => {
      const text = cell(field);
      if (!text) return null;
      const result = normalizeDate(text, dateOrders.get(field));
      if ('problem' in result) {
        report(field, result.problem);
        return null;
      }
      if (result.note) report(field, result.note, 'warning');
      return result.value;
    };
    const phone = (): string | null => {
      const text = cell('phone');
      if (!text) return null;
      const result = normalizePhone(text);
      if ('value' in result) return result.value;
      // A local number without its area code is still the client's number: keep it.
      if (text.replace(/\D/g, '').length === 7) {
        report(
          'phone',
          `"${text}" has 7 digits and no area code: it is kept as written. Add the area code when you know it.`,
          'warning',
        );
        return text;
      }
      report('phone', result.problem);
      return null;
    };
    const vocabulary = <Code extends string>(field: EnumeratedImportField): Code | null => {
      const text = cell(field);
      if (!text) return null;
      const code = values.get(field)?.get(comparableValue(text)) ?? null;
      if (code === null) {
        report(
          field,
          field === 'state'
            ? `"${text}" is not a US state code: correct it to a two-letter code such as CA, or choose what it means under Values.`
            : `"${text}" is not yet one of Advocase's ${fieldNoun[field]}: choose what it means under Values.`,
        );
      }
      return code as Code | null;
    };

    const fullName = cell('fullName') || [cell('firstName'), cell('lastName')].filter(Boolean).join(' ');
    if (!fullName) {
      report(
        mapping.fullName ? 'fullName' : mapping.lastName ? 'lastName' : null,
        mapping.fullName || mapping.lastName
          ? 'The name is empty: every row needs the client’s name.'
          : 'No column is mapped to the client’s name: map one to “Client: full name” (or first and last name).',
      );
    }
    const state = vocabulary<string>('state');
    const rawClient = {
      fullName: fullName || undefined,
      dateOfBirth: date('dateOfBirth'),
      state,
      phone: phone(),
      email: cell('email') || null,
      address: cell('address') || null,
      preferredLanguage: cell('preferredLanguage') || null,
      notes: cell('notes') || null,
    };
    const client = clientFieldsSchema.safeParse(rawClient);
    if (!client.success) {
      for (const issue of client.error.issues) {
        const key = String(issue.path[0]);
        report(key === 'fullName' && !mapping.fullName ? 'lastName' : (key as ImportField), issue.message);
      }
    } else if (client.data.dateOfBirth && client.data.dateOfBirth > today) {
      report('dateOfBirth', 'Date of birth cannot be in the future. Check the year.');
    }

    let coverage: ImportedCoverage | null = null;
    if (cell('payer') || cell('memberId') || cell('planName')) {
      const planType = cell('planType') ? vocabulary<PlanType>('planType') : 'other';
      if (!cell('payer'))
        report(
          mapping.payer ? 'payer' : 'memberId',
          'A coverage needs its payer: fill in the payer (the insurance company).',
        );
      const parsed = coverageFieldsSchema.safeParse({
        payer: cell('payer') || 'unknown',
        planName: cell('planName') || null,
        planType: planType ?? 'other',
        memberId: cell('memberId') || null,
        groupNumber: cell('groupNumber') || null,
        effectiveOn: date('effectiveOn'),
        endsOn: date('endsOn'),
      });
      if (parsed.success) coverage = parsed.data;
      else
        for (const issue of parsed.error.issues) report(String(issue.path[0]) as ImportField, issue.message);
    }

    let caseDetails: CaseDetails | null = null;
    if (cell('treatment')) {
      const treatment = vocabulary<TreatmentKind>('treatment');
      const stage = cell('stage') ? vocabulary<CaseStage>('stage') : 'intake';
      const priority = cell('priority') ? vocabulary<CasePriority>('priority') : 'normal';
      const parsed = caseDetailsSchema.safeParse({
        treatment: treatment ?? 'other',
        treatmentDetail: treatment === 'other' ? cell('treatment') : null,
        payer: cell('payer') || null,
        stage: stage ?? 'intake',
        priority: priority ?? 'normal',
        openedOn: date('openedOn'),
      });
      if (parsed.success) caseDetails = parsed.data;
      else
        for (const issue of parsed.error.issues) {
          report(
            issue.path[0] === 'treatmentDetail' ? 'treatment' : (String(issue.path[0]) as ImportField),
            issue.message,
          );
        }
    }

    if (problems.some((problem) => problem.severity === 'error') || !client.success || !fullName) {
      return { line: row.line, isEmpty: false, cells: row.cells, problems, record: null };
    }
    const imported: ImportedClient = {
      fullName: client.data.fullName!,
      dateOfBirth: client.data.dateOfBirth ?? null,
      state: client.data.state ?? null,
      phone: client.data.phone ?? null,
      email: client.data.email ?? null,
      address: client.data.address ?? null,
      preferredLanguage: client.data.preferredLanguage ?? null,
      notes: client.data.notes ?? null,
    };
    const name = comparableName(imported.fullName);
    const memberId = coverage?.memberId?.toLowerCase();
    return {
      line: row.line,
      isEmpty: false,
      cells: row.cells,
      problems,
      record: {
        client: imported,
        coverage,
        caseDetails,
        personKey: imported.dateOfBirth
          ? `${name}|${imported.dateOfBirth}`
          : `${name}||${memberId ?? `line ${row.line}`}`,
      },
    };
  });
}

const fieldNoun: Readonly<Record<EnumeratedImportField, string>> = {
  planType: 'plan types',
  treatment: 'treatments',
  stage: 'stages',
  priority: 'priorities',
  state: 'states',
};

/** A sentence listing what the user must fix in a row, for the CSV of rows left out. */
export function whatToFix(problems: readonly ImportProblem[]): string {
  return problems
    .filter((problem) => problem.severity === 'error')
    .map((problem) => (problem.column ? `${problem.column}: ${problem.message}` : problem.message))
    .join(' ');
}
