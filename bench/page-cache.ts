import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Makes a file cold: its pages leave the OS page cache, so the next read comes from the disk as
 * after a reboot. Per file, with posix_fadvise(DONTNEED) through GNU dd, so the other programs on
 * the machine keep their cache; `fincore` then says how much of it is still resident, which is
 * reported rather than trusted.
 */
export function evictFromPageCache(paths: readonly string[]): { residentBytes: number; method: string } {
  const present = paths.filter((path) => existsSync(path));
  spawnSync('sync', [], { stdio: 'ignore' });
  for (const path of present) {
    spawnSync('dd', [`if=${path}`, 'iflag=nocache', 'count=0', 'status=none'], { stdio: 'ignore' });
  }
  return {
    residentBytes: residentBytes(present),
    method: 'posix_fadvise(DONTNEED) per file (dd iflag=nocache)',
  };
}

/** How many bytes of these files are in the page cache now (fincore), or NaN where fincore is missing. */
export function residentBytes(paths: readonly string[]): number {
  const present = paths.filter((path) => existsSync(path));
  if (present.length === 0) return 0;
  const result = spawnSync('fincore', ['--bytes', '--noheadings', '--output', 'RES', ...present], {
    encoding: 'utf8',
  });
  if (result.status !== 0) return Number.NaN;
  return result.stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .reduce((sum, line) => sum + Number(line.trim()), 0);
}
