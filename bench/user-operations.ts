import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { createHandlers } from '../src/core/api/create-handlers';
import { dispatch } from '../src/core/api/dispatch';
import { writeAtomically } from '../src/core/exports/write-atomically';
import type { MethodInput, MethodName, MethodOutput } from '../src/shared/contract';
import { caseloadColumnIds, type CaseloadQueryInput } from '../src/shared/schemas/caseload';
import { percentile } from './figures';
import { bigCaseId } from './synthetic-caseload';

/**
 * The caseload operations the bench times, each as the renderer triggers it: the same methods
 * with the same inputs (src/renderer), through the same dispatch. One list serves the cold runs
 * (a fresh process) and the warm ones, so both measure the same thing.
 */

export type Handlers = ReturnType<typeof createHandlers>;

export async function call<M extends MethodName>(
  handlers: Handlers,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const result = await dispatch(handlers, method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.value as MethodOutput<M>;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** The caseload's first page as CaseloadView asks for it (use-caseload-window.ts). */
const firstPageInput = {
  filters: {},
  quickFilter: null,
  sorting: [],
  offset: 0,
  limit: 100,
  includeStageCounts: true,
} satisfies CaseloadQueryInput;

/**
 * Unlock as the app does it: `session.unlock`, whether a recovery key awaits confirmation, then
 * the calls the renderer makes once the workspace shows (seen in Chromium on the web harness, and
 * printed by the browser bench so a change shows): which store is open, Workspace's settings, the
 * live-changes loop's first ask, CaseloadView's preferences, saved views and first page, all at
 * once. The first caseload row can be drawn when the last of these has answered. Then, as the
 * renderer sends them, the calls that only decorate the screen: ReminderBanner's summary, the
 * filter menus' choices and LongRunningTimerCheck's timer.
 */
export async function unlockToFirstPage(
  handlers: Handlers,
  passphrase: string,
): Promise<{
  unlockMs: number;
  firstPageMs: number;
  totalMs: number;
  /** When each call answered, in ms after session.unlock did (they share one connection). */
  answeredAfterMs: Record<string, number>;
}> {
  const started = performance.now();
  await call(handlers, 'session.unlock', { passphrase });
  const unlocked = performance.now();
  const answeredAfterMs: Record<string, number> = {};
  const noted = async (name: string, work: Promise<unknown>) => {
    await work;
    answeredAfterMs[name] = performance.now() - unlocked;
  };
  await noted('session.recoveryKeyConfirmation', call(handlers, 'session.recoveryKeyConfirmation', {}));
  // The screen's own calls, as the renderer sends them after an unlock; the first row waits for these.
  await Promise.all([
    noted('team.connection', call(handlers, 'team.connection', {})),
    noted('caseload.getPreferences', call(handlers, 'caseload.getPreferences', {})),
    noted('caseload.listViews', call(handlers, 'caseload.listViews', {})),
    noted('caseload.query', call(handlers, 'caseload.query', firstPageInput)),
    noted('settings.get', call(handlers, 'settings.get', {})),
    noted('live.changes', call(handlers, 'live.changes', {})),
  ]);
  const done = performance.now();
  // What only decorates the screen goes out once those are answered (renderer lib/screen-calls.ts):
  // timed for the detail line, not for the first page.
  await Promise.all([
    noted('deadlines.reminderSummary', call(handlers, 'deadlines.reminderSummary', {})),
    noted('caseload.filterOptions', call(handlers, 'caseload.filterOptions', {})),
    noted('time.running', call(handlers, 'time.running', {})),
  ]);
  return {
    unlockMs: unlocked - started,
    firstPageMs: done - unlocked,
    totalMs: done - started,
    answeredAfterMs,
  };
}

const page = (input: CaseloadQueryInput): CaseloadQueryInput => ({ ...firstPageInput, ...input });

/** Every column both ways, and sorts on several columns (Shift+click). */
export const sortQueries: ReadonlyArray<readonly [string, CaseloadQueryInput]> = [
  ...caseloadColumnIds.flatMap((column) => [
    [`by ${column}`, page({ sorting: [{ column, descending: false }] })] as const,
    [`by ${column}, descending`, page({ sorting: [{ column, descending: true }] })] as const,
  ]),
  ['by payer, then client', page({ sorting: [{ column: 'payer' }, { column: 'clientName' }] })],
  [
    'by stage, then next deadline, then priority descending',
    page({
      sorting: [{ column: 'stage' }, { column: 'nextDeadline' }, { column: 'priority', descending: true }],
    }),
  ],
];

/** A filter on every filterable column, the built-in views, and combinations. */
export const filterQueries: ReadonlyArray<readonly [string, CaseloadQueryInput]> = [
  ['stage', page({ filters: { stages: ['decision'] } })],
  ['payer', page({ filters: { payers: ['Aetna'] } })],
  ['plan type', page({ filters: { planTypes: ['medicare-advantage'] } })],
  ['treatment', page({ filters: { treatments: ['tms'] } })],
  ['advocate', page({ filters: { advocates: ['Luis Ortega'] } })],
  ['priority', page({ filters: { priorities: ['urgent'] } })],
  ['urgent', page({ filters: { isUrgent: true } })],
  ['overdue deadline', page({ filters: { hasOverdueDeadline: true } })],
  [
    'view "Appeals due in 14 days"',
    page({
      filters: { claimantDeadlineWithinDays: 14 },
      sorting: [{ column: 'priority', descending: true }],
    }),
  ],
  [
    'payer + stage, sorted by client',
    page({ filters: { payers: ['Cigna'], stages: ['intake'] }, sorting: [{ column: 'clientName' }] }),
  ],
];

/** What a user types in the quick filter: common and rare names, a payer, a fragment, an absent word. */
export const quickFilterQueries: ReadonlyArray<readonly [string, CaseloadQueryInput]> = [
  ['"chen"', page({ quickFilter: 'chen' })],
  ['"maria", sorted by client', page({ quickFilter: 'maria', sorting: [{ column: 'clientName' }] })],
  ['"ortega"', page({ quickFilter: 'ortega' })],
  ['"stellate"', page({ quickFilter: 'stellate' })],
  ['"zim"', page({ quickFilter: 'zim' })],
  ['"kaiser perm"', page({ quickFilter: 'kaiser perm' })],
  ['"no such name"', page({ quickFilter: 'no such name' })],
];

/** 100 varied global searches: common and rare words, names, payers, reference and member numbers, prefixes. */
export const searchTexts: readonly string[] = (() => {
  const words = [
    'Garcia',
    'Chen',
    'Maria',
    'Aetna',
    'Cigna',
    'REF-1',
    'REF-2',
    'REF-35',
    'Tanya',
    'Devon',
    'receipt',
    'clinic',
    'Nguyen',
    'Patel',
    'Okafor',
    'decision',
    'Humana',
    'Kaiser',
    'Molina',
    'M1000',
    'Stellate',
    'letter',
    'Santos',
    'Xu',
    'Quinn',
  ];
  const texts = [...words];
  for (let index = 0; texts.length < 100; index += 1) {
    const word = words[index % words.length]!;
    const other = words[(index * 7 + 3) % words.length]!;
    texts.push(
      index % 3 === 0
        ? `${word} ${other.slice(0, 3)}`
        : index % 3 === 1
          ? `${word.slice(0, 2)}`
          : `${word} ${other}`,
    );
  }
  return texts;
})();

/** The p95 of one pass over the 100 searches, as the command palette sends them. */
export async function searchP95(handlers: Handlers): Promise<number> {
  const times: number[] = [];
  for (const text of searchTexts) times.push(await timed(() => call(handlers, 'search.global', { text })));
  return percentile(times, 0.95);
}

/**
 * A case page as CasePage opens it: the header and its line of open work (the Deadlines tab's
 * list), the timeline's first page, the tasks.
 */
export function openBigCase(handlers: Handlers): Promise<unknown> {
  return Promise.all([
    call(handlers, 'cases.get', { caseId: bigCaseId }),
    call(handlers, 'deadlines.listForCase', { caseId: bigCaseId }),
    call(handlers, 'events.list', { caseId: bigCaseId, order: 'newest_first', types: [], text: null }),
    call(handlers, 'tasks.listForCase', { caseId: bigCaseId }),
  ]);
}

/** Outcomes for the fixture's last full year, everyone's and one advocate's (OutcomesView). */
export const outcomesInputs: ReadonlyArray<readonly [string, MethodInput<'outcomes.report'>]> = [
  ['a year, every advocate', { from: '2025-11-24', to: '2026-11-23' }],
  ['a year, one advocate', { from: '2025-11-24', to: '2026-11-23', advocate: 'Luis Ortega' }],
];

export type CsvExportTiming = { firstBytesMs: number; totalMs: number; bytes: number; rowCount: number };

/**
 * The caseload's CSV export of every row with the default columns (CaseloadView), saved as the
 * desktop app saves it (a partial file beside the chosen one, renamed once complete) into
 * `folder`: when the first bytes reached the file, when the last did, and how many.
 */
export async function exportCaseloadCsv(handlers: Handlers, folder: string): Promise<CsvExportTiming> {
  const started = performance.now();
  let firstBytesMs = Number.NaN;
  let bytes = 0;
  const result = await dispatch(
    handlers,
    'caseload.exportCsv',
    { filters: {}, quickFilter: null, sorting: [], columns: [...caseloadColumnIds] },
    async (suggestedName, write) => {
      const path = join(folder, suggestedName);
      await writeAtomically(path, async (file) => {
        const writer = file.getWriter();
        await write(
          new WritableStream<Uint8Array>({
            write: async (piece) => {
              if (bytes === 0) firstBytesMs = performance.now() - started;
              bytes += piece.byteLength;
              await writer.write(piece);
            },
            close: () => writer.close(),
            abort: (reason) => writer.abort(reason),
          }),
        );
      });
      rmSync(path);
      return suggestedName;
    },
  );
  if (!result.ok) throw new Error(`caseload.exportCsv failed: ${result.error.message}`);
  const { rowCount } = result.value as MethodOutput<'caseload.exportCsv'>;
  return { firstBytesMs, totalMs: performance.now() - started, bytes, rowCount };
}

/** Each query once, in order, with its time: the first of each in a fresh process is its cold figure. */
export async function timeEachQuery(
  handlers: Handlers,
  queries: ReadonlyArray<readonly [string, CaseloadQueryInput]>,
): Promise<Record<string, number>> {
  const times: Record<string, number> = {};
  for (const [name, input] of queries)
    times[name] = await timed(() => call(handlers, 'caseload.query', input));
  return times;
}

export async function timeEachOutcome(handlers: Handlers): Promise<Record<string, number>> {
  const times: Record<string, number> = {};
  for (const [name, input] of outcomesInputs)
    times[name] = await timed(() => call(handlers, 'outcomes.report', input));
  return times;
}

export { timed };
