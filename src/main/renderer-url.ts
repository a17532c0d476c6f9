import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The page the window loads. `ELECTRON_RENDERER_URL` (electron-vite's dev server) is honoured only
 * in a development run: in an installed app an environment variable must not choose the page, nor
 * the origin the IPC check trusts (docs/security.md §7).
 */
export function rendererUrlFor({
  isPackaged,
  env,
  mainDirectory,
}: {
  isPackaged: boolean;
  env: NodeJS.ProcessEnv;
  mainDirectory: string;
}): string {
  const builtPage = pathToFileURL(join(mainDirectory, '../renderer/index.html')).toString();
  if (isPackaged) return builtPage;
  return env.ELECTRON_RENDERER_URL ?? builtPage;
}
