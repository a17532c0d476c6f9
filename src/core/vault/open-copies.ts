import { randomBytes } from 'node:crypto';
import { chmod, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Decrypted copies made for "open in another app" (docs/security.md §1) live in one folder of Advocase's
 * own inside the data folder, readable by this user only (0700), never in the shared temp folder.
 * The folder is emptied whenever the data locks and at every unlock, which sweeps copies left by a
 * crash or a power cut.
 */
export function openCopiesFolder(dataDirectory: string): string {
  return join(dataDirectory, 'open-copies');
}

/** Where earlier builds put these copies (in the system temporary folder): swept too, so an upgrade leaves none behind. */
const sharedFolderOfEarlierBuilds = join(tmpdir(), 'advocase-open');

/** A new private subfolder for one opened copy, so two copies of the same name never collide. */
export async function newOpenCopyFolder(dataDirectory: string): Promise<string> {
  const root = openCopiesFolder(dataDirectory);
  await mkdir(root, { recursive: true, mode: 0o700 });
  // mkdir's mode is filtered by the umask and leaves an existing folder as it was: set it outright.
  await chmod(root, 0o700);
  const folder = join(root, randomBytes(8).toString('hex'));
  await mkdir(folder, { mode: 0o700 });
  return folder;
}

/** Deletes every decrypted copy (the other app may still hold its own, which we cannot reach). */
export async function removeOpenCopies(dataDirectory: string): Promise<void> {
  await rm(openCopiesFolder(dataDirectory), { recursive: true, force: true });
  // Another user's folder of that name (shared /tmp) cannot be removed by us: ignore the refusal.
  await rm(sharedFolderOfEarlierBuilds, { recursive: true, force: true }).catch(() => undefined);
}
