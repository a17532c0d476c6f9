import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findImportCycles } from '../../scripts/import-cycles';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

const newFolder = useTemporaryDataDirectory();

/** A small project on disk: file paths under its root and their text. */
function plant(files: Readonly<Record<string, string>>): string {
  const root = newFolder();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('the import-cycle check of npm run lint', () => {
  it('finds a cycle made only of type imports, and names the way round it', () => {
    const root = plant({
      'src/db/schema.ts':
        "import type { AuditLogTable } from './tables/audit-log';\nexport type Db = { audit_log: AuditLogTable };",
      'src/db/tables/audit-log.ts':
        "import type { Db } from '../schema';\nexport type AuditLogTable = { id: number };\nexport const write = (db: Db) => db;",
      'src/cases/cases.ts': "import type { Db } from '../db/schema';\nexport type Case = Db;",
    });
    expect(findImportCycles(root, 'src')).toEqual([
      { loop: ['src/db/schema.ts', 'src/db/tables/audit-log.ts', 'src/db/schema.ts'], filesInTangle: 2 },
    ]);
  });

  it('follows re-exports and index files, and counts every file of a longer tangle', () => {
    const root = plant({
      'src/search/index.ts': "export * from './providers';",
      'src/search/providers.ts':
        "import { documents } from '../vault/documents';\nexport const all = [documents];",
      'src/vault/documents.ts': "import { shared } from '../vault/shared';\nexport const documents = shared;",
      'src/vault/shared.ts':
        "import type { all } from '../search';\nexport const shared = 1 as unknown as typeof all;",
    });
    const [cycle, ...others] = findImportCycles(root, 'src');
    expect(others).toEqual([]);
    expect(cycle?.filesInTangle).toBe(4);
    expect(cycle?.loop).toEqual([
      'src/search/index.ts',
      'src/search/providers.ts',
      'src/vault/documents.ts',
      'src/vault/shared.ts',
      'src/search/index.ts',
    ]);
  });

  it('passes a tree whose imports all point one way', () => {
    const root = plant({
      'src/shared/ids.ts': 'export type Id = number;',
      'src/core/cases.ts': "import type { Id } from '../shared/ids';\nexport const first: Id = 1;",
      'src/main/index.ts': "import { first } from '../core/cases';\nexport const shown = first;",
    });
    expect(findImportCycles(root, 'src')).toEqual([]);
  });
});
