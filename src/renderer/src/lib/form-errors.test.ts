import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiCallError } from './api-call-error';
import { formErrorsFromAddOrEditFailure, formErrorsFromFailure, formErrorsFromZod } from './form-errors';

describe('form messages from the schema', () => {
  it('keeps the first message of each field, keyed by its dotted path', () => {
    const schema = z.object({
      name: z.string().min(1, 'Name is required.').max(3, 'Name is too long.'),
      address: z.object({ state: z.string().length(2, 'Use the two-letter state code.') }),
    });
    const result = schema.safeParse({ name: '', address: { state: 'Ohio' } });
    expect(formErrorsFromZod(result.error!)).toEqual({
      fields: { name: 'Name is required.', 'address.state': 'Use the two-letter state code.' },
    });
  });

  it('leaves a message about the whole input out of the fields', () => {
    const schema = z.object({ from: z.string(), to: z.string() }).refine((range) => range.from <= range.to, {
      message: 'The range runs backwards.',
    });
    expect(formErrorsFromZod(schema.safeParse({ from: 'b', to: 'a' }).error!)).toEqual({ fields: {} });
  });
});

describe('form messages from a failed call', () => {
  const refusal = (field?: string) =>
    new ApiCallError({
      code: 'INVALID_INPUT',
      message: 'That date is in the future.',
      ...(field ? { field } : {}),
    });

  it('shows a refusal beside the field it names when the form has that field', () => {
    expect(formErrorsFromFailure(refusal('occurredAt'), ['occurredAt'])).toEqual({
      fields: { occurredAt: 'That date is in the future.' },
    });
  });

  it('shows it for the whole form when the field is not on the form, or none is named', () => {
    expect(formErrorsFromFailure(refusal('caseId'), ['occurredAt'])).toEqual({
      fields: {},
      form: 'That date is in the future.',
    });
    expect(formErrorsFromFailure(refusal(), ['occurredAt']).form).toBe('That date is in the future.');
  });

  it('says that nothing was lost when something other than a refusal went wrong', () => {
    expect(formErrorsFromFailure(new TypeError('fetch failed'), [])).toEqual({
      fields: {},
      form: 'Something went wrong. Nothing was lost; try again.',
    });
  });
});

describe('form messages from a failed addition or edit', () => {
  it('shows a refusal of changes.name beside the field name, as a refusal of name', () => {
    const refusal = (field: string) =>
      new ApiCallError({ code: 'INVALID_INPUT', message: 'Too long.', field });
    expect(formErrorsFromAddOrEditFailure(refusal('changes.title'), ['title'])).toEqual({
      fields: { title: 'Too long.' },
    });
    expect(formErrorsFromAddOrEditFailure(refusal('title'), ['title'])).toEqual({
      fields: { title: 'Too long.' },
    });
    expect(formErrorsFromAddOrEditFailure(refusal('changes.caseId'), ['title'])).toEqual({
      fields: {},
      form: 'Too long.',
    });
  });
});
