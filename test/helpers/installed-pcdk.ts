/**
 * pcdk as a user gets it: `npm pack` of this repository, installed into a project in the system
 * temp folder (outside any checkout). The install is the real `npm ci`, offline: the temp
 * project's lockfile is made from this repository's (pcdk's runtime dependencies, as npm ci here
 * resolved them), so npm takes every package from its cache and the test reaches no registry.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const repo = path.resolve(__dirname, '..', '..');

type LockEntry = Record<string, unknown> & { version?: string; name?: string; dev?: boolean };

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** The environment for child processes: no CA bundle (40 ms per Node start) and no colour. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
  delete env.NODE_EXTRA_CA_CERTS;
  delete env.PCDK_SCHEMAS;
  return env;
}

export function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Run {
  const r = spawnSync(cmd, args, { cwd, env: childEnv(env), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, out: r.stdout ?? '', err: `${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

/** `npm pack` of the repository (prepack compiles lib/); returns the tarball's path. */
export function packPcdk(destination: string): string {
  const out = execFileSync('npm', ['pack', '--pack-destination', destination, '--json'], {
    cwd: repo,
    env: childEnv(),
    encoding: 'utf8',
  });
  const [{ filename }] = JSON.parse(out) as { filename: string }[];
  return path.join(destination, filename!);
}

/** The registry address npm would record for a package; npm ci --offline finds it in its cache by integrity. */
function registryUrl(name: string, version: string): string {
  return `https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-${version}.tgz`;
}

/**
 * A project in `dir` with pcdk installed from `tarball` as a devDependency, as
 * `npm install -D <tarball>` leaves it.
 */
export function installPcdk(dir: string, tarball: string, name = 'author-project'): void {
  fs.mkdirSync(dir, { recursive: true });
  const lock = JSON.parse(fs.readFileSync(path.join(repo, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const pcdk = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as Record<string, unknown>;
  const spec = `file:${path.relative(dir, tarball).split(path.sep).join('/')}`;
  const integrity = `sha512-${crypto.createHash('sha512').update(fs.readFileSync(tarball)).digest('base64')}`;
  const packages: Record<string, LockEntry> = {
    '': { name, version: '1.0.0', devDependencies: { pcdk: spec } },
    'node_modules/pcdk': {
      version: pcdk.version as string,
      resolved: spec,
      integrity,
      dev: true,
      license: pcdk.license,
      dependencies: pcdk.dependencies,
      bin: pcdk.bin,
      engines: pcdk.engines,
    },
  };
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (!key || entry.dev) continue;
    const pkgName = entry.name ?? key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    packages[key] = { ...entry, dev: true, resolved: registryUrl(pkgName, entry.version!) };
  }
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name, version: '1.0.0', private: true, devDependencies: { pcdk: spec } }, null, 2)}\n`,
  );
  fs.writeFileSync(
    path.join(dir, 'package-lock.json'),
    `${JSON.stringify({ name, version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`,
  );
  const r = run('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], dir);
  if (r.code !== 0) throw new Error(`npm ci of the packed pcdk failed:\n${r.err}`);
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
