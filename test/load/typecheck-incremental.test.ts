/**
 * The type-check keeps the compiler's incremental state between builds: a check with nothing
 * changed must still report the errors it found before, a fix must clear them, and a state file
 * that is damaged must not change the answer.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { connectorEntry } from '../../src/load/load-descriptors';
import { startTypecheck } from '../../src/load/typecheck';
import { ID, writeMistake } from '../helpers/author-mistakes';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-tsinc-'));
// The check's state goes under PCDK_CACHE_DIR when set; these tests look for it in the project.
const savedCache = process.env.PCDK_CACHE_DIR;
beforeAll(() => {
  delete process.env.PCDK_CACHE_DIR;
});
afterAll(() => {
  if (savedCache !== undefined) process.env.PCDK_CACHE_DIR = savedCache;
  fs.rmSync(tmp, { recursive: true, force: true });
});

const BROKEN = "\nexport const broken: number = 'not a number';\n";

test('errors survive a check with nothing changed, a fix clears them, a damaged state changes nothing', async () => {
  // A project with node_modules keeps the state under node_modules/.cache/pcdk/typecheck.
  const root = path.join(tmp, 'project');
  const defs = path.join(root, 'definitions');
  writeMistake(defs, ID, undefined);
  fs.mkdirSync(path.join(root, 'node_modules'), { recursive: true });
  const entry = connectorEntry(defs, ID);
  const check = async (): Promise<string[]> =>
    (await startTypecheck({ id: ID, entry, root }).result).map(
      (d) => `${path.basename(d.source?.file ?? '')}:${d.source?.line} ${d.message}`,
    );
  const states = (): string[] =>
    fs
      .readdirSync(path.join(root, 'node_modules', '.cache', 'pcdk', 'typecheck'))
      .filter((f) => f.endsWith('.tsbuildinfo'));

  expect(await check()).toEqual([]);
  expect(states()).toHaveLength(1);

  const clean = fs.readFileSync(entry, 'utf8');
  fs.writeFileSync(entry, clean + BROKEN);
  const line = clean.split('\n').length + 1;
  const broken = await check();
  expect(broken).toEqual([expect.stringMatching(new RegExp(`^connector\\.ts:${line} .*TS2322`))]);
  // Nothing changed: the answer comes from the kept state, and is the same.
  expect(await check()).toEqual(broken);

  const state = path.join(root, 'node_modules', '.cache', 'pcdk', 'typecheck', states()[0]!);
  fs.writeFileSync(state, '{ not json');
  expect(await check()).toEqual(broken);
  fs.writeFileSync(state, '');
  expect(await check()).toEqual(broken);

  fs.writeFileSync(entry, clean);
  expect(await check()).toEqual([]);
  expect(await check()).toEqual([]);
}, 60_000);
