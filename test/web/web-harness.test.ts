import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// The harness loads its handlers on the first API call; loaded here with the file's imports, so
// the first test's time limit does not also cover transforming every service under vitest.
import '../../src/core/api/create-handlers';
import '../../src/core/api/dispatch';
import '../../src/core/backup/backup-host';
import { Session } from '../../src/core/session/session';
import { startWebHarness, type RunningWebHarness } from '../../src/web/web-harness';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

const newDataDirectory = useTemporaryDataDirectory();
const passphrase = 'correct horse battery staple';

let harness: RunningWebHarness;
let session: Session;
let token: string;

async function call(method: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`http://127.0.0.1:${harness.port}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      ok: boolean;
      value?: unknown;
      error?: { code: string; message: string; field?: string };
    },
  };
}

beforeEach(async () => {
  const dataDirectory = newDataDirectory();
  const rendererDirectory = join(dataDirectory, 'renderer');
  mkdirSync(rendererDirectory);
  writeFileSync(join(rendererDirectory, 'index.html'), '<!doctype html><title>Advocase</title>');
  session = new Session({ dataDirectory, actor: 'test' });
  harness = await startWebHarness({ session, rendererDirectory });
  token = new URL(harness.url).hash.replace('#token=', '');
  await call('session.initialize', { passphrase });
});

afterEach(async () => {
  await session.lock();
  await harness.close();
});

describe('the web harness', () => {
  it('answers only on 127.0.0.1 and hands out the token in the URL fragment', () => {
    expect(harness.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{20,}$/);
  });

  it('rejects API calls without the per-launch token with 401', async () => {
    expect((await call('cases.list', {}, { Authorization: '' })).status).toBe(401);
    expect(
      (await call('cases.list', {}, { Authorization: 'Bearer wrong-token-of-the-same-length-xx' })).status,
    ).toBe(401);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    // fetch() will not send a Host header of our choosing; a raw request will.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      request(
        { host: '127.0.0.1', port: harness.port, path: '/', headers: { Host: 'evil.example' } },
        (response) => {
          response.resume();
          resolve(response.statusCode);
        },
      )
        .on('error', reject)
        .end();
    });
    expect(status).toBe(421);
  });

  it('serves the renderer with a strict Content-Security-Policy and blocks path traversal', async () => {
    const page = await fetch(`http://127.0.0.1:${harness.port}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const traversal = await fetch(`http://127.0.0.1:${harness.port}/..%2f..%2fkeyring.json`);
    expect(traversal.status).toBe(404);
  });

  it.each([
    ['a missing field', { dateOfBirth: null }, 'fullName', /Name is required/],
    ['a wrong type', { fullName: 42 }, 'fullName', /Name must be text/],
    ['a 1 MB string', { fullName: 'x'.repeat(1024 * 1024) }, 'fullName', /at most 200 characters/],
    [
      'a date of birth in the future',
      { fullName: 'Future Person', dateOfBirth: '2999-01-01' },
      'dateOfBirth',
      /cannot be in the future/,
    ],
    [
      'an impossible date',
      { fullName: 'Leap Person', dateOfBirth: '2025-02-29' },
      'dateOfBirth',
      /real date/,
    ],
    ['an unknown state', { fullName: 'State Person', state: 'ZZ' }, 'state', /two-letter US state/],
    ['an unexpected field', { fullName: 'Extra Person', isAdmin: true }, 'isAdmin', /Unexpected field/],
  ])('rejects %s with 400 naming the field, and stores nothing', async (_label, payload, field, message) => {
    const { status, body } = await call('clients.create', payload);
    expect(status).toBe(400);
    expect(body.error?.code).toBe('INVALID_INPUT');
    expect(body.error?.field).toBe(field);
    expect(body.error?.message).toMatch(message);
    expect((await call('clients.list', {})).body.value).toEqual([]);
  });

  it('rejects a body that is not JSON, and a case for a client that does not exist', async () => {
    expect((await call('clients.create', '{"fullName": ')).status).toBe(400);
    const missingClient = await call('cases.create', { clientId: 999, treatment: 'tms' });
    expect(missingClient.status).toBe(404);
    expect(missingClient.body.error?.field).toBe('clientId');
    expect((await call('cases.list', {})).body.value).toEqual([]);
  });

  it('stores a valid client and case, and reports LOCKED (423) once locked', async () => {
    const client = await call('clients.create', {
      fullName: '  Dana Reyes ',
      dateOfBirth: '1979-06-30',
      state: 'ny',
    });
    expect(client.body.value).toMatchObject({
      fullName: 'Dana Reyes',
      dateOfBirth: '1979-06-30',
      state: 'NY',
    });
    const created = await call('cases.create', {
      clientId: (client.body.value as { id: number }).id,
      treatment: 'tms',
      payer: 'Cigna',
    });
    expect(created.body.value).toMatchObject({
      caseNumber: 'C-00001',
      clientName: 'Dana Reyes',
      stage: 'intake',
      payer: 'Cigna',
    });
    await call('session.lock', {});
    const locked = await call('cases.list', {});
    expect(locked.status).toBe(423);
    expect(locked.body.error?.code).toBe('LOCKED');
  });
});
