/**
 * The core answers one call at a time, in the order the calls arrive: its store is one SQLite
 * connection, in the Electron main process and in the web harness alike. Right after an unlock a
 * screen's own rows (the caseload's first page) queued behind calls that only decorate it: the
 * reminder banner's counts, the filter menus' choices, the check for a forgotten timer. At a
 * million cases the reminder counts alone took 1.2–2.2 s of reading cold pages, and the first row
 * waited for them (docs/performance.md, "What the first row waits for").
 *
 * So the calls the screen makes are counted while they are on their way, and a decorating call
 * goes out once they have all been answered: `callApiAfterScreen` in api.ts.
 */

let screenCallsOnTheirWay = 0;
let waitingForTheScreen: Array<() => void> = [];

/** Counts `call` as one of the screen's own until it is answered (or fails). */
export async function countScreenCall<T>(call: Promise<T>): Promise<T> {
  screenCallsOnTheirWay += 1;
  try {
    return await call;
  } finally {
    screenCallsOnTheirWay -= 1;
    if (screenCallsOnTheirWay === 0) {
      const waiting = waitingForTheScreen;
      waitingForTheScreen = [];
      waiting.forEach((resume) => resume());
    }
  }
}

/** The rest of the current task: React sends a render's calls from its effects, all in one task. */
function nextTask(): Promise<void> {
  return new Promise((resume) => setTimeout(resume, 0));
}

/**
 * Resolves once no call of the screen is on its way. It first lets the current task end, so the
 * calls the same render is about to send are counted, and looks again after each answer, since an
 * answer can lead the screen to ask for more (the table's rows once the count is known).
 */
export async function screenCallsAnswered(): Promise<void> {
  await nextTask();
  while (screenCallsOnTheirWay > 0) {
    await new Promise<void>((resume) => waitingForTheScreen.push(resume));
    await nextTask();
  }
}
