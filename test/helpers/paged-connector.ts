/**
 * A connector whose lists page by next link and by cursor, and whose search has required
 * internal parameters with defaults: the client tests' subject for those route features.
 */
import { header, operation, query, t, type Operation } from '../../src/model';
import { variant } from './sample-connector';

const item = t.partial({ id: t.integer({ format: 'int32', title: 'ID', description: 'The id.' }) });
const text = (title: string) => t.string({ title, description: `The ${title.toLowerCase()}.` });

export const linked = operation({
  id: 'WidgetLinked',
  method: 'get',
  path: '/widgets',
  summary: 'List widgets',
  description: 'Lists widgets by next link.',
  params: { 'x-tenant': header(text('Tenant')) },
  responses: { 200: t.partial({ value: t.array(item), '@odata.nextLink': text('Next Link') }) },
  pagination: { style: 'next-link', nextLinkPath: '@odata.nextLink', itemsPath: 'value' },
});
export const cursored = operation({
  id: 'WidgetCursor',
  method: 'get',
  path: '/cursor',
  summary: 'List widgets',
  description: 'Lists widgets by cursor.',
  params: { color: query(text('Color')) },
  responses: { 200: t.partial({ widgets: t.array(item), paging: t.partial({ next: text('Next') }) }) },
  pagination: { style: 'cursor', cursorParam: 'after', nextCursorPath: 'paging.next', itemsPath: 'widgets' },
});
export const search = operation({
  id: 'WidgetSearch',
  method: 'get',
  path: '/search',
  summary: 'Search widgets',
  description: 'Searches widgets.',
  params: {
    'api-version': query(t.string({ title: 'API Version', description: 'The version.', default: '2024-01-01' }), {
      required: true,
      visibility: 'internal',
    }),
    'x-format': header(t.string({ title: 'Format', description: 'The format.', default: 'full' }), {
      required: true,
      visibility: 'internal',
    }),
    // Not required: Power Automate leaves it out, so the client does too.
    limit: query(t.integer({ format: 'int32', title: 'Limit', description: 'The limit.', default: 10 }), {
      visibility: 'internal',
    }),
  },
  responses: { 200: t.partial({ ok: t.boolean({ title: 'OK', description: 'Whether it worked.' }) }) },
});
export const pagedOps: Operation[] = [linked, cursored, search];
export const paged = variant({ id: 'paged', title: 'Paged', operations: pagedOps });
