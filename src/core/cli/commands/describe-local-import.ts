import type { LocalImportReport } from '../../team/import-local-store';

/** The kinds a person thinks in, by the table that holds them; other tables by their own name. */
const kinds: ReadonlyArray<readonly [table: string, label: string]> = [
  ['clients', 'clients'],
  ['cases', 'cases'],
  ['coverages', 'coverages'],
  ['events', 'timeline events'],
  ['case_deadlines', 'deadlines'],
  ['tasks', 'tasks'],
  ['letters', 'letters'],
  ['documents', 'documents'],
];

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** What `advocase team import-local` moved, one kind a line, and what to do with the local store. */
export function describeLocalImport(report: LocalImportReport, dataDirectory: string): string {
  const count = (table: string) => report.counts[table] ?? 0;
  const named = new Set(kinds.map(([table]) => table));
  const others = Object.entries(report.counts)
    .filter(([table]) => !named.has(table))
    .sort(([a], [b]) => a.localeCompare(b));
  const width = 16;
  const lines = [
    'Moved into the team database:',
    ...kinds.map(([table, label]) => `  ${label.padEnd(width)}${count(table)}`),
    `  ${'document files'.padEnd(width)}${report.documentFiles} (${megabytes(report.documentBytes)})`,
    ...(others.length === 0
      ? []
      : [
          `  ${'other records'.padEnd(width)}${others.reduce((sum, [, n]) => sum + n, 0)} (${others
            .map(([table, n]) => `${table.replace(/_/g, ' ')} ${n}`)
            .join(', ')})`,
        ]),
    `The cases are assigned to you. The local store in ${dataDirectory} is unchanged: delete it once you have checked the team's copy.`,
  ];
  return `${lines.join('\n')}\n`;
}
