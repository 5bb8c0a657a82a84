/**
 * Power Platform's size limits, met by cutting deep nesting: a request body may hold at most 512
 * schemas once its references are expanded (BodySchemaCountExceedsMaxAllowed) and the whole
 * swagger at most 1 MB, and the emitted swagger expands every shared schema where it is used.
 * Large real APIs (hundreds of shared schemas, each nesting others) exceed both, so an
 * operation's schemas keep their shape down to a depth chosen to fit, and what lies below becomes
 * a free-form object, with a warning. The depth is the deepest that fits, never cut when all fits.
 */
import type { Shape } from './convert-schema';

/** At most 512 schemas per body; a margin for the labels the emitter adds. */
export const MAX_BODY_SCHEMAS = 480;
/**
 * The 1 MB swagger limit (1,048,576 characters as written), less a margin. The estimate counts
 * the indentation and runs from 0.99 to 1.55 times the written size (measured on ten real
 * descriptions: ReadMe lowest, Star Trek 1.27, stream-io 1.33, Google's networkservices 1.55).
 */
export const MAX_SWAGGER_CHARS = 900_000;
const DEPTHS = [12, 10, 8, 6, 5, 4, 3, 2, 1];
const UNLIMITED = 1_000;

export interface Measure {
  count: number;
  chars: number;
}

export type ComponentLookup = (name: string) => Shape | undefined;

/** Indentation levels above an operation's schema root in the written swagger (paths, path, method, responses, status, schema). */
const ROOT_INDENT = 6;

/** Lines one node's own keys take in the written swagger (its type and labels; an enum's values one per line). */
function ownLines(s: Shape): number {
  let n = 1;
  for (const k of ['title', 'description', 'format', 'pattern'] as const) if (s[k]) n += 1;
  if (s.enum) n += s.enum.length + 2;
  return n;
}

/** Own JSON text of one node, roughly as the swagger holds it (keys, labels, enum values). */
function ownChars(s: Shape): number {
  let n = 30;
  for (const k of ['title', 'description', 'format', 'pattern'] as const) if (s[k]) n += String(s[k]).length * 2 + 16;
  if (s.enum) n += JSON.stringify(s.enum).length + 8;
  return n;
}

export class SizeModel {
  private readonly memo = new Map<string, Measure>();
  private readonly heightMemo = new Map<string, number>();
  constructor(private readonly component: ComponentLookup) {}

  /** Nesting levels below `s` with shared schemas expanded (a recursive use counts as a leaf). */
  height(s: Shape | undefined, stack: ReadonlySet<string> = new Set()): number {
    if (!s) return 0;
    if (s.kind === 'ref') {
      const name = s.ref!;
      const known = this.heightMemo.get(name);
      if (known !== undefined) return known;
      if (stack.has(name)) return 0;
      const h = this.height(this.component(name), new Set([...stack, name]));
      if (stack.size === 0) this.heightMemo.set(name, h);
      return h;
    }
    const children = [s.items, s.values, ...(s.properties ?? []).map(([, p]) => p)].filter(Boolean) as Shape[];
    if (children.length === 0) return 0;
    return 1 + Math.max(...children.map((c) => this.height(c, stack)));
  }

  /**
   * Schemas and characters of `s` expanded, with nesting below `depth` levels cut. `level` is how
   * deep `s` sits below the operation's schema root: the swagger is written indented, and in a
   * deeply nested body the indentation outweighs the text (stream-io's was 2.6 times its compact size).
   */
  measure(s: Shape | undefined, depth: number, stack: ReadonlySet<string> = new Set(), level = 0): Measure {
    if (!s) return { count: 0, chars: 0 };
    const indent = 2 * (ROOT_INDENT + 2 * level);
    if (s.kind === 'ref') {
      const name = s.ref!;
      // A recursive use is cut to a free-form object where its whole const would not fit (as
      // cut() does); one that fits is written whole, as its const.
      if (stack.has(name) && this.height(s) > depth) return { count: 1, chars: 40 + 3 * indent };
      const key = `${name}@${depth}@${level}`;
      const known = this.memo.get(key);
      if (known) return known;
      const inner = stack.has(name) ? stack : new Set([...stack, name]);
      const m = this.measure(this.component(name), depth, inner, level);
      const out = { count: m.count, chars: m.chars + ownChars(s) + ownLines(s) * indent };
      this.memo.set(key, out);
      return out;
    }
    const out = { count: 1, chars: ownChars(s) + (ownLines(s) + 3) * indent };
    if (depth <= 0) return out;
    // Each property costs its name twice over: as a key and in `required` (each on a line of its own).
    const children: [string, Shape | undefined][] = [['items', s.items], ['values', s.values], ...(s.properties ?? [])];
    for (const [name, c] of children) {
      if (!c) continue;
      const m = this.measure(c, depth - 1, stack, level + 1);
      out.count += m.count;
      out.chars += m.chars + 2 * name.length + 12 + 2 * indent;
    }
    return out;
  }

  /**
   * `s` with nesting below `depth` levels replaced by free-form objects. A shared schema that
   * fits whole stays a reference to its const; one that does not is written out and cut.
   */
  cut(s: Shape, depth: number, stack: ReadonlySet<string> = new Set()): Shape {
    if (s.kind === 'ref') {
      const name = s.ref!;
      if (this.height(s) <= depth) return s;
      // A recursive use that does not fit: its const would be written whole, whatever the depth.
      if (stack.has(name)) return freeForm(s, 'record');
      const target = this.component(name);
      if (!target) return s;
      const labels = {
        ...(s.title ? { title: s.title } : {}),
        ...(s.description ? { description: s.description } : {}),
      };
      return this.cut({ ...target, ...labels }, depth, new Set([...stack, name]));
    }
    if (s.kind !== 'object' && s.kind !== 'array' && s.kind !== 'record') return s;
    if (depth <= 0) return freeForm(s, s.kind === 'array' ? 'any' : 'record');
    const out: Shape = { ...s };
    if (s.items) out.items = this.cut(s.items, depth - 1, stack);
    if (s.values) out.values = this.cut(s.values, depth - 1, stack);
    if (s.properties) out.properties = s.properties.map(([n, p]) => [n, this.cut(p, depth - 1, stack)]);
    return out;
  }
}

/** What stands for a cut subtree: a free-form value with the labels of `s`. */
function freeForm(s: Shape, kind: 'any' | 'record'): Shape {
  const leaf: Shape = { kind };
  if (s.title) leaf.title = s.title;
  if (s.description) leaf.description = s.description;
  if (s.nullable) leaf.nullable = true;
  return leaf;
}

export interface Sized {
  body?: Shape;
  response?: Shape;
}

export interface DepthChoice {
  /** The depth the body is cut at, when it is cut. */
  body?: number;
  response?: number;
}

/**
 * The depth each operation's body and response keep: the deepest that meets the body limit and,
 * all operations together, the swagger size (one depth for every operation, so no operation is
 * cut harder than another to make room).
 */
export function chooseDepths(ops: readonly Sized[], model: SizeModel, overheadChars: number): DepthChoice[] {
  const bodyDepth = ops.map((o) => {
    if (!o.body || model.measure(o.body, UNLIMITED).count <= MAX_BODY_SCHEMAS) return UNLIMITED;
    return DEPTHS.find((d) => model.measure(o.body, d).count <= MAX_BODY_SCHEMAS) ?? 0;
  });
  const total = (cap: number) =>
    ops.reduce(
      (sum, o, i) =>
        sum + model.measure(o.body, Math.min(cap, bodyDepth[i]!)).chars + model.measure(o.response, cap).chars,
      overheadChars,
    );
  let cap = UNLIMITED;
  if (total(cap) > MAX_SWAGGER_CHARS) cap = DEPTHS.find((d) => total(d) <= MAX_SWAGGER_CHARS) ?? 1;
  return ops.map((o, i) => {
    const choice: DepthChoice = {};
    const b = Math.min(cap, bodyDepth[i]!);
    if (o.body && b < UNLIMITED && model.height(o.body) > b) choice.body = b;
    if (o.response && cap < UNLIMITED && model.height(o.response) > cap) choice.response = cap;
    return choice;
  });
}

/** The estimated swagger size after the chosen cuts, to warn when even the shallowest does not fit. */
export function estimatedChars(
  ops: readonly Sized[],
  choices: readonly DepthChoice[],
  model: SizeModel,
  overheadChars: number,
): number {
  return ops.reduce(
    (sum, o, i) =>
      sum +
      model.measure(o.body, choices[i]!.body ?? UNLIMITED).chars +
      model.measure(o.response, choices[i]!.response ?? UNLIMITED).chars,
    overheadChars,
  );
}
