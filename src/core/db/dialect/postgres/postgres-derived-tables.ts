import type { DerivedTableUpkeep } from '../derived-tables';

/**
 * The tables the PostgreSQL chain keeps with PL/pgSQL triggers (0101-baseline-upkeep.ts and the
 * steps after it), the same as SQLite keeps from the same sources, but for the caseload's quick
 * filter: SQLite keeps a trigram table for it, PostgreSQL a pg_trgm index on caseload_entries,
 * which needs no upkeep.
 */
export const postgresDerivedTables: DerivedTableUpkeep = {
  derivedTables: [
    {
      table: 'caseload_entries',
      follows: ['cases', 'clients', 'coverages', 'case_deadline_summaries', 'case_evidence_summaries'],
    },
    { table: 'caseload_stage_counts', follows: ['caseload_entries'] },
    // 0102-case-outcome-facts.ts, 0103-caseload-changes.ts, 0168-outcome-event-facts.ts and
    // 0205-outcome-decision-months.ts, 0207-outcome-deadline-days.ts.
    { table: 'caseload_changes', follows: ['caseload_entries'] },
    { table: 'case_outcome_facts', follows: ['caseload_entries', 'cases'] },
    { table: 'outcome_event_facts', follows: ['caseload_entries', 'events'] },
    { table: 'outcome_decision_months', follows: ['outcome_event_facts'] },
    {
      table: 'outcome_deadline_days',
      follows: ['case_deadlines', 'deadline_adjustments', 'cases', 'clients'],
    },
    {
      table: 'reminder_day_counts',
      follows: ['case_deadlines', 'deadline_adjustments', 'tasks', 'cases', 'clients'],
    },
    { table: 'client_search', follows: ['clients', 'coverages'] },
    { table: 'case_search', follows: ['cases', 'clients', 'coverages'] },
    { table: 'event_search', follows: ['events', 'cases'] },
    // 0150-record-versions.ts.
    { table: 'record_versions', follows: ['cases', 'clients', 'coverages'] },
  ],
  guardedTables: ['audit_log'],
};
