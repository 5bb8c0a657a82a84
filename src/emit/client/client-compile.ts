/**
 * The TypeScript compiler's part in the client: the runtime's declarations (the same for every
 * connector, so emitted once and cached), and a full strict type-check of a generated module,
 * which the tests run to prove the generator writes typed code. Builds never load this module
 * once the runtime's declarations are cached: the JavaScript comes from esbuild.
 */
import ts from 'typescript';

const LIBS = ['lib.es2022.d.ts', 'lib.dom.d.ts'];

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ES2022,
  lib: LIBS,
  types: [],
  strict: true,
  declaration: true,
  emitDeclarationOnly: true,
  skipLibCheck: true,
  newLine: ts.NewLineKind.LineFeed,
};

/** Type-checks one module held in memory and emits its declarations (DOM + ES2022 libs only). */
function compileInMemory(source: string): { dts: string; errors: string[] } {
  const host = ts.createCompilerHost(OPTIONS);
  const file = '/pcdk-client/index.ts';
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, onError, create) =>
    name === file ? sf : getSourceFile(name, lang, onError, create);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === file || fileExists(name);
  let dts = '';
  host.writeFile = (name, text) => {
    if (name.endsWith('.d.ts')) dts = text;
  };
  const program = ts.createProgram([file], OPTIONS, host);
  const errors = ts
    .getPreEmitDiagnostics(program)
    .map(
      (d) =>
        ts.flattenDiagnosticMessageText(d.messageText, '\n') +
        (d.file && d.start !== undefined ? ` (line ${d.file.getLineAndCharacterOfPosition(d.start).line + 1})` : ''),
    );
  program.emit();
  return { dts, errors };
}

/** The embedded runtime's declarations; throws if the runtime does not type-check (a pcdk bug). */
export function runtimeDeclarations(runtime: string): string {
  const { dts, errors } = compileInMemory(runtime);
  if (errors.length) throw new Error(`the client runtime does not type-check: ${errors.join('; ')}`);
  return dts;
}

/** Type errors in a generated client module (empty when sound). */
export function typeCheckClientSource(source: string): string[] {
  return compileInMemory(source).errors;
}
