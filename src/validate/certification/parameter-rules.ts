/**
 * Certification rules on parameters: titles and descriptions, path parameters and encodings,
 * parameter-list shape, internal parameters, dynamic values (reference/power-platform.md §3,
 * items 19-22).
 */
import { isVisibility } from '../../swagger/constants';
import type { DeclaredSchema, ParameterObject } from '../../swagger/document';
import { entriesOf, isObject, itemsOf, type Found } from '../../swagger/found';
import type { CertDocument, Located, OperationView, Report } from './document';
import type { OperationRule } from './operation-rules';

type Schema = Found<DeclaredSchema>;

function templateVariables(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
}

function perParameter(
  check: (p: Located<Found<ParameterObject>>, o: OperationView, report: Report, doc: CertDocument) => void,
): OperationRule {
  return (o, doc, report) => {
    for (const p of o.params) check(p, o, report, doc);
  };
}

export const PARAMETER_RULES: readonly OperationRule[] = [
  perParameter(function summaryAndDescription({ node: p, pointer }, o, report) {
    if (p.in === 'body' || p['x-ms-visibility'] === 'internal') return;
    const field = `parameters.${String(p.name)}`;
    if (typeof p['x-ms-summary'] !== 'string' || !p['x-ms-summary'].trim())
      report('param-summary-missing', {}, { pointer, operation: o.name, field });
    if (typeof p.description !== 'string' || !p.description.trim())
      report('param-description-missing', {}, { pointer, operation: o.name, field });
  }),
  perParameter(function visibility({ node: p, pointer }, o, report) {
    const v = p['x-ms-visibility'];
    if (v !== undefined && !isVisibility(v))
      report('visibility-invalid', { value: String(v) }, { pointer: `${pointer}/x-ms-visibility`, operation: o.name });
  }),
  perParameter(function encodings({ node: p, pointer }, o, report) {
    if (p.in === 'path' && p['x-ms-url-encoding'] === undefined && p['x-ms-skip-url-encoding'] === undefined) {
      report('path-param-encoding-missing', { name: String(p.name) }, { pointer, operation: o.name });
    }
    if (p.in === 'query' && p['x-ms-url-encoding'] !== undefined) {
      report(
        'query-param-encoding',
        { name: String(p.name) },
        { pointer: `${pointer}/x-ms-url-encoding`, operation: o.name },
      );
    }
  }),
  perParameter(function kinds({ node: p, pointer }, o, report) {
    if (p.type === 'file' && p.in !== 'formData')
      report('file-param-not-form-data', { name: String(p.name) }, { pointer, operation: o.name });
    if (p.name === 'connectionId')
      report('param-name-reserved', { name: 'connectionId' }, { pointer: `${pointer}/name`, operation: o.name });
    if (p.in === 'formData' && /[^\x20-\x7e]/.test(String(p.name)))
      report('form-data-name-not-ascii', { name: String(p.name) }, { pointer: `${pointer}/name`, operation: o.name });
    // An internal value is sent without the user seeing it: it needs a default and must be sent.
    if (p['x-ms-visibility'] === 'internal' && p.in !== 'body' && p.default !== undefined && p.required !== true) {
      report('internal-param-optional', { name: String(p.name) }, { pointer, operation: o.name });
    }
  }),
  function pathParameters(o, _doc, report) {
    const vars = templateVariables(o.path);
    const declared = o.params.filter((p) => p.node.in === 'path');
    for (const { node: p, pointer } of declared) {
      if (p.required !== true)
        report('path-param-not-required', { name: String(p.name) }, { pointer, operation: o.name });
      if (!vars.includes(String(p.name)))
        report('path-param-not-in-template', { name: String(p.name), path: o.path }, { pointer, operation: o.name });
    }
    for (const v of vars) {
      if (!declared.some((p) => p.node.name === v))
        report('path-param-undeclared', { name: v, path: o.path }, { pointer: o.pointer, operation: o.name });
    }
  },
  function bodyShape(o, doc, report) {
    for (const p of o.params) {
      if (p.node.in !== 'body') continue;
      // Dynamic extensions belong on the body schema, where the designer reads them.
      for (const key of DYNAMIC_KEYS) {
        if (p.node[key] !== undefined)
          report('dynamic-on-body-parameter', { key }, { pointer: `${p.pointer}/${key}`, operation: o.name });
      }
      const count = countSchemas(p.node.schema, `${p.pointer}/schema`, doc, new Set());
      if (count > MAX_BODY_SCHEMAS)
        report('body-too-many-schemas', { count }, { pointer: `${p.pointer}/schema`, operation: o.name });
    }
  },
  function duplicates(o, _doc, report) {
    // Path-item parameters are overridden by operation ones; duplicates inside one list are the error.
    const seen = new Set<string>();
    itemsOf(o.op.parameters).forEach((raw, i) => {
      if (!isObject(raw) || typeof raw.name !== 'string') return;
      const key = `${String(raw.in)}:${raw.name}`;
      if (seen.has(key))
        report(
          'duplicate-parameter',
          { name: raw.name, in: String(raw.in) },
          { pointer: `${o.pointer}/parameters/${i}`, operation: o.name },
        );
      seen.add(key);
    });
  },
  function dynamicValues(o, doc, report) {
    for (const p of o.params) {
      checkDynamic(p.node, p.pointer, o, doc, report);
      if (p.node.in === 'body' && isObject(p.node.schema)) {
        const root = doc.resolve(p.node.schema, `${p.pointer}/schema`);
        if (root && isObject(root.node.properties)) {
          for (const [k, v] of entriesOf(root.node.properties))
            checkDynamic(v, `${root.pointer}/properties/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, o, doc, report);
        }
      }
    }
  },
];

const DYNAMIC_KEYS = [
  'x-ms-dynamic-values',
  'x-ms-dynamic-list',
  'x-ms-dynamic-schema',
  'x-ms-dynamic-properties',
] as const;
/** BodySchemaCountExceedsMaxAllowed: schemas in one body, references followed (once per definition). */
const MAX_BODY_SCHEMAS = 512;

function countSchemas(node: unknown, pointer: string, doc: CertDocument, seen: Set<string>): number {
  const r = doc.resolve(node, pointer);
  if (!r) return 0;
  if (r.pointer.startsWith('/definitions/')) {
    if (seen.has(r.pointer)) return 1;
    seen.add(r.pointer);
  }
  const s = r.node;
  let n = 1;
  if (isObject(s.properties))
    for (const [k, v] of Object.entries(s.properties)) n += countSchemas(v, `${r.pointer}/properties/${k}`, doc, seen);
  if (isObject(s.items)) n += countSchemas(s.items, `${r.pointer}/items`, doc, seen);
  if (isObject(s.additionalProperties))
    n += countSchemas(s.additionalProperties, `${r.pointer}/additionalProperties`, doc, seen);
  return n;
}

function checkDynamic(node: unknown, pointer: string, o: OperationView, doc: CertDocument, report: Report): void {
  if (!isObject(node)) return;
  for (const key of DYNAMIC_KEYS) {
    const d = node[key];
    if (!isObject(d) || typeof d.operationId !== 'string') continue; // builtInOperation / capability forms
    const at = { pointer: `${pointer}/${key}`, operation: o.name };
    const target = doc.operations.find((t) => t.op.operationId === d.operationId);
    if (!target) {
      report(
        'dynamic-values-target-missing',
        { target: d.operationId },
        { ...at, pointer: `${at.pointer}/operationId` },
      );
      continue;
    }
    if (isObject(d.parameters)) {
      for (const name of Object.keys(d.parameters)) {
        const inTarget = target.params.some(
          (p) => p.node.name === name || (p.node.in === 'body' && hasBodyProperty(p, name, doc)),
        );
        if (!inTarget)
          report(
            'dynamic-values-parameter-missing',
            { target: d.operationId, parameter: name },
            { ...at, pointer: `${at.pointer}/parameters` },
          );
      }
    }
    if (key === 'x-ms-dynamic-values' && typeof d['value-collection'] === 'string') {
      const list = schemaAtPath(successSchema(target, doc), d['value-collection'], doc);
      if (list && list.type !== 'array') {
        report(
          'dynamic-values-collection-missing',
          { target: d.operationId, collection: d['value-collection'] },
          { ...at, pointer: `${at.pointer}/value-collection` },
        );
      }
    }
  }
}

function hasBodyProperty(p: Located<Found<ParameterObject>>, name: string, doc: CertDocument): boolean {
  const s = doc.resolve(p.node.schema, `${p.pointer}/schema`);
  const top = name.split('/')[0]!;
  return Boolean(s && isObject(s.node.properties) && top in s.node.properties);
}

function successSchema(o: OperationView, doc: CertDocument): Schema | undefined {
  if (!isObject(o.op.responses)) return undefined;
  for (const [status, r] of Object.entries(o.op.responses)) {
    if (!/^2\d\d$/.test(status)) continue;
    const resp = doc.resolve(r, '');
    const s = resp && doc.resolve(resp.node.schema, '');
    if (s) return s.node;
  }
  return undefined;
}

/**
 * value-collection is a slash path through the response; returns undefined when the path cannot
 * be followed (dynamic or untyped responses are not the author's mistake to fix here).
 */
function schemaAtPath(s: Schema | undefined, path: string, doc: CertDocument): Schema | undefined {
  let cur: Schema | undefined = s;
  for (const part of path.split('/').filter(Boolean)) {
    if (!cur || !isObject(cur.properties)) return undefined;
    cur = doc.resolve(cur.properties[part], '')?.node;
  }
  return cur;
}
