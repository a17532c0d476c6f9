import type { Readable, Writable } from 'node:stream';

/** What a command may touch, so tests can run commands in-process with their own streams. */
export type CliIo = {
  readonly stdin: Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env: NodeJS.ProcessEnv;
};

/** Exit codes: 0 done; 1 something broke that the user cannot fix by retyping; 2 bad input. */
export const exitCodes = { ok: 0, failure: 1, badInput: 2 } as const;
export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

export class UsageError extends Error {}

export function readAll(stream: Readable): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer | string) => chunks.push(Buffer.from(chunk)));
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', reject);
  });
}
