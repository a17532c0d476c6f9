import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

/**
 * Import cycles among the TypeScript files of one folder, found with TypeScript's own module
 * resolution (so `@shared/` paths and `index` files resolve as the compiler resolves them).
 * Type-only imports count: a cycle of types still ties two modules into one that neither can be
 * read, tested or moved without the other.
 */

/** One way round a cycle, from a file back to it, and how many files the tangle holds in all. */
export type ImportCycle = { readonly loop: readonly string[]; readonly filesInTangle: number };

function typeScriptFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

function compilerOptionsOf(root: string): ts.CompilerOptions {
  const configPath = join(root, 'tsconfig.base.json');
  const read = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  if (read.error) return { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler };
  const config: unknown = read.config;
  return ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, configPath).options;
}

/** Each file's imports of other files in the same set. */
function importGraph(root: string, files: readonly string[]): Map<string, string[]> {
  const options = compilerOptionsOf(root);
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles.flatMap(({ fileName }) => {
      const resolved = ts.resolveModuleName(fileName, file, options, ts.sys).resolvedModule;
      return resolved && known.has(resolved.resolvedFileName) ? [resolved.resolvedFileName] : [];
    });
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Tarjan's strongly connected components: the groups of files that all reach one another. */
function tangledGroups(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    lowLink.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        lowLink.set(file, Math.min(lowLink.get(file)!, lowLink.get(target)!));
      } else if (onStack.has(target)) {
        lowLink.set(file, Math.min(lowLink.get(file)!, index.get(target)!));
      }
    }
    if (lowLink.get(file) !== index.get(file)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    const isCycle = group.length > 1 || (graph.get(file) ?? []).includes(file);
    if (isCycle) groups.push(group);
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return groups;
}

/** One shortest way round a group, from its first file (in name order) back to it. */
function shortestLoop(graph: ReadonlyMap<string, readonly string[]>, group: readonly string[]): string[] {
  const members = new Set(group);
  const start = [...group].sort()[0]!;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const target of graph.get(file) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const loop = [file];
        while (loop[0] !== start) loop.unshift(cameFrom.get(loop[0]!)!);
        return [...loop, start];
      }
      if (!cameFrom.has(target)) {
        cameFrom.set(target, file);
        queue.push(target);
      }
    }
  }
  return [start, start];
}

/** Every import cycle under `folder` (relative to `root`), each as repository paths from a file back to it. */
export function findImportCycles(root: string, folder: string): ImportCycle[] {
  const graph = importGraph(root, typeScriptFiles(join(root, folder)));
  const shown = (file: string) => relative(root, file).split(sep).join('/');
  return tangledGroups(graph)
    .map((group) => ({ loop: shortestLoop(graph, group).map(shown), filesInTangle: group.length }))
    .sort((a, b) => a.loop[0]!.localeCompare(b.loop[0]!));
}
