/**
 * Compiles the generated client module: ESM and CommonJS JavaScript by transpiling, and the
 * declarations from a full type-check (DOM + ES2022 libs only, so the package needs neither
 * @types/node nor any dependency), which also proves the generated code is typed.
 */
import ts from 'typescript';

/** What the TypeScript compiler makes of the generated module: the slow part of the package. */
export interface CompiledClient {
  esm: string;
  cjs: string;
  dts: string;
  errors: string[];
}

/** A pure function of `source` (and the typescript version), so callers may cache it by both. */
export function compileClientSource(source: string): CompiledClient {
  const transpile = (module: ts.ModuleKind): string =>
    ts.transpileModule(source, {
      fileName: 'index.ts',
      compilerOptions: { module, target: ts.ScriptTarget.ES2022, removeComments: false, newLine: ts.NewLineKind.LineFeed },
    }).outputText;
  const { dts, errors } = declarations(source);
  return { esm: transpile(ts.ModuleKind.ES2022), cjs: transpile(ts.ModuleKind.CommonJS), dts, errors };
}

const LIBS = ['lib.es2022.d.ts', 'lib.dom.d.ts'];

/** Type-checks the generated module and emits its declarations, all in memory. */
function declarations(source: string): { dts: string; errors: string[] } {
  const options: ts.CompilerOptions = {
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
  const host = ts.createCompilerHost(options);
  const file = '/pcdk-client/index.ts';
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, onError, create) => (name === file ? sf : getSourceFile(name, lang, onError, create));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === file || fileExists(name);
  let dts = '';
  host.writeFile = (name, text) => {
    if (name.endsWith('.d.ts')) dts = text;
  };
  const program = ts.createProgram([file], options, host);
  const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n') + (d.file && d.start !== undefined ? ` (line ${d.file.getLineAndCharacterOfPosition(d.start).line + 1})` : ''));
  program.emit();
  return { dts, errors };
}
