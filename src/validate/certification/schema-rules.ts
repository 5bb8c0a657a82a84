/**
 * Certification rules on schemas wherever they sit (definitions, bodies, responses,
 * notification content): $ref hygiene, required/enum/format, empty shapes, binary placement,
 * webhook notification URLs (reference/power-platform.md §3, items 8, 24, 25, 27).
 */
import { pointerOf } from '../../swagger/json-pointer';
import { checkKeys, type DocumentRule } from './info-rules';
import { INTEGER_FORMATS, NUMBER_FORMATS, STRING_FORMATS } from '../../swagger/constants';
import type { DeclaredSchema } from '../../swagger/document';
import { isArray, isObject, type Found } from '../../swagger/found';
import { schemaRoots, walkJsonSchema, type CertDocument, type Report } from './document';

type Schema = Found<DeclaredSchema>;

const FORMATS: Record<string, ReadonlySet<string>> = {
  integer: new Set(INTEGER_FORMATS),
  // The certification validator also takes integer formats and decimal on numbers (real connectors use them).
  number: new Set([...NUMBER_FORMATS, ...INTEGER_FORMATS, 'decimal']),
  string: new Set(STRING_FORMATS),
};
const REF_PREFIXES = ['#/definitions/', '#/parameters/', '#/responses/'];
/** Schema keywords that a sibling of $ref may not use (Swagger ignores them; the validator rejects them). */
const REF_SIBLING_ALLOWED = new Set(['$ref']);

function checkSchemaNode(s: Schema, pointer: string, depth: number, report: Report, doc: CertDocument): void {
  if (typeof s.$ref === 'string') {
    const ref = s.$ref;
    if (!REF_PREFIXES.some((p) => ref.startsWith(p)))
      report(
        'ref-invalid',
        { ref, reason: 'it must start with #/definitions/, #/parameters/ or #/responses/' },
        { pointer: `${pointer}/$ref` },
      );
    else if (!doc.resolve(s, pointer))
      report('ref-invalid', { ref, reason: 'nothing is defined there' }, { pointer: `${pointer}/$ref` });
    const siblings = Object.keys(s).filter((k) => !REF_SIBLING_ALLOWED.has(k));
    if (siblings.length) report('ref-sibling', { keys: siblings.join(', ') }, { pointer });
    return;
  }
  checkKeys(s, 'schema', pointer, report);
  if (s.required !== undefined) {
    if (!isArray(s.required) || s.required.length === 0)
      report(
        'required-invalid',
        { reason: 'required must be a non-empty list of property names' },
        { pointer: `${pointer}/required` },
      );
    else if (s.type !== undefined && s.type !== 'object')
      report(
        'required-invalid',
        { reason: `required is only allowed on objects, not on type ${String(s.type)}` },
        { pointer: `${pointer}/required` },
      );
    else {
      for (const r of s.required) {
        if (!isObject(s.properties) || !(String(r) in s.properties))
          report('required-property-missing', { name: String(r) }, { pointer: `${pointer}/required` });
      }
    }
  }
  if (s.enum !== undefined) {
    if (
      !isArray(s.enum) ||
      s.enum.length === 0 ||
      new Set(s.enum.map((v) => JSON.stringify(v))).size !== s.enum.length
    ) {
      report('enum-invalid', {}, { pointer: `${pointer}/enum` });
    }
  }
  if (
    s.format !== undefined &&
    typeof s.type === 'string' &&
    FORMATS[s.type] &&
    !FORMATS[s.type]!.has(String(s.format))
  ) {
    report('format-invalid', { type: s.type, format: String(s.format) }, { pointer: `${pointer}/format` });
  }
  if (isObject(s.properties) && Object.keys(s.properties).length === 0)
    report('empty-properties', {}, { pointer: `${pointer}/properties` });
  if (s.type === 'string' && s.format === 'binary' && depth > 0) report('binary-not-top-level', {}, { pointer });
}

function checkNotificationUrl(root: Schema, pointer: string, report: Report, doc: CertDocument): void {
  // Every x-ms-notification-url property: a string, internal, and required all the way down.
  const visit = (s: Schema, at: string, requiredChain: boolean): void => {
    if (!isObject(s.properties)) return;
    const req = new Set(isArray(s.required) ? s.required.map(String) : []);
    for (const [k, raw] of Object.entries(s.properties)) {
      const r = doc.resolve(raw, `${at}/properties/${pointerOf(k).slice(1)}`);
      if (!r) continue;
      const chain = requiredChain && req.has(k);
      if (r.node['x-ms-notification-url'] === true) {
        const problems: string[] = [];
        if (r.node.type !== 'string') problems.push('it must be a string');
        if (r.node['x-ms-visibility'] !== 'internal') problems.push('it must be internal');
        if (!chain) problems.push('it and every parent must be required');
        if (problems.length)
          report('notification-url-invalid', { reason: problems.join('; ') }, { pointer: r.pointer });
      } else if (isObject(r.node.properties)) visit(r.node, r.pointer, chain);
    }
  };
  visit(root, pointer, true);
}

export const SCHEMA_RULES: readonly DocumentRule[] = [
  function schemaHygiene(doc, report) {
    for (const { node, pointer } of schemaRoots(doc)) {
      walkJsonSchema(node, pointer, (s, p, depth) => checkSchemaNode(s, p, depth, report, doc));
    }
  },
  function requiredReadOnly(doc, report) {
    // An input the user must send but may not write cannot be satisfied.
    for (const o of doc.operations) {
      for (const p of o.params) {
        if (p.node.in !== 'body') continue;
        const root = doc.resolve(p.node.schema, `${p.pointer}/schema`);
        if (!root) continue;
        walkJsonSchema(root.node, root.pointer, (s, at) => {
          if (!isArray(s.required) || !isObject(s.properties)) return;
          for (const name of s.required) {
            const prop = doc.resolve(
              s.properties[String(name)],
              `${at}/properties/${pointerOf(String(name)).slice(1)}`,
            );
            if (prop?.node.readOnly === true)
              report('required-read-only', { name: String(name) }, { pointer: prop.pointer, operation: o.name });
          }
        });
      }
    }
  },
  function emptyResponseSchema(doc, report) {
    for (const o of doc.operations) {
      if (!isObject(o.op.responses)) continue;
      for (const [status, r] of Object.entries(o.op.responses)) {
        if (!/^2\d\d$/.test(status) || !isObject(r) || !isObject(r.schema)) continue;
        if (Object.keys(r.schema).length === 0)
          report(
            'response-schema-empty',
            {},
            { pointer: `${o.pointer}/responses/${status}/schema`, operation: o.name },
          );
      }
    }
  },
  function webhooks(doc, report) {
    for (const o of doc.operations) {
      for (const p of o.params) {
        if (p.node.in !== 'body') continue;
        const root = doc.resolve(p.node.schema, `${p.pointer}/schema`);
        if (!root) continue;
        let found = false;
        walkJsonSchema(root.node, root.pointer, (s) => {
          if (s['x-ms-notification-url'] === true) found = true;
        });
        if (!found) continue;
        checkNotificationUrl(root.node, root.pointer, report, doc);
        const hasContent = isObject(o.item['x-ms-notification-content']) || isObject(o.op['x-ms-notification-content']);
        if (!hasContent) report('notification-content-missing', {}, { pointer: o.pointer, operation: o.name });
      }
    }
  },
];
