import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** A fresh, empty data folder per test, removed afterwards. */
export function useTemporaryDataDirectory(): () => string {
  const created: string[] = [];
  afterEach(() => {
    for (const path of created.splice(0)) rmSync(path, { recursive: true, force: true });
  });
  return () => {
    const path = mkdtempSync(join(tmpdir(), 'advocase-test-'));
    created.push(path);
    return path;
  };
}
