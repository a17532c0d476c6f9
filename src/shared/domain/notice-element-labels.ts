import type { NoticeElementId, NoticeFindingId } from '../schemas/denial-notice';

/** What each required element of a denial notice is, in an advocate's words (docs/domain/denial-and-appeal-content.md §1). */
export const noticeElementLabels: Readonly<Record<NoticeElementId, string>> = {
  'specific-reason': 'The specific reason for the denial',
  'plan-provision': 'The plan provision relied on',
  'information-needed': 'What information would complete the claim, and why',
  'appeal-procedures': 'The appeal procedures and their time limits',
  'right-to-sue': 'The right to sue under ERISA §502(a)',
  'internal-criterion': 'The internal rule or criterion relied on (or that it is free on request)',
  'clinical-judgment': 'The clinical judgment behind the decision (or that it is free on request)',
  'expedited-process': 'The expedited review process',
  'claim-identification': 'What identifies the claim (date of service, provider, amount)',
  'codes-available': 'That the diagnosis and treatment codes are available on request',
  'denial-code-and-standard': 'The denial code, its meaning and the standard used',
  'external-review': 'External review and how to start it',
  'consumer-assistance': 'The consumer assistance office or ombudsman',
};

export const noticeFindingLabels: Readonly<Record<NoticeFindingId, string>> = {
  'appeal-window-too-short': 'Appeal window shorter than the law allows',
  'appeal-window-not-stated': 'Appeal window not stated',
  'criteria-not-offered': 'Criteria or clinical rationale not offered free of charge',
};
