import { sql, type Kysely } from 'kysely';
import { formatCaseNumber } from '../../shared/domain/case-number';
import type { HoursSummary } from '../../shared/schemas/time';
import type { AdvocaseDatabase } from '../db/schema';

export type HoursSummaryQuery = {
  readonly from: string;
  readonly to: string;
  /** The case's assigned advocate, as written on the case; null for everyone. */
  readonly advocate: string | null;
};

/**
 * Hours worked in a period, by case, by client and by month: what a nonprofit reports to its
 * funders and board. Minutes as worked (no billing rounding), stopped entries only; billable
 * and non-billable both count towards the total.
 */
export async function summarizeHours(
  db: Kysely<AdvocaseDatabase>,
  { from, to, advocate }: HoursSummaryQuery,
): Promise<HoursSummary> {
  let query = db
    .selectFrom('time_entries as t')
    .innerJoin('cases as c', 'c.id', 't.case_id')
    .innerJoin('clients as cl', 'cl.id', 'c.client_id')
    .select(['t.case_id', 't.worked_on', 't.minutes', 't.is_billable', 'cl.id as client_id', 'cl.full_name'])
    .where('t.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .where('t.minutes', 'is not', null)
    .where('t.worked_on', '>=', from)
    .where('t.worked_on', '<=', to);
  if (advocate !== null)
    query = query.where(sql<string>`lower(c.assigned_advocate)`, '=', advocate.toLowerCase());
  const rows = await query.orderBy('t.worked_on').execute();

  type Totals = { minutes: number; billableMinutes: number };
  const add = <K>(map: Map<K, Totals>, key: K, minutes: number, isBillable: boolean) => {
    const totals = map.get(key) ?? { minutes: 0, billableMinutes: 0 };
    totals.minutes += minutes;
    if (isBillable) totals.billableMinutes += minutes;
    map.set(key, totals);
  };
  const byCase = new Map<number, Totals>();
  const byClient = new Map<number, Totals>();
  const byMonth = new Map<string, Totals>();
  const clientNames = new Map<number, string>();
  const caseClients = new Map<number, number>();
  for (const row of rows) {
    const isBillable = row.is_billable === 1;
    const minutes = row.minutes ?? 0;
    add(byCase, row.case_id, minutes, isBillable);
    add(byClient, row.client_id, minutes, isBillable);
    add(byMonth, row.worked_on.slice(0, 7), minutes, isBillable);
    clientNames.set(row.client_id, row.full_name);
    caseClients.set(row.case_id, row.client_id);
  }
  const total = [...byClient.values()].reduce(
    (sum, totals) => ({
      minutes: sum.minutes + totals.minutes,
      billableMinutes: sum.billableMinutes + totals.billableMinutes,
    }),
    { minutes: 0, billableMinutes: 0 },
  );
  return {
    from,
    to,
    advocate,
    totalMinutes: total.minutes,
    billableMinutes: total.billableMinutes,
    byCase: [...byCase.entries()]
      .sort(([a], [b]) => a - b)
      .map(([caseId, totals]) => ({
        caseId,
        caseNumber: formatCaseNumber(caseId),
        clientName: clientNames.get(caseClients.get(caseId)!) ?? '',
        ...totals,
      })),
    byClient: [...byClient.entries()]
      .map(([clientId, totals]) => ({ clientId, clientName: clientNames.get(clientId) ?? '', ...totals }))
      .sort((a, b) => a.clientName.localeCompare(b.clientName)),
    byMonth: [...byMonth.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, totals]) => ({ month, ...totals })),
  };
}
