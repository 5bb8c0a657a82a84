/**
 * The source's shared definitions (#/definitions/...) as named constants in schemas.ts: each one
 * `sharedSchema('Name', t.object(...))` where the typed schema holds exactly the declared keys, so
 * that operations use the constant itself (`body: schemas.Pet`, `200: t.array(schemas.Pet)`) and
 * the swagger still writes `{ "$ref": "#/definitions/Pet" }` there; the rest stay declared
 * verbatim, each with the reason. The document's `definitions` map holds definitionObject() of
 * each typed constant (the entry derived from it, never a copy), which must equal the source.
 *
 * Inside schemas.ts a definition refers to another by its `$ref` text (declaredSchema()): the
 * constants are then independent of their order and of cycles between definitions.
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
  consts: SharedSchemaConst[];
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
  for (const [name, source] of Object.entries(definitions ?? {})) {
    const id = scope.claim(identifierFrom(name, 'schema'));
    const entry: SharedSchemaConst = { name, id, source };
    consts.push(entry);
    const local: Uses = new Set();
    const typed = isObject(source) ? typedSchema(source, local) : undefined;
    if (!typed) {
      entry.why = 'holds a key or value the schema types cannot hold';
      continue;
    }
    const value = sharedSchema(name, typed.value as SchemaObject);
    // The document's entry is definitionObject() of the constant: it must be the source definition.
    const diff = writtenDifferences(definitionObject(value), source, 1)[0];
    if (diff !== undefined) {
      entry.why = `the typed form would rebuild it differently at ${diff || '/'}`;
      continue;
    }
    // The reference the emitter writes must be the one the source operations use.
    const ref = asWritten(schemaJson(value)) as Obj;
    for (const u of local) uses.add(u);
    uses.add('sharedSchema');
    uses.add('definitionObject');
    entry.typed = { code: call('sharedSchema', name, typed.code), value };
    byRef.set(String(ref.$ref), { code: code(`${SCHEMAS_NAMESPACE}.${id}`), value });
  }
  return { consts, uses, byRef };
}
