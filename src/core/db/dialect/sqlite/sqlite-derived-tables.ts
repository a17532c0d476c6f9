import type { DerivedTableUpkeep } from '../derived-tables';

/**
 * The SQLite triggers, created by the frozen migrations, that keep each derived table, grouped
 * by the table they mainly keep (a coverage's trigger updates both client and case search). A migration adding a trigger lists it here, so another engine's port knows
 * every upkeep it must write (sqlite-derived-tables.test.ts compares this with a migrated store).
 */
export const sqliteUpkeepTriggers: Readonly<Record<string, readonly string[]>> = {
  // Migrations 0004, 0005, 0033, 0040 and 0070.
  caseload_entries: [
    'caseload_cases_insert',
    'caseload_cases_update',
    'caseload_cases_delete',
    'caseload_clients_update',
    'caseload_clients_delete',
    'caseload_coverages_update',
    'caseload_coverages_delete',
    'caseload_summary_insert',
    'caseload_summary_update',
    'caseload_summary_delete',
    'caseload_entry_deadlines',
    'caseload_evidence_insert',
    'caseload_evidence_update',
    'caseload_evidence_delete',
    'caseload_entry_evidence',
  ],
  // Migration 0020.
  client_search: [
    'clients_search_insert',
    'clients_search_update',
    'clients_search_delete',
    'coverages_search_insert',
    'coverages_search_update',
    'coverages_search_delete',
  ],
  case_search: [
    'cases_search_insert',
    'cases_search_update',
    'cases_search_delete',
    'clients_search_update_cases',
  ],
  event_search: [
    'events_search_insert',
    'events_search_update',
    'events_search_delete',
    'cases_search_trash',
  ],
  // Migration 0100: the caseload's stage counts, kept from its entries.
  caseload_stage_counts: [
    'caseload_stage_counts_insert',
    'caseload_stage_counts_delete',
    'caseload_stage_counts_update',
  ],
  // Migration 0101: the quick filter's trigram index of the entries' text.
  caseload_quick_filter: [
    'caseload_quick_filter_insert',
    'caseload_quick_filter_delete',
    'caseload_quick_filter_update',
  ],
  // Migration 0103: a number moved by every change of a caseload entry.
  caseload_changes: ['caseload_changes_insert', 'caseload_changes_update', 'caseload_changes_delete'],
  // Migration 0102: what Outcomes counts of each live case, following its caseload entry.
  case_outcome_facts: [
    'case_outcome_facts_insert',
    'case_outcome_facts_delete',
    'case_outcome_facts_update',
    'case_outcome_facts_cases_update',
  ],
  // Migration 0168: what Outcomes counts of the timeline, following the events and the entries.
  outcome_event_facts: [
    'outcome_event_facts_events_insert',
    'outcome_event_facts_events_update',
    'outcome_event_facts_events_delete',
    'outcome_event_facts_entries_insert',
    'outcome_event_facts_entries_delete',
    'outcome_event_facts_entries_update',
  ],
  // Migration 0205: Outcomes' payer decisions counted per month, following the kept event rows.
  outcome_decision_months: ['outcome_decision_months_insert', 'outcome_decision_months_delete'],
  // Migration 0207: Outcomes' own deadlines counted per due day, advocate and standing.
  outcome_deadline_days: [
    'outcome_deadline_days_deadline_insert',
    'outcome_deadline_days_deadline_delete',
    'outcome_deadline_days_deadline_update',
    'outcome_deadline_days_adjustment_insert',
    'outcome_deadline_days_adjustment_delete',
    'outcome_deadline_days_adjustment_update',
    'outcome_deadline_days_case_update',
    'outcome_deadline_days_case_delete',
    'outcome_deadline_days_client_update',
  ],
  // Migration 0160: the open dates per due day, which the reminder summary's overdue count sums.
  reminder_day_counts: [
    'reminder_day_counts_deadline_insert',
    'reminder_day_counts_deadline_delete',
    'reminder_day_counts_deadline_update',
    'reminder_day_counts_adjustment_insert',
    'reminder_day_counts_adjustment_delete',
    'reminder_day_counts_adjustment_update',
    'reminder_day_counts_task_insert',
    'reminder_day_counts_task_delete',
    'reminder_day_counts_task_update',
    'reminder_day_counts_case_update',
    'reminder_day_counts_case_delete',
    'reminder_day_counts_client_update',
  ],
  // Migration 0150: each editable record's version, moved by a change to its edited fields.
  record_versions: [
    'record_versions_cases_update',
    'record_versions_cases_delete',
    'record_versions_clients_update',
    'record_versions_clients_delete',
    'record_versions_coverages_update',
    'record_versions_coverages_delete',
  ],
  // Migration 0064: the audit log's chain is checked on insert, and rows are never deleted.
  audit_log: ['audit_log_inserted_chained', 'audit_log_never_deleted', 'audit_log_only_blanked'],
};

export const sqliteDerivedTables: DerivedTableUpkeep = {
  derivedTables: [
    {
      table: 'caseload_entries',
      follows: ['cases', 'clients', 'coverages', 'case_deadline_summaries', 'case_evidence_summaries'],
    },
    { table: 'caseload_stage_counts', follows: ['caseload_entries'] },
    { table: 'caseload_quick_filter', follows: ['caseload_entries'] },
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
    { table: 'record_versions', follows: ['cases', 'clients', 'coverages'] },
  ],
  guardedTables: ['audit_log'],
};
