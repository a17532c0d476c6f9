import type { Migration } from 'kysely';
import * as initial from './0001-initial';
import * as settings from './0002-settings';
import * as caseloadDetails from './0003-caseload-details';
import * as caseload from './0004-caseload';
import * as caseloadQuickFilter from './0005-caseload-quick-filter';
import * as caseloadCountIndexes from './0006-caseload-count-indexes';
import * as documentVault from './0010-document-vault';
import * as globalSearch from './0020-global-search';
import * as editHistory from './0021-edit-history';
import * as importMappings from './0022-import-mappings';
import * as caseDeadlines from './0030-case-deadlines';
import * as deadlineAnsweredOn from './0031-deadline-answered-on';
import * as trashLookupIndexes from './0032-trash-lookup-indexes';
import * as caseloadNextDeadline from './0033-caseload-next-deadline';
import * as caseloadNextDeadlineDescending from './0034-caseload-next-deadline-descending';
import * as evidence from './0040-evidence';
import * as payerCriteria from './0041-payer-criteria';
import * as letters from './0042-letters';
import * as costEstimates from './0050-cost-estimates';
import * as fundingOptions from './0051-funding-options';
import * as timeAndResources from './0052-time-and-resources';
import * as outcomesIndexes from './0053-outcomes-indexes';
import * as generatedFiles from './0060-generated-files';
import * as auditChain from './0064-audit-chain';
import * as caseLifecycle from './0070-case-lifecycle';
import * as phoneNumbersNormalised from './0075-phone-numbers-normalised';
import * as letterRenderFields from './0076-letter-render-fields';
import * as importValueMappings from './0080-import-value-mappings';
import * as recognisedText from './0090-recognised-text';
import * as caseDenialNotices from './0095-case-denial-notices';
import * as caseloadStageCounts from './0100-caseload-stage-counts';
import * as caseloadQuickFilterTrigrams from './0101-caseload-quick-filter-trigrams';
import * as caseOutcomeFacts from './0102-case-outcome-facts';
import * as caseloadChanges from './0103-caseload-changes';
import * as recordVersions from './0150-record-versions';
import * as reminderDayCounts from './0160-reminder-day-counts';
import * as eventsByTypeCovering from './0167-events-by-type-covering';
import * as outcomeEventFacts from './0168-outcome-event-facts';
import * as openTasksInDeadlineSummaries from './0199-open-tasks-in-deadline-summaries';
import * as payerDecisionsDatedByNotice from './0202-payer-decisions-dated-by-notice';
import * as caseloadOverdueCount from './0204-caseload-overdue-count';
import * as outcomeDecisionMonths from './0205-outcome-decision-months';
import * as outcomeDeadlineDays from './0207-outcome-deadline-days';
import * as nextDeadlineNeverAFollowUp from './0209-next-deadline-never-a-follow-up';

/**
 * Every migration in order. Listed by hand, not found by scanning a folder: a bundled app has
 * no folder to scan. Shipped migrations are never edited; a change is a new file at the end.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001-initial': initial,
  '0002-settings': settings,
  '0003-caseload-details': caseloadDetails,
  '0004-caseload': caseload,
  '0005-caseload-quick-filter': caseloadQuickFilter,
  '0006-caseload-count-indexes': caseloadCountIndexes,
  '0010-document-vault': documentVault,
  '0020-global-search': globalSearch,
  '0021-edit-history': editHistory,
  '0022-import-mappings': importMappings,
  '0030-case-deadlines': caseDeadlines,
  '0031-deadline-answered-on': deadlineAnsweredOn,
  '0032-trash-lookup-indexes': trashLookupIndexes,
  '0033-caseload-next-deadline': caseloadNextDeadline,
  '0034-caseload-next-deadline-descending': caseloadNextDeadlineDescending,
  '0040-evidence': evidence,
  '0041-payer-criteria': payerCriteria,
  '0042-letters': letters,
  '0050-cost-estimates': costEstimates,
  '0051-funding-options': fundingOptions,
  '0052-time-and-resources': timeAndResources,
  '0053-outcomes-indexes': outcomesIndexes,
  '0060-generated-files': generatedFiles,
  '0064-audit-chain': auditChain,
  '0070-case-lifecycle': caseLifecycle,
  '0075-phone-numbers-normalised': phoneNumbersNormalised,
  '0076-letter-render-fields': letterRenderFields,
  '0080-import-value-mappings': importValueMappings,
  '0090-recognised-text': recognisedText,
  '0095-case-denial-notices': caseDenialNotices,
  '0100-caseload-stage-counts': caseloadStageCounts,
  '0101-caseload-quick-filter-trigrams': caseloadQuickFilterTrigrams,
  '0102-case-outcome-facts': caseOutcomeFacts,
  '0103-caseload-changes': caseloadChanges,
  '0150-record-versions': recordVersions,
  '0160-reminder-day-counts': reminderDayCounts,
  '0167-events-by-type-covering': eventsByTypeCovering,
  '0168-outcome-event-facts': outcomeEventFacts,
  '0199-open-tasks-in-deadline-summaries': openTasksInDeadlineSummaries,
  '0202-payer-decisions-dated-by-notice': payerDecisionsDatedByNotice,
  '0204-caseload-overdue-count': caseloadOverdueCount,
  '0205-outcome-decision-months': outcomeDecisionMonths,
  '0207-outcome-deadline-days': outcomeDeadlineDays,
  '0209-next-deadline-never-a-follow-up': nextDeadlineNeverAFollowUp,
};
