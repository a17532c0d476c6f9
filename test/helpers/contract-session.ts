import { createHandlers } from '../../src/core/api/create-handlers';
import { dispatch } from '../../src/core/api/dispatch';
import { Session } from '../../src/core/session/session';
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/contract';
import type { ApiError } from '../../src/shared/result';
import { memoryFileDestination } from './memory-file-destination';

export const testPassphrase = 'correct horse battery staple';

export type ContractSession = {
  readonly session: Session;
  /**
   * Calls a method through the same dispatch as the app; throws with the message on failure. A
   * method that streams its file to a destination writes it to memory.
   */
  readonly call: <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;
  /** Calls a method that must fail, and returns its error. */
  readonly failure: (method: MethodName, input: unknown) => Promise<ApiError>;
};

/** A new encrypted store in `dataDirectory`, set up and unlocked, spoken to through the contract. */
export async function startContractSession(
  dataDirectory: string,
  actor = 'navigator',
): Promise<ContractSession> {
  const session = new Session({ dataDirectory, actor });
  const handlers = createHandlers(session);
  const contractSession: ContractSession = {
    session,
    call: async (method, input) => {
      const result = await dispatch(handlers, method, input, memoryFileDestination().destination);
      if (!result.ok)
        throw new Error(`${method} failed: ${result.error.message} (${result.error.field ?? 'no field'})`);
      return result.value as never;
    },
    failure: async (method, input) => {
      const result = await dispatch(handlers, method, input);
      if (result.ok) throw new Error(`${method} should have failed`);
      return result.error;
    },
  };
  await contractSession.call('session.initialize', { passphrase: testPassphrase });
  return contractSession;
}
