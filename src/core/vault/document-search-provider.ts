import { documentTypeLabels } from '../../shared/schemas/vault';
import type { SearchProvider } from '../search/search-provider';
import { toSnippetSegments } from '../search/snippet-segments';
import { searchDocumentText } from './document-text-index';

/**
 * Documents in global search: found by the words inside them (the vault's own full-text index),
 * opened on the Documents tab of the case they are filed to, or the client page.
 */
export const documentSearchProvider: SearchProvider = {
  kind: 'document',
  async search(db, { typed }, limit) {
    const matches = await searchDocumentText(db, typed, { limit: limit + 1 });
    const page = matches.slice(0, limit);
    if (page.length === 0) return { results: [], hasMore: false, isStrongMatch: false };
    const ids = page.map((match) => match.documentId);
    const documents = await db
      .selectFrom('documents')
      .select(['id', 'file_name', 'document_type', 'document_date'])
      .where('id', 'in', ids)
      .where('deleted_at', 'is', null)
      .execute();
    const caseLinks = await db
      .selectFrom('document_cases')
      .select(['document_id', 'case_id'])
      .where('document_id', 'in', ids)
      .execute();
    const clientLinks = await db
      .selectFrom('document_clients')
      .select(['document_id', 'client_id'])
      .where('document_id', 'in', ids)
      .execute();
    const byId = new Map(documents.map((document) => [document.id, document]));
    const results = page.flatMap((match) => {
      const document = byId.get(match.documentId);
      const caseId = caseLinks.find((link) => link.document_id === match.documentId)?.case_id;
      const clientId = clientLinks.find((link) => link.document_id === match.documentId)?.client_id;
      if (!document || (caseId === undefined && clientId === undefined)) return [];
      return [
        {
          kind: 'document' as const,
          id: document.id,
          title: document.file_name,
          subtitle: [documentTypeLabels[document.document_type], document.document_date]
            .filter(Boolean)
            .join(' · '),
          snippet: toSnippetSegments(match.snippet),
          target:
            caseId !== undefined
              ? { name: 'case' as const, caseId, tab: 'documents' as const }
              : { name: 'client' as const, clientId: clientId! },
        },
      ];
    });
    return { results, hasMore: matches.length > limit, isStrongMatch: false };
  },
};
