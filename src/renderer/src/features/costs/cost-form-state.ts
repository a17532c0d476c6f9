import { centsToDollarsInput, parseDollarsToCents } from '../../lib/money';

export type CostFieldKind = 'money' | 'percent' | 'count';

/** One input of a cost form, named by its path in the contract's input ("inNetwork.deductibleCents"). */
export type CostField = {
  readonly path: string;
  readonly label: string;
  readonly kind: CostFieldKind;
  readonly hint?: string;
};

/** The text in each input, by path: what the user typed, "$1,250.00" included. */
export type CostFormState = Readonly<Record<string, string>>;

export const courseFields: readonly CostField[] = [
  {
    path: 'course.inductionSessions',
    label: 'Induction sessions',
    kind: 'count',
    hint: 'For example 6 infusions.',
  },
  { path: 'course.maintenanceSessionsPerMonth', label: 'Maintenance sessions per month', kind: 'count' },
  {
    path: 'course.maintenanceMonths',
    label: 'Months of maintenance',
    kind: 'count',
    hint: 'Within this plan year.',
  },
];

export const priceFields: readonly CostField[] = [
  {
    path: 'prices.inNetworkAllowedCents',
    label: 'In-network allowed amount',
    kind: 'money',
    hint: "The contracted rate, from the clinic's fee schedule or an explanation of benefits.",
  },
  {
    path: 'prices.outOfNetworkChargeCents',
    label: 'Out-of-network charge',
    kind: 'money',
    hint: 'What the clinic bills.',
  },
  {
    path: 'prices.outOfNetworkAllowedCents',
    label: 'Out-of-network allowed amount',
    kind: 'money',
    hint: 'What the plan counts toward reimbursement; ask the plan.',
  },
  {
    path: 'prices.singleCaseAgreementRateCents',
    label: 'Single-case agreement rate',
    kind: 'money',
    hint: 'Blank: the in-network amount is used.',
  },
  {
    path: 'prices.selfPayPriceCents',
    label: 'Self-pay price',
    kind: 'money',
    hint: "From the clinic's Good Faith Estimate.",
  },
];

export function costSharingFields(prefix: 'inNetwork' | 'outOfNetwork'): readonly CostField[] {
  return [
    { path: `${prefix}.deductibleCents`, label: 'Deductible', kind: 'money' },
    {
      path: `${prefix}.deductibleMetCents`,
      label: 'Deductible met',
      kind: 'money',
      hint: 'So far this plan year.',
    },
    {
      path: `${prefix}.coinsurancePercent`,
      label: 'Coinsurance %',
      kind: 'percent',
      hint: "The client's share.",
    },
    { path: `${prefix}.copayCents`, label: 'Copay per session', kind: 'money' },
    { path: `${prefix}.outOfPocketMaxCents`, label: 'Out-of-pocket maximum', kind: 'money' },
    {
      path: `${prefix}.outOfPocketMetCents`,
      label: 'Out-of-pocket met',
      kind: 'money',
      hint: 'So far this plan year.',
    },
  ];
}

function readPath(source: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | null)?.[key], source);
}

/** The form's text for each field, from saved values (whole cents shown as dollars). */
export function formStateFrom(fields: readonly CostField[], source: unknown): Record<string, string> {
  return Object.fromEntries(
    fields.map(({ path, kind }) => {
      const value = readPath(source, path);
      if (typeof value !== 'number') return [path, ''];
      return [path, kind === 'money' ? centsToDollarsInput(value) : String(value)];
    }),
  );
}

/** Text that is not a number goes on as text, so the schema reports it at its field. */
function parsedValue(kind: CostFieldKind, text: string): unknown {
  const trimmed = text.trim();
  if (kind === 'money') {
    const cents = parseDollarsToCents(trimmed);
    return cents === undefined ? trimmed : cents;
  }
  if (trimmed === '') return kind === 'count' ? 0 : null;
  const number = Number(trimmed.replace(/%$/, ''));
  return Number.isFinite(number) ? number : trimmed;
}

/** Writes each field's value into `target` at its path, making the nested objects on the way. */
export function writeFormState(
  target: Record<string, unknown>,
  fields: readonly CostField[],
  state: CostFormState,
): Record<string, unknown> {
  for (const { path, kind } of fields) {
    const keys = path.split('.');
    const last = keys.pop()!;
    let node = target;
    for (const key of keys) {
      node[key] = { ...(node[key] as Record<string, unknown> | undefined) };
      node = node[key] as Record<string, unknown>;
    }
    node[last] = parsedValue(kind, state[path] ?? '');
  }
  return target;
}
