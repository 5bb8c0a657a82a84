/**
 * The generated client's esbuild transform is kept by everything it depends on: a second compile
 * of the same connector gives the same files without calling esbuild; a changed descriptor and
 * PCDK_NO_CACHE transform again.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as Esbuild from 'esbuild';
import { compileClient } from '../../src/synth/client-artifact';
import { operation, t } from '../../src/model';
import { sample, variant } from '../helpers/sample-connector';

// esbuild's exports are getters that cannot be spied on: a copy whose transform counts its calls.
jest.mock('esbuild', () => {
  const actual = jest.requireActual<typeof Esbuild>('esbuild');
  return { ...actual, transform: jest.fn((code: string, o: Esbuild.TransformOptions) => actual.transform(code, o)) };
});
const esbuildTransform = (require('esbuild') as { transform: jest.Mock }).transform;

let cache: string;
const saved = { dir: process.env.PCDK_CACHE_DIR, off: process.env.PCDK_NO_CACHE };
beforeEach(() => {
  cache = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-client-cache-'));
  process.env.PCDK_CACHE_DIR = cache;
  delete process.env.PCDK_NO_CACHE;
  esbuildTransform.mockClear();
});
afterEach(() => {
  fs.rmSync(cache, { recursive: true, force: true });
  for (const [k, v] of [
    ['PCDK_CACHE_DIR', saved.dir],
    ['PCDK_NO_CACHE', saved.off],
  ] as const)
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
});

test('a second compile of the same connector is served from the cache, byte for byte', async () => {
  const first = await compileClient(sample);
  const calls = esbuildTransform.mock.calls.length;
  expect(calls).toBeGreaterThanOrEqual(1);
  expect(fs.readdirSync(cache).some((f) => f.startsWith('client-js-'))).toBe(true);
  expect(await compileClient(sample)).toEqual(first);
  expect(esbuildTransform.mock.calls.length).toBe(calls);
});

test.each([
  [
    'a changed descriptor',
    () => {
      const extra = operation({
        id: 'Ping',
        method: 'get',
        path: '/ping',
        summary: 'Ping',
        description: 'Checks the service.',
        responses: { 200: t.partial({ ok: t.boolean({ title: 'OK', description: 'Up.' }) }) },
      });
      return variant({ operations: [...sample.operations, extra] });
    },
  ],
  [
    'PCDK_NO_CACHE',
    () => {
      process.env.PCDK_NO_CACHE = '1';
      return sample;
    },
  ],
])('%s transforms again', async (_name, next) => {
  await compileClient(sample);
  const calls = esbuildTransform.mock.calls.length;
  await compileClient(next());
  expect(esbuildTransform.mock.calls.length).toBeGreaterThan(calls);
});
