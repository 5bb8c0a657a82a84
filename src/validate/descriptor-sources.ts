/**
 * Gives each descriptor-rule finding the place where the author wrote the faulty value: the
 * field path (`params.form_id`, `body.purchase.products[].pid`, `responses.200.forms[]`) is
 * followed through the descriptor values, and the deepest value with a recorded source site
 * wins. A shared piece (a parameter or schema written once and used by many operations) is then
 * reported once, listing every operation that uses it.
 */
import * as fs from 'node:fs';
import type { Connector } from '../model/connector';
import { isVisibility } from '../swagger/constants';
import { responseSpec, type Operation, type Param } from '../model/operation';
import type { SchemaObject } from '../model/schema';
import { siteOf, type SourceSite } from '../model/source-site';
import type { Diagnostic } from '../diagnostics';
import type { DiagnosticCode } from './diagnostics';

/** Findings about a parameter itself (where it is declared), not about its schema. */
const PARAM_ITSELF: ReadonlySet<string> = new Set<DiagnosticCode>([
  'path-param-not-in-template',
  'path-param-undeclared',
  'param-location-invalid',
  'param-name-reserved',
]);

/** Whether `d` (on `params.<name>` itself) is about what the query()/path()/header() call wrote. */
function aboutParamItself(d: Diagnostic, p: Param): boolean {
  if (PARAM_ITSELF.has(d.code)) return true;
  if (d.code.startsWith('dynamic-values-')) return p.dynamicValues !== undefined;
  if (d.code === 'visibility-invalid') return p.visibility !== undefined && !isVisibility(p.visibility);
  return false;
}

/** The operation a finding names; for a duplicated id, the later one: the copy the author just added. */
function operationOf(c: Connector, d: Diagnostic): Operation | undefined {
  if (!d.operation) return undefined;
  const ops = (c.operations ?? []).filter((o) => o?.id === d.operation);
  return d.code === 'duplicate-operation-id' ? ops[ops.length - 1] : ops[0];
}

/** `purchase.products[].pid` through a schema: every schema passed on the way, outermost first. */
function schemasAlong(root: SchemaObject | undefined, dotted: string): object[] {
  const out: object[] = [];
  let cur: SchemaObject | undefined = root;
  if (!cur) return out;
  out.push(cur);
  if (!dotted) return out;
  for (const part of dotted.split('.')) {
    const name = /^[^[{]*/.exec(part)![0];
    if (name) cur = cur?.properties?.[name];
    if (cur) out.push(cur);
    for (const nest of part.slice(name.length).match(/\[\]|\{\}/g) ?? []) {
      const next: SchemaObject | boolean | undefined = nest === '[]' ? cur?.items : cur?.additionalProperties;
      cur = typeof next === 'object' ? next : undefined;
      if (cur) out.push(cur);
    }
    if (!cur) break;
  }
  return out;
}

function valuesAlong(c: Connector, d: Diagnostic): object[] {
  const chain: object[] = [c];
  const op = operationOf(c, d);
  if (!op) return chain;
  chain.push(op);
  const field = d.field ?? '';
  const param = /^params\.([^.[{]+)(?:\.(.*))?$/.exec(field);
  if (param) {
    const p = op.params?.[param[1]!];
    if (!p) return chain;
    chain.push(p);
    if (!param[2] && aboutParamItself(d, p)) return chain;
    chain.push(...schemasAlong(p.schema, param[2] ?? ''));
    return chain;
  }
  if (field === 'body' || field.startsWith('body.') || field.startsWith('body[') || field.startsWith('body{')) {
    return [...chain, ...schemasAlong(op.body, field.replace(/^body\.?/, ''))];
  }
  // Not `notificationUrl`: that is a webhook trigger's field (src/model/trigger.ts), not its payload.
  const notification = /^notification(?![A-Za-z])(.*)$/.exec(field);
  if (notification) {
    const schema =
      (op.declared?.pathItem?.['x-ms-notification-content']?.schema as SchemaObject | undefined) ??
      (op.trigger?.kind === 'webhook' ? op.trigger.payload : undefined);
    return [...chain, ...schemasAlong(schema, notification[1]!.replace(/^\./, ''))];
  }
  const resp = /^responses\.([^.[{]+)(.*)$/.exec(field);
  if (resp && op.responses) {
    const entry = (op.responses as Record<string, unknown>)[resp[1]!];
    if (entry && typeof entry === 'object') {
      const spec = responseSpec(resp[1]!, entry as never);
      // `responses.200[]` names the array's items: an empty property name followed by [].
      return [...chain, ...schemasAlong(spec.schema, resp[2]!.replace(/^\./, ''))];
    }
  }
  return chain;
}

export function sourceSiteOf(c: Connector, d: Diagnostic, texts: SourceLines = new Map()): SourceSite | undefined {
  // An auth written with oauth2() / apiKey() / basicAuth() (maybe in a file of its own) carries
  // its call's site: the field's key is looked for below that call.
  // Within connectionParameterSets, the set's own auth call (often an oauth2() of its own).
  const inSet = /^auth\.sets\[(\d+)\]\.auth\.(.+)$/.exec(d.field ?? '');
  const setAuth = inSet && c.auth?.type === 'sets' ? c.auth.sets[Number(inSet[1])]?.auth : undefined;
  const authSite = d.operation
    ? undefined
    : (siteOf(setAuth) ?? (d.field?.startsWith('auth.') ? siteOf(c.auth) : undefined));
  const rest = setAuth && inSet ? inSet[2]! : (d.field ?? '').slice('auth.'.length);
  if (authSite) return keySite(texts, authSite, keysOf(rest)) ?? authSite;
  const chain = valuesAlong(c, d);
  for (let i = chain.length - 1; i >= 0; i--) {
    const site = siteOf(chain[i]);
    if (!site) continue;
    // A plain field of the connector or an operation (summary, method, contact.email) has no
    // value of its own to carry a site: find its key in the text below the call that made it.
    return (i <= 1 && keySite(texts, site, keysOf(d.field))) || site;
  }
  return undefined;
}

/**
 * The object keys a field names when it is a plain field (`summary`, `contact.email`). A
 * parameter no value declares (`params.id` of a path template) is found at the path itself.
 */
function keysOf(field: string | undefined): string[] {
  if (!field) return [];
  if (field.startsWith('params.')) return ['path'];
  // The response map as a whole (not one status of it) is a plain field.
  if (field === 'responses') return ['responses'];
  if (/^(body|responses|notification)\b/.test(field) || !/^[A-Za-z]+(\.[A-Za-z]+)*$/.test(field)) return [];
  return field.split('.');
}

/** Source lines by file, read once per locateInSource call (files change between builds). */
type SourceLines = Map<string, string[] | undefined>;

function linesOf(texts: SourceLines, file: string): string[] | undefined {
  if (!texts.has(file)) {
    let lines: string[] | undefined;
    try {
      lines = fs.readFileSync(file, 'utf8').split('\n');
    } catch {
      lines = undefined;
    }
    texts.set(file, lines);
  }
  return texts.get(file);
}

/**
 * The line of `keys` (nested: `contact`, then `email`) at or after `site`, within the next 200
 * lines; undefined when the key is not written there (spread in, or computed).
 */
function keySite(texts: SourceLines, site: SourceSite, keys: string[]): SourceSite | undefined {
  const lines = keys.length ? linesOf(texts, site.file) : undefined;
  if (!lines) return undefined;
  let from = site.line - 1;
  let found: SourceSite | undefined;
  for (const key of keys) {
    const pattern = new RegExp(`(^|[\\s{,])(${key}|'${key}'|"${key}")\\s*:`);
    found = undefined;
    for (let i = from; i < Math.min(lines.length, site.line - 1 + 200); i++) {
      const m = pattern.exec(lines[i]!);
      if (m) {
        found = { file: site.file, line: i + 1, column: m.index + m[1]!.length + 1 };
        from = i;
        break;
      }
    }
    if (!found) return undefined;
  }
  return found;
}

/** Adds `source` to each finding, and folds repeats of one shared value into one finding. */
export function locateInSource(c: Connector, ds: readonly Diagnostic[]): Diagnostic[] {
  const texts: SourceLines = new Map();
  const out: Diagnostic[] = [];
  const seen = new Map<string, Diagnostic>();
  for (const d of ds) {
    const source = d.source ?? sourceSiteOf(c, d, texts);
    if (!source) {
      out.push(d);
      continue;
    }
    const key = `${d.code}\0${source.file}:${source.line}:${source.column}\0${d.message}`;
    const first = seen.get(key);
    if (first && d.operation) {
      const ops = first.operations ?? (first.operation ? [first.operation] : []);
      if (!ops.includes(d.operation)) ops.push(d.operation);
      first.operations = ops;
      continue;
    }
    const located = { ...d, source };
    seen.set(key, located);
    out.push(located);
  }
  return out;
}
