/**
 * Names that come from an imported connector (operationIds, tags, definition names) become
 * TypeScript identifiers and file names. They are untrusted: a crafted connector must not be able
 * to write outside the output folder, hit a reserved device name, collide two files, or shadow a
 * keyword. Everything here maps arbitrary text to a safe, unique name.
 */

/** Words a generated identifier must not be (keywords, and names TypeScript reserves in context). */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  // An exported `then` makes a module thenable: awaiting its import would call it.
  'then',
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'debugger',
  'default',
  'delete',
  'do',
  'else',
  'enum',
  'export',
  'extends',
  'false',
  'finally',
  'for',
  'function',
  'if',
  'import',
  'in',
  'instanceof',
  'new',
  'null',
  'return',
  'super',
  'switch',
  'this',
  'throw',
  'true',
  'try',
  'typeof',
  'var',
  'void',
  'while',
  'with',
  'as',
  'implements',
  'interface',
  'let',
  'package',
  'private',
  'protected',
  'public',
  'static',
  'yield',
  'any',
  'boolean',
  'constructor',
  'declare',
  'get',
  'module',
  'require',
  'number',
  'set',
  'string',
  'symbol',
  'type',
  'from',
  'of',
  'await',
  'async',
  'arguments',
  'eval',
  'undefined',
  'NaN',
  'Infinity',
  'unknown',
  'never',
  'object',
  'keyof',
  'readonly',
  'satisfies',
  'accessor',
  'override',
  'abstract',
  'is',
  'asserts',
  'infer',
  'namespace',
  // Names the generated files themselves use.
  'operation',
  'defineConnector',
  'document',
  'definitions',
  'parameters',
  'responses',
  'fs',
  'path',
  'exports',
  'globalThis',
  'process',
  'Object',
  'Array',
  'String',
  'Symbol',
  'Promise',
]);

/** Device names Windows refuses as file names, in any case and with any extension. */
const RESERVED_FILES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\$|conout\$)$/i;
/** File names the generated definition folder itself uses. */
const OWN_FILES = new Set(['connector', 'schemas', 'parameters', 'responses', 'index', 'script', 'icon']);

function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents off: "Ü" -> "U", not "U" + a word break
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

/** A camelCase identifier from any text: ASCII letters and digits only, never a keyword. */
export function identifierFrom(text: string, fallback = 'item'): string {
  const ws = words(text);
  let id = ws
    .map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');
  if (!id) id = fallback;
  if (/^[0-9]/.test(id)) id = `_${id}`;
  if (id.length > 80) id = id.slice(0, 80);
  if (RESERVED_WORDS.has(id)) id = `${id}_`;
  return id;
}

/** A kebab-case base name (no extension) safe on every file system; never empty, never a device name. */
export function fileBaseFrom(text: string, fallback = 'operations'): string {
  let base = words(text)
    .map((w) => w.toLowerCase())
    .join('-');
  if (base.length > 60) base = base.slice(0, 60).replace(/-+$/, '');
  if (!base) base = fallback;
  if (RESERVED_FILES.test(base) || OWN_FILES.has(base)) base = `${base}-ops`;
  return base;
}

/**
 * Hands out unique names: the second "users" becomes "users2". Comparison is case-insensitive,
 * because on macOS and Windows `Users.ts` and `users.ts` are the same file.
 */
export class NameScope {
  private readonly taken = new Set<string>();
  constructor(reserved: Iterable<string> = []) {
    for (const r of reserved) this.taken.add(r.toLowerCase());
  }
  claim(wanted: string, sep = ''): string {
    let name = wanted;
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) name = `${wanted}${sep}${n}`;
    this.taken.add(name.toLowerCase());
    return name;
  }
}
