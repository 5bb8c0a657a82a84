/**
 * selectBranchErrors on real ajv output: a schema shaped like paconn's apiProperties (connection
 * parameters as a oneOf of a $ref'd primitive branch and inline gateway/OAuth branches, keyed by
 * `type`) and like Swagger's parameters (a oneOf of $ref'd branches keyed by `in`, beside a
 * reference branch). One mistake must give exactly one error, naming the wrong key or value.
 * Each row runs with and without re-validation (the heuristics alone) and with ajv inlining
 * $refs or calling them (which changes every schema path).
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { selectBranchErrors } from '../../src/validate/schema-branches';

const properties = {
  definitions: {
    Param: {
      type: 'object',
      required: ['type'],
      oneOf: [
        { $ref: '#/definitions/Primitive' },
        {
          additionalProperties: false,
          properties: { type: { enum: ['gatewaySetting'] }, uiDefinition: { $ref: '#/definitions/Ui' } },
        },
        {
          additionalProperties: false,
          properties: {
            type: { enum: ['oauthSetting'] },
            oAuthSettings: { $ref: '#/definitions/OAuth' },
            uiDefinition: { $ref: '#/definitions/Ui' },
          },
        },
      ],
    },
    Primitive: {
      type: 'object',
      additionalProperties: false,
      properties: {
        type: { enum: ['string', 'securestring', 'int', 'bool'] },
        uiDefinition: { $ref: '#/definitions/Ui' },
      },
    },
    Ui: {
      type: 'object',
      additionalProperties: false,
      properties: { displayName: { type: 'string' }, tabIndex: { type: 'integer' } },
    },
    OAuth: {
      type: 'object',
      required: ['identityProvider'],
      additionalProperties: false,
      properties: {
        identityProvider: { type: 'string', enum: ['oauth2', 'aad'] },
        redirectMode: { type: 'string', enum: ['Global', 'Direct'] },
        scopes: { type: 'array', items: { type: 'string' } },
      },
    },
  },
  type: 'object',
  properties: {
    connectionParameters: { type: 'object', additionalProperties: { $ref: '#/definitions/Param' } },
  },
};

const swaggerLike = {
  definitions: {
    Item: { oneOf: [{ $ref: '#/definitions/Parameter' }, { $ref: '#/definitions/Reference' }] },
    Parameter: { oneOf: [{ $ref: '#/definitions/Body' }, { $ref: '#/definitions/NonBody' }] },
    Reference: {
      type: 'object',
      required: ['$ref'],
      additionalProperties: false,
      properties: { $ref: { type: 'string' } },
    },
    Body: {
      type: 'object',
      required: ['name', 'in', 'schema'],
      additionalProperties: false,
      properties: { name: { type: 'string' }, in: { enum: ['body'] }, schema: { type: 'object' } },
    },
    NonBody: {
      type: 'object',
      required: ['name', 'in', 'type'],
      oneOf: [{ $ref: '#/definitions/Query' }, { $ref: '#/definitions/Path' }],
    },
    Query: {
      additionalProperties: false,
      properties: {
        required: { type: 'boolean' },
        in: { enum: ['query'] },
        name: { type: 'string' },
        type: { enum: ['string', 'integer'] },
        collectionFormat: { enum: ['csv', 'multi'] },
      },
    },
    Path: {
      additionalProperties: false,
      properties: {
        required: { enum: [true] },
        in: { enum: ['path'] },
        name: { type: 'string' },
        type: { enum: ['string', 'integer'] },
        collectionFormat: { enum: ['csv'] },
      },
    },
  },
  type: 'object',
  properties: { parameters: { type: 'array', items: { $ref: '#/definitions/Item' } } },
};

const oauth = {
  connectionParameters: {
    token: { type: 'oauthSetting', oAuthSettings: { identityProvider: 'oauth2', redirectMode: 'Global', scopes: [] } },
    key: { type: 'securestring', uiDefinition: { displayName: 'Key' } },
  },
};
const params = {
  parameters: [
    { name: 'q', in: 'query', type: 'string', required: false, collectionFormat: 'csv' },
    { name: 'id', in: 'path', type: 'string', required: true },
  ],
};

/** `base` with the value at the dotted path set (undefined deletes it), or key `from` renamed to `to`. */
function edit(base: object, dotted: string, value: unknown, rename?: string): unknown {
  const copy = JSON.parse(JSON.stringify(base));
  const keys = dotted.split('.');
  const parent = keys.slice(0, -1).reduce((o, k) => o[k], copy);
  const last = keys[keys.length - 1]!;
  if (rename) {
    parent[rename] = parent[last];
    delete parent[last];
  } else parent[last] = value;
  return copy;
}

type Expected = [instancePath: string, keyword: string, params: Record<string, unknown>];
type Row = [name: string, schema: object, data: unknown, expected: Expected[]];

const rows: Row[] = [
  [
    'a wrong value inside the OAuth branch',
    properties,
    edit(oauth, 'connectionParameters.token.oAuthSettings.redirectMode', 'global'),
    [['/connectionParameters/token/oAuthSettings/redirectMode', 'enum', { allowedValues: ['Global', 'Direct'] }]],
  ],
  [
    'a misspelt key inside the OAuth branch',
    properties,
    edit(oauth, 'connectionParameters.token.oAuthSettings.redirectMode', undefined, 'redirectMod'),
    [['/connectionParameters/token/oAuthSettings', 'additionalProperties', { additionalProperty: 'redirectMod' }]],
  ],
  [
    'a misspelt discriminator: every branch rejects it, one error lists all values',
    properties,
    edit(oauth, 'connectionParameters.token.type', 'oauthSettings'),
    [
      [
        '/connectionParameters/token/type',
        'enum',
        { allowedValues: ['string', 'securestring', 'int', 'bool', 'gatewaySetting', 'oauthSetting'] },
      ],
    ],
  ],
  [
    "a misspelt key of the $ref'd primitive branch",
    properties,
    edit(oauth, 'connectionParameters.key.uiDefinition', undefined, 'uiDefinitio'),
    [['/connectionParameters/key', 'additionalProperties', { additionalProperty: 'uiDefinitio' }]],
  ],
  [
    'a wrong type two levels into a shared $ref',
    properties,
    edit(oauth, 'connectionParameters.key.uiDefinition.tabIndex', 'one'),
    [['/connectionParameters/key/uiDefinition/tabIndex', 'type', { type: 'integer' }]],
  ],
  [
    'a misspelt key of a query parameter (nested oneOfs beside a reference branch)',
    swaggerLike,
    edit(params, 'parameters.0.required', undefined, 'requird'),
    [['/parameters/0', 'additionalProperties', { additionalProperty: 'requird' }]],
  ],
  [
    'a misspelt `in`: one error with every location',
    swaggerLike,
    edit(params, 'parameters.0.in', 'qeury'),
    [['/parameters/0/in', 'enum', { allowedValues: ['body', 'query', 'path'] }]],
  ],
  [
    'a wrong value that only the matching branch constrains that way',
    swaggerLike,
    edit(params, 'parameters.0.collectionFormat', 'cssv'),
    [['/parameters/0/collectionFormat', 'enum', { allowedValues: ['csv', 'multi'] }]],
  ],
];

function compile(schema: object, inlineRefs: boolean): ValidateFunction {
  return new Ajv({ allErrors: true, strict: false, inlineRefs }).compile(schema);
}

function select(fn: ValidateFunction, data: unknown, recheck: boolean): Expected[] {
  expect(fn(data)).toBe(false);
  const errors: ErrorObject[] = [...(fn.errors ?? [])];
  const chosen = selectBranchErrors(
    errors,
    data,
    recheck ? (edited) => (fn(edited) ? [] : [...(fn.errors ?? [])]) : undefined,
  );
  return chosen.map((e) => [e.instancePath, e.keyword, e.params as Record<string, unknown>]);
}

describe('selectBranchErrors', () => {
  const modes: [string, boolean, boolean][] = [
    ['re-validating, refs inlined', true, true],
    ['re-validating, refs called', true, false],
  ];
  for (const [mode, recheck, inline] of modes) {
    test.each(rows)(`%s (${mode})`, (_name, schema, data, expected) => {
      expect(select(compile(schema, inline), data, recheck)).toEqual(expected);
    });
  }

  // The heuristics alone (no re-validation, as when several mistakes leave no single fix). Two
  // rows need re-validation: a $ref'd branch's error on another key (Path's `required`) cannot be
  // told from the matching branch's by its error object alone.
  const needRecheck = ['a misspelt `in`', 'only the matching branch'];
  const heuristic = rows.filter((r) => !needRecheck.some((n) => r[0].includes(n)));
  test.each(heuristic)('%s (heuristics only)', (_n, schema, data, expected) => {
    expect(select(compile(schema, false), data, false)).toEqual(expected);
  });

  test.each(rows)('the value is left as it was, key order included: %s', (_name, schema, data) => {
    const before = JSON.stringify(data);
    select(compile(schema, false), data, true);
    expect(JSON.stringify(data)).toBe(before);
  });

  test('a key removed to try a fix goes back to its place', () => {
    const data = { connectionParameters: { key: { uiDefinitio: {}, type: 'string' } } };
    expect(select(compile(properties, false), data, true)).toEqual([
      ['/connectionParameters/key', 'additionalProperties', { additionalProperty: 'uiDefinitio' }],
    ]);
    expect(Object.keys(data.connectionParameters.key)).toEqual(['uiDefinitio', 'type']);
  });

  test('valid data and errors without combinators pass through', () => {
    const fn = compile(properties, false);
    const data = { connectionParameters: [] };
    expect(select(fn, data, true)).toEqual([['/connectionParameters', 'type', { type: 'object' }]]);
  });
});
