/**
 * Breaking-change detection between two versions of a connector's swagger, from the point of
 * view of flows already in the field: they call operations by operationId, bind inputs by
 * parameter name and location, and read outputs by path and type. Mirrors the rules of
 * Microsoft's ValidateChange service and adds the ones flows hit in practice.
 */
import type { DeclaredSchema, SwaggerDocument } from '../swagger/document';
import { entriesOf, isArray, itemsOf, type Found } from '../swagger/found';
import { localResolver, type Resolve } from '../swagger/local-ref';
import { foundOperations } from '../swagger/operations';

type Schema = Found<DeclaredSchema>;

export const CHANGE_RULES = {
  'operation-removed': { breaking: true, text: 'The operation has been deleted.' },
  'operation-id-changed': { breaking: true, text: 'The operationId has been changed.' },
  'method-changed': { breaking: true, text: 'The HTTP method has been changed.' },
  'path-changed': { breaking: true, text: 'The path template has been changed.' },
  'parameter-moved': { breaking: true, text: 'The location has been changed for the parameter.' },
  'input-removed': { breaking: true, text: 'An input has been removed.' },
  'required-input-added': { breaking: true, text: 'A new required input has been added.' },
  'input-made-required': { breaking: true, text: 'An optional input has been made required.' },
  'input-type-changed': { breaking: true, text: 'The type has been changed for the input.' },
  'enum-value-removed': { breaking: true, text: 'An allowed input value has been removed.' },
  'output-type-changed': { breaking: true, text: 'The type has been changed for the output field.' },
  'output-field-removed': { breaking: true, text: 'An output field has been removed.' },
  'operation-added': { breaking: false, text: 'An operation has been added.' },
  'optional-input-added': { breaking: false, text: 'An optional input has been added.' },
  'input-made-optional': { breaking: false, text: 'A required input has been made optional.' },
  'output-field-added': { breaking: false, text: 'An output field has been added.' },
  'type-widened': { breaking: false, text: 'A numeric format has been widened.' },
  'enum-value-added': { breaking: false, text: 'An allowed input value has been added.' },
  'empty-enum-value-removed': {
    breaking: false,
    text: 'The empty-string choice was removed; an omitted optional value means the same.',
  },
} as const;
export type ChangeRule = keyof typeof CHANGE_RULES;

export interface Change {
  rule: ChangeRule;
  breaking: boolean;
  operationId: string;
  /** The input or output concerned: `query:page`, `body.purchase.currency`, `subscription.id`. */
  target?: string;
  detail: string;
}

/** Format changes that every reader of the old value still accepts. */
const WIDENINGS = new Set(['int32>int64', 'float>double', '>int64', '>int32', 'int32>', 'int64>']);

interface Op {
  id: string;
  method: string;
  path: string;
  inputs: Map<string, Field>;
  outputs: Map<string, Field>;
}
interface Field {
  location: string;
  type: string;
  format: string;
  required: boolean;
  enum?: readonly unknown[];
}

function operations(doc: Found<SwaggerDocument>): Map<string, Op> {
  const resolve = localResolver(doc);
  const out = new Map<string, Op>();
  for (const { path, method, item, op } of foundOperations(doc)) {
    const id = text(op.operationId, `${method.toUpperCase()} ${path}`);
    const inputs = new Map<string, Field>();
    for (const raw of [...itemsOf(item.parameters), ...itemsOf(op.parameters)]) {
      const prm = resolve(raw);
      if (!prm) continue;
      if (prm.in === 'body') collectBody(resolve(prm.schema), 'body', prm.required === true, inputs, resolve);
      else inputs.set(text(prm.name), field(prm, text(prm.in), prm.required === true, resolve));
    }
    const outputs = new Map<string, Field>();
    const success = entriesOf(op.responses).find(([s, r]) => /^2\d\d$/.test(s) && resolve(r)?.schema);
    if (success) collectOutput(resolve(resolve(success[1])?.schema), '', outputs, resolve);
    out.set(id, { id, method, path, inputs, outputs });
  }
  return out;
}

/** A value the document names (an id, a parameter name or location), as text. */
function text(v: unknown, fallback = ''): string {
  return v === undefined || v === null ? fallback : String(v);
}

function field(s: Schema, location: string, required: boolean, resolve: Resolve): Field {
  const items: Schema | undefined = s.type === 'array' ? resolve(s.items) : undefined;
  const f: Field = {
    location,
    type: items ? `array<${text(items.type, 'object')}>` : text(s.type, s.properties ? 'object' : ''),
    format: text((items ?? s).format),
    required,
  };
  if (isArray(s.enum)) f.enum = s.enum;
  return f;
}

function collectBody(
  s: Schema | undefined,
  prefix: string,
  required: boolean,
  into: Map<string, Field>,
  resolve: Resolve,
  depth = 0,
): void {
  if (!s || depth > 32) return;
  into.set(prefix, field(s, 'body', required, resolve));
  const req = new Set(itemsOf(s.required));
  for (const [name, raw] of entriesOf(s.properties)) {
    collectBody(resolve(raw), `${prefix}.${name}`, required && req.has(name), into, resolve, depth + 1);
  }
  if (s.type === 'array' && s.items) {
    const items: Schema | undefined = resolve(s.items);
    const ireq = new Set(itemsOf(items?.required));
    for (const [name, raw] of entriesOf(items?.properties)) {
      collectBody(resolve(raw), `${prefix}[].${name}`, required && ireq.has(name), into, resolve, depth + 1);
    }
  }
}

function collectOutput(
  s: Schema | undefined,
  prefix: string,
  into: Map<string, Field>,
  resolve: Resolve,
  depth = 0,
): void {
  if (!s || depth > 32) return;
  into.set(prefix || '(body)', field(s, 'output', false, resolve));
  for (const [name, raw] of entriesOf(s.properties))
    collectOutput(resolve(raw), prefix ? `${prefix}.${name}` : name, into, resolve, depth + 1);
  if (s.type === 'array') {
    const items: Schema | undefined = resolve(s.items);
    for (const [name, raw] of entriesOf(items?.properties))
      collectOutput(resolve(raw), `${prefix}[].${name}`, into, resolve, depth + 1);
  }
}

/**
 * Compares two swagger documents; returns every change found, breaking ones and additions. Either
 * side may come from a file (the published connector), so each is read as found.
 */
export function diffSwagger(oldDoc: Found<SwaggerDocument>, newDoc: Found<SwaggerDocument>): Change[] {
  const before = operations(oldDoc);
  const after = operations(newDoc);
  const changes: Change[] = [];
  const add = (rule: ChangeRule, operationId: string, detail: string, target?: string) => {
    const c: Change = { rule, breaking: CHANGE_RULES[rule].breaking, operationId, detail };
    if (target !== undefined) c.target = target;
    changes.push(c);
  };
  const routeOf = (o: Op) => `${o.method} ${o.path}`;
  const afterByRoute = new Map([...after.values()].map((o) => [routeOf(o), o]));

  const renamedTo = new Set<string>();
  for (const old of before.values()) {
    const now = after.get(old.id);
    if (!now) {
      const renamed = afterByRoute.get(routeOf(old));
      if (renamed && !before.has(renamed.id)) {
        renamedTo.add(renamed.id);
        add('operation-id-changed', old.id, `${old.id} is now ${renamed.id}`);
      } else add('operation-removed', old.id, `${old.method.toUpperCase()} ${old.path} is gone`);
      continue;
    }
    if (now.method !== old.method)
      add('method-changed', old.id, `${old.method.toUpperCase()} -> ${now.method.toUpperCase()}`);
    if (now.path !== old.path) add('path-changed', old.id, `${old.path} -> ${now.path}`);
    compareInputs(old, now, add);
    compareOutputs(old, now, add);
  }
  for (const now of after.values()) {
    if (!before.has(now.id) && !renamedTo.has(now.id))
      add('operation-added', now.id, `${now.method.toUpperCase()} ${now.path}`);
  }
  return changes;
}

type Add = (rule: ChangeRule, operationId: string, detail: string, target?: string) => void;

function compareType(id: string, target: string, a: Field, b: Field, typeRule: ChangeRule, add: Add): void {
  if (a.type !== b.type) return add(typeRule, id, `${target}: ${a.type} -> ${b.type}`, target);
  if (a.format !== b.format) {
    if (WIDENINGS.has(`${a.format}>${b.format}`) && a.type !== 'string')
      add('type-widened', id, `${target}: ${a.format || '(none)'} -> ${b.format || '(none)'}`, target);
    else add(typeRule, id, `${target}: format ${a.format || '(none)'} -> ${b.format || '(none)'}`, target);
  }
}

function compareInputs(old: Op, now: Op, add: Add): void {
  for (const [name, a] of old.inputs) {
    const b = now.inputs.get(name);
    if (!b) {
      add('input-removed', old.id, `${a.location} ${name}`, name);
      continue;
    }
    if (a.location !== b.location) add('parameter-moved', old.id, `${name}: ${a.location} -> ${b.location}`, name);
    compareType(old.id, name, a, b, 'input-type-changed', add);
    if (!a.required && b.required) add('input-made-required', old.id, name, name);
    if (a.required && !b.required) add('input-made-optional', old.id, name, name);
    if (a.enum && b.enum) {
      for (const v of a.enum) {
        if (b.enum.includes(v)) continue;
        if (v === '' && !b.required) add('empty-enum-value-removed', old.id, `${name}: ""`, name);
        else add('enum-value-removed', old.id, `${name}: ${JSON.stringify(v)}`, name);
      }
      for (const v of b.enum)
        if (!a.enum.includes(v)) add('enum-value-added', old.id, `${name}: ${JSON.stringify(v)}`, name);
    } else if (!a.enum && b.enum)
      add('enum-value-removed', old.id, `${name}: now restricted to ${JSON.stringify(b.enum)}`, name);
  }
  for (const [name, b] of now.inputs) {
    if (old.inputs.has(name)) continue;
    // A new nested property is only reachable when its parent is sent; its requiredness is what matters.
    add(b.required ? 'required-input-added' : 'optional-input-added', old.id, `${b.location} ${name}`, name);
  }
}

function compareOutputs(old: Op, now: Op, add: Add): void {
  for (const [path, a] of old.outputs) {
    const b = now.outputs.get(path);
    if (!b) {
      add('output-field-removed', old.id, path, path);
      continue;
    }
    compareType(old.id, path, a, b, 'output-type-changed', add);
  }
  for (const path of now.outputs.keys()) if (!old.outputs.has(path)) add('output-field-added', old.id, path, path);
}
