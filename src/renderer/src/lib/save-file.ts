import type { MethodInput } from '@shared/contract';
import type { FileOutput, SavedFile, SaveToFileMethod } from '@shared/save-to-file';
import { downloadBase64 } from '../features/vault/upload-files';
import { callApi, unwrapResult } from './api';

const mimeTypeByExtension: Readonly<Record<string, string>> = {
  csv: 'text/csv;charset=utf-8',
  pdf: 'application/pdf',
  zip: 'application/zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * Saves a file Advocase makes (docs/security.md §2): in the desktop app main asks where through the
 * native save dialog and writes it; in the browser it downloads. The renderer never names a
 * place on disk. `savedAs` is null when the person cancelled the dialog.
 */
export async function saveFile<M extends SaveToFileMethod>(
  method: M,
  input: MethodInput<M>,
): Promise<SavedFile<M>> {
  const bridge = window.advocase;
  if (bridge) return unwrapResult<SavedFile<M>>(await bridge.saveToFile(method, input));
  const output = (await callApi(method, input)) as FileOutput & { readonly mimeType?: string };
  const { data, ...report } = output;
  const mimeType = output.mimeType ?? mimeTypeByExtension[output.fileName.split('.').pop() ?? ''];
  downloadBase64(output.fileName, mimeType ?? 'application/octet-stream', data);
  return { ...report, savedAs: output.fileName } as SavedFile<M>;
}
