import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../shared/contract';
import { casePriorities, type CaseOutcome, type CaseStage } from '../../shared/domain/case-stages';
import type { PlanType } from '../../shared/domain/plan-types';
import { describeTreatment, treatmentKinds, type TreatmentKind } from '../../shared/domain/treatments';
import { createCoverageInputSchema } from '../../shared/schemas/coverages';
import type { EventPayloadInput } from '../../shared/schemas/events';
import type { AdvocaseDatabase } from '../db/schema';
import { closeCase, createCase, updateCase } from '../cases/cases-service';
import {
  demoSavedCents,
  demoStepsFor,
  hasRequestedAuthorization,
  pickDemoOutcome,
  pickDemoStage,
} from './demo-case-paths';
import { addDemoEvidence } from './demo-evidence';
import { addAuthorization, createClient } from '../clients/clients-service';
import { createCoverage } from '../coverages/coverages-service';
import { addTimelineEvent } from '../events/events-service';
import { addDemoFundingOptions } from './demo-funding-options';
import { addDemoSentLetter } from './demo-sent-letters';

/**
 * A synthetic caseload for trying Advocase: invented people with realistic names, real payer
 * names with the plan types they sell, and the events a coverage fight produces at each stage,
 * dated so that appeal windows are open, due soon or (for a few) missed. Seeded, so every run
 * makes the same caseload. All member IDs start with DEMO.
 */

const firstNames = [
  'Maria',
  'James',
  'Aisha',
  'Daniel',
  'Priya',
  'Marcus',
  'Elena',
  'Tyrone',
  'Hannah',
  'Luis',
  'Mei',
  'Robert',
  'Fatima',
  'Kevin',
  'Sofia',
  'Andre',
  'Grace',
  'Omar',
  'Chloe',
  'Javier',
  'Nadia',
  'Patrick',
  'Yuki',
  'Denise',
  'Samuel',
  'Leah',
  'Victor',
  'Imani',
  'Ethan',
  'Rosa',
  'Hiroshi',
  'Brianna',
  'Carlos',
  'Megan',
  'Tariq',
  'Olivia',
];
const lastNames = [
  'Alvarez',
  'Bennett',
  'Chen',
  'Delgado',
  'Edwards',
  'Fitzgerald',
  'Garcia',
  'Haddad',
  'Ibrahim',
  'Johnson',
  'Kowalski',
  'Lindqvist',
  'Mbeki',
  'Nguyen',
  'Okafor',
  'Patel',
  'Quinn',
  'Rosenberg',
  'Santos',
  'Tanaka',
  'Underwood',
  'Vasquez',
  'Washington',
  'Xu',
  'Yilmaz',
  'Zimmerman',
  'Brooks',
  'Castillo',
  'Dubois',
  'Moreau',
];
/** Payers with the kinds of plan they sell, so each coverage's plan type is plausible. */
const payers: ReadonlyArray<readonly [payer: string, planTypes: readonly PlanType[]]> = [
  ['Aetna', ['employer-self-funded', 'employer-fully-insured']],
  ['Anthem Blue Cross', ['employer-fully-insured', 'individual']],
  ['Blue Shield of California', ['employer-fully-insured', 'individual']],
  ['Cigna', ['employer-self-funded']],
  ['UnitedHealthcare', ['employer-self-funded', 'employer-fully-insured', 'medicare-advantage']],
  ['Humana', ['medicare-advantage']],
  ['Kaiser Permanente', ['employer-fully-insured']],
  ['Medicare (Original)', ['medicare']],
  ['Medi-Cal', ['medicaid-managed-care']],
  ['Molina Healthcare', ['medicaid-managed-care']],
  ['Oscar Health', ['individual']],
  ['Ambetter', ['individual']],
  ['CalPERS', ['governmental-group']],
];
const states = ['CA', 'TX', 'NY', 'FL', 'IL', 'PA', 'OH', 'GA', 'NC', 'MI', 'WA', 'AZ', 'MA', 'CO', 'OR'];
const repNames = [
  'Tanya',
  'Mike R.',
  'Janelle',
  'Devon',
  'Kris',
  'Alejandro',
  'Beth',
  'Sam T.',
  'Noor',
  'Lamar',
];
const advocates = ['J. Rivera', 'A. Chen', 'M. Okafor', 'S. Patel'];
const otherTreatments = [
  'Stellate ganglion block',
  'Deep TMS (BrainsWay)',
  'Ketamine-assisted psychotherapy',
];
const procedureCodesFor: Readonly<Record<TreatmentKind, readonly string[]>> = {
  esketamine: ['J0013', 'G2083'],
  tms: ['90867', '90868'],
  iv_ketamine: ['96365', 'J3490'],
  other: [],
};
const denialReasons = [
  'Not medically necessary: fewer than two adequate antidepressant trials documented.',
  'Experimental or investigational for this diagnosis under the plan.',
  'Prior authorization criteria not met: no documented trial of psychotherapy.',
  'Out-of-network provider; no network gap shown.',
];

/** Mulberry32: a tiny seeded generator, so the demo is the same on every machine. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

const dayMs = 86_400_000;
const isoDate = (date: Date) => date.toISOString().slice(0, 10);

type DemoContext = {
  readonly random: () => number;
  readonly pick: <T>(items: readonly T[]) => T;
  /** A working-hours moment `days` ago. */
  readonly at: (days: number) => Date;
};

/**
 * The timeline a case at `stage` has behind it, oldest first, planned in days since intake and
 * then placed so that its latest step happened `lastDaysAgo` days ago. Returns the events and how
 * many days the whole timeline spans.
 */
function eventsForStage(
  stage: CaseStage,
  outcome: CaseOutcome | null,
  payer: string,
  treatment: string,
  lastDaysAgo: number,
  demo: DemoContext,
): { events: EventPayloadInput[]; spanDays: number } {
  const { pick, random, at } = demo;
  const reference = () => `REF-${Math.floor(random() * 9_000_000 + 1_000_000)}`;
  const plan: Array<{ day: number; make: (daysAgo: number) => EventPayloadInput }> = [];
  let day = 0;
  const step = (gap: number, make: (daysAgo: number) => EventPayloadInput) => {
    day += gap;
    plan.push({ day, make });
  };
  const call = (summary: string, answers?: ReadonlyArray<{ question: string; answer: string }>) =>
    step(3 + Math.floor(random() * 4), (daysAgo) => ({
      type: 'phone_call',
      occurredAt: at(daysAgo).toISOString(),
      summary,
      details: {
        withWhom: payer,
        repName: pick(repNames),
        referenceNumber: reference(),
        durationMinutes: 5 + Math.floor(random() * 35),
        ...(answers ? { direction: 'outbound', answers: answers.map((answer) => ({ ...answer })) } : {}),
      },
    }));
  step(0, (daysAgo) => ({
    type: 'note',
    occurredAt: at(daysAgo).toISOString(),
    summary: `Intake: client wants ${treatment} covered; records requested from the clinic.`,
    details: {},
  }));
  if (stage === 'benefits_verification')
    call(`Started the benefits verification for ${treatment}; the rep is checking the plan's rules.`);
  else if (stage !== 'intake')
    // The verification call with its answers: benefits verified, the case moves to gathering evidence.
    call(`Benefits verification call: ${treatment} needs prior authorization.`, [
      { question: 'Is prior authorization required?', answer: 'Yes, from the clinic or the member.' },
      { question: 'Which criteria policy applies?', answer: 'The payer will mail its policy.' },
    ]);
  if (stage !== 'intake' && stage !== 'benefits_verification')
    call('Asked for the medical-necessity criteria in writing; rep will mail them.');
  if (hasRequestedAuthorization(stage)) {
    step(7, (daysAgo) => {
      const sent = at(daysAgo).toISOString();
      return {
        type: 'prior_auth_submitted',
        occurredAt: sent,
        summary: `Prior authorization for ${treatment} faxed with the letter of medical necessity.`,
        details: {
          method: 'fax',
          confirmationNumber: reference(),
          receivedByPayerAt: sent,
          deliveryProof: { method: 'fax_confirmation', reference: reference(), deliveredAt: sent },
        },
      };
    });
    call('Rep says the request is in clinical review; decision promised within the time limit.');
  }
  for (const next of demoStepsFor(stage, outcome, random)) {
    if (next.kind === 'decision') {
      const isApproved = next.decision === 'approved';
      // Most decisions come within the payer's time; some late, as in life.
      step(random() < 0.8 ? 6 : 20, (daysAgo) => {
        const arrived = at(daysAgo);
        const printed = isoDate(new Date(arrived.getTime() - 2 * dayMs));
        return {
          type: 'payer_decision',
          occurredAt: arrived.toISOString(),
          summary: isApproved
            ? `${treatment} approved${next.level > 0 ? ` on appeal (level ${next.level})` : ''}.`
            : `${next.level === 0 ? 'Denial' : `Appeal level ${next.level} denial`} received.`,
          details: isApproved
            ? {
                decision: 'approved',
                level: next.level,
                noticeDate: printed,
                receivedOn: isoDate(arrived),
                approvedUnits: 36,
                approvedFrom: isoDate(arrived),
                approvedUntil: isoDate(new Date(arrived.getTime() + 150 * dayMs)),
              }
            : {
                decision: 'denied',
                level: next.level,
                noticeDate: printed,
                receivedOn: isoDate(arrived),
                reason: pick(denialReasons),
                isFinal: next.level === 2,
              },
        };
      });
    } else if (next.kind === 'appeal') {
      step(10 + Math.floor(random() * 20), (daysAgo) => ({
        type: 'appeal_filed',
        occurredAt: at(daysAgo).toISOString(),
        summary: `Level ${next.level} appeal faxed with the physician's letter and two studies.`,
        details: {
          level: next.level,
          method: 'fax',
          receivedByPayerOn: isoDate(at(daysAgo)),
          deliveryProof: random() < 0.8 ? { method: 'fax_confirmation', reference: reference() } : null,
        },
      }));
    } else if (next.kind === 'external-review') {
      step(15, (daysAgo) => ({
        type: 'external_review_requested',
        occurredAt: at(daysAgo).toISOString(),
        summary: 'External review requested after the final internal denial.',
        details: { reviewer: 'Independent review organization', receivedOn: isoDate(at(daysAgo)) },
      }));
    } else {
      step(5, (daysAgo) => ({
        type: 'note',
        occurredAt: at(daysAgo).toISOString(),
        summary: 'Applied to the manufacturer assistance program.',
        details: {},
      }));
    }
  }
  return { events: plan.map(({ day: offset, make }) => make(lastDaysAgo + (day - offset))), spanDays: day };
}

/**
 * How long ago a case at `stage` last moved. Requests and appeals awaiting the payer are recent,
 * as in a real caseload where a payer past its deadline is chased at once; a few are late.
 */
function daysSinceLastStep(stage: CaseStage, planType: PlanType, random: () => number): number {
  const within = (least: number, most: number) => least + Math.floor(random() * (most - least + 1));
  // Roughly the days a denial leaves to appeal on this plan (the deadline engine has the exact
  // rules): demo pacing only, so open windows spread over the months ahead and few have passed.
  const appealWindow =
    planType === 'medicaid-managed-care' || planType === 'medicare-advantage'
      ? 60
      : planType === 'medicare'
        ? 120
        : 180;
  switch (stage) {
    case 'prior_auth_submitted':
    case 'decision':
      return random() < 0.08 ? within(20, 40) : within(1, 7);
    case 'internal_appeal_1':
    case 'internal_appeal_2':
    case 'external_review':
      return random() < 0.08 ? within(35, 60) : within(2, 10);
    case 'denied':
      return random() < 0.04 ? appealWindow + within(1, 20) : within(1, appealWindow - 5);
    case 'alternative_funding':
      return within(5, appealWindow - 5);
    // The approval lasts 150 days and re-authorization is asked 30 days before it ends.
    case 'approved':
      return within(5, 110);
    case 'resolved':
      return within(10, 160);
    default:
      return within(3, 60);
  }
}

/**
 * Where the timeline left the case is its stage, except for the stages no step leads to
 * ("Awaiting decision", "Alternative funding"), set by hand as an advocate would; closed cases
 * are closed with their outcome and amount saved, their open deadlines no longer tracked.
 */
async function settleDemoStage(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  input: {
    caseId: number;
    stage: CaseStage;
    outcome: CaseOutcome | null;
    treatment: TreatmentKind;
    closedDaysAgo: number;
    midnight: Date;
    random: () => number;
  },
): Promise<void> {
  if (input.outcome !== null) {
    await closeCase(db, actor, {
      caseId: input.caseId,
      outcome: input.outcome,
      closedOn: isoDate(new Date(input.midnight.getTime() - input.closedDaysAgo * dayMs)),
      savedCents: demoSavedCents(input.outcome, input.treatment, input.random),
      openDeadlines: 'untrack',
      closeOutFollowUps: false,
    });
    return;
  }
  const current = await db
    .selectFrom('cases')
    .select('stage')
    .where('id', '=', input.caseId)
    .executeTakeFirstOrThrow();
  if (current.stage === input.stage) return;
  // Set by hand: the steps already on the timeline are not asked about again.
  await updateCase(db, actor, { caseId: input.caseId, changes: { stage: input.stage } });
}

export async function generateDemoCaseload(
  db: Kysely<AdvocaseDatabase>,
  options: { clientCount: number; today: Date; seed?: number },
): Promise<{ clients: number; cases: number; events: number }> {
  const random = seededRandom(options.seed ?? 20261123);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const midnight = new Date(
    Date.UTC(options.today.getUTCFullYear(), options.today.getUTCMonth(), options.today.getUTCDate()),
  );
  const at = (days: number) =>
    new Date(
      midnight.getTime() -
        days * dayMs +
        (14 + Math.floor(random() * 9)) * 3_600_000 +
        Math.floor(random() * 60) * 60_000,
    );
  const demo: DemoContext = { random, pick, at };
  const actor = 'demo-generator';
  let caseCount = 0;
  let eventCount = 0;

  for (let index = 0; index < options.clientCount; index += 1) {
    const birthYear = 1950 + Math.floor(random() * 55);
    const client = await createClient(db, actor, {
      fullName: `${pick(firstNames)} ${pick(lastNames)}`,
      dateOfBirth: isoDate(
        new Date(Date.UTC(birthYear, Math.floor(random() * 12), 1 + Math.floor(random() * 28))),
      ),
      state: pick(states),
    });
    // Most clients have signed an authorization; some have none yet, a few an expired one.
    const authorization = random();
    if (authorization < 0.85) {
      await addAuthorization(db, actor, {
        clientId: client.id,
        kind: pick(['hipaa_authorization', 'payer_authorized_representative'] as const),
        signedOn: isoDate(at(400 + Math.floor(random() * 200))),
        expiresOn: authorization < 0.08 ? isoDate(at(30)) : null,
        notes: null,
      });
    }
    const [payer, planTypes] = pick(payers);
    const coverageInput: ParsedInput<'coverages.create'> = createCoverageInputSchema.parse({
      clientId: client.id,
      payer,
      planType: pick(planTypes),
      memberId: `DEMO${Math.floor(random() * 900_000 + 100_000)}`,
      effectiveOn: `${options.today.getUTCFullYear()}-01-01`,
      deductibleCents: pick([50_000, 150_000, 300_000]),
      deductibleMetCents: Math.floor(random() * 50) * 1_000,
      coinsurancePercent: pick([10, 20, 30]),
    });
    const coverage = await createCoverage(db, actor, coverageInput);

    const casesForClient = random() < 0.15 ? 2 : 1;
    for (let caseIndex = 0; caseIndex < casesForClient; caseIndex += 1) {
      const treatment = pick(treatmentKinds);
      const stage = pickDemoStage(random);
      const outcome: CaseOutcome | null = stage === 'resolved' ? pickDemoOutcome(random) : null;
      const lastDaysAgo = daysSinceLastStep(stage, coverageInput.planType, random);
      const treatmentDetail = treatment === 'other' ? pick(otherTreatments) : null;
      const timeline = eventsForStage(
        stage,
        outcome,
        payer,
        describeTreatment(treatment, treatmentDetail),
        lastDaysAgo,
        demo,
      );
      const created = await createCase(db, actor, {
        clientId: client.id,
        treatment,
        treatmentDetail,
        payer,
        // A case to close starts open; its timeline then moves the stage (case-lifecycle.ts).
        stage: stage === 'resolved' ? 'intake' : stage,
        priority: random() < 0.1 ? 'urgent' : pick(casePriorities),
        openedOn: isoDate(at(lastDaysAgo + timeline.spanDays + 2)),
      });
      const isUrgent = random() < 0.08;
      await updateCase(db, actor, {
        caseId: created.id,
        changes: {
          coverageId: coverage.id,
          claimType: isUrgent ? 'urgent' : 'pre-service',
          isUrgent,
          procedureCodes: [...procedureCodesFor[treatment]],
          diagnosisCodes: [pick(['F33.2', 'F33.1', 'F32.2', 'F43.10'])],
          assignedAdvocate: pick(advocates),
        },
      });
      caseCount += 1;
      const eventIds: number[] = [];
      for (const event of timeline.events) {
        eventIds.push((await addTimelineEvent(db, actor, created.id, event)).id);
        eventCount += 1;
        if (event.type === 'appeal_filed') {
          await addDemoSentLetter(db, actor, {
            caseId: created.id,
            clientName: client.fullName,
            payer,
            treatment: describeTreatment(treatment, treatmentDetail),
            advocate: pick(advocates),
            appeal: event,
          });
          eventCount += 1;
        }
      }
      await settleDemoStage(db, actor, {
        caseId: created.id,
        stage,
        outcome,
        treatment,
        closedDaysAgo: lastDaysAgo - Math.floor(random() * Math.min(7, lastDaysAgo)),
        midnight,
        random,
      });
      await addDemoEvidence(db, actor, { caseId: created.id, stage, eventIds, random });
      await addDemoFundingOptions(db, actor, { caseId: created.id, stage, treatment, today: midnight });
    }
  }
  return { clients: options.clientCount, cases: caseCount, events: eventCount };
}
