import { UsageError, type CliIo } from './cli-io';

/** Asks for a secret on the terminal without echoing it. */
function promptHidden(io: CliIo, question: string): Promise<string> {
  const { stdin, stderr } = io;
  return new Promise((resolve, reject) => {
    let typed = '';
    stderr.write(question);
    stdin.setRawMode?.(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const finish = (result: string | Error) => {
      stdin.setRawMode?.(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      stderr.write('\n');
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === '\r' || character === '\n') return finish(typed);
        if (character === '\u0003') return finish(new UsageError('Cancelled.'));
        if (character === '\u007f' || character === '\b') typed = typed.slice(0, -1);
        else typed += character;
      }
    };
    stdin.on('data', onData);
  });
}

function requireTerminal(io: CliIo, variable: string): void {
  if (!io.stdin.isTTY) {
    throw new UsageError(
      `No terminal to ask for the passphrase: set ${variable} or run this command in a terminal.`,
    );
  }
}

/** The passphrase for existing data: ADVOCASE_PASSPHRASE, or asked once. */
export async function readPassphrase(io: CliIo, question = 'Passphrase: '): Promise<string> {
  const fromEnvironment = io.env.ADVOCASE_PASSPHRASE;
  if (fromEnvironment) return fromEnvironment;
  requireTerminal(io, 'ADVOCASE_PASSPHRASE');
  return promptHidden(io, question);
}

/** A passphrase being chosen: from the named variable, or asked twice so a typo cannot lock the user out. */
export async function readNewPassphrase(io: CliIo, variable: string): Promise<string> {
  const fromEnvironment = io.env[variable];
  if (fromEnvironment) return fromEnvironment;
  requireTerminal(io, variable);
  const first = await promptHidden(io, 'New passphrase: ');
  const second = await promptHidden(io, 'Type it again: ');
  if (first !== second)
    throw new UsageError('The two passphrases differ. Nothing was changed; run the command again.');
  return first;
}
