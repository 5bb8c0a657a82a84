/**
 * The operations of a description, in document order, and the narrowing `--tags` and
 * `--operations` ask for. An unknown tag or operation is a UserError naming it and listing the
 * ones there are: a typo must not import nothing (or everything) silently.
 */
import { UserError } from '../../errors';
import { METHODS } from '../../swagger/constants';
import { isArray, isObject, type JsonObject } from '../../swagger/found';

export interface SourceOperation {
  readonly path: string;
  readonly method: (typeof METHODS)[number];
  readonly op: JsonObject;
  readonly pathItem: JsonObject;
  /** JSON pointer of the operation object. */
  readonly pointer: string;
  readonly sourceId?: string;
  readonly tags: readonly string[];
}

function escapeToken(t: string): string {
  return t.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function sourceOperations(doc: JsonObject): SourceOperation[] {
  const out: SourceOperation[] = [];
  for (const [p, item] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const tags = isArray(op.tags) ? op.tags.filter((t): t is string => typeof t === 'string' && t.trim() !== '') : [];
      out.push({
        path: p,
        method,
        op,
        pathItem: item,
        pointer: `/paths/${escapeToken(p)}/${method}`,
        ...(typeof op.operationId === 'string' && op.operationId.trim() ? { sourceId: op.operationId.trim() } : {}),
        tags,
      });
    }
  }
  return out;
}

function listing(values: Iterable<string>, max = 40): string {
  const all = [...values];
  const shown = all.slice(0, max).join(', ');
  return all.length > max ? `${shown}, ... (${all.length} in all)` : shown || '(none)';
}

/** The operations that have one of `tags` and, when given, are among `operations` (operationId or METHOD /path). */
export function selectOperations(
  ops: readonly SourceOperation[],
  file: string,
  filter: { tags?: readonly string[]; operations?: readonly string[] },
): SourceOperation[] {
  let selected = [...ops];
  if (filter.tags && filter.tags.length > 0) {
    const known = new Set(ops.flatMap((o) => o.tags));
    const unknown = filter.tags.filter((t) => !known.has(t));
    if (unknown.length > 0)
      throw new UserError(
        `${file}: no operation has the tag${unknown.length > 1 ? 's' : ''} ${unknown.map((t) => `"${t}"`).join(', ')}; the tags are: ${listing([...known].sort())}`,
      );
    const wanted = new Set(filter.tags);
    selected = selected.filter((o) => o.tags.some((t) => wanted.has(t)));
  }
  if (filter.operations && filter.operations.length > 0) {
    const key = (o: SourceOperation) => o.sourceId ?? `${o.method.toUpperCase()} ${o.path}`;
    const byKey = new Map(ops.map((o) => [key(o), o]));
    const unknown = filter.operations.filter((n) => !byKey.has(n));
    if (unknown.length > 0)
      throw new UserError(
        `${file}: no operation ${unknown.map((t) => `"${t}"`).join(', ')}; the operations are: ${listing(ops.map(key))}`,
      );
    const wanted = new Set(filter.operations);
    selected = selected.filter((o) => wanted.has(key(o)));
    if (selected.length === 0) throw new UserError(`${file}: none of the operations given has one of the tags given`);
  }
  return selected;
}

/** "a, b" from the command line as a list; empty entries dropped. */
export function commaList(v: string | undefined): string[] | undefined {
  if (v === undefined) return undefined;
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
