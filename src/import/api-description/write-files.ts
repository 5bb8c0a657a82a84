/**
 * The descriptor files of a connector imported from an API description, as text:
 *   connector.ts           defineConnector({...}) with the typed auth and every operation
 *   schemas.ts             one exported const per shared schema the operations use, dependencies first
 *   operations/<group>.ts  one file per first tag (or first path segment), one const per operation
 * The same shape `pcdk init` scaffolds and definitions/convertkit is written in, importing from
 * 'pcdk'. Every string goes through ts-writer's escaper and every name through names.ts.
 */
import { INDEPENDENT_PUBLISHER_COLOR } from '../../swagger/api-properties';
import { fileBaseFrom, identifierFrom, NameScope } from '../names';
import { Call, call, Code, code, commentText, literal, stringLiteral } from '../ts-writer';
import type { Shape } from './convert-schema';
import type { OperationPlan } from './plan-operation';
import { schemaCode } from './schema-code';

export interface WrittenOperation {
  id: string;
  constName: string;
  group: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  tags: readonly string[];
  deprecated: boolean;
  plan: OperationPlan;
}

export interface ConnectorFieldsText {
  id: string;
  title: string;
  description: string;
  version: string;
  host: string;
  basePath: string;
  schemes: readonly string[];
  contact: { name: string; url: string; email: string };
  metadata: { website: string; privacyPolicy: string; categories: readonly string[] };
  publisher: string;
  stackOwner: string;
  auth: Call;
  authUses: ReadonlySet<string>;
  readme: { prerequisites: string; obtainingCredentials: string; knownIssues: string };
}

export interface WriteInput {
  sourceName: string;
  modelImport: string;
  connector: ConnectorFieldsText;
  operations: readonly WrittenOperation[];
  /** Shared schemas the operations use, by their name in the description. */
  components: ReadonlyMap<string, Shape>;
  /** A recursive use of a shared schema was cut. */
  onCut(name: string): void;
}

function header(lines: string[]): string {
  return `/**\n${lines.map((l) => (l ? ` * ${commentText(l, 200)}` : ' *')).join('\n')}\n */\n`;
}

/** The callees a code tree calls (`t.string` -> `t`), for the import list. */
function callees(v: unknown, into: Set<string>): Set<string> {
  if (v instanceof Call) {
    into.add(v.callee.split('.')[0]!);
    for (const a of v.args) callees(a, into);
  } else if (Array.isArray(v)) for (const x of v) callees(x, into);
  else if (v && typeof v === 'object' && !(v instanceof Code)) for (const x of Object.values(v)) callees(x, into);
  return into;
}

function importLine(names: Iterable<string>, from: string): string {
  const sorted = [...new Set(names)].sort((a, b) => (a === b ? 0 : a < b ? -1 : 1));
  if (sorted.length === 0) return '';
  const line = `import { ${sorted.join(', ')} } from ${stringLiteral(from)};\n`;
  // Laid out one name per line past the width formatters use, as they would lay it out.
  return line.length <= 111
    ? line
    : `import {\n${sorted.map((n) => `  ${n},\n`).join('')}} from ${stringLiteral(from)};\n`;
}

/** Shared schemas in dependency order (each after the ones it uses), by depth-first post-order. */
function dependencyOrder(components: ReadonlyMap<string, Shape>): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const refsOf = (s: Shape | undefined, into: string[]): string[] => {
    if (!s) return into;
    if (s.kind === 'ref') into.push(s.ref!);
    refsOf(s.items, into);
    refsOf(s.values, into);
    for (const [, p] of s.properties ?? []) refsOf(p, into);
    return into;
  };
  const visit = (name: string) => {
    if (state.has(name) || !components.has(name)) return;
    state.set(name, 'visiting');
    for (const dep of refsOf(components.get(name), [])) visit(dep);
    state.set(name, 'done');
    order.push(name);
  };
  for (const name of [...components.keys()].sort()) visit(name);
  return order;
}

export function writeDescriptorFiles(input: WriteInput): Map<string, string> {
  const files = new Map<string, string>();
  const scope = new NameScope(['t', 'operation', 'path', 'query', 'header', 'response', 'defineConnector']);
  for (const op of input.operations) op.constName = scope.claim(op.constName);
  const constOf = new Map<string, string>();
  const order = dependencyOrder(input.components);
  for (const name of order) constOf.set(name, scope.claim(identifierFrom(name, 'schema')));

  // ---- schemas.ts ----
  if (order.length > 0) {
    const written = new Set<string>();
    const consts: string[] = [];
    let uses = new Set<string>();
    for (const name of order) {
      const shape = input.components.get(name)!;
      const c = schemaCode(shape, {
        // Only a schema written above can be used: a later one is a recursive use, cut.
        ref: (n) => (written.has(n) ? code(constOf.get(n)!) : undefined),
        onCut: input.onCut,
      });
      uses = callees(c, uses);
      const doc = shape.description ? `/** ${commentText(shape.description)} */\n` : '';
      consts.push(`${doc}export const ${constOf.get(name)} = ${literal(c)};\n`);
      written.add(name);
    }
    files.set(
      'schemas.ts',
      [
        header([`Shared schemas of ${input.sourceName}, one const each, used by the operations.`]),
        importLine(uses, input.modelImport),
        '\n',
        consts.join('\n'),
      ].join(''),
    );
  }
  const refCode = (n: string) => (constOf.has(n) ? code(constOf.get(n)!) : undefined);

  // ---- operations/<group>.ts ----
  const groups = new Map<string, WrittenOperation[]>();
  const bases = new NameScope();
  const baseOf = new Map<string, string>();
  for (const op of input.operations) {
    if (!baseOf.has(op.group)) baseOf.set(op.group, bases.claim(fileBaseFrom(op.group), '-'));
    const base = baseOf.get(op.group)!;
    groups.set(base, [...(groups.get(base) ?? []), op]);
  }
  const connectorImports: string[] = [];
  for (const [base, ops] of groups) {
    const helpers = new Set<string>();
    const schemaNames = new Set<string>();
    const refs = (n: string) => {
      const c = refCode(n);
      if (c) schemaNames.add(c.text);
      return c;
    };
    const bodies = ops.map((op) => {
      const spec = operationSpec(op, refs, input.onCut);
      callees(spec, helpers);
      return `${header([op.summary])}export const ${op.constName} = operation(${literal(spec)});\n`;
    });
    helpers.add('operation');
    files.set(
      `operations/${base}.ts`,
      [importLine(helpers, input.modelImport), importLine(schemaNames, '../schemas'), '\n', bodies.join('\n')].join(''),
    );
    connectorImports.push(
      importLine(
        ops.map((o) => o.constName),
        `./operations/${base}`,
      ),
    );
  }

  // ---- connector.ts ----
  const c = input.connector;
  const opsMap: Record<string, unknown> = {};
  for (const op of input.operations) opsMap[op.constName] = code(op.constName);
  const spec = {
    id: c.id,
    title: c.title,
    description: c.description,
    version: c.version,
    host: c.host,
    basePath: c.basePath,
    schemes: c.schemes,
    contact: c.contact,
    metadata: c.metadata,
    publisher: c.publisher,
    stackOwner: c.stackOwner,
    iconBrandColor: INDEPENDENT_PUBLISHER_COLOR,
    auth: c.auth,
    operations: opsMap,
    readme: c.readme,
  };
  files.set(
    'connector.ts',
    [
      header([
        `The ${c.title} connector, imported by \`pcdk import --api\` from ${input.sourceName}.`,
        '',
        'Replace the placeholders (contact, metadata, publisher, readme and any YOUR_CLIENT_ID) before publishing;',
        'the import warned about each. Operations live in operations/, shared shapes in schemas.ts.',
      ]),
      importLine(['defineConnector', ...c.authUses], input.modelImport),
      ...connectorImports,
      '\n',
      `export default defineConnector(${literal(spec)});\n`,
    ].join(''),
  );
  return files;
}

function operationSpec(
  op: WrittenOperation,
  ref: (n: string) => Code | undefined,
  onCut: (n: string) => void,
): Record<string, unknown> {
  const opts = { ref, onCut };
  const spec: Record<string, unknown> = {
    id: op.id,
    method: op.method,
    path: op.path,
    summary: op.summary,
    description: op.description,
  };
  if (op.tags.length > 0) spec.tags = op.tags;
  if (op.deprecated) spec.deprecated = true;
  if (op.plan.params.length > 0) {
    const params: Record<string, unknown> = {};
    for (const p of op.plan.params) {
      const schema = schemaCode(p.shape, opts);
      const value =
        p.in === 'path'
          ? call('path', schema)
          : p.required
            ? call(p.in, schema, { required: true })
            : call(p.in, schema);
      Object.defineProperty(params, p.name, { value, enumerable: true, writable: true, configurable: true });
    }
    spec.params = params;
  }
  if (op.plan.body) {
    spec.body = schemaCode(op.plan.body, opts);
    if (!op.plan.bodyRequired) spec.bodyRequired = false;
  }
  const responses: Record<string, unknown> = {};
  for (const r of op.plan.responses) {
    const args: unknown[] = [r.description];
    if (r.schema) args.push(schemaCode(r.schema, opts));
    responses[r.status] = call('response', ...args);
  }
  spec.responses = responses;
  return spec;
}
