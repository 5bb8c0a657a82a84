/**
 * The OpenAPI 3 output as other tools see it: Redocly CLI (its recommended ruleset) and Spectral
 * (spectral:oas) must find no error in ConvertKit's openapi.json nor in other built connectors
 * (an API key named "API Key", basic auth, no auth). Both run offline from node_modules/.bin, once
 * each over all documents, with their configuration written into a temporary folder so that no
 * user or repository config changes the verdict. Warnings are allowed (listed in test output on
 * failure only): they are style advice such as "add a 4XX response" or "add tags".
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import convertkit from '../../definitions/convertkit/connector';
import { emitOpenApi3 } from '../../src/emit/openapi3';
import { emitSwagger } from '../../src/emit/swagger';
import type { Connector } from '../../src/model';
import { sample, variant } from '../helpers/sample-connector';

const BIN = path.join(__dirname, '..', '..', 'node_modules', '.bin');
const connectors: [string, Connector][] = [
  ['convertkit', convertkit],
  ['widgets', sample],
  [
    'widgets-basic',
    variant({
      id: 'widgets-basic',
      auth: {
        type: 'basic',
        securityName: 'Basic Auth',
        username: { displayName: 'User name', description: 'The user name.' },
        password: { displayName: 'Password', description: 'The password.' },
      },
    }),
  ],
  ['widgets-open', variant({ id: 'widgets-open', auth: { type: 'none' } })],
];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
function run(bin: string, args: string[], cwd: string): Promise<Run> {
  // No telemetry, no update check: the tools must not reach beyond this machine.
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', CI: 'true' };
  return new Promise((resolve) => {
    execFile(path.join(BIN, bin), args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** One finding, whichever tool reported it: `file rule pointer: message`. */
interface Finding {
  file: string;
  rule: string;
  severity: 'error' | 'warning';
  where: string;
  message: string;
}

let dir: string;
const files: string[] = [];
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-peers-'));
  for (const [name, c] of connectors) {
    const file = `${name}.openapi.json`;
    fs.writeFileSync(path.join(dir, file), `${JSON.stringify(emitOpenApi3(emitSwagger(c)), null, 2)}\n`);
    files.push(file);
  }
  fs.writeFileSync(path.join(dir, 'redocly.yaml'), 'extends:\n  - recommended\ntelemetry: off\n');
  fs.writeFileSync(path.join(dir, '.spectral.yaml'), 'extends: ["spectral:oas"]\n');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function redocly(): Promise<Finding[]> {
  // One run per file: given several, Redocly prints one JSON report after another.
  const out: Finding[] = [];
  for (const file of files) {
    const r = await run('redocly', ['lint', file, '--config', 'redocly.yaml', '--format', 'json'], dir);
    // 0: clean or warnings only, 1: errors found; anything else means the tool itself failed.
    if (r.code !== 0 && r.code !== 1) throw new Error(`redocly exited ${r.code}: ${r.stderr}`);
    const report = JSON.parse(r.stdout) as {
      problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
    };
    for (const p of report.problems)
      out.push({
        file,
        rule: p.ruleId,
        severity: p.severity === 'error' ? 'error' : 'warning',
        where: p.location[0]?.pointer ?? '',
        message: p.message,
      });
  }
  return out;
}

async function spectral(): Promise<Finding[]> {
  const r = await run(
    'spectral',
    ['lint', ...files, '--ruleset', '.spectral.yaml', '--format', 'json', '--quiet'],
    dir,
  );
  if (r.code !== 0 && r.code !== 1) throw new Error(`spectral exited ${r.code}: ${r.stderr}`);
  // Spectral prints nothing at all when there is nothing to report.
  const out = (r.stdout.trim() ? JSON.parse(r.stdout) : []) as {
    code: string;
    severity: number;
    message: string;
    path: string[];
    source: string;
  }[];
  return out.map((p) => ({
    file: path.basename(p.source),
    rule: p.code,
    severity: p.severity === 0 ? 'error' : 'warning',
    where: `#/${p.path.join('/')}`,
    message: p.message,
  }));
}

const errors = (fs: Finding[]) =>
  fs.filter((f) => f.severity === 'error').map((f) => `${f.file} ${f.rule} ${f.where}: ${f.message}`);

describe.each([
  ['Redocly (recommended)', redocly],
  ['Spectral (spectral:oas)', spectral],
])('%s', (_tool, lint) => {
  let findings: Finding[];
  beforeAll(async () => {
    findings = await lint();
  }, 120_000);

  test('reports no error in any connector', () => {
    expect(errors(findings)).toEqual([]);
  });

  test('read every document (a finding-free run is not a skipped one)', () => {
    // Every connector lacks a license and 4XX responses (Redocly) or tags (Spectral): the
    // warnings prove that each file was linted, not silently skipped.
    const seen = new Set(findings.map((f) => f.file));
    for (const f of files) expect(seen).toContain(f);
  });
});

test('the tools do fail on a broken document (the check can fail)', async () => {
  const broken = emitOpenApi3(emitSwagger(sample)) as Record<string, any>;
  // What the emitter produced before the fix: an OpenAPI 3 component name with a space.
  broken.components.securitySchemes['API Key'] = broken.components.securitySchemes.API_Key;
  delete broken.components.securitySchemes.API_Key;
  broken.paths['/widgets'].get.operationId = broken.paths['/widgets'].post.operationId;
  const file = 'broken.openapi.json';
  fs.writeFileSync(path.join(dir, file), JSON.stringify(broken, null, 2));
  const r = await run('redocly', ['lint', file, '--config', 'redocly.yaml', '--format', 'json'], dir);
  const s = await run('spectral', ['lint', file, '--ruleset', '.spectral.yaml', '--format', 'json', '--quiet'], dir);
  const redoclyRules = (JSON.parse(r.stdout).problems as { ruleId: string; severity: string }[])
    .filter((p) => p.severity === 'error')
    .map((p) => p.ruleId);
  const spectralRules = (JSON.parse(s.stdout) as { code: string; severity: number }[])
    .filter((p) => p.severity === 0)
    .map((p) => p.code);
  expect(redoclyRules).toEqual(
    expect.arrayContaining(['spec-components-invalid-map-name', 'operation-operationId-unique']),
  );
  expect(spectralRules).toContain('operation-operationId-unique');
}, 120_000);
