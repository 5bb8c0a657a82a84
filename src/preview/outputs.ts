/**
 * A card's outputs as the dynamic-content tokens a later step sees: every property of the
 * success response (or of a webhook trigger's notification content), titled by x-ms-summary,
 * else title, else name. A nested object's properties carry the parent's title in front ("Created
 * By Email"); an array is one token and its items' properties are tokens per item (what the
 * designer wraps in "Apply to each"). Internal properties are not offered.
 */
import type { DeclaredSchema } from '../swagger/document';
import { entriesOf, isObject, type Found } from '../swagger/found';
import type { Resolve } from '../swagger/local-ref';
import { typeLabel } from '../emit/reference-rows';
import type { OutputToken } from './model';

type Schema = Found<DeclaredSchema>;

const MAX_DEPTH = 16;

function text(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

function titleOf(s: Schema, name: string): string {
  return text(s['x-ms-summary'] ?? s.title) || name;
}

function hidden(s: Schema): boolean {
  return text(s['x-ms-visibility']).toLowerCase() === 'internal';
}

/** The schema a later step reads: the first 2xx response's, else the webhook payload's. */
export function outputSchema(responses: unknown, notification: unknown, resolve: Resolve): Schema | undefined {
  for (const [status, r] of entriesOf(responses)) {
    if (!/^2\d\d$/.test(status)) continue;
    const schema = resolve(resolve(r)?.schema);
    if (schema) return schema;
  }
  return isObject(notification) ? resolve(notification.schema) : undefined;
}

export function outputTokens(s: Schema | undefined, resolve: Resolve): OutputToken[] {
  if (!s) return [];
  const out: OutputToken[] = [];
  if (s.type === 'array') {
    const title = titleOf(s, 'Body');
    out.push({ title, type: typeLabel(s, resolve), path: '', description: text(s.description) });
    const items: Schema | undefined = resolve(s.items);
    if (items) walk(items, resolve, '[]', '', title, out, 0);
    return out;
  }
  if (entriesOf(s.properties).length === 0) {
    out.push({
      title: titleOf(s, 'Body'),
      type: typeLabel(s, resolve) || 'object',
      path: '',
      description: text(s.description),
    });
    return out;
  }
  walk(s, resolve, '', '', undefined, out, 0);
  return out;
}

function walk(
  s: Schema,
  resolve: Resolve,
  path: string,
  prefix: string,
  perItemOf: string | undefined,
  out: OutputToken[],
  depth: number,
): void {
  if (depth > MAX_DEPTH) return;
  for (const [name, raw] of entriesOf(s.properties)) {
    const child: Schema | undefined = resolve(raw);
    if (!child || hidden(child)) continue;
    const at = path ? `${path}.${name}` : name;
    const title = prefix ? `${prefix} ${titleOf(child, name)}` : titleOf(child, name);
    const token = (): OutputToken => {
      const t: OutputToken = {
        title,
        type: typeLabel(child, resolve) || 'object',
        path: at,
        description: text(child.description),
      };
      if (perItemOf) t.perItemOf = perItemOf;
      return t;
    };
    if (child.type === 'array') {
      out.push(token());
      const items: Schema | undefined = resolve(child.items);
      if (items && entriesOf(items.properties).length > 0) walk(items, resolve, `${at}[]`, '', title, out, depth + 1);
    } else if (entriesOf(child.properties).length > 0) walk(child, resolve, at, title, perItemOf, out, depth + 1);
    else out.push(token());
  }
}
