/**
 * What is wrong with an operation's pagination, as reasons for the pagination-invalid
 * diagnostic: the parameter the client pages with must be a query parameter, and every path the
 * client reads (items, total pages, next link, next cursor) must be in the success response.
 */
import { successSchema, type Operation } from '../model/operation';
import { schemaAt } from './schema-walk';

export function paginationProblems(op: Operation): string[] {
  const pg = op.pagination;
  if (!pg) return [];
  const out: string[] = [];
  const param = pg.style === 'next-link' ? undefined : pg.style === 'cursor' ? pg.cursorParam : pg.pageParam;
  const declared = param === undefined ? undefined : op.params[param];
  if (param !== undefined && declared && declared.in !== 'query') out.push(`${param} is not a query parameter`);
  // page-until-empty and cursor may leave their parameter undeclared: the client adds it.
  if (param !== undefined && !declared && pg.style === 'page-number')
    out.push(`${param} is not a declared query parameter`);
  const body = successSchema(op);
  if (schemaAt(body, pg.itemsPath)?.type !== 'array') out.push(`the response has no array at ${pg.itemsPath}`);
  if (pg.style === 'page-number' && !schemaAt(body, pg.totalPagesPath))
    out.push(`the response has no ${pg.totalPagesPath}`);
  // x-ms-pageable.nextLinkName names a top-level property; `@odata.nextLink` is one name, not a path.
  if (pg.style === 'next-link' && !body?.properties?.[pg.nextLinkPath])
    out.push(
      `the response has no top-level property ${pg.nextLinkPath} (nextLinkPath becomes x-ms-pageable.nextLinkName)`,
    );
  if (pg.style === 'cursor' && !schemaAt(body, pg.nextCursorPath))
    out.push(`the response has no ${pg.nextCursorPath} (nextCursorPath)`);
  return out;
}
