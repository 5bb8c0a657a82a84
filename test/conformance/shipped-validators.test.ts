/**
 * The validators pcdk ships (lib/generated/validators/, made by `npm run compile`) are exactly
 * what compiling their schemas gives now: same code, same key. A validator is used only for the
 * schema it came from, and it judges documents as the freshly compiled one does.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { standaloneCode } from '../../src/validate/compiled-cache';
import { officialValidatorRecipes } from '../../src/validate/official-schemas';
import {
  SHIPPED_MANIFEST,
  type ShippedManifest,
  shippedFileText,
  shippedKey,
  shippedValidator,
  shippedValidatorsDir,
} from '../../src/validate/shipped-validators';
import { swagger2Recipe } from '../../src/validate/swagger-parser';
import { sharedDir } from '../helpers/shared';

const dir = shippedValidatorsDir();
const schemas = path.join(sharedDir(), 'schemas');
const recipes = [swagger2Recipe(), ...officialValidatorRecipes(schemas)];

function manifest(): ShippedManifest {
  const file = path.join(dir, SHIPPED_MANIFEST);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run compile\` first`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as ShippedManifest;
}

describe('shipped validators', () => {
  test('every schema pcdk validates against ships a validator', () => {
    expect(Object.keys(manifest().validators).sort()).toEqual(recipes.map((r) => r.label).sort());
  });

  test.each(recipes.map((r) => [r.label, r] as const))(
    '%s: the shipped code and key are what compiling the schema gives now',
    (label, r) => {
      const entry = manifest().validators[label]!;
      expect(entry.key).toBe(shippedKey(r.keyMaterial));
      const shipped = fs.readFileSync(path.join(dir, entry.file), 'utf8');
      expect(shipped === shippedFileText(label, standaloneCode(r.compile()))).toBe(true);
    },
  );

  test('a validator is used only for the schema text it was compiled from', () => {
    const r = recipes.find((x) => x.label === 'apiProperties')!;
    expect(shippedValidator(r.label, r.keyMaterial)).toBeInstanceOf(Function);
    expect(shippedValidator(r.label, `${r.keyMaterial} `)).toBeUndefined();
    expect(shippedValidator('no-such-schema', r.keyMaterial)).toBeUndefined();
  });

  test.each([
    ['a valid connection parameter set', { properties: { connectionParameters: {} } }],
    [
      'a parameter with an unknown type',
      { properties: { connectionParameters: { api_key: { type: 'securestrin', uiDefinition: {} } } } },
    ],
    ['an unknown top-level key', { properties: {}, extra: 1 }],
  ])('shipped and freshly compiled apiProperties validators agree on %s', (_name, value) => {
    const r = recipes.find((x) => x.label === 'apiProperties')!;
    const shipped = shippedValidator(r.label, r.keyMaterial)!;
    const fresh = r.compile().validate;
    expect(shipped(value)).toBe(fresh(value));
    expect(shipped.errors ?? null).toEqual(fresh.errors ?? null);
  });

  test('the schemas pcdk was built against load from the package: nothing is compiled or cached', () => {
    const userCache = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-user-cache-'));
    process.env.PCDK_CACHE_DIR = userCache;
    try {
      jest.isolateModules(() => {
        const { loadOfficialValidators } =
          require('../../src/validate/official-schemas') as typeof import('../../src/validate/official-schemas');
        const validators = loadOfficialValidators(schemas);
        const where = { connector: 'demo', file: 'apiProperties.json' };
        expect(
          validators.validate('apiProperties', { properties: {}, unknownKey: true }, where).length,
        ).toBeGreaterThan(0);
      });
      expect(fs.readdirSync(userCache)).toEqual([]);
    } finally {
      delete process.env.PCDK_CACHE_DIR;
      fs.rmSync(userCache, { recursive: true, force: true });
    }
  });
});
