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
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export type ApiError = {
  readonly code: ErrorCode;
  /** A sentence for the user: what is wrong and how to fix it. Never contains stored data. */
  readonly message: string;
  /** The input field that caused the error, as a dotted path (`clientId`, `address.state`). */
  readonly field?: string;
};

/** Errors cross IPC and HTTP as values: a thrown Error loses everything but its message over IPC. */
export type ApiResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };
