import { z } from 'zod';
import {
  coverageChangeSchema,
  coverageSchema,
  createCoverageInputSchema,
  createProviderInputSchema,
  providerNetworkSchema,
  providerSchema,
  setNetworkStatusInputSchema,
  updateCoverageInputSchema,
} from '../schemas/coverages';
import { recordId } from '../schemas/fields';
import { defineMethods, noInput } from './method-spec';

export const coveragesMethods = defineMethods({
  'coverages.create': {
    doc: 'Adds a health plan to a client (a client may hold several over time, and two at once).',
    input: createCoverageInputSchema,
    output: coverageSchema,
  },
  'coverages.update': {
    doc: 'Changes a coverage record; the previous values stay in its history. With the `version` the edit started from, a coverage saved by someone else since changes nothing and fails with EDIT_CONFLICT.',
    input: updateCoverageInputSchema,
    output: coverageSchema,
  },
  'coverages.history': {
    doc: 'Every change to one coverage record, newest first: what changed, when and by whom.',
    input: z.strictObject({ coverageId: recordId('Coverage') }),
    output: z.array(coverageChangeSchema),
  },
  'coverages.networks': {
    doc: 'The providers recorded for a coverage, with their network status and tier.',
    input: z.strictObject({ coverageId: recordId('Coverage') }),
    output: z.array(providerNetworkSchema),
  },
});

export const providersMethods = defineMethods({
  'providers.create': {
    doc: 'Adds a treating clinician or facility.',
    input: createProviderInputSchema,
    output: providerSchema,
  },
  'providers.list': {
    doc: 'Every provider, by name.',
    input: noInput,
    output: z.array(providerSchema),
  },
  'providers.setNetworkStatus': {
    doc: "Records whether a provider is in a coverage's network, the tier, and whether a referral is needed.",
    input: setNetworkStatusInputSchema,
    output: providerNetworkSchema,
  },
});
