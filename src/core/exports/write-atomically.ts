import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { Writable } from 'node:stream';
import { AppError } from '../errors';

async function checkDestination(path: string): Promise<void> {
  if (!isAbsolute(path)) throw new AppError('INVALID_INPUT', 'Give the file’s full path.', 'path');
  const folder = await stat(dirname(path)).catch(() => null);
  if (!folder?.isDirectory()) {
    throw new AppError('NOT_FOUND', 'The folder to save into does not exist. Choose another.', 'path');
  }
  const existing = await stat(path).catch(() => null);
  if (existing?.isDirectory())
    throw new AppError('INVALID_INPUT', 'That path is a folder: add a file name.', 'path');
}

/** A private partial file beside the destination, renamed into place only once complete. */
export async function writeAtomically<T>(
  path: string,
  work: (stream: WritableStream<Uint8Array>) => Promise<T>,
): Promise<T> {
  await checkDestination(path);
  const partial = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.partial`);
  const file = createWriteStream(partial, { flags: 'wx', mode: 0o600 });
  const closed = new Promise<void>((resolve, reject) => {
    file.once('close', resolve);
    file.once('error', reject);
  });
  try {
    const result = await work(Writable.toWeb(file) as WritableStream<Uint8Array>);
    await closed;
    await rename(partial, path);
    return result;
  } catch (error) {
    file.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}
