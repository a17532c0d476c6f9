import { randomUUID } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/core/api/create-handlers';
import { dispatch } from '../../src/core/api/dispatch';
import { Session } from '../../src/core/session/session';
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/contract';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

const newDataDirectory = useTemporaryDataDirectory();
let session: Session | undefined;
afterEach(async () => session?.lock());

describe('global search', () => {
  it("finds a document by the words inside it and opens the case's Documents tab", async () => {
    session = new Session({ dataDirectory: newDataDirectory(), actor: 'navigator' });
    const handlers = createHandlers(session);
    const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
      const result = await dispatch(handlers, method, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value as MethodOutput<M>;
    };
    await call('session.initialize', { passphrase: 'correct horse battery staple' });
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
