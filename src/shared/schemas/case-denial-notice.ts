import { z } from 'zod';
import { conflictingCoverageFields, coverageConflictChoices } from '../domain/notice-coverage';
import { planTypes } from '../domain/plan-types';
import {
  appealWindowSchema,
  denialNoticeFindingsSchema,
  denialReasonCategories,
  noticeCheckSchema,
} from './denial-notice';
import { calendarDate, optionalText, recordId } from './fields';
import { noticeDatesOfServiceField } from './notice-dates-of-service';
import { checkedPhoneNumberField } from './phone-field';

/**
 * A denial notice read from the vault and recorded into a case: what the dialog shows (the notice's
 * text beside the fields found) and what the advocate confirms.
 */

export const readDenialDocumentInputSchema = z.strictObject({
  documentId: recordId('Document'),
  /** The plan type to check the notice against; the case's coverage (or the notice's hints) when left out. */
  planType: z.enum(planTypes, { error: 'Plan type must be one of the listed plan types.' }).optional(),
  /** The case the notice is being read for: its coverage's plan type decides which rules apply. */
  caseId: recordId('Case').optional(),
});

export const readDenialDocumentOutputSchema = z.object({
  documentId: z.number().int(),
  fileName: z.string(),
  text: z.string(),
  /** True when the text was recognised from page images (OCR), not read from the file. */
  isRecognised: z.boolean(),
  /** The recognition's mean confidence, 0–1; null for text read from the file. */
  confidence: z.number().min(0).max(1).nullable(),
  findings: denialNoticeFindingsSchema,
  noticeCheck: noticeCheckSchema,
  /**
   * Where the check's plan type came from: asked for, the case's coverage, the client's coverage
   * the notice names (the case has none yet), the notice's own words, or assumed (an employer
   * plan's list) because none says.
   */
  planTypeFrom: z.enum(['asked', 'coverage', 'client-coverage', 'notice', 'assumed']),
  /**
   * For a case without a coverage: its client and the coverages the client already has, so the
   * review step shows whether recording links one of them or adds a new one. Null when the case
   * has a coverage (or no case was given).
   */
  coveragesOfClient: z
    .object({
      clientName: z.string(),
      /** The payer the case names, which a notice without one is taken to be from. */
      casePayer: z.string().nullable(),
      coverages: z.array(
        z.object({
          id: z.number().int(),
          payer: z.string(),
          memberId: z.string().nullable(),
          planType: z.enum(planTypes),
          appealsAddress: z.string().nullable(),
          payerFax: z.string().nullable(),
          payerPhone: z.string().nullable(),
        }),
      ),
    })
    .nullable(),
  /**
   * The case's treatment as shown, when the service the notice names is another treatment (the
   * notice may belong to another case or request); null when they agree or no case was given.
   */
  caseTreatmentTheServiceDiffersFrom: z.string().nullable(),
});
export type ReadDenialDocumentOutput = z.infer<typeof readDenialDocumentOutputSchema>;

export const recordDenialInputSchema = z
  .strictObject({
    caseId: recordId('Case'),
    documentId: recordId('Document'),
    noticeDate: calendarDate('Date on the notice', { notInFuture: true }),
    receivedOn: calendarDate('Date the notice arrived', { notInFuture: true }),
    referenceNumber: optionalText('Reference number', 100),
    reasonText: optionalText('Reason as the notice words it', 2000),
    reasonCategory: z
      .enum(denialReasonCategories, { error: 'Choose what kind of reason the notice gives.' })
      .nullable(),
    policyCited: optionalText('Policy cited', 300),
    denialCode: optionalText('Denial code', 100),
    appealAddress: optionalText('Where to send an appeal', 500),
    appealFax: checkedPhoneNumberField('Appeal fax'),
    appealPhone: checkedPhoneNumberField('Appeal phone'),
    /** The payer, member ID and plan type the notice names: a case without a coverage gets one from them. */
    payer: optionalText('Payer', 200),
    memberId: optionalText('Member ID', 64),
    planType: z
      .enum(planTypes, { error: 'Choose the kind of plan: it decides which appeal rules apply.' })
      .nullish()
      .transform((value) => value ?? null),
    /**
     * Where the client's coverage the notice names (same payer and member ID) has another value than
     * the notice: keep the coverage's, or take the notice's. Recording refuses a difference not chosen.
     */
    coverageChoices: z
      .partialRecord(
        z.enum(conflictingCoverageFields),
        z.enum(coverageConflictChoices, {
          error: 'Choose to keep the coverage’s value or take the notice’s.',
        }),
      )
      .default({}),
    requestingProvider: optionalText('Requesting provider', 200),
    datesOfService: noticeDatesOfServiceField,
    statedWindow: appealWindowSchema.nullable(),
    noticeCheck: noticeCheckSchema,
  })
  .refine((input) => input.receivedOn >= input.noticeDate, {
    message: 'The notice cannot arrive before the date printed on it. Check both dates.',
    path: ['receivedOn'],
  });
export type RecordDenialInput = z.input<typeof recordDenialInputSchema>;

/** A denial notice as recorded on a case: its facts, its check and the stated window beside the law's. */
export const recordedDenialNoticeSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  eventId: z.number().int(),
  documentId: z.number().int().nullable(),
  noticeDate: z.string(),
  receivedOn: z.string().nullable(),
  referenceNumber: z.string().nullable(),
  reasonText: z.string().nullable(),
  reasonCategory: z.enum(denialReasonCategories).nullable(),
  policyCited: z.string().nullable(),
  denialCode: z.string().nullable(),
  requestingProvider: z.string().nullable(),
  /** YYYY-MM-DD, or "YYYY-MM-DD to YYYY-MM-DD" for a span. */
  datesOfService: z.string().nullable(),
  statedWindow: appealWindowSchema.nullable(),
  noticeCheck: noticeCheckSchema,
  recordedAt: z.string(),
});
export type RecordedDenialNotice = z.infer<typeof recordedDenialNoticeSchema>;
