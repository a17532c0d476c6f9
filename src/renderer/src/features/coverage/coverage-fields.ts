import { networkTypeLabels, type NetworkType } from '@shared/domain/coverage';
import { planTypeLabels, type PlanType } from '@shared/domain/plan-types';
import type { Coverage } from '@shared/schemas/coverages';
import { formatCalendarDate } from '../../lib/format-date';
import { formatCents } from '../../lib/money';

/** The coverage form's fields, grouped as a plan document is read; also labels the change history. */
export type CoverageTextField = {
  key: keyof Coverage;
  label: string;
  kind: 'text' | 'date' | 'money' | 'percent' | 'textarea';
  hint?: string;
};

export const coverageFieldGroups: readonly { legend: string; fields: readonly CoverageTextField[] }[] = [
  {
    legend: 'Plan',
    fields: [
      { key: 'payer', label: 'Payer', kind: 'text' },
      { key: 'planName', label: 'Plan name', kind: 'text' },
      { key: 'memberId', label: 'Member ID', kind: 'text' },
      { key: 'groupNumber', label: 'Group number', kind: 'text' },
      { key: 'effectiveOn', label: 'Effective date', kind: 'date' },
      { key: 'endsOn', label: 'End date', kind: 'date' },
    ],
  },
  {
    legend: 'Costs this plan year',
    fields: [
      { key: 'deductibleCents', label: 'Deductible', kind: 'money' },
      { key: 'deductibleMetCents', label: 'Deductible met', kind: 'money' },
      { key: 'outOfPocketMaxCents', label: 'Out-of-pocket maximum', kind: 'money' },
      { key: 'outOfPocketMetCents', label: 'Out-of-pocket met', kind: 'money' },
      { key: 'copayCents', label: 'Copay', kind: 'money' },
      { key: 'coinsurancePercent', label: 'Coinsurance (%)', kind: 'percent' },
    ],
  },
  {
    legend: 'What the policy says',
    fields: [
      { key: 'priorAuthRules', label: 'Prior-authorization rules', kind: 'textarea' },
      { key: 'exclusions', label: 'Exclusions and limitations', kind: 'textarea' },
    ],
  },
  {
    legend: 'Payer contacts',
    fields: [
      { key: 'payerPhone', label: 'Phone', kind: 'text' },
      { key: 'payerFax', label: 'Fax', kind: 'text' },
      { key: 'portalUrl', label: 'Portal address', kind: 'text', hint: 'https://…' },
      { key: 'appealsAddress', label: 'Appeals mailing address', kind: 'textarea' },
    ],
  },
];

const labels: Readonly<Record<string, string>> = {
  planType: 'Kind of plan',
  networkType: 'Network type',
  ...Object.fromEntries(
    coverageFieldGroups.flatMap((group) => group.fields.map((field) => [field.key, field.label])),
  ),
};

export function coverageFieldLabel(key: string): string {
  return labels[key] ?? key;
}

/** A coverage value as a person reads it: money in dollars, dates in the locale, blanks as a dash. */
function asText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : JSON.stringify(value);
}

export function formatCoverageValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (key === 'planType') return planTypeLabels[value as PlanType] ?? asText(value);
  if (key === 'networkType') return networkTypeLabels[value as NetworkType] ?? asText(value);
  const field = coverageFieldGroups
    .flatMap((group) => group.fields)
    .find((candidate) => candidate.key === key);
  if (field?.kind === 'money' && typeof value === 'number') return formatCents(value);
  if (field?.kind === 'date' && typeof value === 'string') return formatCalendarDate(value);
  if (field?.kind === 'percent') return `${asText(value)}%`;
  return asText(value);
}
