import { z } from 'zod';
import { caseSummarySchema } from './cases';
import { authorizationSchema, clientSchema } from './clients';
import { coverageSchema } from './coverages';

/** The client page: the person, their written authorizations, their plans over time and their cases. */
export const clientDetailSchema = z.object({
  client: clientSchema,
  authorizations: z.array(authorizationSchema),
  coverages: z.array(coverageSchema),
  cases: z.array(caseSummarySchema),
});
export type ClientDetail = z.infer<typeof clientDetailSchema>;
