/** The on-disk cache of compiled validators: hit, miss, corruption, and key changes. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { compileCached } from '../../src/validate/compiled-cache';

const schema = {
  type: 'object',
  properties: { email: { type: 'string', format: 'email' }, n: { type: 'integer' } },
  required: ['n'],
  additionalProperties: false,
};

function compiler() {
  const compile = jest.fn(() => {
    const ajv = new Ajv({ allErrors: true, code: { source: true } });
    addFormats(ajv);
    return { ajv, validate: ajv.compile(schema) };
  });
  return compile;
}

describe('compileCached', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-cache-'));
    process.env.PCDK_CACHE_DIR = dir;
  });
  afterEach(() => {
    delete process.env.PCDK_CACHE_DIR;
  });

  test('compiles once, then loads the cached code, which validates the same way', () => {
    const first = compiler();
    const a = compileCached('demo', 'v1', first);
    expect(first).toHaveBeenCalledTimes(1);
    expect(fs.readdirSync(dir)).toHaveLength(1);

    const second = compiler();
    const b = compileCached('demo', 'v1', second);
    expect(second).not.toHaveBeenCalled();
    for (const v of [
      { n: 1 },
      { n: 1, email: 'a@b.example' },
      { n: 'x' },
      { email: 'not-an-email', n: 1 },
      { n: 1, extra: true },
    ]) {
      expect(b(v)).toBe(a(v));
    }
    expect(b({ n: 1, extra: true })).toBe(false);
    expect(b.errors?.[0]?.keyword).toBe('additionalProperties');
  });

  test('a different key compiles again', () => {
    compileCached('demo', 'v1', compiler());
    const other = compiler();
    compileCached('demo', 'v2', other);
    expect(other).toHaveBeenCalledTimes(1);
    expect(fs.readdirSync(dir)).toHaveLength(2);
  });

  test('a corrupted entry falls back to compiling', () => {
    compileCached('demo', 'v1', compiler());
    const file = path.join(dir, fs.readdirSync(dir)[0]!);
    fs.writeFileSync(file, 'module.exports = 42;');
    const again = compiler();
    const v = compileCached('demo', 'v1', again);
    expect(again).toHaveBeenCalledTimes(1);
    expect(v({ n: 1 })).toBe(true);
  });
});
