import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { MethodInput, MethodName, MethodOutput } from '../src/shared/contract';
import type { DocumentTarget } from '../src/shared/schemas/vault';
import { uploadPieceBytes } from '../src/shared/schemas/vault';

type Call = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

/**
 * `count` PDFs of `pages` text pages each, uploaded to the vault through the contract as the app
 * uploads them, each attached where `targetOf(index)` says. Each file differs (its title), so the
 * vault stores `count` files, not one deduplicated. Returns the documents' ids in order.
 */
export async function uploadBenchPdfs(
  call: Call,
  count: number,
  pages: number,
  targetOf: (index: number) => DocumentTarget,
): Promise<number[]> {
  const template = await PDFDocument.create();
  const font = await template.embedFont(StandardFonts.Helvetica);
  for (let page = 1; page <= pages; page += 1) {
    const added = template.addPage([612, 792]);
    for (let line = 0; line < 40; line += 1) {
      added.drawText(`Page ${page}, line ${line}: medical record text for the bench.`, {
        x: 50,
        y: 740 - line * 17,
        size: 10,
        font,
      });
    }
  }
  const ids: number[] = [];
  for (let index = 0; index < count; index += 1) {
    template.setTitle(`Bench exhibit ${index}`);
    const bytes = Buffer.from(await template.save());
    const { uploadId } = await call('vault.uploadBegin', { fileName: `record ${index}.pdf` });
    for (let offset = 0; offset < bytes.length; offset += uploadPieceBytes) {
      await call('vault.uploadAppend', {
        uploadId,
        data: bytes.subarray(offset, offset + uploadPieceBytes).toString('base64'),
      });
    }
    const finished = await call('vault.uploadFinish', { uploadId, target: targetOf(index) });
    ids.push(finished.document!.id);
  }
  return ids;
}
