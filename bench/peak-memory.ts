import { Worker } from 'node:worker_threads';

/**
 * The most resident memory the process reaches while `work` runs, above what it held just before:
 * the operation's own cost, not the process's history (getrusage's maxRSS keeps the unlock's
 * 128 MiB scrypt peak forever). A worker thread reads the process's RSS every 2 ms, so it keeps
 * sampling while the main thread is busy with synchronous SQLite work.
 */
export async function peakMemoryRiseMb(work: () => Promise<unknown>): Promise<number> {
  const shared = new Float64Array(new SharedArrayBuffer(16));
  const sampler = new Worker(
    `const { workerData } = require('node:worker_threads');
     const peak = new Float64Array(workerData);
     setInterval(() => { const rss = process.memoryUsage.rss(); if (rss > peak[0]) peak[0] = rss; }, 2);`,
    { eval: true, workerData: shared.buffer },
  );
  await new Promise((resolve) => sampler.once('online', resolve));
  const before = process.memoryUsage.rss();
  shared[0] = before;
  await work();
  await new Promise((resolve) => setTimeout(resolve, 10));
  await sampler.terminate();
  return (Math.max(shared[0] ?? before, process.memoryUsage.rss()) - before) / 1024 / 1024;
}
