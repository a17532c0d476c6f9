import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/contract/index';

/** The contract, reached in-process (integration tests) or over the web harness (end to end). */
export type CallContract = <M extends MethodName>(
  method: M,
  input: MethodInput<M>,
) => Promise<MethodOutput<M>>;

/**
 * Sixteen hand-made cases for the outcomes figures: three payers (Aetna, Cigna, UnitedHealthcare),
 * two treatments (esketamine, TMS), decisions at the initial level and on a first appeal, two
 * advocates (Rosa Diaz, Sam Lee) and one case with none. C1–C4 have an ERISA employer plan and a
 * pre-service claim, so the deadline engine dates them; the others name only a payer. C14 opened
 * in 2025, C15 lived entirely in 2025, and C16 is in the trash. The expected figures are worked
 * out by hand in outcomes-report.test.ts.
 */

type Decision = 'approved' | 'partially_approved' | 'denied';

type DecisionFact = {
  readonly on: string;
  readonly decision: Decision;
  readonly level?: number;
  readonly reason?: string;
  readonly receivedOn?: string;
};

type CaseFact = {
  readonly label: string;
  readonly client: string;
  readonly payer: 'Aetna' | 'Cigna' | 'UnitedHealthcare';
  readonly treatment: 'esketamine' | 'tms';
  readonly advocate: string | null;
  readonly openedOn: string;
  readonly closedOn?: string;
  readonly outcome?: 'approved' | 'partially_approved' | 'denied_final' | 'self_pay' | 'withdrawn';
  readonly savedDollars?: number;
  /** An ERISA employer plan, pre-service claim: the engine computes its deadlines. */
  readonly hasErisaCoverage?: boolean;
  readonly priorAuth?: {
    readonly receivedOn: string;
    readonly method: 'fax' | 'portal';
    readonly hasProof: boolean;
  };
  readonly appeal?: {
    readonly receivedOn: string;
    readonly method: 'fax' | 'mail';
    readonly hasProof: boolean;
  };
  readonly decisions?: readonly DecisionFact[];
  readonly isTrashed?: boolean;
};

export const payerFaxes = {
  Aetna: '(800) 555-0101',
  Cigna: '(800) 555-0202',
  UnitedHealthcare: '(800) 555-0303',
};
export const appealsAddresses = {
  Aetna: 'PO Box 14463, Lexington, KY 40512',
  Cigna: 'PO Box 188011, Chattanooga, TN 37422',
  UnitedHealthcare: 'PO Box 30432, Salt Lake City, UT 84130',
};
export const cignaAppealsUnit = 'Cigna appeals unit, fax (800) 555-0404';

export const fixtureCases: readonly CaseFact[] = [
  {
    label: 'C1',
    client: 'K1 Avery Stone',
    payer: 'Aetna',
    treatment: 'esketamine',
    advocate: 'Rosa Diaz',
    openedOn: '2026-01-05',
    closedOn: '2026-03-01',
    outcome: 'approved',
    savedDollars: 12_000,
    hasErisaCoverage: true,
    priorAuth: { receivedOn: '2026-01-06', method: 'fax', hasProof: true },
    appeal: { receivedOn: '2026-02-12', method: 'mail', hasProof: true },
    decisions: [
      { on: '2026-01-16', decision: 'denied', reason: 'Not medically necessary.', receivedOn: '2026-01-18' },
      { on: '2026-02-20', decision: 'approved', level: 1 },
    ],
  },
  {
    label: 'C2',
    client: 'K2 Blake Moreno',
    payer: 'Aetna',
    treatment: 'tms',
    advocate: 'Rosa Diaz',
    openedOn: '2026-01-20',
    closedOn: '2026-09-15',
    outcome: 'denied_final',
    hasErisaCoverage: true,
    priorAuth: { receivedOn: '2026-02-02', method: 'fax', hasProof: true },
    decisions: [
      { on: '2026-03-02', decision: 'denied', reason: 'not medically necessary', receivedOn: '2026-03-04' },
    ],
  },
  {
    label: 'C3',
    client: 'K3 Casey Wong',
    payer: 'Cigna',
    treatment: 'esketamine',
    advocate: 'Sam Lee',
    openedOn: '2026-02-03',
    hasErisaCoverage: true,
    priorAuth: { receivedOn: '2026-02-04', method: 'portal', hasProof: true },
  },
  {
    label: 'C4',
    client: 'K4 Dana Okafor',
    payer: 'Cigna',
    treatment: 'tms',
    advocate: 'Sam Lee',
    openedOn: '2026-02-10',
    hasErisaCoverage: true,
    priorAuth: { receivedOn: '2026-02-11', method: 'fax', hasProof: false },
    appeal: { receivedOn: '2026-03-10', method: 'fax', hasProof: true },
    decisions: [
      {
        on: '2026-02-20',
        decision: 'denied',
        reason: 'Experimental or investigational',
        receivedOn: '2026-02-21',
      },
      {
        on: '2026-04-01',
        decision: 'denied',
        level: 1,
        reason: 'EXPERIMENTAL or investigational.',
        receivedOn: '2026-04-03',
      },
    ],
  },
  {
    label: 'C5',
    client: 'K1 Avery Stone',
    payer: 'UnitedHealthcare',
    treatment: 'esketamine',
    advocate: 'Rosa Diaz',
    openedOn: '2026-03-02',
    closedOn: '2026-04-01',
    outcome: 'approved',
    savedDollars: 8_500,
    decisions: [{ on: '2026-03-20', decision: 'approved' }],
  },
  {
    label: 'C6',
    client: 'K5 Eli Novak',
    payer: 'UnitedHealthcare',
    treatment: 'tms',
    advocate: 'Rosa Diaz',
    openedOn: '2026-03-15',
    closedOn: '2026-05-01',
    outcome: 'partially_approved',
    savedDollars: 3_000,
    decisions: [{ on: '2026-04-10', decision: 'partially_approved' }],
  },
  {
    label: 'C7',
    client: 'K6 Finley Adams',
    payer: 'UnitedHealthcare',
    treatment: 'esketamine',
    advocate: 'Sam Lee',
    openedOn: '2026-04-01',
    closedOn: '2026-06-01',
    outcome: 'approved',
    savedDollars: 9_000,
    decisions: [
      { on: '2026-04-21', decision: 'denied', reason: 'Step therapy not met' },
      { on: '2026-05-20', decision: 'approved', level: 1 },
    ],
  },
  {
    label: 'C8',
    client: 'K6 Finley Adams',
    payer: 'UnitedHealthcare',
    treatment: 'tms',
    advocate: 'Sam Lee',
    openedOn: '2026-04-15',
    closedOn: '2026-07-01',
    outcome: 'self_pay',
    decisions: [
      { on: '2026-05-05', decision: 'denied', reason: 'Step therapy not met.' },
      { on: '2026-06-10', decision: 'denied', level: 1, reason: 'Step   therapy not met' },
    ],
  },
  {
    label: 'C9',
    client: 'K7 Gray Patel',
    payer: 'Aetna',
    treatment: 'esketamine',
    advocate: 'Sam Lee',
    openedOn: '2026-05-04',
    closedOn: '2026-06-15',
    outcome: 'approved',
    savedDollars: 10_000,
    decisions: [{ on: '2026-05-25', decision: 'approved' }],
  },
  {
    label: 'C10',
    client: 'K8 Harper Quinn',
    payer: 'Cigna',
    treatment: 'esketamine',
    advocate: 'Rosa Diaz',
    openedOn: '2026-05-18',
    closedOn: '2026-07-20',
    outcome: 'approved',
    savedDollars: 7_000,
    decisions: [
      { on: '2026-06-01', decision: 'denied', reason: 'Not medically necessary' },
      { on: '2026-07-02', decision: 'approved', level: 1 },
    ],
  },
  {
    label: 'C11',
    client: 'K9 Indigo Ruiz',
    payer: 'Cigna',
    treatment: 'tms',
    advocate: null,
    openedOn: '2026-06-01',
    decisions: [{ on: '2026-06-22', decision: 'approved' }],
  },
  {
    label: 'C12',
    client: 'K10 Jordan Blake',
    payer: 'Aetna',
    treatment: 'tms',
    advocate: 'Rosa Diaz',
    openedOn: '2026-06-10',
  },
  {
    label: 'C13',
    client: 'K11 Kai Laurent',
    payer: 'UnitedHealthcare',
    treatment: 'esketamine',
    advocate: 'Sam Lee',
    openedOn: '2026-07-06',
    closedOn: '2026-08-01',
    outcome: 'withdrawn',
  },
  {
    label: 'C14',
    client: 'K12 Lee Morgan',
    payer: 'Aetna',
    treatment: 'esketamine',
    advocate: 'Rosa Diaz',
    openedOn: '2025-11-10',
    closedOn: '2026-01-20',
    outcome: 'approved',
    savedDollars: 5_000,
    decisions: [
      { on: '2025-12-15', decision: 'denied', reason: 'Not medically necessary' },
      { on: '2026-01-12', decision: 'approved', level: 1 },
    ],
  },
  {
    label: 'C15',
    client: 'K13 Morgan Ellis',
    payer: 'Cigna',
    treatment: 'tms',
    advocate: 'Sam Lee',
    openedOn: '2025-03-01',
    closedOn: '2025-05-01',
    outcome: 'approved',
    savedDollars: 4_000,
    decisions: [{ on: '2025-04-01', decision: 'approved' }],
  },
  {
    label: 'C16',
    client: 'K14 Noa Fischer',
    payer: 'UnitedHealthcare',
    treatment: 'esketamine',
    advocate: 'Rosa Diaz',
    openedOn: '2026-02-01',
    isTrashed: true,
    decisions: [{ on: '2026-02-15', decision: 'denied', reason: 'Step therapy not met' }],
  },
];

const proofFor = { fax: 'fax_confirmation', portal: 'portal_confirmation', mail: 'certified_mail' } as const;

/** Enters one case the way an advocate would, through the contract; returns its id. */
async function enterCase(
  call: CallContract,
  fact: CaseFact,
  clientIds: Map<string, number>,
): Promise<number> {
  const clientId =
    clientIds.get(fact.client) ??
    (await call('clients.create', { fullName: fact.client.slice(fact.client.indexOf(' ') + 1) })).id;
  clientIds.set(fact.client, clientId);
  const created = await call('cases.create', {
    clientId,
    treatment: fact.treatment,
    payer: fact.payer,
    openedOn: fact.openedOn,
  });
  if (fact.hasErisaCoverage) {
    const coverage = await call('coverages.create', {
      clientId,
      payer: fact.payer,
      planType: 'employer-self-funded',
      payerFax: payerFaxes[fact.payer],
      appealsAddress: appealsAddresses[fact.payer],
    });
    await call('cases.update', {
      caseId: created.id,
      changes: { coverageId: coverage.id, claimType: 'pre-service' },
    });
  }
  if (fact.priorAuth) {
    const at = `${fact.priorAuth.receivedOn}T15:00:00Z`;
    await call('events.add', {
      caseId: created.id,
      event: {
        type: 'prior_auth_submitted',
        occurredAt: at,
        summary: 'Prior authorization request',
        details: {
          method: fact.priorAuth.method,
          receivedByPayerAt: at,
          deliveryProof: fact.priorAuth.hasProof ? { method: proofFor[fact.priorAuth.method] } : null,
        },
      },
    });
  }
  const decisions = fact.decisions ?? [];
  for (const decision of decisions.filter((candidate) => (candidate.level ?? 0) === 0))
    await addDecision(call, created.id, decision);
  if (fact.appeal) {
    await call('events.add', {
      caseId: created.id,
      event: {
        type: 'appeal_filed',
        occurredAt: `${fact.appeal.receivedOn}T15:00:00Z`,
        summary: 'First-level appeal',
        details: {
          level: 1,
          method: fact.appeal.method,
          receivedByPayerOn: fact.appeal.receivedOn,
          deliveryProof: fact.appeal.hasProof ? { method: proofFor[fact.appeal.method] } : null,
        },
      },
    });
  }
  for (const decision of decisions.filter((candidate) => (candidate.level ?? 0) > 0))
    await addDecision(call, created.id, decision);
  await call('cases.update', {
    caseId: created.id,
    changes: {
      assignedAdvocate: fact.advocate,
      ...(fact.closedOn ? { closedOn: fact.closedOn, stage: 'resolved' as const } : {}),
      ...(fact.outcome ? { outcome: fact.outcome } : {}),
      ...(fact.savedDollars ? { savedCents: fact.savedDollars * 100 } : {}),
    },
  });
  if (fact.isTrashed) await call('trash.moveCase', { caseId: created.id });
  return created.id;
}

async function addDecision(call: CallContract, caseId: number, decision: DecisionFact): Promise<void> {
  await call('events.add', {
    caseId,
    event: {
      type: 'payer_decision',
      occurredAt: `${decision.on}T15:00:00Z`,
      summary: `Payer decision: ${decision.decision}`,
      details: {
        decision: decision.decision,
        level: decision.level ?? 0,
        noticeDate: decision.on,
        receivedOn: decision.receivedOn ?? null,
        reason: decision.reason ?? null,
      },
    },
  });
}

/**
 * Every fixture case, plus two letters logged as correspondence on C10 (one sent with proof, one
 * received) and three funding options: C8's grant of $2,500 decided 2026-07-10, C2's denied
 * charity-care application, and C15's $1,000 co-pay help decided in 2025.
 */
export async function enterOutcomesFixture(call: CallContract): Promise<ReadonlyMap<string, number>> {
  const clientIds = new Map<string, number>();
  const caseIds = new Map<string, number>();
  for (const fact of fixtureCases) caseIds.set(fact.label, await enterCase(call, fact, clientIds));
  for (const direction of ['sent', 'received'] as const) {
    await call('events.add', {
      caseId: caseIds.get('C10')!,
      event: {
        type: 'correspondence',
        occurredAt: '2026-06-05T15:00:00Z',
        summary: `Appeal letter ${direction}`,
        details: {
          direction,
          channel: 'fax',
          counterpart: cignaAppealsUnit,
          deliveryProof: { method: 'fax_confirmation' },
        },
      },
    });
  }
  const funding = [
    {
      label: 'C8',
      optionType: 'nonprofit_grant',
      programName: 'Ketamine access grant',
      status: 'granted',
      decidedOn: '2026-07-10',
      amountGrantedCents: 250_000,
    },
    {
      label: 'C2',
      optionType: 'charity_care',
      programName: 'Hospital charity care',
      status: 'denied',
      decidedOn: '2026-04-02',
      amountGrantedCents: null,
    },
    {
      label: 'C15',
      optionType: 'copay_foundation',
      programName: 'Co-pay foundation',
      status: 'granted',
      decidedOn: '2025-04-15',
      amountGrantedCents: 100_000,
    },
  ] as const;
  for (const { label, ...option } of funding)
    await call('funding.add', { caseId: caseIds.get(label)!, ...option });
  return caseIds;
}
