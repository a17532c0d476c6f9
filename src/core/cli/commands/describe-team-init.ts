import { postgresMigrations } from '../../db/dialect/postgres/migrations';

/** The schema version a step brings a database to: its number ("0198-team-search-scoped" is 198). */
function schemaVersionOf(step: string): number {
  return Number.parseInt(step, 10);
}

/**
 * What `advocase team init` says, given the steps it applied (oldest first): what happened to the
 * database in plain words and its schema version as one number, not the steps' internal names.
 */
export function describeTeamInit(applied: readonly string[]): string {
  const chain = Object.keys(postgresMigrations);
  const version = schemaVersionOf(chain.at(-1) ?? '0');
  const first = applied[0];
  if (first === undefined) {
    return `The team database is already up to date (schema version ${version}); nothing changed.\n`;
  }
  const before = chain[chain.indexOf(first) - 1];
  if (before === undefined) {
    return `Team database set up (schema version ${version}). Next: advocase team add-user --login NAME --role admin --full-name "…".\n`;
  }
  return `Team database brought up to date: schema version ${schemaVersionOf(before)} to ${version}.\n`;
}
