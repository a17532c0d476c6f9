import { readdirSync, readlinkSync } from 'node:fs';

/** This process's open file descriptors that point at the database file or its -wal/-shm (Linux). */
export function openDatabaseHandles(databasePath: string): string[] {
  return readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      return target.startsWith(databasePath) ? [target] : [];
    } catch {
      // The descriptor readdir itself used is closed by the time it is read.
      return [];
    }
  });
}
