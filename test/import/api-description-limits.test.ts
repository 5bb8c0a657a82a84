/**
 * Power Platform's size limits (512 schemas per body, a 1 MB swagger): nesting is cut at the
 * deepest level that fits, shared schemas that fit whole stay references, and nothing is cut
 * when everything fits.
 */
import type { Shape } from '../../src/import/api-description/convert-schema';
import { chooseDepths, MAX_BODY_SCHEMAS, SizeModel } from '../../src/import/api-description/fit-limits';

const str: Shape = { kind: 'string' };
/** An object with `width` string properties, nested `levels` deep under `child`. */
function nested(levels: number, width: number): Shape {
  const props: [string, Shape][] = Array.from({ length: width }, (_, i) => [`p${i}`, str]);
  if (levels > 0) props.push(['child', nested(levels - 1, width)]);
  return { kind: 'object', properties: props };
}

describe('SizeModel', () => {
  const components = new Map<string, Shape>([
    ['Leaf', { kind: 'object', properties: [['a', str]] }],
    ['Deep', nested(4, 1)],
    ['Self', { kind: 'object', properties: [['self', { kind: 'ref', ref: 'Self' }]] }],
  ]);
  const model = new SizeModel((n) => components.get(n));

  test.each<[string, Shape, number]>([
    ['a primitive', str, 0],
    ['an object of primitives', { kind: 'object', properties: [['a', str]] }, 1],
    ['a reference counts its schema', { kind: 'array', items: { kind: 'ref', ref: 'Deep' } }, 6],
    ['a recursive reference is a leaf', { kind: 'ref', ref: 'Self' }, 1],
  ])('height of %s', (_n, s, h) => {
    expect(model.height(s)).toBe(h);
  });

  test('measure counts expanded schemas down to the depth', () => {
    expect(model.measure(nested(3, 2), 1000).count).toBe(4 * 3);
    expect(model.measure(nested(3, 2), 1).count).toBe(1 + 3);
  });

  test('cut keeps a reference that fits whole and writes out (and cuts) one that does not', () => {
    const s: Shape = {
      kind: 'object',
      properties: [
        ['leaf', { kind: 'ref', ref: 'Leaf' }],
        ['deep', { kind: 'ref', ref: 'Deep', title: 'Deep' }],
      ],
    };
    const out = model.cut(s, 2);
    expect(out.properties![0]![1]).toEqual({ kind: 'ref', ref: 'Leaf' });
    const deep = out.properties![1]![1];
    expect(deep.kind).toBe('object');
    expect(deep.title).toBe('Deep');
    expect(deep.properties!.find(([n]) => n === 'child')![1]).toEqual({ kind: 'record' });
  });

  test('a recursive use that does not fit is cut too (its const would be written whole)', () => {
    // Message -> quoted: Message, as in stream-io's API: the const below the cut was written in
    // full, and the swagger came out at 1.4 MB where the estimate said 0.8.
    const message: Shape = {
      kind: 'object',
      properties: [
        ['body', { kind: 'ref', ref: 'Deep' }],
        ['quoted', { kind: 'ref', ref: 'Message', title: 'Quoted' }],
      ],
    };
    const withMessage = new SizeModel((n) => (n === 'Message' ? message : components.get(n)));
    const out = withMessage.cut({ kind: 'ref', ref: 'Message' }, 3);
    expect(out.properties!.find(([n]) => n === 'quoted')![1]).toEqual({ kind: 'record', title: 'Quoted' });
    // What is measured is what is written: the cut form counts the same as the cut shape.
    expect(withMessage.measure({ kind: 'ref', ref: 'Message' }, 3).count).toBe(withMessage.measure(out, 1000).count);
  });

  test('the written indentation is counted: the same schemas cost more nested deeper', () => {
    const flat: Shape = {
      kind: 'object',
      properties: [['p', str], ...Array.from({ length: 8 }, (_, i): [string, Shape] => [`c${i}`, nested(0, 1)])],
    };
    const deep = nested(8, 1);
    expect(model.measure(flat, 1000).count).toBe(model.measure(deep, 1000).count);
    expect(model.measure(deep, 1000).chars).toBeGreaterThan(1.5 * model.measure(flat, 1000).chars);
  });
});

describe('chooseDepths', () => {
  const model = new SizeModel(() => undefined);

  test('nothing is cut when everything fits', () => {
    expect(chooseDepths([{ body: nested(3, 3), response: nested(5, 3) }], model, 0)).toEqual([{}]);
  });

  test('a body over the schema limit is cut at the deepest level that fits', () => {
    const body = nested(20, 40);
    const [choice] = chooseDepths([{ body }], model, 0);
    expect(choice!.body).toBeDefined();
    expect(model.measure(body, choice!.body!).count).toBeLessThanOrEqual(MAX_BODY_SCHEMAS);
    expect(model.measure(body, choice!.body! + 2).count).toBeGreaterThan(MAX_BODY_SCHEMAS);
  });

  test('responses are cut when the whole swagger would pass the size limit', () => {
    const big = nested(12, 300);
    const choices = chooseDepths(
      Array.from({ length: 40 }, () => ({ response: big })),
      model,
      0,
    );
    expect(choices.every((c) => c.response !== undefined)).toBe(true);
  });
});
