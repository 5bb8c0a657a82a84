/**
 * The rows of a connector's docs page (learn.microsoft.com/connectors/<name>), derived from a
 * swagger the way that page shows them: body properties flattened (leaf names as keys, objects
 * expanded, arrays of objects expanded under the array's key), arrays typed "array of X", nested
 * return paths dotted, free-form objects omitted. Works on any Swagger 2.0 document, read as
 * found (every value checked before use).
 */
import type { DeclaredSchema, ParameterObject, SwaggerDocument, SwaggerOperation } from '../swagger/document';
import { entriesOf, itemsOf, type Found } from '../swagger/found';
import { localResolver, type Resolve } from '../swagger/local-ref';
import { foundOperations } from '../swagger/operations';

export interface ParameterRow {
  name: string;
  key: string;
  required: boolean;
  type: string;
  description: string;
}
export interface ReturnRow {
  name: string;
  path: string;
  type: string;
  description: string;
}
export interface ActionRows {
  operationId: string;
  summary: string;
  description: string;
  parameters: ParameterRow[];
  /** Rows of the Returns table; a primitive response is one row named "response" with no path. */
  returns: ReturnRow[];
}

type Schema = Found<DeclaredSchema>;

/** A cell's text: what the document says, '' when it says nothing. */
function text(v: unknown, fallback = ''): string {
  return v === undefined || v === null ? fallback : String(v);
}

/** A schema's (or a non-body parameter's) type as the docs page words it. */
export function typeLabel(node: unknown, resolve: Resolve): string {
  const s: Schema | undefined = resolve(node);
  if (!s) return '';
  if (s.type === 'array') return `array of ${typeLabel(s.items, resolve) || 'object'}`;
  if (s.type === 'number') return s.format === 'float' || s.format === 'double' ? s.format : 'number';
  if (
    s.type === 'string' &&
    typeof s.format === 'string' &&
    ['date-time', 'date', 'byte', 'binary', 'uri', 'email'].includes(s.format)
  )
    return s.format;
  if (s.type) return String(s.type);
  if (s.properties) return 'object';
  return '';
}

function label(s: Schema): string {
  return text(s['x-ms-summary'] ?? s.title);
}

function hasProperties(s: Schema | undefined): boolean {
  return entriesOf(s?.properties).length > 0;
}

function isFreeForm(s: Schema): boolean {
  return (s.type === 'object' || (!s.type && !s.items)) && !hasProperties(s);
}

/** Rows for every operation, in document order. */
export function actionRows(doc: Found<SwaggerDocument>): ActionRows[] {
  const resolve = localResolver(doc);
  return foundOperations(doc).map(({ path, method, item, op }) => {
    const params = [...itemsOf(item.parameters), ...itemsOf(op.parameters)].map(resolve);
    return {
      operationId: text(op.operationId, `${method.toUpperCase()} ${path}`),
      summary: text(op.summary),
      description: text(op.description),
      parameters: parameterRows(params, resolve),
      returns: returnRows(successSchema(op, resolve), resolve),
    };
  });
}

function parameterRows(params: (Found<ParameterObject> | undefined)[], resolve: Resolve): ParameterRow[] {
  const rows: ParameterRow[] = [];
  for (const p of params) {
    // Internal inputs (a trigger's callback URL, fixed values) are hidden from makers, and from
    // the docs page likewise.
    if (!p || p['x-ms-visibility'] === 'internal') continue;
    if (p.in === 'body') {
      flattenInput(resolve(p.schema), p.required === true, rows, resolve);
      continue;
    }
    rows.push({
      name: text(p['x-ms-summary']),
      key: text(p.name),
      required: p.required === true,
      type: typeLabel(p, resolve),
      description: text(p.description),
    });
  }
  return rows;
}

function flattenInput(
  s: Schema | undefined,
  required: boolean,
  rows: ParameterRow[],
  resolve: Resolve,
  depth = 0,
): void {
  if (!s || depth > 32) return;
  if (s.type === 'array' && s.items) return flattenInput(resolve(s.items), required, rows, resolve, depth + 1);
  const req = new Set(itemsOf(s.required));
  for (const [name, raw] of entriesOf(s.properties)) {
    const child: Schema | undefined = resolve(raw);
    if (!child || child['x-ms-visibility'] === 'internal') continue;
    const childRequired = required && req.has(name);
    const items: Schema | undefined = child.type === 'array' ? resolve(child.items) : undefined;
    if (hasProperties(child)) flattenInput(child, childRequired, rows, resolve, depth + 1);
    else if (hasProperties(items)) flattenInput(items, childRequired, rows, resolve, depth + 1);
    else if (!isFreeForm(child)) {
      rows.push({
        name: label(child),
        key: name,
        required: childRequired,
        type: typeLabel(child, resolve),
        description: text(child.description),
      });
    }
  }
}

function successSchema(op: Found<SwaggerOperation>, resolve: Resolve): Schema | undefined {
  for (const [status, r] of entriesOf(op.responses)) {
    if (/^2\d\d$/.test(status)) {
      const schema = resolve(resolve(r)?.schema);
      if (schema) return schema;
    }
  }
  return undefined;
}

/** Rows of a Returns table for one output schema (a response, or a webhook trigger's payload). */
export function returnRows(s: Schema | undefined, resolve: Resolve): ReturnRow[] {
  if (!s) return [];
  if (s.type && s.type !== 'object' && s.type !== 'array')
    return [{ name: 'response', path: '', type: typeLabel(s, resolve), description: text(s.description) }];
  const rows: ReturnRow[] = [];
  if (s.type === 'array') {
    rows.push({
      name: label(s) || 'response',
      path: '',
      type: typeLabel(s, resolve),
      description: text(s.description),
    });
    flattenOutput(resolve(s.items), '', rows, resolve);
  } else flattenOutput(s, '', rows, resolve);
  return rows;
}

function flattenOutput(s: Schema | undefined, prefix: string, rows: ReturnRow[], resolve: Resolve, depth = 0): void {
  if (!s || depth > 32) return;
  for (const [name, raw] of entriesOf(s.properties)) {
    const child: Schema | undefined = resolve(raw);
    if (!child || child['x-ms-visibility'] === 'internal') continue;
    const p = prefix ? `${prefix}.${name}` : name;
    if (child.type === 'array') {
      rows.push({ name: label(child), path: p, type: typeLabel(child, resolve), description: text(child.description) });
      const items: Schema | undefined = resolve(child.items);
      if (items?.properties) flattenOutput(items, p, rows, resolve, depth + 1);
    } else if (hasProperties(child)) flattenOutput(child, p, rows, resolve, depth + 1);
    else if (!isFreeForm(child))
      rows.push({ name: label(child), path: p, type: typeLabel(child, resolve), description: text(child.description) });
  }
}
