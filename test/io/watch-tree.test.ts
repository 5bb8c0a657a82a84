/** watchTree: every kind of edit under a folder is seen, new subfolders included. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { watchTree } from '../../src/io/watch-tree';

const until = async (ok: () => boolean, ms = 3000): Promise<void> => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out waiting for a change');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('watchTree', () => {
  let dir: string;
  let seen: string[];
  let w: ReturnType<typeof watchTree>;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-watch-'));
    fs.mkdirSync(path.join(dir, 'operations'));
    fs.writeFileSync(path.join(dir, 'operations', 'a.ts'), 'export const a = 1;\n');
    seen = [];
    w = watchTree(dir, (f) => seen.push(f));
  });
  afterEach(() => {
    w.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const file = () => path.join(dir, 'operations', 'a.ts');

  test.each([
    ['a write in place', () => fs.appendFileSync(file(), '// more\n')],
    [
      'a write elsewhere renamed over the file (what many editors and sed -i do)',
      () => {
        fs.writeFileSync(`${file()}.tmp`, 'export const a = 2;\n');
        fs.renameSync(`${file()}.tmp`, file());
      },
    ],
    ['a deletion', () => fs.rmSync(file())],
  ])('%s', async (_n, change) => {
    change();
    await until(() => seen.some((f) => f.startsWith(path.join(dir, 'operations'))));
  });

  test('a file replaced by rename is still watched afterwards', async () => {
    fs.writeFileSync(`${file()}.tmp`, 'x');
    fs.renameSync(`${file()}.tmp`, file());
    await until(() => seen.length > 0);
    seen.length = 0;
    fs.appendFileSync(file(), 'y');
    await until(() => seen.includes(file()));
  });

  test('a new subfolder is watched, and so are the files written in it later', async () => {
    fs.mkdirSync(path.join(dir, 'more'));
    await until(() => seen.includes(path.join(dir, 'more')));
    // Give the watcher its turn to add the folder before writing into it.
    await new Promise((r) => setTimeout(r, 50));
    fs.writeFileSync(path.join(dir, 'more', 'b.ts'), 'export const b = 1;\n');
    await until(() => seen.includes(path.join(dir, 'more', 'b.ts')));
  });

  test('after close, nothing is reported', async () => {
    w.close();
    fs.appendFileSync(file(), 'z');
    await new Promise((r) => setTimeout(r, 200));
    expect(seen).toEqual([]);
  });
});
