/**
 * The generated ConvertKit client against raw fetch and two peers, openapi-fetch and ky, all
 * sending the same GET /v3/account to the same 127.0.0.1 server in the same run, at concurrency
 * 1 and 50. Rounds are interleaved (each round times every client once, in a rotating order) and
 * each client's figure is the median of its per-round ratios to raw fetch, so load drift on a
 * shared machine cancels; the spread says how far to trust it. Also each client's size, min+gzip.
 *
 * openapi-fetch is typed by openapi-typescript from pcdk's own OpenAPI 3 output of ConvertKit,
 * generated into a temp folder here and type-checked with its call, then bundled by esbuild;
 * nothing generated is kept. `runClientBench()` returns plain figures (for the JSON record);
 * `clientBenchSection()` turns them into the bench's rows.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as zlib from 'node:zlib';
import * as esbuild from 'esbuild';
import ts from 'typescript';
import convertkit from '../../definitions/convertkit/connector';
import { CLIENT_FILES, emitClientPackage } from '../../src/emit/client/client-package';
import { emitConnectorFolder } from '../../src/emit/connector-folder';
import { emitOpenApi3 } from '../../src/emit/openapi3';
import { compileClient } from '../../src/synth/client-artifact';
import { scaleStats, stats, type Stats } from './measure';
import { figureRow, statsRow } from './rows';
import type { BenchSection } from './types';

const REPO = path.join(__dirname, '..', '..');
const BODY = JSON.stringify({ name: 'Acme Corp.', plan_type: 'creator', primary_email_address: 'you@example.com' });
const SECRET = 'bench-secret-0123456789abcdef';
/** What each client must return: the parsed body. */
const EXPECTED = JSON.parse(BODY) as Record<string, string>;

type Call = () => Promise<unknown>;

export interface ClientFigure {
  name: string;
  /** Wall-clock µs per call. */
  wallUs: Stats;
  /** Per-round wall time over raw fetch's in the same round. */
  wallRatio: Stats;
  /** Per-round CPU time (this process: client and server alike) over raw fetch's. */
  cpuRatio: Stats;
}

export interface ConcurrencyFigures {
  concurrency: number;
  callsPerRound: number;
  rounds: number;
  rawFetchUs: Stats;
  clients: ClientFigure[];
}

export interface SizeFigure {
  name: string;
  /** How it was minified: the generated client's own measure (terser) or esbuild --bundle --minify. */
  minifier: 'terser' | 'esbuild';
  minBytes: number;
  gzipBytes: number;
}

export interface ClientBenchResult {
  levels: ConcurrencyFigures[];
  /** The generated client's own JS work per call, with a stub fetch that answers at once. */
  ownWorkUs: number;
  sizes: SizeFigure[];
}

export interface ClientBenchOptions {
  /** Rounds per concurrency level (default 21 at c=1, 15 at c=50). */
  rounds?: { c1: number; c50: number };
  /** Calls per client per round (default 200 at c=1, 500 at c=50): short rounds, so load changes little within one. */
  calls?: { c1: number; c50: number };
}

/** The clients compared, by name; the first is the baseline. */
export const CLIENTS = {
  raw: 'raw fetch',
  rawAgain: 'raw fetch again (noise)',
  rawTimeout: 'raw fetch + timeout signal',
  pcdk: 'pcdk, defaults (limiter, 30 s timeout)',
  pcdkNoLimiter: 'pcdk, limiter off',
  openapiFetch: 'openapi-fetch 0.17',
  ky: 'ky 1.14 (defaults)',
} as const;

interface Timing {
  wall: number;
  cpu: number;
}

/** µs per call (wall and CPU) over `total` calls issued by `concurrency` workers. */
async function perCall(call: Call, total: number, concurrency: number): Promise<Timing> {
  let left = total;
  const worker = async (): Promise<void> => {
    while (left-- > 0) await call();
  };
  const cpu0 = process.cpuUsage();
  const t = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wall = Number(process.hrtime.bigint() - t) / 1e3 / total;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / total };
}

/** Interleaved rounds over every client; ratios are per round against the first (raw fetch). */
async function level(
  clients: [string, Call][],
  concurrency: number,
  total: number,
  rounds: number,
): Promise<ConcurrencyFigures> {
  const timings = clients.map((): Timing[] => []);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < clients.length; k++) {
      const i = (k + r) % clients.length;
      timings[i]!.push(await perCall(clients[i]![1], total, concurrency));
    }
  }
  const base = timings[0]!;
  return {
    concurrency,
    callsPerRound: total,
    rounds,
    rawFetchUs: stats(base.map((t) => t.wall)),
    clients: clients.map(([name], i) => ({
      name,
      wallUs: stats(timings[i]!.map((t) => t.wall)),
      wallRatio: stats(timings[i]!.map((t, r) => t.wall / base[r]!.wall)),
      cpuRatio: stats(timings[i]!.map((t, r) => t.cpu / base[r]!.cpu)),
    })),
  };
}

function gzipSize(code: string): number {
  return zlib.gzipSync(code, { level: 9 }).length;
}

/**
 * The generated client's size measure: terser with two compress passes, then gzip -9. Top-level
 * names are mangled for both formats: an ES module's top level is its own, and so is a CommonJS
 * file's (Node wraps each in a function), which is how a bundler minifying either treats it.
 */
async function terserSize(name: string, code: string, module: boolean): Promise<SizeFigure> {
  const { minify } = await import('terser');
  const out = await minify(code, {
    module,
    toplevel: true,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  });
  const min = out.code ?? '';
  return { name, minifier: 'terser', minBytes: Buffer.byteLength(min), gzipBytes: gzipSize(min) };
}

async function esbuildBundle(entry: string, outfile: string, minify: boolean): Promise<string> {
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify,
    format: 'esm',
    platform: 'node',
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'silent',
  });
  return fs.readFileSync(outfile, 'utf8');
}

/** Type errors in the peers' entry modules (their generated types included); empty when sound. */
function typeCheck(files: string[]): string[] {
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

type MakePeer = (base: string, secret: string) => Call;

/**
 * openapi-fetch and ky as a user would ship them: typed entry modules (openapi-fetch's paths
 * generated from pcdk's OpenAPI 3 output), type-checked, bundled by esbuild and loaded from the
 * bundles, which are also what is measured for size.
 */
async function preparePeers(
  dir: string,
): Promise<{ make: Record<'openapiFetch' | 'ky', MakePeer>; sizes: SizeFigure[] }> {
  // Bare imports in the temp folder resolve to the repository's pinned packages.
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const openapi = emitOpenApi3(emitConnectorFolder(convertkit).swagger);
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const types = astToString(await openapiTS(JSON.parse(JSON.stringify(openapi))));
  fs.writeFileSync(path.join(dir, 'convertkit-paths.ts'), types);
  const entries = {
    // ConvertKit's secret is an apiKey security scheme in the query, which openapi-fetch does not
    // add by itself; it goes in as a query parameter so every client sends the identical URL.
    openapiFetch: `import createClient from 'openapi-fetch';
import type { paths } from './convertkit-paths';
export function make(baseUrl: string, secret: string) {
  const client = createClient<paths>({ baseUrl });
  const query = { api_secret: secret } as Record<string, string>;
  return async () => {
    const { data, error } = await client.GET('/account', { params: { query } as never });
    if (error !== undefined) throw new Error('openapi-fetch: error response');
    return data satisfies { name?: string };
  };
}
`,
    ky: `import ky from 'ky';
export function make(baseUrl: string, secret: string) {
  const api = ky.create({ prefixUrl: baseUrl });
  return () => api.get('account', { searchParams: { api_secret: secret } }).json<{ name?: string }>();
}
`,
  };
  const files = Object.entries(entries).map(([name, text]) => {
    const file = path.join(dir, `${name}-entry.ts`);
    fs.writeFileSync(file, text);
    return [name, file] as const;
  });
  const errors = typeCheck(files.map(([, f]) => f));
  if (errors.length) throw new Error(`bench: the peers' entry modules do not type-check:\n${errors.join('\n')}`);
  const make = {} as Record<'openapiFetch' | 'ky', MakePeer>;
  const sizes: SizeFigure[] = [];
  for (const [name, file] of files) {
    const out = path.join(dir, `${name}.min.mjs`);
    const min = await esbuildBundle(file, out, true);
    sizes.push({
      name: CLIENTS[name as 'openapiFetch' | 'ky'],
      minifier: 'esbuild',
      minBytes: Buffer.byteLength(min),
      gzipBytes: gzipSize(min),
    });
    make[name as 'openapiFetch' | 'ky'] = ((await import(pathToFileURL(out).href)) as { make: MakePeer }).make;
  }
  return { make, sizes };
}

/** Fails loudly if a client returns something else than the body: a bench of a broken call means nothing. */
async function checked(name: string, call: Call): Promise<Call> {
  const got = (await call()) as Record<string, string> | undefined;
  if (got?.name !== EXPECTED.name) throw new Error(`bench: ${name} returned ${JSON.stringify(got)}`);
  return call;
}

export async function runClientBench(o: ClientBenchOptions = {}): Promise<ClientBenchResult> {
  const rounds = o.rounds ?? { c1: 21, c50: 15 };
  const calls = o.calls ?? { c1: 200, c50: 500 };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-bench-client-'));
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(BODY),
      });
      res.end(BODY);
    });
  });
  server.keepAliveTimeout = 60_000;
  try {
    const files = emitClientPackage(convertkit, await compileClient(convertkit));
    const pkg = path.join(dir, 'convertkit-client');
    fs.mkdirSync(pkg);
    for (const [name, text] of files) fs.writeFileSync(path.join(pkg, name), text);
    const { createClient } = require(path.join(pkg, CLIENT_FILES.cjs)) as {
      createClient(o: object): { getAccount(): Promise<unknown> };
    };
    const peers = await preparePeers(dir);

    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3/`;
    const url = `${base}account?api_secret=${SECRET}`;

    // The baseline does what any hand-written call must: fetch, read, parse.
    const raw: Call = async () => {
      const res = await fetch(url, { method: 'GET', headers: { accept: 'application/json' } });
      return JSON.parse(await res.text());
    };
    const rawTimeout: Call = async () => {
      const ctl = new AbortController();
      const timer = setTimeout(() => ctl.abort(), 30_000);
      try {
        const res = await fetch(url, { method: 'GET', headers: { accept: 'application/json' }, signal: ctl.signal });
        return JSON.parse(await res.text());
      } finally {
        clearTimeout(timer);
      }
    };
    // The defaults, with the limiter on but never binding (ConvertKit's 100 per minute would make
    // this a bench of waiting): its bookkeeping is part of the cost.
    const pcdk = createClient({ apiSecret: SECRET, baseUrl: base, rateLimit: { calls: 1e9, windowMs: 60_000 } });
    const pcdkNoLimiter = createClient({ apiSecret: SECRET, baseUrl: base, rateLimit: false });
    const clients: [string, Call][] = [
      [CLIENTS.raw, await checked(CLIENTS.raw, raw)],
      [CLIENTS.rawAgain, raw],
      [CLIENTS.rawTimeout, await checked(CLIENTS.rawTimeout, rawTimeout)],
      [CLIENTS.pcdk, await checked(CLIENTS.pcdk, () => pcdk.getAccount())],
      [CLIENTS.pcdkNoLimiter, await checked(CLIENTS.pcdkNoLimiter, () => pcdkNoLimiter.getAccount())],
      [CLIENTS.openapiFetch, await checked(CLIENTS.openapiFetch, peers.make.openapiFetch(base.slice(0, -1), SECRET))],
      [CLIENTS.ky, await checked(CLIENTS.ky, peers.make.ky(base, SECRET))],
    ];

    // The client's own work per call: a stub fetch that answers at once.
    const stubResponse = {
      status: 200,
      statusText: 'OK',
      headers: { get: () => 'application/json' },
      text: async () => BODY,
    };
    const stub = async (_u: string, _i: unknown) => stubResponse;
    const stubbed = createClient({ apiSecret: SECRET, baseUrl: base, rateLimit: false, fetch: stub });
    const stubRaw: Call = async () => JSON.parse(await (await stub(url, {})).text());
    const own = await level(
      [
        ['stub', stubRaw],
        ['client', () => stubbed.getAccount()],
      ],
      1,
      50_000,
      5,
    );
    const ownWorkUs = (own.clients[1]!.wallRatio.median - 1) * own.rawFetchUs.median;

    // Warm every path up first (JIT, connection pools), or whichever runs first pays for it.
    for (const c of [1, 50]) for (const [, call] of clients) await perCall(call, 600, c);
    const levels = [await level(clients, 1, calls.c1, rounds.c1), await level(clients, 50, calls.c50, rounds.c50)];

    const sizes = [
      await terserSize('pcdk index.mjs', files.get(CLIENT_FILES.esm)!, true),
      await terserSize('pcdk index.cjs', files.get(CLIENT_FILES.cjs)!, false),
    ];
    const esb = await esbuildBundle(path.join(pkg, CLIENT_FILES.esm), path.join(dir, 'pcdk.min.mjs'), true);
    sizes.push({
      name: 'pcdk index.mjs',
      minifier: 'esbuild',
      minBytes: Buffer.byteLength(esb),
      gzipBytes: gzipSize(esb),
    });
    sizes.push(...peers.sizes);
    return { levels, ownWorkUs, sizes };
  } finally {
    server.closeAllConnections();
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const kB = (bytes: number): number => bytes / 1000;
const TARGET_RATIO = { op: '<=', value: 1.1 } as const;

/** The figures as the bench's rows: per level raw fetch's time, then each client's ratio with its spread; then sizes. */
export function clientBenchSection(r: ClientBenchResult): BenchSection {
  const rows: BenchSection['rows'] = [];
  for (const l of r.levels) {
    rows.push(
      statsRow(`raw fetch, c=${l.concurrency} (wall)`, scaleStats(l.rawFetchUs, 1 / 1000), 'ms/op', undefined, 3),
    );
    for (const c of l.clients.slice(1)) {
      const target = c.name === CLIENTS.pcdk || c.name === CLIENTS.pcdkNoLimiter ? TARGET_RATIO : undefined;
      const row = statsRow(`${c.name} / raw, c=${l.concurrency}`, c.wallRatio, 'x', target, 3);
      row.value += `; CPU ${c.cpuRatio.median.toFixed(3)}x`;
      if (c.name === CLIENTS.pcdk) row.key = true;
      rows.push(row);
    }
  }
  const c1 = r.levels[0]?.rawFetchUs.median ?? 1;
  const own = figureRow('pcdk JS work per call (stub fetch)', r.ownWorkUs / 1000, 'ms/op', undefined, 4);
  own.value += ` = ${((r.ownWorkUs / c1) * 100).toFixed(1)}% of a loopback call at c=1`;
  rows.push(own);
  for (const s of r.sizes) {
    const isPcdk = s.name.startsWith('pcdk') && s.minifier === 'terser';
    const row = figureRow(
      `${s.name} min+gzip (${s.minifier})`,
      kB(s.gzipBytes),
      'kB',
      isPcdk ? { op: '<=', value: 6 } : undefined,
      2,
    );
    row.value += ` (min ${kB(s.minBytes).toFixed(1)} kB)`;
    rows.push(row);
  }
  return { title: 'Generated client vs raw fetch, openapi-fetch and ky (loopback), size', rows };
}

/** The bench section: the figures as rows. */
export async function run(): Promise<BenchSection> {
  return clientBenchSection(await runClientBench());
}
