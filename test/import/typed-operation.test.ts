/**
 * The importer's typed form: a source operation is written with path()/query()/header(), t.*
 * schemas, body and responses where, and only where, emitting that code gives back the source
 * operation. Each case writes the operation as generate.ts does, checks the text, then evaluates
 * the text itself (transpiled, with the real model) and emits it: that must equal the source.
 */
import * as vm from 'node:vm';
import { operationJson } from '../../src/emit/swagger';
import { declaredOperationSpec } from '../../src/import/generate';
import { asWritten, jsonDifferences } from '../../src/import/json-compare';
import { transpileDescriptor } from '../../src/import/load-descriptor';
import { literal } from '../../src/import/ts-writer';
import { chooseOperationForm, type OperationForm } from '../../src/import/typed-operation';
import * as model from '../../src/model';
import type { Operation } from '../../src/model';

type Obj = Record<string, unknown>;

function write(
  op: Obj,
  method = 'post',
  path = '/things/{id}',
  definitions?: Obj,
): { form: OperationForm; text: string; evaluated: Operation } {
  const form = chooseOperationForm(op, declaredOperationSpec(op, method, path), definitions);
  const text = literal(form.spec);
  const js = transpileDescriptor(
    `import { operation, path, query, header, response, t, declaredSchema } from 'model';\nexport const op = operation(${text});\n`,
    'op.ts',
  );
  const mod = { exports: {} as { op?: Operation } };
  const fn = vm.runInThisContext(`(function (exports, require, module) {${js}\n})`) as (
    e: unknown,
    r: unknown,
    m: unknown,
  ) => void;
  fn(mod.exports, () => model, mod);
  return { form, text, evaluated: mod.exports.op! };
}

const pathId = {
  name: 'id',
  in: 'path',
  required: true,
  type: 'string',
  'x-ms-summary': 'Thing',
  description: 'The thing.',
  'x-ms-url-encoding': 'single',
};
const base = (extra: Obj): Obj => ({ summary: 'Do it', description: 'Does it.', operationId: 'DoIt', ...extra });

describe('typed form: source operation -> typed source -> re-emits equal', () => {
  const cases: [string, Obj, string[]][] = [
    [
      'path parameter',
      base({ parameters: [pathId], responses: { 200: { description: 'OK' } } }),
      ["id: path(t.string({ title: 'Thing', description: 'The thing.' }))", "200: { description: 'OK' }"],
    ],
    [
      'query parameter without `required` (Swagger default false), enum and default',
      base({
        parameters: [pathId, { name: 'sort', in: 'query', type: 'string', enum: ['asc', 'desc'], default: 'asc' }],
        responses: { 200: { description: 'OK' } },
      }),
      ["sort: query(t.string({ enum: ['asc', 'desc'], default: 'asc' }))", "declared: { requiredOmitted: ['sort'] }"],
    ],
    [
      'required header, integer with format, visibility, test value',
      base({
        parameters: [
          pathId,
          {
            name: 'X-Page',
            in: 'header',
            required: true,
            type: 'integer',
            format: 'int32',
            'x-ms-visibility': 'advanced',
            'x-ms-test-value': 2,
          },
        ],
        responses: { 200: { description: 'OK' } },
      }),
      ["'X-Page': header(t.integer({ format: 'int32' }), { required: true, visibility: 'advanced', testValue: 2 })"],
    ],
    [
      'dynamic values on a parameter',
      base({
        parameters: [
          {
            ...pathId,
            'x-ms-dynamic-values': {
              operationId: 'ListThings',
              'value-collection': 'items',
              'value-path': 'id',
              'value-title': 'name',
              parameters: { kind: { value: 'a' } },
            },
          },
        ],
        responses: { 200: { description: 'OK' } },
      }),
      [
        "id: path(t.string({ title: 'Thing', description: 'The thing.' }), {",
        'dynamicValues: {',
        "from: 'ListThings',",
        "collection: 'items',",
        "parameters: { kind: { value: 'a' } },",
      ],
    ],
    [
      'object body: required properties plain, the others t.optional; body labels kept',
      base({
        parameters: [
          pathId,
          {
            name: 'payload',
            in: 'body',
            required: false,
            description: 'The payload.',
            'x-ms-summary': 'Payload',
            schema: {
              type: 'object',
              properties: {
                email: { type: 'string', format: 'email', 'x-ms-summary': 'Email' },
                tags: { type: 'array', items: { type: 'string' } },
              },
              required: ['email'],
            },
          },
        ],
        responses: { 200: { description: 'OK' } },
      }),
      [
        "body: t.object({ email: t.string({ summary: 'Email', format: 'email' }), tags: t.optional(t.array(t.string())) })",
        'bodyRequired: false',
        "bodyParameter: { name: 'payload', description: 'The payload.', summary: 'Payload' }",
      ],
    ],
    [
      'responses: bare schema for the usual reason, response() otherwise, default without schema, nullable, record',
      base({
        parameters: [pathId],
        responses: {
          200: {
            description: 'OK',
            schema: {
              type: 'object',
              properties: {
                n: { type: 'number', format: 'double', 'x-nullable': true },
                meta: { type: 'object', additionalProperties: { type: 'string' } },
              },
            },
          },
          201: { description: 'Made it', schema: { type: 'boolean', default: true } },
          default: { description: 'Error' },
        },
      }),
      [
        "200: t.partial({ n: t.number({ format: 'double', nullable: true }), meta: t.record(t.string()) })",
        "201: response('Made it', t.boolean({ default: true }))",
        "default: { description: 'Error' }",
      ],
    ],
    [
      'what no builder writes is a declaredSchema() literal inside the typed form',
      base({
        parameters: [pathId, { name: 'page', in: 'query', required: false, type: 'integer' }],
        responses: {
          200: {
            description: 'OK',
            schema: {
              type: 'object',
              properties: { a: { type: 'string' }, b: { $ref: '#/definitions/B' } },
              required: ['b', 'a'],
            },
          },
        },
      }),
      [
        "page: query({ type: 'integer' })",
        "properties: { a: t.string(), b: declaredSchema({ $ref: '#/definitions/B' }) },",
        "required: ['b', 'a'],",
      ],
    ],
    [
      'response headers and examples are declared beside the typed responses',
      base({
        parameters: [pathId],
        responses: {
          200: { description: 'OK', schema: { type: 'string' }, headers: { 'X-Rate': { type: 'integer' } } },
        },
      }),
      ['200: t.string()', "declared: { responses: { 200: { headers: { 'X-Rate': { type: 'integer' } } } } }"],
    ],
  ];
  test.each(cases)('%s', (_name, op, snippets) => {
    const { form, text, evaluated } = write(op);
    expect([form.typedParameters, form.typedResponses]).toEqual([true, true]);
    for (const s of snippets) expect(text).toContain(s);
    expect(text).not.toMatch(/^ {2}parameters:/m);
    expect(evaluated.declared?.operation?.responses).toBeUndefined();
    expect(jsonDifferences(asWritten(operationJson(evaluated)), op)).toEqual([]);
  });
});

describe('fallback: the declared form wherever the typed one would differ', () => {
  test.each([
    // path() always writes x-ms-url-encoding: single: a source path parameter without it stays declared.
    [
      'a path parameter without x-ms-url-encoding',
      base({ parameters: [{ ...pathId, 'x-ms-url-encoding': undefined }], responses: { 200: { description: 'OK' } } }),
      [false, true],
    ],
    // Builds fine, but the emitter drops an own `__proto__` property: the comparison catches it.
    [
      'a body property named __proto__',
      base({
        parameters: [
          {
            name: 'body',
            in: 'body',
            required: true,
            schema: { type: 'object', properties: JSON.parse('{"__proto__": {"type": "string"}}') },
          },
        ],
        responses: { 200: { description: 'OK' } },
      }),
      [false, true],
    ],
    // `tags: []` is declared (an authored empty list is left out), so it no longer stops typing.
    [
      '`tags: []` is declared beside typed parameters and responses',
      base({ tags: [], parameters: [pathId], responses: { 200: { description: 'OK' } } }),
      [true, true],
    ],
    [
      'a $ref parameter and a $ref response',
      base({ parameters: [{ $ref: '#/parameters/Id' }], responses: { 200: { $ref: '#/responses/Ok' } } }),
      [false, false],
    ],
    [
      'an array body (the model wants an object body)',
      base({
        parameters: [
          { name: 'body', in: 'body', required: true, schema: { type: 'array', items: { type: 'string' } } },
        ],
        responses: { 200: { description: 'OK' } },
      }),
      [false, true],
    ],
    [
      'a default response with a schema (the model forbids it)',
      base({ parameters: [], responses: { default: { description: 'Error', schema: { type: 'string' } } } }),
      [true, false],
    ],
  ] as [string, Obj, [boolean, boolean]][])('%s', (_name, op, expected) => {
    const source = asWritten(op) as Obj;
    const { form, text, evaluated } = write(source);
    expect([form.typedParameters, form.typedResponses]).toEqual(expected);
    if (!expected[0]) expect(text).toContain('parameters: [');
    if (!expected[1]) expect(evaluated.declared?.operation?.responses).toBeDefined();
    expect(jsonDifferences(asWritten(operationJson(evaluated)), source)).toEqual([]);
  });

  test('counts: parameters typed only with their operation piece', () => {
    expect(
      write(base({ parameters: [pathId, { $ref: '#/parameters/X' }], responses: { 200: { description: 'OK' } } })).form
        .parameters,
    ).toEqual({ typed: 0, total: 2 });
    expect(write(base({ parameters: [pathId], responses: { 200: { description: 'OK' } } })).form.parameters).toEqual({
      typed: 1,
      total: 1,
    });
  });

  test('hostile strings in typed form are escaped like any literal', () => {
    const evil = '*/ ${x} `\'"\n\u2028';
    const op = base({
      parameters: [
        { ...pathId, description: evil, 'x-ms-summary': evil },
        { name: evil, in: 'query', required: false, type: 'string', default: evil },
        {
          name: 'body',
          in: 'body',
          required: true,
          schema: {
            type: 'object',
            properties: { [`${evil}2`]: { type: 'string', enum: [evil] }, constructor: { type: 'string' } },
          },
        },
      ],
      responses: { 200: { description: evil, schema: { type: 'string', title: evil } } },
    });
    const { form, evaluated } = write(op);
    expect([form.typedParameters, form.typedResponses]).toEqual([true, true]);
    expect(jsonDifferences(asWritten(operationJson(evaluated)), op)).toEqual([]);
  });
});

describe('x-ms-pageable becomes next-link pagination where it rebuilds equal', () => {
  const list = {
    type: 'object',
    properties: {
      value: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' } } } },
      '@odata.nextLink': { type: 'string' },
    },
  };
  const paged = (pageable: Obj, schema: Obj = list): Obj =>
    base({
      parameters: [],
      responses: { 200: { description: 'OK', schema } },
      'x-ms-pageable': pageable,
    });
  const definitions = { TaskList: list };
  const rows: [string, Obj, Obj | undefined, boolean][] = [
    ['an inline list schema', paged({ nextLinkName: '@odata.nextLink' }), undefined, true],
    [
      'a list schema behind #/definitions',
      paged({ nextLinkName: '@odata.nextLink' }, { $ref: '#/definitions/TaskList' }),
      definitions,
      true,
    ],
    ['a link property the schema lacks', paged({ nextLinkName: 'nextLink' }), undefined, false],
    ['more than a next-link name', paged({ nextLinkName: '@odata.nextLink', itemName: 'value' }), undefined, false],
    [
      'two array properties (which holds the items?)',
      paged(
        { nextLinkName: '@odata.nextLink' },
        {
          ...list,
          properties: { ...list.properties, other: { type: 'array', items: { type: 'string' } } },
        },
      ),
      undefined,
      false,
    ],
  ];
  test.each(rows)('%s', (_label, op, defs, typed) => {
    const { text, evaluated } = write(op, 'get', '/tasks', defs);
    if (typed) {
      expect(text).toContain("pagination: { style: 'next-link', nextLinkPath: '@odata.nextLink', itemsPath: 'value' }");
      expect(text).not.toContain('x-ms-pageable');
    } else {
      expect(text).not.toContain('pagination');
      expect(text).toContain("'x-ms-pageable'");
    }
    // Either way the operation rebuilds equal to the source.
    expect(jsonDifferences(asWritten(operationJson(evaluated)), op, 1)).toEqual([]);
    if (typed)
      expect(evaluated.pagination).toEqual({ style: 'next-link', nextLinkPath: '@odata.nextLink', itemsPath: 'value' });
  });
});
