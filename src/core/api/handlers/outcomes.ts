import type { HandlersOf } from '../../../shared/contract/index';
import { localToday } from '../../../shared/schemas/fields';
import type { OutcomesFilters } from '../../../shared/schemas/outcomes';
import { userTimeZone } from '../../deadlines/time-zone';
import { computeOutcomes } from '../../outcomes/compute-outcomes';
import { renderFunderReportPdf } from '../../outcomes/funder-report-pdf';
import { outcomesCsv } from '../../outcomes/outcomes-csv';
import type { HandlerContext } from './handler-context';

export function outcomesHandlers({ session }: HandlerContext): HandlersOf<'outcomes'> {
  const report = (filters: OutcomesFilters) =>
    session.useStore(({ db }) => computeOutcomes(db, filters, { now: new Date(), timeZone: userTimeZone() }));
  // File names carry the period only: they show in download bars and recent-file lists.
  const baseName = (filters: OutcomesFilters) => `outcomes-${filters.from}-to-${filters.to}`;
  return {
    'outcomes.report': report,
    'outcomes.exportCsv': async (filters) => ({
      fileName: `${baseName(filters)}.csv`,
      csv: outcomesCsv(await report(filters)),
    }),
    'outcomes.exportFunderPdf': async ({ filters, organisationName }) => {
      const { bytes, pageCount } = await renderFunderReportPdf({
        report: await report(filters),
        organisationName,
        preparedOn: localToday(),
      });
      return {
        fileName: `${baseName(filters)}-funder-report.pdf`,
        pageCount,
        data: bytes.toString('base64'),
      };
    },
  };
}
