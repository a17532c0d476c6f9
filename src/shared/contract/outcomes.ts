import {
  funderReportFileSchema,
  funderReportInputSchema,
  outcomesCsvSchema,
  outcomesFiltersSchema,
  outcomesReportSchema,
} from '../schemas/outcomes';
import { defineMethods } from './method-spec';

/** Outcomes dashboard: figures over a period from the caseload's own data, and their exports. */
export const outcomesMethods = defineMethods({
  'outcomes.report': {
    doc: 'Every outcomes figure for a period (and one advocate, if given): volumes, outcome mix, approval rates, money saved, deadlines, payer behaviour.',
    input: outcomesFiltersSchema,
    output: outcomesReportSchema,
  },
  'outcomes.exportCsv': {
    doc: 'The same figures as CSV text (section, item, measure, value) with their definitions; aggregates only, not encrypted once saved.',
    input: outcomesFiltersSchema,
    output: outcomesCsvSchema,
  },
  'outcomes.exportFunderPdf': {
    doc: 'The one-page funder report PDF (base64): organisation, period, headline numbers, a chart and the definitions; no client names.',
    input: funderReportInputSchema,
    output: funderReportFileSchema,
  },
});
