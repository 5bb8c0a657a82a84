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

/**
 * What a change means for flows in the field: `breaking` stops them (or Microsoft's ValidateChange
 * rejects the update), `warning` keeps them opening and binding but may fail some runs (the text
 * says which), `compatible` changes nothing they rely on.
 */
export type ChangeLevel = 'breaking' | 'warning' | 'compatible';

interface RuleDefinition {
  level: ChangeLevel;
  text: string;
  /** The text is the message Microsoft's ValidateChange gives when it rejects the update. */
  validateChange?: true;
}

export const CHANGE_RULES = {
  'operation-removed': { level: 'breaking', text: 'The operation has been deleted.', validateChange: true },
  'operation-id-changed': { level: 'breaking', text: 'The operationId has been changed.' },
  'method-changed': { level: 'breaking', text: 'The HTTP method has been changed.' },
  'path-changed': { level: 'breaking', text: 'The path template has been changed.', validateChange: true },
  'parameter-moved': {
    level: 'breaking',
    text: 'The location has been changed for the parameter.',
    validateChange: true,
  },
  'input-removed': { level: 'breaking', text: 'An input has been removed.' },
  'required-input-added': { level: 'breaking', text: 'A new required input has been added.' },
  'input-made-required': { level: 'breaking', text: 'An optional input has been made required.' },
  'input-type-changed': { level: 'breaking', text: 'The type has been changed for the input.' },
  'input-type-narrowed': {
    level: 'breaking',
    text: 'The input accepts fewer values than before (number to integer, int64 to int32, double to float); existing flows may hold values outside the new type.',
  },
  'input-restricted-to-enum': {
    level: 'breaking',
    text: 'The list of enum values has been added to the input field. Existing flows may use values outside of this list.',
    validateChange: true,
  },
  'enum-value-removed': { level: 'breaking', text: 'An allowed input value has been removed.' },
  'output-type-changed': {
    level: 'breaking',
    text: 'The type has been changed for the output field.',
    validateChange: true,
  },
  'output-field-removed': { level: 'breaking', text: 'An output field has been removed.' },
  'input-object-to-map': {
    level: 'warning',
    text: 'A free-form object input now takes one value type for all its keys. It is still an object, so flows keep their bindings, but a run that sends other values (numbers, true/false, nested objects) may now be rejected.',
  },
  'input-additional-properties-removed': {
    level: 'warning',
    text: 'An object input no longer takes keys beyond its declared properties. Flows built in the designer keep working, but a run that passes a whole object with other keys may now be rejected.',
  },
  'operation-added': { level: 'compatible', text: 'An operation has been added.' },
  'optional-input-added': { level: 'compatible', text: 'An optional input has been added.' },
  'input-made-optional': { level: 'compatible', text: 'A required input has been made optional.' },
  'output-field-added': { level: 'compatible', text: 'An output field has been added.' },
  'output-object-to-map': {
    level: 'compatible',
    text: 'A free-form object output is now described as a map of one value type; flows read the same values.',
  },
  'output-additional-properties-removed': {
    level: 'compatible',
    text: 'An object output no longer declares keys beyond its properties; flows read the same values.',
  },
  'type-widened': { level: 'compatible', text: 'A numeric format has been widened.' },
  'enum-value-added': { level: 'compatible', text: 'An allowed input value has been added.' },
  'empty-enum-value-removed': {
    level: 'compatible',
    text: 'The empty-string choice was removed; an omitted optional value means the same.',
  },
} as const satisfies Record<string, RuleDefinition>;
export type ChangeRule = keyof typeof CHANGE_RULES;

export interface Change {
  rule: ChangeRule;
  level: ChangeLevel;
  /** level === 'breaking', for callers that only ask whether flows break. */
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
  /**
   * For an object: what its undeclared keys may hold. `any` (no additionalProperties, true or
   * {}), `none` (false), or the value type of a map (`string`, `array<string>`, ...).
   */
  additional?: string;
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
    type: typeOf(s, resolve),
    format: text((items ?? s).format),
    required,
  };
  if (isArray(s.enum)) f.enum = s.enum;
  if (f.type === 'object') f.additional = additionalOf(s, resolve);
  return f;
}

function additionalOf(s: Schema, resolve: Resolve): string {
  const ap = s.additionalProperties;
  if (ap === false) return 'none';
  const value: Schema | undefined = ap === true ? undefined : resolve(ap);
  if (!value || (value.type === undefined && !value.properties)) return 'any';
  // The value's type only: a map of maps is not followed (a self-referencing map would never end).
  return typeOf(value, resolve);
}

function typeOf(s: Schema, resolve: Resolve): string {
  const items: Schema | undefined = s.type === 'array' ? resolve(s.items) : undefined;
  return items ? `array<${text(items.type, 'object')}>` : text(s.type, s.properties ? 'object' : '');
}

function collectBody(
  s: Schema | undefined,
  prefix: string,
  required: boolean,
  into: Map<string, Field>,
  resolve: Resolve,
  depth = 0,
  open: Set<Schema> = new Set(),
): void {
  if (!s || !enter(s, depth, into, open)) return;
  into.set(prefix, field(s, 'body', required, resolve));
  const req = new Set(itemsOf(s.required));
  for (const [name, raw] of entriesOf(s.properties)) {
    collectBody(resolve(raw), `${prefix}.${name}`, required && req.has(name), into, resolve, depth + 1, open);
  }
  if (s.type === 'array' && s.items) {
    const items: Schema | undefined = resolve(s.items);
    const ireq = new Set(itemsOf(items?.required));
    for (const [name, raw] of entriesOf(items?.properties)) {
      collectBody(resolve(raw), `${prefix}[].${name}`, required && ireq.has(name), into, resolve, depth + 1, open);
    }
  }
  open.delete(s);
}

/**
 * Bounds for walking a schema: a schema that contains itself (through $ref) is expanded once, not
 * once per level, and no operation yields more fields than Power Platform allows schemas in one
 * operation (16,384, reference/power-platform.md §10). Without both, a definition that refers to
 * itself twice makes the walk grow as 2^depth. Marks `s` as open; the caller closes it.
 */
const MAX_FIELDS = 16_384;
function enter(s: Schema, depth: number, into: Map<string, Field>, open: Set<Schema>): boolean {
  if (depth > 32 || into.size >= MAX_FIELDS || open.has(s)) return false;
  open.add(s);
  return true;
}

function collectOutput(
  s: Schema | undefined,
  prefix: string,
  into: Map<string, Field>,
  resolve: Resolve,
  depth = 0,
  open: Set<Schema> = new Set(),
): void {
  if (!s || !enter(s, depth, into, open)) return;
  into.set(prefix || '(body)', field(s, 'output', false, resolve));
  for (const [name, raw] of entriesOf(s.properties))
    collectOutput(resolve(raw), prefix ? `${prefix}.${name}` : name, into, resolve, depth + 1, open);
  if (s.type === 'array') {
    const items: Schema | undefined = resolve(s.items);
    for (const [name, raw] of entriesOf(items?.properties))
      collectOutput(resolve(raw), `${prefix}[].${name}`, into, resolve, depth + 1, open);
  }
  open.delete(s);
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
    const level = CHANGE_RULES[rule].level;
    const c: Change = { rule, level, breaking: level === 'breaking', operationId, detail };
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

/** Numeric changes after which every value the new side accepts was accepted before. */
const NARROWINGS = new Set(['number>integer', 'int64>int32', 'double>float']);
/** Whether type (or format) `a` became `b` by a narrowing, for single values and array items alike. */
const narrows = (a: string, b: string) =>
  NARROWINGS.has(`${a.replace(/^array<(.*)>$/, '$1')}>${b.replace(/^array<(.*)>$/, '$1')}`) &&
  a.startsWith('array<') === b.startsWith('array<');

function compareType(id: string, target: string, a: Field, b: Field, typeRule: ChangeRule, add: Add): void {
  const input = typeRule === 'input-type-changed';
  if (a.type !== b.type) {
    const narrowed = input && narrows(a.type, b.type);
    return add(narrowed ? 'input-type-narrowed' : typeRule, id, `${target}: ${a.type} -> ${b.type}`, target);
  }
  if (a.format !== b.format) {
    if (WIDENINGS.has(`${a.format}>${b.format}`) && a.type !== 'string')
      add('type-widened', id, `${target}: ${a.format || '(none)'} -> ${b.format || '(none)'}`, target);
    else {
      const narrowed = input && narrows(a.format, b.format);
      add(
        narrowed ? 'input-type-narrowed' : typeRule,
        id,
        `${target}: format ${a.format || '(none)'} -> ${b.format || '(none)'}`,
        target,
      );
    }
  }
  if (a.type === 'object' && b.type === 'object') compareAdditional(id, target, a, b, input, add);
}

const describeAdditional = (v: string) =>
  v === 'any' ? 'free-form object' : v === 'none' ? 'declared properties only' : `map of ${v} values`;

/**
 * An object's undeclared keys: what they may hold before and after. Narrowing (free-form to a
 * map, a map's value type narrowed, extra keys forbidden) is what the other side's reader must
 * now cope with: senders (inputs) may be refused, readers (outputs) get a subset of before.
 */
function compareAdditional(id: string, target: string, a: Field, b: Field, input: boolean, add: Add): void {
  const before = a.additional ?? 'any';
  const after = b.additional ?? 'any';
  if (before === after) return;
  const detail = `${target}: ${describeAdditional(before)} -> ${describeAdditional(after)}`;
  if (after === 'none')
    return add(
      input ? 'input-additional-properties-removed' : 'output-additional-properties-removed',
      id,
      detail,
      target,
    );
  if (before === 'any') return add(input ? 'input-object-to-map' : 'output-object-to-map', id, detail, target);
  // A map whose value type changed (or that became free-form again): its values' type changed.
  if (after === 'any') {
    // Widening an input map takes every value it took before; an output map may now hold anything.
    if (!input) add('output-type-changed', id, detail, `${target}{}`);
    return;
  }
  if (before === 'none') return; // Keys allowed where none were: a widening.
  const narrowed = input && narrows(before, after);
  add(
    narrowed ? 'input-type-narrowed' : input ? 'input-type-changed' : 'output-type-changed',
    id,
    detail,
    `${target}{}`,
  );
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
      add('input-restricted-to-enum', old.id, `${name}: now restricted to ${JSON.stringify(b.enum)}`, name);
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
