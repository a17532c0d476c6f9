import type { z } from 'zod';
import { ApiCallError } from './api-call-error';

export type FormErrors = {
  /** Messages keyed by the contract's field name, shown beside that field. */
  readonly fields: Readonly<Record<string, string>>;
  /** A message that belongs to no one field. */
  readonly form?: string;
};

export const noErrors: FormErrors = { fields: {} };

/** The first message for each field, from the same zod schema the core checks against. */
export function formErrorsFromZod(error: z.ZodError): FormErrors {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.');
    if (key && !fields[key]) fields[key] = issue.message;
  }
  return { fields };
}

export function formErrorsFromFailure(error: unknown, knownFields: readonly string[]): FormErrors {
  if (error instanceof ApiCallError) {
    if (error.field && knownFields.includes(error.field)) return { fields: { [error.field]: error.message } };
    return { fields: {}, form: error.message };
  }
  return { fields: {}, form: 'Something went wrong. Nothing was lost; try again.' };
}

/**
 * The same for a form that both adds and edits: an edit sends its fields under `changes`, so a
 * refusal of `changes.name` is shown beside the field `name`, as a refusal of an addition is.
 */
export function formErrorsFromAddOrEditFailure(error: unknown, fieldNames: readonly string[]): FormErrors {
  const failure = formErrorsFromFailure(error, [
    ...fieldNames,
    ...fieldNames.map((name) => `changes.${name}`),
  ]);
  return {
    ...failure,
    fields: Object.fromEntries(
      Object.entries(failure.fields).map(([key, message]) => [key.replace(/^changes\./, ''), message]),
    ),
  };
}
