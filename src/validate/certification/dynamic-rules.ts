/**
 * Certification rules on where dynamic extensions take their inputs from (reference/
 * power-platform.md §3 item 22): a source parameter must not be internal (SourcePropertyInternal),
 * and an input that x-ms-dynamic-values / x-ms-dynamic-schema cannot name unambiguously (a body
 * property, or a name two inputs share) needs the path-based x-ms-dynamic-list /
 * x-ms-dynamic-properties beside it (DynamicListExtensionRequiredFor*,
 * DynamicPropertiesExtensionRequiredFor*).
 */
import { pointerOf } from '../../swagger/json-pointer';
import type { DeclaredSchema } from '../../swagger/document';
import { isObject, str, type Found, type JsonObject } from '../../swagger/found';
import { walkJsonSchema, type CertDocument, type Located, type OperationView } from './document';
import type { OperationRule } from './operation-rules';

type Schema = Found<DeclaredSchema>;

/** Each name-based extension and the path-based one certification wants beside it when names fall short. */
const NAME_BASED = [
  { key: 'x-ms-dynamic-values', pathBased: 'x-ms-dynamic-list', code: 'dynamic-list-required' },
  { key: 'x-ms-dynamic-schema', pathBased: 'x-ms-dynamic-properties', code: 'dynamic-properties-required' },
] as const;
const ALL_KEYS = [
  'x-ms-dynamic-values',
  'x-ms-dynamic-list',
  'x-ms-dynamic-schema',
  'x-ms-dynamic-properties',
] as const;

/** Every node of the operation that may carry a dynamic extension: its parameters and body properties. */
function dynamicSites(o: OperationView, doc: CertDocument): Located[] {
  const sites: Located[] = [];
  for (const p of o.params) {
    sites.push(p);
    if (p.node.in !== 'body') continue;
    const root = doc.resolve(p.node.schema, `${p.pointer}/schema`);
    if (root) walkJsonSchema(root.node, root.pointer, (s, pointer) => sites.push({ node: s, pointer }));
  }
  return sites;
}

/** The operation's inputs by name: its non-body parameters, and its body's top-level properties. */
interface Inputs {
  params: Located[];
  bodyProps: Map<string, Located>;
  bodyRoot?: Located<Schema>;
}
function inputsOf(o: OperationView, doc: CertDocument): Inputs {
  const out: Inputs = { params: [], bodyProps: new Map() };
  for (const p of o.params) {
    if (p.node.in !== 'body') {
      out.params.push(p);
      continue;
    }
    const root = doc.resolve(p.node.schema, `${p.pointer}/schema`);
    if (!root) continue;
    out.bodyRoot = root;
    if (isObject(root.node.properties))
      for (const [k, v] of Object.entries(root.node.properties)) {
        const r = doc.resolve(v, `${root.pointer}/properties${pointerOf(k)}`);
        if (r) out.bodyProps.set(k, r);
      }
  }
  return out;
}

/** The input a source reference names: `name` (a parameter or top-level body property) or `body/a/b`. */
function sourceNode(ref: string, inputs: Inputs, doc: CertDocument): Located | undefined {
  const parts = ref.split('/').filter(Boolean);
  if (parts[0] === 'body' && parts.length > 1 && inputs.bodyRoot) {
    let cur: Located | undefined = inputs.bodyRoot;
    for (const part of parts.slice(1)) {
      if (!cur || !isObject(cur.node.properties)) return undefined;
      cur = doc.resolve(cur.node.properties[part], `${cur.pointer}/properties${pointerOf(part)}`);
    }
    return cur;
  }
  return inputs.params.find((p) => p.node.name === ref) ?? inputs.bodyProps.get(ref);
}

/** The source each passed parameter takes its value from, by extension spelling. */
function sources(ext: JsonObject): [key: string, source: string][] {
  if (!isObject(ext.parameters)) return [];
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(ext.parameters)) {
    if (!isObject(v)) continue;
    const s = str(v.parameter) ?? str(v.parameterReference);
    if (s) out.push([k, s]);
  }
  return out;
}

/** Why a name-based extension cannot name this source, or undefined when it can. */
function unnameable(source: string, inputs: Inputs): string | undefined {
  if (source.includes('/')) return 'is a path into the body';
  const params = inputs.params.filter((p) => p.node.name === source);
  const inBody = inputs.bodyProps.has(source);
  if (params.length === 0 && inBody) return 'is a property of the body, not a parameter';
  if (params.length + (inBody ? 1 : 0) > 1) return 'names more than one input of the operation';
  return undefined;
}

export const DYNAMIC_RULES: readonly OperationRule[] = [
  function sourcePropertyInternal(o, doc, report) {
    const inputs = inputsOf(o, doc);
    for (const site of dynamicSites(o, doc)) {
      for (const key of ALL_KEYS) {
        const ext = site.node[key];
        if (!isObject(ext)) continue;
        for (const [, source] of sources(ext)) {
          const src = sourceNode(source, inputs, doc);
          if (src?.node['x-ms-visibility'] === 'internal')
            report(
              'source-property-internal',
              { parameter: source, extension: key },
              { pointer: `${site.pointer}/${key}/parameters`, operation: o.name },
            );
        }
      }
    }
  },
  function pathBasedExtensionRequired(o, doc, report) {
    const inputs = inputsOf(o, doc);
    for (const site of dynamicSites(o, doc)) {
      for (const { key, pathBased, code } of NAME_BASED) {
        const ext = site.node[key];
        if (!isObject(ext) || site.node[pathBased] !== undefined) continue;
        const at = { pointer: `${site.pointer}/${key}/parameters`, operation: o.name };
        // The current operation's side: where each passed value comes from.
        for (const [, source] of sources(ext)) {
          const reason = unnameable(source, inputs);
          if (reason) report(code, { parameter: source, reason }, at);
        }
        // The called operation's side: each key must be one of its parameters, not a body property.
        const target =
          typeof ext.operationId === 'string'
            ? doc.operations.find((t) => t.op.operationId === ext.operationId)
            : undefined;
        if (!target || !isObject(ext.parameters)) continue;
        const targetInputs = inputsOf(target, doc);
        for (const name of Object.keys(ext.parameters)) {
          if (targetInputs.params.some((p) => p.node.name === name)) continue;
          if (targetInputs.bodyProps.has(name))
            report(code, { parameter: name, reason: `is a body property of ${String(ext.operationId)}` }, at);
        }
      }
    }
  },
];
