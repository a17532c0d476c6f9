import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { dispatch } from '../core/api/dispatch';
import { logger } from '../core/logging/logger';
import type { Session } from '../core/session/session';
import type { ContractHandlers } from '../shared/contract';
import { contentSecurityPolicy } from '../shared/bridge';
import { harnessHeartbeat } from '../shared/harness-heartbeat';
import { isStreamedSaveMethod } from '../shared/save-to-file';
import type { ApiResult, ErrorCode } from '../shared/result';
import { startPageWatchdog } from './page-watchdog';
import { isCrossSiteRequest } from './request-origin';

export type WebHarnessOptions = {
  readonly session: Session;
  /** The built renderer (out/renderer). */
  readonly rendererDirectory: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** How long a request may take to arrive whole; a slow body is cut off with 408. */
  readonly requestTimeoutMs?: number;
  /** Lock after this long without a heartbeat or call from any page. */
  readonly pageGoneAfterMs?: number;
};

export type RunningWebHarness = {
  /** Open this: it carries the per-launch token in the fragment, which browsers never send to servers. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
};

const defaultRequestTimeoutMs = 5_000;

// A 1 MB field must reach the schema and be refused by name, so the body limit sits well above it.
const maximumRequestBytes = 4 * 1024 * 1024;

const statusForError: Readonly<Record<ErrorCode, number>> = {
  INVALID_INPUT: 400,
  WRONG_PASSPHRASE: 400,
  TOO_MANY_ATTEMPTS: 429,
  WRONG_RECOVERY_KEY: 400,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  NOT_INITIALIZED: 409,
  ALREADY_INITIALIZED: 409,
  DATA_FROM_NEWER_VERSION: 409,
  NOT_AVAILABLE_IN_TEAM_MODE: 409,
  SERVER_UNREACHABLE: 503,
  TEAM_CONNECTION_FAILED: 502,
  KEYCHAIN_UNAVAILABLE: 409,
  EDIT_CONFLICT: 409,
  LOCKED: 423,
  DATA_DAMAGED: 500,
  INTERNAL: 500,
};

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
} as const;

function sendJson(response: ServerResponse, status: number, body: ApiResult<unknown>): void {
  response.writeHead(status, { ...securityHeaders, 'Content-Type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

function sendError(response: ServerResponse, code: ErrorCode, message: string): void {
  sendJson(response, statusForError[code], { ok: false, error: { code, message } });
}

function hasToken(request: IncomingMessage, token: Buffer): boolean {
  const presented = Buffer.from(/^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '', 'utf8');
  return presented.length === token.length && timingSafeEqual(presented, token);
}

function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maximumRequestBytes) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > maximumRequestBytes ? 'too-large' : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** The handlers and the dispatch that validates their input and output against the contract. */
type ContractApi = { readonly handlers: ContractHandlers; readonly dispatch: typeof dispatch };

/**
 * The contract's handlers, loaded by the first API call rather than at start: every service and
 * the zod schemas of every method are most of what the harness would load before it could answer
 * (docs/performance.md, "Start"), and the page and its scripts need none of them. The renderer
 * makes its first call once its scripts have run, so the first call waits for them instead.
 */
function contractApiLoader(session: Session): () => Promise<ContractApi> {
  let loading: Promise<ContractApi> | null = null;
  return () => {
    loading ??= (async () => {
      const [{ createHandlers }, { environmentBackupHost }, { dispatch }] = await Promise.all([
        import('../core/api/create-handlers'),
        import('../core/backup/backup-host'),
        import('../core/api/dispatch'),
      ]);
      // Automatic backups go to ADVOCASE_BACKUP_DIR: the harness has no folder dialog (docs/security.md §2).
      const handlers = createHandlers(
        session,
        environmentBackupHost(process.env, { runsAutomaticBackups: true }),
      );
      return { handlers, dispatch };
    })().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}

/**
 * A streamed save method in the harness, which has no save dialog (docs/security.md §2): the file
 * is gathered and sent in the answer, as the bytes of the other save-to-file methods are, and the
 * renderer downloads it. The desktop app writes it where the person chose, as it is made.
 */
async function dispatchGathering(
  { handlers, dispatch }: ContractApi,
  method: string,
  input: unknown,
): Promise<ApiResult<unknown>> {
  const pieces: Uint8Array[] = [];
  const result = await dispatch(handlers, method, input, async (suggestedName, write) => {
    await write(new WritableStream({ write: (piece) => void pieces.push(piece) }));
    return suggestedName;
  });
  if (!result.ok) return result;
  return { ok: true, value: { ...(result.value as object), data: Buffer.concat(pieces).toString('base64') } };
}

function parsedRequestUrl(target: string | undefined): URL | null {
  try {
    return new URL(target ?? '/', 'http://127.0.0.1');
  } catch {
    return null;
  }
}

/** The path with its %-escapes decoded, or null when they are malformed (such as `%E0%A4%A`). */
function decodedPath(urlPath: string): string | null {
  try {
    return decodeURIComponent(urlPath);
  } catch {
    return null;
  }
}

async function serveStatic(
  rendererDirectory: string,
  urlPath: string,
  response: ServerResponse,
): Promise<void> {
  const decoded = decodedPath(urlPath === '/' ? '/index.html' : urlPath);
  if (decoded === null) {
    response.writeHead(400, securityHeaders).end();
    return;
  }
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const filePath = join(rendererDirectory, relative);
  if (!filePath.startsWith(rendererDirectory + sep)) {
    response.writeHead(404, securityHeaders).end();
    return;
  }
  const info = await stat(filePath).catch(() => null);
  if (!info?.isFile()) {
    response.writeHead(404, securityHeaders).end();
    return;
  }
  response.writeHead(200, {
    ...securityHeaders,
    'Content-Type': contentTypes[extname(filePath)] ?? 'application/octet-stream',
    'Content-Length': info.size,
  });
  createReadStream(filePath).pipe(response);
}

/**
 * Serves the renderer and the contract over HTTP on 127.0.0.1, for browsers and the e2e suite.
 * The same dispatch as the Electron shell: same validation, same handlers, same database.
 */
export async function startWebHarness(options: WebHarnessOptions): Promise<RunningWebHarness> {
  const token = randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token, 'utf8');
  const contractApi = contractApiLoader(options.session);
  let expectedHosts: readonly string[] = [];
  let ownOrigins: readonly string[] = [];
  const watchdog = startPageWatchdog(options.session, {
    pageGoneAfterMs: options.pageGoneAfterMs ?? harnessHeartbeat.pageGoneAfterMs,
  });
  const requestTimeoutMs = options.requestTimeoutMs ?? defaultRequestTimeoutMs;

  const server = createServer(
    {
      // Node's default lets a slow body hold a request open for 300 s; a local page sends its
      // largest request (one 2 MiB upload piece) in well under a second.
      requestTimeout: requestTimeoutMs,
      headersTimeout: requestTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, requestTimeoutMs / 2),
    },
    (request, response) => {
      void (async () => {
        // A page on another site could aim a DNS name at 127.0.0.1; refusing foreign Host headers stops that.
        if (!expectedHosts.includes(request.headers.host ?? '')) {
          response.writeHead(421, securityHeaders).end();
          return;
        }
        const url = parsedRequestUrl(request.url);
        if (!url) {
          response.writeHead(400, securityHeaders).end();
          return;
        }
        const isHeartbeat = url.pathname === harnessHeartbeat.path;
        if (url.pathname.startsWith('/api/') || isHeartbeat) {
          if (request.method !== 'POST')
            return sendError(response, 'NOT_FOUND', 'API calls are POST requests.');
          if (isCrossSiteRequest(request, ownOrigins)) {
            return sendJson(response, 403, {
              ok: false,
              error: { code: 'UNAUTHORIZED', message: 'Calls from another site are refused.' },
            });
          }
          if (!hasToken(request, tokenBytes)) {
            return sendError(
              response,
              'UNAUTHORIZED',
              'Missing or wrong token. Open the address that `npm run web` printed.',
            );
          }
          watchdog.sawPage();
          if (isHeartbeat) return sendJson(response, 200, { ok: true, value: {} });
          const body = await readBody(request);
          if (body === 'too-large')
            return sendError(response, 'INVALID_INPUT', 'The request is larger than 4 MB.');
          let input: unknown;
          try {
            input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
          } catch {
            return sendError(response, 'INVALID_INPUT', 'The request body is not valid JSON.');
          }
          const method = url.pathname.slice('/api/'.length);
          const api = await contractApi();
          // Loading the handlers (the first call) is not the page going quiet.
          watchdog.sawPage();
          const result = isStreamedSaveMethod(method)
            ? await dispatchGathering(api, method, input)
            : await api.dispatch(api.handlers, method, input);
          return sendJson(response, result.ok ? 200 : statusForError[result.error.code], result);
        }
        if (request.method !== 'GET' && request.method !== 'HEAD') {
          response.writeHead(405, securityHeaders).end();
          return;
        }
        await serveStatic(options.rendererDirectory, url.pathname, response);
      })().catch(() => {
        logger.error('web.request_failed');
        if (!response.headersSent) sendError(response, 'INTERNAL', 'Something went wrong. Try again.');
        else response.destroy();
      });
    },
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  expectedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  ownOrigins = expectedHosts.map((host) => `http://${host}`);
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        watchdog.stop();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
