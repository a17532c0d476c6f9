import { ApiCallError } from '../../lib/api-call-error';
import type { FormErrors } from '../../lib/form-errors';

/**
 * A refused save's message, placed by the field it names. The core names fields by their path in
 * the method's input ("inputs.prices.selfPayPriceCents"); the form knows them without `prefix`
 * (empty when the form's fields are the input's own).
 */
export function formErrorsAt(prefix: string, error: unknown): FormErrors {
  if (!(error instanceof ApiCallError))
    return { fields: {}, form: 'Something went wrong. Nothing was lost; try again.' };
  const field =
    prefix === ''
      ? error.field
      : error.field?.startsWith(`${prefix}.`)
        ? error.field.slice(prefix.length + 1)
        : undefined;
  return field ? { fields: { [field]: error.message } } : { fields: {}, form: error.message };
}

/** A message for a field the form does not show goes to the form as a whole, so no refusal is silent. */
export function shownFormErrors(errors: FormErrors, shownFields: readonly string[]): FormErrors {
  const fields = Object.fromEntries(
    Object.entries(errors.fields).filter(([key]) => shownFields.includes(key)),
  );
  const unshown = Object.entries(errors.fields).find(([key]) => !shownFields.includes(key));
  return unshown ? { fields, form: errors.form ?? unshown[1] } : errors;
}
