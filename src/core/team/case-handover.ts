import { sql, type Kysely } from 'kysely';
import type { CaseHolders, TeamMember } from '../../shared/schemas/assignments';
import type { TeamRole } from './team-roles';
import { inTransaction } from '../db/in-transaction';
import type { AdvocaseDatabase } from '../db/schema';
import { AppError } from '../errors';
import { addTimelineEvent } from '../events/events-service';

/**
 * Handing cases over in a team database: assigning a case, sharing it until a day, ending a
 * share, moving all of a person's cases (docs/team-mode.md). One implementation for the app's
 * contract and `advocase team assign|share|reassign`. Whether the caller may is decided by the
 * database's own functions (0145), which a navigator or viewer may not even run; each change
 * is in the team's audit trail (its trigger) and on the case's timeline, written here through
 * the timeline's ordinary path so it reads like any other note.
 */

type Db = Kysely<AdvocaseDatabase>;

/** What PostgreSQL says when the caller may not do something (`insufficient_privilege`). */
const refused = '42501';

/**
 * The database's refusals and its "no such person", in words a person can act on. A navigator
 * or viewer may not run the hand-over functions at all; the functions' own checks say the same.
 */
async function asTheDatabaseDecides<Result>(work: () => Promise<Result>): Promise<Result> {
  try {
    return await work();
  } catch (error) {
    const { code, message = '' } = (error ?? {}) as { code?: string; message?: string };
    if (code === refused) {
      throw new AppError(
        'UNAUTHORIZED',
        'Only a supervisor can assign, share or hand over cases. Ask a supervisor on your team to make this change.',
      );
    }
    // no_data_found: the function names the login it does not know.
    if (code === 'P0002') throw new AppError('NOT_FOUND', message);
    // The assignment's case is checked at the commit (a deferred key, 0145).
    if (code === '23503') {
      throw new AppError(
        'NOT_FOUND',
        'That case no longer exists (it may have been deleted). Refresh and try again.',
      );
    }
    throw error;
  }
}

/** A team database's own tables are not in the app's schema (they exist only there): raw SQL. */
const rowsOf = async <Row>(db: Db, query: ReturnType<typeof sql<Row>>) => (await query.execute(db)).rows;

/** The team as the caller may see it, with each person's cases assigned now. */
export async function listTeamMembersIn(db: Db): Promise<TeamMember[]> {
  const rows = await rowsOf(
    db,
    sql<{ login: string; full_name: string; role: TeamRole; disabled: number; assigned_cases: number }>`
      SELECT m.login, m.full_name, m.role, m.disabled,
             (SELECT count(*) FROM team_case_assignments a WHERE a.navigator_login = m.login) AS assigned_cases
      FROM team_members m ORDER BY m.login`,
  );
  return rows.map((row) => ({
    login: row.login,
    fullName: row.full_name,
    role: row.role,
    // The app's connection reads booleans as SQLite writes them, 1 or 0 (open-postgres-connection.ts).
    disabled: Boolean(row.disabled),
    assignedCases: Number(row.assigned_cases),
  }));
}

export async function caseHolders(db: Db, caseId: number): Promise<CaseHolders> {
  const [assigned] = await rowsOf(
    db,
    sql<{ login: string; full_name: string }>`
      SELECT a.navigator_login AS login, m.full_name FROM team_case_assignments a
      JOIN team_members m ON m.login = a.navigator_login WHERE a.case_id = ${caseId}`,
  );
  const shares = await rowsOf(
    db,
    sql<{ login: string; full_name: string; last_day: string }>`
      SELECT s.login, m.full_name, s.ends_on::text AS last_day FROM team_case_shares s
      JOIN team_members m ON m.login = s.login
      WHERE s.case_id = ${caseId} AND s.ends_on >= current_date ORDER BY s.ends_on, m.full_name`,
  );
  return {
    caseId,
    assignedTo: assigned ? { login: assigned.login, fullName: assigned.full_name } : null,
    shares: shares.map((row) => ({ login: row.login, fullName: row.full_name, lastDay: row.last_day })),
  };
}

async function fullNameOf(db: Db, login: string): Promise<string> {
  const [member] = await rowsOf(
    db,
    sql<{ full_name: string }>`SELECT full_name FROM team_members WHERE login = ${login}`,
  );
  return member?.full_name ?? login;
}

/** Who is making the change, as the timeline names them: their full name on the team. */
async function callerName(db: Db): Promise<string> {
  const [me] = await rowsOf(db, sql<{ login: string }>`SELECT session_user::text AS login`);
  return fullNameOf(db, me!.login);
}

/**
 * A note on the case's timeline through the ordinary path. An admin manages people and reads no
 * case (docs/team-mode.md, "Who sees what"), so when an admin hands cases over the audit trail
 * is the record of it and the timeline gets nothing it could not write.
 */
async function noteOnTimeline(db: Db, actor: string, caseId: number, summary: string): Promise<void> {
  const [role] = await rowsOf(db, sql<{ role: string | null }>`SELECT advocase_team_session_role() AS role`);
  if (role?.role === 'admin') return;
  await addTimelineEvent(db, actor, caseId, {
    type: 'note',
    occurredAt: new Date().toISOString(),
    summary,
    details: {},
  });
}

export function assignCaseTo(db: Db, actor: string, caseId: number, login: string): Promise<CaseHolders> {
  return asTheDatabaseDecides(() =>
    inTransaction(db, async (trx) => {
      const before = await caseHolders(trx, caseId);
      if (before.assignedTo?.login === login) return before;
      await sql`SELECT advocase_team_assign_case(${caseId}, ${login})`.execute(trx);
      const to = await fullNameOf(trx, login);
      const from = before.assignedTo ? ` (was ${before.assignedTo.fullName})` : '';
      await noteOnTimeline(trx, actor, caseId, `Assigned to ${to}${from} by ${await callerName(trx)}`);
      return caseHolders(trx, caseId);
    }),
  );
}

/** A share's last day as the timeline note says it ("Jan 6, 2027"): the note is stored text. */
function spelledDay(day: string): string {
  return new Intl.DateTimeFormat('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

/** Shares a case through its last day, `lastDay` (YYYY-MM-DD, the server's calendar). */
export function shareCaseWith(
  db: Db,
  actor: string,
  caseId: number,
  login: string,
  lastDay: string,
): Promise<CaseHolders> {
  return asTheDatabaseDecides(() =>
    inTransaction(db, async (trx) => {
      await sql`SELECT advocase_team_share_case(${caseId}, ${login}, ${lastDay}::date)`.execute(trx);
      const name = await fullNameOf(trx, login);
      await noteOnTimeline(
        trx,
        actor,
        caseId,
        `Shared with ${name} through ${spelledDay(lastDay)} by ${await callerName(trx)}`,
      );
      return caseHolders(trx, caseId);
    }),
  );
}

/**
 * Ends a share today: its last day becomes yesterday, through the same database function, so the
 * share's row stays as the record of who saw the case until when (shares last through their last
 * day, 0145).
 */
export function endCaseShare(db: Db, actor: string, caseId: number, login: string): Promise<CaseHolders> {
  return asTheDatabaseDecides(() =>
    inTransaction(db, async (trx) => {
      const before = await caseHolders(trx, caseId);
      const share = before.shares.find((running) => running.login === login);
      if (!share) return before;
      await sql`SELECT advocase_team_share_case(${caseId}, ${login}, current_date - 1)`.execute(trx);
      await noteOnTimeline(
        trx,
        actor,
        caseId,
        `Share with ${share.fullName} ended by ${await callerName(trx)}`,
      );
      return caseHolders(trx, caseId);
    }),
  );
}

/**
 * Moves every case and client of one person to a navigator, in one transaction. `expectedCases`
 * is the count the person confirmed: when it no longer matches, nothing moves.
 */
export function reassignAllCases(
  db: Db,
  actor: string,
  move: { readonly fromLogin: string; readonly toLogin: string; readonly expectedCases?: number },
): Promise<number> {
  return asTheDatabaseDecides(() =>
    inTransaction(db, async (trx) => {
      const moved = Number(
        (
          await rowsOf(
            trx,
            sql<{
              moved: number;
            }>`SELECT advocase_team_reassign(${move.fromLogin}, ${move.toLogin}) AS moved`,
          )
        )[0]!.moved,
      );
      if (move.expectedCases !== undefined && moved !== move.expectedCases) {
        throw new AppError(
          'INVALID_INPUT',
          `${await fullNameOf(trx, move.fromLogin)} now has ${moved} case${moved === 1 ? '' : 's'}, not ${move.expectedCases}: nothing was moved. Look at the count again and confirm.`,
          'expectedCases',
        );
      }
      const from = await fullNameOf(trx, move.fromLogin);
      const to = await fullNameOf(trx, move.toLogin);
      const by = await callerName(trx);
      // The rows the function just moved carry this transaction's time and the caller's login.
      const held = await rowsOf(
        trx,
        sql<{ case_id: number }>`
          SELECT case_id FROM team_case_assignments
          WHERE navigator_login = ${move.toLogin} AND assigned_at = now() AND assigned_by = session_user
          ORDER BY case_id`,
      );
      for (const { case_id } of held) {
        await noteOnTimeline(trx, actor, Number(case_id), `Assigned to ${to} (was ${from}) by ${by}`);
      }
      return moved;
    }),
  );
}
