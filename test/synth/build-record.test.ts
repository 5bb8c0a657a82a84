/**
 * The build record answers `pcdk build` only when nothing the build read or wrote has changed.
 * Each row changes one thing and must make the record unusable; with nothing changed it must
 * give back what the build printed.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { oauth2, secret } from '../../src/model';
import type { Diagnostic } from '../../src/diagnostics';
import {
  fingerprint,
  keepBuildRecord,
  recordedBuild,
  type BuildInputs,
  type RecordedBuild,
} from '../../src/synth/build-record';
import { sample, variant } from '../helpers/sample-connector';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-record-'));
const savedCache = process.env.PCDK_CACHE_DIR;
beforeAll(() => {
  process.env.PCDK_CACHE_DIR = path.join(tmp, 'cache');
});
afterAll(() => {
  if (savedCache === undefined) delete process.env.PCDK_CACHE_DIR;
  else process.env.PCDK_CACHE_DIR = savedCache;
  fs.rmSync(tmp, { recursive: true, force: true });
});

const LONG_AGO = new Date(Date.now() - 60_000);
const WARNING: Diagnostic = {
  code: 'recording-missing',
  severity: 'warning',
  message: 'WidgetGet has no recording',
  hint: 'Record one.',
  connector: 'sample',
  source: { file: '/x/connector.ts', line: 3, column: 1 },
};
const BUILD: RecordedBuild = { diagnostics: [WARNING], written: ['connector', 'reference.md'] };

let n = 0;
/** A project as a build left it: sources, recordings, schemas and dist/<id>/, all written a minute ago. */
function project(): { root: string; inputs: BuildInputs; dist: string } {
  const root = path.join(tmp, `p${++n}`);
  const write = (rel: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  write('definitions/sample/connector.ts', 'export default 1;\n');
  write('definitions/sample/operations.ts', 'export const ops = [];\n');
  write('definitions/sample/recordings/WidgetList.01.json', '{"request":{}}\n');
  write('schemas/apiDefinition.swagger.schema.json', '{}\n');
  write('dist/sample/connector/apiDefinition.swagger.json', '{"swagger":"2.0"}\n');
  write('dist/sample/connector/apiProperties.json', '{}\n');
  write('dist/sample/reference.md', '# Sample\n');
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      fs.utimesSync(p, LONG_AGO, LONG_AGO);
    }
  };
  walk(root);
  const inputs: BuildInputs = {
    identity: 'pcdk-test',
    connector: sample,
    sources: [path.join(root, 'definitions/sample/connector.ts'), path.join(root, 'definitions/sample/operations.ts')],
    outDir: path.join(root, 'dist'),
    schemasDir: path.join(root, 'schemas'),
    recordingsDir: path.join(root, 'definitions/sample/recordings'),
    env: {},
  };
  return { root, inputs, dist: path.join(root, 'dist', 'sample') };
}

const TARGETS = [
  { target: 'connector', kind: 'dir' as const },
  { target: 'reference.md', kind: 'file' as const },
];

function keep(inputs: BuildInputs, dist: string): void {
  const fp = fingerprint(inputs, Date.now())!;
  expect(fp.racy).toBe(false);
  keepBuildRecord(fp, dist, TARGETS, BUILD);
}

function replay(inputs: BuildInputs, dist: string): RecordedBuild | undefined {
  const fp = fingerprint(inputs, Date.now());
  return fp && recordedBuild(fp, dist);
}

test('with nothing changed, the record gives back what the build printed', () => {
  const { inputs, dist } = project();
  expect(replay(inputs, dist)).toBeUndefined();
  keep(inputs, dist);
  expect(replay(inputs, dist)).toEqual(BUILD);
  // The same inputs given again, in another order where order does not matter.
  expect(replay({ ...inputs, sources: [...inputs.sources].reverse() }, dist)).toEqual(BUILD);
});

const oauthSample = variant({
  auth: oauth2({
    identityProvider: 'oauth2',
    authorizationUrl: 'https://login.example/authorize',
    tokenUrl: 'https://login.example/token',
    refreshUrl: 'https://login.example/token',
    clientId: 'client',
    clientSecret: secret('SAMPLE_CLIENT_SECRET'),
    scopes: [],
  }),
});

type Change = (p: { root: string; inputs: BuildInputs; dist: string }) => BuildInputs | undefined;
const CHANGES: [string, Change][] = [
  [
    'a descriptor source is edited',
    ({ root }) => void fs.appendFileSync(path.join(root, 'definitions/sample/operations.ts'), '//\n'),
  ],
  ['a descriptor source is deleted', ({ root }) => void fs.rmSync(path.join(root, 'definitions/sample/operations.ts'))],
  [
    'another source joins the bundle',
    ({ inputs, root }) => {
      fs.writeFileSync(path.join(root, 'definitions/sample/more.ts'), 'export {};\n');
      return { ...inputs, sources: [...inputs.sources, path.join(root, 'definitions/sample/more.ts')] };
    },
  ],
  [
    'the loaded connector differs (a descriptor read the environment)',
    ({ inputs }) => ({
      ...inputs,
      connector: variant({ title: 'Sample from elsewhere' }),
    }),
  ],
  [
    'a recording is edited',
    ({ root }) => void fs.appendFileSync(path.join(root, 'definitions/sample/recordings/WidgetList.01.json'), ' '),
  ],
  [
    'a recording is added',
    ({ root }) => void fs.writeFileSync(path.join(root, 'definitions/sample/recordings/WidgetGet.01.json'), '{}'),
  ],
  [
    'the recordings folder is another',
    ({ inputs, root }) => ({ ...inputs, recordingsDir: path.join(root, 'elsewhere') }),
  ],
  [
    'a schema file is edited',
    ({ root }) => void fs.writeFileSync(path.join(root, 'schemas/apiDefinition.swagger.schema.json'), '{ }\n'),
  ],
  ['the schemas are no longer given', ({ inputs }) => ({ ...inputs, schemasDir: undefined })],
  ['another pcdk builds', ({ inputs }) => ({ ...inputs, identity: 'pcdk-other' })],
  ['the output root is another', ({ inputs, root }) => ({ ...inputs, outDir: path.join(root, 'out2') })],
  ['an output file is edited', ({ dist }) => void fs.appendFileSync(path.join(dist, 'reference.md'), 'hand edit\n')],
  ['an output file is deleted', ({ dist }) => void fs.rmSync(path.join(dist, 'connector/apiProperties.json'))],
  [
    'a file is added inside an output folder',
    ({ dist }) => void fs.writeFileSync(path.join(dist, 'connector/extra.txt'), 'x'),
  ],
  ['an output folder is deleted', ({ dist }) => void fs.rmSync(path.join(dist, 'connector'), { recursive: true })],
];

test.each(CHANGES)('%s: the record is not used', (_name, change) => {
  const p = project();
  keep(p.inputs, p.dist);
  expect(replay(p.inputs, p.dist)).toEqual(BUILD);
  const changed = change(p) ?? p.inputs;
  expect(replay(changed, p.dist)).toBeUndefined();
});

test("a secret's variable being set or unset counts; its value never reaches the record", () => {
  const { inputs, dist } = project();
  const withSecret = { ...inputs, connector: oauthSample, env: { SAMPLE_CLIENT_SECRET: 'hunter2-very-secret' } };
  keep(withSecret, dist);
  expect(replay(withSecret, dist)).toEqual(BUILD);
  // Another value of a set variable changes nothing the build writes or says.
  expect(replay({ ...withSecret, env: { SAMPLE_CLIENT_SECRET: 'another-value' } }, dist)).toEqual(BUILD);
  expect(replay({ ...withSecret, env: {} }, dist)).toBeUndefined();
  // An unrelated variable is not an input.
  expect(replay({ ...withSecret, env: { ...withSecret.env, OTHER: '1' } }, dist)).toEqual(BUILD);
  const cache = path.join(tmp, 'cache');
  for (const f of fs.readdirSync(cache)) expect(fs.readFileSync(path.join(cache, f), 'utf8')).not.toContain('hunter2');
});

test('a build that read a file modified as it started keeps no record', () => {
  const { root, inputs, dist } = project();
  fs.appendFileSync(path.join(root, 'definitions/sample/connector.ts'), '//\n');
  const fp = fingerprint(inputs, Date.now())!;
  expect(fp.racy).toBe(true);
  keepBuildRecord(fp, dist, TARGETS, BUILD);
  expect(replay(inputs, dist)).toBeUndefined();
});

test('a damaged record, or a connector JSON cannot hold, means building', () => {
  const { inputs, dist } = project();
  keep(inputs, dist);
  const fp = fingerprint(inputs, Date.now())!;
  // The real record, then with a field missing or of the wrong shape: each must mean building.
  const kept = JSON.parse(fs.readFileSync(fp.file, 'utf8')) as Record<string, unknown>;
  expect(recordedBuild(fp, dist)).toEqual(BUILD);
  const damaged = [
    '',
    '{',
    'null',
    JSON.stringify({ ...kept, format: -1 }),
    JSON.stringify({ ...kept, outputs: undefined }),
    JSON.stringify({ ...kept, outputs: [['x']] }),
    JSON.stringify({ ...kept, dirs: 'connector' }),
  ];
  for (const text of damaged) {
    fs.writeFileSync(fp.file, text);
    expect(recordedBuild(fp, dist)).toBeUndefined();
  }
  const cyclic: Record<string, unknown> = { ...sample };
  cyclic.self = cyclic;
  expect(fingerprint({ ...inputs, connector: cyclic as unknown as typeof sample }, Date.now())).toBeUndefined();
});

test('PCDK_NO_CACHE turns records off', () => {
  const { inputs, dist } = project();
  keep(inputs, dist);
  process.env.PCDK_NO_CACHE = '1';
  try {
    expect(fingerprint(inputs, Date.now())).toBeUndefined();
  } finally {
    delete process.env.PCDK_NO_CACHE;
  }
  expect(replay(inputs, dist)).toEqual(BUILD);
});
