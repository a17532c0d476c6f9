// Rewrites docs/letter-placeholders.md from the placeholder registry; a test checks the file matches.
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as prettier from 'prettier';
import { renderPlaceholderDoc } from '../src/core/letters/placeholder-doc';

export const placeholderDocPath = fileURLToPath(new URL('../docs/letter-placeholders.md', import.meta.url));

/** The document as the repository keeps it: rendered, then formatted like every other file. */
export async function formattedPlaceholderDoc(): Promise<string> {
  const options = await prettier.resolveConfig(placeholderDocPath);
  return prettier.format(renderPlaceholderDoc(), { ...options, parser: 'markdown' });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(placeholderDocPath, await formattedPlaceholderDoc());
}
