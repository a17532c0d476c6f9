import { z } from 'zod';
import { planTypes } from '../domain/plan-types';

/**
 * What the denial-notice reader finds in a notice and what the notice check reports. The reader lives in
 * src/core/denials/; the shapes are shared so the CLI's `--json`, the contract and the renderer agree.
 * A field the reader cannot find is `null`, never a guess.
 */

export const denialReasonCategories = [
  'experimental-investigational',
  'not-medically-necessary',
  'not-covered',
  'out-of-network',
  'missing-information',
  'administrative',
  'other',
] as const;
export type DenialReasonCategory = (typeof denialReasonCategories)[number];

export const denialReasonCategoryLabels: Readonly<Record<DenialReasonCategory, string>> = {
  'experimental-investigational': 'Experimental or investigational',
  'not-medically-necessary': 'Not medically necessary',
  'not-covered': 'Not a covered benefit',
  'out-of-network': 'Out of network',
  'missing-information': 'Missing information',
  administrative: 'Administrative (late, duplicate, eligibility)',
  other: 'Other',
};

/** Where in the notice's text a value was read: character offsets into `text`, and the words themselves. */
export const noticeSourceSchema = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  text: z.string(),
});
export type NoticeSource = z.infer<typeof noticeSourceSchema>;

/** One value the reader found, with the text it came from and how sure the reader is (0–1). */
function foundField<T extends z.ZodType>(value: T) {
  return z.object({ value, source: noticeSourceSchema, confidence: z.number().min(0).max(1) }).nullable();
}

export const appealWindowSchema = z.object({
  amount: z.number().int().positive(),
  unit: z.enum(['days', 'months']),
  from: z.enum(['notice-date', 'receipt', 'unknown']),
});
export type AppealWindow = z.infer<typeof appealWindowSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Each field as found, with its source, for the UI (highlight in the page, confirm or correct). */
export const denialNoticeFindingsSchema = z.object({
  payer: foundField(z.string()),
  noticeDate: foundField(isoDate),
  memberId: foundField(z.string()),
  referenceNumber: foundField(z.string()),
  service: foundField(z.string()),
  datesOfService: foundField(z.string()),
  requestingProvider: foundField(z.string()),
  reasonText: foundField(z.string()),
  reasonCategory: foundField(z.enum(denialReasonCategories)),
  policyCited: foundField(z.string()),
  denialCode: foundField(z.string()),
  appealWindow: foundField(appealWindowSchema),
  appealAddress: foundField(z.string()),
  /** 10 digits, no punctuation. */
  appealFax: foundField(z.string().regex(/^\d{10}$/)),
  appealPhone: foundField(z.string().regex(/^\d{10}$/)),
  expeditedOffered: foundField(z.boolean()),
  planTypeHints: z.array(z.object({ planType: z.enum(planTypes), source: noticeSourceSchema })),
});
export type DenialNoticeFindings = z.infer<typeof denialNoticeFindingsSchema>;
export type DenialNoticeFieldName = Exclude<keyof DenialNoticeFindings, 'planTypeHints'>;

/** The required contents of a notice (docs/domain/denial-and-appeal-content.md §1). */
export const noticeElementIds = [
  'specific-reason',
  'plan-provision',
  'information-needed',
  'appeal-procedures',
  'right-to-sue',
  'internal-criterion',
  'clinical-judgment',
  'expedited-process',
  'claim-identification',
  'codes-available',
  'denial-code-and-standard',
  'external-review',
  'consumer-assistance',
] as const;
export type NoticeElementId = (typeof noticeElementIds)[number];

export const noticeElementStatuses = ['present', 'missing', 'not-applicable'] as const;
export type NoticeElementStatus = (typeof noticeElementStatuses)[number];

export const noticeElementSchema = z.object({
  id: z.enum(noticeElementIds),
  status: z.enum(noticeElementStatuses),
  citation: z.string(),
  /** The words of the notice that show the element, when present. */
  quote: z.string().nullable(),
});
export type NoticeElement = z.infer<typeof noticeElementSchema>;

export const noticeFindingIds = [
  'appeal-window-too-short',
  'appeal-window-not-stated',
  'criteria-not-offered',
] as const;
export type NoticeFindingId = (typeof noticeFindingIds)[number];

export const noticeFindingSchema = z.object({
  id: z.enum(noticeFindingIds),
  message: z.string(),
  citation: z.string(),
});
export type NoticeFinding = z.infer<typeof noticeFindingSchema>;

export const noticeCheckSchema = z.object({
  planType: z.enum(planTypes),
  elements: z.array(noticeElementSchema),
  findings: z.array(noticeFindingSchema),
});
export type NoticeCheck = z.infer<typeof noticeCheckSchema>;
