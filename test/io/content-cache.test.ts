/** The JSON content cache used for the client compile and the runtime bundle. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cachedJson } from '../../src/io/content-cache';

describe('cachedJson', () => {
  beforeEach(() => {
    process.env.PCDK_CACHE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-cc-'));
  });
  afterEach(() => {
    delete process.env.PCDK_CACHE_DIR;
    delete process.env.PCDK_NO_CACHE;
  });

  test('produces on a miss, reads the entry on a hit, and keys by content', () => {
    const produce = jest.fn(() => ({ dts: 'export {};', errors: [] as string[] }));
    expect(cachedJson('client', 'source A', produce)).toEqual({ dts: 'export {};', errors: [] });
    expect(cachedJson('client', 'source A', produce)).toEqual({ dts: 'export {};', errors: [] });
    expect(produce).toHaveBeenCalledTimes(1);
    cachedJson('client', 'source B', produce);
    expect(produce).toHaveBeenCalledTimes(2);
  });

  test('PCDK_NO_CACHE turns it off; an unreadable entry is recomputed', () => {
    const produce = jest.fn(() => 1);
    cachedJson('x', 'k', produce);
    const dir = process.env.PCDK_CACHE_DIR!;
    fs.writeFileSync(path.join(dir, fs.readdirSync(dir)[0]!), '{not json');
    expect(cachedJson('x', 'k', produce)).toBe(1);
    process.env.PCDK_NO_CACHE = '1';
    cachedJson('x', 'k', produce);
    expect(produce).toHaveBeenCalledTimes(3);
  });
});
