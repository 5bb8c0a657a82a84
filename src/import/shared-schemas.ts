/**
 * The source's shared definitions (#/definitions/...) as named constants in schemas.ts: each one
 * `sharedSchema('Name', t.object(...))` where the typed schema holds exactly the declared keys, so
 * that operations use the constant itself (`body: schemas.Pet`, `200: t.array(schemas.Pet)`) and
 * the swagger still writes `{ "$ref": "#/definitions/Pet" }` there; the rest stay declared
 * verbatim, each with the reason. The document's `definitions` map holds definitionObject() of
 * each typed constant (the entry derived from it, never a copy), which must equal the source.
 *
 * Inside schemas.ts a definition uses the constant of each typed definition it refers to
 * (`t.array(thing)`), so its static type holds the other's; the constants are written in an order
 * where each comes after those it uses. A reference that closes a cycle between definitions, or
 * one to a definition that stays declared, is written as its `$ref` text (declaredSchema()).
 */
import { definitionObject, schemaJson } from '../emit/schema-object';
import { sharedSchema } from '../model/declared';
import type { SchemaObject } from '../model/schema';
import { isObject, type JsonObject } from '../swagger/found';
import { asWritten, writtenDifferences } from './json-compare';
import { NameScope, identifierFrom } from './names';
import { call, code } from './ts-writer';
import { typedSchema, type Typed, type Uses } from './typed-schema';

type Obj = JsonObject;

/** What generate.ts writes for one shared definition. */
export interface SharedSchemaConst {
  name: string;
  /** The constant's identifier in schemas.ts. */
  id: string;
  /** The typed form (`sharedSchema(...)` code and its value), when it rebuilds the source exactly. */
  typed?: Typed;
  /** Why the definition stays declared verbatim, when it does. */
  why?: string;
  source: unknown;
}

export interface SharedSchemas {
  /** In the order schemas.ts writes them: each after the constants it uses. */
  consts: SharedSchemaConst[];
  /** The definitions' names in the source's order, which the document's `definitions` map keeps. */
  names: string[];
  /** Helpers schemas.ts calls (`sharedSchema`, `t`, `declaredSchema`). */
  uses: Uses;
  /** The typed constants by the `$ref` that names them, as operations write them (`schemas.Pet`). */
  byRef: Map<string, Typed>;
}

/** Names schemas.ts binds itself: a definition's constant must not shadow them. */
export const SCHEMAS_FILE_NAMES = [
  'definitions',
  'sharedSchema',
  'definitionObject',
  't',
  'declaredSchema',
  'DeclaredSchema',
];

/** The reference operations use to reach a shared definition's constant (`schemas.Pet`). */
export const SCHEMAS_NAMESPACE = 'schemas';

export function sharedSchemas(definitions: Obj | undefined): SharedSchemas {
  const scope = new NameScope(SCHEMAS_FILE_NAMES);
  const consts: SharedSchemaConst[] = [];
  const uses: Uses = new Set();
  const byRef = new Map<string, Typed>();
  // The typed constants as schemas.ts itself names them, for the definitions written after them.
  const local = new Map<string, Typed>();
  const entries = Object.entries(definitions ?? {});
  // Identifiers claimed in source order, so they do not depend on the order written.
  const ids = new Map(entries.map(([name]) => [name, scope.claim(identifierFrom(name, 'schema'))]));
  const refOf = (name: string) => `#/definitions/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  const byName = new Map(entries);
  const place = (name: string, source: unknown): void => {
    const id = ids.get(name)!;
    const entry: SharedSchemaConst = { name, id, source };
    consts.push(entry);
    const used: Uses = new Set();
    const typed = isObject(source) ? typedSchema(source, used, local) : undefined;
    if (!typed) {
      entry.why = 'holds a key or value the schema types cannot hold';
      return;
    }
    const value = sharedSchema(name, typed.value as SchemaObject);
    // The document's entry is definitionObject() of the constant: it must be the source definition.
    const diff = writtenDifferences(definitionObject(value), source, 1)[0];
    if (diff !== undefined) {
      entry.why = `the typed form would rebuild it differently at ${diff || '/'}`;
      return;
    }
    // The reference the emitter writes must be the one the source operations use.
    const ref = asWritten(schemaJson(value)) as Obj;
    // 'schemas' is how operations reach the constants; schemas.ts names them bare.
    for (const u of used) if (u !== 'schemas') uses.add(u);
    uses.add('sharedSchema');
    uses.add('definitionObject');
    entry.typed = { code: call('sharedSchema', name, typed.code), value };
    byRef.set(String(ref.$ref), { code: code(`${SCHEMAS_NAMESPACE}.${id}`), value });
    if (ref.$ref === refOf(name)) local.set(refOf(name), { code: code(id), value });
  };
  // Depth first, each definition after those it refers to; one already met closes a cycle and is
  // left as $ref text there. An explicit stack: a chain of definitions may be long.
  const met = new Set<string>();
  for (const [root] of entries) {
    if (met.has(root)) continue;
    met.add(root);
    const stack = [{ name: root, targets: referencedDefinitions(byName.get(root)), next: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const target = top.targets[top.next++];
      if (target === undefined) {
        stack.pop();
        place(top.name, byName.get(top.name));
      } else if (byName.has(target) && !met.has(target)) {
        met.add(target);
        stack.push({ name: target, targets: referencedDefinitions(byName.get(target)), next: 0 });
      }
    }
  }
  return { consts, names: entries.map(([name]) => name), uses, byRef };
}

/** The names of the definitions `#/definitions/<name>` references inside a schema, in the order met. */
function referencedDefinitions(source: unknown): string[] {
  const out: string[] = [];
  const stack: unknown[] = [source];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
    } else if (isObject(v)) {
      const ref = v.$ref;
      if (typeof ref === 'string' && ref.startsWith('#/definitions/') && !ref.slice(14).includes('/'))
        out.push(ref.slice(14).replace(/~1/g, '/').replace(/~0/g, '~'));
      const values = Object.values(v);
      for (let i = values.length - 1; i >= 0; i--) stack.push(values[i]);
    }
  }
  return out;
}
