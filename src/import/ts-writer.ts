/**
 * Writes JSON values as formatted TypeScript literals, and comments, from untrusted text. Every
 * string goes through one escaper (so no quote, backslash, newline, `${` or line separator can
 * end a literal early) and every comment through another (so no `*\/` can end it). Short objects
 * and arrays stay on one line; the rest are laid out one entry per line, 2-space indent.
 */

const LINE_WIDTH = 110;

/** A single-quoted TypeScript string literal that evaluates to exactly `s`. */
export function stringLiteral(s: string): string {
  let out = "'";
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const code = s.charCodeAt(i);
    if (ch === "'") out += "\\'";
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029)
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    else if (code >= 0xd800 && code <= 0xdfff) {
      // Keep well-formed surrogate pairs as they are; escape lone halves so the file is valid UTF-8.
      const next = s.charCodeAt(i + 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        out += ch + s[i + 1]!;
        i++;
      } else out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return `${out}'`;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** An object key: bare when it is a plain identifier, quoted otherwise (`'x-ms-summary'`, `'__proto__'`). */
export function propertyKey(k: string): string {
  let key = KEYS.get(k);
  if (key === undefined) {
    key = keyText(k);
    // The same few keys (type, title, description, ...) come back thousands of times per import.
    if (KEYS.size < 10_000) KEYS.set(k, key);
  }
  return key;
}
const KEYS = new Map<string, string>();

function keyText(k: string): string {
  // A quoted '__proto__' key in a literal still sets the prototype; only a computed key is an own property.
  if (k === '__proto__') return "['__proto__']";
  // tsc types a literal key named like an Object.prototype member (constructor, toString, ...) from
  // that member rather than from the index signature, losing literal types in its value; a key
  // widened to string takes the index signature. Same value at run time.
  if (OBJECT_MEMBERS.has(k)) return `[${stringLiteral(k)} as string]`;
  // A canonical integer (a status code) reads better bare, and `200: x` is the same key as `'200': x`.
  if (/^(0|[1-9][0-9]{0,8})$/.test(k)) return k;
  return IDENTIFIER.test(k) ? k : stringLiteral(k);
}
const OBJECT_MEMBERS = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Comment text on one line: no line breaks, no comment terminator, no control characters. */
export function commentText(s: string, max = 160): string {
  let t = s
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/\*\//g, '* /')
    .replace(/\s+/g, ' ')
    .trim();
  if (t.length > max) t = `${t.slice(0, max - 3)}...`;
  return t;
}

/** A raw code fragment placed as is (an identifier reference, a call): only built by the importer. */
export class Code {
  constructor(readonly text: string) {}
}
export const code = (text: string): Code => new Code(text);

/**
 * A call of a fixed function (`t.string`, `query`, ...) with literal arguments: the callee is
 * always importer text, never source text; the arguments go through literal() like any value.
 */
export class Call {
  constructor(
    readonly callee: string,
    readonly args: readonly unknown[],
  ) {}
}
export const call = (callee: string, ...args: unknown[]): Call => new Call(callee, args);

/** A literal for a JSON value (plus Code fragments), formatted at the given indent level. */
export function literal(value: unknown, indent = 0): string {
  return layout(value, indent, new WeakMap());
}

/** Each object's one-line text (or null: longer than any line), worked out once per literal(). */
type FlatMemo = WeakMap<object, string | null>;

function layout(value: unknown, indent: number, memo: FlatMemo): string {
  const flat = flatText(value, memo);
  if (flat !== null && flat.length <= LINE_WIDTH - indent * 2) return flat;
  const pad = '  '.repeat(indent + 1);
  const close = '  '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${pad}${layout(v, indent + 1, memo)},`).join('\n')}\n${close}]`;
  }
  if (value instanceof Code) return value.text;
  // Too long for one line: each argument laid out at this level, `t.object({` opening on the call's line.
  if (value instanceof Call) return `${value.callee}(${value.args.map((a) => layout(a, indent, memo)).join(', ')})`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([k, v]) => `${pad}${entry(k, v, layout(v, indent + 1, memo))},`).join('\n')}\n${close}}`;
  }
  return scalar(value);
}

/** `key: value`, or the shorthand `key` when the value is a reference to a same-named binding. */
function entry(k: string, v: unknown, text: string): string {
  return v instanceof Code && v.text === k && IDENTIFIER.test(k) ? k : `${propertyKey(k)}: ${text}`;
}

function scalar(value: unknown): string {
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as a JSON value`);
    return Object.is(value, -0) ? '-0' : String(value);
  }
  if (typeof value === 'boolean' || value === null) return String(value);
  throw new Error(`cannot write a ${typeof value} as a JSON value`);
}

/**
 * The one-line form of a value, or null when it is longer than a line can be (or is a multi-line
 * code fragment). layout() asks at every level of a value that does not fit: each object's answer
 * is kept, and each stops as soon as it is too long, so a deep value costs linear time.
 */
function flatText(value: unknown, memo: FlatMemo): string | null {
  if (value === null || typeof value !== 'object') {
    const text = scalar(value);
    return text.length > LINE_WIDTH ? null : text;
  }
  const known = memo.get(value);
  if (known !== undefined) return known;
  let text: string | null;
  if (value instanceof Code) text = value.text.includes('\n') || value.text.length > LINE_WIDTH ? null : value.text;
  else if (value instanceof Call) text = flatList(`${value.callee}(`, value.args, ')', memo);
  else if (Array.isArray(value)) text = flatList('[', value, ']', memo);
  else text = flatObject(value as Record<string, unknown>, memo);
  memo.set(value, text);
  return text;
}

function flatObject(o: Record<string, unknown>, memo: FlatMemo): string | null {
  // Keys rather than entries, and no filtered copy: this runs at every level of every literal.
  let text = '';
  // `{ ` and ` }`; a `, ` is added before each entry after the first.
  let length = 4;
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (v === undefined) continue;
    const f = flatText(v, memo);
    if (f === null) return null;
    const part = entry(k, v, f);
    length += part.length + (text ? 2 : 0);
    if (length > LINE_WIDTH) return null;
    text += text ? `, ${part}` : part;
  }
  return text ? `{ ${text} }` : '{}';
}

/** `open` items joined by `, ` then `close`, on one line, or null when longer than a line can be. */
function flatList(open: string, items: readonly unknown[], close: string, memo: FlatMemo): string | null {
  let length = open.length + close.length;
  const parts: string[] = [];
  for (const item of items) {
    const f = flatText(item, memo);
    if (f === null) return null;
    length += f.length + (parts.length ? 2 : 0);
    if (length > LINE_WIDTH) return null;
    parts.push(f);
  }
  return `${open}${parts.join(', ')}${close}`;
}
