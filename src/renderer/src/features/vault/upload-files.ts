import { callApi } from '../../lib/api';
import { uploadPieceBytes, type AddResult, type DocumentTarget } from '@shared/schemas/vault';

/** One file of a batch as the panel shows it while it goes in. */
export type UploadRow = {
  readonly key: string;
  readonly fileName: string;
  readonly totalBytes: number;
  sentBytes: number;
  state: 'waiting' | 'sending' | 'done';
  outcome: AddResult['outcome'] | null;
  /** The document added (or the one already holding the same file); null until then, or when rejected. */
  documentId: number | null;
  message: string;
};

/** What was dropped or picked: a file, or something that cannot be added (a folder). */
export type Candidate = { readonly file: File } | { readonly folderName: string };

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  }
  return btoa(binary);
}

/** The items of a drop, folders recognised (a dropped folder arrives as an empty "file"). */
export function candidatesFromDrop(transfer: DataTransfer): Candidate[] {
  const candidates: Candidate[] = [];
  const items = [...transfer.items].filter((item) => item.kind === 'file');
  items.forEach((item) => {
    const entry = item.webkitGetAsEntry?.();
    const file = item.getAsFile();
    if (entry?.isDirectory) candidates.push({ folderName: entry.name });
    else if (file) candidates.push({ file });
  });
  return candidates;
}

/**
 * Sends the files one after another, each in pieces of at most 2 MiB read from disk as needed
 * (so a large file is never held whole in memory), and reports progress per file. One file's
 * failure never stops the batch.
 */
export async function uploadFiles(
  candidates: readonly Candidate[],
  target: DocumentTarget,
  onChange: (rows: UploadRow[]) => void,
): Promise<UploadRow[]> {
  const rows: UploadRow[] = candidates.map((candidate, index) => ({
    key: `${Date.now()}-${index}`,
    fileName: 'file' in candidate ? candidate.file.name : candidate.folderName,
    totalBytes: 'file' in candidate ? candidate.file.size : 0,
    sentBytes: 0,
    state: 'waiting',
    outcome: null,
    documentId: null,
    message: 'Waiting…',
  }));
  const publish = () => onChange(rows.map((row) => ({ ...row })));
  publish();
  for (const [index, candidate] of candidates.entries()) {
    const row = rows[index]!;
    row.state = 'sending';
    row.message = 'Encrypting…';
    publish();
    if (!('file' in candidate)) {
      Object.assign(row, {
        state: 'done',
        outcome: 'rejected',
        message: 'Not added: this is a folder. Open it and drop the files inside.',
      });
      publish();
      continue;
    }
    let uploadId: string | null = null;
    try {
      ({ uploadId } = await callApi('vault.uploadBegin', { fileName: candidate.file.name }));
      for (let offset = 0; offset < candidate.file.size; offset += uploadPieceBytes) {
        const piece = new Uint8Array(
          await candidate.file.slice(offset, offset + uploadPieceBytes).arrayBuffer(),
        );
        const { receivedBytes } = await callApi('vault.uploadAppend', { uploadId, data: toBase64(piece) });
        row.sentBytes = receivedBytes;
        publish();
      }
      const result = await callApi('vault.uploadFinish', { uploadId, target });
      Object.assign(row, {
        state: 'done',
        outcome: result.outcome,
        documentId: result.document?.id ?? null,
        message: result.message,
        fileName: result.fileName,
      });
    } catch (error) {
      if (uploadId) await callApi('vault.uploadCancel', { uploadId }).catch(() => undefined);
      const message = error instanceof Error ? error.message : 'it could not be read.';
      Object.assign(row, { state: 'done', outcome: 'rejected', message: `Not added: ${message}` });
    }
    publish();
  }
  return rows;
}

/** Saves bytes the user asked to download, through the browser's own save dialog. */
export function downloadBase64(fileName: string, mimeType: string, data: string): void {
  const bytes = Uint8Array.from(atob(data), (character) => character.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
