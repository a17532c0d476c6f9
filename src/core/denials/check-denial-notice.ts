import type { PlanType } from '../../shared/domain/plan-types';
import {
  noticeElementIds,
  type AppealWindow,
  type DenialNoticeFindings,
  type NoticeCheck,
  type NoticeElement,
  type NoticeElementId,
  type NoticeFinding,
} from '../../shared/schemas/denial-notice';
import type { DeadlineRule } from '../deadlines/rules';
import { appealFilingRule } from './appeal-filing-rule';
import { evidenceOf } from './notice-element-evidence';
import {
  elementCitations,
  isErisaPlan,
  noticeRulebookFor,
  rulebookNames,
  type NoticeRulebook,
} from './notice-element-rules';
import { NoticeText } from './notice-text';

/**
 * Checks a denial notice against the rule that governs the plan: each required element present
 * (with the words that show it), missing, or not applicable, and the findings an appeal can
 * raise. Guidance for an advocate, not legal advice; the rules and their sources are in
 * docs/domain/denial-and-appeal-content.md §1 and the appeal windows in docs/domain/deadlines.md.
 */
export function checkDenialNotice(
  text: string,
  findings: DenialNoticeFindings,
  planType: PlanType,
): NoticeCheck {
  const notice = new NoticeText(text);
  const rulebook = noticeRulebookFor(planType);
  const elements = noticeElementIds.map((id) => checkElement(id, rulebook, planType, notice, findings));
  return { planType, elements, findings: findingsOf(elements, rulebook, planType, findings) };
}

const judgedDenials = new Set(['not-medically-necessary', 'experimental-investigational']);

/** True when an element the rulebook lists does not apply to this notice. */
function isNotApplicable(id: NoticeElementId, planType: PlanType, findings: DenialNoticeFindings): boolean {
  const category = findings.reasonCategory?.value;
  const isJudgedDenial = category !== undefined && judgedDenials.has(category);
  switch (id) {
    case 'right-to-sue':
      return !isErisaPlan(planType);
    // (g)(1)(v)(A): only where an internal rule, guideline or protocol was relied on.
    case 'internal-criterion':
      return (
        noticeRulebookFor(planType) === 'group-or-individual' && !findings.policyCited && !isJudgedDenial
      );
    // (g)(1)(v)(B): only where the denial rests on medical necessity or experimental treatment.
    case 'clinical-judgment':
      return !isJudgedDenial;
    default:
      return false;
  }
}

function checkElement(
  id: NoticeElementId,
  rulebook: NoticeRulebook,
  planType: PlanType,
  notice: NoticeText,
  findings: DenialNoticeFindings,
): NoticeElement {
  const citation = elementCitations[rulebook][id];
  if (citation === undefined) {
    return { id, status: 'not-applicable', citation: rulebookNames[rulebook], quote: null };
  }
  if (isNotApplicable(id, planType, findings)) return { id, status: 'not-applicable', citation, quote: null };
  const quote = evidenceOf(id, notice, findings);
  return { id, status: quote === null ? 'missing' : 'present', citation, quote };
}

function findingsOf(
  elements: readonly NoticeElement[],
  rulebook: NoticeRulebook,
  planType: PlanType,
  findings: DenialNoticeFindings,
): NoticeFinding[] {
  // The research lists notice contents for these rulebooks only; elsewhere nothing is claimed.
  if (
    rulebook !== 'group-or-individual' &&
    rulebook !== 'medicare-advantage' &&
    rulebook !== 'medicaid-managed-care'
  ) {
    return [];
  }
  const result: NoticeFinding[] = [];
  const rule = appealFilingRule(planType);
  const procedures = elementCitations[rulebook]['appeal-procedures']!;
  if (rule && findings.appealWindow) {
    const tooShort = appealWindowShortfall(findings.appealWindow.value, rule);
    if (tooShort) result.push({ id: 'appeal-window-too-short', message: tooShort, citation: rule.citation });
  } else if (rule) {
    result.push({
      id: 'appeal-window-not-stated',
      message:
        `The notice does not say how long you have to appeal; it must describe the appeal process and its time limits (${procedures}). ` +
        `${sentenceWithCitation(rule)} Count the deadline from that rule.`,
      citation: `${procedures}; ${rule.citation}`,
    });
  }
  const criteriaFinding = criteriaNotOffered(elements, findings);
  if (criteriaFinding) result.push(criteriaFinding);
  return result;
}

const windowStarts: Readonly<Record<AppealWindow['from'], string>> = {
  'notice-date': 'counted from the date on the notice',
  receipt: 'counted from when you receive the notice',
  unknown: 'without saying when the count starts',
};

/** The longest a stated window can run, in days: a month is at most 31 days. */
function longestDays(window: AppealWindow): number {
  return window.unit === 'months' ? window.amount * 31 : window.amount;
}

/** The shortest the rule's window can run, in days: a month is at least 28 days. */
function shortestDays(rule: DeadlineRule): number {
  const { amount, unit } = rule.duration;
  return unit === 'months' ? amount * 28 : unit === 'hours' ? amount / 24 : amount;
}

function sentenceWithCitation(rule: DeadlineRule): string {
  return `${rule.meaning.replace(/\.$/, '')} (${rule.citation}).`;
}

/** What is wrong with a stated appeal window under the rule, or undefined when nothing is. */
function appealWindowShortfall(window: AppealWindow, rule: DeadlineRule): string | undefined {
  const stated = `${window.amount} ${window.unit}, ${windowStarts[window.from]}`;
  // An 'unverified' rule is one docs/domain/deadlines.md has not yet checked against the regulation's text.
  const caveats = [
    rule.outerLimit ? ` Sources conflict on this window: ${rule.outerLimit.reason}.` : '',
    rule.confidence === 'unverified'
      ? ' This rule has not yet been checked against its source, so treat this as a point to check, not a settled defect.'
      : '',
  ].join('');
  if (longestDays(window) < shortestDays(rule)) {
    return (
      `The notice gives ${stated}. The law allows more. ${sentenceWithCitation(rule)} ` +
      `Use the legal window as the deadline and raise the shorter one in the appeal as a defect of the notice.${caveats}`
    );
  }
  // The same number of days counted from the letter's date runs out before the law's, which counts from receipt.
  const countsFromReceipt =
    rule.clockStart === 'receipt-by-claimant' || rule.clockStart === 'presumed-receipt-5d';
  if (countsFromReceipt && window.from === 'notice-date' && longestDays(window) === shortestDays(rule)) {
    return (
      `The notice gives ${stated}, but the law counts from when the notice is received. ${sentenceWithCitation(rule)} ` +
      `The notice's window can end a few days early; use the legal one.${caveats}`
    );
  }
  return undefined;
}

function criteriaNotOffered(
  elements: readonly NoticeElement[],
  findings: DenialNoticeFindings,
): NoticeFinding | undefined {
  const category = findings.reasonCategory?.value;
  if (category === undefined || !judgedDenials.has(category)) return undefined;
  const missing = elements.filter(
    (element) =>
      (element.id === 'internal-criterion' || element.id === 'clinical-judgment') &&
      element.status === 'missing',
  );
  if (missing.length === 0) return undefined;
  const kind =
    category === 'experimental-investigational'
      ? 'an experimental or investigational'
      : 'a medical-necessity';
  const what = missing
    .map((element) =>
      element.id === 'internal-criterion'
        ? 'the criteria (policy or guideline) it relied on'
        : 'the clinical reasoning that applied the plan terms to the patient',
    )
    .join(' or ');
  return {
    id: 'criteria-not-offered',
    message:
      `This is ${kind} denial, and the notice neither gives nor offers free of charge ${what}. ` +
      'Ask for them in writing with the claim file, and name the omission in the appeal.',
    citation: missing.map((element) => element.citation).join('; '),
  };
}
