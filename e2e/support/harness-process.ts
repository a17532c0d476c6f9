import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const harnessBundle = join('out', 'web', 'index.js');

/** A running web harness (out/web/index.js, what `npm run web` runs) and what it printed. */
export type HarnessProcess = {
  /** The address it printed, with the launch's token. */
  readonly url: string;
  /** Everything it printed so far, to attach to a failed test. */
  readonly output: readonly string[];
  /** Ends it (SIGTERM: it locks or disconnects first) and waits until it has exited. */
  stop(): Promise<void>;
};

function waitForAddress(child: ChildProcess, output: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The web harness did not start:\n${output.join('')}`)),
      30_000,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      const address = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(output.join(''))?.[1];
      if (address) {
        clearTimeout(timer);
        resolve(address);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('exit', (code) => reject(new Error(`The web harness exited (${code}):\n${output.join('')}`)));
  });
}

/** Starts the built web harness with more environment (its data folder, or a team database's URL). */
export async function startHarnessProcess(
  environment: Readonly<Record<string, string>>,
): Promise<HarnessProcess> {
  if (!existsSync(harnessBundle)) {
    throw new Error(
      'The web harness is not built: run `npx electron-vite build` before `npx playwright test`.',
    );
  }
  const output: string[] = [];
  const child = spawn(process.execPath, [harnessBundle], {
    env: { ...process.env, ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await waitForAddress(child, output);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    url,
    output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
