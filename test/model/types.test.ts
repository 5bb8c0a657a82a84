/**
 * Static types inferred from descriptors (checked by the compiler when ts-jest compiles this
 * file) and the runtime shape of what the builders return.
 */
import { operation, path, t, type InputOf, type OutputOf, type Static } from '../../src/model';
import { type createWidget, type getWidget, listWidgets } from '../helpers/sample-connector';

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(_: T) => undefined;

describe('inferred types', () => {
  test('object, optional, nullable, enum and record', () => {
    const s = t.object({
      a: t.string(),
      b: t.optional(t.integer({ format: 'int32' })),
      c: t.string({ nullable: true }),
      d: t.string({ enum: ['x', 'y'] }),
      e: t.record(t.boolean()),
    });
    assertType<
      Equals<Static<typeof s>, { a: string; c: string | null; d: 'x' | 'y'; e: Record<string, boolean>; b?: number }>
    >(true);
    expect(s.required).toEqual(['a', 'c', 'd', 'e']);
  });

  test('operation inputs merge parameters and top-level body properties; outputs come from 2xx', () => {
    assertType<Equals<InputOf<typeof createWidget>, { name: string; color?: 'red' | 'blue' }>>(true);
    assertType<Equals<InputOf<typeof getWidget>, { widget_id: string }>>(true);
    assertType<Equals<InputOf<typeof listWidgets>, { page?: number }>>(true);
    type Out = OutputOf<typeof listWidgets>;
    assertType<Equals<Out, { total_pages?: number; widgets?: { id?: number; name?: string }[] }>>(true);
    expect(listWidgets.params.page!.required).toBe(false);
  });

  test('a body that is not an object is one input, `body`, beside the parameters', () => {
    const tag = t.object({ name: t.string() });
    const base = { method: 'post', path: '/lists/{list_id}', summary: 'S', description: 'D.', responses: {} } as const;
    const params = { list_id: path(t.string({ title: 'List', description: 'The list.' })) };
    const list = operation({ ...base, id: 'AddTags', params, body: t.array(tag) });
    const text = operation({ ...base, id: 'SetNote', params, body: t.string() });
    const nullableObject = operation({ ...base, id: 'Patch', body: t.object({ a: t.string() }, { nullable: true }) });
    assertType<Equals<InputOf<typeof list>, { list_id: string; body: { name: string }[] }>>(true);
    assertType<Equals<InputOf<typeof text>, { list_id: string; body: string }>>(true);
    // An object body stays spread into its properties even when it may be null.
    assertType<Equals<InputOf<typeof nullableObject>, { a: string }>>(true);
    expect([list, text].map((o) => o.body?.type)).toEqual(['array', 'string']);
  });

  test('builders return plain JSON: the optional and dynamic marks are invisible', () => {
    const s = t.optional(t.string({ title: 'X' }));
    expect(JSON.parse(JSON.stringify(s))).toEqual({ type: 'string', title: 'X' });
    expect(Object.keys(s)).toEqual(['type', 'title']);
  });
});
