import { formatPhoneNumber } from './phone-number';
import { planTypeLabels, type PlanType } from './plan-types';

/**
 * Which coverage a denial notice belongs to, when its case has none yet: the client's coverage with
 * the same payer and member ID, so a second case of the same client is linked to the coverage the
 * client already has instead of getting a copy of it. The core records with it and the notice's
 * review step shows it, so both decide the same way.
 */

/** A coverage on file, as far as a notice can say anything about it. */
export type CoverageOnFile = {
  readonly id: number;
  readonly payer: string;
  readonly memberId: string | null;
  readonly planType: PlanType;
  readonly appealsAddress: string | null;
  readonly payerFax: string | null;
  readonly payerPhone: string | null;
};

/** What the notice says about its coverage (null where it says nothing). */
export type CoverageFromNotice = {
  readonly payer: string | null;
  readonly memberId: string | null;
  readonly planType: PlanType | null;
  readonly appealsAddress: string | null;
  readonly payerFax: string | null;
  readonly payerPhone: string | null;
};

/**
 * The fields where the notice and the coverage can disagree; the advocate chooses which to keep.
 * The phone only fills a coverage without one: the notice's is the appeals line, not the payer's.
 */
export const conflictingCoverageFields = ['planType', 'appealsAddress', 'payerFax'] as const;
export type ConflictingCoverageField = (typeof conflictingCoverageFields)[number];

export const conflictingCoverageFieldLabels: Readonly<Record<ConflictingCoverageField, string>> = {
  planType: 'plan type',
  appealsAddress: 'appeal address',
  payerFax: 'appeal fax',
};

/** Keep what the coverage has, or take the notice's. */
export const coverageConflictChoices = ['coverage', 'notice'] as const;
export type CoverageConflictChoice = (typeof coverageConflictChoices)[number];

export type CoverageConflict = {
  readonly field: ConflictingCoverageField;
  readonly onCoverage: string;
  readonly onNotice: string;
};

/** A payer or member ID as typed on different days: no case, spaces or dashes ("w123-456 789" = "W123456789"). */
export function comparableIdentifier(text: string): string {
  return text.toLowerCase().replace(/[\s\-‐-―]+/g, '');
}

/** An address or phone compared for a real difference, not a different way of writing it. */
function comparableValue(field: ConflictingCoverageField | 'payerPhone', text: string): string {
  if (field === 'payerFax' || field === 'payerPhone')
    return text.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
  return text
    .toLowerCase()
    .replace(/[\s,.]+/g, ' ')
    .trim();
}

/**
 * The client's coverage the notice names: the same payer and member ID, compared without case,
 * spaces or dashes. A notice without a member ID names none (one payer can cover a client twice).
 */
export function coverageTheNoticeNames<Coverage extends CoverageOnFile>(
  coverages: readonly Coverage[],
  notice: Pick<CoverageFromNotice, 'payer' | 'memberId'>,
): Coverage | null {
  if (!notice.payer?.trim() || !notice.memberId?.trim()) return null;
  const payer = comparableIdentifier(notice.payer);
  const memberId = comparableIdentifier(notice.memberId);
  return (
    coverages.find(
      (coverage) =>
        coverage.memberId !== null &&
        comparableIdentifier(coverage.payer) === payer &&
        comparableIdentifier(coverage.memberId) === memberId,
    ) ?? null
  );
}

/**
 * What recording the notice into a coverage on file would change: the fields the coverage lacks
 * (filled from the notice), and those where both have a different value (never overwritten
 * without the advocate's choice).
 */
export function coverageChangesFromNotice(
  coverage: CoverageOnFile,
  notice: CoverageFromNotice,
): {
  readonly fills: Partial<Record<ConflictingCoverageField | 'payerPhone', string>>;
  readonly conflicts: readonly CoverageConflict[];
} {
  const fills: Partial<Record<ConflictingCoverageField | 'payerPhone', string>> = {};
  const conflicts: CoverageConflict[] = [];
  for (const field of [...conflictingCoverageFields, 'payerPhone'] as const) {
    const onNotice = notice[field]?.trim();
    if (!onNotice) continue;
    const onCoverage = coverage[field];
    if (onCoverage === null || onCoverage.trim() === '') fills[field] = onNotice;
    else if (
      field !== 'payerPhone' &&
      comparableValue(field, onCoverage) !== comparableValue(field, onNotice)
    )
      conflicts.push({ field, onCoverage, onNotice });
  }
  return { fills, conflicts };
}

/** A conflicting value as the advocate reads it: a plan type by its name, a fax as a number is printed. */
export function shownCoverageValue(field: ConflictingCoverageField, value: string): string {
  if (field === 'planType') return planTypeLabels[value as PlanType] ?? value;
  if (field === 'payerFax') return formatPhoneNumber(value);
  return value;
}

/** "Uses Maria's existing coverage with Aetna (member W123456789)": whose, which payer, which member. */
export function existingCoverageWords(clientName: string, coverage: CoverageOnFile): string {
  const firstName = clientName.trim().split(/\s+/)[0] ?? clientName;
  return `${firstName}’s existing coverage with ${coverage.payer}${
    coverage.memberId ? ` (member ${coverage.memberId})` : ''
  }`;
}
