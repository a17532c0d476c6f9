import type { AdvocaseBridge } from '@shared/bridge';
import type { MethodInput, MethodName, MethodOutput } from '@shared/contract';
import { harnessHeartbeat } from '@shared/harness-heartbeat';
import type { ApiResult } from '@shared/result';
import { ApiCallError } from './api-call-error';
import { countScreenCall, screenCallsAnswered } from './screen-calls';
import { setTeamDatabaseAway } from './team-database-reachability';

declare global {
  interface Window {
    /** Present in the Electron app (set by the preload); absent in the web harness. */
    readonly advocase?: AdvocaseBridge;
  }
}

const tokenStorageKey = 'advocase.webToken';

/**
 * The web harness hands its per-launch token in the URL fragment. Keep it for this tab only and
 * take it out of the address bar, so it is not bookmarked or shared by accident.
 */
function webHarnessToken(): string {
  const fromFragment = /(?:^#|&)token=([\w-]+)/.exec(window.location.hash)?.[1];
  if (fromFragment) {
    sessionStorage.setItem(tokenStorageKey, fromFragment);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromFragment;
  }
  return sessionStorage.getItem(tokenStorageKey) ?? '';
}

async function callOverHttp(method: MethodName, input: unknown): Promise<ApiResult<unknown>> {
  let response: Response;
  try {
    response = await fetch(`./api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${webHarnessToken()}` },
      body: JSON.stringify(input),
    });
  } catch {
    return {
      ok: false,
      error: { code: 'INTERNAL', message: 'Advocase is not running. Start it again with npm run web.' },
    };
  }
  return (await response.json()) as ApiResult<unknown>;
}

type LockedListener = () => void;
const lockedListeners = new Set<LockedListener>();

/** Called when any call finds the data locked (idle lock in the core, or locked elsewhere). */
export function onLocked(listener: LockedListener): () => void {
  lockedListeners.add(listener);
  return () => lockedListeners.delete(listener);
}

/** A call's value, or its error thrown (telling the lock screen when the data turned out locked). */
export function unwrapResult<T>(result: ApiResult<unknown>): T {
  if (!result.ok) {
    if (result.error.code === 'LOCKED') lockedListeners.forEach((listener) => listener());
    if (result.error.code === 'SERVER_UNREACHABLE') setTeamDatabaseAway(true);
    throw new ApiCallError(result.error);
  }
  return result.value as T;
}

function sendCall(method: MethodName, input: unknown): Promise<ApiResult<unknown>> {
  const bridge = window.advocase;
  return bridge
    ? (bridge[method] as (input: unknown) => Promise<ApiResult<unknown>>)(input)
    : callOverHttp(method, input);
}

/** The renderer's one way to reach Advocase's data: a contract method, over IPC or HTTP. */
export function callApi<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  // The live loop's call waits on the server for minutes and is no screen's own (screen-calls.ts).
  const sent = sendCall(method, input);
  return answerOf(method, method === 'live.changes' ? sent : countScreenCall(sent));
}

/**
 * A call that only decorates the screen (a banner's counts, a menu's choices), sent once the
 * screen's own calls are answered: the core answers one call at a time (screen-calls.ts).
 */
export async function callApiAfterScreen<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  await screenCallsAnswered();
  return answerOf(method, sendCall(method, input));
}

async function answerOf<M extends MethodName>(
  method: M,
  sent: Promise<ApiResult<unknown>>,
): Promise<MethodOutput<M>> {
  const result = await sent;
  // An answer read from the data says the team database is reachable again. The session's own
  // answers are not read from it, and the live loop's say it themselves (app/use-live-changes.ts).
  if (result.ok && !method.startsWith('session.') && method !== 'live.changes') setTeamDatabaseAway(false);
  return unwrapResult<MethodOutput<M>>(result);
}

if (!window.advocase) {
  // Make sure the token leaves the address bar as soon as the page loads.
  webHarnessToken();
  // The web harness's server outlives the tab: lock when the tab goes away (closed or reloaded),
  // so the printed address does not reopen an unlocked caseload. keepalive lets it finish.
  window.addEventListener('pagehide', () => {
    void fetch('./api/session.lock', {
      method: 'POST',
      keepalive: true,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${webHarnessToken()}` },
      body: '{}',
    });
  });
  // A browser that quits or crashes fires no pagehide: the harness locks when the heartbeat stops.
  window.setInterval(() => {
    void fetch(`.${harnessHeartbeat.path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${webHarnessToken()}` },
    }).catch(() => undefined);
  }, harnessHeartbeat.heartbeatIntervalMs);
}
