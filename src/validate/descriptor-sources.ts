/**
 * Gives each descriptor-rule finding the place where the author wrote the faulty value: the
 * field path (`params.form_id`, `body.purchase.products[].pid`, `responses.200.forms[]`) is
 * followed through the descriptor values, and the deepest value with a recorded source site
 * wins. A shared piece (a parameter or schema written once and used by many operations) is then
 * reported once, listing every operation that uses it.
 */
import type { Connector } from '../model/connector';
import { responseSpec, type Operation } from '../model/operation';
import type { SchemaObject } from '../model/schema';
import { siteOf, type SourceSite } from '../model/source-site';
import type { Diagnostic } from './diagnostics';

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
  const op: Operation | undefined = d.operation ? c.operations.find((o) => o?.id === d.operation) : undefined;
  if (!op) return chain;
  chain.push(op);
  const field = d.field ?? '';
  const param = /^params\.([^.[{]+)(?:\.(.*))?$/.exec(field);
  if (param) {
    const p = op.params?.[param[1]!];
    if (p) chain.push(p, ...schemasAlong(p.schema, param[2] ?? ''));
    return chain;
  }
  if (field === 'body' || field.startsWith('body.') || field.startsWith('body[') || field.startsWith('body{')) {
    return [...chain, ...schemasAlong(op.body, field.replace(/^body\.?/, ''))];
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

export function sourceSiteOf(c: Connector, d: Diagnostic): SourceSite | undefined {
  const chain = valuesAlong(c, d);
  for (let i = chain.length - 1; i >= 0; i--) {
    const site = siteOf(chain[i]);
    if (site) return site;
  }
  return undefined;
}

/** Adds `source` to each finding, and folds repeats of one shared value into one finding. */
export function locateInSource(c: Connector, ds: readonly Diagnostic[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, Diagnostic>();
  for (const d of ds) {
    const source = d.source ?? sourceSiteOf(c, d);
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
