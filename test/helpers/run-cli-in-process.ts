import { PassThrough } from 'node:stream';
import { runCli } from '../../src/core/cli/run-cli';

/**
 * Runs `advocase …` in this process with its own streams, as a user at a terminal would; with
 * `input`, that text is piped in and the input ends, as `advocase … < file` does.
 */
export async function runAdvocase(argv: readonly string[], env: NodeJS.ProcessEnv, input?: string) {
  const stdin = new PassThrough();
  if (input !== undefined) stdin.end(input);
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const output = { stdout: '', stderr: '' };
  stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const code = await runCli(argv, { stdin, stdout, stderr, env });
  return { code, ...output };
}
