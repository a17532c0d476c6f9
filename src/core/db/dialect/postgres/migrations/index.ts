import type { Migration } from 'kysely';
import * as baseline from './0101-baseline';
import * as caseOutcomeFacts from './0102-case-outcome-facts';
import * as caseloadChanges from './0103-caseload-changes';
import * as teamMembersAndRowSecurity from './0145-team-members-and-row-security';
import * as teamAuditTrail from './0146-team-audit-trail';
import * as teamLiveChanges from './0147-team-live-changes';
import * as teamRowVersions from './0148-team-row-versions';
import * as recordVersions from './0150-record-versions';
import * as recordVersionsForTheTeam from './0155-record-versions-for-the-team';
import * as reminderDayCounts from './0160-reminder-day-counts';
import * as teamKeptTotalsWithheld from './0166-team-kept-totals-withheld';
import * as eventsByTypeCovering from './0167-events-by-type-covering';
import * as outcomeEventFacts from './0168-outcome-event-facts';
import * as teamOutcomeEventFactsWithheld from './0169-team-outcome-event-facts-withheld';
import * as teamStoredFiles from './0190-team-stored-files';
import * as teamLocalImports from './0191-team-local-imports';
import * as teamAssigneeNamedOnCase from './0195-team-assignee-named-on-case';
import * as teamAuditSealedAfterCommit from './0196-team-audit-sealed-after-commit';
import * as teamHoldersReadWithTheCase from './0197-team-holders-read-with-the-case';
import * as teamSearchScoped from './0198-team-search-scoped';
import * as openTasksInDeadlineSummaries from './0199-open-tasks-in-deadline-summaries';
import * as payerDecisionsDatedByNotice from './0202-payer-decisions-dated-by-notice';
import * as caseloadOverdueCount from './0204-caseload-overdue-count';
import * as outcomeDecisionMonths from './0205-outcome-decision-months';
import * as teamOutcomeDecisionMonthsWithheld from './0205-team-outcome-decision-months-withheld';
import * as outcomeDeadlineDays from './0207-outcome-deadline-days';
import * as teamOutcomeDeadlineDaysWithheld from './0207-team-outcome-deadline-days-withheld';
import * as teamWritesSideBySide from './0208-team-writes-side-by-side';
import * as nextDeadlineNeverAFollowUp from './0209-next-deadline-never-a-follow-up';
import * as teamViewerRecordsOwnAccess from './0200-team-viewer-records-own-access';
import * as teamSearchByIndex from './0201-team-search-by-index';

/**
 * The PostgreSQL chain, by the same names as the SQLite chain (`src/core/db/migrations/`), so
 * both stores report the same schema version. Its first step is a baseline named after the SQLite
 * head it matches; each later schema change is a pair with the same number, one file per chain,
 * except the team-mode steps, which only a team database has (`teamOnlyMigrations`).
 */
export const postgresMigrations: Readonly<Record<string, Migration>> = {
  '0101-caseload-quick-filter-trigrams': baseline,
  '0102-case-outcome-facts': caseOutcomeFacts,
  '0103-caseload-changes': caseloadChanges,
  // Team mode only (src/core/team/team-only-schema.ts): no SQLite pair.
  '0145-team-members-and-row-security': teamMembersAndRowSecurity,
  '0146-team-audit-trail': teamAuditTrail,
  '0147-team-live-changes': teamLiveChanges,
  '0148-team-row-versions': teamRowVersions,
  '0150-record-versions': recordVersions,
  // Team mode only.
  '0155-record-versions-for-the-team': recordVersionsForTheTeam,
  '0160-reminder-day-counts': reminderDayCounts,
  // Team mode only.
  '0166-team-kept-totals-withheld': teamKeptTotalsWithheld,
  '0167-events-by-type-covering': eventsByTypeCovering,
  '0168-outcome-event-facts': outcomeEventFacts,
  // Team mode only.
  '0169-team-outcome-event-facts-withheld': teamOutcomeEventFactsWithheld,
  // Team mode only.
  '0190-team-stored-files': teamStoredFiles,
  '0191-team-local-imports': teamLocalImports,
  '0195-team-assignee-named-on-case': teamAssigneeNamedOnCase,
  '0196-team-audit-sealed-after-commit': teamAuditSealedAfterCommit,
  '0197-team-holders-read-with-the-case': teamHoldersReadWithTheCase,
  '0198-team-search-scoped': teamSearchScoped,
  '0199-open-tasks-in-deadline-summaries': openTasksInDeadlineSummaries,
  '0200-team-viewer-records-own-access': teamViewerRecordsOwnAccess,
  '0201-team-search-by-index': teamSearchByIndex,
  '0202-payer-decisions-dated-by-notice': payerDecisionsDatedByNotice,
  '0204-caseload-overdue-count': caseloadOverdueCount,
  '0205-outcome-decision-months': outcomeDecisionMonths,
  '0205-team-outcome-decision-months-withheld': teamOutcomeDecisionMonthsWithheld,
  '0207-outcome-deadline-days': outcomeDeadlineDays,
  '0207-team-outcome-deadline-days-withheld': teamOutcomeDeadlineDaysWithheld,
  // Team mode only.
  '0208-team-writes-side-by-side': teamWritesSideBySide,
  '0209-next-deadline-never-a-follow-up': nextDeadlineNeverAFollowUp,
};
