/**
 * Client overhead: the generated ConvertKit client against raw fetch to the same loopback server,
 * in the same run, at concurrency 1 and 50 (rounds interleaved, median per-call time), as a
 * ratio (target <= 1.10x). Also the client's size, minified with terser and gzipped (target
 * under 10 kB, aim 6 kB), for the ESM and CJS entry points.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import convertkit from '../../definitions/convertkit/connector';
import { compileClient } from '../../src/synth/client-artifact';
import { CLIENT_FILES, emitClientPackage } from '../../src/emit/client/client-package';
import { median } from './measure';
import type { BenchSection } from './types';

const BODY = JSON.stringify({ name: 'Acme Corp.', plan_type: 'creator', primary_email_address: 'you@example.com' });
const SECRET = 'bench-secret-0123456789abcdef';

type Call = () => Promise<unknown>;

interface Timing {
  /** Wall-clock ms per call. */
  wall: number;
  /** CPU ms per call (user + system, this process: client and server alike), steadier than wall time when other processes share the machine. */
  cpu: number;
}

/** Per-call timings over `total` calls issued by `concurrency` workers. */
async function perCall(call: Call, total: number, concurrency: number): Promise<Timing> {
  let left = total;
  const worker = async (): Promise<void> => {
    while (left-- > 0) await call();
  };
  const cpu0 = process.cpuUsage();
  const t = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wall = Number(process.hrtime.bigint() - t) / 1e6 / total;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 / total };
}

/**
 * Paired rounds: each round times raw fetch and the client back to back (order alternating), and
 * the figures are medians of the per-round ratios, so load drift on a shared machine cancels.
 */
async function compare(raw: Call, client: Call, total: number, concurrency: number, rounds: number) {
  await perCall(raw, 300, concurrency);
  await perCall(client, 300, concurrency);
  const rawWall: number[] = [];
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < rounds; i++) {
    let a: Timing;
    let b: Timing;
    if (i % 2 === 0) {
      a = await perCall(raw, total, concurrency);
      b = await perCall(client, total, concurrency);
    } else {
      b = await perCall(client, total, concurrency);
      a = await perCall(raw, total, concurrency);
    }
    rawWall.push(a.wall);
    wall.push(b.wall / a.wall);
    cpu.push(b.cpu / a.cpu);
  }
  return { rawWall: median(rawWall), wall: median(wall), cpu: median(cpu) };
}

async function minGzip(code: string, module: boolean): Promise<{ min: number; gz: number }> {
  const { minify } = await import('terser');
  const out = await minify(code, { module, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  const min = Buffer.byteLength(out.code ?? '');
  return { min, gz: zlib.gzipSync(out.code ?? '', { level: 9 }).length };
}

export async function run(): Promise<BenchSection> {
  const files = emitClientPackage(convertkit, await compileClient(convertkit));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-bench-client-'));
  for (const [name, text] of files) fs.writeFileSync(path.join(dir, name), text);
  const { createClient } = require(path.join(dir, CLIENT_FILES.cjs)) as {
    createClient(o: object): { getAccount(): Promise<unknown> };
  };

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
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3/`;
  const url = `${base}account?api_secret=${SECRET}`;

  // The baseline does what any hand-written call must: fetch, read, parse.
  const raw: Call = async () => {
    const res = await fetch(url, { method: 'GET', headers: { accept: 'application/json' } });
    return JSON.parse(await res.text());
  };
  // The same with a per-request AbortController and timer, as any fetch with a timeout needs:
  // undici's linking of a caller signal is most of what the client adds over bare fetch.
  const rawWithTimeout: Call = async () => {
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), 30_000);
    try {
      const res = await fetch(url, { method: 'GET', headers: { accept: 'application/json' }, signal: ctl.signal });
      return JSON.parse(await res.text());
    } finally {
      clearTimeout(timer);
    }
  };
  const plain = createClient({ apiSecret: SECRET, baseUrl: base, rateLimit: false });
  // No timeout: no AbortController and no signal for fetch to link.
  const untimed = createClient({ apiSecret: SECRET, baseUrl: base, rateLimit: false, timeoutMs: 0 });
  // Limiter on but never binding: its bookkeeping is part of the cost.
  const limited = createClient({ apiSecret: SECRET, baseUrl: base, rateLimit: { calls: 1_000_000, windowMs: 60_000 } });

  // The client's own work per call, with a stub fetch answering at once: what it adds to any call.
  const stubResponse = {
    status: 200,
    statusText: 'OK',
    headers: { get: () => 'application/json' },
    text: async () => BODY,
  };
  const stub = async (_u: string, _i: unknown) => stubResponse;
  const stubbed = createClient({ apiSecret: SECRET, baseUrl: base, rateLimit: false, fetch: stub });
  const stubRaw: Call = async () =>
    JSON.parse(await (await stub(url, { method: 'GET', headers: { accept: 'application/json' } })).text());
  const own = await compare(stubRaw, () => stubbed.getAccount(), 50_000, 1, 5);

  // Warm every path up first (JIT, connection pool), or the first variant timed pays for it.
  for (const c of [1, 50])
    for (const f of [
      raw,
      rawWithTimeout,
      () => plain.getAccount(),
      () => limited.getAccount(),
      () => untimed.getAccount(),
    ])
      await perCall(f, 3000, c);

  const rows: BenchSection['rows'] = [];
  let loopbackC1 = 0;
  try {
    for (const [concurrency, total] of [
      [1, 1000],
      [50, 2000],
    ] as const) {
      // A/A: raw fetch against itself shows how much of a ratio is this machine's noise.
      const noise = await compare(raw, () => raw(), total, concurrency, 11);
      const timed = await compare(raw, rawWithTimeout, total, concurrency, 11);
      const a = await compare(raw, () => plain.getAccount(), total, concurrency, 11);
      const b = await compare(raw, () => limited.getAccount(), total, concurrency, 11);
      const u = await compare(raw, () => untimed.getAccount(), total, concurrency, 11);
      if (concurrency === 1) loopbackC1 = a.rawWall;
      rows.push({
        label: `raw fetch, concurrency ${concurrency}`,
        value: `${(a.rawWall * 1000).toFixed(0)} µs/call (wall)`,
      });
      rows.push({
        label: `client / raw fetch, c=${concurrency}, limiter off`,
        value: `${a.wall.toFixed(3)}x wall, ${a.cpu.toFixed(3)}x CPU (target <= 1.10x)`,
      });
      rows.push({
        label: `client / raw fetch, c=${concurrency}, limiter on`,
        value: `${b.wall.toFixed(3)}x wall, ${b.cpu.toFixed(3)}x CPU`,
      });
      rows.push({
        label: `client / raw fetch, c=${concurrency}, timeoutMs 0`,
        value: `${u.wall.toFixed(3)}x wall, ${u.cpu.toFixed(3)}x CPU`,
      });
      rows.push({
        label: `raw fetch + timeout signal / raw fetch, c=${concurrency}`,
        value: `${timed.wall.toFixed(3)}x wall, ${timed.cpu.toFixed(3)}x CPU`,
      });
      rows.push({
        label: `raw fetch / raw fetch (noise floor), c=${concurrency}`,
        value: `${noise.wall.toFixed(3)}x wall, ${noise.cpu.toFixed(3)}x CPU`,
      });
    }
  } finally {
    server.closeAllConnections();
    server.close();
  }
  const ownUs = (own.wall - 1) * own.rawWall * 1000;
  rows.push({
    label: 'client JS work per call (stub fetch)',
    value: `${ownUs.toFixed(1)} µs = ${((ownUs / (loopbackC1 * 1000)) * 100).toFixed(1)}% of a loopback call at c=1`,
  });
  const esm = await minGzip(files.get(CLIENT_FILES.esm)!, true);
  const cjs = await minGzip(files.get(CLIENT_FILES.cjs)!, false);
  rows.push({
    label: 'client index.mjs min+gzip (target < 10 kB)',
    value: `${(esm.gz / 1000).toFixed(2)} kB (min ${(esm.min / 1000).toFixed(1)} kB)`,
  });
  rows.push({
    label: 'client index.cjs min+gzip',
    value: `${(cjs.gz / 1000).toFixed(2)} kB (min ${(cjs.min / 1000).toFixed(1)} kB)`,
  });
  return { title: 'Generated client: per-call overhead vs raw fetch (loopback), size', rows };
}
