import { auditVerificationSchema } from '../schemas/audit';
import { defineMethods, noInput } from './method-spec';

export const auditMethods = defineMethods({
  'audit.verify': {
    doc: 'Checks the audit log hash chain entry by entry and names the first entry that was changed, removed or blanked outside a purge.',
    input: noInput,
    output: auditVerificationSchema,
  },
});
