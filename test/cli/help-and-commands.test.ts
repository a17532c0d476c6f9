import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/core/cli/run-cli';
import { runAdvocase } from '../helpers/run-cli-in-process';

const projectRoot = join(import.meta.dirname, '..', '..');

describe('advocase --help and the command list', () => {
  it('lists every command with its usage and summary, and exits 0', async () => {
    const { code, stdout } = await runAdvocase(['--help'], { ADVOCASE_LOG: 'silent' });
    expect(code).toBe(0);
    for (const command of commands) {
      expect(stdout).toContain(`  ${command.usage}\n      ${command.summary}\n`);
    }
  });

  it('prints the help and exits 2 when no command is given', async () => {
    const { code, stdout } = await runAdvocase([], { ADVOCASE_LOG: 'silent' });
    expect(code).toBe(2);
    expect(stdout).toContain('Usage:');
  });

  it("loads each listed command's code, and no two share a name", async () => {
    const names = commands.map((command) => command.name);
    expect(new Set(names).size).toBe(names.length);
    for (const command of commands) {
      const loaded = await command.load();
      expect(typeof loaded.run, command.name).toBe('function');
    }
  });

  it('names an unknown command and exits 2', async () => {
    const { code, stderr } = await runAdvocase(['no-such-command'], { ADVOCASE_LOG: 'silent' });
    expect(code).toBe(2);
    expect(stderr).toBe('Unknown command "no-such-command". Run advocase --help to see the commands.\n');
  });

  it('prints the same help from the real binary (the build when current, else the sources)', () => {
    const result = spawnSync(
      join(projectRoot, 'node_modules', '.bin', 'node'),
      ['bin/advocase.mjs', '--help'],
      {
        cwd: projectRoot,
        encoding: 'utf8',
        env: { ...process.env, ADVOCASE_LOG: 'silent' },
        timeout: 60_000,
      },
    );
    expect(result.status).toBe(0);
    for (const command of commands) expect(result.stdout).toContain(command.usage);
  });
});
