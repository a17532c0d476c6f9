/**
 * Where a file the person keeps is written while it is made (docs/security.md §2: never a path a
 * request names). The shell around the app supplies it: the desktop app asks with the native save
 * dialog and writes a private partial file that is renamed into place once complete; the web
 * harness sends it as a download. `write` fills the stream and closes it. Resolves to the name the
 * file was saved under, or null when the person cancelled.
 */
export type FileDestination = (
  suggestedName: string,
  write: (stream: WritableStream<Uint8Array>) => Promise<void>,
) => Promise<string | null>;
