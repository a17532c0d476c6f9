import { submissionEventTypes } from '../../shared/domain/timeline-event-types';
import type { Destination } from '../../shared/schemas/outcomes';
import { eventDetail } from './event-detail-field';
import {
  isInPeriod,
  localDateOf,
  payerNotRecorded,
  scopedCases,
  utcWindow,
  type OutcomesDb,
  type OutcomesScope,
} from './outcomes-scope';

/**
 * Where submissions with a proof of delivery went, per payer: the payer's fax and appeals address
 * as the case's coverage records them (a submission itself keeps only its method), and the "to" of
 * a letter, fax or email logged as correspondence.
 */
export async function destinationsThatWorked(
  db: OutcomesDb,
  scope: OutcomesScope,
): Promise<ReadonlyMap<string, readonly Destination[]>> {
  const window = utcWindow(scope);
  const rows = await scopedCases(db, scope)
    .innerJoin('events', 'events.case_id', 'entry.case_id')
    .innerJoin('cases', 'cases.id', 'entry.case_id')
    .leftJoin('coverages', 'coverages.id', 'cases.coverage_id')
    .select([
      'entry.payer',
      'events.type',
      'events.occurred_at as occurredAt',
      'coverages.payer_fax as payerFax',
      'coverages.appeals_address as appealsAddress',
      eventDetail<string>(db, 'method').as('method'),
      eventDetail<string>(db, 'direction').as('direction'),
      eventDetail<string>(db, 'counterpart').as('counterpart'),
      eventDetail<string>(db, 'deliveryProof.method').as('proofMethod'),
    ])
    .where('events.type', 'in', [...submissionEventTypes, 'correspondence'])
    .where('events.deleted_at', 'is', null)
    .where('events.occurred_at', '>=', window.start)
    .where('events.occurred_at', '<', window.end)
    .execute();

  const counts = new Map<string, Map<string, Destination>>();
  for (const row of rows) {
    if (row.proofMethod === null || !isInPeriod(localDateOf(row.occurredAt, scope), scope)) continue;
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
    payerCounts.set(key, { ...destination, deliveries: (seen?.deliveries ?? 0) + 1 });
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
