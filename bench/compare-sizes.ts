import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatStats, verdictOf, type Figure } from './figures';

/**
 * Prints the latest results of each caseload size side by side as a Markdown table (the one in
 * docs/performance.md): `tsx bench/compare-sizes.ts [10000 100000 1000000]`. Reads
 * bench/results/bench-N.json as `npm run bench -- --cases N` wrote them.
 */

type Results = { size: { cases: number }; figures: Figure[]; madeAt: string };

const sizes = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['10000', '100000', '1000000'];
const results = sizes.map((cases) => {
  const path = join('bench', 'results', `bench-${cases}.json`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Results) : null;
});
const ids = [...new Set(results.flatMap((result) => result?.figures.map((figure) => figure.id) ?? []))];
const cell = (figure: Figure | undefined) => {
  if (!figure) return 'not measured';
  const shown =
    figure.cold && figure.warm
      ? `cold ${formatStats(figure.cold, figure.unit)}; warm ${formatStats(figure.warm, figure.unit)}`
      : formatStats(figure.cold ?? figure.warm, figure.unit);
  return `${shown} **${verdictOf(figure)}**`;
};
const header = ['figure', 'goal', ...sizes.map((cases) => `${Number(cases).toLocaleString('en-US')} cases`)];
process.stdout.write(`| ${header.join(' | ')} |\n| ${header.map(() => '---').join(' | ')} |\n`);
for (const id of ids) {
  const figures = results.map((result) => result?.figures.find((figure) => figure.id === id));
  const named = figures.find((figure) => figure !== undefined)!;
  process.stdout.write(`| ${named.name} | ${named.goal} | ${figures.map(cell).join(' | ')} |\n`);
}
process.stdout.write(
  `\nmin / median / max of the samples; results of ${results.map((result, index) => `${sizes[index]}: ${result?.madeAt ?? 'none'}`).join(', ')}\n`,
);
