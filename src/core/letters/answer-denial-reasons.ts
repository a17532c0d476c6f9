import { unfilledPrompt } from '../../shared/domain/letter-prompts';
import type { CriterionResult } from '../medical-necessity/criteria-evaluation';
import type { LetterContext } from './letter-context';
import { escapeMarkdownText } from './letter-markdown';
import { bulleted, describeCriterion } from './letter-phrases';

/**
 * A denial's stated reason, split into the separate reasons it gives and each one answered with
 * the criteria it concerns: the point-by-point rebuttal of denial-and-appeal-content.md §5.1
 * item 6 and the §5.3 skeleton. Only criteria shown as met are argued; what is not yet shown
 * stays on the Criteria tab for the advocate, not in a letter to the payer.
 */

/** A reason's subject, how a denial words it, and how a criterion about it is worded. */
type Topic = { readonly inReason: RegExp; readonly inCriterion: RegExp };

const topics: readonly Topic[] = [
  {
    inReason: /antidepressant|medication|trial|drug|class|fail|step therapy|tried|augment/i,
    inCriterion: /antidepressant|trial|class|medication|augment/i,
  },
  { inReason: /psychotherap|therapy|counsel/i, inCriterion: /psychotherap/i },
  {
    inReason: /sever|score|phq|madrs|ham-?d|scale|symptom/i,
    inCriterion: /sever|score|scale|phq|madrs|ham-?d/i,
  },
  {
    inReason: /diagnos|depressi|treatment[- ]resistant|\btrd\b/i,
    inCriterion: /diagnos|depressi|treatment[- ]resistant/i,
  },
  { inReason: /psychiatr|prescrib|specialist/i, inCriterion: /psychiatr|prescrib/i },
  { inReason: /rems|certified|site|monitor|observ/i, inCriterion: /rems|monitor|site|observ/i },
  { inReason: /\bage\b|years old|adult/i, inCriterion: /\bage\b|adult|18/i },
  { inReason: /psychosis|substance|contraindicat/i, inCriterion: /psychosis|substance|contraindicat/i },
];

/** Reasons that concern the whole request, answered with every criterion met. */
const isGeneralReason = (reason: string) =>
  /medically necessary|medical necessity|criteria|documentation|records|insufficient|information/i.test(
    reason,
  );
const isExperimentalReason = (reason: string) =>
  /experimental|investigational|unproven|not proven/i.test(reason);
const isOralAntidepressantReason = (reason: string) =>
  /oral antidepressant|concurrent|in combination|monotherapy/i.test(reason);

/** "1. No trials. 2) Not severe" or one reason per line → ["No trials.", "Not severe"]. */
export function splitDenialReasons(reason: string): string[] {
  const lines = reason
    .split(/\n|(?:^|\s)(?=\(?\d{1,2}[.)]\s)/)
    .map((line) => line.replace(/^\s*(?:\(?\d{1,2}[.)]|[-•*])\s*/, '').trim())
    .filter((line) => line.length > 0);
  return lines.length > 0 ? lines : [reason.trim()];
}

function criteriaConcerning(reason: string, results: readonly CriterionResult[]): readonly CriterionResult[] {
  const matched = topics.filter((topic) => topic.inReason.test(reason));
  const concerned = results.filter((result) => matched.some((topic) => topic.inCriterion.test(result.text)));
  return concerned.length > 0 || !isGeneralReason(reason) ? concerned : results;
}

// payer-criteria.md §1 (Spravato): the FDA approved Spravato for TRD as monotherapy on
// January 21, 2025; §2.1 item 5 says to cite it where a policy still requires an oral antidepressant.
const spravatoLabelFacts =
  'Esketamine (Spravato) is approved by the FDA for treatment-resistant depression, and since January 21, 2025 the FDA label allows its use for that indication as monotherapy, without a concurrent oral antidepressant. Its use here is within the FDA label.';

/**
 * The criteria met that each reason is answered with, each criterion under the first reason that
 * concerns it only: a notice giving "not medically necessary" and then "too few trials" has the
 * trials argued once, under the first.
 */
function metCriteriaByReason(context: LetterContext, reasons: readonly string[]): CriterionResult[][] {
  const cited = new Set<string>();
  return reasons.map((reason) => {
    if (!context.criteria) return [];
    const met = criteriaConcerning(reason, context.criteria.results).filter(
      (result) => result.status === 'met',
    );
    const fresh = met.filter((result) => !cited.has(result.criterionId));
    for (const result of fresh) cited.add(result.criterionId);
    return fresh;
  });
}

/** Ids of the criteria met that the answers to the denial's reasons already set out. */
export function criteriaArguedAgainstReasons(context: LetterContext): ReadonlySet<string> {
  const stated = context.denial?.reason?.trim();
  if (!stated) return new Set();
  return new Set(
    metCriteriaByReason(context, splitDenialReasons(stated))
      .flat()
      .map((result) => result.criterionId),
  );
}

function answerOne(
  context: LetterContext,
  reason: string,
  freshlyMet: readonly CriterionResult[],
  isConcernedAgain: boolean,
): string[] {
  const isEsketamine = context.treatmentKind === 'esketamine';
  if (isEsketamine && isOralAntidepressantReason(reason))
    return [`This is not correct. ${spravatoLabelFacts}`];
  const paragraphs: string[] = [];
  if (isExperimentalReason(reason)) {
    paragraphs.push(
      isEsketamine
        ? `This is not correct. ${spravatoLabelFacts}`
        : unfilledPrompt(`evidence that ${context.treatment} is accepted treatment for this diagnosis`),
    );
  }
  if (!context.criteria) {
    if (paragraphs.length === 0) paragraphs.push(unfilledPrompt('answer to this reason: criteria check'));
    return paragraphs;
  }
  const lead = paragraphs.length === 0 ? 'This is not correct. The records' : 'The records also';
  if (freshlyMet.length > 0) {
    paragraphs.push(
      `${lead} meet ${freshlyMet.length === 1 ? 'the criterion' : 'each criterion'} of your policy that this reason concerns${isConcernedAgain ? ' and that is not set out above' : ''}:`,
      bulleted(freshlyMet.map((result) => describeCriterion(context, result))),
    );
  } else if (isConcernedAgain) {
    paragraphs.push(`${lead} meet the criteria of your policy that this reason concerns, as set out above.`);
  } else if (paragraphs.length === 0) {
    paragraphs.push(unfilledPrompt('records answering this reason'));
  }
  return paragraphs;
}

export function answerDenialReasons(context: LetterContext): string | null {
  const stated = context.denial?.reason?.trim();
  if (!stated) return null;
  const reasons = splitDenialReasons(stated);
  const freshlyMet = metCriteriaByReason(context, reasons);
  return reasons
    .flatMap((reason, index) => {
      const lead =
        reasons.length > 1 ? `**Reason ${index + 1}.** Your notice states:` : '**Your notice states:**';
      const concernsCitedCriteria =
        context.criteria !== null &&
        criteriaConcerning(reason, context.criteria.results).some(
          (result) => result.status === 'met' && !freshlyMet[index]!.includes(result),
        );
      return [
        `${lead} “${escapeMarkdownText(reason)}”`,
        ...answerOne(context, reason, freshlyMet[index]!, concernsCitedCriteria),
      ];
    })
    .join('\n\n');
}
