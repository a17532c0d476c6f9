import type { MethodInput, MethodName, MethodOutput } from './contract';
import type { ApiResult } from './result';

/** What a file-making method returns: a suggested name and the bytes (base64). */
export type FileOutput = { readonly fileName: string; readonly data: string };

/** Every contract method whose output has that shape. */
type FileMethodName = { [M in MethodName]: MethodOutput<M> extends FileOutput ? M : never }[MethodName];

/**
 * The contract methods whose output is a file for the person to keep: a suggested name and the
 * bytes, never a path (docs/security.md §2). In the desktop app main writes that output through the
 * native save dialog; in the browser harness the renderer downloads it.
 */
export const saveToFileMethods = [
  'exports.summary',
  'exports.bundle',
  'invoices.pdf',
  'vault.content',
  'outcomes.exportFunderPdf',
  'letters.exportPdf',
  'letters.exportDocx',
  'letters.buildPacket',
] as const satisfies readonly FileMethodName[];

export type SaveToFileMethod = (typeof saveToFileMethods)[number];

/** The method's report without the bytes, and the name the person saved it under (null: they cancelled). */
export type SavedFile<M extends SaveToFileMethod> = Omit<MethodOutput<M>, 'data'> & {
  readonly savedAs: string | null;
};

export function isSaveToFileMethod(name: unknown): name is SaveToFileMethod {
  return (saveToFileMethods as readonly unknown[]).includes(name);
}

export const saveToFileChannel = 'advocase:save-to-file';

/** The preload's one extra function: ask main to run a save-to-file method and save its output. */
export type SaveToFile = <M extends SaveToFileMethod>(
  method: M,
  input: MethodInput<M>,
) => Promise<ApiResult<SavedFile<M>>>;
