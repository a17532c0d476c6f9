import type { MethodInput } from '../../src/shared/contract';
import type { ContractSession } from './contract-session';

type CaseOnCoverage = {
  readonly client: MethodInput<'clients.create'>;
  readonly treatment: MethodInput<'cases.create'>['treatment'];
  readonly payer: string;
  readonly planType: MethodInput<'coverages.create'>['planType'];
};

/**
 * A client with a case linked to a coverage, its claim pre-service: what the deadline rules need
 * before a timeline entry starts a clock. Made through the contract, as the screens make it.
 */
export async function openCaseOnCoverage(
  call: ContractSession['call'],
  { client, treatment, payer, planType }: CaseOnCoverage,
) {
  const created = await call('clients.create', client);
  const opened = await call('cases.create', { clientId: created.id, treatment, payer });
  const coverage = await call('coverages.create', { clientId: created.id, payer, planType });
  await call('cases.update', {
    caseId: opened.id,
    changes: { coverageId: coverage.id, claimType: 'pre-service' },
  });
  return { client: created, opened, coverage };
}
