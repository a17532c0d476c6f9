import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function runGate(input: string) {
  return spawnSync(process.execPath, ['scripts/check-electron-security.mjs', '--input', input], {
    encoding: 'utf8',
  });
}

describe('the Electron security gate', () => {
  // The gate over src/ itself runs as `npm run test:security`; this checks the gate can fail.
  it('fails on HIGH findings and names them', () => {
    const result = runGate('test/fixtures/insecure-electron');
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/HIGH (NODE_INTEGRATION|CONTEXT_ISOLATION)_JS_CHECK/);
  });
});
