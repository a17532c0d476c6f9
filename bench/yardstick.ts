import { createHash } from 'node:crypto';

/**
 * SHA-256 over 256 MiB in memory, timed: a fixed piece of CPU work taken beside a figure, so a
 * reader can tell a slow operation from a busy machine (the two move together when it is the load).
 */
export function sha256YardstickMs(): number {
  const block = Buffer.alloc(1024 * 1024, 7);
  const started = performance.now();
  const hash = createHash('sha256');
  for (let index = 0; index < 256; index += 1) hash.update(block);
  hash.digest();
  return performance.now() - started;
}
