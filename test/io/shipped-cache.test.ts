/**
 * The cache entries pcdk ships (lib/generated/cache/, made by `npm run compile`): the generated
 * client's runtime bundle and its declarations. With an empty user cache, a build finds both
 * there, so it never loads TypeScript, and they equal what TypeScript makes from today's runtime
 * sources: a stale shipped entry would not be found (its key is the sources) and fails here.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { shippedCacheDir } from '../../src/io/content-cache';

describe('shipped cache entries', () => {
  let userCache: string;
  beforeAll(() => {
    userCache = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-user-cache-'));
    process.env.PCDK_CACHE_DIR = userCache;
  });
  afterAll(() => {
    delete process.env.PCDK_CACHE_DIR;
    fs.rmSync(userCache, { recursive: true, force: true });
  });

  test('the client runtime and its declarations come from the package, as TypeScript would make them now', () => {
    if (!fs.existsSync(shippedCacheDir())) throw new Error(`${shippedCacheDir()} is missing: run \`npm run compile\``);
    jest.isolateModules(() => {
      const artifact = require('../../src/synth/client-artifact') as typeof import('../../src/synth/client-artifact');
      const shippedRuntime = artifact.runtimeBundle();
      const shippedDts = artifact.runtimeDeclarations();
      // Nothing was produced, so nothing was written to the (empty) user cache.
      expect(fs.readdirSync(userCache)).toEqual([]);

      const { readRuntimeSources } =
        require('../../src/synth/runtime-sources') as typeof import('../../src/synth/runtime-sources');
      const { bundleRuntime } =
        require('../../src/emit/client/runtime-bundle') as typeof import('../../src/emit/client/runtime-bundle');
      const { runtimeDeclarations } =
        require('../../src/emit/client/client-compile') as typeof import('../../src/emit/client/client-compile');
      const fresh = bundleRuntime(readRuntimeSources());
      expect(shippedRuntime === fresh).toBe(true);
      expect(shippedDts === runtimeDeclarations(fresh)).toBe(true);
    });
  });
});
