import { z } from 'zod';
import { clientDetailSchema } from '../schemas/client-detail';
import {
  addAuthorizationInputSchema,
  authorizationSchema,
  clientSchema,
  createClientInputSchema,
  updateClientInputSchema,
} from '../schemas/clients';
import { recordId } from '../schemas/fields';
import { defineMethods, noInput } from './method-spec';

export const clientsMethods = defineMethods({
  'clients.create': {
    doc: 'Adds a client (the person whose coverage is being fought for).',
    input: createClientInputSchema,
    output: clientSchema,
  },
  'clients.list': {
    doc: 'All clients, by name.',
    input: noInput,
    output: z.array(clientSchema),
  },
  'clients.get': {
    doc: 'One client with authorizations, coverage history and cases (the client page).',
    input: z.strictObject({ clientId: recordId('Client') }),
    output: clientDetailSchema,
  },
  'clients.update': {
    doc: "Changes some of a client's fields; the change is kept in the audit log. With the `version` the edit started from, a client saved by someone else since changes nothing and fails with EDIT_CONFLICT.",
    input: updateClientInputSchema,
    output: clientSchema,
  },
  'clients.addAuthorization': {
    doc: "Records a client's signed authorization for the advocate to act for them.",
    input: addAuthorizationInputSchema,
    output: authorizationSchema,
  },
});
