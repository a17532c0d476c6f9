import type { ContractHandlers } from '../../shared/contract';
import type { Session } from '../session/session';
import { caseloadHandlers } from './handlers/caseload-handlers';
import { casesHandlers } from './handlers/cases-handlers';
import { clientsHandlers } from './handlers/clients-handlers';
import { coveragesHandlers, providersHandlers } from './handlers/coverages-handlers';
import { deadlinesHandlers } from './handlers/deadlines-handlers';
import { eventsHandlers, tasksHandlers } from './handlers/events-handlers';
import { exportsHandlers } from './handlers/exports-handlers';
import { historyHandlers, trashHandlers } from './handlers/history-handlers';
import { importHandlers } from './handlers/import-handlers';
import { searchHandlers } from './handlers/search-handlers';
import { sessionHandlers } from './handlers/session-handlers';
import { verificationHandlers } from './handlers/verification-handlers';
import { settingsHandlers } from './handlers/settings-handlers';
import { vaultHandlers } from './handlers/vault-handlers';
import {
  clinicalFactsHandlers,
  evidenceHandlers,
  symptomScoresHandlers,
  treatmentHistoryHandlers,
} from './handlers/evidence-handlers';
import { criteriaHandlers, evidencePacksHandlers } from './handlers/criteria-handlers';
import { letterTemplatesHandlers, lettersHandlers } from './handlers/letters-handlers';
import { costsHandlers, plansHandlers } from './handlers/costs-handlers';
import { fundingHandlers, tracksHandlers } from './handlers/funding-handlers';
import { billingHandlers, invoicesHandlers, timeHandlers } from './handlers/time-handlers';
import { resourcesHandlers } from './handlers/resources-handlers';
import { outcomesHandlers } from './handlers/outcomes-handlers';
import { profileHandlers } from './handlers/profile-handlers';
import { lettersOutputHandlers } from './handlers/letters-output-handlers';
import { auditHandlers } from './handlers/audit-handlers';
import { environmentBackupHost, type BackupHost } from '../backup/backup-host';
import { BackupService } from '../backup/backup-service';
import { recordingExports } from '../audit/record-exports';
import { backupHandlers } from './handlers/backup-handlers';
import { denialsHandlers } from './handlers/denials-handlers';

/**
 * The contract implemented over one session; the return type makes the compiler check every method is here.
 * `backupHost` is what the shell offers for backups (the desktop app's dialogs; by default the environment).
 */
export function createHandlers(
  session: Session,
  backupHost: BackupHost = environmentBackupHost(),
): ContractHandlers {
  const context = { session };
  const handlers: ContractHandlers = {
    ...sessionHandlers(context),
    ...settingsHandlers(context),
    ...clientsHandlers(context),
    ...casesHandlers(context),
    ...caseloadHandlers(context),
    ...coveragesHandlers(context),
    ...providersHandlers(context),
    ...eventsHandlers(context),
    ...tasksHandlers(context),
    ...verificationHandlers(context),
    ...searchHandlers(context),
    ...deadlinesHandlers(context),
    ...historyHandlers(context),
    ...trashHandlers(context),
    ...importHandlers(context),
    ...vaultHandlers(context),
    ...exportsHandlers(context),
    ...treatmentHistoryHandlers(context),
    ...symptomScoresHandlers(context),
    ...evidenceHandlers(context),
    ...clinicalFactsHandlers(context),
    ...criteriaHandlers(context),
    ...evidencePacksHandlers(context),
    ...letterTemplatesHandlers(context),
    ...lettersHandlers(context),
    ...costsHandlers(context),
    ...plansHandlers(context),
    ...fundingHandlers(context),
    ...tracksHandlers(context),
    ...timeHandlers(context),
    ...billingHandlers(context),
    ...invoicesHandlers(context),
    ...resourcesHandlers(context),
    ...outcomesHandlers(context),
    ...profileHandlers(context),
    ...lettersOutputHandlers(context),
    ...auditHandlers(context),
    ...backupHandlers(new BackupService(session, backupHost)),
    ...denialsHandlers(context),
  };
  return recordingExports(handlers, session);
}
