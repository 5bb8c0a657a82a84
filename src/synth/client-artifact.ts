/** The typed client package as a build artifact: dist/<id>/client/. */
import type { Connector } from '../model/connector';
import { emitClientPackage } from '../emit/client/client-package';
import { cachedJson } from '../io/content-cache';
import { clientUnsupported } from '../emit/client/client-source';
import { readRuntimeSources } from '../emit/client/runtime-sources';
import { diagnostic } from '../validate/diagnostics';
import type { Artifact } from './artifacts';

let runtime: string | undefined;

/* eslint-disable @typescript-eslint/no-require-imports */
// Loading typescript costs about 0.3 s; with warm caches a build never needs it.
const tsVersion = () => (require('typescript/package.json') as { version: string }).version;
const compiler = () => require('../emit/client/client-compile') as typeof import('../emit/client/client-compile');
const bundler = () => require('../emit/client/runtime-bundle') as typeof import('../emit/client/runtime-bundle');
/* eslint-enable @typescript-eslint/no-require-imports */

/** The embedded runtime, bundled once per process and cached by its sources across processes. */
export function runtimeBundle(): string {
  if (runtime === undefined) {
    const sources = readRuntimeSources();
    const key = [...sources].map(([name, text]) => `${name}\0${text}`).join('\0');
    runtime = cachedJson('runtime', `${tsVersion()}\0${key}`, () => bundler().bundleRuntime(sources));
  }
  return runtime;
}

export function produceClientPackage(c: Connector): Artifact {
  const unsupported = clientUnsupported(c);
  if (unsupported) {
    return {
      target: 'client',
      kind: 'dir',
      files: new Map([['README.md', `# No client for ${c.title}\n\npcdk generated no typed client: ${unsupported}.\n`]]),
      diagnostics: [diagnostic('client-skipped', { reason: unsupported }, { connector: c.id })],
    };
  }
  try {
    // Type-checking the generated module takes about a second; its output depends only on the
    // source text and the compiler, so it is cached by both.
    const pkg = emitClientPackage(c, runtimeBundle(), (source) =>
      cachedJson('client', `${tsVersion()}\0${source}`, () => compiler().compileClientSource(source)));
    const diagnostics = pkg.errors.map((reason) => diagnostic('client-type-error', { reason }, { connector: c.id, file: 'client/index.ts' }));
    return { target: 'client', kind: 'dir', files: new Map(pkg.files), diagnostics };
  } catch (e) {
    return {
      target: 'client',
      kind: 'dir',
      files: new Map(),
      diagnostics: [diagnostic('client-generation-failed', { reason: (e as Error).message }, { connector: c.id })],
    };
  }
}
