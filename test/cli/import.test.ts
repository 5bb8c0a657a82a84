/**
 * `pcdk import` end to end, in process: one folder, --all with plain progress lines and a summary
 * table (stderr is not a terminal under jest), refusal to overwrite, broken files reported
 * without a stack trace. The TTY bar itself is tested on a fake terminal stream.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../helpers/run-cli';
import { createProgress, formatTable } from '../../src/cli/progress';
import { sampleApiProperties, sampleSwagger, tempDir, writeSource } from '../import/sample-source';

const run = runCli;

describe('pcdk import', () => {
  const work = tempDir('cli-import');
  const corpus = path.join(work, 'corpus');
  writeSource(path.join(corpus, 'certified', 'Feature Zoo'), sampleSwagger(), sampleApiProperties());
  writeSource(path.join(corpus, 'certified', 'Broken'), sampleSwagger(), undefined, {
    raw: { apiProperties: '{ "properties": { "iconBrandColor": "#000000" }' },
  });
  writeSource(path.join(corpus, 'independent', 'Lenient'), undefined, sampleApiProperties(), {
    raw: { swagger: `\ufeff${JSON.stringify(sampleSwagger()).replace(/\}$/, ',}')}` },
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  test('imports one folder to --out and verifies the round trip', async () => {
    const out = path.join(work, 'one', 'zoo');
    const r = await run(['import', path.join(corpus, 'certified', 'Feature Zoo'), '--id', 'zoo', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`pcdk: zoo: wrote ${out}`);
    expect(r.out).toContain('rebuilt swagger and apiProperties equal the source');
    // The share written with the typed API (the rest declared verbatim), in the summary line.
    expect(r.out).toMatch(/; typed \d+\/7 operations \(\d+ partly\), \d+\/\d+ parameters\n/);
    expect(fs.existsSync(path.join(out, 'connector.ts'))).toBe(true);
  });

  test('refuses to replace an existing folder without --force', async () => {
    const out = path.join(work, 'one', 'zoo');
    const before = fs.readFileSync(path.join(out, 'connector.ts'), 'utf8');
    const r = await run(['import', path.join(corpus, 'certified', 'Feature Zoo'), '--id', 'zoo', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('exists; pass --force');
    expect(fs.readFileSync(path.join(out, 'connector.ts'), 'utf8')).toBe(before);
    expect(
      (await run(['import', path.join(corpus, 'certified', 'Feature Zoo'), '--id', 'zoo', '--out', out, '--force']))
        .code,
    ).toBe(0);
  });

  test('a file that is not JSON is a diagnostic with its position, exit 1, nothing written, no stack trace', async () => {
    const out = path.join(work, 'broken');
    const r = await run(['import', path.join(corpus, 'certified', 'Broken'), '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      'error [import-json-invalid] broken (apiProperties.json#): not JSON, even read leniently: CloseBraceExpected at line 1',
    );
    expect(r.err).toContain('nothing was written');
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(out)).toBe(false);
  });

  test('--all prints one plain line per connector when not on a terminal, then a summary table', async () => {
    const outRoot = path.join(work, 'all');
    const r = await run(['import', '--all', corpus, '--out', outRoot]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[1/3] failed certified/Broken');
    expect(r.err).toContain('[2/3] ok     certified/Feature Zoo');
    expect(r.err).toContain('[3/3] ok     independent/Lenient');
    expect(r.err).not.toContain('\r');
    const table = r.out.split('\n');
    expect(table[0]).toMatch(/^Folder\s+Id\s+Result\s+Ops\s+Typed\s+Warnings\s+Errors\s+First error$/);
    expect(r.out).toMatch(/certified\/Broken\s+broken\s+failed\s+0\s+1\s+1\s+\[import-json-invalid\]/);
    // Warnings: read leniently, vendor keys kept, knownFindings written (import-known-findings).
    expect(r.out).toMatch(/independent\/Lenient\s+lenient\s+ok\s+7\s+\d+\/7\s+3\s+0/);
    expect(r.out).toMatch(/2\/3 imported and round-tripped; typed \d+\/14 operations/);
    expect(fs.readdirSync(outRoot).sort()).toEqual(['feature-zoo', 'lenient']);
  });

  test('usage errors exit 2', async () => {
    expect((await run(['import'])).code).toBe(2);
    expect((await run(['import', '--all', corpus, '--id', 'x'])).code).toBe(2);
    expect((await run(['import', corpus, '--id', 'Bad Id'])).code).toBe(2);
  });
});

describe('progress', () => {
  test('on a terminal: one bar redrawn in place, cleared at the end', () => {
    let s = '';
    const p = createProgress(4, { isTTY: true, columns: 60, write: (x: string) => (s += x) });
    p.tick('first', 'ok');
    p.tick('second\u001b[31m', 'ok');
    p.done();
    expect(s).toContain('\r\u001b[2K[############............] 2/4 second?[31m');
    expect(s).not.toContain('\n');
    expect(s.endsWith('\r\u001b[2K')).toBe(true);
  });

  test('not on a terminal: plain numbered lines', () => {
    let s = '';
    const p = createProgress(2, { write: (x: string) => (s += x) });
    p.tick('a', 'ok');
    p.tick('b', 'failed');
    expect(s).toBe('[1/2] ok     a\n[2/2] failed b\n');
  });

  test('formatTable pads columns', () => {
    expect(
      formatTable(
        ['A', 'Bee'],
        [
          ['long', 'x'],
          ['s', 'y'],
        ],
      ),
    ).toBe('A     Bee\n----  ---\nlong  x\ns     y\n');
  });
});
