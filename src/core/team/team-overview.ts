import { sql, type Kysely } from 'kysely';
import { closedStages } from '../../shared/domain/case-lifecycle';
import { formatCaseNumber } from '../../shared/domain/case-number';
import { caseStages } from '../../shared/domain/case-stages';
import type { CaseloadFilters } from '../../shared/schemas/caseload';
import type { NavigatorCaseload, TeamOverview, UnassignedCase } from '../../shared/schemas/assignments';
import type { AdvocaseDatabase } from '../db/schema';
import { queryCaseload } from '../caseload/caseload-query-service';
import { listTeamMembersIn } from './case-handover';

type Db = Kysely<AdvocaseDatabase>;

const openStages = caseStages.filter((stage) => !closedStages.includes(stage));

/**
 * The caseload figures the Team page shows for one navigator, each the caseload's own query with
 * their name as the Advocate filter (a team database names the assignee on the case, 0195): the
 * same numbers the caseload shows with that filter, its "Overdue" filter and its "Appeals due in
 * 14 days" view, never a count of their own.
 */
export const navigatorCaseloadFilters = (fullName: string) => ({
  openCases: { advocates: [fullName], stages: openStages },
  overdueCases: { advocates: [fullName], hasOverdueDeadline: true },
  dueWithin14Days: { advocates: [fullName], claimantDeadlineWithinDays: 14 },
});

async function countOf(db: Db, filters: CaseloadFilters): Promise<number> {
  const { total } = await queryCaseload(db, {
    filters,
    quickFilter: null,
    sorting: [],
    offset: 0,
    limit: 1,
    includeStageCounts: false,
  });
  return total;
}

async function navigatorCaseload(
  db: Db,
  member: { readonly login: string; readonly fullName: string; readonly disabled: boolean },
): Promise<NavigatorCaseload> {
  const filters = navigatorCaseloadFilters(member.fullName);
  return {
    login: member.login,
    fullName: member.fullName,
    disabled: member.disabled,
    openCases: await countOf(db, filters.openCases),
    overdueCases: await countOf(db, filters.overdueCases),
    dueWithin14Days: await countOf(db, filters.dueWithin14Days),
  };
}

/** Open cases no navigator holds (a supervisor's own, or whose navigator's assignment was removed). */
async function unassignedCases(db: Db): Promise<{ rows: UnassignedCase[]; total: number }> {
  const unheld = sql`
    FROM cases c JOIN clients cl ON cl.id = c.client_id
    WHERE c.deleted_at IS NULL AND cl.deleted_at IS NULL
      AND c.stage NOT IN (${sql.join(closedStages)})
      AND NOT EXISTS (SELECT 1 FROM team_case_assignments a WHERE a.case_id = c.id)`;
  const { rows } = await sql<{
    id: number;
    full_name: string;
    treatment: UnassignedCase['treatment'];
    treatment_detail: string | null;
    stage: UnassignedCase['stage'];
    opened_on: string;
  }>`SELECT c.id, cl.full_name, c.treatment, c.treatment_detail, c.stage, c.opened_on ${unheld}
     ORDER BY c.opened_on, c.id LIMIT 200`.execute(db);
  const { rows: counted } = await sql<{ total: number }>`SELECT count(*) AS total ${unheld}`.execute(db);
  return {
    total: Number(counted[0]?.total ?? 0),
    rows: rows.map((row) => ({
      caseId: Number(row.id),
      caseNumber: formatCaseNumber(Number(row.id)),
      clientName: row.full_name,
      treatment: row.treatment,
      treatmentDetail: row.treatment_detail,
      stage: row.stage,
      openedOn: row.opened_on,
    })),
  };
}

/** The Team page: every navigator's caseload (disabled ones while they still hold cases) and the unheld cases. */
export async function teamOverview(db: Db): Promise<TeamOverview> {
  const members = await listTeamMembersIn(db);
  const navigators = [];
  for (const member of members) {
    if (member.role !== 'navigator' && member.assignedCases === 0) continue;
    if (member.disabled && member.assignedCases === 0) continue;
    navigators.push(await navigatorCaseload(db, member));
  }
  navigators.sort((left, right) => left.fullName.localeCompare(right.fullName));
  const unassigned = await unassignedCases(db);
  return { navigators, unassigned: unassigned.rows, unassignedTotal: unassigned.total };
}
