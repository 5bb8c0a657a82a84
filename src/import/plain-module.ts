/**
 * The fast path of load-descriptor.ts. An operation file written by `pcdk import` is plain
 * JavaScript apart from its `import` and `export` lines: a large object literal per operation,
 * no type annotation. Such a file needs no TypeScript transpiler, only those lines rewritten to
 * CommonJS, which a single scan of the text does at a small fraction of esbuild's cost (an
 * imported corpus is megabytes of literals: esbuild's parse and print of them was most of the
 * round trip's load step).
 *
 * The scan only accepts what it fully understands and returns undefined for anything else, and
 * the caller then transpiles the file with esbuild exactly as before:
 * - outside strings and comments: no template literal, no `/` (a regex or a division), no `<`
 *   (so no type arguments: `f<T>(x)` is the one TypeScript form that also parses as JavaScript,
 *   with another meaning), no `#` or `@`, no character outside ASCII;
 * - at the top level, only `import { a, b as c, type T } from '...';`, `import type { T } from '...';`,
 *   `import * as ns from './...';`, `export const|let|var name = ...;` (one declarator), a
 *   declaration's simple type annotation (`const name: T =`, `: Record<string, T> =`, dropped),
 *   `export function|class name`, and `export default <expression>`.
 * Any other TypeScript syntax is not JavaScript in strict mode (annotations, `as`, `satisfies`,
 * `!`, enums, modifiers, ...): the caller compiles the result and, on a SyntaxError, falls back.
 *
 * Exports are getters defined before the body runs, as esbuild's are (live bindings); named
 * imports are read once, when the import line runs, so a module whose import would read a module
 * that is still loading (an import cycle) is refused by the loader, which then starts over with
 * esbuild for every file.
 */

export interface PlainModule {
  /** CommonJS body for the loader's wrapper; the first line holds the export getters, so lines keep their numbers. */
  js: string;
  /** Whether it reads named imports when its import lines run (see the cycle note above). */
  readsImports: boolean;
}

const isIdStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
const isIdPart = (c: number) => isIdStart(c) || (c >= 48 && c <= 57);
const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

type Token = { kind: 'id' | 'punct' | 'string'; text: string; start: number; end: number };

class Fail extends Error {}
const fail = (): never => {
  throw new Fail();
};

export function plainModule(source: string): PlainModule | undefined {
  try {
    return scan(source);
  } catch (e) {
    if (e instanceof Fail) return undefined;
    throw e;
  }
}

/** Index after the string literal starting at `i` (a quote). */
function skipString(s: string, i: number): number {
  const quote = s.charCodeAt(i);
  for (let j = i + 1; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === quote) return j + 1;
    if (c === 92 /* \ */) j++;
    else if (c === 10 || c === 13) fail();
  }
  return fail();
}

/** Index of the next character that is not whitespace or a comment. */
function skipTrivia(s: string, i: number): number {
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) i++;
    else if (c === 47 /* / */ && s.charCodeAt(i + 1) === 47) {
      const nl = s.indexOf('\n', i);
      i = nl === -1 ? s.length : nl + 1;
    } else if (c === 47 && s.charCodeAt(i + 1) === 42 /* * */) {
      const end = s.indexOf('*/', i + 2);
      if (end === -1) fail();
      i = end + 2;
    } else break;
  }
  return i;
}

function token(s: string, i: number): Token {
  const start = skipTrivia(s, i);
  if (start >= s.length) return fail();
  const c = s.charCodeAt(start);
  if (isIdStart(c)) {
    let end = start + 1;
    while (end < s.length && isIdPart(s.charCodeAt(end))) end++;
    return { kind: 'id', text: s.slice(start, end), start, end };
  }
  if (c === 39 || c === 34) {
    const end = skipString(s, start);
    return { kind: 'string', text: s.slice(start, end), start, end };
  }
  return { kind: 'punct', text: s[start]!, start, end: start + 1 };
}

function expect(s: string, i: number, kind: Token['kind'], text?: string): Token {
  const t = token(s, i);
  if (t.kind !== kind || (text !== undefined && t.text !== text)) fail();
  return t;
}

function scan(s: string): PlainModule {
  const parts: string[] = [];
  /** [exported name, local binding] in source order. */
  const exported: [string, string][] = [];
  let copied = 0;
  let depth = 0;
  /** The last significant character at depth 0 ('' at the start). */
  let prev0 = '';
  /** Inside `export const x = ...` until its `;`: a second declarator would not be exported. */
  let inExportDeclaration = false;
  let readsImports = false;
  const replace = (start: number, end: number, text: string) => {
    parts.push(s.slice(copied, start), text);
    copied = end;
  };
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === 47 /* / */) {
      const next = s.charCodeAt(i + 1);
      if (next !== 47 && next !== 42) fail();
      i = skipTrivia(s, i);
      continue;
    }
    if (c === 39 || c === 34) {
      i = skipString(s, i);
      if (depth === 0) prev0 = '"';
      continue;
    }
    if (c > 126 || c === 96 /* ` */ || c === 60 /* < */ || c === 35 /* # */ || c === 64 /* @ */) fail();
    if (isIdStart(c)) {
      let end = i + 1;
      while (end < s.length && isIdPart(s.charCodeAt(end))) end++;
      const word = s.slice(i, end);
      if (depth === 0 && prev0 !== '.' && (word === 'import' || word === 'export')) {
        if (prev0 !== '' && prev0 !== ';' && prev0 !== '}') fail();
        if (word === 'import') {
          const r = importLine(s, end);
          if (r.reads) readsImports = true;
          replace(i, r.end, r.text);
          i = r.end;
          prev0 = ';';
          continue;
        }
        const r = exportHead(s, end);
        if (exported.some(([name]) => name === r.name)) fail();
        exported.push([r.name, r.local]);
        replace(i, r.end, r.text);
        inExportDeclaration = r.declaration;
        i = r.end;
        prev0 = 'a';
        continue;
      }
      if (depth === 0 && (word === 'const' || word === 'let' || word === 'var') && prev0 !== '.') {
        const name = token(s, end);
        const next = name.kind === 'id' ? token(s, name.end) : undefined;
        if (next?.kind === 'punct' && next.text === ':') {
          const eq = annotationEnd(s, next.start);
          replace(next.start, eq, ' ');
          i = eq;
          prev0 = 'a';
          continue;
        }
      }
      i = end;
      if (depth === 0) prev0 = 'a';
      continue;
    }
    if (c === 123 || c === 40 || c === 91) depth++;
    else if (c === 125 || c === 41 || c === 93) {
      depth--;
      if (depth < 0) fail();
    } else if (depth === 0 && inExportDeclaration) {
      if (c === 44 /* , */) fail();
      if (c === 59 /* ; */) inExportDeclaration = false;
    }
    if (depth === 0) prev0 = s[i]!;
    i++;
  }
  if (depth !== 0 || inExportDeclaration) fail();
  parts.push(s.slice(copied));
  const getters = exported
    .map(([name, local]) => `Object.defineProperty(exports, '${name}', { enumerable: true, get: () => ${local} });`)
    .join(' ');
  return {
    js: `'use strict'; Object.defineProperty(exports, '__esModule', { value: true }); ${getters}${parts.join('')}`,
    readsImports,
  };
}

/**
 * A declaration's type annotation, `: T` or `: Record<string, T>` (what the importer writes on
 * shared schemas, parameters and responses), from its colon at `colon`: the index of the `=`
 * after it. Names, dots, commas, spaces and `<>[]|` only, on one line.
 */
function annotationEnd(s: string, colon: number): number {
  for (let j = colon + 1; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === 61 /* = */) {
      const next = s.charCodeAt(j + 1);
      if (next === 61 || next === 62 || j === colon + 1) fail();
      return j;
    }
    if (!(isIdPart(c) || c === 32 || c === 46 || c === 44 || c === 60 || c === 62 || c === 91 || c === 93 || c === 124))
      fail();
  }
  return fail();
}

/** `import` (already read) up to its `;`: the CommonJS text and whether it reads names. */
function importLine(s: string, at: number): { end: number; text: string; reads: boolean } {
  const first = token(s, at);
  if (first.kind === 'punct' && first.text === '*') {
    expect(s, first.end, 'id', 'as');
    const name = expect(s, skipTo(s, first.end, 'as'), 'id');
    expect(s, name.end, 'id', 'from');
    const spec = expect(s, skipTo(s, name.end, 'from'), 'string');
    // Only a sibling file: its exports object is already the namespace esbuild would build.
    if (!/^['"]\.\.?\//.test(spec.text)) fail();
    const end = expect(s, spec.end, 'punct', ';').end;
    return { end, text: `const ${name.text} = require(${spec.text});`, reads: false };
  }
  // `import type { ... } from '...';` goes, as TypeScript and esbuild drop it.
  if (first.kind === 'id' && first.text === 'type') {
    const open = expect(s, first.end, 'punct', '{');
    const close = s.indexOf('}', open.end);
    if (close === -1 || /['"]/.test(s.slice(open.end, close))) fail();
    expect(s, close + 1, 'id', 'from');
    const spec = expect(s, skipTo(s, close + 1, 'from'), 'string');
    return { end: expect(s, spec.end, 'punct', ';').end, text: '', reads: false };
  }
  if (first.kind !== 'punct' || first.text !== '{') fail();
  const bindings: string[] = [];
  let typeOnly = 0;
  let i = first.end;
  for (;;) {
    let t = token(s, i);
    if (t.kind === 'punct' && t.text === '}') {
      i = t.end;
      break;
    }
    if (t.kind !== 'id') fail();
    let isType = false;
    const after = token(s, t.end);
    if (t.text === 'type' && after.kind === 'id' && after.text !== 'as') {
      isType = true;
      t = after;
    }
    const imported = t.text;
    let local = imported;
    let next = token(s, t.end);
    if (next.kind === 'id' && next.text === 'as') {
      local = expect(s, next.end, 'id').text;
      next = token(s, skipTo(s, next.end, local));
    }
    if (imported === 'default' || local === 'default') fail();
    if (isType) typeOnly++;
    else bindings.push(imported === local ? local : `${imported}: ${local}`);
    if (next.kind === 'punct' && next.text === ',') i = next.end;
    else if (next.kind === 'punct' && next.text === '}') {
      i = next.end;
      break;
    } else fail();
  }
  if (bindings.length + typeOnly === 0) fail();
  expect(s, i, 'id', 'from');
  const spec = expect(s, skipTo(s, i, 'from'), 'string');
  const end = expect(s, spec.end, 'punct', ';').end;
  // Only types: the import goes, as TypeScript and esbuild drop it.
  if (bindings.length === 0) return { end, text: '', reads: false };
  return { end, text: `const { ${bindings.join(', ')} } = require(${spec.text});`, reads: true };
}

/** The index just after the next token, which must be `text`. */
function skipTo(s: string, i: number, text: string): number {
  const t = token(s, i);
  if (t.text !== text) fail();
  return t.end;
}

/** `export` (already read) and its head: `const x`, `function f`, `class C` or `default`. */
function exportHead(
  s: string,
  at: number,
): { end: number; text: string; name: string; local: string; declaration: boolean } {
  const kw = expect(s, at, 'id');
  if (kw.text === 'default') {
    const next = token(s, kw.end);
    if (next.kind === 'id' && (next.text === 'function' || next.text === 'class' || next.text === 'async')) fail();
    const local = '__pcdkDefault';
    return { end: kw.end, text: `const ${local} =`, name: 'default', local, declaration: true };
  }
  if (!['const', 'let', 'var', 'function', 'class'].includes(kw.text)) fail();
  const name = expect(s, kw.end, 'id');
  const declaration = kw.text === 'const' || kw.text === 'let' || kw.text === 'var';
  let end = name.end;
  if (declaration) {
    const next = token(s, name.end);
    if (next.kind === 'punct' && next.text === ':') end = annotationEnd(s, next.start);
    else if (next.kind !== 'punct' || (next.text !== '=' && next.text !== ';')) fail();
  }
  const text = `${kw.text} ${name.text}${end === name.end ? '' : ' '}`;
  return { end, text, name: name.text, local: name.text, declaration };
}
