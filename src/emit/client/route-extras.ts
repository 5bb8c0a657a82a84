/**
 * The parts of a client route that go beyond method, path and parameter places: how a list
 * pages, and the defaults the client sends for parameters its callers never see.
 */
import type { Operation, Pagination } from '../../model/operation';
import type { PageSpec } from '../../runtime/types';

/** The runtime's page spec; page-number routes keep their style-less shape (it predates the other styles). */
export function pageRoute(pg: Pagination): PageSpec {
  switch (pg.style) {
    case 'page-number':
      return { pageParam: pg.pageParam, itemsPath: pg.itemsPath, totalPagesPath: pg.totalPagesPath };
    case 'page-until-empty':
      return { pageParam: pg.pageParam, itemsPath: pg.itemsPath };
    case 'next-link':
      return { style: 'next-link', nextLinkPath: pg.nextLinkPath, itemsPath: pg.itemsPath };
    case 'cursor':
      return {
        style: 'cursor',
        cursorParam: pg.cursorParam,
        nextCursorPath: pg.nextCursorPath,
        itemsPath: pg.itemsPath,
      };
  }
}

/**
 * The query parameter the client sends while paging, declared or not (Broadcasts page with
 * `page` although the connector does not declare it), with its type; none for next links.
 */
export function pagingParam(pg: Pagination | undefined): { name: string; type: 'integer' | 'string' } | undefined {
  if (!pg || pg.style === 'next-link') return undefined;
  return pg.style === 'cursor' ? { name: pg.cursorParam, type: 'string' } : { name: pg.pageParam, type: 'integer' };
}

/**
 * Required internal parameters with a default: Power Automate hides them and sends the default,
 * so the client does the same and its callers need not pass them. Sorted by declaration order.
 */
export function internalDefaults(op: Operation): Record<string, unknown> | undefined {
  let out: Record<string, unknown> | undefined;
  for (const [name, p] of Object.entries(op.params)) {
    const visibility = p.visibility ?? p.schema['x-ms-visibility'];
    if (p.required && visibility === 'internal' && p.schema.default !== undefined)
      (out ??= {})[name] = p.schema.default;
  }
  return out;
}
