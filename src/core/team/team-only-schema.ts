/**
 * What only a team database has: the PostgreSQL chain's steps and tables for people, roles,
 * assignment, the database-side audit trail and live changes. SQLite never will (a local store
 * has one person and no server to enforce policies), so the check that both chains yield the same
 * logical schema (docs/architecture.md, "two chains, checked to match") leaves exactly these out,
 * by name, rather than anything a pattern happens to match.
 */
export const teamOnlyMigrations: readonly string[] = [
  '0145-team-members-and-row-security',
  '0146-team-audit-trail',
  '0147-team-live-changes',
  '0148-team-row-versions',
  '0166-team-kept-totals-withheld',
];

export const teamOnlyTables: readonly string[] = [
  'team_members',
  'team_case_assignments',
  'team_client_assignments',
  'team_case_shares',
  'team_row_creators',
  'team_audit_log',
  'team_audit_head',
  'team_row_versions',
];
