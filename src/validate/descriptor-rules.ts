/**
 * Layer 1: rules on the descriptors, run before anything is written. Each rule is one small
 * function in the RULES table; each finding names the connector, the operation and the field.
 */
import { CATEGORIES, type Connector } from '../model/connector';
import { isDeclared } from '../model/declared';
import { dynamicTargetId, type DynamicValues } from '../model/dynamic';
import {
  CLIENT_RESERVED_NAMES,
  clientMethodName,
  hasFormFields,
  isWholeBody,
  responseSpec,
  successSchema,
  WHOLE_BODY_INPUT,
  type Operation,
} from '../model/operation';
import { dynamicValuesOf, type SchemaObject } from '../model/schema';
import type { Diagnostic, Location } from '../diagnostics';
import { diagnostic, type DiagnosticCode } from './diagnostics';
import {
  INTEGER_FORMATS,
  isMethod,
  isVisibility,
  mediaType,
  NUMBER_FORMATS,
  STRING_FORMATS,
} from '../swagger/constants';
import { checkOAuth2, checkSets } from './auth-rules';
import { locateInSource } from './descriptor-sources';
import { paginationProblems } from './pagination-rules';
import { schemaAt, walkSchema } from './schema-walk';
import { connectorOverlaps, operationOverlaps, type Overlap } from './typed-declared';
import { triggerRules } from './trigger-rules';

type Report = <C extends DiagnosticCode>(
  code: C,
  args: Parameters<typeof diagnostic<C>>[1],
  where?: Omit<Location, 'connector'>,
) => void;
type Rule = (c: Connector, report: Report) => void;
/** The report the trigger rules (trigger-rules.ts) are given. */
export type TriggerReport = Report;

const FORMATS: Record<string, ReadonlySet<string>> = {
  integer: new Set(INTEGER_FORMATS),
  number: new Set(NUMBER_FORMATS),
  string: new Set(STRING_FORMATS),
};
const RESTRICTED_SUMMARY = /[/\\<>*%&?]/g;
const PRIMITIVE = new Set(['string', 'integer', 'number', 'boolean']);

const connectorRules: Rule[] = [
  function connectorId(c, report) {
    if (typeof c.id !== 'string' || !/^[a-z][a-z0-9-]{0,63}$/.test(c.id))
      report('connector-id-invalid', { id: String(c.id) }, { field: 'id' });
  },
  function title(c, report) {
    if (!c.title) return report('title-missing', {}, { field: 'title' });
    if (c.title.length > 30) report('title-too-long', { length: c.title.length }, { field: 'title' });
    if (!/[A-Za-z0-9]$/.test(c.title)) report('title-ends-badly', {}, { field: 'title' });
  },
  function description(c, report) {
    const n = (c.description ?? '').length;
    if (n < 30 || n > 500) report('description-length', { length: n }, { field: 'description' });
  },
  function contact(c, report) {
    for (const f of ['name', 'url', 'email'] as const) {
      if (!c.contact?.[f]) report('contact-missing', { field: f }, { field: `contact.${f}` });
    }
    const email = c.contact?.email;
    if (email && !/^[\x21-\x7e]+@[\x21-\x7e]+\.[A-Za-z]{2,}$/.test(email))
      report('contact-email-invalid', { email }, { field: 'contact.email' });
  },
  function metadata(c, report) {
    if (!c.metadata?.website) report('metadata-missing', { field: 'website' }, { field: 'metadata.website' });
    if (!c.metadata?.privacyPolicy)
      report('metadata-missing', { field: 'privacyPolicy' }, { field: 'metadata.privacyPolicy' });
    const cats = c.metadata?.categories ?? [];
    if (cats.length === 0) report('metadata-missing', { field: 'categories' }, { field: 'metadata.categories' });
    if (cats.length > 2) report('too-many-categories', { count: cats.length }, { field: 'metadata.categories' });
    for (const cat of cats) {
      if (!(CATEGORIES as readonly string[]).includes(cat))
        report('category-invalid', { category: cat }, { field: 'metadata.categories' });
    }
  },
  function brandColor(c, report) {
    if (!/^#[0-9a-fA-F]{6}$/.test(c.iconBrandColor ?? ''))
      report('icon-brand-color-invalid', { color: String(c.iconBrandColor) }, { field: 'iconBrandColor' });
  },
  function hostAndBase(c, report) {
    if (!/^[^{}/ :\\]+(?::\d+)?$/.test(c.host ?? ''))
      report('host-invalid', { host: String(c.host) }, { field: 'host' });
    if (!String(c.basePath ?? '').startsWith('/'))
      report('base-path-invalid', { basePath: String(c.basePath) }, { field: 'basePath' });
  },
  function throttling(c, report) {
    const th = c.throttling;
    if (
      th &&
      !(Number.isInteger(th.calls) && th.calls > 0 && Number.isInteger(th.renewalSeconds) && th.renewalSeconds > 0)
    ) {
      report('throttling-invalid', {}, { field: 'throttling' });
    }
  },
  function auth(c, report) {
    const a = c.auth;
    // An imported connector's security is its declared one: it has no auth to check.
    if (!a && isDeclared(c)) return;
    if (!a)
      return report('auth-invalid', { reason: 'missing (use { type: "none" } for an open API)' }, { field: 'auth' });
    if (a.type === 'apiKey') {
      if (!/^[0-9a-zA-Z_]+$/.test(a.parameter))
        report(
          'auth-invalid',
          { reason: `connection parameter name "${a.parameter}" must be letters, digits and _` },
          { field: 'auth.parameter' },
        );
      if (!a.name) report('auth-invalid', { reason: 'the key needs the name the API expects' }, { field: 'auth.name' });
      if (!a.ui?.displayName)
        report(
          'auth-invalid',
          { reason: 'the connection parameter needs a displayName' },
          { field: 'auth.ui.displayName' },
        );
    }
    if (a.type === 'oauth2') checkOAuth2(a, report);
    if (a.type === 'sets') checkSets(a, report);
  },
  function typedAndDeclared(c, report) {
    for (const o of connectorOverlaps(c)) report('typed-declared-conflict', overlapArgs(o), { field: o.typed });
  },
  function operationCount(c, report) {
    if (c.operations.length > 256)
      report('too-many-operations', { count: c.operations.length }, { field: 'operations' });
  },
  function uniqueIds(c, report) {
    const counts = new Map<string, number>();
    for (const op of c.operations) if (op.id) counts.set(op.id, (counts.get(op.id) ?? 0) + 1);
    for (const [id, count] of counts)
      if (count > 1) report('duplicate-operation-id', { id, count }, { operation: id, field: 'id' });
  },
  function clientMethodNames(c, report) {
    // The client has one method per operation, named by clientName (or the key the operation is
    // listed under): each must be a usable, unique identifier.
    const seen = new Map<string, string>();
    const ids = c.operations.map((op) => op.id);
    for (const op of c.operations) {
      // A repeated operationId is reported as such (duplicate-operation-id), not again here.
      if (typeof op.id !== 'string' || !op.id || ids.indexOf(op.id) !== ids.lastIndexOf(op.id)) continue;
      const name = clientMethodName(op);
      const at = { operation: op.id, field: 'clientName' };
      if (!/^[a-z][A-Za-z0-9]*$/.test(name) || CLIENT_RESERVED_NAMES.has(name))
        report('client-name-invalid', { name }, at);
      const other = seen.get(name);
      if (other) report('client-name-duplicate', { name, other }, at);
      else seen.set(name, op.id);
    }
  },
  function uniqueRoutes(c, report) {
    const seen = new Set<string>();
    for (const op of c.operations) {
      // Templates that differ only in variable names are the same route to the gateway.
      const key = `${op.method} ${String(op.path)
        .toLowerCase()
        .replace(/\{[^}]*\}/g, '{}')}`;
      if (seen.has(key))
        report('duplicate-route', { method: op.method, path: op.path }, { operation: op.id, field: 'path' });
      seen.add(key);
    }
  },
];

const operationRules: ((op: Operation, c: Connector, report: Report) => void)[] = [
  function id(op, _c, report) {
    if (!op.id)
      return report(
        'operation-id-missing',
        {},
        { operation: `${String(op.method).toUpperCase()} ${op.path}`, field: 'id' },
      );
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(op.id))
      report('operation-id-invalid', { id: op.id }, { operation: op.id, field: 'id' });
  },
  function typedAndDeclared(op, _c, report) {
    for (const o of operationOverlaps(op))
      report('typed-declared-conflict', overlapArgs(o), { operation: op.id, field: o.typed });
  },
  function method(op, _c, report) {
    // Swagger keys operations by lower-case method; 'GET' would be an unknown path-item key.
    if (!isMethod(op.method))
      report('method-invalid', { method: String(op.method) }, { operation: op.id, field: 'method' });
  },
  function summary(op, _c, report) {
    const at = { operation: op.id, field: 'summary' };
    if (!op.summary) return report('summary-missing', {}, at);
    if (op.summary.length > 80) report('summary-too-long', { length: op.summary.length }, at);
    const bad = op.summary.match(RESTRICTED_SUMMARY);
    if (bad)
      report('summary-restricted-characters', { chars: [...new Set(bad)].map((ch) => `"${ch}"`).join(', ') }, at);
  },
  function description(op, _c, report) {
    if (!op.description) report('operation-description-missing', {}, { operation: op.id, field: 'description' });
  },
  function visibility(op, _c, report) {
    if (op.visibility !== undefined && !isVisibility(op.visibility))
      report('visibility-invalid', { value: String(op.visibility) }, { operation: op.id, field: 'visibility' });
  },
  function pathTemplate(op, _c, report) {
    const p = String(op.path ?? '');
    if (!p.startsWith('/') || /[?#*]/.test(p) || /\{[^}]*[/{][^}]*\}/.test(p) || /\{\}/.test(p)) {
      return report('path-invalid', { path: p }, { operation: op.id, field: 'path' });
    }
    const inTemplate = [...p.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    // Typed params plus what the source declares (its parameter list, or path-item parameters of an imported connector).
    const typed = op.declared?.operation?.parameters
      ? []
      : Object.entries(op.params)
          .filter(([, prm]) => prm.in === 'path')
          .map(([n]) => n);
    const declared = [...typed, ...declaredPathParams(op, _c)];
    for (const n of inTemplate)
      if (!declared.includes(n))
        report('path-param-undeclared', { name: n, path: p }, { operation: op.id, field: `params.${n}` });
    for (const n of declared)
      if (!inTemplate.includes(n))
        report('path-param-not-in-template', { name: n, path: p }, { operation: op.id, field: `params.${n}` });
  },
  function body(op, _c, report) {
    const bodyParams = Object.entries(op.params).filter(([, p]) => (p.in as string) === 'body');
    if ((op.body ? 1 : 0) + bodyParams.length > 1) report('multiple-bodies', {}, { operation: op.id, field: 'body' });
    if (op.body && op.method === 'get')
      report('body-on-get', { method: op.method }, { operation: op.id, field: 'body' });
    const form = Object.keys(op.params).filter((n) => op.params[n]!.in === 'formData');
    if (form.length && op.body) report('body-and-form-data', {}, { operation: op.id, field: 'body' });
    if (form.length && (op.method === 'get' || op.method === 'head'))
      report('body-on-get', { method: op.method }, { operation: op.id, field: `params.${form[0]}` });
    if (isWholeBody(op.body) && WHOLE_BODY_INPUT in op.params)
      report(
        'whole-body-input-clash',
        { name: WHOLE_BODY_INPUT, type: String(op.body?.type ?? 'untyped') },
        { operation: op.id, field: `params.${WHOLE_BODY_INPUT}` },
      );
  },
  function params(op, _c, report) {
    for (const [name, p] of Object.entries(op.params)) {
      const at = { operation: op.id, field: `params.${name}` };
      if (!['path', 'query', 'header', 'formData'].includes(p.in)) {
        if ((p.in as string) !== 'body') report('param-location-invalid', { location: String(p.in) }, at);
        continue;
      }
      if (name === 'connectionId') report('param-name-reserved', { name }, at);
      const s = p.schema;
      const primitive = PRIMITIVE.has(s.type ?? '') || (s.type === 'array' && PRIMITIVE.has(s.items?.type ?? ''));
      // A file is a form field only (Swagger 2.0 allows type file on formData parameters alone).
      if (s.type === 'file' && p.in !== 'formData') report('file-outside-form', { location: p.in }, at);
      else if (!primitive && s.type !== 'file') report('param-not-primitive', { type: String(s.type) }, at);
      const internal = (p.visibility ?? s['x-ms-visibility']) === 'internal';
      if (!internal && !s.title) report('param-summary-missing', {}, at);
      if (!internal && !s.description) report('param-description-missing', {}, at);
      if (p.visibility !== undefined && !isVisibility(p.visibility))
        report('visibility-invalid', { value: String(p.visibility) }, at);
    }
    const bodyProps = isWholeBody(op.body) ? [] : Object.keys(op.body?.properties ?? {});
    for (const name of bodyProps)
      if (name in op.params) report('param-name-clash', { name }, { operation: op.id, field: `body.${name}` });
  },
  function formConsumes(op, _c, report) {
    // An imported operation keeps its source's consumes (declared keys); the certification
    // rules judge what the document then says.
    if (!hasFormFields(op) || op.declared) return;
    const media = (op.consumes ?? []).map(mediaType);
    const file = Object.keys(op.params).find((n) => op.params[n]!.schema.type === 'file');
    const at = { operation: op.id, field: 'consumes' };
    if (file && !media.includes('multipart/form-data'))
      report('form-consumes-missing', { needs: 'multipart/form-data', why: `the field "${file}" is a file` }, at);
    else if (!media.some((m) => m === 'multipart/form-data' || m === 'application/x-www-form-urlencoded'))
      report(
        'form-consumes-missing',
        { needs: 'application/x-www-form-urlencoded or multipart/form-data', why: 'it sends form fields' },
        at,
      );
  },
  function responses(op, _c, report) {
    const declared = op.declared?.operation?.responses;
    if (declared) {
      // Declared responses (pcdk import): the certification rules judge their schemas.
      if (!Object.keys(declared).some((s) => /^2\d\d$/.test(s)))
        report('no-success-response', {}, { operation: op.id, field: 'declared.operation.responses' });
      return;
    }
    const entries = Object.entries(op.responses ?? {}).filter(([, e]) => e);
    if (!entries.some(([s]) => /^2\d\d$/.test(s)))
      report('no-success-response', {}, { operation: op.id, field: 'responses' });
    const withSchema: string[] = [];
    for (const [status, entry] of entries) {
      const r = responseSpec(status, entry!);
      if (!r.schema) continue;
      if (status === 'default')
        report('default-response-has-schema', {}, { operation: op.id, field: 'responses.default' });
      else withSchema.push(status);
    }
    if (withSchema.length > 1)
      report(
        'many-responses-with-schema',
        { statuses: withSchema.join(', ') },
        { operation: op.id, field: 'responses' },
      );
  },
  function schemas(op, _c, report) {
    for (const [field, s] of operationSchemas(op)) {
      walkSchema(s, field, (node, path) => schemaRules(node, path, op, report));
    }
  },
  function notificationContent(op, _c, report) {
    // A webhook's payload (imported path items carry it): the designer shows it as trigger outputs.
    const schema =
      op.declared?.pathItem?.['x-ms-notification-content']?.schema ??
      (op.trigger?.kind === 'webhook' ? op.trigger.payload : undefined);
    if (schema && typeof schema === 'object')
      walkSchema(schema as SchemaObject, 'notification', (node, path) => schemaRules(node, path, op, report));
  },
  function bodyProperties(op, _c, report) {
    if (!op.body) return;
    // Internal properties (and what they hold) are never shown, so they need no label.
    const hidden: string[] = [];
    walkSchema(op.body, 'body', (node, field) => {
      if (hidden.some((h) => field.startsWith(h) && /^[.[{]/.test(field.slice(h.length)))) return;
      if (node['x-ms-visibility'] === 'internal') return void hidden.push(field);
      // The body itself and array items or map values are not properties the designer labels.
      if (field === 'body' || /(\[\]|\{\})$/.test(field)) return;
      // Without a title the designer labels the field with its raw JSON name. A title alone is
      // enough: certified connectors (the published ConvertKit among them) leave descriptions out.
      if (node.title ?? node['x-ms-summary']) return;
      const missing = node.description ? 'title (x-ms-summary)' : 'title (x-ms-summary) or description';
      report('body-property-undescribed', { missing }, { operation: op.id, field });
    });
  },
  function pagination(op, _c, report) {
    for (const reason of paginationProblems(op))
      report('pagination-invalid', { reason }, { operation: op.id, field: 'pagination' });
  },
  function dynamicValues(op, c, report) {
    for (const [name, p] of Object.entries(op.params)) {
      const d = p.dynamicValues ?? dynamicValuesOf(p.schema);
      if (d) checkDynamic(d, op, c, report, { operation: op.id, field: `params.${name}` });
    }
    if (op.body) {
      walkSchema(op.body, 'body', (node, field) => {
        const d = dynamicValuesOf(node);
        if (d) checkDynamic(d, op, c, report, { operation: op.id, field });
      });
    }
  },
];

function overlapArgs(o: Overlap): { typed: string; declared: string; winner: string; fix: string } {
  return { typed: o.typed, declared: o.declared, winner: o.winner === 'typed' ? o.typed : o.declared, fix: o.fix };
}

/** Path parameter names of an operation that declares its parameter list, $refs and path-item parameters resolved. */
function declaredPathParams(op: Operation, c: Connector): string[] {
  const shared = c.declared?.document.parameters ?? {};
  const names: string[] = [];
  // Path-item parameters sit on the first operation of the path; they apply to all of its operations.
  const pathItemParams = c.operations
    .filter((o) => o.path === op.path)
    .flatMap((o) => o.declared?.pathItem?.parameters ?? []);
  for (const p of [...(op.declared?.operation?.parameters ?? []), ...pathItemParams]) {
    const resolved = '$ref' in p ? shared[p.$ref.replace(/^#\/parameters\//, '')] : p;
    if (resolved?.in === 'path') names.push(resolved.name);
  }
  return names;
}

function operationSchemas(op: Operation): [string, SchemaObject][] {
  const out: [string, SchemaObject][] = [];
  for (const [name, p] of Object.entries(op.params)) if (p.schema) out.push([`params.${name}`, p.schema]);
  if (op.body) out.push(['body', op.body]);
  for (const [status, entry] of Object.entries(op.responses ?? {})) {
    const s = entry ? responseSpec(status, entry).schema : undefined;
    if (s) out.push([`responses.${status}`, s]);
  }
  return out;
}

function schemaRules(s: SchemaObject, field: string, op: Operation, report: Report): void {
  const at = { operation: op.id, field };
  if (s.properties && Object.keys(s.properties).length === 0) report('empty-properties', {}, at);
  if (s.type === 'integer' && !s.format) report('integer-format-missing', {}, at);
  else if (s.format && s.type && FORMATS[s.type] && !FORMATS[s.type]!.has(s.format))
    report('format-invalid', { type: s.type, format: s.format }, at);
  if (s.enum) {
    if (s.enum.includes('')) report('enum-empty-value', {}, at);
    if (s.enum.length === 0 || new Set(s.enum).size !== s.enum.length) report('enum-invalid', {}, at);
  }
  for (const r of s.required ?? []) if (!s.properties?.[r]) report('required-property-missing', { name: r }, at);
  if (s['x-ms-visibility'] !== undefined && !isVisibility(s['x-ms-visibility']))
    report('visibility-invalid', { value: String(s['x-ms-visibility']) }, at);
}

/**
 * Whether `name` is something of `op` a dynamic-values parameter can read: one of its parameters
 * (typed or declared), or a body property (by name at any depth, or as a `a/b` path).
 */
function hasSibling(op: Operation, c: Connector, name: string): boolean {
  if (name in op.params) return true;
  const shared = c.declared?.document.parameters ?? {};
  for (const p of op.declared?.operation?.parameters ?? []) {
    const resolved = '$ref' in p ? shared[p.$ref.replace(/^#\/parameters\//, '')] : p;
    if (resolved?.name === name) return true;
  }
  if (!op.body) return false;
  if (name.includes('/') && schemaAt(op.body, name.split('/').join('.'))) return true;
  let found = false;
  walkSchema(op.body, '', (node) => {
    if (!found && node.properties && name in node.properties) found = true;
  });
  return found;
}

function checkDynamic(
  d: DynamicValues,
  op: Operation,
  c: Connector,
  report: Report,
  at: Omit<Location, 'connector'>,
): void {
  // A value taken from another input of this operation must name one it has.
  for (const [name, v] of Object.entries(d.parameters ?? {})) {
    if (v && typeof v === 'object' && 'parameter' in v && !hasSibling(op, c, String(v.parameter)))
      report('dynamic-values-sibling-missing', { name, parameter: String(v.parameter) }, at);
  }
  const targetId = dynamicTargetId(d);
  const target = c.operations.find((o) => o.id === targetId);
  if (!target) return report('dynamic-values-target-missing', { target: targetId }, at);
  for (const name of Object.keys(d.parameters ?? {})) {
    if (!(name in target.params) && !(target.body?.properties && name in target.body.properties)) {
      report('dynamic-values-parameter-missing', { target: targetId, parameter: name }, at);
    }
  }
  const list = schemaAt(successSchema(target), d.collection ?? '');
  if (list?.type !== 'array')
    return report('dynamic-values-collection-missing', { target: targetId, collection: d.collection ?? '(root)' }, at);
  const item = list.items;
  for (const prop of [d.value, d.title]) {
    if (!schemaAt(item, prop)) report('dynamic-values-property-missing', { target: targetId, property: prop }, at);
  }
}

/** Runs every descriptor rule; returns the findings (empty when the connector is sound). */
export function validateDescriptor(c: Connector): Diagnostic[] {
  const out: Diagnostic[] = [];
  const connector = typeof c.id === 'string' && c.id ? c.id : '(unnamed connector)';
  const report: Report = (code, args, where = {}) => out.push(diagnostic(code, args, { connector, ...where }));
  // The type-check normally stops ill-typed values first; with --no-typecheck (or plain
  // JavaScript) a rule can meet a number where a string belongs. That is the author's mistake,
  // reported at the connector or operation, never a crash.
  const guarded = (run: () => void, where: { operation?: string }, rule: string): void => {
    try {
      run();
    } catch (e) {
      report('descriptor-value-invalid', { rule, reason: e instanceof Error ? e.message : String(e) }, where);
    }
  };
  for (const rule of connectorRules) guarded(() => rule(c, report), {}, rule.name);
  const operations = Array.isArray(c.operations) ? c.operations : [];
  for (const op of operations) {
    const where = op && typeof op.id === 'string' ? { operation: op.id } : {};
    for (const rule of [...operationRules, ...triggerRules]) guarded(() => rule(op, c, report), where, rule.name);
  }
  out.splice(0, out.length, ...locateInSource(c, out));
  // A connector that declares its document (pcdk import) rebuilds as it was published; what it
  // breaks of our authoring rules is reported, not blocking, except what makes the build itself
  // unsound (an unsafe id, two operations with one operationId).
  if (isDeclared(c))
    return out.map((d) =>
      BLOCKING_WHEN_DECLARED.has(d.code as DiagnosticCode) ? d : { ...d, severity: 'warning' as const },
    );
  return out;
}
// A field given twice has no effect in one of its forms: never only a warning.
const BLOCKING_WHEN_DECLARED = new Set<DiagnosticCode>([
  'connector-id-invalid',
  'duplicate-operation-id',
  'typed-declared-conflict',
]);
