import { sql, type Kysely } from 'kysely';
import {
  adjustmentColumnsCounted,
  caseColumnsCounted,
  deadlineColumnsCounted,
  deadlineDayUpkeep,
  isLiveCaseRow,
} from '../../../migrations/0207-outcome-deadline-days';

/**
 * The PostgreSQL half of 0207 (the SQLite chain's `0207-outcome-deadline-days.ts` says why and
 * what is counted): the advocate's own deadlines counted per due day, advocate and standing, by
 * PL/pgSQL row triggers on the same tables running the same statements, firing on the same changes
 * and writing the same rows (checked by derived-tables-match.test.ts). As 0160's, the functions run
 * as the table's owner: a navigator who marks a deadline done changes the team's counts, which
 * they may not read (the team step `0207-team-outcome-deadline-days-withheld`).
 */
const { casesDeadlines, caseRowDeadlines, deadlineRow, adjustedDeadline } = deadlineDayUpkeep;

/** SQLite's UPDATE triggers fire only WHEN one of these changed; the same test here. */
const anyChanged = (columns: readonly string[]) =>
  columns.map((column) => `OLD.${column} IS DISTINCT FROM NEW.${column}`).join(' OR ');

/** Each function: [what it follows, the trigger's events, its body]. */
const followers: ReadonlyArray<readonly [table: string, events: string, body: string]> = [
  [
    'case_deadlines',
    `INSERT OR UPDATE OF ${deadlineColumnsCounted.join(', ')} OR DELETE`,
    `IF TG_OP = 'UPDATE' AND NOT (${anyChanged(deadlineColumnsCounted)}) THEN RETURN NULL; END IF;
     IF TG_OP IN ('DELETE', 'UPDATE') THEN ${deadlineRow('-1', 'OLD')} END IF;
     IF TG_OP IN ('INSERT', 'UPDATE') THEN ${deadlineRow('1', 'NEW')} END IF;`,
  ],
  [
    'deadline_adjustments',
    `INSERT OR UPDATE OF ${adjustmentColumnsCounted.join(', ')} OR DELETE`,
    `IF TG_OP = 'UPDATE' AND NOT (${anyChanged(adjustmentColumnsCounted)}) THEN RETURN NULL; END IF;
     IF TG_OP IN ('DELETE', 'UPDATE') THEN ${adjustedDeadline('-1', 'OLD', true)} ${adjustedDeadline('1', 'OLD', false)} END IF;
     IF TG_OP IN ('INSERT', 'UPDATE') THEN ${adjustedDeadline('-1', 'NEW', false)} ${adjustedDeadline('1', 'NEW', true)} END IF;`,
  ],
  [
    'cases',
    `UPDATE OF ${caseColumnsCounted.join(', ')}`,
    `IF NOT (${anyChanged(caseColumnsCounted)}) THEN RETURN NULL; END IF;
     ${caseRowDeadlines('-1', 'OLD')} ${caseRowDeadlines('1', 'NEW')}`,
  ],
  [
    'clients',
    'UPDATE OF deleted_at',
    `IF (OLD.deleted_at IS NULL) IS NOT DISTINCT FROM (NEW.deleted_at IS NULL) THEN RETURN NULL; END IF;
     ${casesDeadlines('CASE WHEN NEW.deleted_at IS NULL THEN 1 ELSE -1 END', 'c.client_id = NEW.id AND c.deleted_at IS NULL')}`,
  ],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
  const definer = `SECURITY DEFINER SET search_path = "${rows[0]!.schema}", pg_temp`;
  await db.schema
    .createTable('outcome_deadline_days')
    .addColumn('due_on', 'text', (column) => column.notNull())
    .addColumn('advocate', 'text', (column) => column.notNull())
    .addColumn('standing', 'text', (column) => column.notNull())
    .addColumn('deadlines', 'bigint', (column) => column.notNull())
    .addPrimaryKeyConstraint('outcome_deadline_days_key', ['due_on', 'advocate', 'standing'])
    .execute();
  await sql.raw(casesDeadlines('1', isLiveCaseRow('c'))).execute(db);
  await db.schema
    .createIndex('case_deadlines_by_actor_due')
    .on('case_deadlines')
    .columns(['actor', 'due_on', 'case_id'])
    .execute();
  for (const [table, events, body] of followers) {
    const name = `outcome_deadline_days_follow_${table}`;
    await sql
      .raw(
        `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql ${definer} AS $fn$ BEGIN
           ${body}
           RETURN NULL;
         END $fn$`,
      )
      .execute(db);
    await sql.raw(`REVOKE ALL ON FUNCTION ${name}() FROM PUBLIC`).execute(db);
    await sql
      .raw(`CREATE TRIGGER ${name} AFTER ${events} ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`)
      .execute(db);
  }
  // SQLite's outcome_deadline_days_case_delete: before the case's rows cascade away with it.
  await sql
    .raw(
      `CREATE FUNCTION outcome_deadline_days_leave_cases() RETURNS trigger LANGUAGE plpgsql ${definer} AS $fn$ BEGIN
         ${caseRowDeadlines('-1', 'OLD')}
         RETURN OLD;
       END $fn$`,
    )
    .execute(db);
  await sql`REVOKE ALL ON FUNCTION outcome_deadline_days_leave_cases() FROM PUBLIC`.execute(db);
  await sql`CREATE TRIGGER outcome_deadline_days_leave_cases BEFORE DELETE ON cases
              FOR EACH ROW EXECUTE FUNCTION outcome_deadline_days_leave_cases()`.execute(db);
}
