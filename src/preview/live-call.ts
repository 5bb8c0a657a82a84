/**
 * Live mode's calls, as the designer makes them through a connection: an operation of the
 * swagger called by operationId with inputs by name, sent over HTTP to the replay server. The
 * connection's credential is a placeholder (the replay server only checks that one is present);
 * the request shown back has it redacted. Internal inputs get their declared defaults, as the
 * designer sends them.
 */
import { FIXTURE_REDACTED } from '../recordings/format';
import type { DeclaredSchema, SwaggerDocument } from '../swagger/document';
import { entriesOf, isObject, itemsOf, str, type Found, type JsonObject } from '../swagger/found';
import { localResolver, type Resolve } from '../swagger/local-ref';
import { foundOperations } from '../swagger/operations';
import type { Choice } from './model';

/** What the page posts to run an operation. */
export interface LiveCall {
  operationId: string;
  params: Record<string, unknown>;
  body?: unknown;
}

export interface LiveReply {
  request: { method: string; url: string };
  status: number;
  body: unknown;
}

/** The connection's credential under preview: not a secret, and never shown. */
const PREVIEW_CREDENTIAL = 'pcdk-preview-connection';

export class LiveCallError extends Error {
  override name = 'LiveCallError';
}

interface WireCall {
  method: string;
  path: string;
  query: [string, string][];
  headers: Record<string, string>;
  body?: unknown;
  /** Form fields (formData parameters), sent as application/x-www-form-urlencoded in place of a JSON body. */
  form?: [string, string][];
  credential?: { in: 'query' | 'header'; name: string };
}

function text(v: unknown): string {
  return v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** The HTTP request for `call` under the document's basePath; an unknown operationId is a LiveCallError. */
export function wireCall(doc: Found<SwaggerDocument>, call: LiveCall): WireCall {
  const resolve = localResolver(doc);
  const found = foundOperations(doc).find((o) => o.op.operationId === call.operationId);
  if (!found) throw new LiveCallError(`the connector has no operation "${call.operationId}"`);
  const params = new Map<string, JsonObject>();
  for (const raw of [...itemsOf(found.item.parameters), ...itemsOf(found.op.parameters)]) {
    const p = resolve(raw);
    if (p) params.set(`${text(p.in)}:${text(p.name)}`, p);
  }
  let path = found.path;
  const query: [string, string][] = [];
  const headers: Record<string, string> = {};
  const form: [string, string][] = [];
  let body: unknown = call.body;
  for (const p of params.values()) {
    const name = text(p.name);
    if (p.in === 'body') {
      body = withInternalDefaults(resolve(p.schema), body, resolve, 0);
      continue;
    }
    let value = call.params[name];
    if ((value === undefined || value === '') && String(p['x-ms-visibility']).toLowerCase() === 'internal')
      value = p.default;
    const v =
      value === undefined || value === null
        ? undefined
        : Array.isArray(value)
          ? value.map(text).join(',')
          : text(value);
    if (p.in === 'path') path = path.split(`{${name}}`).join(v === undefined ? '' : encodeURIComponent(v));
    else if (v === undefined) continue;
    else if (p.in === 'query') query.push([name, v]);
    else if (p.in === 'header') headers[name] = v;
    else if (p.in === 'formData') form.push([name, v]);
  }
  const base = str(doc.basePath)?.replace(/\/+$/, '') ?? '';
  const out: WireCall = { method: found.method.toUpperCase(), path: `${base}${path}`, query, headers };
  if (form.length) out.form = form;
  else if (body !== undefined) out.body = body;
  for (const scheme of Object.values(isObject(doc.securityDefinitions) ? doc.securityDefinitions : {})) {
    if (isObject(scheme) && scheme.type === 'apiKey' && (scheme.in === 'query' || scheme.in === 'header'))
      out.credential = { in: scheme.in, name: text(scheme.name) };
  }
  return out;
}

/** The body with every internal property that has a default filled in, where the object exists. */
function withInternalDefaults(
  s: Found<DeclaredSchema> | undefined,
  body: unknown,
  resolve: Resolve,
  depth: number,
): unknown {
  if (!s || depth > 16 || entriesOf(s.properties).length === 0) return body;
  const obj: JsonObject = isObject(body) ? { ...body } : {};
  let changed = false;
  for (const [name, raw] of entriesOf(s.properties)) {
    const child: Found<DeclaredSchema> | undefined = resolve(raw);
    if (!child) continue;
    if (
      obj[name] === undefined &&
      String(child['x-ms-visibility']).toLowerCase() === 'internal' &&
      child.default !== undefined
    ) {
      obj[name] = child.default;
      changed = true;
    } else if (isObject(obj[name])) obj[name] = withInternalDefaults(child, obj[name], resolve, depth + 1);
  }
  return changed || isObject(body) ? obj : body;
}

/** The request's path and query; the credential as sent, or (shown back to the page) redacted. */
function urlOf(w: WireCall, credential: 'send' | 'redact'): string {
  const enc = ([k, v]: [string, string]): string => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`;
  const q = w.query.map(enc);
  if (w.credential?.in === 'query')
    q.push(
      credential === 'send'
        ? enc([w.credential.name, PREVIEW_CREDENTIAL])
        : `${encodeURIComponent(w.credential.name)}=${FIXTURE_REDACTED}`,
    );
  return q.length ? `${w.path}?${q.join('&')}` : w.path;
}

/** Sends `call` to the replay server at `origin` (http://127.0.0.1:port) and reads its answer. */
export async function invokeLive(doc: Found<SwaggerDocument>, origin: string, call: LiveCall): Promise<LiveReply> {
  const w = wireCall(doc, call);
  const headers: Record<string, string> = { ...w.headers };
  if (w.credential?.in === 'header') headers[w.credential.name] = PREVIEW_CREDENTIAL;
  let sent: string | undefined;
  if (w.form) {
    // A file field's value is whatever text the page has for it: the replay server checks presence.
    headers['content-type'] = 'application/x-www-form-urlencoded';
    sent = new URLSearchParams(w.form).toString();
  } else if (w.body !== undefined) {
    headers['content-type'] = 'application/json';
    sent = JSON.stringify(w.body);
  }
  const res = await fetch(`${origin}${urlOf(w, 'send')}`, { method: w.method, headers, body: sent });
  const raw = await res.text();
  let body: unknown = raw;
  try {
    body = raw === '' ? null : JSON.parse(raw);
  } catch {
    // Not JSON: shown as text.
  }
  return { request: { method: w.method, url: urlOf(w, 'redact') }, status: res.status, body };
}

/** The value at a slash- or dot-separated path ('' = the value itself). */
function at(v: unknown, path: string): unknown {
  let cur = v;
  for (const part of path.split(/[./]/).filter(Boolean)) cur = isObject(cur) ? cur[part] : undefined;
  return cur;
}

/** The choices of a dynamic-values dropdown from its source operation's answer. */
export function dynamicChoices(body: unknown, collection: string, valuePath: string, titlePath: string): Choice[] {
  const items = at(body, collection);
  if (!Array.isArray(items)) throw new LiveCallError(`the answer has no array at "${collection || '(response)'}"`);
  return items.map((item) => {
    const value = text(at(item, valuePath));
    return { value, title: text(at(item, titlePath || valuePath)) || value };
  });
}
