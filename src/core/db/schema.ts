import type { AuditLogTable } from './tables/audit-log';
import type { AuthorizationsTable } from './tables/authorizations';
import type { CaseloadEntriesTable } from './tables/caseload-entries';
import type { CaseloadViewsTable } from './tables/caseload-views';
import type {
  CaseDeadlineSummariesTable,
  CaseDeadlinesTable,
  DeadlineAdjustmentsTable,
  PayerRequestsTable,
} from './tables/case-deadlines';
import type { CasesTable } from './tables/cases';
import type { ClientsTable } from './tables/clients';
import type { CoveragesTable } from './tables/coverages';
import type { EditGroupsTable } from './tables/edit-groups';
import type { EventsTable } from './tables/events';
import type {
  FundingDismissalsTable,
  FundingOptionsTable,
  ParallelTrackNotesTable,
} from './tables/funding-options';
import type { ImportMappingsTable } from './tables/import-mappings';
import type { LetterTemplatesTable, LettersTable } from './tables/letters';
import type { GeneratedFilesTable } from './tables/generated-files';
import type { ProviderNetworksTable, ProvidersTable } from './tables/providers';
import type { SettingsTable } from './tables/settings';
import type { TasksTable } from './tables/tasks';
import type {
  CaseCriteriaChoicesTable,
  CaseCriterionJudgementsTable,
  CriteriaSetsTable,
  EvidencePackEditsTable,
} from './tables/payer-criteria';
import type {
  CandidatePlansTable,
  CaseCostEstimatesTable,
  PlanComparisonsTable,
} from './tables/cost-estimates';
import type {
  DocumentCasesTable,
  DocumentClientsTable,
  DocumentEventsTable,
  DocumentsTable,
  VaultBlobsTable,
} from './tables/documents';
import type {
  CaseClinicalFactsTable,
  CaseEvidenceSummariesTable,
  EvidenceItemStatusesTable,
  EvidenceLinksTable,
} from './tables/evidence';
import type { SymptomScoresTable, TreatmentTrialsTable } from './tables/treatment-history';
import type { ClientRatesTable } from './tables/client-rates';
import type { InvoicesTable } from './tables/invoices';
import type { ResourceCasesTable, ResourcesTable } from './tables/resources';
import type { TimeEntriesTable } from './tables/time-entries';
import type { CaseDenialNoticesTable } from './tables/case-denial-notices';
import type { CaseOutcomeFactsTable } from './tables/case-outcome-facts';
import type { OutcomeEventFactsTable } from './tables/outcome-event-facts';
import type { OutcomeDecisionMonthsTable } from './tables/outcome-decision-months';
import type { OutcomeDeadlineDaysTable } from './tables/outcome-deadline-days';
import type { ReminderDayCountsTable } from './tables/reminder-day-counts';
import type { RecordVersionsTable } from './tables/record-versions';

/** The database as Kysely sees it once every migration has run. */
export type AdvocaseDatabase = {
  clients: ClientsTable;
  authorizations: AuthorizationsTable;
  coverages: CoveragesTable;
  providers: ProvidersTable;
  provider_networks: ProviderNetworksTable;
  cases: CasesTable;
  events: EventsTable;
  tasks: TasksTable;
  audit_log: AuditLogTable;
  edit_groups: EditGroupsTable;
  import_mappings: ImportMappingsTable;
  settings: SettingsTable;
  caseload_views: CaseloadViewsTable;
  caseload_entries: CaseloadEntriesTable;
  vault_blobs: VaultBlobsTable;
  documents: DocumentsTable;
  document_cases: DocumentCasesTable;
  document_clients: DocumentClientsTable;
  document_events: DocumentEventsTable;
  case_deadlines: CaseDeadlinesTable;
  case_deadline_summaries: CaseDeadlineSummariesTable;
  deadline_adjustments: DeadlineAdjustmentsTable;
  payer_requests: PayerRequestsTable;
  treatment_trials: TreatmentTrialsTable;
  symptom_scores: SymptomScoresTable;
  case_clinical_facts: CaseClinicalFactsTable;
  evidence_links: EvidenceLinksTable;
  evidence_item_statuses: EvidenceItemStatusesTable;
  case_evidence_summaries: CaseEvidenceSummariesTable;
  criteria_sets: CriteriaSetsTable;
  evidence_pack_edits: EvidencePackEditsTable;
  case_criteria_choices: CaseCriteriaChoicesTable;
  case_criterion_judgements: CaseCriterionJudgementsTable;
  letters: LettersTable;
  letter_templates: LetterTemplatesTable;
  case_cost_estimates: CaseCostEstimatesTable;
  plan_comparisons: PlanComparisonsTable;
  candidate_plans: CandidatePlansTable;
  funding_options: FundingOptionsTable;
  funding_dismissals: FundingDismissalsTable;
  parallel_track_notes: ParallelTrackNotesTable;
  time_entries: TimeEntriesTable;
  client_rates: ClientRatesTable;
  invoices: InvoicesTable;
  resources: ResourcesTable;
  resource_cases: ResourceCasesTable;
  generated_files: GeneratedFilesTable;
  case_denial_notices: CaseDenialNoticesTable;
  case_outcome_facts: CaseOutcomeFactsTable;
  outcome_event_facts: OutcomeEventFactsTable;
  outcome_decision_months: OutcomeDecisionMonthsTable;
  outcome_deadline_days: OutcomeDeadlineDaysTable;
  reminder_day_counts: ReminderDayCountsTable;
  record_versions: RecordVersionsTable;
};
