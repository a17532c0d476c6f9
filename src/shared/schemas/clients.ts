import { z } from 'zod';
import { usStateCodes } from '../domain/us-states';
import { authorizationKinds } from '../domain/authorizations';
import {
  calendarDate,
  editedFromVersion,
  optionalCalendarDate,
  optionalText,
  recordId,
  requiredText,
} from './fields';
import { phoneNumberField } from './phone-field';

export const stateCode = z
  .string({ error: 'State must be text.' })
  .trim()
  .toUpperCase()
  .refine(
    (code) => code === '' || (usStateCodes as readonly string[]).includes(code),
    'State must be a two-letter US state code such as CA or NY.',
  )
  .nullish()
  .transform((code) => (code ? code : null));

const clientFieldsShape = {
  fullName: requiredText('Name', 200),
  dateOfBirth: optionalCalendarDate('Date of birth', { notInFuture: true }),
  state: stateCode,
};

const contactShape = {
  phone: phoneNumberField('Phone'),
  email: optionalText('Email', 254).refine(
    (email) => email === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email),
    'Email must look like name@example.org.',
  ),
  address: optionalText('Address', 1000),
  preferredLanguage: optionalText('Preferred language', 60),
  notes: optionalText('Notes', 20_000),
  tags: z
    .array(z.string().trim().min(1).max(40, 'A tag is at most 40 characters.'))
    .max(30, 'At most 30 tags.'),
};

export const createClientInputSchema = z.strictObject(clientFieldsShape);
export type CreateClientInput = z.input<typeof createClientInputSchema>;

export const updateClientInputSchema = z.strictObject({
  clientId: recordId('Client'),
  version: editedFromVersion,
  changes: z.strictObject({ ...clientFieldsShape, ...contactShape }).partial(),
});

export const clientSchema = z.object({
  id: recordId('Client'),
  fullName: z.string(),
  dateOfBirth: z.string().nullable(),
  state: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  preferredLanguage: z.string().nullable(),
  notes: z.string().nullable(),
  tags: z.array(z.string()),
  createdAt: z.string(),
  /** Sent back with `clients.update` (docs/team-mode.md, "Two people editing at once"). */
  version: z.number(),
});
export type Client = z.infer<typeof clientSchema>;

export const addAuthorizationInputSchema = z
  .strictObject({
    clientId: recordId('Client'),
    kind: z.enum(authorizationKinds, { error: 'Choose which authorization form this is.' }),
    signedOn: calendarDate('Signed on', { notInFuture: true }),
    expiresOn: optionalCalendarDate('Expires on'),
    notes: optionalText('Notes', 2000),
  })
  .refine((input) => !input.expiresOn || input.expiresOn >= input.signedOn, {
    message: 'Expiry date is before the signing date. Check both dates.',
    path: ['expiresOn'],
  });

export const authorizationSchema = z.object({
  id: recordId('Authorization'),
  clientId: recordId('Client'),
  kind: z.enum(authorizationKinds),
  signedOn: z.string(),
  expiresOn: z.string().nullable(),
  notes: z.string().nullable(),
  isExpired: z.boolean(),
});
export type Authorization = z.infer<typeof authorizationSchema>;
