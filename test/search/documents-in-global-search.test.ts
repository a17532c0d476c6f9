import { randomUUID } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../src/core/session/session';
import { startContractSession } from '../helpers/contract-session';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

const newDataDirectory = useTemporaryDataDirectory();
let session: Session | undefined;
afterEach(async () => session?.lock());

describe('global search', () => {
  it("finds a document by the words inside it and opens the case's Documents tab", async () => {
    const contract = await startContractSession(newDataDirectory());
    session = contract.session;
    const { call } = contract;
    const client = await call('clients.create', { fullName: 'Rosa Quinn' });
    const opened = await call('cases.create', { clientId: client.id, treatment: 'tms', payer: 'Humana' });

    const marker = `Zq${randomUUID().replace(/-/g, '').slice(0, 10)}`;
    const pdf = await PDFDocument.create();
    const page = pdf.addPage();
    page.drawText(`Denial letter. Reference ${marker}. Not medically necessary.`, {
      x: 50,
      y: 700,
      size: 12,
      font: await pdf.embedFont(StandardFonts.Helvetica),
    });
    const bytes = Buffer.from(await pdf.save());
    const { uploadId } = await call('vault.uploadBegin', { fileName: 'denial-letter.pdf' });
    await call('vault.uploadAppend', { uploadId, data: bytes.toString('base64') });
    await call('vault.uploadFinish', { uploadId, target: { caseId: opened.id } });

    const found = await call('search.global', { text: marker });
    const documents = found.groups.find((group) => group.kind === 'document');
    expect(documents?.results).toMatchObject([
      {
        kind: 'document',
        title: 'denial-letter.pdf',
        target: { name: 'case', caseId: opened.id, tab: 'documents' },
      },
    ]);
    expect(
      documents?.results[0]?.snippet.filter((segment) => segment.isMatch).map((segment) => segment.text),
    ).toEqual([marker]);
  });
});
