/**
 * No input crashes pcdk: the 60 real connectors of the shared corpus, broken by the operators in
 * mutations.ts, through every command that reads user files (validate, import, diff, pack --check,
 * recordings check), each run in process through main() with its output captured. A fixed seed
 * keeps CI reproducible; PCDK_FUZZ_RUNS and PCDK_FUZZ_SEED run more or other mutations.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { runCli } from '../helpers/run-cli';
import { sharedDir } from '../helpers/shared';
import { jszip } from '../pack/helpers';
import { DIFF_REPORT, FUZZ_RUNS, FUZZ_SEED, problemsOf, snapshot, writtenOutside } from '../fuzz/harness';
import { mutationArb, type ConnectorFiles, type Mutation } from '../fuzz/mutations';

const repo = path.join(__dirname, '..', '..');
const definitions = path.join(repo, 'definitions');
const recordings = path.join(definitions, 'convertkit', 'recordings');
const RECORDING = 'Account.01-documented-example.json';

interface CorpusConnector {
  name: string;
  dir: string;
  swagger: string;
  apiProperties: string;
}

function corpus(): CorpusConnector[] {
  const root = path.join(sharedDir(), 'corpus');
  const out: CorpusConnector[] = [];
  for (const category of fs.readdirSync(root).sort()) {
    const cat = path.join(root, category);
    if (!fs.statSync(cat).isDirectory()) continue;
    for (const name of fs.readdirSync(cat).sort()) {
      const dir = path.join(cat, name);
      out.push({
        name,
        dir,
        swagger: fs.readFileSync(path.join(dir, 'apiDefinition.swagger.json'), 'utf8'),
        apiProperties: fs.readFileSync(path.join(dir, 'apiProperties.json'), 'utf8'),
      });
    }
  }
  return out;
}

const connectors = corpus();
const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-fuzz-'));
const cacheDir = path.join(tmpRoot, 'cache');
const home = process.cwd();
let saved: string | undefined;

beforeAll(() => {
  saved = process.env.PCDK_CACHE_DIR;
  process.env.PCDK_CACHE_DIR = cacheDir;
});
afterAll(() => {
  process.chdir(home);
  if (saved === undefined) delete process.env.PCDK_CACHE_DIR;
  else process.env.PCDK_CACHE_DIR = saved;
  fs.rmSync(tmpRoot, { recursive: true, force: true });
});

/** A certification package holding the mutated swagger, with a customizations.xml to match the break. */
async function certificationPackage(files: ConnectorFiles, m: Mutation): Promise<Buffer> {
  const xml = m.name.includes('nesting')
    ? `<ImportExportXml>${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</ImportExportXml>`
    : m.name.startsWith('truncate')
      ? '<ImportExportXml><Connectors><Connector><name>x'
      : '<ImportExportXml><Connectors><Connector><name>x</name></Connector></Connectors></ImportExportXml>';
  const solution = await jszip({
    '[Content_Types].xml': '<Types/>',
    'solution.xml': '<ImportExportXml/>',
    'customizations.xml': xml,
    'Connector/x_openapidefinition.json': files.swagger,
  });
  const pkg = await jszip({ 'PkgAssets/connector_solution.zip': solution, 'PkgAssets/ImportConfig.xml': '<x/>' });
  const outer = await jszip({ 'intro.md': '# intro', 'package.zip': pkg });
  // A cut swagger goes with a cut package: the zip reader must say so, not throw.
  return m.name.startsWith('truncate') ? outer.subarray(0, outer.length >> 1) : outer;
}

/** A recording whose response body is the mutated swagger, spliced in as text (so broken text stays broken). */
function recordingWith(body: Buffer): Buffer {
  const head = Buffer.from(
    '{"operationId":"Account","source":"fuzz","kind":"documented-example","request":{"method":"GET","path":"/v3/account","query":{"api_secret":"[REDACTED]"},"body":null},"response":{"status":200,"headers":{},"body":',
  );
  return Buffer.concat([head, body.length ? body : Buffer.from('null'), Buffer.from('}}')]);
}

let runNo = 0;

async function runAll(c: CorpusConnector, m: Mutation): Promise<string[]> {
  const run = path.join(tmpRoot, `run-${++runNo}`);
  const input = path.join(run, 'in', c.name);
  const work = path.join(run, 'work');
  fs.mkdirSync(input, { recursive: true });
  fs.mkdirSync(path.join(work, 'out'), { recursive: true });
  const files = m.apply({ swagger: c.swagger, apiProperties: c.apiProperties });
  fs.writeFileSync(path.join(input, 'apiDefinition.swagger.json'), files.swagger);
  fs.writeFileSync(path.join(input, 'apiProperties.json'), files.apiProperties);
  const zip = path.join(run, 'in', 'package.zip');
  fs.writeFileSync(zip, await certificationPackage(files, m));
  const rec = path.join(run, 'in', 'recordings');
  fs.cpSync(recordings, rec, { recursive: true });
  fs.writeFileSync(path.join(rec, RECORDING), recordingWith(files.swagger));
  fs.writeFileSync(path.join(rec, 'Account.99-whole-file.json'), files.apiProperties);

  const commands: { label: string; args: string[]; zipPaths?: boolean; report?: RegExp }[] = [
    // Folder and text on three runs of four, the lone file and JSON on the fourth: both readers, half the time.
    runNo % 4 === 0
      ? {
          label: 'validate --format json',
          args: ['validate', path.join(input, 'apiDefinition.swagger.json'), '--json'],
        }
      : { label: 'validate', args: ['validate', input] },
    { label: 'import', args: ['import', input, '--id', 'fuzzed', '--out', path.join('out', 'fuzzed'), '--no-verify'] },
    { label: 'diff old new', args: ['diff', c.dir, input], report: DIFF_REPORT },
    { label: 'diff new old', args: ['diff', input, c.dir], report: DIFF_REPORT },
    { label: 'pack --check', args: ['pack', '--check', zip], zipPaths: true },
    {
      label: 'recordings check',
      args: ['recordings', 'check', 'convertkit', '--definitions', definitions, '--recordings', rec],
    },
  ];
  const failures: string[] = [];
  const before = snapshot(run);
  process.chdir(work);
  try {
    for (const cmd of commands) {
      const started = Date.now();
      const r = await runCli(cmd.args);
      if (process.env.PCDK_FUZZ_LOG)
        fs.appendFileSync(process.env.PCDK_FUZZ_LOG, `${Date.now() - started}\t${cmd.label}\t${c.name}\t${m.name}\n`);
      const problems = problemsOf(r, cmd);
      if (problems.length)
        failures.push(
          `${cmd.label}: ${problems.join(', ')}\n  exit ${r.code}\n  ${`${r.err}${r.out}`.slice(0, 1500).replace(/\n/g, '\n  ')}`,
        );
    }
  } finally {
    process.chdir(home);
  }
  const outside = writtenOutside(run, before, [path.join('work', 'out')]);
  if (outside.length) failures.push(`wrote outside the output folder: ${outside.join(', ')}`);
  if (failures.length === 0) fs.rmSync(run, { recursive: true, force: true });
  return failures.map((f) => `${c.name}, ${m.name} (${m.file}):\n${f}`);
}

describe('no mutated corpus connector crashes pcdk', () => {
  test('the corpus is there (60 connectors)', () => {
    expect(connectors).toHaveLength(60);
  });

  test(
    `${FUZZ_RUNS} mutations (seed ${FUZZ_SEED}) through validate, import, diff, pack --check and recordings check`,
    async () => {
      await fc.assert(
        // noBias: every connector and every place in a file equally likely, not mostly the first.
        fc.asyncProperty(fc.noBias(fc.nat({ max: connectors.length - 1 })), fc.noBias(mutationArb), async (i, m) => {
          const failures = await runAll(connectors[i]!, m);
          if (failures.length) throw new Error(failures.join('\n\n'));
        }),
        { seed: FUZZ_SEED, numRuns: FUZZ_RUNS, endOnFailure: true },
      );
    },
    // A mutation runs six commands, a few seconds on a busy machine: the default 20 take well under this.
    Math.max(600_000, FUZZ_RUNS * 20_000),
  );
});
