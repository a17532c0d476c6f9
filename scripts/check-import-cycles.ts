import { findImportCycles } from './import-cycles';

/**
 * `npm run lint`'s check that no module in src/ imports itself through others: a cycle makes
 * load order matter and ties features together that should stand apart (docs/architecture.md).
 */
const cycles = findImportCycles(process.cwd(), 'src');
for (const { loop, filesInTangle } of cycles) {
  const others = filesInTangle - (loop.length - 1);
  const more = others > 0 ? ` (and ${others} more file(s) tangled with these)` : '';
  process.stderr.write(`Import cycle: ${loop.join(' → ')}${more}\n`);
}
if (cycles.length > 0) {
  process.stderr.write(
    `${cycles.length} import cycle(s) in src/. Break each by moving what both files need into a module of its own.\n`,
  );
  process.exitCode = 1;
} else {
  process.stdout.write('No import cycles in src/.\n');
}
