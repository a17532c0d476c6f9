import type { IncomingMessage } from 'node:http';

/**
 * Whether an API call comes from a page on another site (docs/security.md §7). Browsers mark every fetch
 * with `Sec-Fetch-Site` and a POST with `Origin`; our own page sends `same-origin` and one of our
 * own origins. A call with neither header is no browser's cross-site request (the CLI, tests),
 * and still needs the per-launch token.
 */
export function isCrossSiteRequest(request: IncomingMessage, ownOrigins: readonly string[]): boolean {
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin') return true;
  const origin = request.headers.origin;
  return origin !== undefined && !ownOrigins.includes(origin);
}
