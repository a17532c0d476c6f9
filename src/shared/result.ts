/** Every failure the contract can report. The renderer decides what to show from the code, never the text. */
export const errorCodes = [
  'INVALID_INPUT',
  'NOT_INITIALIZED',
  'ALREADY_INITIALIZED',
  'LOCKED',
  'WRONG_PASSPHRASE',
  /** Too many wrong passphrases in a row: the next try must wait. */
  'TOO_MANY_ATTEMPTS',
  'WRONG_RECOVERY_KEY',
  'NOT_FOUND',
  'DATA_FROM_NEWER_VERSION',
  'DATA_DAMAGED',
  'UNAUTHORIZED',
  /** Asked of a team database what only the local store has (a passphrase, the document vault, backups). */
  'NOT_AVAILABLE_IN_TEAM_MODE',
  /** The team database cannot be reached right now: nothing was changed, and the same call can be tried again. */
  'SERVER_UNREACHABLE',
  /** A team database could not be reached or used; the message says which of the causes, `field` which input. */
  'TEAM_CONNECTION_FAILED',
  /** The operating system's keychain cannot encrypt, so team credentials are not saved at all. */
  'KEYCHAIN_UNAVAILABLE',
  /** A save edited from an older version of the record than the one saved now: nothing was saved (`conflict`). */
  'EDIT_CONFLICT',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export type ApiError = {
  readonly code: ErrorCode;
  /** A sentence for the user: what is wrong and how to fix it. Never contains stored data. */
  readonly message: string;
  /** The input field that caused the error, as a dotted path (`clientId`, `address.state`). */
  readonly field?: string;
  /** With EDIT_CONFLICT: the record as saved now, to show beside what the person typed. */
  readonly conflict?: EditConflict;
};

/**
 * Someone saved the record after the person began editing it (docs/team-mode.md, "Two people
 * editing at once"). The person chooses: keep this version, save theirs over it (sending
 * `version`), or go back to editing.
 */
export type EditConflict = {
  /** The version saved now: a save meant to replace it sends this. */
  readonly version: number;
  /** A colleague's full name; null when it was the person themselves, in another window. */
  readonly changedBy: string | null;
  /** When it was saved, ISO 8601 (UTC); the screen shows it in the person's zone. */
  readonly changedAt: string;
  /** The record as saved now, as the method's own output gives it. */
  readonly current: Readonly<Record<string, unknown>>;
};

/** Errors cross IPC and HTTP as values: a thrown Error loses everything but its message over IPC. */
export type ApiResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };
