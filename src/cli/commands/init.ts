/**
 * `pcdk init [dir] [--id <id>]`: a connector project that builds as it is. In an empty folder it
 * writes every file; in an existing npm project (say right after `npm install -D pcdk`) it adds
 * what is missing and keeps what is there: package.json gains pcdk's scripts and dependency
 * without losing a key, and no existing file is overwritten. Running it twice changes nothing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { writeFileAtomic } from '../../io/atomic-write';
import {
  CONNECTOR_ID,
  CONNECTOR_ID_RULE,
  connectorIdFrom,
  isConnectorFile,
  jsonStyleOf,
  jsonTextIn,
  mergePackageJson,
  packageNameFrom,
  PackageJsonShapeError,
  scaffoldFiles,
  type PackageMerge,
  type ScaffoldInput,
} from '../../scaffold/project-files';
import { UserError } from '../../errors';
import { ownVersion } from '../../io/own-package';

interface InitOptions {
  id?: string;
}

/** One file's fate: written, left alone, or (package.json) merged. */
type Step =
  | { kind: 'create'; rel: string; text: string }
  | { kind: 'keep'; rel: string; why: string }
  | { kind: 'update'; rel: string; text: string; why: string };

export function registerInit(program: Command): void {
  program
    .command('init')
    .description(
      'create a connector project (or add one to the npm project in dir): package.json, tsconfig.json, definitions/<id>/',
    )
    .argument('[dir]', 'the project folder, created when missing', '.')
    .option('--id <id>', 'connector id (default: from the folder name, else my-connector)')
    .action((dir: string, opts: InitOptions) => {
      const root = path.resolve(dir);
      const id = opts.id ?? connectorIdFrom(path.basename(root));
      if (!CONNECTOR_ID.test(id)) throw new UserError(`--id "${id}" is not a connector id (${CONNECTOR_ID_RULE})`);
      ensureFolder(root);
      // Everything is decided before anything is written: a package.json that cannot be read stops
      // init with the folder as it was.
      const { steps, buildScript } = plan(root, id);
      for (const step of steps) {
        if (step.kind !== 'keep') writeFileAtomic(path.join(root, step.rel), step.text);
        process.stdout.write(`${describe(step, root)}\n`);
      }
      process.stdout.write(nextSteps(root, buildScript));
    });
}

function ensureFolder(root: string): void {
  const stat = fs.statSync(root, { throwIfNoEntry: false });
  if (stat && !stat.isDirectory())
    throw new UserError(`${shown(root)} is a file; give a folder to create the project in`);
  try {
    fs.mkdirSync(root, { recursive: true });
  } catch (e) {
    throw new UserError(`cannot create ${shown(root)} (${(e as Error).message})`);
  }
}

/** The steps for every scaffold file, in the scaffold's order, and the script that now runs `pcdk build`. */
function plan(root: string, id: string): { steps: Step[]; buildScript: string } {
  const existingPkg = readPackageJson(root);
  const input: ScaffoldInput = {
    id,
    packageName: packageNameFrom(path.basename(root), id),
    pcdkVersion: ownVersion(),
    definitions: definitionsOf(existingPkg, root),
  };
  const merge = existingPkg ? mergeInto(existingPkg, input) : undefined;
  const files = scaffoldFiles({ ...input, scriptNames: merge?.scriptNames });
  // A connector that is already there is the author's: adding our example recording beside it
  // would fail its recordings check (the recording's operation is not theirs).
  const connectorRel = [...files.keys()].find((rel) => rel.endsWith('/connector.ts'))!;
  const hasConnector = fs.existsSync(path.join(root, connectorRel));
  const steps: Step[] = [];
  for (const [rel, text] of files) {
    if (rel === 'package.json' && existingPkg && merge) {
      steps.push(packageStep(merge, existingPkg.text, input.pcdkVersion));
    } else if (fs.existsSync(path.join(root, rel))) {
      steps.push({ kind: 'keep', rel, why: 'exists' });
    } else if (hasConnector && isConnectorFile(rel, input)) {
      steps.push({ kind: 'keep', rel, why: `not added: ${connectorRel} exists` });
    } else {
      steps.push({ kind: 'create', rel, text });
    }
  }
  return { steps, buildScript: merge?.scriptNames.build ?? 'build' };
}

interface ExistingPackage {
  file: string;
  text: string;
  value: unknown;
}

function readPackageJson(root: string): ExistingPackage | undefined {
  const file = path.join(root, 'package.json');
  if (!fs.existsSync(file)) return undefined;
  const text = fs.readFileSync(file, 'utf8');
  try {
    // npm tolerates a byte-order mark; JSON.parse does not.
    return { file, text, value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch (e) {
    throw new UserError(`${shown(file)} is not valid JSON (${(e as Error).message}); fix it and run pcdk init again`);
  }
}

/**
 * The project's own definitions folder (package.json "pcdk": { "definitions": ... }), relative
 * to the project with forward slashes, so the connector lands where `pcdk build` looks for it.
 */
function definitionsOf(existing: ExistingPackage | undefined, root: string): string | undefined {
  const pkg = existing?.value;
  const cfg = typeof pkg === 'object' && pkg !== null ? (pkg as { pcdk?: unknown }).pcdk : undefined;
  const defs = typeof cfg === 'object' && cfg !== null ? (cfg as { definitions?: unknown }).definitions : undefined;
  if (typeof defs !== 'string' || defs === '') return undefined;
  const rel = path.relative(root, path.resolve(root, defs));
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new UserError(
      `${shown(existing!.file)}: "pcdk".definitions (${defs}) is outside the project; pcdk init writes only inside ${shown(root)}`,
    );
  }
  return rel === '' ? '.' : rel.split(path.sep).join('/');
}

function mergeInto(existing: ExistingPackage, input: ScaffoldInput): PackageMerge {
  try {
    return mergePackageJson(existing.value, input);
  } catch (e) {
    if (e instanceof PackageJsonShapeError)
      throw new UserError(`${shown(existing.file)}: ${e.message}; fix it and run pcdk init again`);
    throw e;
  }
}

function packageStep(merge: PackageMerge, text: string, version: string): Step {
  if (!merge.changed) return { kind: 'keep', rel: 'package.json', why: 'exists; it has the scripts and pcdk' };
  const parts: string[] = [];
  if (merge.addedScripts.length) parts.push(`added scripts: ${merge.addedScripts.join(', ')}`);
  if (merge.keptScripts.length) parts.push(`kept your ${merge.keptScripts.join(', ')}`);
  if (merge.addedDependency) parts.push(`added devDependencies: pcdk@^${version}`);
  return { kind: 'update', rel: 'package.json', text: jsonTextIn(merge.pkg, jsonStyleOf(text)), why: parts.join('; ') };
}

function describe(step: Step, root: string): string {
  const where = shown(path.join(root, step.rel));
  if (step.kind === 'create') return `created ${where}`;
  if (step.kind === 'update') return `updated ${where} (${step.why})`;
  return `kept ${where} (${step.why})`;
}

/** What to run next: cd, npm install while pcdk is not installed, then the build script. */
function nextSteps(root: string, buildScript: string): string {
  const lines: string[] = [];
  if (root !== process.cwd()) lines.push(`cd ${shellWord(shown(root))}`);
  if (!pcdkInstalled(root)) lines.push('npm install');
  lines.push(`npm run ${buildScript}`);
  return `\nnext:\n${lines.map((l) => `  ${l}\n`).join('')}`;
}

/** Quoted for a POSIX shell when it holds anything but plain path characters. */
function shellWord(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Whether Node would find pcdk from the project: node_modules/pcdk in it or a folder above. */
function pcdkInstalled(root: string): boolean {
  for (let dir = root; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'node_modules', 'pcdk', 'package.json'))) return true;
    if (path.dirname(dir) === dir) return false;
  }
}

/** A path as the user would type it from here: relative below the working directory, else absolute. */
function shown(file: string): string {
  const rel = path.relative(process.cwd(), file);
  if (rel === '') return '.';
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}
