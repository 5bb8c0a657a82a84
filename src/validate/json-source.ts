/**
 * A JSON file as validate sees it: the text, the value (when one can be recovered), and a way to
 * turn a JSON pointer into a line:column. Real connector folders hold files with a BOM or
 * trailing commas (reference/power-platform.md §4); those are reported, then read leniently so
 * the other layers still run. Only a real syntax error stops the file from being checked.
 */
import { findNodeAtLocation, parse, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Diagnostic, Location } from '../diagnostics';
import { diagnostic } from './diagnostics';
import { JSON_LIMITS, jsonTextProblem, type LimitProblem, valueDepthProblem } from './json-limits';
import { pointerSegments } from '../swagger/json-pointer';

export interface Position {
  line: number;
  column: number;
}

export interface JsonSource {
  file: string;
  text: string;
  /** Undefined when the text has a syntax error nothing can recover from. */
  value?: unknown;
  /** Problems reading the file (BOM, trailing commas, syntax), each with a position. */
  diagnostics: Diagnostic[];
  /** What was tolerated to recover `value`. */
  lenient: { bom: boolean; trailingCommas: number };
  /** The syntax error that left `value` undefined, for callers that word it their own way. */
  syntaxError?: { reason: string } & Position;
  /**
   * A structural limit (json-limits.ts) the text crosses: the file is refused unread, `value` is
   * undefined, so nothing walks it.
   */
  refused?: LimitProblem & Position;
  /** 1-based line and column (UTF-16 code units) of the value at `pointer`, or of its nearest existing parent. */
  locate(pointer: string): Position;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function positionAt(starts: number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** Parses `raw` the strict way, falling back to a lenient read that is itself reported. */
export function readJsonSource(raw: string, where: { connector: string; file: string }): JsonSource {
  const diagnostics: Diagnostic[] = [];
  // Offsets below are into `text`; a stripped BOM shifts nothing visible (it has no column).
  const hasBom = raw.charCodeAt(0) === 0xfeff;
  const text = hasBom ? raw.slice(1) : raw;
  // Line starts and the syntax tree are built only when a position is asked for: strict JSON that
  // parses and draws no finding (every file pcdk emits) never pays for them.
  let startsMemo: number[] | undefined;
  const starts = (): number[] => (startsMemo ??= lineStarts(text));
  const at = (offset: number): Location => ({ ...where, pointer: '', ...positionAt(starts(), offset) });
  if (hasBom) diagnostics.push(diagnostic('json-bom', {}, { ...where, pointer: '', line: 1, column: 1 }));

  const refuse = (problem: LimitProblem): JsonSource => {
    const refused = { ...problem, ...positionAt(starts(), problem.offset) };
    diagnostics.push(
      diagnostic(
        problem.kind === 'depth' ? 'json-too-deep' : 'json-too-large',
        { reason: problem.reason },
        { ...where, pointer: problem.pointer, line: refused.line, column: refused.column },
      ),
    );
    return {
      file: where.file,
      text,
      diagnostics,
      lenient: { bom: hasBom, trailingCommas: 0 },
      refused,
      locate: () => ({ line: refused.line, column: refused.column }),
    };
  };
  if (text.length > JSON_LIMITS.maxChars) return refuse(jsonTextProblem(text)!);

  let value: unknown;
  let strictMessage: string | undefined;
  let syntaxError: JsonSource['syntaxError'];
  let trailing = 0;
  try {
    // V8's JSON.parse does not recurse, so it is safe on any nesting; what walks the value is not.
    value = JSON.parse(text);
  } catch (e) {
    strictMessage = (e as Error).message;
  }
  if (strictMessage === undefined) {
    // The value's depth, counted without recursion over its containers (not its characters): only
    // a file found too deep is scanned as text, to name the place (text nests at least as deep as
    // its value, so the scan finds it).
    if (valueDepthProblem(value) !== undefined) return refuse(jsonTextProblem(text)!);
  } else {
    // Before jsonc-parser reads it: its tree recurses once per level.
    const problem = jsonTextProblem(text);
    if (problem) return refuse(problem);
  }

  const errors: ParseError[] = [];
  let treeMemo: Node | undefined | null = null;
  // A value that parsed is shallow enough, but its text may not be (a duplicate key keeps only the
  // last of its values): the recursive tree is built only from text within the limit, else
  // positions fall back to the start of the file.
  const tree = (): Node | undefined =>
    treeMemo === null
      ? (treeMemo =
          strictMessage === undefined && jsonTextProblem(text)
            ? undefined
            : parseTree(text, errors, { allowTrailingComma: true, disallowComments: true }))
      : treeMemo;
  if (strictMessage !== undefined) {
    tree();
    if (errors.length === 0 && tree()) {
      const commas = trailingCommas(text);
      if (commas.length > 0) {
        trailing = commas.length;
        diagnostics.push(diagnostic('json-trailing-comma', { count: commas.length }, at(commas[0]!)));
        // parse(), not getNodeValue(tree): the latter builds null-prototype objects.
        value = parse(text, [], { allowTrailingComma: true, disallowComments: true });
      } else {
        syntaxError = { reason: strictMessage, ...positionAt(starts(), 0) };
      }
    } else {
      const first = errors[0];
      syntaxError = {
        reason: first ? printParseErrorCode(first.error) : strictMessage,
        ...positionAt(starts(), first?.offset ?? 0),
      };
    }
    if (syntaxError)
      diagnostics.push(
        diagnostic(
          'json-invalid',
          { reason: syntaxError.reason },
          { ...where, pointer: '', line: syntaxError.line, column: syntaxError.column },
        ),
      );
  }

  return {
    file: where.file,
    text,
    value,
    diagnostics,
    lenient: { bom: hasBom, trailingCommas: trailing },
    ...(syntaxError ? { syntaxError } : {}),
    locate(pointer) {
      const root = tree();
      if (!root) return { line: 1, column: 1 };
      const segs = pointerSegments(pointer).map((s, i, all) =>
        isArrayAt(root, all.slice(0, i)) && /^\d+$/.test(s) ? Number(s) : s,
      );
      for (let n = segs.length; n >= 0; n--) {
        const node = findNodeAtLocation(root, segs.slice(0, n));
        if (node) return positionAt(starts(), node.parent?.type === 'property' ? node.parent.offset : node.offset);
      }
      return { line: 1, column: 1 };
    },
  };
}

/**
 * The finding for a file whose top level is readable JSON but not an object (`[]`, `null`, `42`),
 * located at its first character; undefined when the value is an object or was not read at all.
 */
export function rootNotObject(src: JsonSource, where: { connector: string }): Diagnostic | undefined {
  const v = src.value;
  if (v === undefined || (typeof v === 'object' && v !== null && !Array.isArray(v))) return undefined;
  const found = v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`;
  return diagnostic('json-root-not-object', { found }, { ...where, file: src.file, pointer: '', ...src.locate('') });
}

function isArrayAt(tree: Node, segs: (string | number)[]): boolean {
  return findNodeAtLocation(tree, segs)?.type === 'array';
}

/** Offsets of commas followed only by whitespace before a closing bracket. */
function trailingCommas(text: string): number[] {
  const out: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === ',') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      if (text[j] === '}' || text[j] === ']') out.push(i);
    }
  }
  return out;
}
