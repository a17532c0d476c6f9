import type { ContractHandlers, MethodName } from '../../shared/contract';
import { saveToFileMethods } from '../../shared/save-to-file';
import type { Session } from '../session/session';
import { recordAccessEvent } from './access-events';

/**
 * Every method through which health information leaves the encrypted store as a file: the ones
 * the person saves (`saveToFileMethods`) and the CSV and calendar exports. The attorney summary
 * and bundle are left out here because their service records a richer entry (case and exhibit
 * counts) itself.
 */
const exportingMethods = [
  ...saveToFileMethods.filter((method) => method !== 'exports.summary' && method !== 'exports.bundle'),
  'caseload.exportCsv',
  'outcomes.exportCsv',
  'deadlines.exportCalendar',
] as const satisfies readonly MethodName[];

/**
 * The handlers with each export recorded in the audit log once it has succeeded, as the method's
 * name only (docs/security.md §5; HIPAA 164.312(b), audit controls): never the file name, which usually
 * holds the client's name.
 */
export function recordingExports(handlers: ContractHandlers, session: Session): ContractHandlers {
  const recorded: Partial<Record<MethodName, (...args: never[]) => Promise<unknown>>> = {};
  for (const method of exportingMethods) {
    const handler = handlers[method] as (...args: never[]) => Promise<unknown>;
    recorded[method] = async (...args: never[]) => {
      const output = await handler(...args);
      // A streamed save the person cancelled in the save dialog wrote nothing: nothing left the store.
      if ((output as { savedAs?: unknown }).savedAs === null) return output;
      await session.useStore(({ db }) => recordAccessEvent(db, session.actor, 'export', { kind: method }));
      return output;
    };
  }
  return { ...handlers, ...recorded } as ContractHandlers;
}
