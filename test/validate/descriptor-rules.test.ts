/**
 * Descriptor rules as a table: each row is one invalid descriptor and the one diagnostic it must
 * produce, located at the connector, operation and field.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formData, operation, path as pathParam, query, response, t, type Operation } from '../../src/model';
import { validateDescriptor } from '../../src/validate/descriptor-rules';
import { formatDiagnostic } from '../../src/diagnostics';
import { DIAGNOSTICS, type DiagnosticCode } from '../../src/validate/diagnostics';
import { createWidget, getWidget, listWidgets, sample, sampleSpec, variant } from '../helpers/sample-connector';

const op = (patch: Record<string, unknown>, base: Operation = createWidget): Operation =>
  operation({ ...(base as any), ...patch });
const withOps = (...ops: Operation[]) => variant({ operations: ops });
const others = [listWidgets, getWidget];

type Row = [DiagnosticCode, ReturnType<typeof variant>, { operation?: string; field?: string }];

/** WidgetAdd as a multipart upload: a file and a text field, no JSON body. */
const upload = (patch: Record<string, unknown> = {}): Operation =>
  op({
    body: undefined,
    consumes: ['multipart/form-data'],
    params: {
      file: formData(t.file({ title: 'File', description: 'The file.' }), { required: true }),
      note: formData(t.string({ title: 'Note', description: 'A note.' })),
    },
    ...patch,
  });

const table: Row[] = [
  ['connector-id-invalid', variant({ id: '../Widgets' }), { field: 'id' }],
  ['title-missing', variant({ title: '' }), { field: 'title' }],
  ['title-too-long', variant({ title: 'Widgets and Gadgets and Gizmos Inc' }), { field: 'title' }],
  ['title-ends-badly', variant({ title: 'Widgets!' }), { field: 'title' }],
  ['description-length', variant({ description: 'Too short.' }), { field: 'description' }],
  ['contact-missing', variant({ contact: { ...sampleSpec.contact, url: '' } }), { field: 'contact.url' }],
  [
    'contact-email-invalid',
    variant({ contact: { ...sampleSpec.contact, email: 'not an email' } }),
    { field: 'contact.email' },
  ],
  [
    'metadata-missing',
    variant({ metadata: { ...sampleSpec.metadata, privacyPolicy: '' } }),
    { field: 'metadata.privacyPolicy' },
  ],
  [
    'category-invalid',
    variant({ metadata: { ...sampleSpec.metadata, categories: ['Gadgets' as any] } }),
    { field: 'metadata.categories' },
  ],
  [
    'too-many-categories',
    variant({ metadata: { ...sampleSpec.metadata, categories: ['AI', 'Data', 'Finance'] } }),
    { field: 'metadata.categories' },
  ],
  ['icon-brand-color-invalid', variant({ iconBrandColor: 'orange' }), { field: 'iconBrandColor' }],
  ['host-invalid', variant({ host: 'https://api.widgets.example/v1' }), { field: 'host' }],
  ['base-path-invalid', variant({ basePath: 'v1' }), { field: 'basePath' }],
  ['throttling-invalid', variant({ throttling: { calls: 0, renewalSeconds: 60 } }), { field: 'throttling' }],
  [
    'auth-invalid',
    variant({ auth: { ...(sampleSpec.auth as any), parameter: 'api key' } }),
    { field: 'auth.parameter' },
  ],
  [
    'too-many-operations',
    withOps(...others, ...Array.from({ length: 256 }, (_, i) => op({ id: `Op${i}`, path: `/w${i}` }))),
    { field: 'operations' },
  ],
  ['operation-id-missing', withOps(...others, op({ id: '' })), { operation: 'POST /widgets', field: 'id' }],
  [
    'client-name-invalid',
    withOps(...others, op({ clientName: 'call' })),
    { operation: 'WidgetAdd', field: 'clientName' },
  ],
  [
    'client-name-duplicate',
    withOps(listWidgets, getWidget, op({ clientName: 'widgetList' })),
    { operation: 'WidgetAdd', field: 'clientName' },
  ],
  ['method-invalid', withOps(...others, op({ method: 'GET' })), { operation: 'WidgetAdd', field: 'method' }],
  // Every typed/declared pair has its row, with its .ts location, in typed-declared.test.ts.
  [
    'typed-declared-conflict',
    withOps(...others, op({ declared: { operation: { parameters: [] } } }, listWidgets)),
    { operation: 'WidgetList', field: 'params' },
  ],
  // What only --no-typecheck lets through: a number where the summary's string belongs.
  ['descriptor-value-invalid', withOps(...others, op({ summary: 42 })), { operation: 'WidgetAdd' }],
  [
    'operation-id-invalid',
    withOps(...others, op({ id: 'create-widget' })),
    { operation: 'create-widget', field: 'id' },
  ],
  ['duplicate-operation-id', withOps(...others, op({ id: 'WidgetList' })), { operation: 'WidgetList', field: 'id' }],
  [
    'duplicate-route',
    withOps(...others, createWidget, op({ id: 'WidgetAdd2' })),
    { operation: 'WidgetAdd2', field: 'path' },
  ],
  ['path-invalid', withOps(...others, op({ path: '/widgets?x=1' })), { operation: 'WidgetAdd', field: 'path' }],
  [
    'path-param-undeclared',
    withOps(...others, op({ path: '/widgets/{group}' })),
    { operation: 'WidgetAdd', field: 'params.group' },
  ],
  [
    'path-param-not-in-template',
    withOps(...others, op({ params: { group: pathParam(t.string({ title: 'Group', description: 'The group.' })) } })),
    { operation: 'WidgetAdd', field: 'params.group' },
  ],
  ['summary-missing', withOps(...others, op({ summary: '' })), { operation: 'WidgetAdd', field: 'summary' }],
  [
    'summary-too-long',
    withOps(...others, op({ summary: `Create a widget ${'very '.repeat(14)}well` })),
    { operation: 'WidgetAdd', field: 'summary' },
  ],
  [
    'summary-restricted-characters',
    withOps(...others, op({ summary: 'Create/update a widget' })),
    { operation: 'WidgetAdd', field: 'summary' },
  ],
  [
    'operation-description-missing',
    withOps(...others, op({ description: '' })),
    { operation: 'WidgetAdd', field: 'description' },
  ],
  [
    'visibility-invalid',
    withOps(...others, op({ visibility: 'hidden' })),
    { operation: 'WidgetAdd', field: 'visibility' },
  ],
  [
    'body-on-get',
    withOps(op({ body: listWidgets.responses[200] }, listWidgets), getWidget, createWidget),
    { operation: 'WidgetList', field: 'body' },
  ],
  [
    'multiple-bodies',
    withOps(...others, op({ params: { extra: { kind: 'param', in: 'body', schema: t.object({}), required: true } } })),
    { operation: 'WidgetAdd', field: 'body' },
  ],
  [
    'body-and-form-data',
    withOps(...others, upload({ body: createWidget.body })),
    { operation: 'WidgetAdd', field: 'body' },
  ],
  [
    'file-outside-form',
    withOps(...others, op({ params: { f: query(t.file({ title: 'F', description: 'F.' })) } })),
    { operation: 'WidgetAdd', field: 'params.f' },
  ],
  [
    'form-consumes-missing',
    withOps(...others, upload({ consumes: ['application/x-www-form-urlencoded'] })),
    { operation: 'WidgetAdd', field: 'consumes' },
  ],
  [
    'whole-body-input-clash',
    withOps(
      ...others,
      op({
        body: t.array(t.string({ title: 'Tag', description: 'A tag.' }), { title: 'Tags', description: 'Tags.' }),
        params: { body: query(t.string({ title: 'Body', description: 'Body.' })) },
      }),
    ),
    { operation: 'WidgetAdd', field: 'params.body' },
  ],
  [
    'param-location-invalid',
    withOps(
      ...others,
      op({
        params: {
          f: { kind: 'param', in: 'cookie', schema: t.string({ title: 'F', description: 'F.' }), required: false },
        },
      }),
    ),
    { operation: 'WidgetAdd', field: 'params.f' },
  ],
  [
    'param-not-primitive',
    withOps(
      ...others,
      op({ params: { filter: query(t.object({ a: t.string() }, { title: 'Filter', description: 'Filter.' })) } }),
    ),
    { operation: 'WidgetAdd', field: 'params.filter' },
  ],
  [
    'param-summary-missing',
    withOps(...others, op({ params: { q: query(t.string({ description: 'Search.' })) } })),
    { operation: 'WidgetAdd', field: 'params.q' },
  ],
  [
    'param-description-missing',
    withOps(...others, op({ params: { q: query(t.string({ title: 'Search' })) } })),
    { operation: 'WidgetAdd', field: 'params.q' },
  ],
  [
    'param-name-clash',
    withOps(...others, op({ params: { name: query(t.string({ title: 'Name', description: 'Name.' })) } })),
    { operation: 'WidgetAdd', field: 'body.name' },
  ],
  [
    'param-name-reserved',
    withOps(
      ...others,
      op({ params: { connectionId: query(t.string({ title: 'Connection', description: 'Connection.' })) } }),
    ),
    { operation: 'WidgetAdd', field: 'params.connectionId' },
  ],
  [
    'no-success-response',
    withOps(...others, op({ responses: { 400: response('Bad request') } })),
    { operation: 'WidgetAdd', field: 'responses' },
  ],
  [
    'default-response-has-schema',
    withOps(
      ...others,
      op({ responses: { 201: response('Created'), default: { description: 'Error', schema: t.object({}) } } }),
    ),
    { operation: 'WidgetAdd', field: 'responses.default' },
  ],
  [
    'many-responses-with-schema',
    withOps(...others, op({ responses: { 200: t.partial({ a: t.string() }), 201: t.partial({ b: t.string() }) } })),
    { operation: 'WidgetAdd', field: 'responses' },
  ],
  [
    'pagination-invalid',
    withOps(
      op(
        { pagination: { style: 'page-number', pageParam: 'page', itemsPath: 'items', totalPagesPath: 'total_pages' } },
        listWidgets,
      ),
      getWidget,
      createWidget,
    ),
    { operation: 'WidgetList', field: 'pagination' },
  ],
  [
    'empty-properties',
    withOps(...others, op({ body: { type: 'object', properties: { meta: { type: 'object', properties: {} } } } })),
    { operation: 'WidgetAdd', field: 'body.meta' },
  ],
  [
    'integer-format-missing',
    withOps(...others, op({ body: { type: 'object', properties: { n: { type: 'integer' } } } })),
    { operation: 'WidgetAdd', field: 'body.n' },
  ],
  [
    'format-invalid',
    withOps(...others, op({ body: { type: 'object', properties: { n: { type: 'integer', format: 'int16' } } } })),
    { operation: 'WidgetAdd', field: 'body.n' },
  ],
  [
    'enum-empty-value',
    withOps(
      ...others,
      op({ params: { sort: query(t.string({ title: 'Sort', description: 'Sort.', enum: ['', 'name'] })) } }),
    ),
    { operation: 'WidgetAdd', field: 'params.sort' },
  ],
  [
    'enum-invalid',
    withOps(
      ...others,
      op({ params: { sort: query(t.string({ title: 'Sort', description: 'Sort.', enum: ['name', 'name'] })) } }),
    ),
    { operation: 'WidgetAdd', field: 'params.sort' },
  ],
  [
    'required-property-missing',
    withOps(...others, op({ body: { type: 'object', properties: { a: { type: 'string' } }, required: ['a', 'b'] } })),
    { operation: 'WidgetAdd', field: 'body' },
  ],
  [
    'body-property-undescribed',
    withOps(
      ...others,
      op({
        body: t.object({
          name: t.string({ title: 'Name', description: 'The name.' }),
          color: t.optional(t.string({ description: 'The color.' })),
        }),
      }),
    ),
    { operation: 'WidgetAdd', field: 'body.color' },
  ],
  [
    'body-property-undescribed',
    withOps(
      ...others,
      op({
        body: t.object({
          size: t.partial({ width: t.integer({ format: 'int32' }) }, { title: 'Size', description: 'The size.' }),
        }),
      }),
    ),
    { operation: 'WidgetAdd', field: 'body.size.width' },
  ],
  [
    'integer-format-missing',
    withOps(
      ...others,
      op({
        declared: {
          pathItem: {
            'x-ms-notification-content': {
              description: 'A widget event.',
              schema: { type: 'object', properties: { count: { type: 'integer', title: 'Count' } } },
            },
          },
        },
      }),
    ),
    { operation: 'WidgetAdd', field: 'notification.count' },
  ],
  [
    'dynamic-values-sibling-missing',
    withOps(
      listWidgets,
      createWidget,
      op(
        {
          params: {
            widget_id: pathParam(t.string({ title: 'W', description: 'W.' }), {
              dynamicValues: {
                from: 'WidgetList',
                collection: 'widgets',
                value: 'id',
                title: 'name',
                parameters: { page: { parameter: 'page_number' } },
              },
            }),
          },
        },
        getWidget,
      ),
    ),
    { operation: 'WidgetGet', field: 'params.widget_id' },
  ],
  [
    'dynamic-values-target-missing',
    withOps(getWidget, createWidget),
    { operation: 'WidgetGet', field: 'params.widget_id' },
  ],
  [
    'dynamic-values-collection-missing',
    withOps(
      listWidgets,
      createWidget,
      op(
        {
          params: {
            widget_id: pathParam(t.string({ title: 'W', description: 'W.' }), {
              dynamicValues: { from: listWidgets, collection: 'items', value: 'id', title: 'name' },
            }),
          },
        },
        getWidget,
      ),
    ),
    { operation: 'WidgetGet', field: 'params.widget_id' },
  ],
  [
    'dynamic-values-property-missing',
    withOps(
      listWidgets,
      createWidget,
      op(
        {
          params: {
            widget_id: pathParam(t.string({ title: 'W', description: 'W.' }), {
              dynamicValues: { from: listWidgets, collection: 'widgets', value: 'uuid', title: 'name' },
            }),
          },
        },
        getWidget,
      ),
    ),
    { operation: 'WidgetGet', field: 'params.widget_id' },
  ],
  [
    'dynamic-values-parameter-missing',
    withOps(
      listWidgets,
      createWidget,
      op(
        {
          params: {
            widget_id: pathParam(t.string({ title: 'W', description: 'W.' }), {
              dynamicValues: {
                from: 'WidgetList',
                collection: 'widgets',
                value: 'id',
                title: 'name',
                parameters: { folder: { value: 1 } },
              },
            }),
          },
        },
        getWidget,
      ),
    ),
    { operation: 'WidgetGet', field: 'params.widget_id' },
  ],
];

const dropdownFrom = (parameters: Record<string, { value: unknown } | { parameter: string }>) =>
  op(
    {
      params: {
        widget_id: pathParam(t.string({ title: 'W', description: 'W.' }), {
          dynamicValues: { from: 'WidgetList', collection: 'widgets', value: 'id', title: 'name', parameters },
        }),
        page_number: query(t.integer({ format: 'int32', title: 'Page', description: 'The page.' })),
      },
    },
    getWidget,
  );

/** Near misses: each looks like a row above but is right, and must report nothing of that code. */
const clean: [DiagnosticCode, string, ReturnType<typeof variant>][] = [
  [
    'body-property-undescribed',
    'an internal property (and what it holds) needs no label',
    withOps(
      ...others,
      op({
        body: t.object({
          name: t.string({ title: 'Name', description: 'The name.' }),
          meta: t.partial({ v: t.string() }, { visibility: 'internal' }),
        }),
      }),
    ),
  ],
  [
    'body-property-undescribed',
    'a title without a description is enough',
    withOps(...others, op({ body: t.object({ name: t.string({ title: 'Name' }) }) })),
  ],
  [
    'body-property-undescribed',
    'array items are not properties',
    withOps(...others, op({ body: t.object({ tags: t.array(t.string(), { title: 'Tags', description: 'Tags.' }) }) })),
  ],
  [
    'dynamic-values-sibling-missing',
    'a parameter of the operation',
    withOps(listWidgets, createWidget, dropdownFrom({ page: { parameter: 'page_number' } })),
  ],
  [
    'dynamic-values-sibling-missing',
    'a fixed value',
    withOps(listWidgets, createWidget, dropdownFrom({ page: { value: 2 } })),
  ],
  [
    'dynamic-values-sibling-missing',
    'a body property of the operation',
    withOps(
      listWidgets,
      getWidget,
      op({
        body: t.object({
          name: t.string({ title: 'Name', description: 'The name.' }),
          widget: t.string({
            title: 'Widget',
            description: 'The widget.',
            dynamicValues: {
              from: 'WidgetList',
              collection: 'widgets',
              value: 'id',
              title: 'name',
              parameters: { page: { parameter: 'name' } },
            },
          }),
        }),
      }),
    ),
  ],
  [
    'integer-format-missing',
    'a notification integer with a format',
    withOps(
      ...others,
      op({
        declared: {
          pathItem: {
            'x-ms-notification-content': {
              schema: { type: 'object', properties: { count: { type: 'integer', format: 'int32' } } },
            },
          },
        },
      }),
    ),
  ],
];

describe('descriptor rules', () => {
  test.each(clean)('%s: not reported for %s', (code, _name, connector) => {
    expect(validateDescriptor(connector).filter((d) => d.code === code)).toEqual([]);
  });

  test('the sample connector is clean', () => {
    expect(validateDescriptor(sample)).toEqual([]);
  });

  test.each([
    ['a multipart upload', upload()],
    [
      'urlencoded text fields',
      upload({
        consumes: ['application/x-www-form-urlencoded'],
        params: { note: formData(t.string({ title: 'Note', description: 'A note.' }), { required: true }) },
      }),
    ],
  ])('%s is clean', (_name, form) => {
    expect(validateDescriptor(withOps(...others, form))).toEqual([]);
  });

  test.each([
    [
      'an array',
      t.array(t.object({ name: t.string({ title: 'Name', description: 'The name.' }) }), { title: 'Widgets' }),
    ],
    ['a string', t.string({ title: 'Note', description: 'The note.' })],
  ])('%s body, taken whole as the input `body`, is clean', (_name, body) => {
    expect(validateDescriptor(withOps(...others, op({ body })))).toEqual([]);
  });

  test('the table has a row for every code the descriptor rules report (at least 20)', () => {
    const source = fs.readFileSync(path.join(__dirname, '../../src/validate/descriptor-rules.ts'), 'utf8');
    const reported = new Set([...source.matchAll(/report\(\s*'([a-z0-9-]+)'/g)].map((m) => m[1]!));
    expect(reported.size).toBeGreaterThanOrEqual(20);
    for (const code of reported) expect(DIAGNOSTICS).toHaveProperty([code]);
    expect(new Set(table.map((r) => r[0]))).toEqual(reported);
  });

  test.each(table)('%s', (code, connector, where) => {
    const found = validateDescriptor(connector);
    const hit = found.filter((d) => d.code === code);
    expect(hit.length).toBeGreaterThanOrEqual(1);
    expect(hit[0]).toMatchObject({
      connector: connector.id === '../Widgets' ? '../Widgets' : 'widgets',
      severity: DIAGNOSTICS[code].severity,
      ...where,
    });
    // The text a user sees names the place and says how to fix it.
    const text = formatDiagnostic(hit[0]!);
    for (const part of [where.operation, where.field]) if (part) expect(text).toContain(part);
    expect(text).toContain('fix:');
  });
});
