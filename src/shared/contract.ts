import { z } from 'zod';
import { caseSummarySchema, createCaseInputSchema, listCasesOutputSchema } from './schemas/cases';
import { clientSchema, createClientInputSchema } from './schemas/clients';
import {
  changePassphraseInputSchema,
  initializeInputSchema,
  initializeOutputSchema,
  recoverInputSchema,
  sessionStatusSchema,
  unlockInputSchema,
} from './schemas/session';
import { settingsSchema } from './schemas/settings';

type MethodSpec = {
  /** What the method does, for whoever writes the next client of this contract. */
  readonly doc: string;
  readonly input: z.ZodType;
  readonly output: z.ZodType;
  /** True for the few methods that work before the data is unlocked. */
  readonly whileLocked?: boolean;
};

const noInput = z.strictObject({});
const nothing = z.object({});

/**
 * Every method the renderer may call, each named once. The IPC bridge, the preload and the web
 * harness are loops over this object: adding a method here is all a transport needs.
 */
export const contract = {
  'session.status': {
    doc: 'Whether Advocase has been set up on this computer, and whether the data is locked.',
    input: noInput,
    output: sessionStatusSchema,
    whileLocked: true,
  },
  'session.initialize': {
    doc: 'First run: creates the encrypted store, protects it with the passphrase, returns the recovery key once.',
    input: initializeInputSchema,
    output: initializeOutputSchema,
    whileLocked: true,
  },
  'session.unlock': {
    doc: 'Opens the encrypted store with the passphrase.',
    input: unlockInputSchema,
    output: sessionStatusSchema,
    whileLocked: true,
  },
  'session.recover': {
    doc: 'Opens the store with the recovery key and sets a new passphrase (the recovery key stays valid).',
    input: recoverInputSchema,
    output: sessionStatusSchema,
    whileLocked: true,
  },
  'session.lock': {
    doc: 'Closes the store and forgets the key; everything needs the passphrase again.',
    input: noInput,
    output: sessionStatusSchema,
    whileLocked: true,
  },
  'session.changePassphrase': {
    doc: 'Replaces the passphrase. Re-wraps the data key; no data is re-encrypted.',
    input: changePassphraseInputSchema,
    output: nothing,
  },
  'settings.get': {
    doc: 'The preferences stored inside the encrypted store.',
    input: noInput,
    output: settingsSchema,
  },
  'settings.update': {
    doc: 'Changes some preferences and returns all of them.',
    input: z.strictObject({ autoLockMinutes: settingsSchema.shape.autoLockMinutes.optional() }),
    output: settingsSchema,
  },
  'clients.create': {
    doc: 'Adds a client (the person whose coverage is being fought for).',
    input: createClientInputSchema,
    output: clientSchema,
  },
  'clients.list': {
    doc: 'All clients, by name.',
    input: noInput,
    output: z.array(clientSchema),
  },
  'cases.create': {
    doc: 'Opens a case for a client: one treatment fought for with one payer.',
    input: createCaseInputSchema,
    output: caseSummarySchema,
  },
  'cases.list': {
    doc: 'The caseload: every case with its client, newest first.',
    input: noInput,
    output: listCasesOutputSchema,
  },
} as const satisfies Record<string, MethodSpec>;

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

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}
