import { Undo2 } from 'lucide-react';
import { Button } from '../../components/Button';
import { useUndoLastEdit } from './use-undo';

/** An "Undo" action for the toast shown after an edit. */
export function UndoLastEditButton({ onAnnounce }: { readonly onAnnounce: (message: string) => void }) {
  const undoLastEdit = useUndoLastEdit(onAnnounce);
  return (
    <Button variant="quiet" onClick={undoLastEdit} aria-keyshortcuts="Control+Z" title="Undo (Ctrl+Z)">
      <Undo2 aria-hidden size={16} /> Undo
    </Button>
  );
}
