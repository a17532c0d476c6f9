import { contract, type MethodInput, type MethodName, type ParsedInput } from '../../src/shared/contract';
import type { Store } from '../../src/core/db/store';
import { createCase, updateCase } from '../../src/core/cases/cases-service';
import { createClient } from '../../src/core/clients/clients-service';
import { createCoverage } from '../../src/core/coverages/coverages-service';
import { addTimelineEvent } from '../../src/core/events/events-service';

export const actor = 'navigator-1';

/** Input as the handlers get it: parsed by the contract's schema (defaults filled in). */
export function parsed<M extends MethodName>(method: M, input: MethodInput<M>): ParsedInput<M> {
  return contract[method].input.parse(input) as ParsedInput<M>;
}

/** Two clients; Maria has an Aetna coverage, an esketamine case and one logged call. */
export async function seedCaseload(store: Store) {
  const jurgen = await createClient(
    store.db,
    actor,
    parsed('clients.create', { fullName: 'Jürgen Müller', dateOfBirth: '1975-06-01', state: 'NY' }),
  );
  const maria = await createClient(
    store.db,
    actor,
    parsed('clients.create', { fullName: 'Maria Lopez', dateOfBirth: '1984-02-29', state: 'CA' }),
  );
  const coverage = await createCoverage(
    store.db,
    actor,
    parsed('coverages.create', {
      clientId: maria.id,
      payer: 'Aetna',
      planType: 'employer-self-funded',
      memberId: 'W123456789',
    }),
  );
  const opened = await createCase(
    store.db,
    actor,
    parsed('cases.create', { clientId: maria.id, treatment: 'esketamine', payer: 'Aetna' }),
  );
  await updateCase(store.db, actor, { caseId: opened.id, changes: { coverageId: coverage.id } });
  const call = await addTimelineEvent(store.db, actor, opened.id, {
    type: 'phone_call',
    occurredAt: '2026-03-02T09:30:00-05:00',
    summary: 'Asked why the Spravato request is still pending',
    details: {
      direction: 'outbound',
      withWhom: 'Aetna',
      repName: 'Derek Olsen',
      referenceNumber: 'REF-20931-B',
      durationMinutes: 12,
      followUp: null,
    },
  });
  return { jurgen, maria, coverage, opened, call };
}
