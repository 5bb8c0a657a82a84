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
    `import { operation, path, query, header, formData, response, t, declaredSchema } from 'model';\nexport const op = operation(${text});\n`,
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
      'a path parameter without x-ms-url-encoding: declared.urlEncodingOmitted',
      base({
        parameters: [asWritten({ ...pathId, 'x-ms-url-encoding': undefined })],
        responses: { 200: { description: 'OK' } },
      }),
      ["id: path(t.string({ title: 'Thing', description: 'The thing.' }))", "declared: { urlEncodingOmitted: ['id'] }"],
    ],
    [
      'a body without `required` (Swagger default false): bodyRequired false, declared.requiredOmitted',
      base({
        parameters: [
          pathId,
          { name: 'body', in: 'body', schema: { type: 'object', properties: { a: { type: 'string' } } } },
        ],
        responses: { 200: { description: 'OK' } },
      }),
      ['body: t.partial({ a: t.string() })', 'bodyRequired: false', "declared: { requiredOmitted: ['body'] }"],
    ],
    [
      'vendor keys and an empty schema are declaredSchema() literals inside the typed form',
      base({
        parameters: [pathId],
        responses: {
          200: {
            description: 'OK',
            schema: {
              type: 'object',
              properties: { a: { type: 'string', 'x-ms-mutability': ['read'] }, any: {} },
            },
          },
        },
      }),
      ["a: declaredSchema({ type: 'string', 'x-ms-mutability': ['read'] })", 'any: declaredSchema({})'],
    ],
    [
      'a default response with a schema (the model forbids it): the schema declared beside it',
      base({ parameters: [pathId], responses: { default: { description: 'Error', schema: { type: 'string' } } } }),
      ["default: { description: 'Error' }", "declared: { responses: { default: { schema: { type: 'string' } } } }"],
    ],
    [
      'parameter keys path()/query()/header() have no option for: declared.parameterKeys',
      base({
        parameters: [
          pathId,
          {
            name: 'ids',
            in: 'query',
            required: false,
            type: 'array',
            items: { type: 'string' },
            collectionFormat: 'csv',
          },
        ],
        responses: { 200: { description: 'OK' } },
      }),
      ['ids: query(t.array(t.string()))', "declared: { parameterKeys: { ids: { collectionFormat: 'csv' } } }"],
    ],
    [
      'a body before the other parameters: declared.bodyIndex',
      base({
        parameters: [
          {
            name: 'body',
            in: 'body',
            required: true,
            schema: { type: 'object', properties: { a: { type: 'string' } } },
          },
          pathId,
        ],
        responses: { 200: { description: 'OK' } },
      }),
      ['body: t.partial({ a: t.string() })', 'declared: { bodyIndex: 0 }'],
    ],
    [
      'a double-encoded path parameter: the encoding a declared key',
      base({ parameters: [{ ...pathId, 'x-ms-url-encoding': 'double' }], responses: { 200: { description: 'OK' } } }),
      ["declared: { parameterKeys: { id: { 'x-ms-url-encoding': 'double' } } }"],
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

describe('typed where the rebuild is equal, else the declared form', () => {
  test.each([
    [
      'a body property named like a parameter (the client takes both as one input)',
      base({
        parameters: [
          {
            name: 'body',
            in: 'body',
            required: true,
            schema: { type: 'object', properties: { id: { type: 'string' } } },
          },
          pathId,
        ],
        responses: { 200: { description: 'OK' } },
      }),
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
    // Without a typed constant for them (shared-*.ts): the string $refs stay declared.
    [
      'a $ref parameter and a $ref response with no typed constant',
      base({ parameters: [{ $ref: '#/parameters/Id' }], responses: { 200: { $ref: '#/responses/Ok' } } }),
      [false, false],
    ],
    [
      'a form field (typed with formData())',
      base({ parameters: [{ name: 'f', in: 'formData', required: true, type: 'string' }], responses: {} }),
      [true, true],
    ],
    [
      'an array body (typed, the client takes it whole as `body`)',
      base({
        parameters: [
          { name: 'body', in: 'body', required: true, schema: { type: 'array', items: { type: 'string' } } },
        ],
        responses: { 200: { description: 'OK' } },
      }),
      [true, true],
    ],
    [
      'a string body (typed, the client takes it whole as `body`)',
      base({
        parameters: [pathId, { name: 'note', in: 'body', required: false, schema: { type: 'string' } }],
        responses: { 200: { description: 'OK' } },
      }),
      [true, true],
    ],
  ] as [string, Obj, [boolean, boolean]][])('%s', (_name, op, expected) => {
    const source = asWritten(op) as Obj;
    const { form, evaluated } = write(source);
    expect([form.typedParameters, form.typedResponses]).toEqual(expected);
    // What stays declared says why.
    expect(form.why).toHaveLength(expected.filter((typed) => !typed).length);
    // Parameters not all typed: the list declared verbatim, or the body alone beside the typed ones.
    if (!expected[0]) expect(evaluated.declared?.operation?.parameters ?? evaluated.declared?.body).toBeDefined();
    if (!expected[1]) expect(evaluated.declared?.operation?.responses).toBeDefined();
    expect(jsonDifferences(asWritten(operationJson(evaluated)), source)).toEqual([]);
  });

  test('a body the model cannot type is declared alone, beside the typed parameters (counted typed in part)', () => {
    // The array body would be the client's input `body`, which the query parameter already is.
    const op = base({
      parameters: [
        pathId,
        { name: 'ids', in: 'body', required: true, schema: { type: 'array', items: { type: 'string' } } },
        { name: 'X-Trace', in: 'header', required: false, type: 'string' },
        { name: 'body', in: 'query', required: false, type: 'string' },
      ],
      responses: { 200: { description: 'OK' } },
    });
    const { form, text, evaluated } = write(op);
    expect(text).toContain("'X-Trace': header(t.string())");
    expect(evaluated.declared?.body).toEqual(op.parameters && (op.parameters as Obj[])[1]);
    expect(evaluated.declared?.bodyIndex).toBe(1);
    expect([form.typedParameters, form.typedResponses, form.parameters]).toEqual([false, true, { typed: 3, total: 4 }]);
    expect(form.why).toEqual([
      'parameters: a parameter is named "body", the client\'s input for a body that is not an object',
    ]);
    expect(jsonDifferences(asWritten(operationJson(evaluated)), op)).toEqual([]);
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
