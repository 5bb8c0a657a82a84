/**
 * A card's inputs as the flow designer lays them out: parameters labelled by x-ms-summary,
 * body properties flattened (nested objects dissolve into their leaves, arrays become repeatable
 * items), internal inputs left out, optional advanced ones put behind "Show all". Reads any
 * swagger as found: every value is checked before use.
 */
import type { DeclaredSchema, ParameterObject } from '../swagger/document';
import { entriesOf, isObject, itemsOf, str, type Found } from '../swagger/found';
import type { Resolve } from '../swagger/local-ref';
import { typeLabel } from '../emit/reference-rows';
import type { Choice, Control, DynamicSource, FieldInput, PreviewInput, Target } from './model';

type Schema = Found<DeclaredSchema>;
type Param = Found<ParameterObject>;

/** Deeper bodies are shown to that depth; the designer gives up on them too. */
const MAX_DEPTH = 16;

function text(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

function visibility(node: Schema | Param): string {
  return text(node['x-ms-visibility']).toLowerCase();
}

function schemaLabel(s: Schema, name: string): string {
  return text(s['x-ms-summary'] ?? s.title) || name;
}

function hasProperties(s: Schema | undefined): boolean {
  return entriesOf(s?.properties).length > 0;
}

function isPrimitive(s: Schema): boolean {
  return typeof s.type === 'string' && s.type !== 'object' && s.type !== 'array';
}

function choicesOf(node: Schema | Param): Choice[] {
  const named = itemsOf(node['x-ms-enum-values']).filter(isObject);
  if (named.length > 0)
    return named.map((e) => ({ value: text(e.value), title: text(e.displayName) || text(e.value) }));
  const en = itemsOf(node.enum);
  if (en.length > 0) return en.map((v) => ({ value: text(v), title: text(v) }));
  if (node.type === 'boolean')
    return [
      { value: 'true', title: 'Yes' },
      { value: 'false', title: 'No' },
    ];
  return [];
}

/** x-ms-dynamic-values (or x-ms-dynamic-list) naming a source operation. */
function dynamicOf(node: Schema | Param): DynamicSource | undefined {
  const values = node['x-ms-dynamic-values'];
  const list = node['x-ms-dynamic-list'];
  const src = isObject(values) && str(values.operationId) ? values : isObject(list) ? list : undefined;
  const operationId = src && str(src.operationId);
  if (!src || !operationId) return undefined;
  const parameters: DynamicSource['parameters'] = {};
  for (const [name, v] of entriesOf(src.parameters)) {
    if (isObject(v) && typeof v.parameter === 'string') parameters[name] = { parameter: v.parameter };
    else if (isObject(v) && typeof v.parameterReference === 'string')
      parameters[name] = { parameter: v.parameterReference };
    else parameters[name] = { value: isObject(v) && 'value' in v ? v.value : v };
  }
  const isList = src === list;
  return {
    operationId,
    parameters,
    collection: text(isList ? src.itemsPath : src['value-collection']),
    valuePath: text(isList ? src.itemValuePath : src['value-path']),
    titlePath: text(isList ? src.itemTitlePath : src['value-title']),
  };
}

function field(
  node: Schema | Param,
  resolve: Resolve,
  o: { label: string; key: string; required: boolean; advanced: boolean; target: Target },
): FieldInput {
  const dynamic = dynamicOf(node);
  const choices = choicesOf(node);
  // Free-form objects and arrays inside an array's items are entered as JSON.
  const free = !isPrimitive(node as Schema);
  const type = typeLabel(node, resolve) || (free ? 'object' : 'string');
  const control: Control = dynamic ? 'dynamic' : choices.length > 0 ? 'choice' : free ? 'json' : 'text';
  const out: FieldInput = {
    kind: 'field',
    label: o.label,
    key: o.key,
    description: text(node.description),
    required: o.required,
    advanced: o.advanced && !o.required,
    type,
    control,
    choices,
    target: o.target,
  };
  if (dynamic) out.dynamic = dynamic;
  const d = node.default;
  if (d !== undefined && d !== null && typeof d !== 'object') out.defaultValue = String(d);
  return out;
}

/** Every input of one operation, path-item parameters first, in declaration order. */
export function operationInputs(params: readonly unknown[], resolve: Resolve): PreviewInput[] {
  const out: PreviewInput[] = [];
  // An operation's parameter replaces the path item's of the same name and location.
  const chosen = new Map<string, Param>();
  for (const raw of params) {
    const p: Param | undefined = resolve(raw);
    if (p) chosen.set(`${text(p.in)}:${text(p.name)}`, p);
  }
  for (const p of chosen.values()) {
    if (visibility(p) === 'internal') continue;
    const name = text(p.name);
    const required = p.required === true;
    const advanced = visibility(p) === 'advanced';
    const label = text(p['x-ms-summary']) || name;
    if (p.in === 'body') {
      bodyInputs(resolve(p.schema), resolve, { label, required, advanced }, out);
      continue;
    }
    const where = p.in === 'path' || p.in === 'header' || p.in === 'formData' ? p.in : 'query';
    const target: Target = { in: where, name };
    if (p.type === 'array') {
      const items: Schema = resolve(p.items) ?? {};
      out.push({
        kind: 'array',
        label,
        key: name,
        description: text(p.description),
        required,
        advanced: advanced && !required,
        item: [field(items, resolve, { label: schemaLabel(items, label), key: name, required, advanced, target })],
      });
    } else out.push(field(p, resolve, { label, key: name, required, advanced, target }));
  }
  return out;
}

/** The body parameter's schema: flattened when it has properties, else one input. */
function bodyInputs(
  s: Schema | undefined,
  resolve: Resolve,
  o: { label: string; required: boolean; advanced: boolean },
  out: PreviewInput[],
): void {
  if (!s) return;
  const label = text(s['x-ms-summary'] ?? s.title) || o.label || 'Body';
  if (hasProperties(s)) return flatten(s, resolve, [], o.required, o.advanced, out, 0);
  if (s.type === 'array') {
    const items: Schema = resolve(s.items) ?? {};
    out.push(arrayInput(s, items, resolve, label, [], o.required, o.advanced, 0));
    return;
  }
  out.push(field(s, resolve, { label, key: 'body', required: o.required, advanced: o.advanced, target: bodyAt([]) }));
}

function bodyAt(path: string[]): Target {
  return { in: 'body', path };
}

function flatten(
  s: Schema,
  resolve: Resolve,
  path: string[],
  required: boolean,
  advanced: boolean,
  out: PreviewInput[],
  depth: number,
  insideArray = false,
): void {
  if (depth > MAX_DEPTH) return;
  const req = new Set(itemsOf(s.required));
  for (const [name, raw] of entriesOf(s.properties)) {
    const child: Schema | undefined = resolve(raw);
    if (!child || visibility(child) === 'internal') continue;
    const at = [...path, name];
    const childRequired = required && req.has(name);
    const childAdvanced = advanced || visibility(child) === 'advanced';
    const label = schemaLabel(child, name);
    if (hasProperties(child)) {
      flatten(child, resolve, at, childRequired, childAdvanced, out, depth + 1, insideArray);
      continue;
    }
    if (child.type === 'array' && !insideArray) {
      const items: Schema = resolve(child.items) ?? {};
      out.push(arrayInput(child, items, resolve, label, at, childRequired, childAdvanced, depth));
      continue;
    }
    // An array inside an array's items is entered as JSON, as the designer's "entire array" mode.
    out.push(
      field(child, resolve, {
        label,
        key: keyOf(at),
        required: childRequired,
        advanced: childAdvanced,
        target: bodyAt(at),
      }),
    );
  }
}

function arrayInput(
  s: Schema,
  items: Schema,
  resolve: Resolve,
  label: string,
  at: string[],
  required: boolean,
  advanced: boolean,
  depth: number,
): PreviewInput {
  const itemAt = [...at, '[]'];
  const item: PreviewInput[] = [];
  if (hasProperties(items)) flatten(items, resolve, itemAt, true, false, item, depth + 1, true);
  else
    item.push(
      field(items, resolve, {
        label: text(items['x-ms-summary'] ?? items.title) || label,
        key: keyOf(itemAt),
        required: false,
        advanced: false,
        target: bodyAt(itemAt),
      }),
    );
  return {
    kind: 'array',
    label,
    key: keyOf(at) || 'body',
    description: text(s.description),
    required,
    advanced: advanced && !required,
    // Items of an item are fields only (flatten with insideArray), so the cast is what flatten wrote.
    item: item as FieldInput[],
  };
}

function keyOf(path: string[]): string {
  return path.join('.').replace(/\.\[\]/g, '[]');
}
