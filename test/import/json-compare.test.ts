/** writtenDifferences is jsonDifferences(asWritten(a), b) without the copy: same answers, checked by property. */
import fc from 'fast-check';
import { asWritten, jsonDifferences, writtenDifferences } from '../../src/import/json-compare';

// Values as emitters build them: JSON plus undefined members, functions, -0 and non-finite numbers.
const written = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, true, false, 0, -0, 1, 'x', '', Number.NaN, Number.POSITIVE_INFINITY, undefined),
    fc.integer(),
    fc.string({ maxLength: 3 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c', '$ref', 'x/y', 'm~n'), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('writtenDifferences', () => {
  test('equals jsonDifferences(asWritten(a), b) for any a and any parsed b, at any limit', () => {
    fc.assert(
      fc.property(written, written, fc.integer({ min: 1, max: 5 }), (a, b, limit) => {
        const parsed = b === undefined ? null : asWritten(b);
        const w = a === undefined ? null : a;
        expect(writtenDifferences(w, parsed, limit)).toEqual(jsonDifferences(asWritten(w), parsed, limit));
      }),
      { numRuns: 3000 },
    );
  });

  test.each([
    ['an undefined member is absent', { a: 1, b: undefined }, { a: 1 }, []],
    ['a function member is absent', { a: 1, f: () => 1 }, { a: 1 }, []],
    ['an undefined array item is null', [undefined], [null], []],
    ['NaN is written as null', { n: Number.NaN }, { n: null }, []],
    ['a missing key on either side', { a: 1 }, { b: 1 }, ['/a', '/b']],
    ['escaped pointers', { 'x/y': { 'm~n': 1 } }, { 'x/y': { 'm~n': 2 } }, ['/x~1y/m~0n']],
    ['a Date is compared as its JSON text', { d: new Date(0) }, { d: '1970-01-01T00:00:00.000Z' }, []],
  ])('%s', (_n, a, b, want) => {
    expect(writtenDifferences(a, b)).toEqual(want);
  });
});
