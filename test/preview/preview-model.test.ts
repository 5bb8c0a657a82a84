/** The preview model of a swagger: what each card shows, table by table. */
import { emitPreviewPage } from '../../src/emit/preview-page';
import { previewModel } from '../../src/preview/build-model';
import type { ArrayInput, FieldInput, PreviewCard, PreviewInput } from '../../src/preview/model';
import { HOSTILE, previewDiagnosticsSample, previewSwagger } from './sample-swagger';

const model = previewModel(previewSwagger, previewDiagnosticsSample);
const card = (id: string): PreviewCard => model.cards.find((c) => c.operationId === id)!;
const flat = (inputs: readonly PreviewInput[]): PreviewInput[] =>
  inputs.flatMap((i) => (i.kind === 'array' ? [i, ...i.item] : [i]));
const input = (id: string, label: string): PreviewInput => flat(card(id).inputs).find((i) => i.label === label)!;

describe('cards', () => {
  test('one per operation the designer offers, internal ones left out, in document order', () => {
    expect(model.cards.map((c) => [c.operationId, c.kind])).toEqual([
      ['GadgetList', 'action'],
      ['GadgetAdd', 'action'],
      ['WhenGadget', 'trigger'],
    ]);
  });

  test.each([
    ['GadgetList', 'List gadgets', 'Lists the gadgets.', true],
    ['GadgetAdd', HOSTILE, `Creates a gadget. ${HOSTILE}`, false],
    ['WhenGadget', 'When a gadget is added', 'This operation triggers when a gadget is added.', false],
  ])('%s: titled by the summary, with the description', (id, title, description, important) => {
    expect([card(id).title, card(id).description, card(id).important]).toEqual([title, description, important]);
  });

  test('diagnostics go to the card of their operation, the rest to the connector', () => {
    expect(card('GadgetAdd').findings).toEqual([
      { severity: 'warning', text: 'the summary has <b>markup</b> [summary-odd]' },
      { severity: 'error', text: 'the body property has no description [body-undescribed]' },
    ]);
    expect(card('GadgetList').findings).toEqual([]);
    expect(model.findings).toEqual([{ severity: 'warning', text: 'the connector has no contact [contact-missing]' }]);
  });
});

describe('inputs', () => {
  test.each([
    // operation, label, key, required, advanced
    ['GadgetList', 'Kind', 'kind', false, false],
    ['GadgetList', 'Archived', 'archived', false, true],
    ['GadgetList', 'IDs', 'ids', false, false],
    ['GadgetAdd', 'Trace', 'X-Trace', false, true],
    ['GadgetAdd', 'Gadget name', 'gadget.name', true, false],
    ['GadgetAdd', 'Color', 'gadget.color', false, true],
    ['GadgetAdd', 'Parts', 'gadget.parts', true, false],
    ['GadgetAdd', 'SKU', 'gadget.parts[].sku', true, false],
    ['GadgetAdd', 'Count', 'gadget.parts[].count', false, false],
    ['GadgetAdd', 'Part tags', 'gadget.parts[].tags', false, false],
    ['GadgetAdd', 'Labels', 'gadget.labels', false, false],
    ['GadgetAdd', 'Label', 'gadget.labels[]', false, false],
    ['GadgetAdd', 'Extra', 'gadget.extra', false, false],
  ])('%s %s: key %s, required %s, advanced %s', (id, label, key, required, advanced) => {
    const i = input(id, label);
    expect(i).toBeDefined();
    expect([i.key, i.required, i.advanced]).toEqual([key, required, advanced]);
  });

  test.each([
    ['GadgetList', 'Secret API version'],
    ['GadgetAdd', 'source'],
    ['WhenGadget', 'url'],
  ])('%s: the internal input %s is absent', (id, label) => {
    expect(flat(card(id).inputs).map((i) => i.label)).not.toContain(label);
    expect(JSON.stringify(card(id).inputs)).not.toContain(
      label === 'Secret API version' ? 'api-version' : `"${label}"`,
    );
  });

  test.each([
    [
      'GadgetList',
      'Kind',
      'choice',
      [
        ['a', 'Kind A'],
        ['b', 'Kind B'],
      ],
    ],
    [
      'GadgetList',
      'Archived',
      'choice',
      [
        ['true', 'Yes'],
        ['false', 'No'],
      ],
    ],
    [
      'GadgetAdd',
      'Color',
      'choice',
      [
        ['red', 'red'],
        ['blue', 'blue'],
      ],
    ],
    ['GadgetAdd', 'Gadget name', 'text', []],
    ['GadgetAdd', 'Extra', 'json', []],
    ['GadgetAdd', 'Part tags', 'json', []],
    ['GadgetAdd', 'Kind', 'dynamic', []],
  ])('%s %s is a %s control', (id, label, control, choices) => {
    const all = flat(card(id).inputs).filter((i): i is FieldInput => i.kind === 'field' && i.label === label);
    const f = all[all.length - 1]!;
    expect(f.control).toBe(control);
    expect(f.choices.map((c) => [c.value, c.title])).toEqual(choices);
  });

  test('a dynamic dropdown names its source operation, parameters and paths', () => {
    const f = flat(card('GadgetAdd').inputs).find((i) => i.key === 'gadget.kind') as FieldInput;
    expect(f.dynamic).toEqual({
      operationId: 'GadgetList',
      parameters: { kind: { parameter: 'X-Trace' }, archived: { value: false } },
      collection: 'gadgets',
      valuePath: 'id',
      titlePath: 'label',
    });
  });

  test('arrays are repeatable: their items carry where each value goes', () => {
    const parts = input('GadgetAdd', 'Parts') as ArrayInput;
    expect(parts.kind).toBe('array');
    expect(parts.item.map((f) => f.target)).toEqual([
      { in: 'body', path: ['gadget', 'parts', '[]', 'sku'] },
      { in: 'body', path: ['gadget', 'parts', '[]', 'count'] },
      { in: 'body', path: ['gadget', 'parts', '[]', 'tags'] },
    ]);
    const ids = input('GadgetList', 'IDs') as ArrayInput;
    expect(ids.item.map((f) => [f.target, f.type])).toEqual([[{ in: 'query', name: 'ids' }, 'integer']]);
  });
});

describe('outputs', () => {
  test.each([
    [
      'GadgetList',
      [
        ['Gadgets', 'array of object', 'gadgets', undefined],
        ['ID', 'integer', 'gadgets[].id', 'Gadgets'],
        ['Label', 'string', 'gadgets[].label', 'Gadgets'],
        // The $ref'd owner has no title: its name prefixes its properties' titles.
        ['owner Name', 'string', 'gadgets[].owner.name', 'Gadgets'],
        ['owner Email', 'string', 'gadgets[].owner.email', 'Gadgets'],
        ['Meta Total', 'integer', 'meta.total', undefined],
      ],
    ],
    ['GadgetAdd', [['Result', 'string', '', undefined]]],
    ['WhenGadget', [['Event', 'string', 'event', undefined]]],
  ])('%s: tokens titled and typed as the designer offers them', (id, tokens) => {
    expect(card(id).outputs.map((t) => [t.title, t.type, t.path, t.perItemOf])).toEqual(tokens);
  });

  test('a nested object inside array items prefixes its parent title', () => {
    const m = previewModel({
      ...previewSwagger,
      paths: {
        '/x': {
          get: {
            operationId: 'X',
            responses: {
              '200': {
                description: 'OK',
                schema: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      by: {
                        type: 'object',
                        title: 'Created By',
                        properties: { mail: { type: 'string', title: 'Email' } },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    });
    expect(m.cards[0]!.outputs.map((t) => [t.title, t.path, t.perItemOf ?? ''])).toEqual([
      ['Body', '', ''],
      ['Created By Email', '[].by.mail', 'Body'],
    ]);
  });
});

describe('any swagger as found', () => {
  const op = (extra: object) => ({
    swagger: '2.0',
    info: { title: 'T' },
    paths: { '/a': { get: { operationId: 'A', ...extra } } },
  });
  test.each<[string, unknown, number, number]>([
    ['a path item that is not an object', { swagger: '2.0', paths: { '/a': 'nope' } }, 0, 0],
    ['no paths at all', { swagger: '2.0' }, 0, 0],
    ['parameters and responses of the wrong type', op({ parameters: 'x', responses: 5 }), 1, 0],
    ['a dangling $ref parameter', op({ parameters: [{ $ref: '#/parameters/missing' }] }), 1, 0],
    [
      'a $ref loop in a body',
      {
        ...op({ parameters: [{ name: 'body', in: 'body', schema: { $ref: '#/definitions/L' } }] }),
        definitions: { L: { $ref: '#/definitions/L' } },
      },
      1,
      0,
    ],
    ['properties that are an array', op({ parameters: [{ name: 'b', in: 'body', schema: { properties: [] } }] }), 1, 1],
    [
      'dynamic values without an operationId, enum values without values',
      op({
        parameters: [
          { name: 'q', in: 'query', 'x-ms-dynamic-values': { operationId: 5 }, 'x-ms-enum-values': [{}, 'x'] },
        ],
      }),
      1,
      1,
    ],
  ])('%s: no crash, a card per operation', (_what, doc, cards, inputs) => {
    const m = previewModel(doc as never);
    expect(m.cards).toHaveLength(cards);
    expect(m.cards[0]?.inputs.length ?? 0).toBe(inputs);
    expect(emitPreviewPage(doc as never)).toContain(`${cards} of ${cards} operations`);
  });
});
