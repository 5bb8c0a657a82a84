/**
 * Mutation operators for the crash fuzz: each takes a real connector's files and returns a
 * broken variant, the way a hand edit, a bad merge or a hostile upload breaks them. Operators
 * that work on the parsed document pick their target with fast-check, so a failure shrinks to
 * the smallest document path and size that still breaks pcdk.
 */
import fc from 'fast-check';

export interface ConnectorFiles {
  /** apiDefinition.swagger.json, as bytes (invalid UTF-8 included). */
  swagger: Buffer;
  apiProperties: Buffer;
}

export interface Mutation {
  name: string;
  /** Which file the operator broke, for the failure message. */
  file: 'apiDefinition.swagger.json' | 'apiProperties.json';
  apply(files: { swagger: string; apiProperties: string }): ConnectorFiles;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every object and array in `doc` (iteratively: documents can be deep), in a stable order. */
function containers(doc: Json): (Obj | Json[])[] {
  const out: (Obj | Json[])[] = [];
  const stack: Json[] = [doc];
  while (stack.length) {
    const v = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    out.push(v);
    const children = Array.isArray(v) ? v : Object.values(v);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out;
}

/** A place in a file or list, uniform in [0, 1) (fc.double draws mostly tiny values). */
const fraction = fc.integer({ min: 0, max: 999_999 }).map((n) => n / 1_000_000);

const pick = <T>(items: readonly T[], r: number): T => items[Math.floor(r * items.length) % items.length]!;

/** Parses leniently enough for the corpus (BOM, trailing commas); undefined when it cannot. */
function parse(text: string): Json | undefined {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '').replace(/,(\s*[}\]])/g, '$1')) as Json;
  } catch {
    return undefined;
  }
}

function onDoc(name: string, file: Mutation['file'], edit: (doc: Json) => Json | string): Mutation {
  return {
    name,
    file,
    apply(f) {
      const key = file === 'apiProperties.json' ? 'apiProperties' : 'swagger';
      const doc = parse(f[key]);
      const changed = doc === undefined ? f[key].slice(0, f[key].length >> 1) : edit(doc);
      const text = typeof changed === 'string' ? changed : JSON.stringify(changed, null, 2);
      return {
        swagger: Buffer.from(key === 'swagger' ? text : f.swagger),
        apiProperties: Buffer.from(key === 'apiProperties' ? text : f.apiProperties),
      };
    },
  };
}

function operations(doc: Json): { path: string; method: string; op: Obj }[] {
  const out: { path: string; method: string; op: Obj }[] = [];
  if (!isObj(doc) || !isObj(doc.paths)) return out;
  for (const [p, item] of Object.entries(doc.paths))
    if (isObj(item))
      for (const [m, op] of Object.entries(item))
        if (isObj(op) && m !== 'parameters') out.push({ path: p, method: m, op });
  return out;
}

/** Nested `levels` deep, written as text: JSON.stringify itself recurses. */
function deepText(levels: number, shape: 'schema' | 'array' | 'object'): string {
  if (shape === 'array') return `${'['.repeat(levels)}1${']'.repeat(levels)}`;
  if (shape === 'object') return `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
  return `${'{"type":"object","properties":{"a":'.repeat(levels)}{"type":"string"}${'}}'.repeat(levels)}`;
}

const WRONG_VALUES: Json[] = [null, 0, -1.5, '', 'x', true, [], {}, [null], { $ref: 7 }];

/** Shown by name when fast-check reports a counterexample. */
function named(m: Mutation): Mutation {
  return Object.assign(m, { [fc.toStringMethod]: () => `${m.name} (${m.file})` });
}

export const mutationArb: fc.Arbitrary<Mutation> = fc
  .oneof(
    // Cut anywhere: mid-string, mid-escape, after a key.
    fraction.map<Mutation>((r) => ({
      name: `truncate at ${(r * 100).toFixed(1)}%`,
      file: 'apiDefinition.swagger.json',
      apply: (f) => ({
        swagger: Buffer.from(f.swagger).subarray(0, Math.floor(r * Buffer.byteLength(f.swagger))),
        apiProperties: Buffer.from(f.apiProperties),
      }),
    })),
    // Bytes that are not UTF-8, a NUL, a lone surrogate's encoding, a stray control character.
    fc
      .tuple(fraction, fc.constantFrom([0xff], [0xc3, 0x28], [0], [0xed, 0xa0, 0x80], [0x01], [0xfe, 0xff]))
      .map<Mutation>(([r, bytes]) => ({
        name: `invalid bytes ${bytes.map((b) => b.toString(16)).join(' ')} at ${(r * 100).toFixed(1)}%`,
        file: 'apiDefinition.swagger.json',
        apply: (f) => {
          const b = Buffer.from(f.swagger);
          const at = Math.floor(r * b.length);
          return {
            swagger: Buffer.concat([b.subarray(0, at), Buffer.from(bytes), b.subarray(at)]),
            apiProperties: Buffer.from(f.apiProperties),
          };
        },
      })),
    fc.tuple(fraction, fraction, fc.boolean()).map(([a, b, props]) =>
      onDoc(
        `delete a key (${a.toFixed(3)}, ${b.toFixed(3)})`,
        props ? 'apiProperties.json' : 'apiDefinition.swagger.json',
        (doc) => {
          const objs = containers(doc).filter((c): c is Obj => isObj(c) && Object.keys(c).length > 0);
          if (!objs.length) return doc;
          const o = pick(objs, a);
          delete o[pick(Object.keys(o), b)];
          return doc;
        },
      ),
    ),
    fc.tuple(fraction, fraction, fc.constantFrom(...WRONG_VALUES), fc.boolean()).map(([a, b, value, props]) =>
      onDoc(
        `wrong type ${JSON.stringify(value)} (${a.toFixed(3)}, ${b.toFixed(3)})`,
        props ? 'apiProperties.json' : 'apiDefinition.swagger.json',
        (doc) => {
          const all = containers(doc).filter((c) => (Array.isArray(c) ? c.length > 0 : Object.keys(c).length > 0));
          if (!all.length) return doc;
          const c = pick(all, a);
          if (Array.isArray(c)) c[Math.floor(b * c.length) % c.length] = value;
          else c[pick(Object.keys(c), b)] = value;
          return doc;
        },
      ),
    ),
    fc
      .tuple(
        fraction,
        fc.constantFrom(
          '#/definitions/Nope',
          '#/',
          '#',
          '#/paths',
          'other.json#/x',
          '#/definitions/%zz',
          'http://127.0.0.1:1/x.json',
          '#/parameters/x/../y',
        ),
      )
      .map(([a, ref]) =>
        onDoc(`dangling $ref ${ref} (${a.toFixed(3)})`, 'apiDefinition.swagger.json', (doc) => {
          const objs = containers(doc).filter(isObj);
          const o = pick(objs, a);
          for (const k of Object.keys(o)) delete o[k];
          o.$ref = ref;
          return doc;
        }),
      ),
    fc.tuple(fraction, fc.constantFrom('self', 'tree', 'pair', 'parameter', 'response')).map(([a, kind]) =>
      onDoc(`looping $ref ${kind} (${a.toFixed(3)})`, 'apiDefinition.swagger.json', (doc) => {
        if (!isObj(doc)) return doc;
        const defs = (doc.definitions = isObj(doc.definitions) ? doc.definitions : {});
        const params = (doc.parameters = isObj(doc.parameters) ? doc.parameters : {});
        const resps = (doc.responses = isObj(doc.responses) ? doc.responses : {});
        const self = { $ref: '#/definitions/LoopA' };
        defs.LoopA =
          kind === 'self'
            ? { type: 'object', properties: { next: self } }
            : kind === 'tree'
              ? // Branching recursion: a walker that expands it level by level does 2^depth work.
                { type: 'object', properties: { left: self, right: self, kids: { type: 'array', items: self } } }
              : { $ref: '#/definitions/LoopB' };
        defs.LoopB = { $ref: '#/definitions/LoopA' };
        params.LoopP = { $ref: '#/parameters/LoopP' };
        resps.LoopR = { $ref: '#/responses/LoopR' };
        const ops = operations(doc);
        if (ops.length) {
          const { op } = pick(ops, a);
          if (kind === 'parameter')
            op.parameters = [...(Array.isArray(op.parameters) ? op.parameters : []), { $ref: '#/parameters/LoopP' }];
          else if (kind === 'response') op.responses = { '200': { $ref: '#/responses/LoopR' } };
          else {
            op.responses = { '200': { description: 'loop', schema: { $ref: '#/definitions/LoopA' } } };
            if (kind === 'tree')
              op.parameters = [{ name: 'body', in: 'body', schema: { $ref: '#/definitions/LoopA' } }];
          }
        }
        return doc;
      }),
    ),
    fc
      .tuple(
        fraction,
        fc.integer({ min: 100, max: 6000 }),
        fc.constantFrom('schema', 'array', 'object') as fc.Arbitrary<'schema' | 'array' | 'object'>,
        fc.boolean(),
      )
      .map(([a, levels, shape, props]) =>
        onDoc(
          `${levels} levels of ${shape} nesting (${a.toFixed(3)})`,
          props ? 'apiProperties.json' : 'apiDefinition.swagger.json',
          (doc) => {
            const marker = '"__pcdk_fuzz_deep__"';
            const ops = operations(doc);
            if (!props && ops.length) {
              const { op } = pick(ops, a);
              op.responses = { '200': { description: 'deep', schema: '__pcdk_fuzz_deep__' } };
            } else if (isObj(doc)) doc.deep = '__pcdk_fuzz_deep__';
            else return deepText(levels, shape);
            return JSON.stringify(doc, null, 2).replace(marker, deepText(levels, shape));
          },
        ),
      ),
    fc
      .tuple(fraction, fc.integer({ min: 100_000, max: 3_000_000 }), fc.constantFrom('a', '{', '\\u00e9', ' '))
      .map(([a, size, unit]) =>
        onDoc(`huge string of ${size} × ${unit} (${a.toFixed(3)})`, 'apiDefinition.swagger.json', (doc) => {
          const objs = containers(doc).filter(isObj);
          const o = pick(objs, a);
          const keys = Object.keys(o).filter((k) => typeof o[k] === 'string');
          const marker = '__pcdk_fuzz_huge__';
          o[keys.length ? pick(keys, a) : 'description'] = marker;
          return JSON.stringify(doc).replace(marker, unit.repeat(Math.ceil(size / unit.length)));
        }),
      ),
    fc
      .tuple(fc.constantFrom('[]', '"swagger"', '42', 'null', 'true', '', '   ', '[{"swagger":"2.0"}]'), fc.boolean())
      .map(([root, props]) =>
        onDoc(
          `non-object root ${root || '(empty)'}`,
          props ? 'apiProperties.json' : 'apiDefinition.swagger.json',
          () => root,
        ),
      ),
    fc.tuple(fraction, fraction).map(([a, b]) =>
      onDoc(`duplicate operationId (${a.toFixed(3)}, ${b.toFixed(3)})`, 'apiDefinition.swagger.json', (doc) => {
        const ops = operations(doc);
        if (ops.length < 2) return doc;
        const from = pick(ops, a);
        const to = pick(ops, b) === from ? ops.find((o) => o !== from)! : pick(ops, b);
        to.op.operationId = from.op.operationId ?? 'Same';
        from.op.operationId = to.op.operationId;
        return doc;
      }),
    ),
    fc.tuple(fraction, fc.constantFrom('missing', 'unnamed', 'extra-brace')).map(([a, kind]) =>
      onDoc(`path parameter ${kind} (${a.toFixed(3)})`, 'apiDefinition.swagger.json', (doc) => {
        const ops = operations(doc);
        if (!ops.length || !isObj(doc) || !isObj(doc.paths)) return doc;
        const { path, method, op } = pick(ops, a);
        const params = Array.isArray(op.parameters) ? op.parameters : (op.parameters = []);
        if (kind === 'missing') params.push({ name: 'notInTemplate', in: 'path', required: true, type: 'string' });
        else {
          const item = doc.paths[path] as Obj;
          delete item[method];
          const broken = kind === 'unnamed' ? `${path}/{}` : `${path}/{{x}`;
          doc.paths[broken] = { ...(isObj(doc.paths[broken]) ? doc.paths[broken] : {}), [method]: op };
        }
        return doc;
      }),
    ),
  )
  .map(named);
