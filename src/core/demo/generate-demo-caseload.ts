import type { Kysely } from 'kysely';
import { caseStages, casePriorities, type CaseStage } from '../../shared/domain/case-stages';
import { describeTreatment, treatmentKinds } from '../../shared/domain/treatments';
import type { AdvocaseDatabase } from '../db/schema';
import { createCase } from '../services/cases-service';
import { createClient } from '../services/clients-service';
import { addTimelineEvent } from '../services/events-service';

/**
 * A synthetic caseload for trying Advocase: invented people with realistic names, real payer
 * names, and the events a coverage fight produces. Seeded, so every run makes the same caseload.
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
const payers = [
  'Aetna',
  'Anthem Blue Cross',
  'Blue Cross Blue Shield of Texas',
  'Blue Shield of California',
  'Cigna',
  'Humana',
  'Kaiser Permanente',
  'UnitedHealthcare',
  'Medicare (Original)',
  'Medi-Cal',
  'Molina Healthcare',
  'Oscar Health',
  'Highmark',
  'CareFirst',
  'Ambetter',
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
const otherTreatments = [
  'Stellate ganglion block',
  'Deep TMS (BrainsWay)',
  'Ketamine-assisted psychotherapy',
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

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export async function generateDemoCaseload(
  db: Kysely<AdvocaseDatabase>,
  options: { clientCount: number; today: Date; seed?: number },
): Promise<{ clients: number; cases: number; events: number }> {
  const random = seededRandom(options.seed ?? 20261123);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const daysAgo = (days: number) => new Date(options.today.getTime() - days * 86_400_000);
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
    const casesForClient = random() < 0.15 ? 2 : 1;
    for (let caseIndex = 0; caseIndex < casesForClient; caseIndex += 1) {
      const treatment = pick(treatmentKinds);
      const stage: CaseStage = pick(caseStages);
      const openedDaysAgo = 5 + Math.floor(random() * 400);
      const created = await createCase(db, actor, {
        clientId: client.id,
        treatment,
        treatmentDetail: treatment === 'other' ? pick(otherTreatments) : null,
        payer: pick(payers),
        stage,
        priority: random() < 0.1 ? 'urgent' : pick(casePriorities),
        openedOn: isoDate(daysAgo(openedDaysAgo)),
      });
      caseCount += 1;
      const stepsTaken = caseStages.indexOf(stage) + 1;
      for (let step = 0; step < stepsTaken * 2; step += 1) {
        const occurredAt = daysAgo(
          openedDaysAgo - Math.floor(((step + 1) / (stepsTaken * 2 + 1)) * openedDaysAgo),
        );
        const reference = `REF-${Math.floor(random() * 9_000_000 + 1_000_000)}`;
        const isCall = step % 2 === 0;
        await addTimelineEvent(
          db,
          actor,
          created.id,
          isCall
            ? {
                type: 'phone_call',
                occurredAt: occurredAt.toISOString(),
                summary: `Called ${created.payer ?? 'the payer'} about the ${describeTreatment(treatment, null)} request; status checked`,
                details: {
                  direction: 'outbound',
                  withWhom: created.payer,
                  repName: pick(repNames),
                  referenceNumber: reference,
                  durationMinutes: 5 + Math.floor(random() * 40),
                },
              }
            : {
                type: 'note',
                occurredAt: occurredAt.toISOString(),
                summary: 'Requested records from the treating clinic',
                details: {},
              },
        );
        eventCount += 1;
      }
    }
  }
  return { clients: options.clientCount, cases: caseCount, events: eventCount };
}
