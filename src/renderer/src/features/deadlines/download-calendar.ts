/** Saves text as a file through the browser's (or Electron's) own download, without a server. */
export function downloadTextFile(fileName: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noreferrer';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy by now; the object URL only holds memory.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
