import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { EvidenceSourceDto } from '@shared/schemas/treatment-history';
import { hrefFor } from '../../app/routes';
import { DocumentPreviewDialog } from '../vault/DocumentPreviewDialog';
import styles from './Evidence.module.css';

/** A cited record: a document opens in the preview, a timeline entry opens the timeline; the trash is said in words. */
export function SourceLabel({ source, caseId }: { source: EvidenceSourceDto | null; caseId: number }) {
  const queryClient = useQueryClient();
  const [isPreviewing, setIsPreviewing] = useState(false);
  if (!source) return <span className={styles.undocumented}>No source</span>;
  return (
    <span className={styles.source}>
      {source.documentId !== null ? (
        <button
          type="button"
          className={styles.linkButton}
          onClick={() => setIsPreviewing(true)}
          title="Open the document"
        >
          {source.label}
        </button>
      ) : (
        <a href={hrefFor({ name: 'case', caseId, tab: 'timeline' })} title="Open the timeline">
          {source.label}
        </a>
      )}
      {source.isInTrash && (
        <span className={`${styles.badge} ${styles.badgeFailed}`}>in the trash: not counted</span>
      )}
      {isPreviewing && source.documentId !== null && (
        <DocumentPreviewDialog
          documentId={source.documentId}
          caseId={caseId}
          onClose={() => setIsPreviewing(false)}
          onChanged={() => queryClient.invalidateQueries()}
        />
      )}
    </span>
  );
}
