import type { PlanType } from '../../shared/domain/plan-types';
import type {
  AppealWindow,
  DenialNoticeFindings,
  DenialReasonCategory,
  NoticeSource,
} from '../../shared/schemas/denial-notice';
import { findDates } from './notice-dates';
import { digit, digitsOf, firstMatch, foldPattern, found, type Found } from './notice-patterns';
import type { Span } from './text-spans';
import { collapseSpaces, NoticeText } from './notice-text';
import { blueCrossBlueShieldPattern, knownPayers, letterheadWords } from './payer-dictionary';
import { planTypeSignals } from './plan-type-hints';
import { reasonCategoryWords } from './reason-categories';

/**
 * Reads the facts of a denial notice from its text with patterns and dictionaries only: no
 * network, no model. Every value carries the words it came from (offsets into `text`, so the
 * page can highlight them) and a confidence; a fact the notice does not show is `null`.
 * What is read and why: docs/denial-notices.md.
 */
export function readDenialNotice(text: string): DenialNoticeFindings {
  const notice = new NoticeText(text);
  const reason = readReasonText(notice);
  return {
    payer: readPayer(notice),
    noticeDate: readNoticeDate(notice),
    memberId: readLabelledIdentifier(notice, memberIdLabel),
    referenceNumber: readLabelledIdentifier(notice, referenceLabel),
    service: readService(notice),
    datesOfService: readDatesOfService(notice),
    requestingProvider: readRequestingProvider(notice),
    reasonText: reason?.found ?? null,
    reasonCategory: reason ? readReasonCategory(notice, reason.span) : null,
    policyCited: readPolicyCited(notice),
    denialCode: readDenialCode(notice),
    appealWindow: readAppealWindow(notice),
    appealAddress: readAppealAddress(notice),
    appealFax: readAppealNumber(notice, faxLabel),
    appealPhone: readAppealNumber(notice, phoneLabel),
    expeditedOffered: readExpeditedOffered(notice),
    planTypeHints: readPlanTypeHints(notice),
  };
}

/** How much of the start of a notice is its letterhead. */
const letterheadLines = 6;

function readPayer(notice: NoticeText): Found<string> | null {
  const letterheadEnd = lineOffset(notice.text, letterheadLines);
  const candidates: Found<string>[] = [];
  const blueCross = firstMatch(notice, foldPattern(blueCrossBlueShieldPattern, 'gd'));
  if (blueCross) {
    const [stateStart, stateEnd] = blueCross.indices![1] ?? [0, 0];
    const state =
      stateEnd > stateStart ? ` of ${titleCase(notice.valueOf(stateStart, stateEnd).toLowerCase())}` : '';
    candidates.push(payerFound(notice, blueCross, `Blue Cross Blue Shield${state}`, letterheadEnd));
  }
  for (const payer of knownPayers) {
    const match = firstMatch(notice, foldPattern(payer.pattern));
    if (match) candidates.push(payerFound(notice, match, payer.name, letterheadEnd));
  }
  const earliest = candidates.sort(
    (a, b) => a.source.start - b.source.start || b.source.end - a.source.end,
  )[0];
  if (earliest) return earliest;
  // Not a payer we know: the first line of the letterhead that reads like an insurer's name.
  const letterhead = firstMatch(notice, foldPattern(`^[ \\t]*([^\\n]*${letterheadWords}[^\\n]*)$`, 'gmd'));
  if (!letterhead || letterhead.index >= letterheadEnd) return null;
  const [start, end] = letterhead.indices![1]!;
  return found(notice, start, end, notice.valueOf(start, end), 0.6);
}

function payerFound(
  notice: NoticeText,
  match: RegExpExecArray,
  name: string,
  letterheadEnd: number,
): Found<string> {
  return found(
    notice,
    match.index,
    match.index + match[0].length,
    name,
    match.index < letterheadEnd ? 0.95 : 0.8,
  );
}

/** Where line `lines` (from 0) of `text` starts; the end of the text when it has fewer lines. */
function lineOffset(text: string, lines: number): number {
  let offset = 0;
  for (let line = 0; line < lines; line += 1) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset;
}

function titleCase(words: string): string {
  return words.replace(/\b[a-z]/g, (letter) => letter.toUpperCase());
}

function readNoticeDate(notice: NoticeText): Found<string> | null {
  const dates = findDates(notice.folded);
  const label = foldPattern(
    '\\b(?:date\\s+of\\s+(?:this\\s+)?(?:notice|letter)|notice\\s+date|letter\\s+date|date\\s+mailed|mailing\\s+date|date)\\s*:\\s*$',
  );
  for (const date of dates) {
    const lineStart = notice.folded.lastIndexOf('\n', date.start - 1) + 1;
    const before = notice.folded.slice(lineStart, date.start);
    if (new RegExp(label.source).test(before)) return found(notice, date.start, date.end, date.date, 0.95);
  }
  // A letter's date stands alone on its own line near the top.
  const topEnd = Math.max(lineOffset(notice.text, 20), Math.floor(notice.text.length * 0.3));
  for (const date of dates) {
    if (date.start >= topEnd) break;
    const lineStart = notice.folded.lastIndexOf('\n', date.start - 1) + 1;
    const lineEnd = notice.folded.indexOf('\n', date.end);
    const rest = notice.folded.slice(date.end, lineEnd < 0 ? undefined : lineEnd);
    if (notice.folded.slice(lineStart, date.start).trim() === '' && rest.trim() === '') {
      return found(notice, date.start, date.end, date.date, 0.85);
    }
  }
  return null;
}

/** An identifier as notices print one: groups of letters and digits joined by hyphens, dots or single spaces. */
const identifier = `([a-z0-9][a-z0-9\\-.]*(?:[ ][0-9o][a-z0-9\\-.]*)*)`;
const memberIdLabel =
  '\\b(?:member|subscriber|customer|medicaid|medicare|enrollee|insured|patient)\\s*(?:id(?:entification)?|number|no\\.?)\\s*(?:number|no\\.?)?\\s*#?\\s*:\\s*|^\\s*id\\s*#?\\s*:\\s*';
const referenceLabel =
  '\\b(?:reference|ref\\.?|claim|case|(?:prior\\s+)?authorization|auth\\.?|tracking|appeal)\\s*(?:number|no\\.?|#|id)\\s*#?\\s*:?\\s*';

function readLabelledIdentifier(notice: NoticeText, label: string): Found<string> | null {
  const pattern = foldPattern(`(?:${label})${identifier}`, 'gmd');
  for (const match of notice.folded.matchAll(pattern)) {
    const [start, rawEnd] = match.indices![1]!;
    const end = start + notice.folded.slice(start, rawEnd).replace(/[.-]+$/, '').length;
    const value = notice.valueOf(start, end);
    // A value with no digit is a word after the label ("Claim number: see below"), not an identifier.
    if ((value.match(/\d/g) ?? []).length >= 3) return found(notice, start, end, value, 0.9);
  }
  return null;
}

/** The end of a clause: punctuation, a line break before a blank line, or words that start the next clause. */
const clauseEnd =
  '(?=\\s*[,;]|\\s*\\.(?:\\s|$)|\\s*\\n\\s*\\n|\\s+(?:requested|asked\\s+for|has\\s+been|have\\s+been|is\\s+denied|was\\s+denied|on|for\\s+dates?|because)\\b|\\s*$)';

/**
 * A field given on a labelled line of its own ("Treatment: …"), or else inside a sentence ("a request
 * for …"): the first capture group of either pattern, trusted less when read from a sentence.
 */
function readLabelledOrInline(notice: NoticeText, labelled: RegExp, inline: RegExp): Found<string> | null {
  const onItsLine = firstMatch(notice, labelled);
  if (onItsLine) return foundGroup(notice, onItsLine, 1, 0.9);
  const inSentence = firstMatch(notice, inline);
  return inSentence ? foundGroup(notice, inSentence, 1, 0.75) : null;
}

function readService(notice: NoticeText): Found<string> | null {
  return readLabelledOrInline(
    notice,
    foldPattern(
      '^[ \\t]*(?:service(?:s)?(?:/item)?(?:\\s+requested)?|treatment|item\\s+requested)\\s*:[ \\t]*([^\\n]+)',
      'gmd',
    ),
    foldPattern(
      `\\b(?:requests?\\s+(?:from\\s+(?:(?:dr|mr|mrs|ms|[a-z])\\.\\s*|[^.\\n])+?\\s+)?for|denied\\s+(?:coverage|payment)\\s+(?:for|of))\\s+(?:coverage\\s+of\\s+)?((?:[^.,;\\n]|\\n(?![ \\t]*\\n))+?)${clauseEnd}`,
      'gd',
    ),
  );
}

function foundGroup(notice: NoticeText, match: RegExpExecArray, group: number, confidence: number) {
  const [start, end] = match.indices![group]!;
  const trimmedEnd = start + notice.text.slice(start, end).trimEnd().length;
  return found(notice, start, trimmedEnd, notice.valueOf(start, trimmedEnd), confidence);
}

function readDatesOfService(notice: NoticeText): Found<string> | null {
  const label = firstMatch(
    notice,
    foldPattern('\\b(?:dates?\\s+of\\s+service|date\\(s\\)\\s+of\\s+service|dos)\\b\\s*:?\\s*'),
  );
  if (!label) return null;
  const labelEnd = label.index + label[0].length;
  const dates = findDates(notice.folded).filter(
    (date) => date.start >= labelEnd && date.start - labelEnd < 80,
  );
  const [first, second] = dates;
  if (!first || first.start !== labelEnd) return null;
  const joiner = second ? notice.folded.slice(first.end, second.start) : '';
  if (second && /^\s*(?:-|–|to|through|thru)\s*$/.test(joiner)) {
    return found(notice, first.start, second.end, `${first.date} to ${second.date}`, 0.9);
  }
  return found(notice, first.start, first.end, first.date, 0.9);
}

function readRequestingProvider(notice: NoticeText): Found<string> | null {
  return readLabelledOrInline(
    notice,
    foldPattern(
      '^[ \\t]*(?:requesting|treating|rendering|ordering|servicing)?\\s*(?:provider|physician|doctor|prescriber)(?:\\s+name)?\\s*:[ \\t]*([^\\n]+)',
      'gmd',
    ),
    foldPattern(
      `\\b(?:requested\\s+by|asked\\s+for\\s+by|request\\s+from|submitted\\s+by|prescribed\\s+by)\\s+((?:(?:dr|mr|mrs|ms|[a-z])\\.\\s*|[^.;\\n]|\\n(?![ \\t]*\\n))+?)(?=\\s+(?:on|for)\\b|\\s*[.;](?:\\s|$)|\\s*$)`,
      'gd',
    ),
  );
}

/** Headings and labels notices put before the reason for the denial. */
const reasonLabel =
  '^[ \\t]*(?:reason(?:\\s+for\\s+(?:the\\s+)?(?:denial|decision))?|why(?:\\s+we\\s+denied\\s+(?:it|this(?:\\s+request)?|your\\s+request))?|why\\s+did\\s+we\\s+deny\\s+your\\s+request\\?|why\\s+this\\s+(?:claim|request)\\s+was\\s+denied|denial\\s+reason)[ \\t]*(?::[ \\t]*|\\n)';

function readReasonText(notice: NoticeText): { found: Found<string>; span: Span } | null {
  const at = (span: Span, confidence: number) => ({
    span,
    found: found(notice, span.start, span.end, notice.valueOf(span.start, span.end), confidence),
  });
  const label = firstMatch(notice, foldPattern(reasonLabel, 'gm'));
  if (label) {
    const start = label.index + label[0].length;
    const paragraph = notice.paragraphs.find((span) => span.end > start);
    if (paragraph) {
      return at({ start: Math.max(start, paragraph.start), end: paragraph.end }, 0.9);
    }
  }
  // No heading: the first sentence that gives a reason.
  const reasonWords = foldPattern(
    `\\bbecause\\b|${Object.values(reasonCategoryWords).join('|')}|\\bdoes\\s+not\\s+meet\\b`,
    '',
  );
  const sentence = notice.sentences.find((span) =>
    reasonWords.test(notice.folded.slice(span.start, span.end)),
  );
  return sentence ? at(sentence, 0.7) : null;
}

/**
 * The kind of reason: the category whose words come first in the reason as written, else in the
 * rest of the notice (a reason paragraph that lists the unmet criteria while the next one names
 * "medical necessity"), else none. Never a guessed "Other": a kind the notice does not give is
 * left for the advocate to choose.
 */
function readReasonCategory(notice: NoticeText, reason: Span): Found<DenialReasonCategory> | null {
  const inReason = firstCategoryWords(notice, reason);
  if (inReason) return found(notice, inReason.start, inReason.end, inReason.category, 0.8);
  const inNotice = firstCategoryWords(notice, { start: 0, end: notice.folded.length });
  if (inNotice) return found(notice, inNotice.start, inNotice.end, inNotice.category, 0.6);
  return null;
}

function firstCategoryWords(
  notice: NoticeText,
  within: Span,
): { category: DenialReasonCategory; start: number; end: number } | null {
  const words = notice.folded.slice(within.start, within.end);
  let earliest: { category: DenialReasonCategory; index: number; length: number } | undefined;
  for (const [category, pattern] of Object.entries(reasonCategoryWords) as [DenialReasonCategory, string][]) {
    const match = foldPattern(pattern, '').exec(words);
    if (match && (!earliest || match.index < earliest.index)) {
      earliest = { category, index: match.index, length: match[0].length };
    }
  }
  if (!earliest) return null;
  const start = within.start + earliest.index;
  return { category: earliest.category, start, end: start + earliest.length };
}

function readPolicyCited(notice: NoticeText): Found<string> | null {
  const numbered = firstMatch(
    notice,
    foldPattern(
      '\\b(?:(?:clinical|medical|coverage|drug|payment|reimbursement|pharmacy|benefit|um|utilization\\s+management|local|national)\\s+){1,4}(?:policy(?:\\s+bulletin)?|guideline|coverage\\s+determination|criteria)\\s*(?:number|no\\.?|#)?\\s*:?\\s*(?:\\(?(?:lcd|ncd)\\)?\\s*)?[a-z0-9][a-z0-9.\\-]*[0-9][a-z0-9\\-]*(?:\\.[0-9a-z]+)*',
      'gd',
    ),
  );
  if (numbered) {
    const end = numbered.index + numbered[0].replace(/[.-]+$/, '').length;
    return found(notice, numbered.index, end, notice.valueOf(numbered.index, end), 0.9);
  }
  // "under policy MP-0719": a policy named by its code alone, after the word that cites it.
  const coded = firstMatch(
    notice,
    foldPattern(
      '\\b(?:under|per|by|in)\\s+(?:our\\s+|the\\s+)?(policy\\s+[a-z]{1,5}[.\\-]?[0-9][a-z0-9.\\-]*[a-z0-9])',
      'gd',
    ),
  );
  if (coded) return foundGroup(notice, coded, 1, 0.75);
  const named = firstMatch(
    notice,
    foldPattern(
      '\\b(?:medical\\s+necessity|clinical(?:\\s+review)?|coverage)\\s+criteria\\s+for\\s+[^,.;\\n]+|\\b(?:interqual|mcg|milliman\\s+care\\s+guidelines)\\b[^,.;\\n]*',
    ),
  );
  if (!named) return null;
  const end = named.index + named[0].trimEnd().length;
  return found(notice, named.index, end, notice.valueOf(named.index, end), 0.6);
}

function readDenialCode(notice: NoticeText): Found<string> | null {
  const group = '(?:co|pr|oa|pi|cr)';
  const code = `(?:(?:carc|rarc)\\s*#?\\s*[a-z]?\\d{1,4}|${group}\\s*-\\s*\\d{1,3}|[a-z]{0,3}\\d{1,4}[a-z]?)`;
  const labelled = firstMatch(
    notice,
    foldPattern(
      `\\b(?:denial|reason|adjustment|remark|explanation|ex|claim\\s+adjustment\\s+reason)\\s+codes?\\s*:?\\s*(${code})\\b`,
      'gd',
    ),
  );
  const bare = firstMatch(
    notice,
    foldPattern(`\\b(${group}\\s*-\\s*\\d{1,3}|carc\\s*#?\\s*\\d{1,3})\\b`, 'gd'),
  );
  const match = [labelled, bare]
    .filter((candidate): candidate is RegExpExecArray => candidate !== null)
    .sort((a, b) => a.indices![1]![0] - b.indices![1]![0])[0];
  if (!match) return null;
  const [start, end] = match.indices![1]!;
  // CARC group codes are letters: OCR's "C0-50" is CO-50.
  const value = notice
    .valueOf(start, end)
    .toUpperCase()
    .replace(/^([COPRAI])0(?=\s*-)/, '$1O')
    .replace(/^0([AR])(?=\s*-)/, 'O$1')
    .replace(/\s*-\s*/, '-');
  return found(notice, start, end, value, labelled === match ? 0.9 : 0.75);
}

const numberWords: Readonly<Record<string, number>> = {
  thirty: 30,
  sixty: 60,
  'sixty-five': 65,
  ninety: 90,
  'one hundred twenty': 120,
  'one hundred eighty': 180,
  'one hundred and eighty': 180,
  four: 4,
  six: 6,
};

/** The folded view writes every i as l. */
const numberWordsFolded = new Map(
  Object.entries(numberWords).map(([words, value]) => [words.replace(/i/g, 'l'), value]),
);

function readAppealWindow(notice: NoticeText): Found<AppealWindow> | null {
  const amount = `(${digit}{1,3}|${Object.keys(numberWords).join('|')})(?:\\s*\\(\\s*${digit}{1,3}\\s*\\))?`;
  const anchor =
    '(?:\\s+(?:from|after|of|following)\\s+(?:(the\\s+date\\s+(?:of|on)\\s+(?:this|the)\\s+(?:notice|letter|denial|decision\\s+letter))|(receiving|receipt|the\\s+date\\s+you\\s+(?:receive|get)|you\\s+(?:receive|get))|(?:the\\s+)?(?:this\\s+)?(?:denial|notice|letter|decision)\\b))?';
  const pattern = foldPattern(`\\b${amount}\\s*(?:calendar\\s+|business\\s+)?(days?|months?)${anchor}`, 'gd');
  for (const sentence of notice.sentences) {
    const words = notice.folded.slice(sentence.start, sentence.end);
    // Only the window to appeal this notice: not external review, a fair hearing after the
    // appeal, keeping services during the appeal, or how fast the plan decides.
    if (!/\bappea[l1]/.test(words)) continue;
    if (/external\s+review|fair\s+hearing|contlnue|we\s+wl[l1][l1]|decl(?:de|slon\s+on)|keep/.test(words))
      continue;
    pattern.lastIndex = 0;
    const match = pattern.exec(words);
    if (!match) continue;
    const amountText = match[1]!;
    const value = numberWordsFolded.get(amountText.replace(/\s+/g, ' ')) ?? Number(digitsOf(amountText));
    if (!Number.isInteger(value) || value <= 0) continue;
    const unit: AppealWindow['unit'] = match[2]!.startsWith('month') ? 'months' : 'days';
    const from: AppealWindow['from'] = match[3] ? 'notice-date' : match[4] ? 'receipt' : 'unknown';
    const start = sentence.start + match.index;
    return found(
      notice,
      start,
      start + match[0].length,
      { amount: value, unit, from },
      from === 'unknown' ? 0.7 : 0.9,
    );
  }
  return null;
}

const stateCodes =
  'al|ak|az|ar|ca|co|ct|de|dc|fl|ga|hi|id|il|in|ia|ks|ky|la|me|md|ma|mi|mn|ms|mo|mt|ne|nv|nh|nj|nm|ny|nc|nd|oh|ok|or|pa|ri|sc|sd|tn|tx|ut|vt|va|wa|wv|wi|wy|pr|gu|vi';

function readAppealAddress(notice: NoticeText): Found<string> | null {
  const pattern = foldPattern(
    `\\b(?:(?:send|mail|submit|return)\\s+(?:(?:your|the|it|all|written|appeals?|request|form|letter)\\s+){0,4}(?:in\\s+writing\\s+)?to|write\\s+to|in\\s+writing\\s+to|appeals?\\s+address)\\s*:?\\s*((?:[^\\n]|\\n(?![ \\t]*\\n)){3,200}?\\b(?:${stateCodes})\\b[ \\t,]+${digit}{5}(?:-${digit}{4})?)`,
    'gd',
  );
  const match = firstMatch(notice, pattern);
  if (!match) return null;
  const [start, end] = match.indices![1]!;
  const value = collapseSpaces(
    notice.repaired
      .slice(start, end)
      .split('\n')
      .map((line) => line.trim())
      // Lines of an address are its parts ("Appeals Unit", "P.O. Box 1"), unless the line goes on a sentence.
      .reduce((joined, line) => {
        if (joined === '') return line;
        return /[,:]$/.test(joined) || /^[a-z]/.test(line) ? `${joined} ${line}` : `${joined}, ${line}`;
      }, ''),
  );
  return found(notice, start, end, value, 0.85);
}

const phoneNumber = `((?:1\\s*[\\s.\\-]\\s*)?\\(?${digit}{3}\\)?\\s*[\\s.\\-]?\\s*${digit}{3}\\s*[\\s.\\-]\\s*${digit}{4})\\b`;
const faxLabel = `\\bfax(?:\\s+(?:number|no\\.?|#))?\\s*(?::|at|to|it\\s+to|#)?\\s*${phoneNumber}`;
const phoneLabel = `\\b(?:phone|call|telephone|tel\\.?)\\b(?:(?!fax)[^0-9\\n]){0,40}?${phoneNumber}`;

/**
 * A fax or phone number given for the appeal: one in a paragraph that speaks of appealing. A
 * customer-service number elsewhere in the notice is not where an appeal goes.
 */
function readAppealNumber(notice: NoticeText, label: string): Found<string> | null {
  const paragraphs = notice.paragraphs;
  const pattern = foldPattern(label, 'gd');
  for (const match of notice.folded.matchAll(pattern)) {
    const paragraph = paragraphs.find((span) => span.start <= match.index && match.index < span.end);
    const context = paragraph ? notice.folded.slice(paragraph.start, paragraph.end) : '';
    if (!/\bappea[l1]|\bgrlevance/.test(context)) continue;
    const [start, end] = match.indices![1]!;
    const digits = digitsOf(notice.folded.slice(start, end))
      .replace(/\D/g, '')
      .replace(/^1(?=\d{10}$)/, '');
    if (digits.length === 10) return found(notice, start, end, digits, 0.85);
  }
  return null;
}

function readExpeditedOffered(notice: NoticeText): Found<boolean> | null {
  const refused = firstMatch(
    notice,
    foldPattern('\\b(?:expedited|urgent|fast)\\s+(?:appeal|review)s?\\s+(?:is|are)\\s+not\\s+available\\b'),
  );
  if (refused) return found(notice, refused.index, refused.index + refused[0].length, false, 0.8);
  const offered = firstMatch(
    notice,
    foldPattern(
      '\\b(?:expedited|fast|urgent)\\s+(?:\\((?:urgent|fast)\\)\\s+)?(?:appeal|review|reconsideration|decision)s?\\b|\\bask\\s+for\\s+(?:an?\\s+)?(?:expedited|fast|urgent)\\b',
    ),
  );
  return offered ? found(notice, offered.index, offered.index + offered[0].length, true, 0.85) : null;
}

function readPlanTypeHints(notice: NoticeText): DenialNoticeFindings['planTypeHints'] {
  const weights = new Map<PlanType, { weight: number; best: number; source: NoticeSource }>();
  const fundingSaid = new Set<PlanType>();
  for (const signal of planTypeSignals) {
    const match = firstMatch(notice, foldPattern(signal.pattern));
    if (!match) continue;
    const source = notice.sourceOf(match.index, match.index + match[0].length);
    if (signal.planTypes.length === 1 && signal.planTypes[0]!.startsWith('employer-'))
      fundingSaid.add(signal.planTypes[0]!);
    for (const planType of signal.planTypes) {
      const current = weights.get(planType);
      weights.set(planType, {
        weight: (current?.weight ?? 0) + signal.weight,
        best: Math.max(current?.best ?? 0, signal.weight),
        source: current && current.best >= signal.weight ? current.source : source,
      });
    }
  }
  // A notice that says how the employer plan is funded rules out the other funding.
  if (fundingSaid.size === 1) {
    for (const planType of ['employer-self-funded', 'employer-fully-insured'] as const) {
      if (!fundingSaid.has(planType)) weights.delete(planType);
    }
  }
  return [...weights.entries()]
    .sort(([, a], [, b]) => b.weight - a.weight)
    .map(([planType, { source }]) => ({ planType, source }));
}
