import {
  changePassphraseInputSchema,
  initializeInputSchema,
  initializeOutputSchema,
  recoverInputSchema,
  recoveryKeyConfirmationSchema,
  replaceRecoveryKeyInputSchema,
  replaceRecoveryKeyOutputSchema,
  rotateKeyInputSchema,
  rotateKeyOutputSchema,
  sessionStatusSchema,
  unlockInputSchema,
  unlockOutputSchema,
} from '../schemas/session';
import { defineMethods, noInput, nothing } from './method-spec';

export const sessionMethods = defineMethods({
  'session.status': {
    doc: 'Whether Advocase has been set up on this computer, and whether the data is locked.',
    input: noInput,
    output: sessionStatusSchema,
  },
  'session.initialize': {
    doc: 'First run: creates the encrypted store, protects it with the passphrase, returns the recovery key once.',
    input: initializeInputSchema,
    output: initializeOutputSchema,
  },
  'session.unlock': {
    doc: 'Opens the encrypted store with the passphrase; says how many wrong passphrases were typed since the last unlock. After 5 wrong in a row each try must wait (TOO_MANY_ATTEMPTS).',
    input: unlockInputSchema,
    output: unlockOutputSchema,
  },
  'session.recover': {
    doc: 'Opens the store with the recovery key and sets a new passphrase (the recovery key stays valid).',
    input: recoverInputSchema,
    output: unlockOutputSchema,
  },
  'session.lock': {
    doc: 'Closes the store and forgets the key; everything needs the passphrase again.',
    input: noInput,
    output: sessionStatusSchema,
  },
  'session.changePassphrase': {
    doc: 'Replaces the passphrase. Re-wraps the data key; no data is re-encrypted.',
    input: changePassphraseInputSchema,
    output: nothing,
  },
  'session.recoveryKeyConfirmation': {
    doc: 'Whether the recovery key last shown still waits to be confirmed as saved; a reload does not clear it (the key itself is never stored).',
    input: noInput,
    output: recoveryKeyConfirmationSchema,
  },
  'session.confirmRecoveryKey': {
    doc: 'The user has saved the recovery key shown: stop asking.',
    input: noInput,
    output: nothing,
  },
  'session.replaceRecoveryKey': {
    doc: 'Makes a new recovery key (the passphrase is asked) to replace one shown but never confirmed, which cannot be shown again; the old key stops working. Returns the new key, shown once.',
    input: replaceRecoveryKeyInputSchema,
    output: replaceRecoveryKeyOutputSchema,
  },
  'session.rotateKey': {
    doc: 'Replaces the data key: re-encrypts every vault file and the database under a new key and returns a new recovery key (shown once). Resumes at the next unlock if interrupted.',
    input: rotateKeyInputSchema,
    output: rotateKeyOutputSchema,
  },
});
