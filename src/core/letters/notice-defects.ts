import type {
  AppealWindow,
  NoticeElement,
  NoticeElementId,
  NoticeFinding,
  NoticeFindingId,
} from '../../shared/schemas/denial-notice';
import type { LetterContext } from './letter-context';
import { escapeMarkdownText } from './letter-markdown';
import { bulleted } from './letter-phrases';

/**
 * The recorded denial notice's defects as a letter argues them: each element the law requires
 * that the notice left out, and each finding across elements, with the citation the notice check
 * gave (docs/domain/denial-and-appeal-content.md §1; §5.1 item 7: "procedural objections where
 * applicable: missing notice elements").
 */

/** "The notice did not …": what leaving each element out means. */
const omissionArguments: Readonly<Record<NoticeElementId, string>> = {
  'specific-reason': 'did not give the specific reason for the denial',
  'plan-provision': 'did not identify the plan provision relied on',
  'information-needed': 'did not say what information would complete the claim and why it is needed',
  'appeal-procedures': "did not describe the plan's appeal procedures and their time limits",
  'right-to-sue': 'did not state the right to bring a civil action under ERISA §502(a)',
  'internal-criterion':
    'did not provide the internal rule, guideline or criterion relied on, or say that it is available free of charge',
  'clinical-judgment':
    'did not explain the scientific or clinical judgment behind the denial, or say that the explanation is available free of charge',
  'expedited-process': 'did not describe the expedited review process',
  'claim-identification':
    'did not give the information that identifies the claim (date of service, provider, amount)',
  'codes-available':
    'did not say that the diagnosis and treatment codes and their meanings are available on request',
  'denial-code-and-standard':
    'did not give the denial code and its meaning, or describe the standard used in denying the claim',
  'external-review': 'did not describe external review',
  'consumer-assistance':
    'did not give the contact information of the consumer assistance office or ombudsman',
};

/** What to ask for in the claim-file request, for each element the notice failed to give. */
const omissionRequests: Readonly<Record<NoticeElementId, string>> = {
  'specific-reason': 'the specific reason for the denial',
  'plan-provision': 'the plan provision or provisions the denial relied on',
  'information-needed': 'a description of any information needed to complete the claim and why it is needed',
  'appeal-procedures': 'a description of the appeal procedures and their time limits',
  'right-to-sue': 'a statement of the right to bring a civil action under ERISA §502(a)',
  'internal-criterion': 'the internal rule, guideline, protocol or criterion the denial relied on',
  'clinical-judgment':
    "an explanation of the scientific or clinical judgment applying the plan's terms to the member's medical circumstances",
  'expedited-process': 'a description of the expedited review process',
  'claim-identification': 'the date of service, the provider and the claim amount the denial concerns',
  'codes-available': 'the diagnosis and treatment codes and their meanings',
  'denial-code-and-standard':
    'the denial code and its meaning, and a description of the standard used in denying the claim',
  'external-review': 'a description of the external review process and how to start it',
  'consumer-assistance': 'the contact information of the consumer assistance office or ombudsman',
};

const missingElements = (context: LetterContext): NoticeElement[] =>
  context.denialNotice?.noticeCheck.elements.filter((element) => element.status === 'missing') ?? [];

const cited = (citation: string) => escapeMarkdownText(citation);

/**
 * Each finding as the letter argues it, to the payer. The check's own message is written for the
 * advocate ("use the legal window as the deadline…") and never goes into a letter.
 */
function findingArgument(finding: NoticeFinding, statedWindow: AppealWindow | null): string {
  const arguments_: Readonly<Record<NoticeFindingId, string>> = {
    'appeal-window-too-short': statedWindow
      ? `The notice gave ${statedWindow.amount} ${statedWindow.unit} to appeal, less than the law allows`
      : 'The notice gave less time to appeal than the law allows',
    'appeal-window-not-stated': 'The notice did not state the time limit for an appeal',
    'criteria-not-offered':
      'The notice did not offer, free of charge, the criteria or the clinical rationale the denial relied on',
  };
  return `${arguments_[finding.id]}, ${cited(finding.citation)}.`;
}

/** The notice's defects as arguments; empty when the notice gave everything (or none was recorded). */
export function noticeDefectArguments(context: LetterContext): string {
  const notice = context.denialNotice;
  if (!notice) return '';
  const items = [
    ...missingElements(context).map(
      (element) => `The notice ${omissionArguments[element.id]}, ${cited(element.citation)}.`,
    ),
    ...notice.noticeCheck.findings.map((finding) => findingArgument(finding, notice.statedWindow)),
  ];
  if (items.length === 0) return '';
  return [
    '**The denial notice did not meet the law.** A notice that leaves out what the claims rules require is itself a ground for this appeal:',
    '',
    bulleted(items),
  ].join('\n');
}

/** The claim-file request asks for exactly what the notice failed to give; empty when it gave everything. */
export function noticeOmissionRequests(context: LetterContext): string {
  const missing = missingElements(context);
  if (missing.length === 0) return '';
  return [
    'The denial notice did not give the following, which the law requires it to contain. Please send each of them:',
    '',
    bulleted(missing.map((element) => `${omissionRequests[element.id]} (${cited(element.citation)});`)),
  ].join('\n');
}
