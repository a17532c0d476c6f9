import { parseArgs } from 'node:util';
import { caseStageLabels } from '../../../shared/domain/case-stages';
import { describeTreatment, parseTreatment } from '../../../shared/domain/treatments';
import { exitCodes, UsageError } from '../cli-io';
import type { Command } from '../command';
import { openData } from '../open-data';

function parseId(text: string | undefined, flag: string): number {
  if (text === undefined) throw new UsageError(`${flag} is required.`);
  if (!/^\d+$/.test(text))
    throw new UsageError(`${flag} must be a record id (a whole number), not "${text}".`);
  return Number(text);
}

export const addClientCommand: Command = {
  async run(context) {
    const { values } = parseArgs({
      args: [...context.argv],
      options: { name: { type: 'string' }, dob: { type: 'string' }, state: { type: 'string' } },
      strict: true,
    });
    if (values.name === undefined) throw new UsageError('--name is required.');
    await openData(context);
    const client = await context.call('clients.create', {
      fullName: values.name,
      dateOfBirth: values.dob ?? null,
      state: values.state ?? null,
    });
    context.io.stdout.write(`${client.id}\n`);
    return exitCodes.ok;
  },
};

export const addCaseCommand: Command = {
  async run(context) {
    const { values } = parseArgs({
      args: [...context.argv],
      options: { client: { type: 'string' }, treatment: { type: 'string' }, payer: { type: 'string' } },
      strict: true,
    });
    const clientId = parseId(values.client, '--client');
    if (values.treatment === undefined)
      throw new UsageError('--treatment is required (for example "IV ketamine", esketamine, TMS).');
    const treatment = parseTreatment(values.treatment);
    await openData(context);
    const created = await context.call('cases.create', {
      clientId,
      treatment: treatment.kind,
      treatmentDetail: treatment.detail,
      payer: values.payer ?? null,
    });
    context.io.stdout.write(`${created.id}\n`);
    return exitCodes.ok;
  },
};

export const listCasesCommand: Command = {
  async run(context) {
    const { values } = parseArgs({
      args: [...context.argv],
      options: { json: { type: 'boolean' } },
      strict: true,
    });
    await openData(context);
    const cases = await context.call('cases.list', {});
    if (values.json) {
      context.io.stdout.write(`${JSON.stringify(cases, null, 2)}\n`);
      return exitCodes.ok;
    }
    for (const row of cases) {
      const treatment = describeTreatment(row.treatment, row.treatmentDetail);
      context.io.stdout.write(
        [
          row.caseNumber,
          row.clientName,
          treatment,
          row.payer ?? '—',
          caseStageLabels[row.stage],
          row.openedOn,
        ].join('\t') + '\n',
      );
    }
    return exitCodes.ok;
  },
};
