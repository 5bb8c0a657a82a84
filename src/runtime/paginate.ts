/**
 * Iterating a paginated list item by item in each of the styles a route may declare (page
 * number, next link, cursor). Only the current page is referenced while its items are consumed;
 * the next one is fetched when the consumer asks for more.
 */
import { ClientError } from './errors';
import type { PageSpec } from './types';

/** What iteration needs from the request core. */
export interface PageSource {
  /** One page from the operation's own URL with these params. */
  page(params: Record<string, unknown>): Promise<unknown>;
  /** One page from a URL the API named; the request is otherwise the first page's (headers, secret). */
  follow(url: string): Promise<unknown>;
  /** The first page's URL: the base a relative next link resolves against, and where the secret is copied from. */
  readonly firstUrl: string;
  /** The query parameter carrying the secret, when it travels in the query. */
  readonly authQuery?: string;
}

export async function* pageItems(
  operationId: string,
  spec: PageSpec,
  params: Record<string, unknown>,
  source: PageSource,
): AsyncGenerator<unknown, void, undefined> {
  if (spec.style === 'next-link') return yield* nextLinkItems(operationId, spec, params, source);
  if (spec.style === 'cursor') return yield* cursorItems(operationId, spec, params, source);
  for (let page = Number(params[spec.pageParam] ?? 1); ; page++) {
    const body = await source.page({ ...params, [spec.pageParam]: page });
    const items = valueAt(body, spec.itemsPath);
    if (!Array.isArray(items) || items.length === 0) return;
    yield* items;
    if (spec.totalPagesPath !== undefined) {
      const total = valueAt(body, spec.totalPagesPath);
      if (typeof total !== 'number' || page >= total) return;
    }
  }
}

async function* nextLinkItems(
  operationId: string,
  spec: Extract<PageSpec, { style: 'next-link' }>,
  params: Record<string, unknown>,
  source: PageSource,
): AsyncGenerator<unknown, void, undefined> {
  let url = source.firstUrl;
  let body = await source.page(params);
  for (;;) {
    const items = valueAt(body, spec.itemsPath);
    if (Array.isArray(items)) yield* items;
    // A top-level property, never split on dots: `@odata.nextLink` is one name.
    const link =
      body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[spec.nextLinkPath] : undefined;
    if (link === undefined || link === null || link === '') return;
    const next = nextUrl(operationId, link, url, source);
    url = next;
    body = await source.follow(next);
  }
}

/**
 * The absolute URL of a next link, on the first page's origin only: the request carries the
 * credential, which must not reach a host the connector does not name. A link without the
 * query secret gets it back, since the first request had it.
 */
export function nextUrl(operationId: string, link: unknown, current: string, source: PageSource): string {
  if (typeof link !== 'string')
    throw new ClientError(`${operationId}: the next link is a ${typeof link}, not a URL string`, operationId);
  let url: URL;
  try {
    url = new URL(link, current);
  } catch {
    throw new ClientError(`${operationId}: the next link is not a URL`, operationId);
  }
  const first = new URL(source.firstUrl);
  if (url.origin !== first.origin)
    throw new ClientError(
      `${operationId}: the next link goes to ${url.origin}, not ${first.origin}; the client does not send the credential to another host`,
      operationId,
    );
  const name = source.authQuery;
  const secret = name === undefined ? null : first.searchParams.get(name);
  if (name !== undefined && secret !== null && !url.searchParams.has(name)) url.searchParams.set(name, secret);
  const out = url.toString();
  // A link back to the same page would loop forever.
  if (out === current) throw new ClientError(`${operationId}: the next link repeats the current page`, operationId);
  return out;
}

async function* cursorItems(
  operationId: string,
  spec: Extract<PageSpec, { style: 'cursor' }>,
  params: Record<string, unknown>,
  source: PageSource,
): AsyncGenerator<unknown, void, undefined> {
  let cursor = params[spec.cursorParam];
  for (;;) {
    const body = await source.page(cursor === undefined ? params : { ...params, [spec.cursorParam]: cursor });
    const items = valueAt(body, spec.itemsPath);
    if (Array.isArray(items)) yield* items;
    const next = valueAt(body, spec.nextCursorPath);
    if (next === undefined || next === null || next === '') return;
    // The same cursor again would fetch the same page forever.
    if (next === cursor)
      throw new ClientError(`${operationId}: the response repeats the cursor it was sent`, operationId);
    cursor = next;
  }
}

/** The value at a dotted path; the empty path is the value itself (a list that is the whole body). */
function valueAt(value: unknown, dotted: string): unknown {
  if (dotted === '') return value;
  let cur = value;
  for (const key of dotted.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}
