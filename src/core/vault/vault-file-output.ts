import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentPreview } from '../../shared/schemas/vault';
import { AppError } from '../errors';
import { logger } from '../logging/logger';
import type { Session } from '../session/session';
import { getDocumentWithBlob } from './document-repository';
import { readableText } from './extract-text';
import { fileHeadBytes, mimeTypes, openRefusal, outputFileName } from './file-kinds';
import { newOpenCopyFolder } from './open-copies';
import { readWholeStoredFile, type StoredFiles } from './stored-files';

/** Previews and downloads travel as base64 in one response: past this, export or open instead. */
const maximumInlineBytes = 100 * 1024 * 1024;

export type SystemViewer = (path: string) => Promise<void>;

/** Hands a file to the desktop's default application for its type. */
export const openWithDesktopViewer: SystemViewer = async (path) => {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [path]]
      : process.platform === 'win32'
        ? ['explorer.exe', [path]]
        : ['xdg-open', [path]];
  await new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.once('error', () =>
      reject(
        new AppError('INTERNAL', 'No application to open this kind of file was found. Download it instead.'),
      ),
    );
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
};

/**
 * Documents leaving the vault decrypted: a preview or a download in the app (whole, refused if
 * the stored file is damaged), or a copy handed to the desktop's viewer.
 */
export class VaultFileOutput {
  constructor(
    private readonly session: Session,
    private readonly openInViewer: SystemViewer,
  ) {}

  async preview(documentId: number): Promise<DocumentPreview> {
    return this.session.useVault(async ({ store, files }) => {
      const row = await getDocumentWithBlob(store.db, documentId);
      if (row.media_type === 'heic') {
        return {
          kind: 'unavailable',
          message: 'HEIC photos cannot be shown here. Open or download the file to view it.',
        };
      }
      if (row.size_bytes > maximumInlineBytes) {
        return {
          kind: 'unavailable',
          message: 'This file is too large to preview here. Open or download it instead.',
        };
      }
      const bytes = await readWholeStoredFile(files, row.storage_id);
      try {
        switch (row.media_type) {
          case 'pdf':
            return { kind: 'pdf', data: bytes.toString('base64'), pageCount: row.page_count };
          case 'png':
          case 'jpeg':
            return {
              kind: 'image',
              mimeType: row.media_type === 'png' ? 'image/png' : 'image/jpeg',
              data: bytes.toString('base64'),
            };
          case 'docx':
          case 'txt':
          case 'eml':
            try {
              return { kind: 'text', text: await readableText(row.media_type, bytes) };
            } catch {
              return {
                kind: 'unavailable',
                message: 'The text of this file could not be read. Open or download it instead.',
              };
            }
        }
      } finally {
        bytes.fill(0);
      }
    });
  }

  async content(documentId: number): Promise<{ fileName: string; mimeType: string; data: string }> {
    return this.session.useVault(async ({ store, files }) => {
      const row = await getDocumentWithBlob(store.db, documentId);
      if (row.size_bytes > maximumInlineBytes) {
        throw new AppError(
          'INVALID_INPUT',
          'This file is too large to download here. Export it to a folder instead.',
        );
      }
      const bytes = await readWholeStoredFile(files, row.storage_id);
      logger.info('vault.document_downloaded');
      return {
        fileName: outputFileName(row.file_name, row.media_type),
        mimeType: mimeTypes[row.media_type],
        data: bytes.toString('base64'),
      };
    });
  }

  /** A decrypted copy in Advocase's private folder handed to the system viewer; deleted when the data locks. */
  async openExternally(documentId: number): Promise<void> {
    const path = await this.session.useVault(async ({ store, files }) => {
      const row = await getDocumentWithBlob(store.db, documentId);
      // A team database's documents stay off this computer: no decrypted copy for another app.
      if (files.openCopyRefusal) throw new AppError('NOT_AVAILABLE_IN_TEAM_MODE', files.openCopyRefusal);
      // Only allow-listed document types reach another app, their content checked again.
      const nameRefusal = openRefusal(row.file_name, row.media_type);
      if (nameRefusal) throw new AppError('INVALID_INPUT', nameRefusal, 'documentId');
      const folder = await newOpenCopyFolder(this.session.dataDirectory);
      const target = join(folder, outputFileName(row.file_name, row.media_type));
      try {
        await this.decryptTo(files, row.storage_id, target, (head) => {
          const contentRefusal = openRefusal(row.file_name, row.media_type, head);
          if (contentRefusal) throw new AppError('INVALID_INPUT', contentRefusal, 'documentId');
        });
      } catch (error) {
        await rm(folder, { recursive: true, force: true });
        throw error;
      }
      return target;
    });
    await this.openInViewer(path);
    logger.info('vault.document_opened_externally');
  }

  private async decryptTo(
    files: StoredFiles,
    storageId: string,
    path: string,
    checkFirstChunk: (head: Uint8Array) => void,
  ): Promise<void> {
    const partial = join(path, '..', `.advocase-${randomBytes(6).toString('hex')}.partial`);
    const file = await open(partial, 'wx', 0o600);
    let isFirst = true;
    try {
      await files.read(storageId, async (chunk) => {
        // Checked before a byte is written: a chunk is far larger than the few bytes a type is known by.
        if (isFirst) checkFirstChunk(chunk.subarray(0, fileHeadBytes));
        isFirst = false;
        await file.write(chunk);
      });
      await file.sync();
      await file.close();
      await rename(partial, path);
    } catch (error) {
      await file.close().catch(() => undefined);
      // Verified chunks of a file that failed later must not stay behind.
      await rm(partial, { force: true });
      throw error;
    }
  }
}
