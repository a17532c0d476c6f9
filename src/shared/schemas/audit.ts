import { z } from 'zod';

/** The first entry of the audit log that does not check out, and what is wrong with it. */
export const brokenAuditEntrySchema = z.object({
  id: z.number().int(),
  /** When the entry says it was written (ISO); null when the entry itself is gone. */
  at: z.string().nullable(),
  problem: z.string(),
});

export const auditVerificationSchema = z.object({
  isIntact: z.boolean(),
  entriesChecked: z.number().int().min(0),
  /** Entries whose content was blanked when their record was deleted for good (each one recorded). */
  blankedEntries: z.number().int().min(0),
  firstBroken: brokenAuditEntrySchema.nullable(),
  /** One sentence for the user, e.g. "All 1,204 audit log entries check out." */
  message: z.string(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;
