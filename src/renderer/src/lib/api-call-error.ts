import type { ApiError, ErrorCode } from '@shared/result';

/** A call the core refused or could not carry out: its code, its message for the user and the field it names. */
export class ApiCallError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  constructor(error: ApiError) {
    super(error.message);
    this.code = error.code;
    this.field = error.field;
  }
}
