import { useCallback, useEffect, useRef, useState } from 'react';
import type { LetterDocument } from '@shared/domain/letter-document';
import type { Letter } from '@shared/schemas/letters';
import { queryClient } from '../../app/query-client';
import { callApi } from '../../lib/api';
import { queryKeys } from '../../lib/query-keys';

export type SaveState =
  | { readonly kind: 'saved' }
  | { readonly kind: 'unsaved' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'failed'; readonly message: string };

/** Long enough not to save on every keystroke, short enough that a crash loses a sentence at most. */
const autosaveDelayMs = 800;

/**
 * Saves the letter's text a moment after the user stops typing, one save at a time, and once
 * more when the page goes away, so nothing typed is lost. The state says which of those it is in.
 */
export function useLetterAutosave(letter: Letter) {
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const pending = useRef<LetterDocument | null>(null);
  const lastSaved = useRef(JSON.stringify(letter.body));
  const timer = useRef<number | undefined>(undefined);
  const isSaving = useRef(false);

  const flush = useCallback(async (): Promise<void> => {
    window.clearTimeout(timer.current);
    if (isSaving.current) return;
    isSaving.current = true;
    try {
      // Changes made while a save is on its way are saved right after it, in order.
      while (pending.current !== null) {
        const body = pending.current;
        pending.current = null;
        setState({ kind: 'saving' });
        try {
          const saved = await callApi('letters.update', { letterId: letter.id, changes: { body } });
          lastSaved.current = JSON.stringify(saved.body);
          queryClient.setQueryData(queryKeys.letters.letter(letter.id), saved);
        } catch (error) {
          // Keep the text to try again with the next change; nothing typed is dropped.
          pending.current ??= body;
          setState({
            kind: 'failed',
            message: error instanceof Error ? error.message : 'The letter could not be saved.',
          });
          return;
        }
      }
      setState({ kind: 'saved' });
      void queryClient.invalidateQueries({ queryKey: queryKeys.letters.ofCase(letter.caseId) });
    } finally {
      isSaving.current = false;
    }
  }, [letter.id, letter.caseId]);

  const change = useCallback(
    (body: LetterDocument) => {
      if (JSON.stringify(body) === lastSaved.current && pending.current === null) return;
      pending.current = body;
      setState((current) => (current.kind === 'saving' ? current : { kind: 'unsaved' }));
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), autosaveDelayMs);
    },
    [flush],
  );

  useEffect(() => {
    const saveNow = () => void flush();
    window.addEventListener('pagehide', saveNow);
    return () => {
      window.removeEventListener('pagehide', saveNow);
      saveNow();
    };
  }, [flush]);

  return { state, change, saveNow: flush };
}
