import { Upload } from 'lucide-react';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { Button } from '../../components/Button';
import { ImportDialog } from './ImportDialog';
import { onOpenImportDialog } from './open-import-dialog';

/** The Workspace header's Import button, with its dialog (also opened from the command palette). */
export function ImportButton({ onImported }: { readonly onImported: (message: string) => void }) {
  const [isOpen, setIsOpen] = useState(false);
  useEffect(() => onOpenImportDialog(() => setIsOpen(true)), []);
  return (
    <>
      <Button variant="secondary" onClick={() => setIsOpen(true)}>
        <Upload aria-hidden size={16} /> Import
      </Button>
      {/* Mounted at the body, not in the header: a dialog inside the banner landmark is read as part of it. */}
      {createPortal(
        <ImportDialog open={isOpen} onOpenChange={setIsOpen} onImported={onImported} />,
        document.body,
      )}
    </>
  );
}
