import type { HandlersOf } from '../../../shared/contract/index';
import { localToday } from '../../../shared/schemas/fields';
import { bulkUpdateCases } from '../../caseload/bulk-update';
import { caseloadCsv } from '../../caseload/caseload-csv';
import { readCaseloadPreferences, saveCaseloadPreferences } from '../../caseload/caseload-preferences';
import { deleteView, listSavedViews, saveView } from '../../caseload/saved-views';
import {
  caseloadFilterOptions,
  queryCaseload,
  selectAllCaseloadRows,
} from '../../caseload/caseload-query-service';
import type { HandlerContext } from './handler-context';

export function caseloadHandlers({ session }: HandlerContext): HandlersOf<'caseload'> {
  return {
    'caseload.query': (query) => session.useStore(({ db }) => queryCaseload(db, query)),
    'caseload.filterOptions': () => session.useStore(({ db }) => caseloadFilterOptions(db)),
    'caseload.bulkUpdate': ({ caseIds, changes }) =>
      session.useStore(({ db }) => bulkUpdateCases(db, session.actor, caseIds, changes)),
    'caseload.exportCsv': ({ columns, ...view }) =>
      session.useStore(async ({ db }) => {
        const rows = await selectAllCaseloadRows(db, view);
        return {
          // No names in the file name: it shows in download bars and recent-file lists.
          fileName: `caseload-${localToday()}.csv`,
          csv: caseloadCsv(rows, columns),
          rowCount: rows.length,
        };
      }),
    'caseload.getPreferences': () => session.useStore(({ db }) => readCaseloadPreferences(db)),
    'caseload.savePreferences': (changes) =>
      session.useStore(({ db }) => saveCaseloadPreferences(db, changes)),
    'caseload.listViews': () => session.useStore(({ db }) => listSavedViews(db)),
    'caseload.saveView': ({ name, definition }) =>
      session.useStore(({ db }) => saveView(db, name, definition)),
    'caseload.deleteView': ({ viewId }) =>
      session.useStore(async ({ db }) => {
        await deleteView(db, viewId);
        return {};
      }),
  };
}
