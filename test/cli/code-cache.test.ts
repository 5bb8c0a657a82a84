/**
 * The code cache bin.ts installs on Node 20: a file under the root compiles from V8's cached data
 * after its first run, behaves exactly as Node would load it, and is compiled afresh when it
 * changes. Each run is a real Node process, as the bin's is.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const source = path.join(__dirname, '..', '..', 'src', 'cli', 'code-cache.ts');

interface Run {
  hits: string[];
  misses: string[];
  value: unknown;
}

describe('code cache (Node 20)', () => {
  let dir: string;
  let root: string;
  let cache: string;
  let runner: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-code-cache-'));
    root = path.join(dir, 'lib');
    cache = path.join(dir, 'cache');
    fs.mkdirSync(path.join(root, 'sub'), { recursive: true });
    const { code } = esbuild.transformSync(fs.readFileSync(source, 'utf8'), { loader: 'ts', format: 'cjs' });
    fs.writeFileSync(path.join(dir, 'code-cache.js'), code);
    fs.writeFileSync(
      path.join(root, 'main.js'),
      [
        "const helper = require('./sub/helper');",
        "const os = require('node:os');",
        'module.exports = {',
        '  sum: helper.add(2, 3),',
        "  self: require.resolve('./sub/helper') === require('node:path').join(__dirname, 'sub', 'helper.js'),",
        '  file: __filename,',
        '  exportsIsThis: this === module.exports,',
        '  eol: os.EOL.length,',
        "  paths: Array.isArray(require.resolve.paths('x')),",
        '};',
      ].join('\n'),
    );
    fs.writeFileSync(path.join(root, 'sub', 'helper.js'), 'exports.add = (a, b) => a + b;\n');
    runner = path.join(dir, 'run.js');
    fs.writeFileSync(
      runner,
      [
        "const path = require('node:path');",
        "const { installCodeCache } = require('./code-cache.js');",
        `const stats = installCodeCache(${JSON.stringify(root)}, ${JSON.stringify(cache)});`,
        `const value = require(${JSON.stringify(path.join(root, 'main.js'))});`,
        'const rel = (f) => path.relative(path.join(__dirname, "lib"), f);',
        'console.log(JSON.stringify({ hits: stats.hits.map(rel), misses: stats.misses.map(rel), value }));',
      ].join('\n'),
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = (): Run => JSON.parse(execFileSync(process.execPath, [runner], { encoding: 'utf8' })) as Run;

  test('the first run compiles and writes cached data; the next compiles from it', () => {
    const first = run();
    expect(first.misses.sort()).toEqual(['main.js', path.join('sub', 'helper.js')].sort());
    expect(first.hits).toEqual([]);
    expect(fs.readdirSync(cache).filter((f) => f.endsWith('.v8'))).toHaveLength(2);
    const second = run();
    expect(second.hits.sort()).toEqual(first.misses.sort());
    expect(second.misses).toEqual([]);
  });

  test('a module loaded through the cache sees what Node gives it', () => {
    expect(run().value).toEqual({
      sum: 5,
      self: true,
      file: path.join(root, 'main.js'),
      exportsIsThis: true,
      eol: os.EOL.length,
      paths: true,
    });
  });

  test('a changed file is compiled afresh, and the other keeps its cached data', () => {
    run();
    const helper = path.join(root, 'sub', 'helper.js');
    fs.writeFileSync(helper, 'exports.add = (a, b) => a + b + 0; // changed\n');
    fs.utimesSync(helper, new Date(), new Date(Date.now() + 5000));
    const after = run();
    expect(after.misses).toEqual([path.join('sub', 'helper.js')]);
    expect(after.hits).toEqual(['main.js']);
    expect(after.value).toMatchObject({ sum: 5 });
  });

  test('files outside the root load as Node loads them, without cached data', () => {
    const outside = path.join(dir, 'outside.js');
    fs.writeFileSync(outside, 'module.exports = 42;\n');
    const out = execFileSync(
      process.execPath,
      [
        '-e',
        `const s = require(${JSON.stringify(path.join(dir, 'code-cache.js'))}).installCodeCache(${JSON.stringify(root)}, ${JSON.stringify(cache)});` +
          `const v = require(${JSON.stringify(outside)}); console.log(JSON.stringify({ v, n: s.hits.length + s.misses.length }));`,
      ],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(out)).toEqual({ v: 42, n: 0 });
  });
});
