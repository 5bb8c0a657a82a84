/**
 * What the preview adds to a replay server, under /_pcdk/preview/ (a prefix no connector path
 * uses): the page itself, `invoke` (run an operation with the page's inputs) and `values` (a
 * dynamic dropdown's choices). Bad requests to these get a 400 with a JSON `{error}` saying what
 * is wrong; the replay server answers everything else.
 */
import type * as http from 'node:http';
import type { SwaggerDocument } from '../swagger/document';
import { isObject, type Found } from '../swagger/found';
import { dynamicChoices, invokeLive, LiveCallError, type LiveCall, type LiveReply } from './live-call';
import type { Choice } from './model';
import { LIVE_ENDPOINTS } from './page-script';

export const PREVIEW_PATH = '/_pcdk/preview/';

export interface PreviewRoutesOptions {
  /** The page as served (live). */
  page: string;
  doc: Found<SwaggerDocument>;
  /** Where the replay server listens (http://127.0.0.1:port), known once it does. */
  origin: () => string;
}

const MAX_BODY = 1 << 20;

/** A request handler that answers the preview's paths and returns false for every other path. */
export function previewRoutes(
  o: PreviewRoutesOptions,
): (req: http.IncomingMessage, res: http.ServerResponse) => boolean {
  return (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (pathname === PREVIEW_PATH.slice(0, -1)) {
      res.writeHead(308, { Location: PREVIEW_PATH });
      res.end();
      return true;
    }
    if (!pathname.startsWith(PREVIEW_PATH)) return false;
    const rest = pathname.slice(PREVIEW_PATH.length);
    if (rest === '' && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : o.page);
      return true;
    }
    if (req.method === 'POST' && (rest === LIVE_ENDPOINTS.invoke || rest === LIVE_ENDPOINTS.values)) {
      readJson(req)
        .then((payload): Promise<unknown> => (rest === LIVE_ENDPOINTS.invoke ? invoke(o, payload) : values(o, payload)))
        .then(
          (reply) => send(res, 200, reply),
          (e: unknown) => send(res, 400, { error: e instanceof Error ? e.message : String(e) }),
        );
      return true;
    }
    send(res, 404, { error: `the preview has no ${req.method} ${pathname}; the page is at ${PREVIEW_PATH}` });
    return true;
  };
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (d: Buffer) => {
      size += d.length;
      if (size <= MAX_BODY) chunks.push(d);
    });
    req.on('error', reject);
    req.on('end', () => {
      if (size > MAX_BODY) return reject(new LiveCallError(`preview requests are limited to ${MAX_BODY} bytes`));
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new LiveCallError('the preview request is not JSON'));
      }
    });
  });
}

function liveCall(payload: unknown): LiveCall {
  if (!isObject(payload) || typeof payload.operationId !== 'string')
    throw new LiveCallError('a preview request needs {"operationId": string, "params": object}');
  const params = payload.params ?? {};
  if (!isObject(params)) throw new LiveCallError('"params" must be an object of inputs by name');
  return { operationId: payload.operationId, params, body: payload.body };
}

function invoke(o: PreviewRoutesOptions, payload: unknown): Promise<LiveReply> {
  return invokeLive(o.doc, o.origin(), liveCall(payload));
}

/** A dropdown's choices, or why there are none (shown under the dropdown). */
async function values(o: PreviewRoutesOptions, payload: unknown): Promise<{ items: Choice[] } | { error: string }> {
  const call = liveCall(payload);
  const p = payload as Record<string, unknown>;
  const paths = ['collection', 'valuePath', 'titlePath'].map((k) => (typeof p[k] === 'string' ? p[k] : ''));
  const reply = await invokeLive(o.doc, o.origin(), call);
  if (reply.status < 200 || reply.status >= 300) {
    const message = isObject(reply.body) && typeof reply.body.message === 'string' ? `: ${reply.body.message}` : '';
    return { error: `${call.operationId} answered ${reply.status}${message}` };
  }
  try {
    return { items: dynamicChoices(reply.body, paths[0]!, paths[1]!, paths[2]!) };
  } catch (e) {
    return { error: `${call.operationId}: ${(e as Error).message}` };
  }
}
