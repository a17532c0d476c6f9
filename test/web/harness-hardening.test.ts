import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
// The harness loads its handlers on the first API call; loaded here with the file's imports, so
// the first test's time limit does not also cover transforming every service under vitest.
import '../../src/core/api/create-handlers';
import '../../src/core/api/dispatch';
import '../../src/core/backup/backup-host';
import { Session } from '../../src/core/session/session';
import { harnessHeartbeat } from '../../src/shared/harness-heartbeat';
import { startWebHarness, type RunningWebHarness, type WebHarnessOptions } from '../../src/web/web-harness';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';
import { openDatabaseHandles } from '../session/open-database-handles';

const newDataDirectory = useTemporaryDataDirectory();
const passphrase = 'correct horse battery staple';
const running: { harness: RunningWebHarness; session: Session }[] = [];

afterEach(async () => {
  for (const { harness, session } of running.splice(0)) {
    await session.lock();
    await harness.close();
  }
});

async function startHarness(options: Partial<WebHarnessOptions> = {}) {
  const dataDirectory = newDataDirectory();
  const rendererDirectory = join(dataDirectory, 'renderer');
  mkdirSync(rendererDirectory);
  writeFileSync(join(rendererDirectory, 'index.html'), '<!doctype html><title>Advocase</title>');
  const session = new Session({ dataDirectory, actor: 'test' });
  const harness = await startWebHarness({ session, rendererDirectory, ...options });
  running.push({ harness, session });
  const token = new URL(harness.url).hash.replace('#token=', '');
  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`http://127.0.0.1:${harness.port}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { ok: boolean; value?: unknown } };
  };
  expect((await post('/api/session.initialize', { passphrase })).status).toBe(200);
  return { harness, session, post, token, databasePath: join(dataDirectory, 'advocase.db') };
}

/** A raw GET, so the path reaches the server exactly as written. */
function rawGet(port: number, path: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, headers: { Host: `127.0.0.1:${port}` } }, (response) => {
      response.resume();
      resolve(response.statusCode);
    })
      .on('error', reject)
      .end();
  });
}

describe('the web harness, hardened (docs/security.md §7)', () => {
  it('answers a malformed address with 400, not a server error', async () => {
    const { harness } = await startHarness();
    expect(await rawGet(harness.port, '/%E0%A4%A')).toBe(400);
    expect(await rawGet(harness.port, '/assets/%')).toBe(400);
    expect(await rawGet(harness.port, '/')).toBe(200);
  });

  it('refuses API calls from another site, by Origin or Sec-Fetch-Site, and stores nothing', async () => {
    const { harness, post } = await startHarness();
    const client = { fullName: 'Cross Site', dateOfBirth: null, state: null };
    const fromElsewhere = await post('/api/clients.create', client, { Origin: 'https://evil.example' });
    expect(fromElsewhere.status).toBe(403);
    expect(fromElsewhere.body).toMatchObject({
      ok: false,
      error: { message: 'Calls from another site are refused.' },
    });
    expect((await post('/api/clients.create', client, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await post('/api/clients.create', client, { 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
    expect((await post('/api/clients.list', {})).body.value).toEqual([]);

    const ownPage = {
      Origin: `http://127.0.0.1:${harness.port}`,
      'Sec-Fetch-Site': 'same-origin',
    };
    expect((await post('/api/clients.create', client, ownPage)).status).toBe(200);
    expect((await post('/api/clients.list', {})).body.value).toHaveLength(1);
  });

  it('cuts off a request whose body trickles in, with 408', async () => {
    const { harness, token } = await startHarness({ requestTimeoutMs: 300 });
    const { reply, closed } = await new Promise<{ reply: string; closed: boolean }>((resolve, reject) => {
      const socket = connect(harness.port, '127.0.0.1', () => {
        socket.write(
          `POST /api/clients.list HTTP/1.1\r\nHost: 127.0.0.1:${harness.port}\r\n` +
            `Authorization: Bearer ${token}\r\n` +
            'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a":',
        );
      });
      let reply = '';
      socket.on('data', (chunk: Buffer) => (reply += chunk.toString()));
      socket.on('close', () => resolve({ reply, closed: true }));
      socket.on('error', reject);
    });
    expect(closed).toBe(true);
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
  });

  it('locks when no page has been heard from (the browser went away), not while one is', async () => {
    const { session, post, databasePath } = await startHarness({ pageGoneAfterMs: 2_000 });
    expect(session.status()).toEqual({ state: 'unlocked' });
    for (let beat = 0; beat < 6; beat += 1) {
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect((await post(harnessHeartbeat.path, {})).status).toBe(200);
    }
    expect(session.status()).toEqual({ state: 'unlocked' });

    await vi.waitFor(() => expect(openDatabaseHandles(databasePath)).toEqual([]), { timeout: 15_000 });
    expect(session.status()).toEqual({ state: 'locked' });
  });

  it('takes a heartbeat only with the token', async () => {
    const { post } = await startHarness();
    expect((await post(harnessHeartbeat.path, {}, { Authorization: 'Bearer nope' })).status).toBe(401);
  });
});
