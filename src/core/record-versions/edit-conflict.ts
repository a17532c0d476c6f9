import type { Kysely } from 'kysely';
import type { EditConflict } from '../../shared/result';
import { dialectOf } from '../db/dialect/dialect-of';
import type { AdvocaseDatabase } from '../db/schema';
import type { VersionedTable } from '../db/tables/record-versions';
import { AppError } from '../errors';
import { readRecordVersion } from './record-version';

/** The save changed nothing: the record was saved by someone else since it was edited. */
export class EditConflictError extends AppError {
  readonly conflict: EditConflict;

  constructor(conflict: EditConflict) {
    const who = conflict.changedBy ?? 'you, in another window,';
    super(
      'EDIT_CONFLICT',
      `Not saved: ${who} changed this record after you began editing it. Compare the two versions and choose which to keep.`,
    );
    this.conflict = conflict;
  }

  override toApiError() {
    return { ...super.toApiError(), conflict: this.conflict };
  }
}

/**
 * No lost updates (docs/team-mode.md, "Two people editing at once"), the one check every save of
 * a case, client or coverage makes, on either store: inside the save's transaction, before it
 * writes, the record is locked against other saves and its version compared with the one the
 * person edited from (`editedFrom`). A newer version throws EditConflictError with the record as
 * saved now (`readCurrent`), who saved it and when, and the transaction writes nothing.
 * `editedFrom` undefined (a caller that edits no copy it read, such as a script) saves as before.
 */
export async function assertNotChangedSince(
  trx: Kysely<AdvocaseDatabase>,
  table: VersionedTable,
  id: number,
  editedFrom: number | undefined,
  readCurrent: () => Promise<Readonly<Record<string, unknown>>>,
): Promise<void> {
  if (editedFrom === undefined) return;
  const { recordEditing } = dialectOf(trx);
  await recordEditing.lockForEdit(trx, table, id);
  const saved = await readRecordVersion(trx, table, id);
  if (saved.version === editedFrom) return;
  throw new EditConflictError({
    version: saved.version,
    changedBy: await recordEditing.nameOfEditor(trx, saved.changedBy),
    // A version above 0 always has its time; 0 with a newer version sent is a caller's mistake.
    changedAt: saved.changedAt ?? new Date().toISOString(),
    current: await readCurrent(),
  });
}
