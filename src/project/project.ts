/**
 * The author's project, found from the working directory: the nearest folder with a package.json
 * (or the working directory itself when there is none). Its package.json may carry a "pcdk" key
 * naming other folders; command-line options override both, relative to the working directory.
 *
 *   { "pcdk": { "definitions": "connectors", "out": "build/connectors" } }
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PcdkError } from '../errors';

export interface Project {
  /** The folder holding package.json. */
  root: string;
  /** Holds <id>/connector.ts. */
  definitionsDir: string;
  /** Artifacts go to <outDir>/<id>/. */
  outDir: string;
  /** The project's tsconfig.json, which the descriptor type-check extends when present. */
  tsconfig?: string;
}

export interface ProjectOverrides {
  definitions?: string;
  out?: string;
}

/** The project's package.json cannot be read, or its "pcdk" key is not the expected shape. */
export class ProjectConfigError extends PcdkError {
  override name = 'ProjectConfigError' as const;
}

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return from;
  }
}

function configOf(root: string): ProjectOverrides {
  const file = path.join(root, 'package.json');
  if (!fs.existsSync(file)) return {};
  let pkg: unknown;
  try {
    pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ProjectConfigError(
      `${path.relative(process.cwd(), file) || file} is not valid JSON (${(e as Error).message}); fix it so pcdk can read the project`,
    );
  }
  const cfg = (pkg as { pcdk?: unknown } | null)?.pcdk;
  if (cfg === undefined) return {};
  const ok = (v: unknown) => v === undefined || (typeof v === 'string' && v.length > 0);
  const c = cfg as Record<string, unknown>;
  if (!cfg || typeof cfg !== 'object' || !ok(c.definitions) || !ok(c.out)) {
    throw new ProjectConfigError(
      `${file}: "pcdk" must be an object like { "definitions": "definitions", "out": "dist" } (folder names, relative to the project)`,
    );
  }
  return { definitions: c.definitions as string | undefined, out: c.out as string | undefined };
}

export function findProject(overrides: ProjectOverrides = {}, cwd = process.cwd()): Project {
  const root = findRoot(path.resolve(cwd));
  const cfg = configOf(root);
  const tsconfig = path.join(root, 'tsconfig.json');
  return {
    root,
    definitionsDir: overrides.definitions
      ? path.resolve(cwd, overrides.definitions)
      : path.resolve(root, cfg.definitions ?? 'definitions'),
    outDir: overrides.out ? path.resolve(cwd, overrides.out) : path.resolve(root, cfg.out ?? 'dist'),
    tsconfig: fs.existsSync(tsconfig) ? tsconfig : undefined,
  };
}

/** A connector's own recordings: definitions/<id>/recordings/. */
export function recordingsDirOf(project: Project, id: string): string {
  return path.join(project.definitionsDir, id, 'recordings');
}
