import type { DocumentType, MediaType } from '../../shared/schemas/vault';

type Rule = {
  readonly type: DocumentType;
  readonly patterns: readonly RegExp[];
  /** Generic words count less than specific ones. */
  readonly weight?: number;
};

/**
 * Words that mark each kind of document, strongest first within a rule. A match in the file name
 * counts three times a match in the text: people name files on purpose.
 */
const rules: readonly Rule[] = [
  {
    type: 'eob',
    patterns: [/explanation of benefits/, /\beob\b/, /this is not a bill/, /amount you (may )?owe/],
  },
  {
    type: 'denial_letter',
    patterns: [
      /\bdenial\b/,
      /\bdenied\b/,
      /adverse (benefit )?determination/,
      /not (medically )?necessary/,
      /not covered/,
    ],
  },
  {
    type: 'letter_of_medical_necessity',
    patterns: [/letter of medical necessity/, /\blmn\b/, /medical necessity/],
  },
  {
    type: 'appeal_letter',
    patterns: [/\bappeal\b/, /request for (an )?(internal|external|expedited) review/, /reconsideration/],
  },
  {
    type: 'authorization_form',
    patterns: [
      /\bauthori[sz]ation (form|to release)/,
      /release of information/,
      /\bhipaa\b/,
      /\bconsent\b/,
      /\broi\b/,
    ],
  },
  {
    type: 'insurance_card',
    patterns: [/insurance card/, /member card/, /\bid card\b/, /\brx ?bin\b/, /group (no|number|#)/],
  },
  {
    type: 'policy_document',
    patterns: [
      /(clinical|medical|coverage) policy/,
      /policy (number|bulletin)/,
      /coverage criteria/,
      /summary of benefits/,
    ],
  },
  {
    type: 'peer_reviewed_study',
    patterns: [/\bdoi\b/, /randomi[sz]ed/, /\bet al\b/, /\bjournal\b/, /\babstract\b/, /\bstudy\b/],
  },
  {
    type: 'diagnosis_test_results',
    patterns: [
      /\blab(oratory)? results?\b/,
      /test results?/,
      /\bphq[- ]?9\b/,
      /\bdiagnos(is|es|tic)\b/,
      /\bmadrs\b/,
    ],
  },
  {
    type: 'medical_records',
    patterns: [
      /medical records?/,
      /progress notes?/,
      /history of present illness/,
      /visit (summary|note)/,
      /\bchart\b/,
    ],
  },
  {
    type: 'physician_letter',
    patterns: [
      /\b(physician|doctor|psychiatrist)('s)? letter\b/,
      /\bm\.?d\.?\b.*\bsincerely\b|\bsincerely\b[\s\S]*\bm\.?d\b/,
      /to whom it may concern/,
    ],
  },
  { type: 'correspondence', patterns: [/\bletter\b/, /\bcorrespondence\b/, /\bre:/], weight: 0.5 },
];

function score(text: string, rule: Rule): number {
  return rule.patterns.reduce((total, pattern) => total + (pattern.test(text) ? 1 : 0), 0);
}

/** A best guess at the document's type, from its name and first words; the user confirms it. */
export function suggestDocumentType(fileName: string, text: string, mediaType: MediaType): DocumentType {
  const name = fileName.toLowerCase().replace(/[_\-.]+/g, ' ');
  // An email is correspondence whatever it discusses, unless its name says otherwise.
  const body = mediaType === 'eml' ? '' : text.slice(0, 20_000).toLowerCase();
  let best: { type: DocumentType; points: number } = { type: 'other', points: 0 };
  for (const rule of rules) {
    const points = (score(name, rule) * 3 + score(body, rule)) * (rule.weight ?? 1);
    if (points > best.points) best = { type: rule.type, points };
  }
  if (best.points > 0) return best.type;
  return mediaType === 'eml' ? 'correspondence' : 'other';
}
