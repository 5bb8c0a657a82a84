/**
 * A small, valid connector for unit tests: a list feeding a dropdown, a get, a create with a
 * body. Tests derive invalid variants from it with `variant(...)`.
 */
import { defineConnector, operation, path, query, t, type Connector, type ConnectorSpec } from '../../src/model';

export const listWidgets = operation({
  id: 'WidgetList',
  method: 'get',
  path: '/widgets',
  summary: 'List widgets',
  description: 'Lists the widgets of the account.',
  params: { page: query(t.integer({ format: 'int32', title: 'Page', description: 'The page.' })) },
  responses: {
    200: t.partial({
      total_pages: t.integer({ format: 'int32', title: 'Total Pages', description: 'The total pages.' }),
      widgets: t.array(
        t.partial({
          id: t.id({ title: 'ID', description: 'The id.' }),
          name: t.string({ title: 'Name', description: 'The name.' }),
        }),
        { title: 'Widgets' },
      ),
    }),
  },
  pagination: { style: 'page-number', pageParam: 'page', itemsPath: 'widgets', totalPagesPath: 'total_pages' },
});

export const getWidget = operation({
  id: 'WidgetGet',
  method: 'get',
  path: '/widgets/{widget_id}',
  summary: 'Get a widget',
  description: 'Gets one widget.',
  params: {
    widget_id: path(t.string({ title: 'Widget ID', description: 'The widget.' }), {
      dynamicValues: { from: listWidgets, collection: 'widgets', value: 'id', title: 'name' },
    }),
  },
  responses: { 200: t.partial({ id: t.id({ title: 'ID', description: 'The id.' }) }) },
});

export const createWidget = operation({
  id: 'WidgetAdd',
  method: 'post',
  path: '/widgets',
  summary: 'Create a widget',
  description: 'Creates a widget.',
  body: t.object({
    name: t.string({ title: 'Name', description: 'The name.' }),
    color: t.optional(t.string({ title: 'Color', description: 'The color.', enum: ['red', 'blue'] })),
  }),
  responses: { 201: t.partial({ id: t.id({ title: 'ID', description: 'The id.' }) }) },
});

export const sampleSpec: ConnectorSpec = {
  id: 'widgets',
  title: 'Widgets',
  description: 'Widgets is a service that keeps track of the widgets of an account.',
  version: '1.0',
  host: 'api.widgets.example',
  basePath: '/v1',
  schemes: ['https'],
  contact: { name: 'A Person', url: 'https://widgets.example', email: 'person@widgets.example' },
  metadata: {
    website: 'https://widgets.example',
    privacyPolicy: 'https://widgets.example/privacy',
    categories: ['Productivity'],
  },
  publisher: 'A Person',
  stackOwner: 'Widgets',
  iconBrandColor: '#da3b01',
  auth: {
    type: 'apiKey',
    parameter: 'api_key',
    securityName: 'API Key',
    in: 'header',
    name: 'X-Api-Key',
    ui: { displayName: 'API Key', description: 'The API key.' },
  },
  throttling: { calls: 10, renewalSeconds: 1 },
  operations: [listWidgets, getWidget, createWidget],
  readme: { prerequisites: 'An account.', obtainingCredentials: 'Create a key in settings.', knownIssues: 'None.' },
};

export const sample: Connector = defineConnector(sampleSpec);

/** A connector with some spec fields replaced (operations can be rewritten by `ops`). */
export function variant(patch: Partial<ConnectorSpec> = {}): Connector {
  return defineConnector({ ...sampleSpec, ...patch });
}
