import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  enumeratedImportFields,
  importVocabulary,
  type EnumeratedImportField,
} from '../../../shared/domain/import-vocabulary';
import type { ImportMapping, ImportValueMappings } from '../../../shared/schemas/import';
import { exitCodes, UsageError } from '../cli-io';
import type { Command } from '../command';
import { readPassphrase } from '../prompt-secret';

/**
 * "Plan Type=Employer (self-funded):employer-self-funded" → the field the column feeds, the value,
 * the code. The column is named by its header, as the app matches it; the code follows the last colon.
 */
function parseMapValue(text: string, mapping: ImportMapping): [EnumeratedImportField, string, string] {
  const equals = text.indexOf('=');
  const colon = text.lastIndexOf(':');
  if (equals <= 0 || colon < equals) {
    throw new UsageError(
      `--map-value "${text}" must be written "COLUMN=VALUE:CODE", for example "Plan Type=HMO:employer-fully-insured".`,
    );
  }
  const column = text.slice(0, equals).trim();
  const field = enumeratedImportFields.find(
    (candidate) => mapping[candidate]?.toLowerCase() === column.toLowerCase(),
  );
  if (!field) {
    throw new UsageError(
      `--map-value: the column "${column}" is not a plan type, treatment, stage, priority or state column of this file.`,
    );
  }
  return [field, text.slice(equals + 1, colon).trim(), text.slice(colon + 1).trim()];
}

/** Imports a CSV as the app does: a dry run lists every row's status; --skip-invalid imports the good rows. */
export const importCommand: Command = {
  async run({ io, argv, call, usage }) {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        source: { type: 'string' },
        'map-value': { type: 'string', multiple: true },
        'dry-run': { type: 'boolean' },
        'skip-invalid': { type: 'boolean' },
        'merge-duplicates': { type: 'boolean' },
        json: { type: 'boolean' },
      },
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError(`Usage: ${usage}`);
    let csvText: string;
    try {
      csvText = readFileSync(positionals[0]!, 'utf8');
    } catch {
      throw new UsageError(
        `cannot read "${positionals[0]}": check the file's name and that you may read it.`,
      );
    }
    const sourceName = values.source ?? null;
    await call('session.unlock', { passphrase: await readPassphrase(io) });
    const preview = await call('import.preview', { csvText, sourceName });
    // Column headers in --map-value are matched against the mapping the import would use.
    const mapping = preview.mapping;
    const valueMappings: ImportValueMappings = {};
    for (const text of values['map-value'] ?? []) {
      const [field, value, code] = parseMapValue(text, mapping);
      valueMappings[field] = { ...valueMappings[field], [value]: code };
    }
    const request = {
      csvText,
      sourceName,
      valueMappings,
      duplicateAction: values['merge-duplicates'] ? ('merge' as const) : ('skip' as const),
    };
    const reviewed = await call('import.preview', request);
    if (values['dry-run']) {
      // The app says "choose what it means under Values"; here the way to choose is a flag.
      const unmapped = new Map(
        reviewed.values.filter((value) => value.code === null).map((value) => [value.column, value.field]),
      );
      const howToMap = (column: string | null, cells: readonly string[]) => {
        const field = column === null ? undefined : unmapped.get(column);
        if (!field) return '';
        const value = cells[reviewed.headers.indexOf(column!)] ?? '';
        const codes = importVocabulary[field].map((choice) => choice.code).join(', ');
        return ` On the command line: --map-value "${column}=${value}:CODE", CODE one of ${codes}.`;
      };
      const rows = reviewed.rows.map((row) => ({
        line: row.line,
        status: row.status,
        problems: row.problems.map((problem) => ({
          field: problem.column ?? 'row',
          message:
            problem.severity === 'error'
              ? `${problem.message}${howToMap(problem.column, row.cells)}`
              : problem.message,
          severity: problem.severity,
        })),
      }));
      if (values.json) io.stdout.write(`${JSON.stringify({ rows }, null, 2)}\n`);
      else
        for (const row of rows) {
          io.stdout.write(`row ${row.line}: ${row.status}\n`);
          for (const problem of row.problems)
            io.stdout.write(`  ${problem.severity} ${problem.field}: ${problem.message}\n`);
        }
      return exitCodes.ok;
    }
    const errors = reviewed.counts.error;
    if (errors > 0 && !values['skip-invalid']) {
      throw new UsageError(
        `${errors} row${errors === 1 ? ' has' : 's have'} errors; nothing was imported. See them with --dry-run, fix the file or map its values with --map-value, or import the other rows with --skip-invalid.`,
      );
    }
    const { ok, duplicateInFile, duplicateInStore } = reviewed.counts;
    if (ok + (values['merge-duplicates'] ? duplicateInFile + duplicateInStore : 0) === 0) {
      io.stdout.write(
        values.json
          ? `${JSON.stringify({ imported: 0, skipped: reviewed.rows.length })}\n`
          : 'No row can be imported: see why with --dry-run.\n',
      );
      return exitCodes.ok;
    }
    const result = await call('import.commit', request);
    if (values.json)
      io.stdout.write(`${JSON.stringify({ imported: result.imported, skipped: result.skipped })}\n`);
    else io.stdout.write(`${result.message}\n`);
    return exitCodes.ok;
  },
};
