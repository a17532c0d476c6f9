import type { ParsedInput } from '../../shared/contract';
import type { VerifyReport } from '../../shared/schemas/vault';
import { logger } from '../logging/logger';
import type { Session } from '../session/session';
import { allBlobsWithDocuments } from './document-repository';
import { findVaultLeftovers, removeVaultLeftovers } from './vault-leftovers';

/**
 * Checks every stored file against its authentication tags and lists the documents of those that
 * fail, and finds (and on request removes) files without a record and records without a document.
 */
export function verifyVault(
  session: Session,
  now: number,
  { removeLeftovers = false }: ParsedInput<'vault.verify'> = {},
): Promise<VerifyReport> {
  return session.useVault(async ({ store, files }) => {
    const rows = await allBlobsWithDocuments(store.db);
    const byStorageId = new Map<string, typeof rows>();
    for (const row of rows)
      byStorageId.set(row.storage_id, [...(byStorageId.get(row.storage_id) ?? []), row]);
    const failures: VerifyReport['failures'] = [];
    for (const [storageId, documents] of byStorageId) {
      const result = await files.check(storageId);
      if (result === 'ok') continue;
      for (const document of documents) {
        failures.push({ documentId: document.document_id, fileName: document.file_name, problem: result });
      }
    }
    const leftovers = await findVaultLeftovers(store, files, now);
    if (removeLeftovers) await removeVaultLeftovers(store, files, leftovers);
    logger.info('vault.verified', {
      files: byStorageId.size,
      failures: failures.length,
      leftoverFiles: leftovers.filesWithoutRecord.length,
      leftoverRecords: leftovers.recordsWithoutDocument.length,
      leftoversRemoved: removeLeftovers,
    });
    return {
      checkedFiles: byStorageId.size,
      failures,
      leftovers: {
        filesWithoutRecord: leftovers.filesWithoutRecord.length,
        recordsWithoutDocument: leftovers.recordsWithoutDocument.length,
        removed: removeLeftovers,
      },
    };
  });
}
