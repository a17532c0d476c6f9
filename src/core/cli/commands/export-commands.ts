import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { redactableFields, type RedactableField } from '../../../shared/domain/redactable-fields';
import { bundleInputSchema } from '../../../shared/schemas/exports';
import { ExportService } from '../../exports/export-service';
import { exitCodes, UsageError } from '../cli-io';
import type { Command } from '../command';
import { readPassphrase } from '../prompt-secret';

function parseId(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) === 0) {
    throw new UsageError(`${flag} must be a record id (a whole number), not "${text}".`);
  }
  return Number(text);
}

/** The contract's own rules for a bundle (Bates prefix, password length), worded as a usage error. */
function checkedBundleInput(input: z.input<typeof bundleInputSchema>): z.output<typeof bundleInputSchema> {
  const parsed = bundleInputSchema.safeParse(input);
  if (!parsed.success)
    throw new UsageError(parsed.error.issues[0]?.message ?? 'The export options are not valid.');
  return parsed.data;
}

function parseRedactions(text: string | undefined): RedactableField[] {
  if (text === undefined) return [];
  const fields = text
    .split(',')
    .map((field) => field.trim())
    .filter(Boolean);
  const unknown = fields.find((field) => !(redactableFields as readonly string[]).includes(field));
  if (unknown !== undefined) {
    throw new UsageError(`--redact: "${unknown}" is not a field; use any of ${redactableFields.join(', ')}.`);
  }
  return fields as RedactableField[];
}

/** `advocase export-summary`: the attorney summary PDF and/or the exhibit bundle, written where the user says. */
export const exportSummaryCommand: Command = {
  async run(context) {
    const { values } = parseArgs({
      args: [...context.argv],
      options: {
        case: { type: 'string' },
        client: { type: 'string' },
        out: { type: 'string' },
        bundle: { type: 'string' },
        'bates-prefix': { type: 'string' },
        redact: { type: 'string' },
      },
      strict: true,
    });
    const caseId = parseId(values.case, '--case');
    const clientId = parseId(values.client, '--client');
    if ((caseId === undefined) === (clientId === undefined)) {
      throw new UsageError('Give either --case ID or --client ID.');
    }
    if (values.out === undefined && values.bundle === undefined) {
      throw new UsageError('Say where to write: --out FILE.pdf, --bundle FILE.zip, or both.');
    }
    const selection = {
      ...(caseId === undefined ? {} : { caseId }),
      ...(clientId === undefined ? {} : { clientId }),
      redact: parseRedactions(values.redact),
    };
    // An encrypted bundle's password comes from the environment, never from a flag (shell history).
    const password = context.io.env['ADVOCASE_BUNDLE_PASSWORD'] || undefined;
    const input = checkedBundleInput({
      selection,
      ...(values['bates-prefix'] === undefined ? {} : { batesPrefix: values['bates-prefix'] }),
      ...(password === undefined ? {} : { password }),
    });
    await context.call('session.unlock', { passphrase: await readPassphrase(context.io) });
    // The person named these paths on their own command line; no contract method takes a path.
    const exports = new ExportService(context.session);
    if (values.out !== undefined) {
      const saved = await exports.saveSummary(input.selection, resolve(values.out));
      context.io.stdout.write(`Wrote the case summary to ${saved.path} (not encrypted).\n`);
    }
    if (values.bundle !== undefined) {
      const report = await exports.saveBundle(input, resolve(values.bundle));
      const range = report.firstBates ? `, Bates ${report.firstBates} to ${report.lastBates}` : '';
      context.io.stdout.write(
        `Wrote ${report.exhibitCount} exhibits (${report.stampedPages} pages stamped${range}) to ${report.path}` +
          (report.isEncrypted ? ' (AES-256 encrypted).\n' : ' (not encrypted).\n'),
      );
    }
    return exitCodes.ok;
  },
};
