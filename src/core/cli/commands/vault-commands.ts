import { open, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { uploadPieceBytes } from '../../../shared/schemas/vault';
import { stopOcrEngine } from '../../ocr/recognize-document';
import { exitCodes, UsageError } from '../cli-io';
import { MethodCallError, type Command, type CommandContext } from '../command';
import { readPassphrase } from '../prompt-secret';

async function unlock({ io, call }: CommandContext): Promise<void> {
  await call('session.unlock', { passphrase: await readPassphrase(io) });
}

function parseId(text: string | undefined, flag: string): number {
  if (text === undefined) throw new UsageError(`${flag} is required.`);
  if (!/^\d+$/.test(text) || Number(text) === 0) {
    throw new UsageError(`${flag} must be a record id (a whole number), not "${text}".`);
  }
  return Number(text);
}

/** Sends one file through the same upload methods the app uses; returns the line to print for it. */
async function addOneFile(
  context: CommandContext,
  path: string,
  caseId: number,
): Promise<{ line: string; isAdded: boolean }> {
  const shownName = basename(path);
  const info = await stat(path).catch(() => null);
  if (!info) return { line: `${shownName}: not added: there is no such file.`, isAdded: false };
  if (info.isDirectory()) {
    return {
      line: `${shownName}: not added: this is a folder. Name the files inside it instead.`,
      isAdded: false,
    };
  }
  if (!info.isFile()) return { line: `${shownName}: not added: this is not a regular file.`, isAdded: false };
  const { uploadId } = await context.call('vault.uploadBegin', { fileName: shownName });
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(uploadPieceBytes);
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      await context.call('vault.uploadAppend', {
        uploadId,
        data: buffer.subarray(0, bytesRead).toString('base64'),
      });
    }
  } catch (error) {
    await context.call('vault.uploadCancel', { uploadId }).catch(() => undefined);
    throw error;
  } finally {
    await file.close();
  }
  const result = await context.call('vault.uploadFinish', { uploadId, target: { caseId } });
  const id = result.document ? ` (document ${result.document.id})` : '';
  return { line: `${result.fileName}${id}: ${result.message}`, isAdded: result.outcome !== 'rejected' };
}

export const vaultCommand: Command = {
  async run(context) {
    const [subcommand, ...rest] = context.argv;
    const sub = { ...context, argv: rest };
    switch (subcommand) {
      case 'add':
        return runAdd(sub);
      case 'verify':
        return runVerify(sub);
      case 'search':
        return runSearch(sub);
      case 'ocr':
        return runOcr(sub);
      default:
        throw new UsageError(
          'Say what to do: advocase vault add --case ID FILE..., vault verify, vault search TEXT, or vault ocr --all.',
        );
    }
  },
};

async function runAdd(context: CommandContext) {
  const { values, positionals } = parseArgs({
    args: [...context.argv],
    options: { case: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const caseId = parseId(values.case, '--case');
  if (positionals.length === 0) throw new UsageError('Name at least one file to add.');
  await unlock(context);
  let failures = 0;
  for (const path of positionals) {
    try {
      const { line, isAdded } = await addOneFile(context, resolve(path), caseId);
      context.io.stdout.write(`${line}\n`);
      if (!isAdded) failures += 1;
    } catch (error) {
      // A wrong case id fails every file alike: stop there rather than repeat it per file.
      if (error instanceof MethodCallError && error.apiError.field?.startsWith('target')) throw error;
      failures += 1;
      const message = error instanceof MethodCallError ? error.apiError.message : 'it could not be read.';
      context.io.stdout.write(`${basename(path)}: not added: ${message}\n`);
    }
  }
  // Exit code 2 when any file was refused: the rest still went in, as the lines above say.
  return failures === 0 ? exitCodes.ok : exitCodes.badInput;
}

async function runVerify(context: CommandContext) {
  const { values } = parseArgs({
    args: [...context.argv],
    options: { 'remove-leftovers': { type: 'boolean' } },
    strict: true,
  });
  await unlock(context);
  const report = await context.call('vault.verify', { removeLeftovers: values['remove-leftovers'] ?? false });
  for (const failure of report.failures) {
    const problem = failure.problem === 'missing' ? 'MISSING' : 'DAMAGED';
    context.io.stdout.write(`${problem}\tdocument ${failure.documentId}\t${failure.fileName}\n`);
  }
  context.io.stdout.write(
    report.failures.length === 0
      ? `All ${report.checkedFiles} stored files passed the integrity check.\n`
      : `${report.failures.length} document(s) failed the integrity check (${report.checkedFiles} stored files checked). Restore your latest backup: advocase backup restore FILE --data-dir DIR --replace.\n`,
  );
  const leftovers = describeLeftovers(report.leftovers);
  if (leftovers) context.io.stdout.write(`${leftovers}\n`);
  return report.failures.length === 0 ? exitCodes.ok : exitCodes.failure;
}

/** One line on what interrupted work left behind and what to do about it; null when nothing was. */
function describeLeftovers(leftovers: {
  filesWithoutRecord: number;
  recordsWithoutDocument: number;
  removed: boolean;
}): string | null {
  const { filesWithoutRecord: files, recordsWithoutDocument: records } = leftovers;
  if (files + records === 0) return null;
  const found = `${files} encrypted file(s) with no record and ${records} record(s) with no document, left by interrupted uploads`;
  return leftovers.removed
    ? `Removed ${found}.`
    : `Found ${found} (unreadable, they only take space). Run advocase vault verify --remove-leftovers to remove them.`;
}

async function runSearch(context: CommandContext) {
  const { values, positionals } = parseArgs({
    args: [...context.argv],
    options: { json: { type: 'boolean' }, case: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length === 0) throw new UsageError('Say what to search for.');
  await unlock(context);
  const hits = await context.call('vault.search', {
    query: positionals.join(' '),
    ...(values.case === undefined ? {} : { caseId: parseId(values.case, '--case') }),
  });
  if (values.json) {
    context.io.stdout.write(`${JSON.stringify(hits, null, 2)}\n`);
    return exitCodes.ok;
  }
  for (const hit of hits) {
    const snippet = hit.snippet.map((part) => (part.isMatch ? `[${part.text}]` : part.text)).join('');
    context.io.stdout.write(`${hit.document.id}\t${hit.document.fileName}\t${snippet}\n`);
  }
  return exitCodes.ok;
}

/**
 * Recognises (OCR, offline) the text of stored scans and pictures: every document stored as "no text"
 * and never recognised (--all), or one (--document ID). One line per document; exit 2 when any was refused.
 */
async function runOcr(context: CommandContext) {
  const { values } = parseArgs({
    args: [...context.argv],
    options: { all: { type: 'boolean' }, document: { type: 'string' } },
    strict: true,
  });
  if ((values.all ?? false) === (values.document !== undefined)) {
    throw new UsageError('Say which documents: vault ocr --all, or vault ocr --document ID.');
  }
  const documentId = values.document === undefined ? null : parseId(values.document, '--document');
  await unlock(context);
  const documents =
    documentId === null
      ? (await context.call('vault.list', {})).filter(
          (document) => document.textStatus === 'no_text' && document.recognisedText === null,
        )
      : [await context.call('vault.get', { documentId })];
  if (documents.length === 0) {
    context.io.stdout.write('No stored scan or picture is waiting for its text to be recognised.\n');
    return exitCodes.ok;
  }
  let refused = 0;
  try {
    for (const document of documents) {
      const name = `${document.fileName} (document ${document.id})`;
      try {
        const { document: after } = await context.call('vault.recognizeText', { documentId: document.id });
        context.io.stdout.write(`${name}: ${describeRecognition(after.recognisedText, after.textStatus)}\n`);
      } catch (error) {
        if (!(error instanceof MethodCallError) || error.apiError.code !== 'INVALID_INPUT') throw error;
        refused += 1;
        context.io.stdout.write(`${name}: not recognised: ${error.apiError.message}\n`);
      }
    }
  } finally {
    // The engine waits idle for more work in the app; a command has none, and must exit.
    await stopOcrEngine();
  }
  return refused === 0 ? exitCodes.ok : exitCodes.badInput;
}

function describeRecognition(recognised: { confidence: number } | null, textStatus: string): string {
  if (recognised === null) return 'not recognised.';
  return textStatus === 'indexed'
    ? `text recognised, confidence ${recognised.confidence} %; its words are searchable now.`
    : 'no text was found in the image.';
}
