/** Solution and publisher settings: defaults from the descriptor, overrides checked before writing. */
import convertkit from '../../definitions/convertkit/connector';
import { resolveSolutionSettings, type SolutionOptions } from '../../src/pack/solution-settings';
import { variant } from '../helpers/sample-connector';

test('defaults derive from the descriptor', () => {
  const { settings, diagnostics } = resolveSolutionSettings(convertkit);
  expect(diagnostics).toEqual([]);
  expect(settings).toEqual({
    uniqueName: 'ConvertKitConnector',
    displayName: 'ConvertKit connector',
    version: '1.0.0.0',
    publisher: {
      uniqueName: 'troytaylorhitachisolutions',
      displayName: 'Troy Taylor, Hitachi Solutions',
      prefix: 'tths',
      optionValuePrefix: expect.any(Number),
    },
  });
});

test('every value can be overridden', () => {
  const o: SolutionOptions = {
    uniqueName: 'KitConn',
    displayName: 'Kit',
    publisher: 'contoso',
    publisherName: 'Contoso',
    prefix: 'cto',
    optionValuePrefix: 12345,
  };
  expect(resolveSolutionSettings(convertkit, o).settings).toEqual({
    uniqueName: 'KitConn',
    displayName: 'Kit',
    version: '1.0.0.0',
    publisher: { uniqueName: 'contoso', displayName: 'Contoso', prefix: 'cto', optionValuePrefix: 12345 },
  });
});

test('a one-word publisher still gets a two-letter prefix', () => {
  expect(resolveSolutionSettings(variant({ publisher: 'Acme' })).settings!.publisher.prefix).toBe('acme');
});

test.each<[string, SolutionOptions, Parameters<typeof variant>[0], string]>([
  ['solution', { uniqueName: 'My Solution' }, {}, 'solution'],
  ['solution starting with a digit', { uniqueName: '1Solution' }, {}, 'solution'],
  ['publisher', { publisher: 'con-toso' }, {}, 'publisher'],
  ['prefix too short', { prefix: 'a' }, {}, 'prefix'],
  ['prefix upper-case', { prefix: 'ABC' }, {}, 'prefix'],
  ['prefix reserved', { prefix: 'mscrmx' }, {}, 'prefix'],
  ['option value prefix', { optionValuePrefix: 9999 }, {}, 'option-value-prefix'],
  ['empty display name', { displayName: ' ' }, {}, 'solution-name'],
  ['version', {}, { version: '1.0-beta' }, 'version'],
])('%s is refused with the setting named', (_name, o, patch, field) => {
  const r = resolveSolutionSettings(variant(patch), o);
  expect(r.settings).toBeUndefined();
  expect(r.diagnostics.map((d) => [d.code, d.field])).toEqual([['pack-setting-invalid', field]]);
  expect(r.diagnostics[0]!.message).toMatch(
    field === 'version'
      ? /^version \(connector\.ts\) "1\.0-beta" is not usable/
      : new RegExp(`^--${field} ".*" is not usable`),
  );
});
