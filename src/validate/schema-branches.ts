/**
 * ajv reports a failed oneOf/anyOf with the errors of every branch it tried: a typo in one OAuth
 * setting also yields "type must be one of string, securestring, ..." from the primitive
 * parameter branch and "unknown property oAuthSettings" from the gateway branch. This keeps, for
 * each failed combinator, only the errors of the branch the value was meant for, working on
 * ajv's error objects (the validators may be precompiled code without their schemas):
 *
 * - The error whose one fix (dropping the unknown key, or an allowed value) makes the value valid,
 *   proved by re-validating the edited value, when the caller can re-validate.
 * - Else, with a discriminator (an enum/const on a key of the object that some branches reject, such
 *   as a connection parameter's `type` or a Swagger parameter's `in`), the branches that rejected
 *   it are the wrong ones: their discriminator errors, and the complaints about the object's own
 *   keys that only they made, are dropped. When every branch rejected it, the discriminator value
 *   itself is the mistake: one error lists every allowed value.
 * - Without one, the branch whose errors reach deepest into the value, then the one with fewest.
 *
 * Branches are told apart by ajv's evaluation order (each branch's errors are contiguous) and
 * schema paths (`<combinator>/<n>/...` for inline branches; a $ref'd branch's paths start at the
 * referenced schema, `#/...`).
 */
import type { ErrorObject } from 'ajv';
import { pointerSegments, unescapeSegment, valueAt } from '../swagger/json-pointer';

const COMBINATORS = new Set(['oneOf', 'anyOf']);

const within = (path: string, base: string) => path === base || path.startsWith(`${base}/`);
const depth = (path: string) => (path ? path.split('/').length - 1 : 0);

/** The inline branch index an error belongs to: `<combinator path>/<n>/...`. */
function branchIndex(e: ErrorObject, combinatorPath: string): number | undefined {
  if (!e.schemaPath.startsWith(`${combinatorPath}/`)) return undefined;
  const m = /^(\d+)\//.exec(e.schemaPath.slice(combinatorPath.length + 1));
  return m ? Number(m[1]) : undefined;
}

/** An error's identity for de-duplication and counting. */
function signature(e: ErrorObject): string {
  return `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
}

/** The schema path of the branch (or referenced schema) an error at the object itself came from. */
function rootOf(e: ErrorObject): string {
  return e.schemaPath.slice(0, e.schemaPath.length - e.keyword.length - 1);
}

function dedupe(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = signature(e);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const isPrimitive = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

interface Discriminator {
  key: string;
  errors: ErrorObject[];
}

/** The key most branches constrain with enum/const, when the value's own entry there is a primitive. */
function discriminator(at: string, branch: ErrorObject[], data: unknown): Discriminator | undefined {
  const byKey = new Map<string, ErrorObject[]>();
  for (const e of branch) {
    if (e.keyword !== 'enum' && e.keyword !== 'const') continue;
    if (!e.instancePath.startsWith(`${at}/`) || depth(e.instancePath) !== depth(at) + 1) continue;
    if (!isPrimitive(valueAt(data, e.instancePath))) continue;
    // Only an enum/const on the key itself discriminates (not one nested in allOf or items).
    const key = e.instancePath.slice(at.length + 1);
    if (!e.schemaPath.endsWith(`/properties/${key}/${e.keyword}`)) continue;
    byKey.set(key, [...(byKey.get(key) ?? []), e]);
  }
  let best: Discriminator | undefined;
  for (const [key, errors] of byKey) if (!best || errors.length > best.errors.length) best = { key, errors };
  return best;
}

/** One error for a discriminator every branch rejected: the value and every allowed one. */
function allRejected(d: Discriminator): ErrorObject {
  return mergeEnums([d.errors[0]!], d.errors)[0]!;
}

function byDiscriminator(at: string, branch: ErrorObject[], d: Discriminator, combinatorPath: string): ErrorObject[] {
  const rejected = new Set(d.errors);
  const rejectedIndexes = new Set(d.errors.map((e) => branchIndex(e, combinatorPath)).filter((i) => i !== undefined));
  // Branches that rejected the discriminator, by the schema path their object-level errors share.
  const rejectedRoots = new Map<string, number>();
  for (const e of d.errors) {
    const root = e.schemaPath.slice(0, -`/properties/${d.key}/${e.keyword}`.length);
    rejectedRoots.set(root, (rejectedRoots.get(root) ?? 0) + 1);
  }
  const rest = branch.filter((e) => {
    if (rejected.has(e)) return false;
    const i = branchIndex(e, combinatorPath);
    return i === undefined || !rejectedIndexes.has(i);
  });
  // A complaint about the object itself (an unknown or missing key) is the chosen branch's only
  // when more branches with that schema path made it than rejected the discriminator.
  const counts = new Map<string, number>();
  for (const e of rest)
    if (e.instancePath === at)
      counts.set(`${rootOf(e)}\0${signature(e)}`, (counts.get(`${rootOf(e)}\0${signature(e)}`) ?? 0) + 1);
  const kept = rest.filter(
    (e) =>
      e.instancePath !== at || (counts.get(`${rootOf(e)}\0${signature(e)}`) ?? 0) > (rejectedRoots.get(rootOf(e)) ?? 0),
  );
  return kept.length ? dedupe(kept) : [allRejected(d)];
}

/** Object-level keywords in the order ajv checks them; a step back starts another branch. */
const RANK: Record<string, number> = { type: 0, required: 1, dependencies: 1, additionalProperties: 2 };

function segments(at: string, branch: ErrorObject[], combinatorPath: string): ErrorObject[][] {
  const out: ErrorObject[][] = [];
  let lastRank = Number.POSITIVE_INFINITY;
  let lastIndex: number | undefined;
  for (const e of branch) {
    const rank = e.instancePath === at ? (RANK[e.keyword] ?? 3) : 4;
    const index = branchIndex(e, combinatorPath);
    const changed = index !== undefined && lastIndex !== undefined && index !== lastIndex;
    if (out.length === 0 || rank < lastRank || changed) out.push([]);
    out[out.length - 1]!.push(e);
    lastRank = rank;
    if (index !== undefined) lastIndex = index;
  }
  return out;
}

/** Without a discriminator: the branch that got deepest into the value, then the one with fewest errors. */
function bestSegment(at: string, branch: ErrorObject[], combinatorPath: string): ErrorObject[] {
  let best: ErrorObject[] | undefined;
  let bestDepth = -1;
  for (const seg of segments(at, branch, combinatorPath)) {
    const d = Math.max(...seg.map((e) => depth(e.instancePath)));
    const unique = dedupe(seg);
    if (!best || d > bestDepth || (d === bestDepth && unique.length < best.length)) {
      best = unique;
      bestDepth = d;
    }
  }
  return best ?? [];
}

/** Validates the whole (edited) value again; returns its errors, or none when it is valid. */
export type Recheck = (data: unknown) => readonly ErrorObject[];

/**
 * What one call may spend re-validating to find fixes, counted in JSON values validated (a
 * re-validation costs about the size of the value at the combinator), so that a large broken
 * document costs a bounded, size-independent amount; past it the heuristics decide alone.
 */
const RECHECK_BUDGET = 10_000;

/** The number of JSON values in `v`, counting no further than `limit`. */
function sizeOf(v: unknown, limit: number): number {
  let n = 0;
  const stack = [v];
  while (stack.length && n <= limit) {
    const x = stack.pop();
    n++;
    if (x !== null && typeof x === 'object') for (const v of Object.values(x)) stack.push(v);
  }
  return n;
}

/**
 * The document cut down to the path to `at`: each ancestor keeps its primitive members (a
 * discriminator such as `type` or `in` may sit there) and the one member on the path; the value at
 * `at` itself is shared, not copied, so edits to it show. Re-validating this instead of the whole
 * document costs microseconds rather than the whole document's time for every try: errors the
 * cut makes elsewhere are ignored, as only errors at `at` count.
 */
function skeleton(data: unknown, at: string): unknown {
  const keys = pointerSegments(at);
  const build = (node: unknown, i: number): unknown => {
    if (i === keys.length || node === null || typeof node !== 'object') return node;
    if (Array.isArray(node)) {
      const copy = node.map((v) => (isPrimitive(v) ? v : null));
      const index = Number(keys[i]);
      if (Number.isInteger(index) && index >= 0 && index < node.length) copy[index] = build(node[index], i + 1);
      return copy;
    }
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === keys[i]) copy[k] = build(v, i + 1);
      else if (isPrimitive(v)) copy[k] = v;
    }
    return copy;
  };
  return build(data, 0);
}

/**
 * The errors whose one fix (removing the unknown key; giving the key an allowed value) makes
 * everything at `at` valid: the value's only mistake, whichever branch reported it. `data` is
 * edited in place and always restored, key order included.
 */
function singleFixes(
  at: string,
  branch: ErrorObject[],
  data: unknown,
  recheck: Recheck,
  budget: { left: number },
): ErrorObject[] {
  const cost = sizeOf(valueAt(data, at), budget.left) + depth(at);
  const doc = skeleton(data, at);
  const validAt = (): boolean => {
    budget.left -= cost;
    return !recheck(doc).some((e) => within(e.instancePath, at));
  };
  // The cut document must fail at `at` as the whole one did, or a fix proves nothing.
  if (cost * 2 > budget.left || validAt()) return [];
  const fixed: ErrorObject[] = [];
  const tried = new Set<string>();
  for (const e of branch) {
    if (budget.left < cost) break;
    const sig = e.keyword === 'enum' || e.keyword === 'const' ? `${e.instancePath}|value` : signature(e);
    if (tried.has(sig)) {
      if (fixed.some((f) => f.instancePath === e.instancePath && sig.endsWith('|value'))) fixed.push(e);
      continue;
    }
    tried.add(sig);
    if (e.keyword === 'additionalProperties') {
      const obj = valueAt(data, e.instancePath);
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      if (!obj || typeof obj !== 'object' || !(key in obj)) continue;
      // Errors inside the key mean some branch knows it: its contents are the mistake, not the key.
      const inside = `${e.instancePath}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (branch.some((o) => within(o.instancePath, inside))) continue;
      const o = obj as Record<string, unknown>;
      const entries = Object.entries(o);
      delete o[key];
      try {
        if (validAt()) fixed.push(e);
      } finally {
        // Put the key back where it was: later layers read the value in its written order.
        for (const k of Object.keys(o)) delete o[k];
        for (const [k, v] of entries) o[k] = v;
      }
    } else if (e.keyword === 'enum' || e.keyword === 'const') {
      const parentPath = e.instancePath.slice(0, e.instancePath.lastIndexOf('/'));
      const parent = valueAt(data, parentPath);
      if (!parent || typeof parent !== 'object' || e.instancePath === '') continue;
      const key = unescapeSegment(e.instancePath.slice(parentPath.length + 1));
      const p = parent as Record<string, unknown>;
      const saved = p[key];
      try {
        for (const v of allowedAt(e.instancePath, branch).slice(0, 20)) {
          p[key] = v;
          if (validAt()) {
            fixed.push(e);
            break;
          }
          if (budget.left < cost) break;
        }
      } finally {
        p[key] = saved;
      }
    }
  }
  if (!fixed.length) return [];
  // A fix deep in the value (one setting's value) beats removing a whole key higher up.
  const deepest = Math.max(...fixed.map((e) => depth(e.instancePath)));
  return mergeEnums(
    fixed.filter((e) => depth(e.instancePath) === deepest),
    branch,
  );
}

/** Every value the branches allow at `path` (enum and const errors there), in order of appearance. */
function allowedAt(path: string, branch: ErrorObject[]): unknown[] {
  const allowed: unknown[] = [];
  for (const e of branch) {
    if (e.instancePath !== path || (e.keyword !== 'enum' && e.keyword !== 'const')) continue;
    const values =
      e.keyword === 'const'
        ? [(e.params as { allowedValue: unknown }).allowedValue]
        : (e.params as { allowedValues: unknown[] }).allowedValues;
    for (const v of values) if (!allowed.some((a) => JSON.stringify(a) === JSON.stringify(v))) allowed.push(v);
  }
  return allowed;
}

/** One enum error per path, listing every value the branches allow there. */
function mergeEnums(chosen: ErrorObject[], branch: ErrorObject[]): ErrorObject[] {
  const out: ErrorObject[] = [];
  const done = new Set<string>();
  for (const e of chosen) {
    if (e.keyword !== 'enum' && e.keyword !== 'const') {
      out.push(e);
      continue;
    }
    if (done.has(e.instancePath)) continue;
    done.add(e.instancePath);
    out.push({
      ...e,
      keyword: 'enum',
      params: { allowedValues: allowedAt(e.instancePath, branch) },
      message: 'must be equal to one of the allowed values',
    });
  }
  return dedupe(out);
}

/**
 * ajv's errors (allErrors) for `data`, each failed oneOf/anyOf reduced to the errors of the
 * branch the value was meant for. Nested combinators are resolved innermost first (ajv reports
 * an inner combinator before the outer one), so the outer one chooses among resolved branches.
 * With `recheck`, an error whose single fix makes the value valid wins outright; the heuristics
 * (discriminator, then deepest branch) decide when no single fix does.
 */
export function selectBranchErrors(errors: readonly ErrorObject[], data: unknown, recheck?: Recheck): ErrorObject[] {
  const out: ErrorObject[] = [];
  const budget = { left: RECHECK_BUDGET };
  for (const e of errors) {
    if (!COMBINATORS.has(e.keyword)) {
      out.push(e);
      continue;
    }
    const at = e.instancePath;
    let start = out.length;
    while (start > 0 && within(out[start - 1]!.instancePath, at)) start--;
    const branch = out.splice(start);
    // No branch errors: several branches matched (oneOf), so the combinator error is the finding.
    if (branch.length === 0) {
      out.push(e);
      continue;
    }
    const fixes = recheck ? singleFixes(at, branch, data, recheck, budget) : [];
    if (fixes.length) {
      out.push(...fixes);
      continue;
    }
    const d = discriminator(at, branch, data);
    out.push(...(d ? byDiscriminator(at, branch, d, e.schemaPath) : bestSegment(at, branch, e.schemaPath)));
  }
  return dedupe(out);
}
