import { stat } from 'node:fs/promises';
import { timelineEventTypes } from '../../shared/domain/timeline-event-types';
import type { BundleInput, BundleReport, ExportChoices, ExportSelection } from '../../shared/schemas/exports';
import { localToday } from '../../shared/schemas/fields';
import { AppError } from '../errors';
import { logger } from '../logging/logger';
import type { Session } from '../session/session';
import { getDocumentWithBlob } from '../vault/document-repository';
import { readWholeStoredFile } from '../vault/stored-files';
import { writeAtomically } from './write-atomically';
import { createRedactor } from './redaction';
import { redactingReader } from './redacting-reader';
import { loadDossier, type Dossier } from './case-dossier';
import { defaultExhibitIds, numberExhibits } from './exhibits';
import { buildSummaryModel, type SummaryModel } from './summary-model';
import { renderSummaryPdf, type RenderedSummary } from './summary-pdf';
import { recordAccessEvent, type AccessEventDetails } from '../audit/access-events';

/** Results sent back inline (base64) stay under this; larger bundles are saved to a file instead. */
export const maximumInlineBytes = 100 * 1024 * 1024;

type Scope = { readonly caseId?: number | undefined; readonly clientId?: number | undefined };

function scopeName(dossier: Dossier): string {
  const numbers = dossier.cases.map((facts) => facts.detail.caseNumber);
  return numbers.length === 1 ? numbers[0]! : `${numbers[0] ?? 'no cases'} and ${numbers.length - 1} more`;
}

/** Collects written chunks in memory, for a bundle returned inline. */
function memoryDestination(limit: number): { stream: WritableStream<Uint8Array>; bytes: () => Buffer } {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const stream = new WritableStream<Uint8Array>({
    write(chunk) {
      size += chunk.byteLength;
      if (size > limit) {
        throw new AppError(
          'INVALID_INPUT',
          'This bundle is larger than 100 MB, too large to save from the app. Choose fewer documents (make two bundles), or write it with `advocase export-summary --bundle`.',
        );
      }
      chunks.push(chunk.slice());
    },
  });
  return { stream, bytes: () => Buffer.concat(chunks) };
}

/**
 * Attorney exports over one session. Every export is plaintext: the app gets bytes, which the
 * desktop saves through the native save dialog and the browser downloads; only the command line,
 * where the person types the path, writes to a path (saveSummary, saveBundle: not in the contract).
 */
export class ExportService {
  constructor(
    private readonly session: Session,
    private readonly today: () => string = () => localToday(),
  ) {}

  private loadDossier(scope: Scope): Promise<Dossier> {
    return this.session.useStore(({ db }) => loadDossier(db, this.session.actor, scope));
  }

  async choices(scope: Scope): Promise<ExportChoices> {
    const dossier = await this.loadDossier(scope);
    const counts = new Map<string, number>();
    const dates: string[] = [];
    for (const facts of dossier.cases) {
      for (const event of facts.events) {
        counts.set(event.type, (counts.get(event.type) ?? 0) + 1);
        dates.push(event.occurredAt.slice(0, 10));
      }
    }
    dates.sort();
    const preselected = new Set(defaultExhibitIds(dossier));
    return {
      title: scopeName(dossier),
      eventTypeCounts: timelineEventTypes
        .map((type) => ({ type, count: counts.get(type) ?? 0 }))
        .filter((entry) => entry.count > 0),
      firstEventOn: dates[0] ?? null,
      lastEventOn: dates.at(-1) ?? null,
      documents: numberExhibits(
        dossier,
        dossier.documents.map((document) => document.id),
      ).map(({ document, title }) => ({
        id: document.id,
        fileName: document.fileName,
        title,
        documentType: document.documentType,
        mediaType: document.mediaType,
        documentDate: document.documentDate,
        pageCount: document.pageCount,
        isPreselected: preselected.has(document.id),
      })),
    };
  }

  private async model(selection: ExportSelection): Promise<{ model: SummaryModel; dossier: Dossier }> {
    const dossier = await this.loadDossier(selection);
    if (dossier.cases.length === 0) {
      throw new AppError('NOT_FOUND', 'This client has no cases to summarise.', 'clientId');
    }
    const known = new Set(dossier.documents.map((document) => document.id));
    const stranger = selection.documentIds?.find((id) => !known.has(id));
    if (stranger !== undefined) {
      throw new AppError(
        'INVALID_INPUT',
        `Document ${stranger} is not filed to this case or client.`,
        'documentIds',
      );
    }
    return { model: buildSummaryModel(dossier, selection, this.today()), dossier };
  }

  private fileNames(model: SummaryModel): { summary: string; bundle: string } {
    const name = model.caseNumbers.length === 1 ? model.caseNumbers[0]! : `${model.caseNumbers.length} cases`;
    return {
      summary: `Case summary ${name} ${model.preparedOn}.pdf`,
      bundle: `Exhibit bundle ${name} ${model.preparedOn}.zip`,
    };
  }

  async summary(
    selection: ExportSelection,
  ): Promise<RenderedSummary & { fileName: string; exhibitCount: number }> {
    const { model } = await this.model(selection);
    const rendered = await renderSummaryPdf(model, null);
    logger.info('exports.summary_created', {
      events: model.cases.reduce((sum, section) => sum + section.chronology.length, 0),
      pages: rendered.pageCount,
    });
    await this.recordExport({
      kind: 'case_summary',
      cases: model.caseNumbers.length,
      pages: rendered.pageCount,
    });
    return { ...rendered, fileName: this.fileNames(model).summary, exhibitCount: model.exhibits.length };
  }

  async saveSummary(selection: ExportSelection, path: string): Promise<{ path: string; sizeBytes: number }> {
    const rendered = await this.summary(selection);
    await writeAtomically(path, async (stream) => {
      const writer = stream.getWriter();
      await writer.write(rendered.bytes);
      await writer.close();
    });
    return { path, sizeBytes: rendered.bytes.byteLength };
  }

  private async writeBundle(
    input: BundleInput,
    destination: WritableStream<Uint8Array>,
  ): Promise<Omit<BundleReport, 'sizeBytes'>> {
    const { model, dossier } = await this.model(input.selection);
    const names = this.fileNames(model);
    // zip.js and pdf-lib load with the first bundle, not when the app starts (docs/performance.md, "Start").
    const { writeExhibitBundle } = await import('./exhibit-bundle');
    const report = await this.session.useVault(async ({ store, files }) =>
      writeExhibitBundle(
        destination,
        model.exhibits,
        await redactingReader(
          store.db,
          createRedactor(dossier, input.selection.redact),
          dossier.documents.map((document) => document.id),
          async (documentId) => {
            const row = await getDocumentWithBlob(store.db, documentId);
            return readWholeStoredFile(files, row.storage_id);
          },
        ),
        (manifest) => renderSummaryPdf(model, manifest),
        names.summary,
        { batesPrefix: input.batesPrefix, batesStart: input.batesStart, password: input.password },
      ),
    );
    logger.info('exports.bundle_created', {
      exhibits: report.exhibitCount,
      stampedPages: report.stampedPages,
      encrypted: report.isEncrypted,
    });
    await this.recordExport({
      kind: 'exhibit_bundle',
      cases: model.caseNumbers.length,
      exhibits: report.exhibitCount,
      encrypted: report.isEncrypted,
    });
    return { ...report, fileName: names.bundle };
  }

  /** Data leaving the encrypted store is an access the audit log records (counts only, docs/security.md §5). */
  private recordExport(details: AccessEventDetails): Promise<void> {
    return this.session.useStore(({ db }) => recordAccessEvent(db, this.session.actor, 'export', details));
  }

  async bundle(input: BundleInput): Promise<BundleReport & { data: string }> {
    const destination = memoryDestination(maximumInlineBytes);
    const report = await this.writeBundle(input, destination.stream);
    const bytes = destination.bytes();
    return { ...report, sizeBytes: bytes.byteLength, data: bytes.toString('base64') };
  }

  async saveBundle(input: BundleInput, path: string): Promise<BundleReport & { path: string }> {
    const report = await writeAtomically(path, (stream) => this.writeBundle(input, stream));
    const { size } = await stat(path);
    return { ...report, sizeBytes: size, path };
  }
}
