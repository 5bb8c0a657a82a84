/**
 * Certification limits on how big an operation's schemas grow once Power Platform expands their
 * $refs (reference/power-platform.md §3 item 10): at most 16,384 schemas per operation, and a
 * limited depth (SchemaTooDeep). Each use of a definition counts again, as the designer
 * materialises it at each place; a definition that contains itself stops at the second visit
 * (reference loops are ref-invalid's business, not a size).
 */
import { pointerOf } from '../../swagger/json-pointer';
import { isArray, isObject } from '../../swagger/found';
import type { CertDocument, OperationView, Report } from './document';
import type { OperationRule } from './operation-rules';

/** Schemas one operation may hold, inputs and outputs together, references expanded. */
export const MAX_OPERATION_SCHEMAS = 16_384;
/**
 * Nesting levels below an operation's body or response schema. Microsoft publishes the rule
 * (SchemaTooDeep) but not its number; 32 is above every schema of the public corpus (its deepest
 * is 12 levels, counted as here) and the depth the designer's property paths stay readable at.
 */
export const MAX_SCHEMA_DEPTH = 32;

interface Size {
  /** Schemas in the subtree, capped at MAX_OPERATION_SCHEMAS + 1 (more makes no difference). */
  count: number;
  /** Levels below this node. */
  height: number;
  /** Pointer of the deepest node, for the finding. */
  deepest: string;
  /** A definition on the current path was met again: the result depends on the path, so it is not remembered. */
  cyclic: boolean;
}

const CAP = MAX_OPERATION_SCHEMAS + 1;

/** Sizes of schemas by definition pointer, shared by all operations of one document. */
type Memo = Map<string, Size>;

function sizeOf(node: unknown, pointer: string, doc: CertDocument, memo: Memo, path: Set<string>): Size {
  const r = doc.resolve(node, pointer);
  if (!r) return { count: 1, height: 0, deepest: pointer, cyclic: false };
  const isDefinition = r.pointer !== pointer;
  if (isDefinition) {
    const known = memo.get(r.pointer);
    if (known) return known;
    if (path.has(r.pointer)) return { count: 1, height: 0, deepest: r.pointer, cyclic: true };
    path.add(r.pointer);
  }
  const s = r.node;
  const children: [unknown, string][] = [];
  if (isObject(s.properties))
    for (const [k, v] of Object.entries(s.properties)) children.push([v, `${r.pointer}/properties${pointerOf(k)}`]);
  if (isObject(s.items)) children.push([s.items, `${r.pointer}/items`]);
  if (isObject(s.additionalProperties)) children.push([s.additionalProperties, `${r.pointer}/additionalProperties`]);
  if (isArray(s.allOf)) for (const [i, x] of s.allOf.entries()) children.push([x, `${r.pointer}/allOf/${i}`]);
  const out: Size = { count: 1, height: 0, deepest: r.pointer, cyclic: false };
  for (const [child, at] of children) {
    const c = sizeOf(child, at, doc, memo, path);
    out.count = Math.min(CAP, out.count + c.count);
    if (c.height + 1 > out.height) {
      out.height = c.height + 1;
      out.deepest = c.deepest;
    }
    out.cyclic ||= c.cyclic;
  }
  if (isDefinition) {
    path.delete(r.pointer);
    // A size found while a definition above was open is true only below that definition.
    if (!out.cyclic) memo.set(r.pointer, out);
    out.cyclic = false;
  }
  return out;
}

/** The operation's schema roots: its body and every response schema, with their pointers. */
function operationSchemas(o: OperationView, doc: CertDocument): [unknown, string][] {
  const roots: [unknown, string][] = [];
  for (const p of o.params)
    if (p.node.in === 'body' && isObject(p.node.schema)) roots.push([p.node.schema, `${p.pointer}/schema`]);
  if (isObject(o.op.responses)) {
    for (const [status, raw] of Object.entries(o.op.responses)) {
      const r = doc.resolve(raw, `${o.pointer}/responses${pointerOf(status)}`);
      if (r && isObject(r.node.schema)) roots.push([r.node.schema, `${r.pointer}/schema`]);
    }
  }
  return roots;
}

const memos = new WeakMap<CertDocument, Memo>();

function measure(
  o: OperationView,
  doc: CertDocument,
): { count: number; deepest?: { height: number; pointer: string } } {
  const memo = memos.get(doc) ?? new Map();
  memos.set(doc, memo);
  let count = 0;
  let deepest: { height: number; pointer: string } | undefined;
  for (const [node, pointer] of operationSchemas(o, doc)) {
    const s = sizeOf(node, pointer, doc, memo, new Set());
    count = Math.min(CAP, count + s.count);
    if (!deepest || s.height > deepest.height) deepest = { height: s.height, pointer: s.deepest };
  }
  return deepest ? { count, deepest } : { count };
}

export const SIZE_RULES: readonly OperationRule[] = [
  function schemaLimits(o: OperationView, doc: CertDocument, report: Report) {
    const { count, deepest } = measure(o, doc);
    if (count > MAX_OPERATION_SCHEMAS)
      report('operation-too-many-schemas', { limit: MAX_OPERATION_SCHEMAS }, { pointer: o.pointer, operation: o.name });
    if (deepest && deepest.height > MAX_SCHEMA_DEPTH)
      report(
        'schema-too-deep',
        { depth: deepest.height, limit: MAX_SCHEMA_DEPTH },
        { pointer: deepest.pointer, operation: o.name },
      );
  },
];

/** For the corpus figures and tests: an operation's expanded schema count (capped) and depth. */
export function operationSchemaSize(o: OperationView, doc: CertDocument): { count: number; depth: number } {
  const m = measure(o, doc);
  return { count: m.count, depth: m.deepest?.height ?? 0 };
}
