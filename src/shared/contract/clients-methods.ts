import { z } from 'zod';
import { clientSchema, createClientInputSchema } from '../schemas/clients';
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
});
