import type { MethodInput, MethodName, MethodOutput } from './contract/index';
import type { ApiResult } from './result';
import type { SaveToFile } from './save-to-file';

/**
 * What the preload puts on `window.advocase`: one function per contract method, and saveToFile
 * (main runs a file-making method and saves its output through the native save dialog).
 */
export type AdvocaseBridge = {
  readonly [M in MethodName]: (input: MethodInput<M>) => Promise<ApiResult<MethodOutput<M>>>;
} & { readonly saveToFile: SaveToFile };

export const bridgeGlobalName = 'advocase';

export function ipcChannelFor(method: MethodName): string {
  return `advocase:${method}`;
}

/**
 * The renderer's Content-Security-Policy, served by both shells: nothing but our own files,
 * no inline or remote script, no remote fonts, and API calls only back to where the page came from.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
