import type { FileDestination } from '../../src/core/api/file-destination';

/**
 * Where a test lets a streamed save method write: memory, as the web harness gathers it. `text()`
 * is what the method wrote; the file counts as saved under its suggested name.
 */
export function memoryFileDestination(): { readonly destination: FileDestination; text(): string } {
  const pieces: Uint8Array[] = [];
  return {
    destination: async (suggestedName, write) => {
      await write(new WritableStream({ write: (piece) => void pieces.push(piece) }));
      return suggestedName;
    },
    text: () => Buffer.concat(pieces).toString('utf8'),
  };
}
