import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { callApi } from '../../lib/api';
import { isTypingInField } from '../../lib/keyboard';

/** Reverts the user's last edit and refreshes every list; the sentence it returns goes to the toast. */
export function useUndoLastEdit(onAnnounce: (message: string) => void) {
  const queryClient = useQueryClient();
  const undo = useMutation({
    mutationFn: () => callApi('history.undo', { count: 1 }),
    onSuccess: async (output) => {
      onAnnounce(output.message);
      if (output.undone.length > 0) await queryClient.invalidateQueries();
    },
    onError: (error) => onAnnounce(error.message),
  });
  return useCallback(() => undo.mutate(), [undo]);
}

/**
 * Ctrl/Cmd+Z outside text fields undoes the last edit (inside a field it stays the field's own
 * undo). Mounted once in the Workspace, which appears right after unlocking, so this is also
 * where what has been in the trash longer than 30 days is removed for good.
 */
export function useUndoShortcut(onAnnounce: (message: string) => void): void {
  const undoLastEdit = useUndoLastEdit(onAnnounce);
  const queryClient = useQueryClient();

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const isUndo =
        (event.ctrlKey || event.metaKey) &&
        !event.shiftKey &&
        !event.altKey &&
        event.key.toLowerCase() === 'z';
      if (!isUndo || isTypingInField(event)) return;
      event.preventDefault();
      undoLastEdit();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [undoLastEdit]);

  useEffect(() => {
    // The core answers one call at a time: let the caseload's first page go first after unlock.
    const timer = window.setTimeout(() => {
      callApi('trash.purgeExpired', {}).then(
        (removed) => {
          if (removed.clients + removed.cases + removed.events > 0) void queryClient.invalidateQueries();
        },
        // Locked again already, or nothing to do: the next unlock tries again.
        () => undefined,
      );
    }, 3000);
    return () => window.clearTimeout(timer);
  }, [queryClient]);
}
