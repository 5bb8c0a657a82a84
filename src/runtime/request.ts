/**
 * Turns an operation and one params object into a URL, headers and body. Path, query and header
 * parameters are taken by name; every other defined value goes to the JSON body. The secret is
 * added to the query or a header as the descriptor says, never to a body. What does not depend
 * on the params (the path template split, the encoded secret) is worked out once per operation.
 */
import { ClientError } from './errors';
import type { AuthRoute, OperationRoute } from './types';

export interface PreparedRequest {
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export type RequestBuilder = (params: Record<string, unknown>) => PreparedRequest;

export function requestBuilder(
  operationId: string,
  op: OperationRoute,
  baseUrl: string,
  auth: AuthRoute,
  secret: string,
): RequestBuilder {
  // Literal text at even indices, parameter names at odd ones.
  const parts = op.path.split(/\{([^}]+)\}/);
  const authQuery = auth.in === 'query' ? `${encodeURIComponent(auth.name)}=${encodeURIComponent(secret)}` : '';
  const authHeader = auth.in === 'header' ? auth.name.toLowerCase() : '';
  const where = op.params;
  // The input that is the whole body, when the body is not an object; '' when it is; none: no body.
  const whole = op.body === true ? '' : op.body;
  const defaults = op.defaults;
  return (given) => {
    let params = given;
    // A required internal parameter the caller leaves out goes with its default, as Power Automate sends it.
    if (defaults)
      for (const name of Object.keys(defaults))
        if (params[name] === undefined) params = { ...params, [name]: defaults[name] };
    const headers: Record<string, string> = { accept: 'application/json' };
    let query = '';
    let body: Record<string, unknown> | undefined;
    for (const name of Object.keys(params)) {
      const value = params[name];
      if (value === undefined) continue;
      const to = where[name];
      if (to === 'query') query += `${query ? '&' : ''}${encodeURIComponent(name)}=${encodeURIComponent(text(value))}`;
      else if (to === 'header') headers[name.toLowerCase()] = text(value);
      else if (to !== 'path') {
        if (whole == null || (whole && name !== whole))
          throw new ClientError(`${operationId} has no parameter "${name}"`, operationId);
        (body ??= {})[name] = value;
      }
    }
    let path = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) {
      const name = parts[i]!;
      const value = params[name];
      if (value === undefined || value === null || value === '') {
        throw new ClientError(`${operationId} needs the path parameter "${name}"`, operationId);
      }
      path += encodeURIComponent(text(value)) + parts[i + 1]!;
    }
    if (authQuery) query += `${query ? '&' : ''}${authQuery}`;
    else if (authHeader) headers[authHeader] = secret;
    const out: PreparedRequest = { url: baseUrl + path + (query ? `?${query}` : ''), headers };
    // An absent whole body (one not required) is sent as none: JSON.stringify(undefined) is undefined.
    const json: string | undefined = whole == null ? whole : JSON.stringify(whole ? body?.[whole] : (body ?? {}));
    if (json) {
      headers['content-type'] = 'application/json';
      out.body = json;
    }
    return out;
  };
}

/** One request at once (the recorder's entry point: it sends what clients send). */
export function prepareRequest(
  operationId: string,
  op: OperationRoute,
  params: Record<string, unknown>,
  baseUrl: string,
  auth: AuthRoute,
  secret: string,
): PreparedRequest {
  return requestBuilder(operationId, op, baseUrl, auth, secret)(params);
}

/** Arrays are comma-separated: Swagger 2.0's default collectionFormat (csv). */
function text(v: unknown): string {
  return Array.isArray(v) ? v.map(String).join(',') : String(v);
}

/** Joins a base URL and a relative path template with exactly one slash. */
export function normalizeBaseUrl(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
