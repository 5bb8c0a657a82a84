/** Deterministic names and ids for the Dataverse solution. */
import {
  encodeConnectorName,
  normalizeSolutionVersion,
  optionValuePrefixFor,
  pascalIdentifier,
  uuidV5,
} from '../../src/pack/dataverse-names';

describe('uuidV5', () => {
  test('matches the RFC 4122 / Python uuid5 vector for the DNS namespace', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
  test('is stable and differs by name', () => {
    const ns = '5c1f0b6e-8f0a-4d8e-9a43-3d2b7f61c0a9';
    expect(uuidV5('tths_convertkit', ns)).toBe(uuidV5('tths_convertkit', ns));
    expect(uuidV5('tths_convertkit', ns)).not.toBe(uuidV5('new_convertkit', ns));
    expect(uuidV5('x', ns)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
  test('rejects a namespace that is not a UUID', () => {
    expect(() => uuidV5('x', 'nope')).toThrow(/not a UUID/);
  });
});

test.each([
  ['convertkit', 'convertkit'],
  ['my-connector', 'my-2dconnector'],
  ['order admin_connector', 'order-20admin-5fconnector'],
  ['Stable Baseline', 'Stable-20Baseline'],
])('encodeConnectorName(%p) = %p', (raw, encoded) => {
  expect(encodeConnectorName(raw)).toBe(encoded);
});

test.each([
  ['1.0', '1.0.0.0'],
  ['1', '1.0.0.0'],
  ['2.3.4', '2.3.4.0'],
  ['1.2.3.4', '1.2.3.4'],
  ['01.002', '1.2.0.0'],
  ['1.0-beta', undefined],
  ['v1', undefined],
  ['1.2.3.4.5', undefined],
  ['', undefined],
])('normalizeSolutionVersion(%p) = %p', (v, expected) => {
  expect(normalizeSolutionVersion(v)).toBe(expected);
});

test.each([
  ['ConvertKit', 'ConvertKit'],
  ['my api', 'MyApi'],
  ['3D printer', 'DPrinter'],
  ['Troy Taylor, Hitachi Solutions', 'TroyTaylorHitachiSolutions'],
])('pascalIdentifier(%p) = %p', (text, id) => {
  expect(pascalIdentifier(text)).toBe(id);
});

test('option value prefixes are stable and within 10000..99999', () => {
  for (const p of ['new', 'tths', 'pcdk', 'ab', 'zzzzzzzz']) {
    const v = optionValuePrefixFor(p);
    expect(v).toBe(optionValuePrefixFor(p));
    expect(v).toBeGreaterThanOrEqual(10000);
    expect(v).toBeLessThanOrEqual(99999);
  }
});
