import type Database from 'better-sqlite3-multiple-ciphers';
import { casePriorities, caseStages } from '../src/shared/domain/case-stages';
import { planTypes } from '../src/shared/domain/plan-types';
import { treatmentKinds } from '../src/shared/domain/treatments';

/**
 * A bench fixture, not app code: fills an already-migrated database with an invented caseload
 * by direct inserts (prepared statements, one transaction per batch). Seeded, so every run and
 * every machine gets the same rows.
 */

export type CaseloadSize = {
  readonly clients: number;
  readonly cases: number;
  readonly events: number;
  /** Events on the one case the bench opens ("a case with 5,000 events"). */
  readonly bigCaseEvents: number;
};

/**
 * The proportions of a caseload of `cases` cases: a client for every five cases, ten timeline
 * events a case, and one case with 5,000 events (the "open a case with 5,000 events" figure).
 */
export function caseloadOfSize(cases: number): CaseloadSize {
  return {
    clients: Math.max(1, Math.round(cases / 5)),
    cases,
    events: cases * 10,
    bigCaseEvents: Math.min(5_000, cases * 5),
  };
}

/** The case that carries `bigCaseEvents` events. */
export const bigCaseId = 1;

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

export const firstNames =
  'Maria James Aisha Daniel Priya Marcus Elena Tyrone Hannah Luis Mei Robert Fatima Kevin Sofia Andre Grace Omar Chloe Javier Nadia Patrick Yuki Denise Samuel Leah Victor Imani Ethan Rosa Hiroshi Brianna Carlos Megan Tariq Olivia'.split(
    ' ',
  );
export const lastNames =
  'Alvarez Bennett Chen Delgado Edwards Fitzgerald Garcia Haddad Ibrahim Johnson Kowalski Lindqvist Mbeki Nguyen Okafor Patel Quinn Rosenberg Santos Tanaka Underwood Vasquez Washington Xu Yilmaz Zimmerman Brooks Castillo Dubois Moreau'.split(
    ' ',
  );
export const payers = [
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
export const advocates = [
  'Dana Whitfield',
  'Luis Ortega',
  'Priya Raman',
  'Sam Okafor',
  'Jo Becker',
  'Mina Park',
];
export const states = [
  'CA',
  'TX',
  'NY',
  'FL',
  'IL',
  'PA',
  'OH',
  'GA',
  'NC',
  'MI',
  'WA',
  'AZ',
  'MA',
  'CO',
  'OR',
];
export const repNames = [
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

const day = 86_400_000;
/** The generator's today: every date is counted back from it. */
export const today = Date.UTC(2026, 10, 23);
const isoDate = (time: number) => new Date(time).toISOString().slice(0, 10);

/**
 * Inserts `count` rows a transaction of 100,000 at a time, saying after each how far it is and
 * how long a row took, so a fill that slows as it grows shows it.
 */
function inBatches(
  connection: Database.Database,
  count: number,
  progress: { readonly table: string; readonly log: (line: string) => void },
  insertOne: (index: number) => void,
): void {
  const batchSize = 100_000;
  for (let start = 0; start < count; start += batchSize) {
    const end = Math.min(count, start + batchSize);
    const started = performance.now();
    connection.transaction(() => {
      for (let index = start; index < end; index += 1) insertOne(index);
    })();
    if (count > batchSize)
      progress.log(
        `      ${progress.table}: ${end.toLocaleString('en-US')} of ${count.toLocaleString('en-US')} (${((1000 * (performance.now() - started)) / (end - start)).toFixed(0)} µs a row)`,
      );
  }
}

/**
 * The event that starts a case's deadlines, for three cases in ten, as a caseload in use has
 * them: a denial notice (the appeal filing deadline runs from it) on two, a prior authorization
 * the payer received (the payer's decision deadline) on one. Dated up to 400 and 40 days before
 * `today`, so there are deadlines overdue, due this week, this month and later.
 */
function deadlineStartOf(
  caseId: number,
): { type: string; occurredAt: string; summary: string; details: Record<string, unknown> } | null {
  const daysAgo = (caseId * 7919) % 400;
  switch (caseId % 10) {
    case 0:
    case 1: {
      const noticeDate = isoDate(today - daysAgo * day);
      return {
        type: 'payer_decision',
        occurredAt: `${noticeDate}T15:00:00.000Z`,
        summary: "Denial notice: not medically necessary under the plan's criteria",
        details: {
          decision: 'denied',
          level: 0,
          noticeDate,
          receivedOn: null,
          reason: 'Not medically necessary',
          referenceNumber: `DN-${caseId}`,
        },
      };
    }
    case 2: {
      const receivedAt = new Date(today - (daysAgo % 40) * day).toISOString();
      return {
        type: 'prior_auth_submitted',
        occurredAt: receivedAt,
        summary: 'Prior authorization request faxed with the letter of medical necessity',
        details: {
          method: 'fax',
          confirmationNumber: `PA-${caseId}`,
          isExpedited: false,
          receivedByPayerAt: receivedAt,
          deliveryProof: null,
        },
      };
    }
    default:
      return null;
  }
}

export function fillSyntheticCaseload(
  connection: Database.Database,
  size: CaseloadSize,
  log: (line: string) => void = () => {},
  seed = 20261123,
  /** When the trashed rows were trashed: recently, so the 30-day purge keeps them, as it would in use. */
  trashedAt = new Date().toISOString(),
): void {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const createdAt = new Date(today - 900 * day).toISOString();
  let tableStarted = performance.now();
  const tableDone = (table: string, rows: number) => {
    const seconds = (performance.now() - tableStarted) / 1000;
    log(`    ${rows.toLocaleString('en-US')} ${table} in ${seconds.toFixed(1)} s`);
    tableStarted = performance.now();
  };

  // Coverages go in before their clients (foreign keys checked at the end instead): a coverage
  // added to a client re-indexes the client for search, and a client added last is indexed once.
  connection.pragma('foreign_keys = OFF');
  // One coverage per client; every fifth client has a second (a change of job, Medicare at 65).
  const insertCoverage = connection.prepare(
    `insert into coverages (id, client_id, payer, plan_type, member_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)`,
  );
  const coverageOfClient: number[] = [];
  let coverageId = 0;
  inBatches(connection, size.clients, { table: 'coverages', log }, (index) => {
    for (let copy = 0; copy < (index % 5 === 0 ? 2 : 1); copy += 1) {
      coverageId += 1;
      insertCoverage.run(
        coverageId,
        index + 1,
        pick(payers),
        pick(planTypes),
        `M${String(100_000_000 + coverageId * 7)}`,
        createdAt,
        createdAt,
      );
      coverageOfClient[index + 1] = coverageId;
    }
  });

  tableDone('coverages', coverageId);

  const insertClient = connection.prepare(
    `insert into clients (id, full_name, date_of_birth, state, phone, created_at, updated_at, deleted_at)
     values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  inBatches(connection, size.clients, { table: 'clients', log }, (index) => {
    const birth = Date.UTC(
      1950 + Math.floor(random() * 55),
      Math.floor(random() * 12),
      1 + Math.floor(random() * 28),
    );
    insertClient.run(
      index + 1,
      `${pick(firstNames)} ${pick(lastNames)}`,
      isoDate(birth),
      pick(states),
      `555-01${String(index % 100).padStart(2, '0')}`,
      createdAt,
      createdAt,
      // About one client in 200 is in the trash.
      index % 200 === 199 ? trashedAt : null,
    );
  });

  tableDone('clients', size.clients);
  const danglingKeys = connection.pragma('foreign_key_check');
  if (Array.isArray(danglingKeys) && danglingKeys.length > 0)
    throw new Error('The generator wrote a coverage of no client.');
  connection.pragma('foreign_keys = ON');

  const insertCase = connection.prepare(
    `insert into cases (id, client_id, coverage_id, treatment, treatment_detail, payer, stage, priority, is_urgent,
       assigned_advocate, opened_on, created_at, updated_at, deleted_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  inBatches(connection, size.cases, { table: 'cases', log }, (index) => {
    const clientId = 1 + Math.floor(random() * size.clients);
    const treatment = pick(treatmentKinds);
    const opened = today - Math.floor(random() * 1000) * day;
    const updated = new Date(opened + Math.floor(random() * (today - opened + 1))).toISOString();
    // Most cases are linked to a coverage; older ones only name their payer.
    const isLinked = random() < 0.8;
    insertCase.run(
      index + 1,
      clientId,
      isLinked ? coverageOfClient[clientId]! : null,
      treatment,
      treatment === 'other' ? 'Stellate ganglion block' : null,
      pick(payers),
      pick(caseStages),
      random() < 0.08 ? 'urgent' : pick(casePriorities),
      random() < 0.05 ? 1 : 0,
      random() < 0.9 ? pick(advocates) : null,
      isoDate(opened),
      createdAt,
      updated,
      // About one case in 100 is in the trash.
      index % 100 === 98 ? trashedAt : null,
    );
  });

  tableDone('cases', size.cases);

  const insertEvent = connection.prepare(
    `insert into events (case_id, type, occurred_at, summary, details, created_at) values (?, ?, ?, ?, ?, ?)`,
  );
  const otherEvents = size.events - size.bigCaseEvents;
  const perCase = otherEvents / (size.cases - 1);
  let previousCaseId = 0;
  // Events go in case order, so the (case_id, occurred_at) index grows at its end.
  inBatches(connection, size.events, { table: 'events', log }, (index) => {
    const caseId =
      index < size.bigCaseEvents ? bigCaseId : 2 + Math.floor((index - size.bigCaseEvents) / perCase);
    const isFirstOfCase = caseId !== previousCaseId;
    previousCaseId = caseId;
    const startingDeadlines = isFirstOfCase ? deadlineStartOf(caseId) : null;
    if (startingDeadlines) {
      const { type, occurredAt, summary, details } = startingDeadlines;
      insertEvent.run(caseId, type, occurredAt, summary, JSON.stringify(details), occurredAt);
      return;
    }
    const occurredAt = new Date(today - Math.floor(random() * 1000 * day)).toISOString();
    const isCall = random() < 0.5;
    const reference = `REF-${Math.floor(random() * 9_000_000 + 1_000_000)}`;
    insertEvent.run(
      caseId,
      isCall ? 'phone_call' : 'note',
      occurredAt,
      isCall
        ? `Called ${pick(payers)} about the request; rep confirmed receipt, decision expected within 15 days`
        : 'Requested records from the treating clinic and sent the letter of medical necessity',
      isCall
        ? JSON.stringify({
            direction: 'outbound',
            repName: pick(repNames),
            referenceNumber: reference,
            durationMinutes: 12,
            followUp: null,
          })
        : '{}',
      occurredAt,
    );
  });
  tableDone('events', size.events);
}
