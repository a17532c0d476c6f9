import type { ApiError, EditConflict, ErrorCode } from '@shared/result';

/** A call the core refused or could not carry out: its code, its message for the user and the field it names. */
export class ApiCallError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  /** With EDIT_CONFLICT: the record as saved now, who saved it and when. */
  readonly conflict: EditConflict | undefined;

  constructor(error: ApiError) {
    super(error.message);
    this.code = error.code;
    this.field = error.field;
    this.conflict = error.conflict;
  }
}
