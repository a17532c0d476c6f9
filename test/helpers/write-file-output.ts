import { writeFileSync } from 'node:fs';

/**
 * What the desktop's save dialog and the browser's download do with a file a contract method
 * returns (bytes as base64, never a path): write it where the person chose. Returns its size.
 */
export function writeFileOutput(path: string, output: { readonly data: string }): number {
  const bytes = Buffer.from(output.data, 'base64');
  writeFileSync(path, bytes);
  return bytes.byteLength;
}
