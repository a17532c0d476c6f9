import { createHandlers } from '../src/core/api/create-handlers';
import { dispatch } from '../src/core/api/dispatch';
import { Session } from '../src/core/session/session';
import type { MethodInput, MethodName, MethodOutput } from '../src/shared/contract';
import { benchPassphrase } from './fixture';

export type BenchCall = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

/**
 * A new store in `folder`, unlocked, and a caller of its methods through the same dispatch the
 * renderer uses (a failed call throws with the method's message).
 */
export async function openBenchSession(folder: string): Promise<{ session: Session; call: BenchCall }> {
  const session = new Session({ dataDirectory: folder, actor: 'bench' });
  await session.initialize(benchPassphrase);
  const handlers = createHandlers(session);
  const call: BenchCall = async (method, input) => {
    const result = await dispatch(handlers, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as never;
  };
  return { session, call };
}
