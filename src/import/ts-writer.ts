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
  const flat = flatLiteral(value, LINE_WIDTH - indent * 2);
  if (flat !== undefined) return flat;
  const pad = '  '.repeat(indent + 1);
  const close = '  '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${pad}${literal(v, indent + 1)},`).join('\n')}\n${close}]`;
  }
  if (value instanceof Code) return value.text;
  // Too long for one line: each argument laid out at this level, `t.object({` opening on the call's line.
  if (value instanceof Call) return `${value.callee}(${value.args.map((a) => literal(a, indent)).join(', ')})`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([k, v]) => `${pad}${entry(k, v, literal(v, indent + 1))},`).join('\n')}\n${close}}`;
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
 * The one-line form when it fits in `max` characters, else undefined (also for a multi-line code
 * fragment). It stops as soon as the line is too long: literal() asks again at every level, so
 * building each subtree's whole one-line text would make a deep value quadratic.
 */
function flatLiteral(value: unknown, max: number): string | undefined {
  if (value instanceof Code) return value.text.includes('\n') || value.text.length > max ? undefined : value.text;
  if (value instanceof Call) return flatList(`${value.callee}(`, value.args, ')', max);
  if (Array.isArray(value)) return flatList('[', value, ']', max);
  if (value !== null && typeof value === 'object') {
    // Keys rather than entries, and no filtered copy: this runs at every level of every literal.
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o);
    let count = 0;
    for (const k of keys) if (o[k] !== undefined) count++;
    if (count === 0) return max >= 2 ? '{}' : undefined;
    // `{ ` and ` }` and a `, ` between entries.
    let length = 4 + 2 * (count - 1);
    let text = '';
    for (const k of keys) {
      const v = o[k];
      if (v === undefined) continue;
      if (length > max) return undefined;
      const f = flatLiteral(v, max - length);
      if (f === undefined) return undefined;
      const part = entry(k, v, f);
      length += part.length;
      text += text ? `, ${part}` : part;
    }
    return length > max ? undefined : `{ ${text} }`;
  }
  const text = scalar(value);
  return text.length > max ? undefined : text;
}

/** `open` items joined by `, ` then `close`, on one line within `max` characters. */
function flatList(open: string, items: readonly unknown[], close: string, max: number): string | undefined {
  let length = open.length + close.length + 2 * Math.max(0, items.length - 1);
  const parts: string[] = [];
  for (const item of items) {
    if (length > max) return undefined;
    const f = flatLiteral(item, max - length);
    if (f === undefined) return undefined;
    length += f.length;
    parts.push(f);
  }
  return length > max ? undefined : `${open}${parts.join(', ')}${close}`;
}
