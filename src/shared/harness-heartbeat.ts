/**
 * The web harness's "is a page still open?" signal (docs/security.md §1). Closing a tab locks through
 * `pagehide`; a browser that quits or crashes sends nothing, so each open page says it is alive
 * every `heartbeatIntervalMs`, and the harness locks after `pageGoneAfterMs` without a word from
 * any page. Chrome runs a hidden tab's timers as seldom as once a minute, hence the margin.
 */
export const harnessHeartbeat = {
  path: '/harness/heartbeat',
  heartbeatIntervalMs: 20_000,
  pageGoneAfterMs: 90_000,
} as const;
