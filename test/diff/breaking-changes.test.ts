/**
 * diffSwagger on a small inline connector: one row per deliberate edit, with the rule that must
 * fire and what it means for flows in the field (breaking, warning, compatible), and rows of
 * edits that change nothing flows rely on, which must report nothing. Self-contained (no shared/
 * files).
 */
import { CHANGE_RULES, diffSwagger, type ChangeLevel, type ChangeRule } from '../../src/diff/breaking-changes';
import { formatDiffJson, formatDiffText, summarize } from '../../src/diff/diff-report';

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
            { name: 'page', in: 'query', required: false, type: 'integer', format: 'int64' },
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
                properties: {
                  name: { type: 'string' },
                  color: { type: 'string' },
                  price: { type: 'number' },
                  // Free-form, as the published ConvertKit's custom fields: { type: object, properties: {} }.
                  meta: { type: 'object', properties: {} },
                  weights: { type: 'object', additionalProperties: { type: 'number' } },
                  sizes: { type: 'array', items: { type: 'number' } },
                },
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
          score: { type: 'number', format: 'double' },
          attributes: { type: 'object' },
          counts: { type: 'object', additionalProperties: { type: 'integer', format: 'int64' } },
        },
      },
    },
  };
}

const list = (d: Json) => d.paths['/widgets'].get;
const add = (d: Json) => d.paths['/widgets'].post;
const getOne = (d: Json) => d.paths['/widgets/{id}'].get;
const widget = (d: Json) => d.definitions.Widget;
const addBody = (d: Json) => add(d).parameters[0].schema.properties;
function movePath(d: Json, from: string, to: string) {
  d.paths[to] = d.paths[from];
  delete d.paths[from];
}

type Row = [edit: string, mutate: (d: Json) => void, rule: ChangeRule, level: ChangeLevel, operationId: string];
const B: ChangeLevel = 'breaking';
const W: ChangeLevel = 'warning';
const OK: ChangeLevel = 'compatible';
const rows: Row[] = [
  ['delete an operation', (d) => delete d.paths['/widgets/{id}'].delete, 'operation-removed', B, 'WidgetDelete'],
  ['rename an operationId', (d) => (list(d).operationId = 'ListWidgets'), 'operation-id-changed', B, 'WidgetList'],
  ['change the path template', (d) => movePath(d, '/widgets/{id}', '/widget/{id}'), 'path-changed', B, 'WidgetGet'],
  [
    'rename a path variable',
    (d) => {
      movePath(d, '/widgets/{id}', '/widgets/{widget_id}');
      d.paths['/widgets/{widget_id}'].get.parameters[0].name = 'widget_id';
    },
    'path-changed',
    B,
    'WidgetGet',
  ],
  [
    'change the HTTP method',
    (d) => {
      d.paths['/widgets'].put = add(d);
      delete d.paths['/widgets'].post;
    },
    'method-changed',
    B,
    'WidgetAdd',
  ],
  [
    'move a parameter from query to header',
    (d) => (list(d).parameters[0].in = 'header'),
    'parameter-moved',
    B,
    'WidgetList',
  ],
  [
    'add a required query input',
    (d) => list(d).parameters.push({ name: 'account', in: 'query', required: true, type: 'string' }),
    'required-input-added',
    B,
    'WidgetList',
  ],
  [
    'add a required body property',
    (d) => {
      add(d).parameters[0].schema.properties.size = { type: 'integer' };
      add(d).parameters[0].schema.required.push('size');
    },
    'required-input-added',
    B,
    'WidgetAdd',
  ],
  [
    'make an optional input required',
    (d) => (list(d).parameters[0].required = true),
    'input-made-required',
    B,
    'WidgetList',
  ],
  ['remove an input', (d) => getOne(d).parameters.pop(), 'input-removed', B, 'WidgetGet'],
  ['change an input type', (d) => (list(d).parameters[0].type = 'string'), 'input-type-changed', B, 'WidgetList'],
  ['remove an enum value', (d) => list(d).parameters[1].enum.pop(), 'enum-value-removed', B, 'WidgetList'],
  [
    'restrict a free input to an enum',
    (d) => (getOne(d).parameters[1].enum = ['a']),
    'input-restricted-to-enum',
    B,
    'WidgetGet',
  ],
  [
    'restrict a free body property to an enum',
    (d) => (addBody(d).color.enum = ['red', 'blue']),
    'input-restricted-to-enum',
    B,
    'WidgetAdd',
  ],
  [
    'narrow a number input to integer',
    (d) => (addBody(d).price.type = 'integer'),
    'input-type-narrowed',
    B,
    'WidgetAdd',
  ],
  [
    'narrow an int64 input to int32',
    (d) => (list(d).parameters[0].format = 'int32'),
    'input-type-narrowed',
    B,
    'WidgetList',
  ],
  [
    'narrow the items of an array input from number to integer',
    (d) => (addBody(d).sizes = { type: 'array', items: { type: 'integer' } }),
    'input-type-narrowed',
    B,
    'WidgetAdd',
  ],
  [
    "narrow a map input's values from number to integer",
    (d) => (addBody(d).weights.additionalProperties = { type: 'integer' }),
    'input-type-narrowed',
    B,
    'WidgetAdd',
  ],
  [
    "change a map input's value type",
    (d) => (addBody(d).weights.additionalProperties = { type: 'string' }),
    'input-type-changed',
    B,
    'WidgetAdd',
  ],
  [
    'a free-form body object becomes a map of strings (ConvertKit fields)',
    (d) => (addBody(d).meta = { type: 'object', additionalProperties: { type: 'string' } }),
    'input-object-to-map',
    W,
    'WidgetAdd',
  ],
  [
    'a free-form body object forbids other keys',
    (d) => (addBody(d).meta.additionalProperties = false),
    'input-additional-properties-removed',
    W,
    'WidgetAdd',
  ],
  [
    'a map body object forbids other keys',
    (d) => (addBody(d).weights.additionalProperties = false),
    'input-additional-properties-removed',
    W,
    'WidgetAdd',
  ],
  [
    'a free-form output becomes a map of strings',
    (d) => (widget(d).properties.attributes.additionalProperties = { type: 'string' }),
    'output-object-to-map',
    OK,
    'WidgetGet',
  ],
  [
    'an output object forbids other keys',
    (d) => (widget(d).properties.attributes.additionalProperties = false),
    'output-additional-properties-removed',
    OK,
    'WidgetGet',
  ],
  [
    "change an output map's value type",
    (d) => (widget(d).properties.counts.additionalProperties = { type: 'string' }),
    'output-type-changed',
    B,
    'WidgetGet',
  ],
  [
    'an output map becomes free-form (its values may be anything)',
    (d) => delete widget(d).properties.counts.additionalProperties,
    'output-type-changed',
    B,
    'WidgetGet',
  ],
  [
    'narrow an output type (ValidateChange names any output type change)',
    (d) => (widget(d).properties.score.format = 'float'),
    'output-type-changed',
    B,
    'WidgetGet',
  ],
  [
    'change an output type',
    (d) => (widget(d).properties.id = { type: 'string' }),
    'output-type-changed',
    B,
    'WidgetGet',
  ],
  [
    'change an array output item type',
    (d) => (widget(d).properties.tags.items = { type: 'integer' }),
    'output-type-changed',
    B,
    'WidgetGet',
  ],
  ['remove an output field', (d) => delete widget(d).properties.name, 'output-field-removed', B, 'WidgetAdd'],
  [
    'remove a nested output field',
    (d) => delete list(d).responses[200].schema.properties.total,
    'output-field-removed',
    B,
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
    OK,
    'WidgetUpdate',
  ],
  [
    'add an optional input',
    (d) => list(d).parameters.push({ name: 'q', in: 'query', required: false, type: 'string' }),
    'optional-input-added',
    OK,
    'WidgetList',
  ],
  [
    'add an optional body property',
    (d) => (add(d).parameters[0].schema.properties.size = { type: 'integer' }),
    'optional-input-added',
    OK,
    'WidgetAdd',
  ],
  [
    'make a required input optional',
    (d) => (add(d).parameters[0].schema.required = []),
    'input-made-optional',
    OK,
    'WidgetAdd',
  ],
  [
    'add an output field',
    (d) => (widget(d).properties.created_at = { type: 'string', format: 'date-time' }),
    'output-field-added',
    OK,
    'WidgetGet',
  ],
  ['widen int32 to int64', (d) => (widget(d).properties.id.format = 'int64'), 'type-widened', OK, 'WidgetGet'],
  ['add an enum value', (d) => list(d).parameters[1].enum.push('updated_at'), 'enum-value-added', OK, 'WidgetList'],
];

/** Edits that change nothing a flow relies on: each must report nothing at all. */
const unchanged: [edit: string, mutate: (d: Json) => void][] = [
  ['nothing', () => {}],
  [
    'reword summaries and descriptions',
    (d) => Object.assign(list(d), { summary: 'List all', description: 'All of them.' }),
  ],
  [
    'reorder properties',
    (d) => (widget(d).properties = Object.fromEntries(Object.entries(widget(d).properties).reverse())),
  ],
  [
    'additionalProperties true is what no additionalProperties means',
    (d) => (addBody(d).meta.additionalProperties = true),
  ],
  ['additionalProperties {} is what no additionalProperties means', (d) => (addBody(d).meta.additionalProperties = {})],
  [
    'a body property moved into #/definitions',
    (d) => {
      d.definitions.Weights = addBody(d).weights;
      addBody(d).weights = { $ref: '#/definitions/Weights' };
    },
  ],
  ['a map input widened to a free-form object', (d) => delete addBody(d).weights.additionalProperties],
  ['the same enum in another order', (d) => list(d).parameters[1].enum.reverse()],
];

describe('diffSwagger', () => {
  test('the table has at least 15 edits, of every level', () => {
    expect(rows.length).toBeGreaterThanOrEqual(15);
    expect(rows.filter((r) => r[3] === B).length).toBeGreaterThanOrEqual(15);
    expect(rows.filter((r) => r[3] === W).length).toBeGreaterThanOrEqual(2);
    expect(rows.filter((r) => r[3] === OK).length).toBeGreaterThanOrEqual(5);
  });

  test('every rule is held by at least one row, at its own level', () => {
    const covered = new Set(rows.map((r) => r[2]));
    // The empty-enum rule has its own test below (it needs an optional input with "").
    expect(
      Object.keys(CHANGE_RULES).filter((r) => !covered.has(r as ChangeRule) && r !== 'empty-enum-value-removed'),
    ).toEqual([]);
    for (const [, , rule, level] of rows) expect(CHANGE_RULES[rule].level).toBe(level);
  });

  test.each(unchanged)('no change: %s', (_edit, mutate) => {
    const next = base();
    mutate(next);
    expect(diffSwagger(base(), next)).toEqual([]);
  });

  test.each(rows.map(([e, m, r, l, id]) => [`${e} -> ${r}`, m, r, l, id] as const))(
    '%s',
    (_edit, mutate, rule, level, operationId) => {
      const next = base();
      mutate(next);
      const changes = diffSwagger(base(), next);
      const hit = changes.find((c) => c.rule === rule && c.operationId === operationId);
      expect(hit).toBeDefined();
      expect(hit!.level).toBe(level);
      expect(hit!.breaking).toBe(level === 'breaking');
      // A warning or compatible edit must not be flagged as breaking by any other rule.
      if (level !== 'breaking') expect(changes.filter((c) => c.breaking)).toEqual([]);
      if (level === 'compatible') expect(changes.filter((c) => c.level === 'warning')).toEqual([]);
    },
  );

  test('dropping the empty-string choice of an optional input is compatible; of a required one it breaks', () => {
    const before = base();
    list(before).parameters[1].enum.push('');
    const after = base();
    expect(diffSwagger(before, after).map((c) => [c.rule, c.level])).toEqual([['empty-enum-value-removed', OK]]);
    list(before).parameters[1].required = true;
    list(after).parameters[1].required = true;
    expect(diffSwagger(before, after).map((c) => [c.rule, c.level])).toEqual([['enum-value-removed', B]]);
  });

  test('restricting a free input to an enum is not reported as a removal', () => {
    const next = base();
    getOne(next).parameters[1].enum = ['a', 'b'];
    const changes = diffSwagger(base(), next);
    expect(changes.map((c) => c.rule)).toEqual(['input-restricted-to-enum']);
    expect(changes[0]!.detail).toBe('X-Trace: now restricted to ["a","b"]');
  });
});

/**
 * The rejections Microsoft's ValidateChange gives on connector updates (quoted in PRs of
 * microsoft/PowerPlatformConnectors, reference/power-platform.md §3 item 31, and the enum one in
 * issue 12): each has its own rule, with Microsoft's words as its text.
 */
const VALIDATE_CHANGE: [message: string, rule: ChangeRule][] = [
  ['The operation has been deleted.', 'operation-removed'],
  ['The path template has been changed.', 'path-changed'],
  ['The location has been changed for the parameter.', 'parameter-moved'],
  ['The type has been changed for the output field.', 'output-type-changed'],
  [
    'The list of enum values has been added to the input field. Existing flows may use values outside of this list.',
    'input-restricted-to-enum',
  ],
];

describe("Microsoft's ValidateChange messages", () => {
  test.each(VALIDATE_CHANGE)('"%s" is rule %s, breaking', (message, rule) => {
    const def: { text: string; level: ChangeLevel; validateChange?: true } = CHANGE_RULES[rule];
    expect(def).toEqual({ text: message, level: 'breaking', validateChange: true });
  });

  test('no other rule claims to be a ValidateChange message', () => {
    const claimed = Object.entries(CHANGE_RULES)
      .filter(([, d]) => (d as { validateChange?: true }).validateChange)
      .map(([r]) => r);
    expect(claimed.sort()).toEqual(VALIDATE_CHANGE.map(([, r]) => r).sort());
  });
});

describe('reports', () => {
  const next = base();
  addBody(next).meta = { type: 'object', additionalProperties: { type: 'string' } };
  getOne(next).parameters[1].enum = ['a'];
  widget(next).properties.created_at = { type: 'string' };
  const changes = diffSwagger(base(), next);
  const labels = { old: 'v1', new: 'v2' };

  test('summary counts breaking changes, warnings and the rest', () => {
    expect(summarize(changes)).toEqual({ breaking: 1, warnings: 1, nonBreaking: 3 });
  });

  test('text: breaking first, then warnings with their reason, ValidateChange named', () => {
    const lines = formatDiffText(changes, labels).trimEnd().split('\n');
    expect(lines[0]).toBe('pcdk diff v1 -> v2');
    expect(lines[1]).toBe(
      'BREAKING [input-restricted-to-enum] WidgetGet: X-Trace: now restricted to ["a"] (The list of enum values has been added to the input field. Existing flows may use values outside of this list.) [Microsoft\'s ValidateChange rejects this]',
    );
    expect(lines[2]).toMatch(
      /^WARNING {2}\[input-object-to-map\] WidgetAdd: body\.meta: free-form object -> map of string values \(A free-form object input now takes one value type .* may now be rejected\.\)$/,
    );
    expect(lines.slice(3, -1).every((l) => l.startsWith('ok       [output-field-added]'))).toBe(true);
    expect(lines.at(-1)).toBe('1 breaking change, 1 warning, 3 non-breaking changes');
  });

  test('text without warnings does not mention them', () => {
    expect(formatDiffText([], labels)).toBe('pcdk diff v1 -> v2\n0 breaking changes, 0 non-breaking changes\n');
  });

  test('JSON: counts, each change with its level and text', () => {
    const body = JSON.parse(formatDiffJson(changes, labels));
    expect(body).toMatchObject({ old: 'v1', new: 'v2', breaking: 1, warnings: 1, nonBreaking: 3 });
    expect(body.changes[0]).toMatchObject({
      rule: 'input-restricted-to-enum',
      level: 'breaking',
      breaking: true,
      validateChange: true,
    });
    expect(body.changes[1]).toMatchObject({
      rule: 'input-object-to-map',
      level: 'warning',
      breaking: false,
      target: 'body.meta',
      text: CHANGE_RULES['input-object-to-map'].text,
    });
    expect(body.changes[1].validateChange).toBeUndefined();
  });
});
