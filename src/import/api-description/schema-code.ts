/**
 * Shapes as `t.*` builder calls (ts-writer Call trees): the same code an author writes. Shared
 * schemas are referenced by their constant; a property that uses one gets its own label through
 * t.with(), because the designer labels a field by its title and a body property without one
 * fails certification (body-property-undescribed).
 */
import { call, code, type Code } from '../ts-writer';
import type { Shape } from './convert-schema';

/** How a shared schema is written where it is used, or undefined when it cannot be (a recursive use). */
export type RefWriter = (name: string) => Code | undefined;

export interface SchemaCodeOptions {
  /** Constant of each shared schema written so far. */
  ref: RefWriter;
  /** A recursive use was cut (written as a free-form object): the caller warns. */
  onCut(name: string): void;
}

/** `first_name` -> `First Name`: the label a property or parameter gets when the description has none. */
export function labelFrom(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  if (words.length === 0) return 'Value';
  return words
    .map((w) =>
      w.length <= 2 && /^(id|ip|os|ui|url|uri)$/i.test(w) ? w.toUpperCase() : w[0]!.toUpperCase() + w.slice(1),
    )
    .join(' ');
}

function common(s: Shape): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  if (s.title !== undefined) o.title = s.title;
  if (s.description !== undefined) o.description = s.description;
  return o;
}

function trailing(s: Shape, o: Record<string, unknown>): Record<string, unknown> {
  if (s.nullable) o.nullable = true;
  return o;
}

function pick(s: Shape, o: Record<string, unknown>, keys: readonly (keyof Shape)[]): Record<string, unknown> {
  for (const k of keys) if (s[k] !== undefined) o[k] = s[k];
  return o;
}

/** `fn(args..., options)`, options left out when empty. */
function builder(fn: string, args: unknown[], options: Record<string, unknown>): unknown {
  return Object.keys(options).length > 0 ? call(fn, ...args, options) : call(fn, ...args);
}

export function schemaCode(s: Shape, opts: SchemaCodeOptions): unknown {
  switch (s.kind) {
    case 'ref': {
      const ref = opts.ref(s.ref!);
      if (!ref) {
        opts.onCut(s.ref!);
        const o = trailing(s, common(s));
        return Object.keys(o).length > 0 ? call('t.record', code('undefined'), o) : call('t.record');
      }
      const labels = common(s);
      return Object.keys(labels).length > 0 ? call('t.with', ref, labels) : ref;
    }
    case 'string':
      return builder(
        't.string',
        [],
        trailing(s, pick(s, common(s), ['format', 'enum', 'default', 'pattern', 'minLength', 'maxLength'])),
      );
    case 'integer':
      return call(
        't.integer',
        trailing(s, pick(s, { format: s.format, ...common(s) }, ['default', 'minimum', 'maximum'])),
      );
    case 'number':
      return call(
        't.number',
        trailing(s, pick(s, { format: s.format, ...common(s) }, ['default', 'minimum', 'maximum'])),
      );
    case 'boolean':
      return builder('t.boolean', [], trailing(s, pick(s, common(s), ['default'])));
    case 'array':
      return builder(
        't.array',
        [schemaCode(s.items ?? { kind: 'any' }, opts)],
        trailing(s, pick(s, common(s), ['minItems', 'maxItems'])),
      );
    case 'object': {
      const required = new Set(s.required ?? []);
      const props: Record<string, unknown> = {};
      for (const [name, p] of s.properties ?? []) {
        const labelled = withLabel(p, name);
        const c = schemaCode(labelled, opts);
        // defineProperty: a property named __proto__ must stay an own key of the literal.
        Object.defineProperty(props, name, {
          value: required.size > 0 && !required.has(name) ? call('t.optional', c) : c,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return builder(required.size > 0 ? 't.object' : 't.partial', [props], trailing(s, common(s)));
    }
    case 'record': {
      const o = trailing(s, common(s));
      if (s.values) return builder('t.record', [schemaCode(s.values, opts)], o);
      return Object.keys(o).length > 0 ? call('t.record', code('undefined'), o) : call('t.record');
    }
    default: {
      // Any JSON value: a schema without a type, which no builder writes.
      const o: Record<string, unknown> = common(s);
      if (s.nullable) o['x-nullable'] = true;
      return o;
    }
  }
}

/** A property's schema with a title (its label in the designer), derived from the name when the description gives none. */
export function withLabel(s: Shape, name: string): Shape {
  if (s.title) return s;
  return { ...s, title: labelFrom(name) };
}
