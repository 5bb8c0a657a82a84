/**
 * diffSwagger on a small inline connector: one row per deliberate edit, with the rule that must
 * fire and whether it breaks flows in the field. Self-contained (no shared/ files).
 */
import { diffSwagger, type ChangeRule } from '../../src/diff/breaking-changes';

type Json = Record<string, any>;

function base(): Json {
  return {
    swagger: '2.0',
    info: { title: 'Widgets', version: '1.0' },
    paths: {
      '/widgets': {
        get: {
          operationId: 'WidgetList',
          parameters: [
            { name: 'page', in: 'query', required: false, type: 'integer', format: 'int32' },
            { name: 'sort', in: 'query', required: false, type: 'string', enum: ['name', 'created_at'] },
          ],
          responses: {
            200: {
              description: 'OK',
              schema: {
                type: 'object',
                properties: {
                  widgets: { type: 'array', items: { $ref: '#/definitions/Widget' } },
                  total: { type: 'integer', format: 'int32' },
                },
              },
            },
          },
        },
        post: {
          operationId: 'WidgetAdd',
          parameters: [
            {
              name: 'body',
              in: 'body',
              required: true,
              schema: {
                type: 'object',
                required: ['name'],
                properties: { name: { type: 'string' }, color: { type: 'string' } },
              },
            },
          ],
          responses: { 201: { description: 'Created', schema: { $ref: '#/definitions/Widget' } } },
        },
      },
      '/widgets/{id}': {
        get: {
          operationId: 'WidgetGet',
          parameters: [
            { name: 'id', in: 'path', required: true, type: 'string' },
            { name: 'X-Trace', in: 'header', required: false, type: 'string' },
          ],
          responses: { 200: { description: 'OK', schema: { $ref: '#/definitions/Widget' } } },
        },
        delete: {
          operationId: 'WidgetDelete',
          parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }],
          responses: { 204: { description: 'Gone' } },
        },
      },
    },
    definitions: {
      Widget: {
        type: 'object',
        properties: {
          id: { type: 'integer', format: 'int32' },
          name: { type: 'string' },
          tags: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  };
}

const list = (d: Json) => d.paths['/widgets'].get;
const add = (d: Json) => d.paths['/widgets'].post;
const getOne = (d: Json) => d.paths['/widgets/{id}'].get;
const widget = (d: Json) => d.definitions.Widget;
function movePath(d: Json, from: string, to: string) {
  d.paths[to] = d.paths[from];
  delete d.paths[from];
}

type Row = [edit: string, mutate: (d: Json) => void, rule: ChangeRule, breaking: boolean, operationId: string];
const rows: Row[] = [
  ['delete an operation', (d) => delete d.paths['/widgets/{id}'].delete, 'operation-removed', true, 'WidgetDelete'],
  ['rename an operationId', (d) => (list(d).operationId = 'ListWidgets'), 'operation-id-changed', true, 'WidgetList'],
  ['change the path template', (d) => movePath(d, '/widgets/{id}', '/widget/{id}'), 'path-changed', true, 'WidgetGet'],
  [
    'rename a path variable',
    (d) => {
      movePath(d, '/widgets/{id}', '/widgets/{widget_id}');
      d.paths['/widgets/{widget_id}'].get.parameters[0].name = 'widget_id';
    },
    'path-changed',
    true,
    'WidgetGet',
  ],
  [
    'change the HTTP method',
    (d) => {
      d.paths['/widgets'].put = add(d);
      delete d.paths['/widgets'].post;
    },
    'method-changed',
    true,
    'WidgetAdd',
  ],
  [
    'move a parameter from query to header',
    (d) => (list(d).parameters[0].in = 'header'),
    'parameter-moved',
    true,
    'WidgetList',
  ],
  [
    'add a required query input',
    (d) => list(d).parameters.push({ name: 'account', in: 'query', required: true, type: 'string' }),
    'required-input-added',
    true,
    'WidgetList',
  ],
  [
    'add a required body property',
    (d) => {
      add(d).parameters[0].schema.properties.size = { type: 'integer' };
      add(d).parameters[0].schema.required.push('size');
    },
    'required-input-added',
    true,
    'WidgetAdd',
  ],
  [
    'make an optional input required',
    (d) => (list(d).parameters[0].required = true),
    'input-made-required',
    true,
    'WidgetList',
  ],
  ['remove an input', (d) => getOne(d).parameters.pop(), 'input-removed', true, 'WidgetGet'],
  ['change an input type', (d) => (list(d).parameters[0].type = 'string'), 'input-type-changed', true, 'WidgetList'],
  ['remove an enum value', (d) => list(d).parameters[1].enum.pop(), 'enum-value-removed', true, 'WidgetList'],
  [
    'restrict a free input to an enum',
    (d) => (getOne(d).parameters[1].enum = ['a']),
    'enum-value-removed',
    true,
    'WidgetGet',
  ],
  [
    'change an output type',
    (d) => (widget(d).properties.id = { type: 'string' }),
    'output-type-changed',
    true,
    'WidgetGet',
  ],
  [
    'change an array output item type',
    (d) => (widget(d).properties.tags.items = { type: 'integer' }),
    'output-type-changed',
    true,
    'WidgetGet',
  ],
  ['remove an output field', (d) => delete widget(d).properties.name, 'output-field-removed', true, 'WidgetAdd'],
  [
    'remove a nested output field',
    (d) => delete list(d).responses[200].schema.properties.total,
    'output-field-removed',
    true,
    'WidgetList',
  ],
  [
    'add an operation',
    (d) =>
      (d.paths['/widgets/{id}'].put = {
        operationId: 'WidgetUpdate',
        parameters: [],
        responses: { 200: { description: 'OK' } },
      }),
    'operation-added',
    false,
    'WidgetUpdate',
  ],
  [
    'add an optional input',
    (d) => list(d).parameters.push({ name: 'q', in: 'query', required: false, type: 'string' }),
    'optional-input-added',
    false,
    'WidgetList',
  ],
  [
    'add an optional body property',
    (d) => (add(d).parameters[0].schema.properties.size = { type: 'integer' }),
    'optional-input-added',
    false,
    'WidgetAdd',
  ],
  [
    'make a required input optional',
    (d) => (add(d).parameters[0].schema.required = []),
    'input-made-optional',
    false,
    'WidgetAdd',
  ],
  [
    'add an output field',
    (d) => (widget(d).properties.created_at = { type: 'string', format: 'date-time' }),
    'output-field-added',
    false,
    'WidgetGet',
  ],
  ['widen int32 to int64', (d) => (widget(d).properties.id.format = 'int64'), 'type-widened', false, 'WidgetGet'],
  ['add an enum value', (d) => list(d).parameters[1].enum.push('updated_at'), 'enum-value-added', false, 'WidgetList'],
];

describe('diffSwagger', () => {
  test('identical documents: no changes', () => {
    expect(diffSwagger(base(), base())).toEqual([]);
  });

  test('the table has at least 15 edits, breaking and non-breaking', () => {
    expect(rows.length).toBeGreaterThanOrEqual(15);
    expect(rows.filter((r) => r[3]).length).toBeGreaterThanOrEqual(15);
    expect(rows.filter((r) => !r[3]).length).toBeGreaterThanOrEqual(5);
  });

  test.each(rows.map(([e, m, r, b, id]) => [`${e} -> ${r}`, m, r, b, id] as const))(
    '%s',
    (_edit, mutate, rule, breaking, operationId) => {
      const next = base();
      mutate(next);
      const changes = diffSwagger(base(), next);
      const hit = changes.find((c) => c.rule === rule && c.operationId === operationId);
      expect(hit).toBeDefined();
      expect(hit!.breaking).toBe(breaking);
      // A non-breaking edit must not be flagged as breaking by any other rule.
      if (!breaking) expect(changes.filter((c) => c.breaking)).toEqual([]);
    },
  );
});
