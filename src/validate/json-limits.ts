/**
 * The structural guard every reader of user JSON runs before anything walks the document.
 * jsonc-parser, swagger-parser, ajv and pcdk's own rule walkers recurse once per nesting level,
 * so a hostile file nested a few thousand levels deep overflows the stack. These checks are
 * iterative (an explicit stack, never recursion) and refuse such input with a located reason.
 *
 * Limits, and why:
 * - depth 128: the deepest of the 60 real connectors in the corpus is 26 levels, and .NET's JSON
 *   readers that the Power Platform service runs on (System.Text.Json, Json.NET 13) stop at 64 by
 *   default; 128 leaves room for every real file while keeping recursive walkers (a handful of
 *   frames per level) far from Node's stack limit of about 10,000 frames.
 * - 16 MiB: the service takes a swagger of at most 1 MB (reference/power-platform.md §9), so a
 *   file 16 times that is no connector; the certification size rule reports anything between.
 */

export const JSON_LIMITS = {
  maxDepth: 128,
  maxChars: 16 * 1024 * 1024,
} as const;

export interface LimitProblem {
  kind: 'depth' | 'size';
  /** Human reason, e.g. "nested deeper than 128 levels". */
  reason: string;
  /** JSON pointer of the value where the limit is crossed ('' for the whole file). */
  pointer: string;
  /** Offset into the text where the limit is crossed (0 for size). */
  offset: number;
}

interface Frame {
  array: boolean;
  /** Array index, or the last key read in an object. */
  key: string | number;
  /** In an object: the next string is a key. */
  expectKey: boolean;
}

function escapeSegment(s: string | number): string {
  return String(s).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Reads the JSON string starting at text[start] (a quote); returns its value and the offset after it. */
function readString(text: string, start: number): { value: string; end: number } {
  let i = start + 1;
  let simple = true;
  while (i < text.length && text[i] !== '"') {
    if (text[i] === '\\') {
      simple = false;
      i++;
    }
    i++;
  }
  const raw = text.slice(start + 1, i);
  let value = raw;
  if (!simple) {
    try {
      value = JSON.parse(`"${raw}"`) as string;
    } catch {
      // A broken escape: the parser reports it; the key only names a place here.
    }
  }
  return { value, end: i + 1 };
}

/**
 * The offset after the JSON string starting at text[start] (a quote), as readString finds it (at
 * least text.length when it is not closed): the first quote after an even run of backslashes.
 */
function stringEnd(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote === -1) return text.length + 1;
    let backslash = quote - 1;
    while (backslash > start && text.charCodeAt(backslash) === 0x5c) backslash--;
    if ((quote - 1 - backslash) % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

const [QUOTE, OPEN_BRACE, OPEN_BRACKET, CLOSE_BRACE, CLOSE_BRACKET] = [0x22, 0x7b, 0x5b, 0x7d, 0x5d];

/** The deepest nesting of brackets outside strings (a stray closer at the top level counts for nothing, as below). */
function maxDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === QUOTE) i = stringEnd(text, i) - 1;
    else if (ch === OPEN_BRACE || ch === OPEN_BRACKET) max = Math.max(max, ++depth);
    else if (depth > 0 && (ch === CLOSE_BRACE || ch === CLOSE_BRACKET)) depth--;
  }
  return max;
}

/**
 * The first limit `text` crosses, scanning brackets outside strings. Works on invalid JSON too
 * (the syntax error is the parser's to report): it only has to bound what the parser may do.
 */
export function jsonTextProblem(text: string, limits: typeof JSON_LIMITS = JSON_LIMITS): LimitProblem | undefined {
  if (text.length > limits.maxChars) {
    return {
      kind: 'size',
      reason: `${text.length} characters, more than the ${limits.maxChars} pcdk reads`,
      pointer: '',
      offset: 0,
    };
  }
  // Nearly every file is well within the depth limit: a count of brackets outside strings says so
  // without reading a key. Only a file that crosses it is scanned again to name where.
  if (maxDepth(text) <= limits.maxDepth) return undefined;
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22 /* " */) {
      const top = stack[stack.length - 1];
      if (top && !top.array && top.expectKey) {
        const { value, end } = readString(text, i);
        top.key = value;
        top.expectKey = false;
        i = end - 1;
      } else {
        // A value: only its end matters, found without decoding (or copying) it.
        i = stringEnd(text, i) - 1;
      }
    } else if (ch === 0x7b /* { */ || ch === 0x5b /* [ */) {
      if (stack.length >= limits.maxDepth) {
        return {
          kind: 'depth',
          reason: `nested deeper than ${limits.maxDepth} levels`,
          pointer: stack.map((f) => `/${escapeSegment(f.key)}`).join(''),
          offset: i,
        };
      }
      stack.push({ array: ch === 0x5b, key: ch === 0x5b ? 0 : '', expectKey: ch === 0x7b });
    } else if (ch === 0x7d /* } */ || ch === 0x5d /* ] */) {
      stack.pop();
    } else if (ch === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top?.array) top.key = (top.key as number) + 1;
      else if (top) top.expectKey = true;
    }
  }
  return undefined;
}

/**
 * The first place an in-memory value (from JSON.parse, which V8 runs without recursion) nests
 * deeper than `maxDepth`, as a JSON pointer; undefined when it does not. Iterative.
 */
export function valueDepthProblem(value: unknown, maxDepth: number = JSON_LIMITS.maxDepth): string | undefined {
  // Each entry links to its parent: the pointer is spelled out only for the one that is too deep.
  type Item = { v: object; depth: number; key: string; parent: Item | undefined };
  const pointer = (item: Item | undefined): string => {
    const segments: string[] = [];
    for (let at = item; at?.parent; at = at.parent) segments.push(`/${escapeSegment(at.key)}`);
    return segments.reverse().join('');
  };
  if (value === null || typeof value !== 'object') return undefined;
  const stack: Item[] = [{ v: value, depth: 0, key: '', parent: undefined }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    const { v, depth } = item;
    if (depth >= maxDepth) return pointer(item);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (x !== null && typeof x === 'object') stack.push({ v: x, depth: depth + 1, key: String(i), parent: item });
      }
    } else {
      for (const k of Object.keys(v)) {
        const x: unknown = (v as Record<string, unknown>)[k];
        if (x !== null && typeof x === 'object') stack.push({ v: x, depth: depth + 1, key: k, parent: item });
      }
    }
  }
  return undefined;
}
