import { z } from 'zod';

export const minimumPassphraseLength = 10;
const maximumPassphraseLength = 1024;

/** Not trimmed: a passphrase is exactly what the user typed. */
export function passphraseField(label: string) {
  return z
    .string({
      error: (issue) => (issue.input === undefined ? `${label} is required.` : `${label} must be text.`),
    })
    .min(minimumPassphraseLength, `${label} must be at least ${minimumPassphraseLength} characters.`)
    .max(maximumPassphraseLength, `${label} must be at most ${maximumPassphraseLength} characters.`);
}

export const sessionStates = ['uninitialized', 'locked', 'unlocked'] as const;

export const sessionStatusSchema = z.object({
  state: z.enum(sessionStates),
});
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

export const initializeInputSchema = z.strictObject({ passphrase: passphraseField('Passphrase') });
export const initializeOutputSchema = z.object({
  /** Shown once; Advocase keeps only the data key wrapped by it. */
  recoveryKey: z.string(),
});

export const unlockOutputSchema = sessionStatusSchema.extend({
  /** Wrong passphrases typed since the last unlock, for "3 failed unlock attempts since your last unlock". */
  failedAttemptsSinceLastUnlock: z.number().int().min(0),
  /** Set when this unlock finished a key rotation a crash interrupted: the new recovery key, shown once. */
  recoveryKeyAfterRotation: z.string().optional(),
});
export type UnlockOutput = z.infer<typeof unlockOutputSchema>;

export const unlockInputSchema = z.strictObject({
  // Unlocking checks a passphrase that already exists, so only an upper bound applies here.
  passphrase: z
    .string({ error: 'Passphrase is required.' })
    .min(1, 'Passphrase is required.')
    .max(maximumPassphraseLength),
});

export const recoverInputSchema = z.strictObject({
  recoveryKey: z
    .string({ error: 'Recovery key is required.' })
    .trim()
    .min(1, 'Recovery key is required.')
    .max(200),
  newPassphrase: passphraseField('New passphrase'),
});

export const changePassphraseInputSchema = z.strictObject({
  currentPassphrase: z
    .string({ error: 'Current passphrase is required.' })
    .min(1, 'Current passphrase is required.')
    .max(maximumPassphraseLength),
  newPassphrase: passphraseField('New passphrase'),
});

export const rotateKeyInputSchema = z.strictObject({
  passphrase: z
    .string({ error: 'Passphrase is required.' })
    .min(1, 'Passphrase is required.')
    .max(maximumPassphraseLength),
});
export const rotateKeyOutputSchema = z.object({
  /** The new recovery key, shown once: the old one no longer opens anything. */
  recoveryKey: z.string(),
});

export const recoveryKeyConfirmationSchema = z.object({
  /** True from the moment a recovery key is shown until the user says it is saved, across reloads. */
  isAwaitingConfirmation: z.boolean(),
});

export const replaceRecoveryKeyInputSchema = rotateKeyInputSchema;
export const replaceRecoveryKeyOutputSchema = z.object({
  /** The new recovery key, shown once: the one never confirmed no longer opens anything. */
  recoveryKey: z.string(),
});
