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

/** The report a streamed method gives once its file is written: the name saved under (null: cancelled). */
type StreamedReport = { readonly fileName: string; readonly savedAs: string | null };

/**
 * The contract methods that write their file while they make it, to a destination the transport
 * gives them (core/api/file-destination.ts), so a file of any size is never whole in memory. In
 * the desktop app main asks where with the native save dialog first; the browser harness gathers
 * the file and the renderer downloads it. Their output is the report, without the bytes.
 */
export const streamedSaveMethods = ['caseload.exportCsv'] as const satisfies readonly {
  [M in MethodName]: MethodOutput<M> extends StreamedReport ? M : never;
}[MethodName][];

export type SaveToFileMethod = (typeof saveToFileMethods)[number] | (typeof streamedSaveMethods)[number];

/** The method's report without the bytes, and the name the person saved it under (null: they cancelled). */
export type SavedFile<M extends SaveToFileMethod> = Omit<MethodOutput<M>, 'data'> & {
  readonly savedAs: string | null;
};

export function isSaveToFileMethod(name: unknown): name is SaveToFileMethod {
  return (
    (saveToFileMethods as readonly unknown[]).includes(name) ||
    (streamedSaveMethods as readonly unknown[]).includes(name)
  );
}

export function isStreamedSaveMethod(name: unknown): name is (typeof streamedSaveMethods)[number] {
  return (streamedSaveMethods as readonly unknown[]).includes(name);
}

export const saveToFileChannel = 'advocase:save-to-file';

/** The preload's one extra function: ask main to run a save-to-file method and save its output. */
export type SaveToFile = <M extends SaveToFileMethod>(
  method: M,
  input: MethodInput<M>,
) => Promise<ApiResult<SavedFile<M>>>;
