import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { createHandlers } from '../../src/core/api/create-handlers';
import { dispatch } from '../../src/core/api/dispatch';
import { Session } from '../../src/core/session/session';
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/contract';
import type { ApiError } from '../../src/shared/result';
import { memoryFileDestination } from '../helpers/memory-file-destination';
import { uploadPieceBytes, type DocumentTarget } from '../../src/shared/schemas/vault';

export const passphrase = 'vault test passphrase here';

export type Call = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

/** A set-up data folder with one client, one case and one timeline event, driven through the contract. */
export async function openTestVault(dataDirectory: string) {
  const session = new Session({ dataDirectory, actor: 'vault-test' });
  await session.initialize(passphrase);
  const handlers = createHandlers(session);
  // A method that streams its file to a destination writes it to memory.
  const call: Call = async (method, input) => {
    const result = await dispatch(handlers, method, input, memoryFileDestination().destination);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { apiError: result.error });
    return result.value as never;
  };
  const failure = async (promise: Promise<unknown>): Promise<ApiError> => {
    const error = await promise.then(
      () => null,
      (caught: { apiError?: ApiError }) => caught.apiError ?? null,
    );
    if (!error) throw new Error('Expected the call to fail.');
    return error;
  };
  const client = await call('clients.create', {
    fullName: 'Zoë Example',
    dateOfBirth: '1980-01-02',
    state: 'CA',
  });
  const opened = await call('cases.create', {
    clientId: client.id,
    treatment: 'esketamine',
    payer: 'Example Health',
  });
  const event = await call('events.add', {
    caseId: opened.id,
    event: { type: 'note', occurredAt: '2026-03-02T15:00:00.000Z', summary: 'Denial received', details: {} },
  });
  return { session, handlers, call, failure, clientId: client.id, caseId: opened.id, eventId: event.id };
}

/** Adds a file the way the app does: begin, pieces of at most 2 MiB, finish. */
export async function addFile(call: Call, fileName: string, bytes: Uint8Array, target: DocumentTarget) {
  const { uploadId } = await call('vault.uploadBegin', { fileName });
  for (let offset = 0; offset < bytes.length; offset += uploadPieceBytes) {
    const piece = Buffer.from(bytes.subarray(offset, offset + uploadPieceBytes));
    await call('vault.uploadAppend', { uploadId, data: piece.toString('base64') });
  }
  return call('vault.uploadFinish', { uploadId, target });
}

/** A PDF with each string as a page's text; `title` goes into its metadata uncompressed. */
export async function makePdf(pages: readonly string[], title?: string): Promise<Buffer> {
  const document = await PDFDocument.create();
  if (title) document.setTitle(title);
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (const text of pages) {
    const page = document.addPage([612, 792]);
    text
      .split('\n')
      .forEach((line, index) => page.drawText(line, { x: 50, y: 720 - index * 18, size: 12, font }));
  }
  return Buffer.from(await document.save({ useObjectStreams: false }));
}

/** Every file under a folder, recursively. */
export function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isFile());
}

/** Files under the folder holding the text as UTF-8, UTF-16, or a PDF hex string of either (upper or lower case). */
export function filesContaining(folder: string, text: string): string[] {
  const utf16be = Buffer.from(text, 'utf16le').swap16();
  const hex = [Buffer.from(text, 'latin1').toString('hex'), utf16be.toString('hex')];
  const forms = [
    Buffer.from(text, 'utf8'),
    Buffer.from(text, 'utf16le'),
    utf16be,
    ...hex.flatMap((form) => [Buffer.from(form), Buffer.from(form.toUpperCase())]),
  ];
  return filesUnder(folder).filter((path) => {
    const content = readFileSync(path);
    return forms.some((form) => content.includes(form));
  });
}
