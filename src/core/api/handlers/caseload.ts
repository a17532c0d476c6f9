import type { HandlersOf } from '../../../shared/contract';
import { localToday } from '../../../shared/schemas/fields';
import { bulkUpdateCases } from '../../caseload/bulk-update';
import { writeCaseloadCsv } from '../../caseload/caseload-csv';
import { readCaseloadPreferences, saveCaseloadPreferences } from '../../caseload/caseload-preferences';
import { deleteView, listSavedViews, saveView } from '../../caseload/saved-views';
import {
  caseloadFilterOptions,
  caseloadRowsInOrder,
  queryCaseload,
} from '../../caseload/caseload-query-service';
import { AppError } from '../../errors';
import type { FileDestination } from '../file-destination';
import type { HandlerContext } from './handler-context';

export function caseloadHandlers({ session }: HandlerContext): HandlersOf<'caseload'> {
  return {
    'caseload.query': (query) => session.useStore(({ db }) => queryCaseload(db, query)),
    'caseload.filterOptions': () => session.useStore(({ db }) => caseloadFilterOptions(db)),
    'caseload.bulkUpdate': ({ caseIds, changes }) =>
      session.useStore(({ db }) => bulkUpdateCases(db, session.actor, caseIds, changes)),
    'caseload.exportCsv': async ({ columns, ...view }, destination?: FileDestination) => {
      if (!destination) {
        throw new AppError('INVALID_INPUT', 'The caseload is exported to a file you choose: use Export CSV.');
      }
      // No names in the file name: it shows in download bars and recent-file lists.
      const fileName = `caseload-${localToday()}.csv`;
      let rowCount = 0;
      // The person chooses where first; the store is read only while the file is written.
      const savedAs = await destination(fileName, (stream) =>
        session.useStore(async ({ db }) => {
          rowCount = await writeCaseloadCsv(caseloadRowsInOrder(db, view), columns, stream);
        }),
      );
      return { fileName, rowCount, savedAs };
    },
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
