import type { Kysely } from 'kysely';
import type { CaseStage } from '../../shared/domain/case-stages';
import type { TreatmentKind } from '../../shared/domain/treatments';
import { addFundingOptionInputSchema } from '../../shared/schemas/funding';
import type { AdvocaseDatabase } from '../db/schema';
import { addFundingOption } from '../funding/funding-options-service';

/**
 * Funding options on part of the demo caseload, so the Funding tab, the parallel tracks
 * board, the Agenda's funding dates and Outcomes' "funding granted" have something to show:
 * alternative-funding cases work two routes, some appeals run a grant application alongside,
 * some approved cases get co-pay help. Program names other than SPRAVATO withMe (in the
 * payer-criteria sources) are invented and say so. Dates are spread over the coming months.
 *
 * Each case's choices come from its own id, not the generator's random stream, so adding funding
 * options leaves the rest of the demo (names, stages, events) as it was.
 */

type DemoCase = {
  readonly caseId: number;
  readonly stage: CaseStage;
  readonly treatment: TreatmentKind;
  /** The generator's "today", at UTC midnight. */
  readonly today: Date;
};

const dayMs = 86_400_000;

/** A number in [0, 1) fixed by the case id and a salt: the same case always gets the same options. */
function rollFor(caseId: number, salt: number): number {
  const mixed = Math.imul(caseId ^ Math.imul(salt, 0x9e3779b1), 0x85ebca6b) ^ (caseId >>> 3);
  return ((mixed >>> 0) % 10_000) / 10_000;
}

export async function addDemoFundingOptions(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  demoCase: DemoCase,
): Promise<number> {
  const { caseId, stage, treatment, today } = demoCase;
  const day = (offset: number) => new Date(today.getTime() + offset * dayMs).toISOString().slice(0, 10);
  const within = (salt: number, least: number, most: number) =>
    least + Math.floor(rollFor(caseId, salt) * (most - least + 1));
  const options: unknown[] = [];

  if (stage === 'alternative_funding') {
    options.push(
      treatment === 'esketamine'
        ? {
            optionType: 'manufacturer_program',
            programName: 'SPRAVATO withMe',
            status: 'granted',
            appliedOn: day(-within(1, 30, 60)),
            decidedOn: day(-within(2, 5, 25)),
            renewalOn: day(within(3, 30, 170)),
            amountRequestedCents: 240_000,
            amountGrantedCents: within(4, 6, 18) * 10_000,
            nextStep: 'Send the renewal form before the grant lapses',
            nextStepOn: day(within(5, 14, 120)),
          }
        : {
            optionType: 'nonprofit_grant',
            programName: 'Community treatment grant (invented for the demo)',
            status: 'applied',
            appliedOn: day(-within(1, 3, 20)),
            responseExpectedOn: day(within(2, 10, 75)),
            amountRequestedCents: within(3, 15, 40) * 10_000,
            nextStep: 'Call the program for a status update',
            nextStepOn: day(within(4, 2, 21)),
          },
      {
        optionType: 'payment_plan',
        programName: 'Clinic payment plan',
        status: 'considering',
        applyBy: day(within(6, 20, 150)),
        nextStep: 'Ask the clinic for its Good Faith Estimate and plan terms',
        nextStepOn: day(within(7, 5, 40)),
      },
    );
  } else if (
    (stage === 'internal_appeal_1' || stage === 'internal_appeal_2' || stage === 'external_review') &&
    rollFor(caseId, 8) < 0.4
  ) {
    // Working a grant alongside the appeal: the parallel track an advocate starts early.
    options.push({
      optionType: 'nonprofit_grant',
      programName: 'Mental-health access fund (invented for the demo)',
      status: 'considering',
      applyBy: day(within(9, 10, 170)),
      nextStep: 'Gather the clinic’s cost estimate and the denial letter',
      nextStepOn: day(within(10, 1, 30)),
    });
  } else if (stage === 'resolved' && rollFor(caseId, 11) < 0.35) {
    options.push({
      optionType: 'copay_foundation',
      programName: 'Co-pay relief fund (invented for the demo)',
      status: 'granted',
      appliedOn: day(-within(12, 20, 60)),
      decidedOn: day(-within(13, 2, 15)),
      renewalOn: day(within(14, 60, 180)),
      amountGrantedCents: within(15, 5, 25) * 10_000,
    });
  }

  for (const option of options) {
    await addFundingOption(db, actor, addFundingOptionInputSchema.parse({ caseId, ...(option as object) }));
  }
  return options.length;
}
