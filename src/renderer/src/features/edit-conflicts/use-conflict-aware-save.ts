import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { EditConflict } from '@shared/result';
import { ApiCallError } from '../../lib/api-call-error';

type Options<Changes, Saved extends { readonly version: number }> = {
  /** The version of the record the form was filled from. */
  readonly editedFrom: number;
  readonly save: (changes: Changes, version: number) => Promise<Saved>;
  readonly onSaved: (saved: Saved) => void | Promise<void>;
  /** Any failure but a conflict (a field refused, the data locked…). */
  readonly onFailed: (error: unknown) => void;
};

/**
 * A form's save that never overwrites someone else's change unseen (docs/team-mode.md, "Two people
 * editing at once"): each save sends the version the form was filled from; when the record was
 * saved since, the core saves nothing and this holds the conflict, with the changes that were not
 * saved, until the person chooses (EditConflictDialog): save theirs over it again with the version
 * now saved, keep it, or go back to the form, which still holds what they typed. Having seen the
 * other version, their next save is made from it.
 */
export function useConflictAwareSave<Changes, Saved extends { readonly version: number }>({
  editedFrom: initialVersion,
  save,
  onSaved,
  onFailed,
}: Options<Changes, Saved>) {
  const [editedFrom, setEditedFrom] = useState(initialVersion);
  const [pending, setPending] = useState<{ conflict: EditConflict; changes: Changes } | null>(null);
  const mutation = useMutation({
    mutationFn: ({ changes, version }: { changes: Changes; version: number }) => save(changes, version),
    onSuccess: async (saved) => {
      setPending(null);
      setEditedFrom(saved.version);
      await onSaved(saved);
    },
    onError: (error, { changes }) => {
      if (error instanceof ApiCallError && error.code === 'EDIT_CONFLICT' && error.conflict) {
        setPending({ conflict: error.conflict, changes });
      } else onFailed(error);
    },
  });
  /** Either way the person has now seen the saved version: a later save is made from it. */
  const seen = () => {
    if (pending) setEditedFrom(pending.conflict.version);
    setPending(null);
  };
  return {
    submit: (changes: Changes) => mutation.mutate({ changes, version: editedFrom }),
    isPending: mutation.isPending,
    conflict: pending?.conflict ?? null,
    /** What the person typed and could not save, to show beside the saved version. */
    unsavedChanges: pending?.changes ?? null,
    saveMineOverTheirs: () => {
      if (pending) mutation.mutate({ changes: pending.changes, version: pending.conflict.version });
    },
    /** Theirs stays; the caller discards what was typed (or shows theirs in the form). */
    keepTheirs: seen,
    backToEditing: seen,
  };
}
