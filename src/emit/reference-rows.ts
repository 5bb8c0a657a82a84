/**
 * The rows of a connector's docs page (learn.microsoft.com/connectors/<name>), derived from a
 * swagger the way that page shows them: body properties flattened (leaf names as keys, objects
 * expanded, arrays of objects expanded under the array's key), arrays typed "array of X", nested
 * return paths dotted, free-form objects omitted. Works on any Swagger 2.0 document.
 */

import { resolveLocalRef } from './local-ref';

type Json = Record<string, any>;

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

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];

/** Resolves local `$ref`s; anything unresolvable becomes undefined (and is skipped). */
export function makeResolver(doc: Json): <T extends Json | undefined>(node: T) => T {
  return <T extends Json | undefined>(node: T): T => resolveLocalRef(doc, node)?.node as T;
}

export function typeLabel(s: Json | undefined, resolve: (n: Json | undefined) => Json | undefined): string {
  s = resolve(s);
  if (!s) return '';
  if (s.type === 'array') return `array of ${typeLabel(s.items, resolve) || 'object'}`;
  if (s.type === 'number') return s.format === 'float' || s.format === 'double' ? s.format : 'number';
  if (s.type === 'string' && s.format && ['date-time', 'date', 'byte', 'binary', 'uri', 'email'].includes(s.format)) return s.format;
  if (s.type) return String(s.type);
  if (s.properties) return 'object';
  return '';
}

function label(s: Json): string {
  return s['x-ms-summary'] ?? s.title ?? '';
}

function isFreeForm(s: Json): boolean {
  return (s.type === 'object' || (!s.type && !s.items)) && (!s.properties || Object.keys(s.properties).length === 0);
}

/** Rows for one operation, or for every operation in document order. */
export function actionRows(doc: Json): ActionRows[] {
  const resolve = makeResolver(doc);
  const out: ActionRows[] = [];
  for (const [p, item] of Object.entries<Json>(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item?.[method];
      if (!op) continue;
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((x: Json) => resolve(x));
      out.push({
        operationId: op.operationId ?? `${method.toUpperCase()} ${p}`,
        summary: op.summary ?? '',
        description: op.description ?? '',
        parameters: parameterRows(params, resolve),
        returns: returnRows(successSchema(op, resolve), resolve),
      });
    }
  }
  return out;
}

function parameterRows(params: Json[], resolve: (n: any) => any): ParameterRow[] {
  const rows: ParameterRow[] = [];
  for (const p of params) {
    if (!p) continue;
    if (p.in === 'body') {
      flattenInput(resolve(p.schema), p.required === true, rows, resolve);
      continue;
    }
    rows.push({ name: p['x-ms-summary'] ?? '', key: p.name, required: p.required === true, type: typeLabel(p, resolve), description: p.description ?? '' });
  }
  return rows;
}

function flattenInput(s: Json | undefined, required: boolean, rows: ParameterRow[], resolve: (n: any) => any, depth = 0): void {
  if (!s || depth > 32) return;
  if (s.type === 'array' && s.items) return flattenInput(resolve(s.items), required, rows, resolve, depth + 1);
  const req = new Set<string>(s.required ?? []);
  for (const [name, raw] of Object.entries<Json>(s.properties ?? {})) {
    const child = resolve(raw);
    if (!child) continue;
    const childRequired = required && req.has(name);
    const items = child.type === 'array' ? resolve(child.items) : undefined;
    if (child.properties && Object.keys(child.properties).length > 0) flattenInput(child, childRequired, rows, resolve, depth + 1);
    else if (items?.properties && Object.keys(items.properties).length > 0) flattenInput(items, childRequired, rows, resolve, depth + 1);
    else if (!isFreeForm(child)) {
      rows.push({ name: label(child), key: name, required: childRequired, type: typeLabel(child, resolve), description: child.description ?? '' });
    }
  }
}

function successSchema(op: Json, resolve: (n: any) => any): Json | undefined {
  for (const [status, r] of Object.entries<Json>(op.responses ?? {})) {
    if (/^2\d\d$/.test(status)) {
      const schema = resolve(resolve(r)?.schema);
      if (schema) return schema;
    }
  }
  return undefined;
}

function returnRows(s: Json | undefined, resolve: (n: any) => any): ReturnRow[] {
  if (!s) return [];
  if (s.type && s.type !== 'object' && s.type !== 'array') return [{ name: 'response', path: '', type: typeLabel(s, resolve), description: s.description ?? '' }];
  const rows: ReturnRow[] = [];
  if (s.type === 'array') {
    rows.push({ name: label(s) || 'response', path: '', type: typeLabel(s, resolve), description: s.description ?? '' });
    flattenOutput(resolve(s.items), '', rows, resolve);
  } else flattenOutput(s, '', rows, resolve);
  return rows;
}

function flattenOutput(s: Json | undefined, prefix: string, rows: ReturnRow[], resolve: (n: any) => any, depth = 0): void {
  if (!s || depth > 32) return;
  for (const [name, raw] of Object.entries<Json>(s.properties ?? {})) {
    const child = resolve(raw);
    if (!child) continue;
    const p = prefix ? `${prefix}.${name}` : name;
    if (child.type === 'array') {
      rows.push({ name: label(child), path: p, type: typeLabel(child, resolve), description: child.description ?? '' });
      const items = resolve(child.items);
      if (items?.properties) flattenOutput(items, p, rows, resolve, depth + 1);
    } else if (child.properties && Object.keys(child.properties).length > 0) flattenOutput(child, p, rows, resolve, depth + 1);
    else if (!isFreeForm(child)) rows.push({ name: label(child), path: p, type: typeLabel(child, resolve), description: child.description ?? '' });
  }
}
