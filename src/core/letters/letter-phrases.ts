import { withDatesFormatted } from '../../shared/domain/dates-in-text';
import { formatLongDate } from '../../shared/domain/long-date';
import type { EvidenceSource } from '../medical-necessity/case-clinical-facts';
import type { CriterionResult } from '../medical-necessity/criteria-evaluation';
import type { LetterContext } from './letter-context';
import { escapeMarkdownText } from './letter-markdown';

/** Phrases several placeholders write the same way: dates, evidence citations, lists. */

/**
 * The criteria evaluator writes dates as YYYY-MM-DD (it serves the screen too); a letter to a
 * payer writes them out, so "age 47 on 2026-11-23" reads "age 47 on November 23, 2026".
 */
export function withLetterDates(text: string): string {
  return withDatesFormatted(text, formatLongDate);
}

/** "Enclosure 3" when the advocate encloses the document that shows it, else its label. */
export function citeEvidence(context: LetterContext, source: EvidenceSource): string {
  const position =
    source.documentId === null
      ? -1
      : context.enclosures.findIndex((enclosure) => enclosure.documentId === source.documentId);
  return position >= 0 ? `${source.label} (Enclosure ${position + 1})` : source.label;
}

function citeAll(context: LetterContext, sources: readonly EvidenceSource[]): string {
  return sources
    .map((source) => escapeMarkdownText(withLetterDates(citeEvidence(context, source))))
    .join('; ');
}

export function describeCriterion(context: LetterContext, result: CriterionResult): string {
  const evidence = result.evidence.length > 0 ? ` Evidence: ${citeAll(context, result.evidence)}.` : '';
  return `**${escapeMarkdownText(result.text)}** — met. ${escapeMarkdownText(withLetterDates(result.explanation))}${evidence}`;
}

export function numbered(lines: readonly string[]): string {
  return lines.map((line, index) => `${index + 1}. ${line}`).join('\n');
}

export function bulleted(lines: readonly string[]): string {
  return lines.map((line) => `- ${line}`).join('\n');
}

/** A request for expedited review is urgent by what it is, whatever the case record says. */
export function isUrgentRequest(context: LetterContext): boolean {
  return context.isUrgent || context.claimType === 'urgent' || context.letterKind === 'expedited_review';
}
