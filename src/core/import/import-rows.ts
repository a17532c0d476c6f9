import { type z } from 'zod';
import {
  casePriorities,
  casePriorityLabels,
  caseStageLabels,
  caseStages,
  type CasePriority,
  type CaseStage,
} from '../../shared/domain/case-stages';
import { planTypeLabels, planTypes, type PlanType } from '../../shared/domain/plan-types';
import { parseTreatment } from '../../shared/domain/treatments';
import { caseDetailsSchema, type CaseDetails } from '../../shared/schemas/cases';
import { updateClientInputSchema } from '../../shared/schemas/clients';
import { coverageFieldsSchema } from '../../shared/schemas/coverages';
import type { ImportField, ImportMapping, ImportRowError } from '../../shared/schemas/import';
import { comparableName, normalizeDate, normalizePhone } from './normalize-values';
import type { CsvTable } from './parse-csv';

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
export type ImportRow = {
  readonly rowNumber: number;
  readonly client: ImportedClient;
  readonly coverage: ImportedCoverage | null;
  readonly caseDetails: CaseDetails | null;
  /** Rows of one person (same name and date of birth) become one client. */
  readonly personKey: string;
};

const planTypeAliases: Readonly<Record<string, PlanType>> = {
  erisa: 'employer-self-funded',
  'self funded': 'employer-self-funded',
  'self-funded': 'employer-self-funded',
  'fully insured': 'employer-fully-insured',
  group: 'employer-fully-insured',
  marketplace: 'individual',
  aca: 'individual',
  exchange: 'individual',
  'original medicare': 'medicare',
  'medicare advantage': 'medicare-advantage',
  'medicare part c': 'medicare-advantage',
  'managed medicaid': 'medicaid-managed-care',
  'medicaid mco': 'medicaid-managed-care',
};

function choose<T extends string>(
  text: string,
  values: readonly T[],
  labels: Readonly<Record<T, string>>,
  aliases: Readonly<Record<string, T>> = {},
): T | null {
  const wanted = text.trim().toLowerCase().replace(/_/g, ' ');
  return (
    values.find((value) => value.replace(/[-_]/g, ' ') === wanted.replace(/-/g, ' ')) ??
    values.find((value) => labels[value].toLowerCase() === wanted) ??
    aliases[wanted] ??
    null
  );
}

/** Reads every row with the mapping; a row with any problem is reported, never half taken. */
export function readImportRows(
  table: CsvTable,
  mapping: ImportMapping,
): { rows: ImportRow[]; errors: ImportRowError[] } {
  const rows: ImportRow[] = [];
  const errors: ImportRowError[] = [...table.problems.map((problem) => ({ ...problem, column: null }))];
  const brokenRows = new Set(table.problems.map((problem) => problem.rowNumber));

  for (const { rowNumber, cells } of table.rows) {
    if (brokenRows.has(rowNumber)) continue;
    const rowErrors: ImportRowError[] = [];
    const columnOf = (field: ImportField): string | null => mapping[field] ?? null;
    const cell = (field: ImportField): string => {
      const column = columnOf(field);
      return column ? (cells[column] ?? '') : '';
    };
    const report = (field: ImportField | null, message: string) =>
      rowErrors.push({ rowNumber, column: field ? columnOf(field) : null, message });
    const normalized = (field: ImportField, normalize: typeof normalizeDate): string | null => {
      const text = cell(field);
      if (!text) return null;
      const result = normalize(text);
      if ('problem' in result) {
        report(field, result.problem);
        return null;
      }
      return result.value;
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
    const rawClient = {
      fullName: fullName || undefined,
      dateOfBirth: normalized('dateOfBirth', normalizeDate),
      state: cell('state') || null,
      phone: normalized('phone', normalizePhone),
      email: cell('email') || null,
      address: cell('address') || null,
      preferredLanguage: cell('preferredLanguage') || null,
      notes: cell('notes') || null,
    };
    const fieldOfClientKey = (key: string): ImportField =>
      key === 'fullName' && !mapping.fullName ? 'lastName' : (key as ImportField);
    const client = clientFieldsSchema.safeParse(rawClient);
    if (!client.success) {
      for (const issue of client.error.issues) report(fieldOfClientKey(String(issue.path[0])), issue.message);
    }

    let coverage: ImportedCoverage | null = null;
    if (cell('payer') || cell('memberId') || cell('planName')) {
      let planType: PlanType | null = 'other';
      if (cell('planType')) {
        planType = choose(cell('planType'), planTypes, planTypeLabels, planTypeAliases);
        if (!planType) {
          report(
            'planType',
            `"${cell('planType')}" is not a plan type Advocase knows. Use one of: ${planTypes.map((type) => planTypeLabels[type]).join('; ')}.`,
          );
        }
      }
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
        effectiveOn: normalized('effectiveOn', normalizeDate),
        endsOn: normalized('endsOn', normalizeDate),
      });
      if (parsed.success) coverage = parsed.data;
      else
        for (const issue of parsed.error.issues) report(String(issue.path[0]) as ImportField, issue.message);
    }

    let caseDetails: CaseDetails | null = null;
    if (cell('treatment')) {
      const treatment = parseTreatment(cell('treatment'));
      let stage: CaseStage | null = 'intake';
      if (cell('stage')) {
        stage = choose(cell('stage'), caseStages, caseStageLabels);
        if (!stage) {
          report(
            'stage',
            `"${cell('stage')}" is not a stage Advocase knows. Use one of: ${caseStages.map((value) => caseStageLabels[value]).join(', ')}.`,
          );
        }
      }
      let priority: CasePriority | null = 'normal';
      if (cell('priority')) {
        priority = choose(cell('priority'), casePriorities, casePriorityLabels);
        if (!priority)
          report('priority', `"${cell('priority')}" is not a priority: use low, normal, high or urgent.`);
      }
      const parsed = caseDetailsSchema.safeParse({
        treatment: treatment.kind,
        treatmentDetail: treatment.detail,
        payer: cell('payer') || null,
        stage: stage ?? 'intake',
        priority: priority ?? 'normal',
        openedOn: normalized('openedOn', normalizeDate),
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

    if (rowErrors.length > 0 || !client.success || !fullName) {
      // The same message twice for one cell (a date read, then checked again) says nothing new.
      const seen = new Set<string>();
      for (const error of rowErrors) {
        const key = `${error.column}|${error.message}`;
        if (!seen.has(key)) errors.push(error);
        seen.add(key);
      }
      continue;
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
    rows.push({
      rowNumber,
      client: imported,
      coverage,
      caseDetails,
      personKey: imported.dateOfBirth
        ? `${name}|${imported.dateOfBirth}`
        : `${name}||${coverage?.memberId?.toLowerCase() ?? `row ${rowNumber}`}`,
    });
  }
  errors.sort((a, b) => a.rowNumber - b.rowNumber);
  return { rows, errors };
}
