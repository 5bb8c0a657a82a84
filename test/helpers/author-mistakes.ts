/**
 * Realistic mistakes a connector author makes, one per row, each made by changing exactly one
 * thing in a valid base connector (`demo`: five operations in two files, a query parameter shared
 * by three of them, a response schema shared by four, a helper module). Every row names the
 * diagnostic code pcdk must report and the .ts file (and line, when stable) it must point to.
 *
 * Expected lines are computed from the files as written (`lineOf`), so editing the base keeps
 * the table right; `writeMistake` refuses an edit whose text is missing from the base.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DiagnosticCode as LoadCode } from '../../src/load/diagnostics';
import type { DiagnosticCode as ValidateCode } from '../../src/validate/diagnostics';

/** What an author mistake is reported as: a loading or a validation code. */
type DiagnosticCode = LoadCode | ValidateCode;

export interface AuthorMistake {
  name: string;
  /** Files that differ from the base, relative to definitions/<id>/ (whole contents). */
  files: Record<string, string>;
  /** Base files the mistake deletes, relative to definitions/<id>/. */
  remove?: string[];
  /** The diagnostic code expected. */
  code: DiagnosticCode;
  /** The .ts file (relative to definitions/<id>/) the diagnostic must point to. */
  file: string;
  /** Expected 1-based line, when stable. */
  line?: number;
  /** Only the type-check finds it (the descriptors load and validate as they are). */
  typecheckOnly?: boolean;
  /** The finding is one shared value: it lists this many operations. */
  sharedBy?: number;
}

export const ID = 'demo';

const lines = (...ls: string[]) => `${ls.join('\n')}\n`;

/** The valid base connector: it loads, validates with no errors and type-checks clean. */
export const BASE: Readonly<Record<string, string>> = {
  'schemas.ts': lines(
    "import { t } from 'pcdk';",
    '',
    '/** A thing, as the API returns it: shared by every operation that answers with things. */',
    'export const thing = t.partial({',
    "  id: t.id({ title: 'Thing ID', description: 'The unique identifier of the thing.' }),",
    "  name: t.string({ title: 'Name', description: 'The name of the thing.' }),",
    "  created_at: t.string({ title: 'Created at', description: 'When the thing was created.', format: 'date-time' }),",
    '});',
  ),
  'params.ts': lines(
    "import { path, query, t } from 'pcdk';",
    '',
    '/** The workspace every thing lives in: shared by the three thing operations. */',
    "export const workspace = query(t.string({ title: 'Workspace', description: 'The workspace that holds the things.' }), { required: true });",
    '',
    "export const thingId = path(t.id({ title: 'Thing ID', description: 'The thing to work on.' }));",
  ),
  'helpers.ts': lines(
    "import { path, t } from 'pcdk';",
    '',
    'function requireText(what: string, value: string): string {',
    '  if (!value.trim()) throw new Error(`${what} must not be empty`);',
    '  return value;',
    '}',
    '',
    '/** A path parameter holding a numeric id. */',
    'export function idParam(title: string, description: string) {',
    "  return path(t.id({ title: requireText('title', title), description: requireText('description', description) }));",
    '}',
  ),
  'operations/things.ts': lines(
    "import { operation, query, t } from 'pcdk';",
    "import { thingId, workspace } from '../params';",
    "import { thing } from '../schemas';",
    '',
    'export const listThings = operation({',
    "  id: 'ThingList',",
    "  method: 'get',",
    "  path: '/things',",
    "  summary: 'List things',",
    "  description: 'Lists the things in a workspace.',",
    '  params: {',
    '    workspace,',
    "    page: query(t.integer({ title: 'Page', description: 'The page to return.', format: 'int32' })),",
    '  },',
    "  responses: { 200: t.partial({ things: t.array(thing, { title: 'Things', description: 'The things.' }) }) },",
    '});',
    '',
    'export const getThing = operation({',
    "  id: 'ThingGet',",
    "  method: 'get',",
    "  path: '/things/{thing_id}',",
    "  summary: 'Get a thing',",
    "  description: 'Gets one thing by its id.',",
    '  params: { workspace, thing_id: thingId },',
    '  responses: { 200: thing },',
    '});',
    '',
    'export const createThing = operation({',
    "  id: 'ThingCreate',",
    "  method: 'post',",
    "  path: '/things',",
    "  summary: 'Create a thing',",
    "  description: 'Creates a thing in a workspace.',",
    '  params: { workspace },',
    '  body: t.object({',
    "    name: t.string({ title: 'Name', description: 'The name of the new thing.' }),",
    "    count: t.optional(t.integer({ title: 'Count', description: 'How many to make.', format: 'int32' })),",
    '  }),',
    '  responses: { 201: thing },',
    '});',
  ),
  'operations/widgets.ts': lines(
    "import { operation, query, t } from 'pcdk';",
    "import { idParam } from '../helpers';",
    "import { listThings } from './things';",
    '',
    'const widget = t.partial({',
    "  id: t.id({ title: 'Widget ID', description: 'The unique identifier of the widget.' }),",
    "  label: t.string({ title: 'Label', description: 'The label of the widget.' }),",
    '});',
    '',
    'export const listWidgets = operation({',
    "  id: 'WidgetList',",
    "  method: 'get',",
    "  path: '/widgets',",
    "  summary: 'List widgets',",
    "  description: 'Lists the widgets of a thing.',",
    '  params: {',
    "    thing_id: query(t.id({ title: 'Thing', description: 'The thing whose widgets to list.' }), { dynamicValues: { from: listThings, collection: 'things', value: 'id', title: 'name' } }),",
    '  },',
    '  responses: { 200: t.array(widget) },',
    '});',
    '',
    'export const updateWidget = operation({',
    "  id: 'WidgetUpdate',",
    "  method: 'patch',",
    "  path: '/widgets/{widget_id}',",
    "  summary: 'Update a widget',",
    "  description: 'Changes the label of a widget.',",
    "  params: { widget_id: idParam('Widget ID', 'The widget to update.') },",
    '  body: t.object({',
    "    label: t.string({ title: 'Label', description: 'The new label.' }),",
    '  }),',
    '  responses: { 200: widget },',
    '});',
  ),
  'connector.ts': lines(
    "import { defineConnector } from 'pcdk';",
    "import { createThing, getThing, listThings } from './operations/things';",
    "import { listWidgets, updateWidget } from './operations/widgets';",
    '',
    'export default defineConnector({',
    "  id: 'demo',",
    "  title: 'Demo Things',",
    "  description: 'Demo Things is a small service used to test how pcdk reports author mistakes.',",
    "  version: '1.0',",
    "  host: 'api.demo.example',",
    "  basePath: '/v1',",
    "  schemes: ['https'],",
    "  contact: { name: 'Demo', url: 'https://demo.example', email: 'help@demo.example' },",
    "  metadata: { website: 'https://demo.example', privacyPolicy: 'https://demo.example/privacy', categories: ['Data'] },",
    "  publisher: 'Demo',",
    "  stackOwner: 'Demo',",
    "  iconBrandColor: '#da3b01',",
    "  auth: { type: 'none' },",
    '  operations: [listThings, getThing, createThing, listWidgets, updateWidget],',
    "  readme: { prerequisites: 'None.', obtainingCredentials: 'None.', knownIssues: 'None.' },",
    '});',
  ),
};

/** The 1-based line of the only occurrence of `marker` in `text`. */
export function lineOf(text: string, marker: string): number {
  const at = text.indexOf(marker);
  if (at < 0 || text.indexOf(marker, at + 1) >= 0) throw new Error(`"${marker}" must occur exactly once`);
  return text.slice(0, at).split('\n').length;
}

type Edit = [from: string, to: string];

/** `file` of the base with each edit's one occurrence of `from` replaced by `to`. */
function edit(file: string, ...edits: Edit[]): string {
  let text = BASE[file];
  if (text === undefined) throw new Error(`no base file ${file}`);
  for (const [from, to] of edits) {
    lineOf(text, from);
    text = text.replace(from, () => to);
  }
  return text;
}

/** `offset`: lines below the marker's first line (a marker spanning lines that must be unique). */
type At = { marker?: string; in?: string; line?: number; offset?: number } & Partial<AuthorMistake>;

/** A row changing `file` by `edits`, pointing at the line holding `marker` in `at.in` (default: `file`). */
function mistakeEdits(name: string, code: DiagnosticCode, file: string, edits: Edit[], at: At = {}): AuthorMistake {
  const changed = edit(file, ...edits);
  const { marker, in: target = file, line, offset = 0, ...rest } = at;
  const text = target === file ? changed : BASE[target]!;
  return {
    name,
    code,
    file: target,
    files: { [file]: changed },
    ...(marker ? { line: lineOf(text, marker) + offset } : line ? { line } : {}),
    ...rest,
  };
}

/** A row changing one thing in `file`: `from` becomes `to`. */
function mistake(
  name: string,
  code: DiagnosticCode,
  file: string,
  from: string,
  to: string,
  at: At = {},
): AuthorMistake {
  return mistakeEdits(name, code, file, [[from, to]], at);
}

const PING =
  "const ping = operation({ id: 'Ping', method: 'get', path: '/ping', summary: 'Ping', description: 'Checks that the service is up.', responses: { 200: t.partial({ ok: t.boolean({ title: 'OK', description: 'Whether it is up.' }) }) } });";

/** things.ts gets a dropdown fed by WidgetList: things and widgets now import each other. */
const CYCLE_THINGS = edit(
  'operations/things.ts',
  [
    "import { thing } from '../schemas';",
    "import { thing } from '../schemas';\nimport { listWidgets } from './widgets';",
  ],
  [
    '    workspace,\n',
    "    workspace,\n    widget_id: query(t.id({ title: 'Widget', description: 'Only things that hold this widget.' }), { dynamicValues: { from: listWidgets, value: 'id', title: 'label' } }),\n",
  ],
);

export const MISTAKES: AuthorMistake[] = [
  // ---- the descriptors do not load ----
  mistake(
    'syntax error: a missing closing brace',
    'descriptor-syntax-error',
    'operations/things.ts',
    '  responses: { 200: thing },\n});\n\nexport const createThing',
    '  responses: { 200: thing },\n);\n\nexport const createThing',
    { marker: ');\n\nexport const createThing' },
  ),
  mistake(
    'ReferenceError: an undefined name used at top level',
    'descriptor-threw',
    'operations/widgets.ts',
    'const widget = t.partial({',
    'const widget = t.partial({\n  owner: ownerSchema,',
    { marker: 'owner: ownerSchema' },
  ),
  mistakeEdits(
    'an operation used before its definition (esbuild leaves it undefined, no TDZ)',
    'descriptor-threw',
    'connector.ts',
    [
      ["import { defineConnector } from 'pcdk';", "import { defineConnector, operation, t } from 'pcdk';"],
      ['updateWidget],', 'updateWidget, ping],'],
      [
        "  readme: { prerequisites: 'None.', obtainingCredentials: 'None.', knownIssues: 'None.' },\n});\n",
        `  readme: { prerequisites: 'None.', obtainingCredentials: 'None.', knownIssues: 'None.' },\n});\n\n${PING}\n`,
      ],
    ],
    { marker: 'export default defineConnector' },
  ),
  {
    name: 'import cycle: a dropdown source read before its module ran',
    files: { 'operations/things.ts': CYCLE_THINGS },
    code: 'descriptor-threw',
    file: 'operations/widgets.ts',
    line: lineOf(BASE['operations/widgets.ts']!, 'thing_id: query('),
  },
  mistake(
    'a helper throws (nested helper, another file)',
    'descriptor-threw',
    'operations/widgets.ts',
    "idParam('Widget ID', 'The widget to update.')",
    "idParam('Widget ID', '')",
    { in: 'helpers.ts', marker: 'throw new Error' },
  ),
  mistake(
    'wrong relative import path',
    'descriptor-import-unresolved',
    'operations/things.ts',
    "from '../schemas';",
    "from './schemas';",
    { marker: "from './schemas';" },
  ),
  mistake(
    'import of a package that is not installed',
    'descriptor-import-unresolved',
    'schemas.ts',
    "import { t } from 'pcdk';",
    "import { t } from 'pcdk';\nimport { z } from 'zod';\n\nexport const anything = z;",
    { marker: "from 'zod'" },
  ),
  mistake(
    'no default export',
    'descriptor-export-missing',
    'connector.ts',
    'export default defineConnector({',
    'export const connector = defineConnector({',
    { line: 1 },
  ),
  mistake(
    'default export not made by defineConnector',
    'descriptor-export-missing',
    'connector.ts',
    'export default defineConnector({',
    'export default ({',
    { marker: 'export default ({' },
  ),
  {
    name: 'connector.ts missing entirely',
    files: {},
    remove: ['connector.ts'],
    code: 'descriptor-entry-missing',
    file: 'connector.ts',
    line: 1,
  },

  // ---- only the type-check finds it ----
  mistake(
    'import of a name the module does not export',
    'descriptor-type-error',
    'operations/things.ts',
    "import { thing } from '../schemas';",
    "import { thing, things } from '../schemas';",
    { marker: 'things }', typecheckOnly: true },
  ),
  mistake(
    'a number where a string is expected: t.string({ title: 1 })',
    'descriptor-type-error',
    'schemas.ts',
    "name: t.string({ title: 'Name',",
    'name: t.string({ title: 1,',
    { marker: 'title: 1', typecheckOnly: true },
  ),
  // The type-check reports it too; the rule catches it for JavaScript authors and --no-typecheck.
  mistake(
    "method in capitals: 'GET'",
    'method-invalid',
    'operations/widgets.ts',
    "  method: 'get',",
    "  method: 'GET',",
    { marker: "method: 'GET'" },
  ),
  mistake(
    "required: 'true' as a string",
    'descriptor-type-error',
    'params.ts',
    '{ required: true }',
    "{ required: 'true' }",
    { marker: "required: 'true'", typecheckOnly: true },
  ),

  // ---- the rules find it, at the place the value was written ----
  mistake(
    "visibility: 'hidden' on an operation",
    'visibility-invalid',
    'operations/widgets.ts',
    "  description: 'Changes the label of a widget.',",
    "  description: 'Changes the label of a widget.',\n  visibility: 'hidden',",
    { marker: "visibility: 'hidden'" },
  ),
  mistake(
    'path template names {thing_id} but no parameter declares it',
    'path-param-undeclared',
    'operations/things.ts',
    '  params: { workspace, thing_id: thingId },',
    '  params: { workspace },',
    { marker: "path: '/things/{thing_id}'" },
  ),
  mistake(
    'a path parameter missing from the template',
    'path-param-not-in-template',
    'operations/things.ts',
    "  path: '/things/{thing_id}',",
    "  path: '/things/thing_id',",
    { in: 'params.ts', marker: 'export const thingId' },
  ),
  mistake(
    'duplicate operation id (copied operation)',
    'duplicate-operation-id',
    'operations/widgets.ts',
    "  id: 'WidgetUpdate',",
    "  id: 'WidgetList',",
    { marker: "export const updateWidget = operation({\n  id: 'WidgetList'", offset: 1 },
  ),
  mistake(
    'dropdown names a collection the source response lacks',
    'dynamic-values-collection-missing',
    'operations/widgets.ts',
    "collection: 'things'",
    "collection: 'items'",
    { marker: "collection: 'items'" },
  ),
  mistake(
    'dropdown source operation not in the connector',
    'dynamic-values-target-missing',
    'operations/widgets.ts',
    'from: listThings,',
    "from: 'ThingsList',",
    { marker: "from: 'ThingsList'" },
  ),
  mistake(
    'title longer than 30 characters',
    'title-too-long',
    'connector.ts',
    "title: 'Demo Things',",
    "title: 'Demo Things and Widgets for Everyone',",
    { marker: "title: 'Demo Things and" },
  ),
  mistake(
    'connector description too short',
    'description-length',
    'connector.ts',
    "description: 'Demo Things is a small service used to test how pcdk reports author mistakes.',",
    "description: 'Demo things.',",
    { marker: "description: 'Demo things.'" },
  ),
  mistake(
    'shared parameter without a description, used by 3 operations',
    'param-description-missing',
    'params.ts',
    "t.string({ title: 'Workspace', description: 'The workspace that holds the things.' })",
    "t.string({ title: 'Workspace' })",
    { marker: 'export const workspace', sharedBy: 3 },
  ),
  mistake(
    'parameter without a title',
    'param-summary-missing',
    'operations/things.ts',
    "query(t.integer({ title: 'Page', description:",
    'query(t.integer({ description:',
    { marker: 'page: query' },
  ),
  mistake(
    'body property: integer without a format',
    'integer-format-missing',
    'operations/things.ts',
    "t.integer({ title: 'Count', description: 'How many to make.', format: 'int32' })",
    "t.integer({ title: 'Count', description: 'How many to make.' })",
    { marker: "t.integer({ title: 'Count'" },
  ),
  mistake(
    'body property: an empty enum value',
    'enum-empty-value',
    'operations/widgets.ts',
    "label: t.string({ title: 'Label', description: 'The new label.' }),",
    "label: t.string({ title: 'Label', description: 'The new label.', enum: ['', 'red', 'blue'] }),",
    { marker: "enum: ['', 'red', 'blue']" },
  ),
  mistake(
    'GET with a body',
    'body-on-get',
    'operations/things.ts',
    '  params: { workspace, thing_id: thingId },',
    "  params: { workspace, thing_id: thingId },\n  body: t.object({ fields: t.string({ title: 'Fields', description: 'Fields to return.' }) }),",
    { marker: 'body: t.object({ fields' },
  ),
  mistake(
    'summary with restricted characters',
    'summary-restricted-characters',
    'operations/things.ts',
    "summary: 'Create a thing',",
    "summary: 'Create a thing/widget',",
    { marker: "summary: 'Create a thing/widget'" },
  ),
  mistake(
    'response schema shared by 3 operations with an empty enum value',
    'enum-empty-value',
    'schemas.ts',
    "format: 'date-time' }),",
    "format: 'date-time' }),\n  kind: t.string({ title: 'Kind', description: 'The kind.', enum: ['', 'big'] }),",
    { marker: 'kind: t.string', sharedBy: 3 },
  ),
];

/** Writes the base connector into <root>/<id>/ with `m` applied; returns the connector folder. */
export function writeMistake(root: string, id: string, m?: AuthorMistake): string {
  const dir = path.join(root, id);
  const files: Record<string, string | undefined> = { ...BASE, ...(m?.files ?? {}) };
  for (const gone of m?.remove ?? []) {
    if (!(gone in BASE)) throw new Error(`no base file ${gone}`);
    files[gone] = undefined;
  }
  for (const [rel, text] of Object.entries(files)) {
    if (text === undefined) continue;
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return dir;
}
