import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/**
 * The architecture rules of eslint.config.js, each shown failing on a violation planted in the
 * layer it guards and passing on what that layer may do. The project's own config is used as is;
 * only type information is left out, which these rules do not need and which a file that is not
 * on disk cannot have.
 */
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: tseslint.configs.disableTypeChecked });

async function architectureErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter(
      (message) =>
        message.ruleId === 'architecture/layer-boundaries' ||
        message.ruleId === 'no-restricted-syntax' ||
        message.fatal,
    )
    .map((message) => `${message.ruleId ?? 'fatal'}: ${message.message}`);
}

describe('layer boundaries by path', () => {
  it.each([
    [
      'src/preload/planted.ts',
      "export { Session } from '../core/session/session';",
      'src/core/session/session',
    ],
    ['src/core/cases/planted.ts', "export * from '../../main/ipc';", 'src/main/ipc'],
    ['src/shared/planted.ts', "export { AppError } from '../core/errors';", 'src/core/errors'],
    ['src/renderer/src/planted.ts', "export * from '../../core/db/store';", 'src/core/db/store'],
    ['src/main/planted.ts', "export { openStore } from '../core/db/store';", 'src/core/db/store'],
    ['src/main/planted.ts', "export * from '../core/deadlines/recompute';", 'src/core/deadlines/recompute'],
    ['src/web/planted.ts', "export * from '../renderer/src/lib/api';", 'src/renderer/src/lib/api'],
    ['src/core/planted.ts', "export const load = () => import('../web/web-harness');", 'src/web/web-harness'],
  ])('%s refuses: %s', async (filePath, code, target) => {
    const errors = await architectureErrors(filePath, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`may not import ${target}`);
  });

  it.each([
    // A folder named like a layer inside the core is still the core.
    ['src/core/cases/planted.ts', "export * from './main';"],
    ['src/core/cases/planted.ts', "export * from '../../shared/contract/index';"],
    ['src/renderer/src/planted.ts', "export * from '@shared/contract';"],
    ['src/preload/planted.ts', "export * from '../shared/bridge';"],
    ['src/main/planted.ts', "export { dispatch } from '../core/api/dispatch';"],
    ['src/main/planted.ts', "export { Session } from '../core/session/session';"],
    ['src/web/planted.ts', "export { createHandlers } from '../core/api/create-handlers';"],
  ])('%s may import: %s', async (filePath, code) => {
    expect(await architectureErrors(filePath, code)).toEqual([]);
  });
});

describe('SQLite-specific SQL only in src/core/db/', () => {
  const planted = [
    'const hits = sql`SELECT rowid FROM case_search WHERE case_search MATCH ${query}`;',
    'const rank = sql`bm25(document_text, 2.0, 1.0)`;',
    "const part = sql`snippet(document_text, 1, '[', ']', '…', 16)`;",
    "const setting = 'PRAGMA foreign_keys = ON';",
    "const field = sql`json_extract(details, '$.decision')`;",
    'const order = sql`name COLLATE NOCASE`;',
    "const tables = 'select name from sqlite_master';",
    'const table = sql`CREATE VIRTUAL TABLE t USING fts5(body)`;',
    "const hint = sql.raw('indexed by caseload_entries_by_payer');",
  ];

  it.each(planted)('fails outside src/core/db/: %s', async (code) => {
    const errors = await architectureErrors('src/core/cases/planted.ts', `${code}\nexport {};`);
    expect(errors).toEqual([expect.stringContaining('SQLite-specific SQL belongs in src/core/db/')]);
  });

  it('fails in a test file outside src/core/db/ too, and still forbids .only there', async () => {
    const code = "const x = 'PRAGMA foreign_keys';\ndescribe.only('x', () => {});\nexport {};";
    const errors = await architectureErrors('src/core/cases/planted.test.ts', code);
    expect(errors).toEqual([
      expect.stringContaining('SQLite-specific SQL belongs in src/core/db/'),
      expect.stringContaining('No .only in tests.'),
    ]);
  });

  it.each(planted)('passes inside the dialect: %s', async (code) => {
    expect(await architectureErrors('src/core/db/dialect/sqlite/planted.ts', `${code}\nexport {};`)).toEqual(
      [],
    );
  });

  it('leaves everyday words alone', async () => {
    const code =
      "const message = 'No cases match these filters; the snippet shows where it matched.';\nexport {};";
    expect(await architectureErrors('src/renderer/src/planted.ts', code)).toEqual([]);
  });
});
