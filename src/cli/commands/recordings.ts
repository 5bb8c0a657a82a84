/**
 * `pcdk recordings check [ids...]`: a connector's recorded exchanges against its descriptors.
 * `pcdk recordings record <id> <operationId> --param k=v ...`: call the API once and write the
 * exchange to definitions/<id>/recordings/, the secret (read from an environment variable)
 * redacted everywhere. `pcdk fixtures` is the same command under its earlier name.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Connector } from '../../model/connector';
import type { Command } from 'commander';
import { jsonText } from '../../emit/json';
import { checkFixtures } from '../../recordings/check';
import { fixtureFileName, loadFixtureDir } from '../../recordings/format';
import { recordExchange } from '../../recordings/record';
import { writeFileAtomic } from '../../io/atomic-write';
import { hasErrors } from '../../diagnostics';
import { UserError } from '../../errors';
import {
  loadConnectorFor,
  printDiagnostics,
  projectFrom,
  recordingsDir,
  withProjectOptions,
  type ProjectOptions,
} from '../project-options';

export function registerRecordings(program: Command): void {
  const recordings = program
    .command('recordings')
    .alias('fixtures')
    .description('check and record HTTP exchanges (definitions/<id>/recordings/)');
  const check = recordings
    .command('check')
    .description('check every recording against its operation')
    .argument('[ids...]', 'connector ids (default: every connector under definitions/ with a recordings folder)');
  withProjectOptions(check, { out: false })
    .option('--recordings <dir>', 'the recordings folder, with one connector id (default: definitions/<id>/recordings)')
    .action(async (ids: string[], opts: ProjectOptions & { recordings?: string }) => {
      const project = projectFrom(opts);
      if (opts.recordings && ids.length !== 1)
        throw new UserError("--recordings names one connector's folder: give exactly one connector id");
      const list = ids.length ? ids : connectorsWithRecordings(project.definitionsDir);
      if (list.length === 0)
        throw new UserError(
          `no connector under ${path.relative(process.cwd(), project.definitionsDir) || '.'} has a recordings folder`,
        );
      let failed = false;
      for (const id of list) {
        const c = await loadConnectorFor(id, project);
        const dir = recordingsDir(project, id, opts.recordings);
        const set = fs.existsSync(dir) ? loadFixtureDir(dir) : { fixtures: [], invalid: [] };
        const ds = checkFixtures(c, set);
        printDiagnostics(ds);
        const errors = ds.filter((d) => d.severity === 'error').length;
        const covered = new Set(set.fixtures.map((f) => f.fixture.operationId));
        process.stdout.write(
          `pcdk: ${id}: ${set.fixtures.length} recordings, ${c.operations.filter((o) => covered.has(o.id)).length}/${c.operations.length} operations covered, ${errors} errors, ${ds.length - errors} warnings\n`,
        );
        if (hasErrors(ds)) failed = true;
      }
      if (failed) process.exitCode = 1;
    });
  const record = recordings
    .command('record')
    .description('call the API once and write the exchange as a recording (secret redacted)')
    .argument('<id>', 'connector id')
    .argument('<operationId>', 'operation to call')
    .option('--param <key=value>', 'an input by name (repeatable); non-string inputs are JSON', collect, [] as string[])
    .option('--base-url <url>', "API base URL (default: the descriptor's scheme, host and basePath)")
    .option(
      '--secret-env <name>',
      'environment variable holding the API secret, the OAuth access token, or username:password for basic auth (default <ID>_API_SECRET)',
    )
    .option('--connection <set>', 'with several connection parameter sets: the set to sign in with')
    .option('--recordings <dir>', 'where to write it (default: definitions/<id>/recordings)');
  withProjectOptions(record, { out: false }).action(
    async (
      id: string,
      operationId: string,
      opts: ProjectOptions & {
        param: string[];
        baseUrl?: string;
        secretEnv?: string;
        connection?: string;
        recordings?: string;
      },
    ) => {
      const project = projectFrom(opts);
      const c = await loadConnectorFor(id, project);
      const envName = opts.secretEnv ?? `${id.toUpperCase().replace(/-/g, '_')}_API_SECRET`;
      const secret = process.env[envName];
      if (!secret)
        throw new UserError(
          `set ${credentialWording(c)} in the environment variable ${envName} (or name another with --secret-env)`,
        );
      const params: Record<string, string> = {};
      for (const p of opts.param) {
        const eq = p.indexOf('=');
        if (eq <= 0) throw new UserError(`--param "${p}" must be key=value`);
        params[p.slice(0, eq)] = p.slice(eq + 1);
      }
      const at = new Date();
      // A RecordError (unknown operation, bad parameter, failed request) reaches main, which prints it.
      const fixture = await recordExchange({
        connector: c,
        operationId,
        params,
        secret,
        connection: opts.connection,
        baseUrl: opts.baseUrl,
        now: () => at,
      });
      const stamp = at.toISOString().replace(/[:.]/g, '-');
      const file = path.join(
        recordingsDir(project, id, opts.recordings),
        fixtureFileName(operationId, `recorded-${stamp}`),
      );
      writeFileAtomic(file, jsonText(fixture));
      process.stdout.write(
        `pcdk: ${id}: ${operationId} answered ${fixture.response.status}; wrote ${path.relative(process.cwd(), file)}\n`,
      );
    },
  );
}

/** What the secret variable holds for this connector's auth. */
function credentialWording(c: Connector): string {
  switch (c.auth?.type) {
    case 'oauth2':
      return 'the OAuth access token';
    case 'basic':
      return 'the credentials as username:password';
    case 'sets':
      return "the chosen set's credential (API key, OAuth access token, or username:password)";
    default:
      return 'the API secret';
  }
}

/** Connector folders under `definitionsDir` that hold a recordings folder, sorted. */
function connectorsWithRecordings(definitionsDir: string): string[] {
  if (!fs.existsSync(definitionsDir)) return [];
  return fs
    .readdirSync(definitionsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(definitionsDir, e.name, 'recordings')))
    .map((e) => e.name)
    .sort();
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
