import { dirname, relative, resolve, sep } from 'node:path';

/**
 * The layers of src/ by path: each file may import only from the folders its layer's zone lists.
 * Specifiers are resolved against the importing file (and `@shared/` against src/shared), so what
 * counts is where an import lands, not the folder names it happens to spell ('./main' inside the
 * core is the core). Packages are not this rule's concern (`electron` has its own).
 */

/** The repository-relative path, with forward slashes, of a file or an import's target. */
function repositoryPath(root, absolutePath) {
  return relative(root, absolutePath).split(sep).join('/');
}

function isUnder(path, folder) {
  return path === folder || path.startsWith(`${folder}/`);
}

function importTarget(root, filename, specifier) {
  if (specifier.startsWith('./') || specifier.startsWith('../')) {
    return repositoryPath(root, resolve(dirname(filename), specifier));
  }
  if (specifier.startsWith('@shared/')) return `src/shared/${specifier.slice('@shared/'.length)}`;
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
export const layerBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer of src/ imports only from the paths its zone allows.' },
    schema: [
      {
        type: 'object',
        properties: {
          zones: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                layer: { type: 'string' },
                mayImport: { type: 'array', items: { type: 'string' } },
                why: { type: 'string' },
              },
              required: ['layer', 'mayImport', 'why'],
              additionalProperties: false,
            },
          },
        },
        required: ['zones'],
        additionalProperties: false,
      },
    ],
    messages: {
      forbidden: '{{layer}} may not import {{target}}: {{why}}',
    },
  },
  create(context) {
    const root = context.cwd;
    const file = repositoryPath(root, context.filename);
    const zone = context.options[0].zones.find((candidate) => isUnder(file, candidate.layer));
    if (!zone) return {};
    function check(node) {
      const specifier = node.source?.value;
      if (typeof specifier !== 'string') return;
      const target = importTarget(root, context.filename, specifier);
      if (target === null || !isUnder(target, 'src')) return;
      if (zone.mayImport.some((allowed) => isUnder(target, allowed))) return;
      context.report({
        node: node.source,
        messageId: 'forbidden',
        data: { layer: zone.layer, target, why: zone.why },
      });
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
