import type { Destination } from '../../shared/schemas/outcomes';
import { countedEvents, deliveredEventTypes, periodInstants } from './outcome-events';
import { payerNotRecorded, type OutcomesDb, type OutcomesScope } from './outcomes-scope';

/**
 * Where submissions with a proof of delivery went, per payer: the payer's fax and appeals address
 * as the case's coverage records them (a submission itself keeps only its method), and the "to" of
 * a letter, fax or email logged as correspondence.
 */
export async function destinationsThatWorked(
  db: OutcomesDb,
  scope: OutcomesScope,
): Promise<ReadonlyMap<string, readonly Destination[]>> {
  const period = periodInstants(scope);
  // Counted by the database: each payer's deliveries by where they went, never one row per event.
  const rows = await db
    .selectFrom(await countedEvents(db, scope))
    .innerJoin('cases', 'cases.id', 'counted.case_id')
    .leftJoin('coverages', 'coverages.id', 'cases.coverage_id')
    .select([
      'counted.payer',
      'counted.type',
      'counted.method',
      'counted.direction',
      'counted.counterpart',
      'coverages.payer_fax as payerFax',
      'coverages.appeals_address as appealsAddress',
      (eb) => eb.fn.countAll<number | string>().as('deliveries'),
    ])
    .where('counted.type', 'in', [...deliveredEventTypes])
    .where('counted.occurred_at', '>=', period.start)
    .where('counted.occurred_at', '<', period.end)
    .groupBy([
      'counted.payer',
      'counted.type',
      'counted.method',
      'counted.direction',
      'counted.counterpart',
      'coverages.payer_fax',
      'coverages.appeals_address',
    ])
    .execute();

  const counts = new Map<string, Map<string, Destination>>();
  for (const row of rows) {
    const destination: Pick<Destination, 'channel' | 'destination'> | null =
      row.type === 'correspondence'
        ? row.direction === 'sent' && row.counterpart
          ? { channel: 'correspondence', destination: row.counterpart }
          : null
        : row.method === 'fax' && row.payerFax
          ? { channel: 'fax', destination: row.payerFax }
          : row.method === 'mail' && row.appealsAddress
            ? { channel: 'mail', destination: row.appealsAddress }
            : null;
    if (destination === null) continue;
    const payer = row.payer ?? payerNotRecorded;
    const payerCounts = counts.get(payer) ?? new Map<string, Destination>();
    const key = `${destination.channel}\u0000${destination.destination}`;
    const seen = payerCounts.get(key);
    payerCounts.set(key, { ...destination, deliveries: (seen?.deliveries ?? 0) + Number(row.deliveries) });
    counts.set(payer, payerCounts);
  }
  return new Map(
    [...counts].map(([payer, byDestination]) => [
      payer,
      [...byDestination.values()].sort(
        (a, b) => b.deliveries - a.deliveries || a.destination.localeCompare(b.destination),
      ),
    ]),
  );
}
