import type { RowVisibility } from '../row-visibility';

/** A local store has one person and no row security. */
export const sqliteRowVisibility: RowVisibility = {
  seesEveryCase: () => Promise.resolve(true),
  changesNothing: () => Promise.resolve(false),
};
