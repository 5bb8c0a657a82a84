/**
 * Pagination against the response schema, per style: every path the client reads must be in the
 * success response, and the parameter it pages with must be a query parameter. Each row is one
 * list operation and the exact reasons pagination-invalid gives for it.
 */
import { operation, path as pathParam, query, t, type Operation, type Pagination } from '../../src/model';
import { validateDescriptor } from '../../src/validate/descriptor-rules';
import { formatDiagnostic } from '../../src/diagnostics';
import { createWidget, getWidget, variant } from '../helpers/sample-connector';

const item = t.partial({ id: t.id({ title: 'ID', description: 'The id.' }) });
const listResponse = t.partial({
  widgets: t.array(item, { title: 'Widgets' }),
  total_pages: t.integer({ format: 'int32', title: 'Total Pages', description: 'The total pages.' }),
  '@odata.nextLink': t.string({ title: 'Next Link', description: 'The next page.' }),
  paging: t.partial({ next: t.string({ title: 'Next', description: 'The next cursor.' }) }),
});
const text = (title: string) => t.string({ title, description: `The ${title.toLowerCase()}.` });

function list(pagination: Pagination, params: Operation['params'] = {}, response: unknown = listResponse): Operation {
  return operation({
    id: 'WidgetList',
    method: 'get',
    path: params.tenant ? '/{tenant}/widgets' : '/widgets',
    summary: 'List widgets',
    description: 'Lists the widgets of the account.',
    params,
    responses: { 200: response as typeof listResponse },
    pagination,
  });
}

const page = { page: query(t.integer({ format: 'int32', title: 'Page', description: 'The page.' })) };
const rows: [string, Operation, string[]][] = [
  [
    'page-number, valid',
    list({ style: 'page-number', pageParam: 'page', itemsPath: 'widgets', totalPagesPath: 'total_pages' }, page),
    [],
  ],
  [
    'page-number, no totalPagesPath in the response',
    list({ style: 'page-number', pageParam: 'page', itemsPath: 'widgets', totalPagesPath: 'meta.pages' }, page),
    ['the response has no meta.pages'],
  ],
  [
    'page-number, page parameter undeclared',
    list({ style: 'page-number', pageParam: 'page', itemsPath: 'widgets', totalPagesPath: 'total_pages' }),
    ['page is not a declared query parameter'],
  ],
  [
    'page-until-empty, undeclared page parameter',
    list({ style: 'page-until-empty', pageParam: 'page', itemsPath: 'widgets' }),
    [],
  ],
  [
    'page-until-empty, body itself is the list',
    list({ style: 'page-until-empty', pageParam: 'page', itemsPath: '' }, {}, t.array(item)),
    [],
  ],
  [
    'page-until-empty, itemsPath not an array',
    list({ style: 'page-until-empty', pageParam: 'page', itemsPath: 'total_pages' }),
    ['the response has no array at total_pages'],
  ],
  [
    'next-link, @odata.nextLink is one top-level name',
    list({ style: 'next-link', nextLinkPath: '@odata.nextLink', itemsPath: 'widgets' }),
    [],
  ],
  [
    'next-link, nested link (x-ms-pageable names top-level properties only)',
    list({ style: 'next-link', nextLinkPath: 'paging.next', itemsPath: 'widgets' }),
    ['the response has no top-level property paging.next (nextLinkPath becomes x-ms-pageable.nextLinkName)'],
  ],
  [
    'next-link, no link and no items',
    list({ style: 'next-link', nextLinkPath: 'nextLink', itemsPath: 'value' }),
    [
      'the response has no array at value',
      'the response has no top-level property nextLink (nextLinkPath becomes x-ms-pageable.nextLinkName)',
    ],
  ],
  [
    'cursor, nested cursor, undeclared parameter',
    list({ style: 'cursor', cursorParam: 'after', nextCursorPath: 'paging.next', itemsPath: 'widgets' }),
    [],
  ],
  [
    'cursor, declared query parameter',
    list(
      { style: 'cursor', cursorParam: 'after', nextCursorPath: 'paging.next', itemsPath: 'widgets' },
      { after: query(text('After')) },
    ),
    [],
  ],
  [
    'cursor, no nextCursorPath in the response',
    list({ style: 'cursor', cursorParam: 'after', nextCursorPath: 'cursor', itemsPath: 'widgets' }),
    ['the response has no cursor (nextCursorPath)'],
  ],
  [
    'cursor, cursor parameter in the path',
    list(
      { style: 'cursor', cursorParam: 'tenant', nextCursorPath: 'paging.next', itemsPath: 'widgets' },
      { tenant: pathParam(text('Tenant')) },
    ),
    ['tenant is not a query parameter'],
  ],
];

describe('pagination-invalid', () => {
  test.each(rows)('%s', (_name, op, reasons) => {
    const found = validateDescriptor(variant({ operations: [op, getWidget, createWidget] })).filter(
      (d) => d.code === 'pagination-invalid',
    );
    expect(found.map((d) => d.message)).toEqual(reasons.map((r) => `pagination is invalid: ${r}`));
    for (const d of found) {
      expect(d).toMatchObject({
        connector: 'widgets',
        operation: 'WidgetList',
        field: 'pagination',
        severity: 'error',
      });
      // The user sees which operation and field, and how to fix it. (The .ts file:line comes from
      // the loader's site capture, keyed on the same operation and field: descriptor-sources.)
      const shown = formatDiagnostic(d);
      expect(shown).toContain('WidgetList > pagination');
      expect(shown).toContain('fix:');
    }
  });
});
