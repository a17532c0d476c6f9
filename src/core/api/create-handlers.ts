import type { ContractHandlers } from '../../shared/contract/index';
import type { Session } from '../session/session';
import { caseloadHandlers } from './handlers/caseload';
import { casesHandlers } from './handlers/cases';
import { clientsHandlers } from './handlers/clients';
import { coveragesHandlers, providersHandlers } from './handlers/coverages';
import { deadlinesHandlers } from './handlers/deadlines';
import { eventsHandlers, tasksHandlers } from './handlers/events';
import { exportsHandlers } from './handlers/exports';
import { historyHandlers, trashHandlers } from './handlers/history';
import { importHandlers } from './handlers/import';
import { searchHandlers } from './handlers/search';
import { sessionHandlers } from './handlers/session';
import { verificationHandlers } from './handlers/verification';
import { settingsHandlers } from './handlers/settings';
import { vaultHandlers } from './handlers/vault';
import {
  clinicalFactsHandlers,
  evidenceHandlers,
  symptomScoresHandlers,
  treatmentHistoryHandlers,
} from './handlers/evidence';
import { criteriaHandlers, evidencePacksHandlers } from './handlers/criteria';
import { letterTemplatesHandlers, lettersHandlers } from './handlers/letters';
import { costsHandlers, plansHandlers } from './handlers/costs';
import { fundingHandlers, tracksHandlers } from './handlers/funding';
import { billingHandlers, invoicesHandlers, timeHandlers } from './handlers/time';
import { resourcesHandlers } from './handlers/resources';
import { outcomesHandlers } from './handlers/outcomes';
import { profileHandlers } from './handlers/profile';
import { lettersOutputHandlers } from './handlers/letters-output';
import { auditHandlers } from './handlers/audit';
import { environmentBackupHost, type BackupHost } from '../backup/backup-host';
import { BackupService } from '../backup/backup-service';
import { recordingExports } from '../audit/record-exports';
import { backupHandlers } from './handlers/backup';

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
  };
  return recordingExports(handlers, session);
}
