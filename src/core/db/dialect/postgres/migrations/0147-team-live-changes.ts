import { sql, type Kysely } from 'kysely';

/**
 * Live changes (docs/team-mode.md, "Live"): a change to a case, client, timeline event or
 * deadline, or a case's assignment, is announced on the channel `advocase_changes` as JSON
 * `{table, id, case_id, by}`, delivered when the change commits to every session that LISTENs,
 * so each open copy refreshes what it shows. Only ids and the login travel: a session that is
 * told re-reads through its own policies, and sees nothing it could not see before.
 */
const announced: ReadonlyArray<readonly [table: string, caseIdColumn: string | null]> = [
  ['cases', 'id'],
  ['clients', null],
  ['events', 'case_id'],
  ['case_deadlines', 'case_id'],
  ['team_case_assignments', 'case_id'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `CREATE FUNCTION advocase_team_announce_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
       DECLARE
         written jsonb := to_jsonb(coalesce(NEW, OLD));
       BEGIN
         PERFORM pg_notify('advocase_changes', json_build_object(
           'table', TG_TABLE_NAME,
           'id', coalesce(written->'id', written->'case_id'),
           'case_id', CASE WHEN TG_NARGS > 0 THEN written->TG_ARGV[0] END,
           'by', session_user)::text);
         RETURN NULL;
       END $fn$`,
    )
    .execute(db);
  for (const [table, caseIdColumn] of announced) {
    const argument = caseIdColumn ? `'${caseIdColumn}'` : '';
    await sql
      .raw(
        `CREATE TRIGGER ${table}_team_announce AFTER INSERT OR UPDATE OR DELETE ON ${table}
         FOR EACH ROW EXECUTE FUNCTION advocase_team_announce_change(${argument})`,
      )
      .execute(db);
  }
}
