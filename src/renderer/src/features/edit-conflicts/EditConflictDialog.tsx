import type { EditConflict } from '@shared/result';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import formStyles from '../../components/Form.module.css';
import hiddenStyles from '../../components/VisuallyHidden.module.css';
import { formatMomentBriefly } from '../../lib/format-date';
import styles from './EditConflictDialog.module.css';

/** One field of the form, as each version has it, in words a person reads ("—" for blank). */
export type ComparedField = {
  readonly key: string;
  readonly label: string;
  readonly mine: string;
  readonly theirs: string;
};

type Props = {
  readonly conflict: EditConflict | null;
  /** "case", "client", "coverage": what changed, in the sentence that says so. */
  readonly recordKind: string;
  readonly fields: readonly ComparedField[];
  readonly isSaving: boolean;
  readonly onKeepTheirs: () => void;
  readonly onSaveMine: () => void;
  /** Also what Escape and the close button do: nothing is decided, the form keeps what was typed. */
  readonly onBackToEditing: () => void;
};

/** "Changed by Mei Chen at 14:02", or "in another window" when it was the person themselves. */
export function describeEditConflict(conflict: EditConflict): string {
  return `Changed ${conflict.changedBy ? `by ${conflict.changedBy}` : 'by you in another window'} ${formatMomentBriefly(conflict.changedAt)}`;
}

/** What is announced after "Keep theirs, discard mine": nothing of theirs was saved by this person. */
export function keptTheirsMessage(record: 'case' | 'client' | 'coverage'): string {
  return `Your changes were discarded; the ${record} shows the version saved last.`;
}

/**
 * Shown when a save found the record saved by someone else since the form was filled: both
 * versions side by side, field by field, the fields that differ marked, and the three choices.
 * A modal <dialog> over the form (Dialog): focus stays inside, Escape goes back to editing.
 */
export function EditConflictDialog({
  conflict,
  recordKind,
  fields,
  isSaving,
  onKeepTheirs,
  onSaveMine,
  onBackToEditing,
}: Props) {
  const differing = fields.filter((field) => field.mine !== field.theirs).length;
  const theirs = conflict?.changedBy ? `Saved by ${conflict.changedBy}` : 'Saved in your other window';
  return (
    <Dialog
      open={conflict !== null}
      onOpenChange={(open) => !open && onBackToEditing()}
      title={`This ${recordKind} changed while you were editing it`}
      description={
        conflict &&
        `${describeEditConflict(conflict)}. Nothing of yours is saved yet: compare the two versions and choose which to keep.`
      }
      size="wide"
    >
      <p className={styles.summary} role="status">
        {differing === 0
          ? 'The two versions have the same values in every field below.'
          : `${differing} ${differing === 1 ? 'field differs' : 'fields differ'}, marked below.`}
      </p>
      {/* Focusable, so a keyboard can scroll a long comparison (WCAG 2.1.1). */}
      <div className={styles.scroller} role="region" aria-label="The two versions" tabIndex={0}>
        <table className={styles.table}>
          <caption className={hiddenStyles.visuallyHidden}>Your version beside the saved one</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Yours (not saved)</th>
              <th scope="col">{theirs}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => {
              const differs = field.mine !== field.theirs;
              return (
                <tr key={field.key} className={differs ? styles.differs : undefined}>
                  <th scope="row">
                    {field.label}
                    {differs && <span className={styles.badge}>Differs</span>}
                  </th>
                  <td>{field.mine}</td>
                  <td>{field.theirs}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className={formStyles.actions}>
        <Button onClick={onBackToEditing}>Back to editing</Button>
        <Button onClick={onKeepTheirs} disabled={isSaving}>
          Keep theirs, discard mine
        </Button>
        <Button variant="primary" onClick={onSaveMine} disabled={isSaving}>
          {isSaving ? 'Saving…' : 'Save mine over theirs'}
        </Button>
      </div>
    </Dialog>
  );
}

/** Each field's value in both versions, as `format` writes it for a person. */
export function compareFields(
  fields: readonly { readonly key: string; readonly label: string }[],
  mine: Readonly<Record<string, unknown>>,
  theirs: Readonly<Record<string, unknown>>,
  format: (key: string, value: unknown) => string,
): ComparedField[] {
  return fields.map(({ key, label }) => ({
    key,
    label,
    mine: format(key, mine[key]),
    theirs: format(key, theirs[key]),
  }));
}
