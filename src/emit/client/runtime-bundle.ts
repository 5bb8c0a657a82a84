/**
 * Embeds src/runtime into a generated client as one TypeScript module. The runtime is written as
 * small modules; a client package must be self-contained and dependency-free, so at build time
 * the modules are concatenated in dependency order with their relative imports dropped. Names
 * exported by src/runtime/index.ts stay exported; every other `export` is removed, so the
 * package's public surface is exactly the runtime index plus the generated code. Top-level names
 * must be unique across runtime modules (checked here).
 */
import ts from 'typescript';

/** Module name (file name without .ts) -> source; returns one module's text. Pure. */
export function bundleRuntime(sources: ReadonlyMap<string, string>): string {
  const index = parse('index', sources);
  const publicNames = new Set<string>();
  const roots: string[] = [];
  for (const st of index.statements) {
    if (!ts.isExportDeclaration(st) || !st.moduleSpecifier || !st.exportClause || !ts.isNamedExports(st.exportClause)) {
      throw new Error('src/runtime/index.ts may only hold `export { ... } from "./module"` statements');
    }
    for (const el of st.exportClause.elements) publicNames.add(el.name.text);
    roots.push(moduleName(st.moduleSpecifier));
  }
  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string): void => {
    if (order.includes(name)) return;
    if (visiting.has(name)) throw new Error(`src/runtime: import cycle through ${name}.ts`);
    visiting.add(name);
    const sf = parse(name, sources);
    for (const st of sf.statements) if (ts.isImportDeclaration(st)) visit(moduleName(st.moduleSpecifier));
    visiting.delete(name);
    order.push(name);
  };
  roots.forEach(visit);

  const declared = new Map<string, string>();
  const parts: string[] = [];
  for (const name of order) {
    const sf = parse(name, sources);
    const chunks: string[] = [];
    for (const st of sf.statements) {
      if (ts.isImportDeclaration(st)) continue;
      if (ts.isExportDeclaration(st)) throw new Error(`src/runtime/${name}.ts: re-exports belong in index.ts`);
      for (const n of declaredNames(st)) {
        const prev = declared.get(n);
        if (prev)
          throw new Error(
            `src/runtime: "${n}" is declared in both ${prev}.ts and ${name}.ts; top-level names must be unique`,
          );
        declared.set(n, name);
      }
      let text = sf.text.slice(st.getFullStart(), st.getEnd());
      const exp = ts.canHaveModifiers(st)
        ? ts.getModifiers(st)?.find((m) => m.kind === ts.SyntaxKind.ExportKeyword)
        : undefined;
      if (exp && !declaredNames(st).some((n) => publicNames.has(n))) {
        const from = exp.getStart(sf) - st.getFullStart();
        const to = exp.getEnd() - st.getFullStart();
        text = text.slice(0, from) + text.slice(to).replace(/^\s+/, '');
      }
      chunks.push(text.replace(/^\n+/, ''));
    }
    parts.push(`// ---- runtime/${name}.ts ----\n${chunks.join('\n')}`);
  }
  for (const n of publicNames)
    if (!declared.has(n)) throw new Error(`src/runtime/index.ts exports "${n}", which no runtime module declares`);
  return `${parts.join('\n\n')}\n`;
}

function parse(name: string, sources: ReadonlyMap<string, string>): ts.SourceFile {
  const text = sources.get(name);
  if (text === undefined) throw new Error(`src/runtime/${name}.ts is missing`);
  return ts.createSourceFile(`${name}.ts`, text, ts.ScriptTarget.ES2022, true);
}

function moduleName(spec: ts.Expression): string {
  const s = (spec as ts.StringLiteral).text;
  if (!/^\.\/[a-z0-9-]+$/.test(s))
    throw new Error(
      `src/runtime may import only sibling modules ("./name"), not "${s}": it ships inside generated clients`,
    );
  return s.slice(2);
}

function declaredNames(st: ts.Statement): string[] {
  if (ts.isVariableStatement(st))
    return st.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []));
  if (
    ts.isFunctionDeclaration(st) ||
    ts.isClassDeclaration(st) ||
    ts.isInterfaceDeclaration(st) ||
    ts.isTypeAliasDeclaration(st) ||
    ts.isEnumDeclaration(st)
  ) {
    return st.name ? [st.name.text] : [];
  }
  return [];
}
