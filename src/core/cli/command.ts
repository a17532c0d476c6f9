import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import type { ApiError } from '../../shared/result';
import type { Session } from '../session/session';
import type { CliIo, ExitCode } from './cli-io';

/** A contract call as the CLI makes it: through the same dispatch as the app, so the same validation. */
export type CallMethod = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

export type CommandContext = {
  readonly io: CliIo;
  readonly argv: readonly string[];
  readonly dataDirectory: string;
  readonly call: CallMethod;
  /** For the few commands whose work is not a contract method: backups and files the person named (the contract itself never takes a path). */
  readonly session: Session;
  /** The command's usage line as `--help` prints it, for a usage error to repeat. */
  readonly usage: string;
};

/** What a command does; its name, usage and summary are listed in run-cli.ts. */
export type Command = {
  run(context: CommandContext): Promise<ExitCode>;
};

/**
 * A command as `--help` lists it. Its code is loaded only when it runs, so `advocase --help`
 * loads no database, PDF or OCR code (docs/performance.md, "Start").
 */
export type ListedCommand = {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  load(): Promise<Command>;
};

/** An error the contract returned, carried up to the CLI's one place that prints errors. */
export class MethodCallError extends Error {
  constructor(readonly apiError: ApiError) {
    super(apiError.message);
  }
}
