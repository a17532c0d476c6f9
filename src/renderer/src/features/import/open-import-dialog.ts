const openImportEvent = 'advocase:open-import';

/** Opens the Import dialog from anywhere (the command palette), wherever its button is mounted. */
export function openImportDialog(): void {
  window.dispatchEvent(new Event(openImportEvent));
}

export function onOpenImportDialog(listener: () => void): () => void {
  window.addEventListener(openImportEvent, listener);
  return () => window.removeEventListener(openImportEvent, listener);
}
