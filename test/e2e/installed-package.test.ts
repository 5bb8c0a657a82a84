/**
 * pcdk used exactly as an author uses it: packed, installed into a project outside this
 * repository, and driven only through its bin and its public API. Every step here is one a
 * README reader takes: init, build, validate, pack, the generated client, an edit, mistakes.
 */
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import JSZip from 'jszip';
import { json, startTestServer } from '../helpers/http-server';
import { ID, MISTAKES, writeMistake } from '../helpers/author-mistakes';
import { installPcdk, packPcdk, repo, run, tempDir, type Run } from '../helpers/installed-pcdk';

const root = tempDir('pcdk-e2e-');
const project = path.join(root, 'author-project');
let tarball: string;
let bin: string;
let id: string;

const pcdk = (args: string[], cwd = project): Run => run(process.execPath, [bin, ...args], cwd);
const connectorTs = () => path.join(project, 'definitions', id, 'connector.ts');

/** Every file and folder under `dir` as if written a minute ago. */
function backdate(dir: string): void {
  const then = new Date(Date.now() - 60_000);
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) backdate(p);
    fs.utimesSync(p, then, then);
  }
}

/** What must never reach a user: a crash report instead of a diagnostic. */
function expectNoCrash(r: Run): void {
  expect(r.err).not.toMatch(/internal error/i);
  expect(r.err).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
}

beforeAll(() => {
  tarball = packPcdk(root);
  installPcdk(project, tarball);
  bin = path.join(project, 'node_modules', 'pcdk', 'lib', 'cli', 'bin.js');
}, 180_000);

describe('the packed tarball', () => {
  test('holds the compiled package and no tests, definitions or configs', async () => {
    const files = fs.readdirSync(path.join(project, 'node_modules', 'pcdk'), { recursive: true, encoding: 'utf8' });
    expect(files).toContain(path.join('lib', 'index.d.ts'));
    expect(files).toContain(path.join('lib', 'cli', 'bin.js'));
    expect(files).toContain(path.join('lib', 'cli', 'run.bundle.js'));
    expect(files.filter((f) => /^(test|definitions|scripts)\b|jest|tsconfig/.test(f))).toEqual([]);
  });

  test('@arethetypeswrong/cli finds no problem', () => {
    const r = run(
      process.execPath,
      [path.join(repo, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js'), tarball, '--format', 'json'],
      root,
    );
    const report = JSON.parse(r.out) as { analysis: { problems: unknown[] } };
    expect(report.analysis.problems).toEqual([]);
    expect(r.code).toBe(0);
  }, 60_000);

  test('publint finds no problem, suggestions included', () => {
    const r = run(
      process.execPath,
      [
        path.join(repo, 'node_modules', 'publint', 'src', 'cli.js'),
        'run',
        tarball,
        '--strict',
        '--level',
        'suggestion',
      ],
      root,
    );
    expect(`${r.out}${r.err}`).toContain('All good!');
    expect(r.code).toBe(0);
  }, 60_000);

  test("V8's compiled code is kept in pcdk's cache on every Node version, and PCDK_NO_CACHE keeps none", () => {
    const cache = path.join(root, 'v8-cache-check');
    const version = (env: Record<string, string>) =>
      run(process.execPath, [bin, '--version'], project, { NODE_COMPILE_CACHE: '', PCDK_CACHE_DIR: cache, ...env });
    const kept = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).length : 0);
    expect(version({ PCDK_NO_CACHE: '1' }).code).toBe(0);
    expect(fs.existsSync(cache)).toBe(false);
    expect(version({}).code).toBe(0);
    // Node 20: one file per compiled bundle (src/cli/code-cache.ts); Node 22+: its compile
    // cache's folder for this Node version.
    expect(kept(path.join(cache, 'v8'))).toBeGreaterThan(0);

    // Node's own override of its compile cache's folder stands (Node 20 has no compile cache).
    const own = path.join(root, 'node-compile-cache-check');
    fs.rmSync(cache, { recursive: true, force: true });
    expect(version({ NODE_COMPILE_CACHE: own }).code).toBe(0);
    const hasCompileCache = 'enableCompileCache' in Module;
    expect([kept(own) > 0, kept(path.join(cache, 'v8')) > 0]).toEqual([hasCompileCache, !hasCompileCache]);
  });

  test('the bin works right after install: npx pcdk --version', () => {
    const r = run('npx', ['--no-install', 'pcdk', '--version'], project);
    expect(r.out.trim()).toBe(JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')).version);
  }, 60_000);
});

describe('a project of its own', () => {
  beforeAll(() => {
    const r = run('npx', ['--no-install', 'pcdk', 'init'], project);
    expect(r.code).toBe(0);
    const defs = fs.readdirSync(path.join(project, 'definitions'));
    expect(defs).toHaveLength(1);
    id = defs[0]!;
  }, 60_000);

  test('init kept the install: pcdk is still the packed tarball', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(project, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
      scripts: Record<string, string>;
    };
    expect(pkg.devDependencies.pcdk).toMatch(/^file:/);
    expect(Object.keys(pkg.scripts)).toEqual(expect.arrayContaining(['build', 'validate', 'pack']));
  });

  test('npm run build, validate and pack pass out of the box', async () => {
    for (const script of ['build', 'validate', 'pack']) {
      const r = run('npm', ['run', '--silent', script], project);
      expectNoCrash(r);
      expect([script, r.code, r.err]).toEqual([script, 0, expect.not.stringContaining('error [')]);
    }
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(project, 'dist', id, 'packages', 'connector.zip')));
    expect(Object.keys(zip.files)).toEqual(
      expect.arrayContaining(['apiDefinition.swagger.json', 'apiProperties.json']),
    );
  }, 120_000);

  test('the generated client calls a server on 127.0.0.1', async () => {
    const swagger = JSON.parse(
      fs.readFileSync(path.join(project, 'dist', id, 'connector', 'apiDefinition.swagger.json'), 'utf8'),
    );
    const [[route, item]] = Object.entries(swagger.paths as Record<string, Record<string, { operationId: string }>>);
    const [[method]] = Object.entries(item!);
    const server = await startTestServer((req, res) => json(res, 200, { ok: true, path: req.url.pathname }));
    try {
      const client = require(path.join(project, 'dist', id, 'client', 'index.cjs')) as {
        createClient(o: object): Record<string, (p?: object) => Promise<unknown>>;
      };
      const api = client.createClient({
        baseUrl: `${server.origin}${swagger.basePath}`,
        apiKey: 'k',
        apiSecret: 'k',
        rateLimit: false,
        retry: false,
      });
      const op = Object.keys(api).find((k) => typeof api[k] === 'function' && !['call', 'iterate'].includes(k))!;
      const answer = await api[op]!({});
      expect(answer).toMatchObject({ ok: true });
      expect(server.requests[0]!.method).toBe(method!.toUpperCase());
      expect(server.requests[0]!.url.pathname).toBe(`${swagger.basePath.replace(/\/$/, '')}${route}`);
    } finally {
      await server.close();
    }
  }, 60_000);

  test('an edit to a descriptor shows in the next build', () => {
    const before = fs.readFileSync(connectorTs(), 'utf8');
    const summary = /summary: '([^']+)'/.exec(before)![1]!;
    fs.writeFileSync(connectorTs(), before.replace(`summary: '${summary}'`, "summary: 'Edited just now'"));
    try {
      const r = pcdk(['build', id]);
      expect(r.code).toBe(0);
      expect(
        fs.readFileSync(path.join(project, 'dist', id, 'connector', 'apiDefinition.swagger.json'), 'utf8'),
      ).toContain('"summary": "Edited just now"');
    } finally {
      fs.writeFileSync(connectorTs(), before);
    }
  }, 60_000);

  test('a build with nothing changed answers from its record; a changed output or --force builds again', () => {
    // As if the author's files were saved a minute ago: a build never records files written as it starts.
    backdate(path.join(project, 'definitions'));
    const dist = path.join(project, 'dist', id);
    const forced = pcdk(['build', id, '--force']);
    expect([forced.code, forced.out]).toEqual([0, expect.stringMatching(/: type-checked, wrote /)]);
    const again = pcdk(['build', id]);
    expect([again.code, again.out]).toEqual([0, expect.stringMatching(/: type-checked, .*\} up to date \(/)]);
    // The findings are the build's own, replayed.
    expect(again.err).toBe(forced.err);

    const swagger = path.join(dist, 'connector', 'apiDefinition.swagger.json');
    const built = fs.readFileSync(swagger, 'utf8');
    fs.writeFileSync(swagger, built.replace('"swagger"', '"swagger-edited"'));
    expect(pcdk(['build', id]).out).toMatch(/: type-checked, wrote /);
    expect(fs.readFileSync(swagger, 'utf8')).toBe(built);

    const stray = path.join(dist, 'client', 'stray.txt');
    fs.writeFileSync(stray, 'not from the build');
    expect(pcdk(['build', id]).out).toMatch(/: type-checked, wrote /);
    expect(fs.existsSync(stray)).toBe(false);

    expect(pcdk(['build', id]).out).toMatch(/up to date/);
    expect(pcdk(['build', id, '--no-typecheck']).out).toMatch(new RegExp(`: dist/${id}/\\{.*\\} up to date \\(`));
    expect(pcdk(['build', id, '--force']).out).toMatch(/: type-checked, wrote /);
  }, 60_000);

  // Each case breaks one line of connector.ts. The type-check always names that line; without
  // it, a value the build never reads builds, and one it does read is refused with a location.
  const typeErrors: [string, number, string | undefined, (lines: string[]) => number][] = [
    [
      'an unused value of the wrong type',
      0,
      undefined,
      (lines) => (lines.unshift("const unused: number = 'text';"), 0),
    ],
    [
      'a number where the summary string belongs',
      1,
      'descriptor-value-invalid',
      (lines) => {
        const at = lines.findIndex((l) => /summary: '/.test(l));
        lines[at] = lines[at]!.replace(/summary: '[^']*'/, 'summary: 42');
        return at;
      },
    ],
  ];
  test.each(typeErrors)(
    '%s: the build fails at its line; with --no-typecheck it exits %i',
    (_name, code, finding, edit) => {
      const before = fs.readFileSync(connectorTs(), 'utf8');
      const lines = before.split('\n');
      const at = edit(lines);
      fs.writeFileSync(connectorTs(), lines.join('\n'));
      try {
        const r = pcdk(['build', id]);
        expectNoCrash(r);
        expect(r.code).toBe(1);
        expect(r.err).toMatch(
          new RegExp(`definitions/${id}/connector\\.ts:${at + 1}:\\d+: error \\[descriptor-type-error\\]`),
        );
        const unchecked = pcdk(['build', id, '--no-typecheck']);
        expectNoCrash(unchecked);
        expect(unchecked.code).toBe(code);
        if (finding)
          expect(unchecked.err).toMatch(
            new RegExp(`definitions/${id}/connector\\.ts:\\d+:\\d+: error \\[${finding}\\]`),
          );
      } finally {
        fs.writeFileSync(connectorTs(), before);
      }
    },
    60_000,
  );

  test('relative path options work from a subfolder', () => {
    const sub = path.join(project, 'definitions');
    const out = path.join(root, 'elsewhere');
    const r = pcdk(['build', id, '--definitions', '.', '--out', path.relative(sub, out), '--no-typecheck'], sub);
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(out, id, 'connector', 'apiDefinition.swagger.json'))).toBe(true);
  }, 60_000);
});

describe('starting from an empty folder', () => {
  test('pcdk init <dir> scaffolds a connector that builds and validates with no further step', () => {
    const fresh = path.join(root, 'fresh-start');
    const r = pcdk(['init', 'fresh-start'], root);
    expect(r.code).toBe(0);
    const freshId = fs.readdirSync(path.join(fresh, 'definitions'))[0]!;
    for (const args of [
      ['build', freshId],
      ['validate', freshId],
      ['recordings', 'check', freshId],
    ]) {
      const step = pcdk(args, fresh);
      expectNoCrash(step);
      expect([args.join(' '), step.code]).toEqual([args.join(' '), 0]);
    }
  }, 60_000);
});

describe('author mistakes, through the installed bin', () => {
  // Each row is one mistake in an otherwise valid connector (test/helpers/author-mistakes.ts).
  test.each(MISTAKES.map((m, i) => [m.name, i, m] as const))(
    '%s',
    (_name, i, m) => {
      const defs = path.join(project, 'mistakes', String(i));
      writeMistake(defs, ID, m);
      const r = pcdk(['build', ID, '--definitions', defs, '--out', path.join(root, 'mistakes-out')]);
      expectNoCrash(r);
      expect(r.code).toBe(1);
      const file = path
        .relative(project, path.join(defs, ID, m.file))
        .split(path.sep)
        .join('/');
      const place = m.line ? `${file}:${m.line}:` : `${file}:`;
      const line = r.err.split('\n').find((l) => l.includes(`[${m.code}]`));
      expect(line).toBeDefined();
      expect(line!.startsWith(place)).toBe(true);
      // Every error the user sees leads with a .ts location.
      for (const l of r.err.split('\n').filter((x) => /\berror \[/.test(x)))
        expect(l).toMatch(/^[^ ]+\.ts:\d+:\d+: error \[/);
    },
    60_000,
  );
});
