/**
 * What only a team database has: the PostgreSQL chain's steps and tables for people, roles,
 * assignment, the database-side audit trail, live changes, documents' files, the local stores
 * moved in, and what lets many people write side by side (the app's audit log sealed after commit,
 * the caseload's change marks, 0208). SQLite never will (a local store has one person and no server to enforce policies),
 * so the check that both chains yield the same logical schema (docs/architecture.md, "two chains,
 * checked to match") leaves exactly these out, by name, rather than anything a pattern happens to
 * match.
 */
export const teamOnlyMigrations: readonly string[] = [
  '0145-team-members-and-row-security',
  '0146-team-audit-trail',
  '0147-team-live-changes',
  '0148-team-row-versions',
  '0155-record-versions-for-the-team',
  '0166-team-kept-totals-withheld',
  '0169-team-outcome-event-facts-withheld',
  '0190-team-stored-files',
  '0191-team-local-imports',
  '0195-team-assignee-named-on-case',
  '0196-team-audit-sealed-after-commit',
  '0197-team-holders-read-with-the-case',
  '0198-team-search-scoped',
  '0200-team-viewer-records-own-access',
  '0201-team-search-by-index',
  '0205-team-outcome-decision-months-withheld',
  '0207-team-outcome-deadline-days-withheld',
  '0208-team-writes-side-by-side',
];

export const teamOnlyTables: readonly string[] = [
  'team_members',
  'team_case_assignments',
  'team_client_assignments',
  'team_case_shares',
  'team_row_creators',
  'team_audit_log',
  'team_audit_head',
  'team_audit_pending',
  'team_stored_files',
  'team_stored_file_chunks',
  'team_local_imports',
  'audit_log_chain',
  'audit_log_chain_head',
  'caseload_change_marks',
];
