/** The generated ConvertKit client in tests: written to a temp folder and loaded, or type-checked as a consumer sees it. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ts from 'typescript';
import type { Connector } from '../../src/model';
import { compileClient } from '../../src/synth/client-artifact';
import { emitClientPackage } from '../../src/emit/client/client-package';

export async function writeClientPackage(c: Connector): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pcdk-${c.id}-client-`));
  for (const [name, text] of emitClientPackage(c, await compileClient(c))) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

export type AnyClient = Record<string, (params?: object, options?: object) => Promise<unknown>> & {
  call(operationId: string, params?: object): Promise<unknown>;
  iterate: Record<string, (params?: object) => AsyncIterableIterator<unknown>>;
};
export interface ClientModule {
  createClient(options: Record<string, unknown>): AnyClient;
  HttpError: new (...args: never[]) => Error & { status: number; body?: { error?: string; message?: string } };
  ClientError: new (...args: never[]) => Error;
}

export function loadClientPackage(dir: string): ClientModule {
  return require(path.join(dir, 'index.cjs')) as ClientModule;
}

/** One diagnostic of a type-checked consumer: file, 1-based line and flattened message. */
export interface ConsumerDiagnostic {
  file: string;
  line: number;
  code: number;
  message: string;
}

/**
 * Type-checks in-memory consumer files (paths under /consumer/) against the real TypeScript
 * libs, strict, with the given libs and @types packages, checking .d.ts files too (no
 * skipLibCheck), so a declaration that needs a global the libs lack is an error.
 */
export function typeCheckConsumer(
  files: Record<string, string>,
  env: { lib: string[]; types: string[] },
): ConsumerDiagnostic[] {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: env.lib.map((l) => `lib.${l}.d.ts`),
    types: env.types,
    typeRoots: [path.join(__dirname, '../../node_modules/@types')],
    strict: true,
    noEmit: true,
    skipLibCheck: false,
  };
  const host = ts.createCompilerHost(options);
  const virtual = new Map(Object.entries(files));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, onError, create) => {
    const text = virtual.get(name);
    return text === undefined
      ? getSourceFile(name, lang, onError, create)
      : ts.createSourceFile(name, text, lang, true);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => virtual.has(name) || fileExists(name);
  const dirs = new Set([...virtual.keys()].map((f) => path.posix.dirname(f)));
  const directoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (d) => dirs.has(d) || (directoryExists?.(d) ?? false);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => virtual.get(name) ?? readFile(name);
  const program = ts.createProgram(
    [...virtual.keys()].filter((f) => !f.endsWith('.d.ts')),
    options,
    host,
  );
  return ts.getPreEmitDiagnostics(program).map((d) => ({
    file: d.file?.fileName ?? '',
    line: d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0,
    code: d.code,
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  }));
}
