/**
 * `pcdk fixtures check [ids...]`: recorded fixtures against the descriptors (layer 5).
 * `pcdk fixtures record <id> <operationId> --param k=v ...`: call the API once and write the
 * exchange as a fixture, the secret (read from an environment variable) redacted everywhere.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { jsonText } from '../../emit/json';
import { checkFixtures } from '../../fixtures/check';
import { fixtureFileName, loadFixtureDir } from '../../fixtures/format';
import { recordExchange, RecordError } from '../../fixtures/record';
import { writeFileAtomic } from '../../io/atomic-write';
import { formatDiagnostic, hasErrors } from '../../validate/diagnostics';
import { loadConnector, UserError } from '../load-definition';

export function registerFixtures(program: Command): void {
  const fixtures = program.command('fixtures').description('check and record HTTP fixtures (test/fixtures/<id>/)');
  fixtures
    .command('check')
    .description('check every fixture against its operation; every operation needs one')
    .argument('[ids...]', 'connector ids (default: every folder under --fixtures)')
    .option('--fixtures <dir>', 'folder holding <id>/ fixture folders', 'test/fixtures')
    .option('--definitions <dir>', 'folder holding <id>/connector.ts')
    .action((ids: string[], opts: { fixtures: string; definitions?: string }) => {
      const root = path.resolve(opts.fixtures);
      const list = ids.length ? ids : fs.existsSync(root) ? fs.readdirSync(root).filter((d) => fs.statSync(path.join(root, d)).isDirectory()).sort() : [];
      if (list.length === 0) throw new UserError(`no fixture folders under ${path.relative(process.cwd(), root) || '.'}`);
      let failed = false;
      for (const id of list) {
        const dir = path.join(root, id);
        if (!fs.existsSync(dir)) throw new UserError(`${id}: no fixtures folder ${path.relative(process.cwd(), dir)}; record one with \`pcdk fixtures record ${id} <operationId>\``);
        const c = loadConnector(id, opts.definitions);
        const set = loadFixtureDir(dir);
        const ds = checkFixtures(c, set);
        for (const d of ds) process.stderr.write(`${formatDiagnostic(d)}\n`);
        const errors = ds.filter((d) => d.severity === 'error').length;
        const covered = new Set(set.fixtures.map((f) => f.fixture.operationId));
        process.stdout.write(
          `pcdk: ${id}: ${set.fixtures.length} fixtures, ${c.operations.filter((o) => covered.has(o.id)).length}/${c.operations.length} operations covered, ${errors} errors, ${ds.length - errors} warnings\n`,
        );
        if (hasErrors(ds)) failed = true;
      }
      if (failed) process.exitCode = 1;
    });
  fixtures
    .command('record')
    .description('call the API once and write the exchange as a fixture (secret redacted)')
    .argument('<id>', 'connector id')
    .argument('<operationId>', 'operation to call')
    .option('--param <key=value>', 'an input by name (repeatable); non-string inputs are JSON', collect, [] as string[])
    .option('--base-url <url>', 'API base URL (default: the descriptor\'s scheme, host and basePath)')
    .option('--secret-env <name>', 'environment variable holding the API secret (default <ID>_API_SECRET)')
    .option('--fixtures <dir>', 'folder holding <id>/ fixture folders', 'test/fixtures')
    .option('--definitions <dir>', 'folder holding <id>/connector.ts')
    .action(async (id: string, operationId: string, opts: { param: string[]; baseUrl?: string; secretEnv?: string; fixtures: string; definitions?: string }) => {
      const c = loadConnector(id, opts.definitions);
      const envName = opts.secretEnv ?? `${id.toUpperCase().replace(/-/g, '_')}_API_SECRET`;
      const secret = process.env[envName];
      if (!secret) throw new UserError(`set the API secret in the environment variable ${envName} (or name another with --secret-env)`);
      const params: Record<string, string> = {};
      for (const p of opts.param) {
        const eq = p.indexOf('=');
        if (eq <= 0) throw new UserError(`--param "${p}" must be key=value`);
        params[p.slice(0, eq)] = p.slice(eq + 1);
      }
      const at = new Date();
      let fixture;
      try {
        fixture = await recordExchange({ connector: c, operationId, params, secret, baseUrl: opts.baseUrl, now: () => at });
      } catch (e) {
        if (e instanceof RecordError) throw new UserError(e.message);
        throw e;
      }
      const stamp = at.toISOString().replace(/[:.]/g, '-');
      const file = path.join(path.resolve(opts.fixtures), id, fixtureFileName(operationId, `recorded-${stamp}`));
      writeFileAtomic(file, jsonText(fixture));
      process.stdout.write(`pcdk: ${id}: ${operationId} answered ${fixture.response.status}; wrote ${path.relative(process.cwd(), file)}\n`);
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
