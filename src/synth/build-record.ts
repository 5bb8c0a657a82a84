/**
 * The record of a connector's last clean build, so that `pcdk build` run again with nothing
 * changed answers from it (its findings, its "wrote" list) instead of emitting and validating
 * everything once more, as `tsc -b` and make do for an up-to-date target. `--force` and
 * PCDK_NO_CACHE build regardless.
 *
 * A record is used only when all of these are what they were when it was written:
 *  - pcdk itself: its command bundles' bytes (hashed when they are made), its version, the shipped validators'
 *    manifest, the client runtime sources and the versions of the libraries whose output lands
 *    in dist/ (see pcdkIdentity; with no command bundle, as under a test runner, nothing is
 *    recorded);
 *  - the descriptors: every source file's bytes, and the loaded connector's value (so a
 *    descriptor that reads the environment or the clock when it runs is caught too);
 *  - the other inputs: every file in the recordings folder and the schemas folder, the output
 *    folder, and which of the environment variables the descriptors name in secret() are set
 *    (never their values);
 *  - the outputs: every file the build wrote under dist/<id>/, by size and hash, and nothing added
 *    inside a folder it wrote.
 * The type-check is not part of it: it runs on every build, and its own incremental state
 * answers it (src/load/typecheck.ts).
 *
 * A file modified within RACY_MS of the build's start (src/io/file-records.ts) may have changed
 * while the build read it, so such a build keeps no record (the next one does). The cache is an
 * optimisation only: a record that cannot be read, parsed or checked means building.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Connector } from '../model/connector';
import type { Diagnostic } from '../diagnostics';
import { cacheEnabled, cacheFile, writeCacheEntry } from '../io/content-cache';
import { fileRecord, racyTime, sameFile, type FileRecord } from '../io/file-records';
import { ownPackageRoot, ownVersion } from '../io/own-package';

/** Bump when what a record holds, or how it is checked, changes. */
const FORMAT = 2;

export interface BuildInputs {
  /** Which pcdk builds (pcdkIdentity()). */
  identity: string;
  connector: Connector;
  /** Every descriptor source file, absolute. */
  sources: readonly string[];
  /** The output root: the build writes <outDir>/<id>/. */
  outDir: string;
  schemasDir?: string;
  recordingsDir?: string;
  env: Readonly<Record<string, string | undefined>>;
}

/** What a clean build printed, replayed when nothing changed. */
export interface RecordedBuild {
  diagnostics: Diagnostic[];
  /** The "wrote" list: each artifact's target, as the build line shows it. */
  written: string[];
}

/** The build's inputs, hashed: the key a record is found under and checked against. */
export interface Fingerprint {
  /** Where the connector's record lives (one per connector id and output folder). */
  file: string;
  hash: string;
  /** A file it hashed was modified so recently that a build now must not be recorded. */
  racy: boolean;
}

interface StoredRecord extends RecordedBuild {
  format: number;
  fingerprint: string;
  /** Folders the build wrote whole (relative to dist/<id>/), checked for files added since. */
  dirs: string[];
  /** Every file the build wrote, absolute. */
  outputs: FileRecord[];
}

function version(pkg: string): string {
  try {
    return (require(`${pkg}/package.json`) as { version: string }).version;
  } catch {
    return 'none';
  }
}

let identity: string | null | undefined;

/**
 * pcdk's own code, hashed, when it runs from its command bundles (lib/cli/commands/*.bundle.js,
 * as an installed pcdk does); undefined otherwise, and then builds are not recorded.
 */
export function pcdkIdentity(): string | undefined {
  if (identity !== undefined) return identity ?? undefined;
  identity = null;
  try {
    if (!__filename.endsWith('.bundle.js')) return undefined;
    const root = ownPackageRoot();
    const h = crypto.createHash('sha1');
    // Written beside the bundles when they are made (scripts/bundle-cli.js): a hash of their bytes.
    h.update(`${ownVersion()}\0${fs.readFileSync(path.join(root, 'lib', 'cli', 'bundles.sha1'), 'utf8')}\0`);
    h.update(fs.readFileSync(path.join(root, 'lib', 'generated', 'validators', 'manifest.json')));
    const runtime = path.join(root, 'src', 'runtime');
    for (const f of fs.readdirSync(runtime).sort()) h.update(`\0${f}\0`).update(fs.readFileSync(path.join(runtime, f)));
    for (const pkg of ['esbuild', 'typescript', 'ajv', '@cfworker/json-schema', '@apidevtools/swagger-parser'])
      h.update(`\0${version(pkg)}`);
    identity = h.digest('hex');
  } catch {
    // Something of pcdk's own cannot be read: record nothing.
  }
  return identity ?? undefined;
}

/** Hashes files, noting whether any is too recent for the build to be recorded (racyTime). */
class Hasher {
  readonly h = crypto.createHash('sha256');
  racy = false;
  constructor(private readonly startedAt: number) {}

  text(s: string): void {
    this.h.update(`${s}\0`);
  }

  file(file: string): void {
    this.text(file);
    let bytes: Buffer;
    try {
      if (racyTime(fs.statSync(file).mtimeMs, this.startedAt)) this.racy = true;
      bytes = fs.readFileSync(file);
    } catch {
      this.text('-');
      return;
    }
    this.h.update(bytes);
    this.text('');
  }

  /** Every file under `dir` (names sorted), or its absence. */
  tree(dir: string, depth = 0): void {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      this.text(`${dir} -`);
      return;
    }
    this.text(`${dir}/`);
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (depth < 8) this.tree(p, depth + 1);
        else this.text(`${p}/ deep`);
      } else this.file(p);
    }
  }
}

/** The connector as JSON, and the environment variables its secret() references name. */
function connectorJson(connector: Connector): { json: string; secretEnv: string[] } {
  const names = new Set<string>();
  const json = JSON.stringify(connector, (_k, v: unknown) => {
    if (v && typeof v === 'object' && (v as { kind?: unknown }).kind === 'secret') {
      const env = (v as { env?: unknown }).env;
      if (typeof env === 'string') names.add(env);
    }
    return v;
  });
  return { json, secretEnv: [...names].sort() };
}

/** The inputs' fingerprint; undefined when they cannot all be read (then the build is not recorded). */
export function fingerprint(inputs: BuildInputs, startedAt: number): Fingerprint | undefined {
  if (!cacheEnabled()) return undefined;
  try {
    const id = inputs.connector.id;
    const outDir = path.resolve(inputs.outDir);
    const x = new Hasher(startedAt);
    x.text(`pcdk-build-record-${FORMAT}`);
    x.text(inputs.identity);
    x.text(`${id}\0${outDir}`);
    for (const s of [...inputs.sources].sort()) x.file(s);
    const { json, secretEnv } = connectorJson(inputs.connector);
    x.text(json);
    for (const n of secretEnv) x.text(`${n}=${inputs.env[n] ? 'set' : 'unset'}`);
    x.text('schemas');
    if (inputs.schemasDir) x.tree(path.resolve(inputs.schemasDir));
    x.text('recordings');
    if (inputs.recordingsDir) x.tree(path.resolve(inputs.recordingsDir));
    return {
      // One record per connector and output folder: a build of the same id from another
      // definitions folder into the same output replaces it.
      file: cacheFile('build', `${FORMAT}\0${outDir}\0${id}`, '.json'),
      hash: x.h.digest('hex'),
      racy: x.racy,
    };
  } catch {
    // A value JSON cannot hold (a BigInt, a cycle): build, and record nothing.
    return undefined;
  }
}

/** Every file under root/rel, relative to root, sorted. */
function filesUnder(root: string, rel: string): string[] {
  const out: string[] = [];
  const walk = (r: string): void => {
    for (const e of fs.readdirSync(path.join(root, r), { withFileTypes: true })) {
      const p = path.join(r, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(rel);
  return out.sort();
}

/** The record for these inputs, when the outputs it lists are all still as the build wrote them. */
export function recordedBuild(fp: Fingerprint, outDir: string): RecordedBuild | undefined {
  try {
    const r = JSON.parse(fs.readFileSync(fp.file, 'utf8')) as StoredRecord;
    if (r.format !== FORMAT || r.fingerprint !== fp.hash) return undefined;
    const listed = new Set(r.outputs.map(([file]) => file));
    for (const dir of r.dirs)
      for (const rel of filesUnder(outDir, dir)) if (!listed.has(path.join(outDir, rel))) return undefined;
    // A deleted output fails here too (its record has a size).
    if (!r.outputs.every(sameFile)) return undefined;
    return { diagnostics: r.diagnostics, written: r.written };
  } catch {
    return undefined;
  }
}

/**
 * Keeps the record of a clean build that wrote `outDir` (dist/<id>/): `targets` are the
 * artifacts it wrote, each a folder or a file under it. Never throws.
 */
export function keepBuildRecord(
  fp: Fingerprint,
  outDir: string,
  targets: readonly { target: string; kind: 'dir' | 'file' }[],
  build: RecordedBuild,
): void {
  if (fp.racy) return;
  try {
    const dirs = targets.filter((t) => t.kind === 'dir').map((t) => t.target);
    const files = [
      ...dirs.flatMap((d) => filesUnder(outDir, d)),
      ...targets.filter((t) => t.kind === 'file').map((t) => t.target),
    ];
    const outputs = files.map((f) => fileRecord(path.join(outDir, f)));
    // An output that cannot be read back now could not be checked later.
    if (outputs.some(([, size]) => size < 0)) return;
    const r: StoredRecord = {
      format: FORMAT,
      fingerprint: fp.hash,
      dirs,
      outputs,
      diagnostics: build.diagnostics,
      written: build.written,
    };
    writeCacheEntry(fp.file, JSON.stringify(r));
  } catch {
    // Recorded or not, the build stands.
  }
}
