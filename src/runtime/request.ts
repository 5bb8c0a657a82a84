/**
 * Turns an operation and one params object into a URL, headers and body. Path, query and header
 * parameters are taken by name; every other defined value goes to the JSON body. The secret is
 * added to the query or a header as the descriptor says, never to a body.
 */
import { ClientError } from './errors';
import type { AuthRoute, OperationRoute } from './types';

export interface PreparedRequest {
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export function prepareRequest(
  operationId: string,
  op: OperationRoute,
  params: Record<string, unknown>,
  baseUrl: string,
  auth: AuthRoute,
  secret: string,
): PreparedRequest {
  const headers: Record<string, string> = { accept: 'application/json' };
  const query: string[] = [];
  const body: Record<string, unknown> = {};
  let hasBody = false;
  for (const name of Object.keys(params)) {
    const value = params[name];
    if (value === undefined) continue;
    const where = op.params[name];
    if (where === 'query') query.push(`${encodeURIComponent(name)}=${encodeURIComponent(text(value))}`);
    else if (where === 'header') headers[name.toLowerCase()] = text(value);
    else if (where !== 'path') {
      if (!op.body) throw new ClientError(`${operationId} has no parameter "${name}"`, operationId);
      body[name] = value;
      hasBody = true;
    }
  }
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null || value === '') {
      throw new ClientError(`${operationId} needs the path parameter "${name}"`, operationId);
    }
    return encodeURIComponent(text(value));
  });
  if (auth.in === 'query') query.push(`${encodeURIComponent(auth.name)}=${encodeURIComponent(secret)}`);
  else if (auth.in === 'header') headers[auth.name.toLowerCase()] = secret;
  const qs = query.join('&');
  const out: PreparedRequest = { url: baseUrl + path + (qs ? `?${qs}` : ''), headers };
  if (op.body) {
    headers['content-type'] = 'application/json';
    out.body = hasBody ? JSON.stringify(body) : '{}';
  }
  return out;
}

/** Arrays are comma-separated: Swagger 2.0's default collectionFormat (csv). */
function text(v: unknown): string {
  return Array.isArray(v) ? v.map(String).join(',') : String(v);
}

/** Joins a base URL and a relative path template with exactly one slash. */
export function normalizeBaseUrl(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
