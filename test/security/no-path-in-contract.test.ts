import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, methodNames } from '../../src/shared/contract';

/**
 * docs/security.md §2: the renderer never supplies a file-system path. Every field of every method's
 * input whose name says it is (or may be) a place on disk must refuse a path; a field so named
 * that takes one fails this test, whatever method it is added to.
 */
const pathWords = new Set([
  'path',
  'folder',
  'directory',
  'dir',
  'file',
  'destination',
  'location',
  'save',
  'output',
  'target',
  'dest',
  'uri',
  'url',
]);

/** "fileName" → file, name; "save_to" → save, to: a field is path-like if any word of its name is. */
function isPathLikeName(key: string): boolean {
  return key
    .split(/(?=[A-Z])|[_\-\s]+/)
    .map((word) => word.toLowerCase().replace(/s$/, ''))
    .some((word) => pathWords.has(word));
}

const pathProbes = [
  '/etc/passwd',
  '/tmp/advocase-probe.pdf',
  'C:\\Users\\Public\\probe.bat',
  '..\\..\\probe.txt',
  '../../probe.txt',
  '\\\\server\\share\\probe.pdf',
  'file:///tmp/probe.pdf',
];

/** Fields whose name says "file" but which carry content, never a place: each with why. */
const contentNotPlace: Readonly<Record<string, string>> = {
  'letterTemplates.import.fileText':
    'the text of a template the person picked, read by the renderer; never opened',
};

type Field = { readonly method: string; readonly key: string; readonly schema: z.ZodType };

/** Every named field reachable in a schema (objects inside arrays, unions, optionals, pipes…). */
function fieldsOf(method: string, schema: z.ZodType, seen = new Set<z.ZodType>()): Field[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  const inner = (value: unknown): Field[] => (value ? fieldsOf(method, value as z.ZodType, seen) : []);
  switch (def.type) {
    case 'object': {
      const shape = def['shape'] as Record<string, z.ZodType>;
      return Object.entries(shape).flatMap(([key, child]) => [
        { method, key, schema: child },
        ...fieldsOf(method, child, seen),
      ]);
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return inner(def['innerType']);
    case 'pipe':
      return [...inner(def['in']), ...inner(def['out'])];
    case 'array':
      return inner(def['element']);
    case 'union':
      return (def['options'] as z.ZodType[]).flatMap((option) => fieldsOf(method, option, seen));
    case 'intersection':
      return [...inner(def['left']), ...inner(def['right'])];
    case 'record':
      return inner(def['valueType']);
    case 'tuple':
      return [
        ...(def['items'] as z.ZodType[]).flatMap((item) => fieldsOf(method, item, seen)),
        ...inner(def['rest']),
      ];
    case 'lazy':
      return inner((def['getter'] as () => z.ZodType)());
    default:
      return [];
  }
}

function pathLikeFields(): Field[] {
  return methodNames
    .flatMap((method) => fieldsOf(method, contract[method].input))
    .filter((field) => isPathLikeName(field.key) && !contentNotPlace[`${field.method}.${field.key}`]);
}

describe('no contract method takes a file-system path', () => {
  it('finds fields by name wherever they sit (so the check below can fail)', () => {
    const planted = z.strictObject({
      items: z.array(z.object({ saveTo: z.string().optional() })),
      choice: z.union([z.object({ folder: z.string() }), z.object({ other: z.number() })]),
    });
    expect(
      fieldsOf('planted', planted)
        .filter((field) => isPathLikeName(field.key))
        .map((field) => field.key),
    ).toEqual(['saveTo', 'folder']);
    expect(pathLikeFields().map((field) => `${field.method}.${field.key}`)).toContain(
      'vault.uploadBegin.fileName',
    );
  });

  it('every field named like a path, folder, directory or file refuses every kind of path', () => {
    const accepting = pathLikeFields().flatMap((field) =>
      pathProbes
        .filter((probe) => field.schema.safeParse(probe).success)
        .map((probe) => `${field.method} ${field.key} accepts ${JSON.stringify(probe)}`),
    );
    expect(accepting).toEqual([]);
  });
});
