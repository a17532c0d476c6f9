import type { z } from 'zod';
import { caseloadMethods } from './contract/caseload-methods';
import { casesMethods } from './contract/cases-methods';
import { clientsMethods } from './contract/clients-methods';
import { deadlinesMethods } from './contract/deadlines-methods';
import { coveragesMethods, providersMethods } from './contract/coverages-methods';
import { eventsMethods, tasksMethods } from './contract/events-methods';
import { exportsMethods } from './contract/exports-methods';
import { historyMethods } from './contract/history-methods';
import { importMethods } from './contract/import-methods';
import { searchMethods } from './contract/search-methods';
import { sessionMethods } from './contract/session-methods';
import { settingsMethods } from './contract/settings-methods';
import { verificationMethods } from './contract/verification-methods';
import { trashMethods } from './contract/trash-methods';
import { vaultMethods } from './contract/vault-methods';
import { clinicalFactsMethods, evidenceMethods } from './contract/evidence-methods';
import { symptomScoresMethods, treatmentHistoryMethods } from './contract/treatment-history-methods';
import { criteriaMethods } from './contract/criteria-methods';
import { letterTemplatesMethods, lettersMethods } from './contract/letters-methods';
import { costsMethods, plansMethods } from './contract/costs-methods';
import { fundingMethods, tracksMethods } from './contract/funding-methods';
import { billingMethods, timeMethods } from './contract/time-methods';
import { invoicesMethods } from './contract/invoices-methods';
import { resourcesMethods } from './contract/resources-methods';
import { outcomesMethods } from './contract/outcomes-methods';
import { profileMethods } from './contract/profile-methods';
import { lettersOutputMethods } from './contract/letters-output-methods';
import { auditMethods } from './contract/audit-methods';
import { backupMethods } from './contract/backup-methods';
import { denialsMethods } from './contract/denials-methods';

/**
 * Every method the renderer may call, each named once (one file per feature under contract/).
 * The IPC bridge, the preload and the web harness are loops over this object: adding a method
 * to a feature's file is all a transport needs.
 */
export const contract = {
  ...sessionMethods,
  ...settingsMethods,
  ...clientsMethods,
  ...casesMethods,
  ...caseloadMethods,
  ...coveragesMethods,
  ...providersMethods,
  ...eventsMethods,
  ...tasksMethods,
  ...verificationMethods,
  ...searchMethods,
  ...deadlinesMethods,
  ...historyMethods,
  ...trashMethods,
  ...importMethods,
  ...vaultMethods,
  ...exportsMethods,
  ...treatmentHistoryMethods,
  ...symptomScoresMethods,
  ...evidenceMethods,
  ...clinicalFactsMethods,
  ...criteriaMethods,
  ...letterTemplatesMethods,
  ...lettersMethods,
  ...costsMethods,
  ...plansMethods,
  ...fundingMethods,
  ...tracksMethods,
  ...timeMethods,
  ...billingMethods,
  ...invoicesMethods,
  ...resourcesMethods,
  ...outcomesMethods,
  ...profileMethods,
  ...lettersOutputMethods,
  ...auditMethods,
  ...backupMethods,
  ...denialsMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;

/** What a caller passes (before defaults and trimming). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives, after the schema parsed it. */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export type ContractHandlers = {
  readonly [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodOutput<M>>;
};

/** The handlers of one feature, e.g. `HandlersOf<'cases'>` for every `cases.*` method. */
export type HandlersOf<Feature extends string> = {
  readonly [M in MethodName as M extends `${Feature}.${string}` ? M : never]: ContractHandlers[M];
};

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}
