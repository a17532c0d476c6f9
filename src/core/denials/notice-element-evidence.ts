import type { DenialNoticeFindings, NoticeElementId, NoticeSource } from '../../shared/schemas/denial-notice';
import { foldPattern } from './notice-patterns';
import type { NoticeText } from './notice-text';

/**
 * Where a notice shows each required element: the words that show it, or null. Patterns are
 * plain lower-case English for foldPattern; a sentence must carry every pattern of a test.
 * What counts as showing each element: docs/denial-notices.md.
 */
type SentenceTest = readonly string[];

const freeOfCharge =
  '\\bfree\\b|\\bat\\s+no\\s+cost\\b|\\bno\\s+charge\\b|\\bwithout\\s+charge\\b|\\benclosed\\b|\\battached\\b';

const sentenceTests: Readonly<Partial<Record<NoticeElementId, readonly SentenceTest[]>>> = {
  'plan-provision': [
    [
      '\\bsummary\\s+plan\\s+description\\b|\\bcertificate\\b|\\bevidence\\s+of\\s+coverage\\b|\\bplan\\s+document\\b|\\bmember\\s+handbook\\b|\\bbenefit\\s+booklet\\b|\\bpolicy\\s+contract\\b|\\bstate\\s+plan\\b',
      '\\bsection\\b|\\barticle\\b|\\bexclusions?\\b|\\bprovisions?\\b|\\blimitations?\\b|\\bpart\\b',
    ],
  ],
  'information-needed': [
    [
      '\\bwe\\s+would\\s+need\\b|\\bwe\\s+need\\b|\\bplease\\s+send\\b|\\bto\\s+reconsider\\b|\\badditional\\s+(?:information|records|documentation)\\b|\\bmore\\s+information\\b|\\bwhat\\s+we\\s+need\\b',
    ],
  ],
  'appeal-procedures': [
    [
      '\\bhow\\s+to\\s+(?:ask\\s+for\\s+an\\s+)?appeal\\b|\\bright\\s+to\\s+(?:appeal|ask\\s+for\\s+an\\s+appeal)\\b|\\b(?:file|request|ask\\s+for)\\s+an?\\s+(?:internal\\s+|written\\s+)?appeal\\b|\\byou\\s+(?:may|can)\\s+appeal\\b|\\bappeal\\s+(?:rights|process|procedures?)\\b',
    ],
  ],
  'right-to-sue': [
    [
      '\\bcivil\\s+action\\b|\\b502\\s*\\(a\\)|\\bright\\s+to\\s+(?:sue|bring\\s+(?:a\\s+)?(?:civil\\s+)?(?:action|suit|lawsuit))\\b|\\bfile\\s+(?:a\\s+)?(?:law)?suit\\b',
    ],
  ],
  'internal-criterion': [
    [
      '\\bpolicy\\b|\\bguidelines?\\b|\\bcriteria\\b|\\bcriterion\\b|\\bprotocol\\b|\\bbulletin\\b|\\binformation\\s+we\\s+used\\b|\\bdocuments\\b',
      freeOfCharge,
    ],
  ],
  'clinical-judgment': [
    [
      '\\b(?:clinical|scientific|medical)\\s+(?:or\\s+clinical\\s+)?(?:rationale|judge?ment|explanation|reasoning|basis)\\b|\\bexplanation\\s+of\\s+the\\s+(?:scientific|clinical)\\b',
      `${freeOfCharge}|\\bon\\s+request\\b|\\bupon\\s+request\\b`,
    ],
  ],
  'expedited-process': [
    [
      '\\b(?:expedited|fast|urgent)\\s+(?:\\((?:urgent|fast)\\)\\s+)?(?:appeal|review|reconsideration|decision)s?\\b',
    ],
  ],
  'codes-available': [
    ['\\b(?:diagnosis|treatment)\\s+codes?\\b', '\\brequest\\b|\\bask\\b|\\bavailable\\b|\\bfree\\b'],
  ],
  'external-review': [
    [
      '\\bexternal\\s+review\\b|\\bindependent\\s+review\\s+organi[sz]ation\\b|\\biro\\b|\\bindependent\\s+external\\b',
    ],
  ],
  'consumer-assistance': [
    [
      '\\bconsumer\\s+(?:assistance|services)\\b|\\bombudsman\\b|\\bdepartment\\s+of\\s+(?:insurance|financial\\s+services)\\b|\\binsurance\\s+commissioner\\b|\\bemployee\\s+benefits\\s+security\\s+administration\\b|\\bebsa\\b',
    ],
  ],
};

/**
 * The first sentence of the notice that passes one of the tests, as the notice words it. A
 * heading alone ("External review") is the answer only when no sentence says more.
 */
function firstSentence(notice: NoticeText, tests: readonly SentenceTest[]): string | null {
  const compiled = tests.map((test) => test.map((pattern) => foldPattern(pattern, '')));
  const passing = notice.sentences.filter((span) => {
    const words = notice.folded.slice(span.start, span.end);
    return compiled.some((test) => test.every((pattern) => pattern.test(words)));
  });
  const isHeading = (span: { start: number; end: number }) =>
    !/[.?!:)"]$/.test(notice.repaired.slice(span.start, span.end));
  const chosen = passing.find((span) => !isHeading(span)) ?? passing[0];
  return chosen ? notice.valueOf(chosen.start, chosen.end) : null;
}

/**
 * The words of a found value as the notice reads: in reading order (a two-column page's source
 * spans both columns) with OCR look-alikes repaired, so a letter can quote them.
 */
function quoteOf(notice: NoticeText, source: NoticeSource): string {
  const { start, end } = notice.readingSpanOf(source);
  return notice.valueOf(start, end);
}

/** The sentence around a found value, so the quote reads as the notice says it. */
function sentenceAround(notice: NoticeText, source: NoticeSource): string {
  const value = notice.readingSpanOf(source);
  const sentence = notice.sentences.find((span) => span.start <= value.start && value.end <= span.end);
  return sentence ? notice.valueOf(sentence.start, sentence.end) : quoteOf(notice, source);
}

/** The words of the notice that show `element`, or null when the notice does not show it. */
export function evidenceOf(
  element: NoticeElementId,
  notice: NoticeText,
  findings: DenialNoticeFindings,
): string | null {
  switch (element) {
    case 'specific-reason':
      return findings.reasonText?.value ?? null;
    case 'appeal-procedures':
      return findings.appealWindow
        ? sentenceAround(notice, findings.appealWindow.source)
        : firstSentence(notice, sentenceTests[element]!);
    case 'claim-identification': {
      // §1.2 row 9: the date of service and the provider (the amount only where it applies).
      const { datesOfService, requestingProvider } = findings;
      if (!datesOfService || !requestingProvider) return null;
      return `${quoteOf(notice, datesOfService.source)}; ${quoteOf(notice, requestingProvider.source)}`;
    }
    case 'denial-code-and-standard': {
      // §1.2 row 11: the denial code, and the standard used in denying the claim.
      if (!findings.denialCode) return null;
      const standard = findings.policyCited
        ? quoteOf(notice, findings.policyCited.source)
        : firstSentence(notice, [...sentenceTests['plan-provision']!, ['\\bstandard\\b']]);
      return standard ? `${sentenceAround(notice, findings.denialCode.source)} … ${standard}` : null;
    }
    default:
      return firstSentence(notice, sentenceTests[element] ?? []);
  }
}
