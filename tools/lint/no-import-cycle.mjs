// ESLint rule: no import cycle among the files under one folder, type-only imports included.
// eslint-plugin-import's no-cycle skips `import type`, but a type cycle still ties two modules
// together: neither can be read, moved or tested without the other.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';

const EXTENSIONS = ['.ts', '.tsx', '/index.ts'];
/** @type {Map<string, { mtime: number, imports: string[] }>} File → its relative imports, resolved; re-read when the file changes (editors keep ESLint running). */
const graph = new Map();

/**
 * @param {string} from
 * @param {string} spec
 * @returns {string | null}
 */
function resolveImport(from, spec) {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec).replace(/\.js$/, '');
  for (const ext of EXTENSIONS) if (existsSync(base + ext)) return base + ext;
  return null;
}

/**
 * @param {string} file
 * @returns {string[]}
 */
function importsOf(file) {
  const mtime = statSync(file).mtimeMs;
  const known = graph.get(file);
  if (known?.mtime === mtime) return known.imports;
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const imports = importedFiles.map((f) => resolveImport(file, f.fileName)).filter(/** @returns {f is string} */ (f) => f !== null);
  graph.set(file, { mtime, imports });
  return imports;
}

/**
 * A path of imports from `start` back to `goal` inside `root`, or null.
 * @param {string} start
 * @param {string} goal
 * @param {string} root
 * @returns {string[] | null}
 */
function pathBack(start, goal, root) {
  const seen = new Set();
  /** @type {(file: string, trail: string[]) => string[] | null} */
  const walk = (file, trail) => {
    if (file === goal) return trail;
    if (seen.has(file) || !file.startsWith(root)) return null;
    seen.add(file);
    for (const next of importsOf(file)) {
      const found = walk(next, [...trail, next]);
      if (found) return found;
    }
    return null;
  };
  return walk(start, [start]);
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'No import cycle inside a folder, type-only imports included' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, required: ['root'], additionalProperties: false }],
    messages: { cycle: 'This import closes a cycle: {{path}}. Move what both need into a module that imports neither.' },
  },
  create(context) {
    const root = resolve(context.options[0].root);
    const file = resolve(context.filename);
    /** @param {import('estree').ImportDeclaration | import('estree').ExportNamedDeclaration | import('estree').ExportAllDeclaration | import('estree').ImportExpression} node */
    const check = (node) => {
      const spec = node.source && 'value' in node.source ? node.source.value : undefined;
      const target = typeof spec === 'string' ? resolveImport(file, spec) : null;
      if (!target?.startsWith(root)) return;
      const trail = pathBack(target, file, root);
      if (trail) context.report({ node, messageId: 'cycle', data: { path: [file, ...trail].map((f) => relative(root, f)).join(' → ') } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};
