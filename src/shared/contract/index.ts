import type { z } from 'zod';
import { caseloadMethods } from './caseload';
import { casesMethods } from './cases';
import { clientsMethods } from './clients';
import { deadlinesMethods } from './deadlines';
import { coveragesMethods, providersMethods } from './coverages';
import { eventsMethods, tasksMethods } from './events';
import { exportsMethods } from './exports';
import { historyMethods } from './history';
import { importMethods } from './import';
import { searchMethods } from './search';
import { sessionMethods } from './session';
import { settingsMethods } from './settings';
import { verificationMethods } from './verification';
import { trashMethods } from './trash';
import { vaultMethods } from './vault';
import { clinicalFactsMethods, evidenceMethods } from './evidence';
import { symptomScoresMethods, treatmentHistoryMethods } from './treatment-history';
import { criteriaMethods, evidencePacksMethods } from './criteria';
import { letterTemplatesMethods, lettersMethods } from './letters';
import { costsMethods, plansMethods } from './costs';
import { fundingMethods, tracksMethods } from './funding';
import { billingMethods, timeMethods } from './time';
import { invoicesMethods } from './invoices';
import { resourcesMethods } from './resources';
import { outcomesMethods } from './outcomes';
import { profileMethods } from './profile';
import { lettersOutputMethods } from './letters-output';
import { auditMethods } from './audit';
import { backupMethods } from './backup';
import { denialsMethods } from './denials';
import { liveMethods } from './live';
import { assignmentsMethods, teamViewsMethods } from './assignments';
import { teamMethods } from './team';
import { checkNamespaces, mergeNamespaces } from './by-namespace';

/**
 * Each namespace's methods, keyed by the one list in namespaces.ts: a namespace left out here, or a
 * feature's methods filed under another namespace's key, does not compile.
 */
const methodsByNamespace = checkNamespaces({
  session: sessionMethods,
  settings: settingsMethods,
  clients: clientsMethods,
  cases: casesMethods,
  caseload: caseloadMethods,
  coverages: coveragesMethods,
  providers: providersMethods,
  events: eventsMethods,
  tasks: tasksMethods,
  verification: verificationMethods,
  search: searchMethods,
  deadlines: deadlinesMethods,
  history: historyMethods,
  trash: trashMethods,
  import: importMethods,
  vault: vaultMethods,
  exports: exportsMethods,
  treatmentHistory: treatmentHistoryMethods,
  symptomScores: symptomScoresMethods,
  evidence: evidenceMethods,
  clinicalFacts: clinicalFactsMethods,
  criteria: criteriaMethods,
  evidencePacks: evidencePacksMethods,
  letterTemplates: letterTemplatesMethods,
  letters: { ...lettersMethods, ...lettersOutputMethods },
  costs: costsMethods,
  plans: plansMethods,
  funding: fundingMethods,
  tracks: tracksMethods,
  time: timeMethods,
  billing: billingMethods,
  invoices: invoicesMethods,
  resources: resourcesMethods,
  outcomes: outcomesMethods,
  profile: profileMethods,
  audit: auditMethods,
  backup: backupMethods,
  denials: denialsMethods,
  live: liveMethods,
  team: teamMethods,
  assignments: assignmentsMethods,
  teamViews: teamViewsMethods,
});

/**
 * Every method the renderer may call, each named once (one file per feature under contract/).
 * The IPC bridge, the preload and the web harness are loops over this object: adding a method
 * to a feature's file is all a transport needs.
 */
export const contract = mergeNamespaces(methodsByNamespace);

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
