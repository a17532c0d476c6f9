import { z } from 'zod';
import { networkStatuses, networkTypes, providerKinds } from '../domain/coverage';
import { planTypes } from '../domain/plan-types';
import {
  editedFromVersion,
  optionalCalendarDate,
  optionalCents,
  optionalText,
  recordId,
  requiredText,
} from './fields';
import { checkedPhoneNumberField, phoneNumberField } from './phone-field';

const coverageFieldsShape = {
  payer: requiredText('Payer', 200),
  planName: optionalText('Plan name', 200),
  planType: z.enum(planTypes, { error: 'Choose the kind of plan: it decides which appeal rules apply.' }),
  memberId: optionalText('Member ID', 64),
  groupNumber: optionalText('Group number', 64),
  effectiveOn: optionalCalendarDate('Effective date'),
  endsOn: optionalCalendarDate('End date'),
  networkType: z
    .enum(networkTypes, { error: 'Network type must be HMO, PPO, EPO, POS or other.' })
    .nullish()
    .transform((value) => value ?? null),
  deductibleCents: optionalCents('Deductible'),
  deductibleMetCents: optionalCents('Deductible met'),
  outOfPocketMaxCents: optionalCents('Out-of-pocket maximum'),
  outOfPocketMetCents: optionalCents('Out-of-pocket met'),
  copayCents: optionalCents('Copay'),
  coinsurancePercent: z
    .number({ error: 'Coinsurance must be a percentage.' })
    .min(0, 'Coinsurance cannot be negative.')
    .max(100, 'Coinsurance cannot be more than 100%.')
    .nullish()
    .transform((value) => value ?? null),
  priorAuthRules: optionalText('Prior-authorization rules', 4000),
  exclusions: optionalText('Exclusions and limitations', 4000),
  payerPhone: checkedPhoneNumberField('Payer phone'),
  payerFax: checkedPhoneNumberField('Payer fax'),
  portalUrl: optionalText('Portal address', 500).refine(
    (url) => url === null || /^https:\/\/[^\s]+$/i.test(url),
    'Portal address must start with https://',
  ),
  appealsAddress: optionalText('Appeals mailing address', 1000),
  notes: optionalText('Notes', 4000),
};

type CoverageFields = {
  effectiveOn: string | null;
  endsOn: string | null;
  deductibleCents: number | null;
  deductibleMetCents: number | null;
  outOfPocketMaxCents: number | null;
  outOfPocketMetCents: number | null;
};

/** Checks that need two fields at once, each reported at the field the user should change. */
function checkCoverageConsistency(coverage: Partial<CoverageFields>, context: z.RefinementCtx): void {
  if (coverage.effectiveOn && coverage.endsOn && coverage.endsOn < coverage.effectiveOn) {
    context.addIssue({
      code: 'custom',
      path: ['endsOn'],
      message: 'End date is before the effective date. Check both dates.',
    });
  }
  if (
    coverage.deductibleCents != null &&
    coverage.deductibleMetCents != null &&
    coverage.deductibleMetCents > coverage.deductibleCents
  ) {
    context.addIssue({
      code: 'custom',
      path: ['deductibleMetCents'],
      message: 'Deductible met cannot be more than the deductible.',
    });
  }
  if (
    coverage.outOfPocketMaxCents != null &&
    coverage.outOfPocketMetCents != null &&
    coverage.outOfPocketMetCents > coverage.outOfPocketMaxCents
  ) {
    context.addIssue({
      code: 'custom',
      path: ['outOfPocketMetCents'],
      message: 'Out-of-pocket met cannot be more than the out-of-pocket maximum.',
    });
  }
}

export const coverageFieldsSchema = z.strictObject(coverageFieldsShape).superRefine(checkCoverageConsistency);

export const createCoverageInputSchema = z
  .strictObject({ clientId: recordId('Client'), ...coverageFieldsShape })
  .superRefine(checkCoverageConsistency);

export const updateCoverageInputSchema = z.strictObject({
  coverageId: recordId('Coverage'),
  version: editedFromVersion,
  changes: z.strictObject(coverageFieldsShape).partial().superRefine(checkCoverageConsistency),
});

export const coverageSchema = z.object({
  id: recordId('Coverage'),
  clientId: recordId('Client'),
  payer: z.string(),
  planName: z.string().nullable(),
  planType: z.enum(planTypes),
  memberId: z.string().nullable(),
  groupNumber: z.string().nullable(),
  effectiveOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  networkType: z.enum(networkTypes).nullable(),
  deductibleCents: z.number().nullable(),
  deductibleMetCents: z.number().nullable(),
  outOfPocketMaxCents: z.number().nullable(),
  outOfPocketMetCents: z.number().nullable(),
  copayCents: z.number().nullable(),
  coinsurancePercent: z.number().nullable(),
  priorAuthRules: z.string().nullable(),
  exclusions: z.string().nullable(),
  payerPhone: z.string().nullable(),
  payerFax: z.string().nullable(),
  portalUrl: z.string().nullable(),
  appealsAddress: z.string().nullable(),
  notes: z.string().nullable(),
  updatedAt: z.string(),
  /** Sent back with `coverages.update` (docs/team-mode.md, "Two people editing at once"). */
  version: z.number(),
});
export type Coverage = z.infer<typeof coverageSchema>;

/** One change to a coverage record, from the audit log: which fields changed, from what to what. */
export const coverageChangeSchema = z.object({
  at: z.string(),
  /** "You", or on a team the colleague's full name. */
  actor: z.string(),
  action: z.enum(['insert', 'update', 'delete']),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});
export type CoverageChange = z.infer<typeof coverageChangeSchema>;

export const createProviderInputSchema = z.strictObject({
  name: requiredText('Provider name', 200),
  kind: z
    .enum(providerKinds, { error: 'Say whether this is a clinician or a facility.' })
    .default('clinician'),
  npi: optionalText('NPI', 10).refine(
    (npi) => npi === null || /^\d{10}$/.test(npi),
    'An NPI is exactly 10 digits.',
  ),
  specialty: optionalText('Specialty', 200),
  phone: phoneNumberField('Phone'),
  fax: phoneNumberField('Fax'),
  address: optionalText('Address', 1000),
  notes: optionalText('Notes', 4000),
});

export const providerSchema = z.object({
  id: recordId('Provider'),
  name: z.string(),
  kind: z.enum(providerKinds),
  npi: z.string().nullable(),
  specialty: z.string().nullable(),
  phone: z.string().nullable(),
  fax: z.string().nullable(),
  address: z.string().nullable(),
  notes: z.string().nullable(),
});
export type Provider = z.infer<typeof providerSchema>;

export const setNetworkStatusInputSchema = z.strictObject({
  coverageId: recordId('Coverage'),
  providerId: recordId('Provider'),
  status: z.enum(networkStatuses, {
    error: 'Status must be in network, out of network or not yet verified.',
  }),
  tier: optionalText('Tier', 40),
  referralRequired: z.boolean().default(false),
});

export const providerNetworkSchema = z.object({
  coverageId: recordId('Coverage'),
  providerId: recordId('Provider'),
  providerName: z.string(),
  status: z.enum(networkStatuses),
  tier: z.string().nullable(),
  referralRequired: z.boolean(),
});
export type ProviderNetwork = z.infer<typeof providerNetworkSchema>;
