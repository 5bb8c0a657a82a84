/** The swagger emitter on the small sample connector: structure, x-ms-* keys, no smells. */
import { emitSwagger } from '../../src/emit/swagger';
import { jsonText } from '../../src/emit/json';
import { t } from '../../src/model';
import { schemaJson } from '../../src/emit/schema-object';
import { sample } from '../helpers/sample-connector';

const doc = emitSwagger(sample) as any;

describe('emitSwagger', () => {
  test('info, host, security and connector metadata come from the descriptor', () => {
    expect(doc.swagger).toBe('2.0');
    expect(doc.info).toEqual({
      title: 'Widgets',
      description: 'Widgets is a service that keeps track of the widgets of an account.',
      version: '1.0',
      contact: { name: 'A Person', url: 'https://widgets.example', email: 'person@widgets.example' },
    });
    expect(doc.host).toBe('api.widgets.example');
    expect(doc.securityDefinitions).toEqual({ 'API Key': { type: 'apiKey', in: 'header', name: 'X-Api-Key' } });
    expect(doc.security).toEqual([{ 'API Key': [] }]);
    expect(doc['x-ms-connector-metadata']).toEqual([
      { propertyName: 'Website', propertyValue: 'https://widgets.example' },
      { propertyName: 'Privacy policy', propertyValue: 'https://widgets.example/privacy' },
      { propertyName: 'Categories', propertyValue: 'Productivity' },
    ]);
  });

  test('operations are grouped by path, in descriptor order', () => {
    expect(Object.keys(doc.paths)).toEqual(['/widgets', '/widgets/{widget_id}']);
    expect(Object.keys(doc.paths['/widgets'])).toEqual(['get', 'post']);
  });

  test('a path parameter is required, single-encoded, titled and a dropdown', () => {
    expect(doc.paths['/widgets/{widget_id}'].get.parameters[0]).toEqual({
      name: 'widget_id',
      in: 'path',
      'x-ms-summary': 'Widget ID',
      'x-ms-url-encoding': 'single',
      description: 'The widget.',
      required: true,
      type: 'string',
      'x-ms-dynamic-values': {
        operationId: 'WidgetList',
        'value-collection': 'widgets',
        'value-path': 'id',
        'value-title': 'name',
      },
    });
  });

  test('the body becomes one body parameter with required properties listed', () => {
    const body = doc.paths['/widgets'].post.parameters[0];
    expect(body).toMatchObject({ name: 'body', in: 'body', required: true });
    expect(body.schema.required).toEqual(['name']);
    expect(body.schema.properties.color).toEqual({
      type: 'string',
      title: 'Color',
      description: 'The color.',
      enum: ['red', 'blue'],
    });
  });

  test('responses carry a reason description and the schema; ids are int64', () => {
    const r = doc.paths['/widgets'].post.responses;
    expect(Object.keys(r)).toEqual(['201']);
    expect(r['201'].description).toBe('Created');
    expect(r['201'].schema.properties.id).toEqual({
      type: 'integer',
      format: 'int64',
      title: 'ID',
      description: 'The id.',
    });
  });

  test('no "properties": {} and no integer without a format anywhere', () => {
    const text = jsonText(doc);
    expect(text).not.toMatch(/"properties": \{\}/);
    const walk = (v: any): void => {
      if (v && typeof v === 'object') {
        if (v.type === 'integer') expect(v.format).toMatch(/^int(32|64)$/);
        Object.values(v).forEach(walk);
      }
    };
    walk(doc);
  });
});

describe('schemaJson', () => {
  test.each([
    [
      'free-form map',
      t.record(t.string(), { title: 'Fields' }),
      { type: 'object', title: 'Fields', additionalProperties: { type: 'string' } },
    ],
    [
      'nullable string',
      t.string({ title: 'Name', nullable: true }),
      { type: 'string', title: 'Name', 'x-nullable': true },
    ],
    [
      'array of int64',
      t.array(t.id({ title: 'Items' }), { title: 'Tags' }),
      { type: 'array', title: 'Tags', items: { type: 'integer', format: 'int64', title: 'Items' } },
    ],
    ['optional keeps the schema', t.optional(t.boolean({ title: 'Flag' })), { type: 'boolean', title: 'Flag' }],
    [
      'fixed key order',
      { description: 'd', title: 'T', format: 'int32', type: 'integer' } as any,
      { type: 'integer', format: 'int32', title: 'T', description: 'd' },
    ],
  ])('%s', (_name, schema, want) => {
    const got = schemaJson(schema);
    expect(got).toEqual(want);
    expect(Object.keys(got)).toEqual(Object.keys(want));
  });
});
