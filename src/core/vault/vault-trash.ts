import { trashRetentionDays } from '../../shared/schemas/history';
import type { DocumentSummary } from '../../shared/schemas/vault';
import { inTransaction } from '../db/in-transaction';
import { casesLinkedTo, refreshEvidenceReadiness } from '../evidence/evidence-readiness';
import { logger } from '../logging/logger';
import type { Session } from '../session/session';
import {
  deleteDocumentRows,
  getDocumentSummary,
  getDocumentWithBlob,
  takeOrphanedBlobs,
  trashedDocumentIds,
  updateDocumentRow,
} from './document-repository';
import { removeDocumentText } from './document-text-index';

/**
 * The vault's trash: a trashed document can be restored for a while, then (or when the trash is
 * emptied) its record goes and every stored file no document uses any more is overwritten.
 */
export class VaultTrash {
  private lastTrashSweepAt = 0;

  constructor(
    private readonly session: Session,
    private readonly now: () => number,
  ) {}

  trash(documentId: number): Promise<DocumentSummary> {
    return this.setDeletedAt(documentId, new Date(this.now()).toISOString());
  }

  restore(documentId: number): Promise<DocumentSummary> {
    return this.setDeletedAt(documentId, null);
  }

  private setDeletedAt(documentId: number, deletedAt: string | null): Promise<DocumentSummary> {
    return this.session.useStore(({ db }) =>
      inTransaction(db, async (trx) => {
        await getDocumentWithBlob(trx, documentId);
        await updateDocumentRow(trx, this.session.actor, documentId, { deleted_at: deletedAt });
        // A document in the trash stops counting as evidence for the checklists that link it.
        await refreshEvidenceReadiness(
          trx,
          await casesLinkedTo(trx, { documentIds: [documentId], eventIds: [] }),
        );
        return getDocumentSummary(trx, documentId);
      }),
    );
  }

  /** Deletes trashed documents (all, or those past the retention time) and destroys files left unused. */
  async purgeTrash(which: 'all' | 'expired'): Promise<{ removedDocuments: number }> {
    return this.session.useVault(async ({ store, files }) => {
      const cutoff =
        which === 'all'
          ? null
          : new Date(this.now() - trashRetentionDays * 24 * 60 * 60 * 1000).toISOString();
      const { ids, storageIds } = await inTransaction(store.db, async (trx) => {
        const ids = await trashedDocumentIds(trx, cutoff);
        for (const id of ids) await removeDocumentText(trx, id);
        await deleteDocumentRows(trx, this.session.actor, ids);
        return { ids, storageIds: await takeOrphanedBlobs(trx) };
      });
      for (const storageId of storageIds) await files.destroy(storageId);
      if (ids.length > 0)
        logger.info('vault.trash_purged', { documents: ids.length, files: storageIds.length });
      return { removedDocuments: ids.length };
    });
  }

  /** Purges what has passed the retention time, at most once an hour (listing the vault calls it). */
  async sweepExpiredTrash(): Promise<void> {
    if (this.now() - this.lastTrashSweepAt < 60 * 60 * 1000) return;
    await this.purgeTrash('expired');
    this.lastTrashSweepAt = this.now();
  }
}
