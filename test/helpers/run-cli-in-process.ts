import { PassThrough } from 'node:stream';
import { runCli } from '../../src/core/cli/run-cli';

/** Runs `advocase …` in this process with its own streams, as a user at a terminal would. */
export async function runAdvocase(argv: readonly string[], env: NodeJS.ProcessEnv) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const output = { stdout: '', stderr: '' };
  stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const code = await runCli(argv, { stdin: new PassThrough(), stdout, stderr, env });
  return { code, ...output };
}
