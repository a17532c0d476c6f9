import { mergeNamespaces } from '../../shared/contract/by-namespace';
import type { ContractHandlers, HandlersOf } from '../../shared/contract';
import type { Namespace } from '../../shared/contract/namespaces';
import type { Session } from '../session/session';
import { caseloadHandlers } from './handlers/caseload';
import { casesHandlers } from './handlers/cases';
import { clientsHandlers } from './handlers/clients';
import { coveragesHandlers, providersHandlers } from './handlers/coverages';
import { deadlinesHandlers } from './handlers/deadlines';
import { eventsHandlers, tasksHandlers } from './handlers/events';
import { exportsHandlers } from './handlers/exports';
import { historyHandlers } from './handlers/history';
import { trashHandlers } from './handlers/trash';
import { importHandlers } from './handlers/import';
import { searchHandlers } from './handlers/search';
import { sessionHandlers } from './handlers/session';
import { verificationHandlers } from './handlers/verification';
import { settingsHandlers } from './handlers/settings';
import { vaultHandlers } from './handlers/vault';
import { clinicalFactsHandlers, evidenceHandlers } from './handlers/evidence';
import { symptomScoresHandlers, treatmentHistoryHandlers } from './handlers/treatment-history';
import { criteriaHandlers, evidencePacksHandlers } from './handlers/criteria';
import { letterTemplatesHandlers, lettersHandlers } from './handlers/letters';
import { costsHandlers, plansHandlers } from './handlers/costs';
import { fundingHandlers, tracksHandlers } from './handlers/funding';
import { billingHandlers, timeHandlers } from './handlers/time';
import { invoicesHandlers } from './handlers/invoices';
import { resourcesHandlers } from './handlers/resources';
import { outcomesHandlers } from './handlers/outcomes';
import { profileHandlers } from './handlers/profile';
import { lettersOutputHandlers } from './handlers/letters-output';
import { auditHandlers } from './handlers/audit';
import { environmentBackupHost, type BackupHost } from '../backup/backup-host';
import { BackupService } from '../backup/backup-service';
import { recordingExports } from '../audit/record-exports';
import { backupHandlers } from './handlers/backup';
import { denialsHandlers } from './handlers/denials';
import { liveHandlers } from './handlers/live';
import { assignmentsHandlers, teamViewsHandlers } from './handlers/assignments';
import { teamHandlers } from './handlers/team';

/**
 * The contract implemented over one session; the return type makes the compiler check every method is here.
 * `backupHost` is what the shell offers for backups (the desktop app's dialogs; by default the environment).
 */
export function createHandlers(
  session: Session,
  backupHost: BackupHost = environmentBackupHost(),
): ContractHandlers {
  const context = { session };
  // One entry per namespace of the list (shared/contract/namespaces.ts): a namespace left out, or a
  // namespace's handlers missing a method of its contract, does not compile.
  const handlersByNamespace: { readonly [N in Namespace]: HandlersOf<N> } = {
    session: sessionHandlers(context),
    settings: settingsHandlers(context),
    clients: clientsHandlers(context),
    cases: casesHandlers(context),
    caseload: caseloadHandlers(context),
    coverages: coveragesHandlers(context),
    providers: providersHandlers(context),
    events: eventsHandlers(context),
    tasks: tasksHandlers(context),
    verification: verificationHandlers(context),
    search: searchHandlers(context),
    deadlines: deadlinesHandlers(context),
    history: historyHandlers(context),
    trash: trashHandlers(context),
    import: importHandlers(context),
    vault: vaultHandlers(context),
    exports: exportsHandlers(context),
    treatmentHistory: treatmentHistoryHandlers(context),
    symptomScores: symptomScoresHandlers(context),
    evidence: evidenceHandlers(context),
    clinicalFacts: clinicalFactsHandlers(context),
    criteria: criteriaHandlers(context),
    evidencePacks: evidencePacksHandlers(context),
    letterTemplates: letterTemplatesHandlers(context),
    letters: { ...lettersHandlers(context), ...lettersOutputHandlers(context) },
    costs: costsHandlers(context),
    plans: plansHandlers(context),
    funding: fundingHandlers(context),
    tracks: tracksHandlers(context),
    time: timeHandlers(context),
    billing: billingHandlers(context),
    invoices: invoicesHandlers(context),
    resources: resourcesHandlers(context),
    outcomes: outcomesHandlers(context),
    profile: profileHandlers(context),
    audit: auditHandlers(context),
    backup: backupHandlers(new BackupService(session, backupHost)),
    denials: denialsHandlers(context),
    live: liveHandlers(context),
    team: teamHandlers(context),
    assignments: assignmentsHandlers(context),
    teamViews: teamViewsHandlers(context),
  };
  const handlers: ContractHandlers = mergeNamespaces(handlersByNamespace);
  return recordingExports(handlers, session);
}
