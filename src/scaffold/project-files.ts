/**
 * What `pcdk init` writes, as data: the files of a new connector project (relative path -> text)
 * and the merge of pcdk's scripts and dependency into a package.json that already exists. No
 * file system here: the command decides what to keep, this module only says what the project
 * should hold, so the same inputs always give the same bytes.
 */
import { DESCRIPTOR_COMPILER_OPTIONS } from '../project/compiler-options';
import { INDEPENDENT_PUBLISHER_COLOR } from '../swagger/api-properties';
import { RESTRICTED_TITLE_WORDS as CERTIFICATION_RESTRICTED } from '../validate/certification/info-rules';

export interface ScaffoldInput {
  /** The connector id: definitions/<id>/, dist/<id>/. */
  id: string;
  /** package.json "name". */
  packageName: string;
  /** The running pcdk's version; the project depends on `^<version>`. */
  pcdkVersion: string;
  /** The folder holding <id>/connector.ts, relative to the project, forward slashes (default `definitions`). */
  definitions?: string;
  /** Where each of pcdk's scripts lives in package.json, when a merge moved one (default: its own name). */
  scriptNames?: Partial<ScriptNames>;
}

export type ScriptKey = 'build' | 'validate' | 'pack' | 'test';
export type ScriptNames = Record<ScriptKey, string>;

/** A connector id as `pcdk build` accepts it (descriptor rule connector-id-invalid). */
export const CONNECTOR_ID = /^[a-z][a-z0-9-]{0,63}$/;
export const CONNECTOR_ID_RULE = 'lower-case letters, digits and dashes, starting with a letter, at most 64 characters';
export const DEFAULT_ID = 'my-connector';

/** The operation the scaffold's connector declares, and so the one its recording is for. */
const OPERATION_ID = 'GetStatus';
const RECORDING_LABEL = '01-documented-example';

/** The id a folder name suggests: `My Connector_2` -> `my-connector-2`; the default when nothing is left. */
export function connectorIdFrom(folderName: string): string {
  const id = folderName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return CONNECTOR_ID.test(id) ? id : DEFAULT_ID;
}

/** An npm package name from a folder name (lower case, URL-safe, not starting with . or _), else `fallback`. */
export function packageNameFrom(folderName: string, fallback: string): string {
  const name = folderName
    .toLowerCase()
    .replace(/[^a-z0-9._~-]+/g, '-')
    .replace(/^[._~-]+/, '')
    .slice(0, 214)
    .replace(/-+$/, '');
  return name || fallback;
}

/** Words certification rejects in a title: `weather-api` must not become "Weather Api". */
const RESTRICTED_TITLE_WORDS = CERTIFICATION_RESTRICTED.map((w) => w.toLowerCase());
const FALLBACK_TITLE = 'My Service';

/**
 * The connector's display title: its id's words capitalized, without the words certification
 * rejects, cut at a word so it stays within the 30 characters allowed (and so ends with a
 * letter or digit).
 */
export function titleFrom(id: string): string {
  let text = ` ${id.split('-').filter(Boolean).join(' ')} `;
  // Spaces around every word, so a phrase matches whole words only; `api api` needs two passes.
  for (const phrase of RESTRICTED_TITLE_WORDS)
    while (text.includes(` ${phrase} `)) text = text.replace(` ${phrase} `, ' ');
  const words = text
    .split(' ')
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1));
  if (words.length === 0) return FALLBACK_TITLE;
  let title = '';
  for (const w of words) {
    const next = title ? `${title} ${w}` : w;
    if (next.length > 30) break;
    title = next;
  }
  return title || words[0]!.slice(0, 30);
}

export function defaultScriptNames(): ScriptNames {
  return { build: 'build', validate: 'validate', pack: 'pack', test: 'test' };
}

/** pcdk's scripts for a connector, in the order they are added. */
export function scriptCommands(id: string): Record<ScriptKey, string> {
  return {
    build: `pcdk build ${id}`,
    validate: `pcdk validate ${id}`,
    pack: `pcdk pack ${id}`,
    test: `pcdk build ${id} && pcdk validate ${id} && pcdk recordings check ${id}`,
  };
}

/** The recording's file name inside definitions/<id>/recordings/ (docs/recordings.md). */
export function recordingFileName(): string {
  return `${OPERATION_ID}.${RECORDING_LABEL}.json`;
}

/** Every file of a new project, in the order they are reported. Paths are relative, forward slashes. */
export function scaffoldFiles(input: ScaffoldInput): Map<string, string> {
  const defs = input.definitions ?? 'definitions';
  const dir = `${defs}/${input.id}`;
  return new Map([
    ['package.json', packageJsonFile(input)],
    ['tsconfig.json', tsconfigFile(defs)],
    ['.gitignore', 'node_modules/\ndist/\n'],
    ['README.md', readmeFile(input, dir)],
    [`${dir}/connector.ts`, connectorFile(input.id)],
    [`${dir}/recordings/${recordingFileName()}`, recordingFile()],
  ]);
}

/** The files that belong to the connector itself (kept together: a recording without its operation fails the check). */
export function isConnectorFile(rel: string, input: Pick<ScaffoldInput, 'id' | 'definitions'>): boolean {
  return rel.startsWith(`${input.definitions ?? 'definitions'}/${input.id}/`);
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function packageJsonFile(input: ScaffoldInput): string {
  const names = { ...defaultScriptNames(), ...input.scriptNames };
  const commands = scriptCommands(input.id);
  const scripts: Record<string, string> = {};
  for (const key of Object.keys(commands) as ScriptKey[]) scripts[names[key]] = commands[key];
  return json({
    name: input.packageName,
    version: '0.1.0',
    private: true,
    scripts,
    devDependencies: { pcdk: `^${input.pcdkVersion}` },
  });
}

/** What `pcdk build` type-checks the descriptors with (the build's own defaults), written out. */
function tsconfigFile(defs: string): string {
  return json({ compilerOptions: { ...DESCRIPTOR_COMPILER_OPTIONS, noEmit: true }, include: [defs] });
}

/**
 * A connector that passes every check out of the box: one GET operation, an API key in a
 * header, placeholders for what only the author knows. The comments teach the next step.
 */
function connectorFile(id: string): string {
  const title = titleFrom(id);
  const secretEnv = `${id.toUpperCase().replace(/-/g, '_')}_API_SECRET`;
  return `/**
 * The ${title} connector. Everything pcdk writes (the swagger, apiProperties.json, the readme,
 * the docs page and a typed client in dist/${id}/) comes from the values in this file.
 *
 * Start by replacing the placeholders (host, contact, metadata, auth) with your API's, then add
 * operations. \`npm run build\` checks every field; each finding names the field and how to fix it.
 */
import { defineConnector, operation, t } from 'pcdk';

/**
 * One action. Its \`id\` is the operationId: flows call the action by it, so never change it once
 * the connector is published. \`path\` is relative to the connector's basePath.
 */
export const getStatus = operation({
  id: '${OPERATION_ID}',
  method: 'get',
  path: '/status',
  summary: 'Get status',
  description: 'Checks that the service is up and returns its status.',
  // Schemas are built with t.*: t.partial makes every property optional (the shape of most API
  // responses); t.object makes them required unless wrapped in t.optional(...). Every property
  // needs a title (its label in the designer) and a description.
  responses: {
    200: t.partial({
      status: t.string({ title: 'Status', description: 'The status of the service.' }),
      version: t.string({ title: 'Version', description: 'The version of the service.' }),
    }),
  },
});

// Next: add an operation. Write it like getStatus, export it, and list it in \`operations\` below.
// Inputs go in \`params\` (add \`path\` and \`query\` to the import from 'pcdk'); a JSON body goes in
// \`body\` (post, put and patch only). A parameter can be a dropdown filled by another operation:
//
//   export const getItem = operation({
//     id: 'GetItem',
//     method: 'get',
//     path: '/items/{item_id}',
//     summary: 'Get item',
//     description: 'Retrieves one item.',
//     params: {
//       // \`from\` is an operation of this connector that lists items as { items: [{ id, name }] }.
//       item_id: path(t.string({ title: 'Item', description: 'The item to get.' }), {
//         dynamicValues: { from: listItems, collection: 'items', value: 'id', title: 'name' },
//       }),
//       details: query(t.boolean({ title: 'Details', description: 'Whether to include the details.' })),
//     },
//     responses: { 200: t.partial({ name: t.string({ title: 'Name', description: 'The name.' }) }) },
//   });
//
// Then record a real exchange for it (the key is read from ${secretEnv} and redacted):
//
//   npx pcdk recordings record ${id} GetItem --param item_id=1

export default defineConnector({
  // The folder under definitions/ and dist/.
  id: '${id}',
  // What users see: at most 30 characters, ending with a letter or a digit.
  title: '${title}',
  // 30 to 500 characters: what the service is and what the connector lets flows do with it.
  description: '${title} connects Power Automate and Power Apps to the ${title} API. Replace this text with what the service does.',
  version: '1.0',
  // Requests go to https://<host><basePath><operation path>: https://api.example.com/v1/status.
  host: 'api.example.com',
  basePath: '/v1',
  schemes: ['https'],
  contact: { name: 'Your Name', url: 'https://www.example.com', email: 'you@example.com' },
  // One or two of the categories certification accepts (CATEGORIES, exported by 'pcdk').
  metadata: { website: 'https://www.example.com', privacyPolicy: 'https://www.example.com/privacy', categories: ['Data'] },
  publisher: 'Your Name',
  stackOwner: '${title}',
  iconBrandColor: '${INDEPENDENT_PUBLISHER_COLOR}',
  // The connection asks for an API key and sends it in the X-API-Key header of every call. For an
  // open API write { type: 'none' }; for a key in the query string, in: 'query'.
  auth: {
    type: 'apiKey',
    parameter: 'api_key',
    securityName: 'API Key',
    in: 'header',
    name: 'X-API-Key',
    ui: {
      displayName: 'API Key',
      description: 'The API key for the ${title} API',
      tooltip: 'Provide your API key',
    },
  },
  operations: [getStatus],
  // Sections of dist/${id}/connector/readme.md that cannot be derived from the operations.
  readme: {
    prerequisites: 'An account with ${title}.',
    obtainingCredentials: 'Create an API key in your ${title} account settings.',
    knownIssues: 'None yet.',
  },
});
`;
}

/** An example exchange in the documented format, so \`pcdk recordings check\` and \`pcdk serve\` work from the start. */
function recordingFile(): string {
  return json({
    operationId: OPERATION_ID,
    source: 'pcdk init: an example of the format; replace it with a real exchange (pcdk recordings record)',
    kind: 'documented-example',
    request: {
      method: 'GET',
      path: '/v1/status',
      query: {},
      headers: { 'X-API-Key': '[REDACTED]' },
      body: null,
    },
    response: {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
      body: { status: 'ok', version: '1.0.0' },
    },
  });
}

function readmeFile(input: ScaffoldInput, dir: string): string {
  const { id } = input;
  const names = { ...defaultScriptNames(), ...input.scriptNames };
  const run = (key: ScriptKey) => (names[key] === 'test' ? 'npm test' : `npm run ${names[key]}`);
  return `# ${input.packageName}

A Power Platform custom connector written as TypeScript with [pcdk](https://www.npmjs.com/package/pcdk).

## Commands

\`\`\`sh
npm install                        # once: installs pcdk
${pad(run('build'))}# pcdk build ${id}: type-check and validate, write dist/${id}/
${pad(run('validate'))}# pcdk validate ${id}: certification rules on the built connector
${pad(run('test'))}# build, validate and check the recordings
${pad(run('pack'))}# pcdk pack ${id}: connector.zip, solution and more in dist/${id}/packages/
${pad(`npx pcdk build ${id}`)}# the same as the build script; add --no-typecheck while types are broken
${pad(`npx pcdk serve ${id}`)}# a replay server on 127.0.0.1:4010 answering from the recordings
\`\`\`

With \`npx pcdk serve ${id}\` running, \`curl -H 'X-API-Key: any' http://127.0.0.1:4010/v1/status\`
answers from the recording.

## Where things live

| Path | What it is |
|---|---|
| \`${dir}/connector.ts\` | the connector: its operations, connection and metadata |
| \`${dir}/recordings/\` | recorded HTTP exchanges, one JSON file each, checked against the operations |
| \`dist/${id}/connector/\` | what \`paconn create --settings settings.json\` uploads (built, not committed) |
| \`dist/${id}/reference.md\` | the connector's docs page |
| \`dist/${id}/client/\` | a typed Node client for the API |
| \`tsconfig.json\` | the settings \`pcdk build\` type-checks the descriptors with |

## Next steps

1. Replace the placeholders in \`${dir}/connector.ts\` (host, contact, metadata, auth) with your API's.
2. Add operations: the comments in \`connector.ts\` show one with parameters and a dropdown.
3. Record a real exchange for each operation, then delete the example recording:
   \`${id.toUpperCase().replace(/-/g, '_')}_API_SECRET=... npx pcdk recordings record ${id} ${OPERATION_ID}\`.
`;
}

/** Aligns the comments of the README's command block. */
function pad(command: string): string {
  return command.length >= 35 ? `${command} ` : command.padEnd(35);
}

// ---- merging into an existing package.json ----

/** The existing package.json cannot take pcdk's additions (wrong shape); the message says which key. */
export class PackageJsonShapeError extends Error {
  override name = 'PackageJsonShapeError';
}

type JsonObject = Record<string, unknown>;

export interface PackageMerge {
  /** The merged package.json: every existing key in its place, new keys appended. */
  pkg: JsonObject;
  /** Where each of pcdk's scripts lives (its own name, another free name, or an existing script with the same command). */
  scriptNames: ScriptNames;
  /** The scripts added, in order. */
  addedScripts: string[];
  /** pcdk's scripts whose name was taken by a different script of the project (kept as it was). */
  keptScripts: string[];
  /** Whether `pcdk` was added to devDependencies. */
  addedDependency: boolean;
  changed: boolean;
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * pcdk's scripts and dev dependency added to an existing package.json. Nothing is dropped or
 * overwritten: a script name the project already uses keeps its command, and pcdk's goes under
 * the first free name (`pcdk:build`, `pcdk:build:2`, ...); a script that already runs pcdk's
 * command is reused. name, version and private are left alone: adding `private` to a published
 * package would stop its next release.
 */
export function mergePackageJson(existing: unknown, input: Pick<ScaffoldInput, 'id' | 'pcdkVersion'>): PackageMerge {
  if (!isObject(existing)) throw new PackageJsonShapeError('must hold a JSON object');
  for (const key of ['scripts', 'dependencies', 'devDependencies']) {
    if (existing[key] !== undefined && !isObject(existing[key]))
      throw new PackageJsonShapeError(`"${key}" must be an object`);
  }
  const scripts: JsonObject = { ...(existing.scripts as JsonObject | undefined) };
  const names = defaultScriptNames();
  const addedScripts: string[] = [];
  const keptScripts: string[] = [];
  const commands = scriptCommands(input.id);
  for (const key of Object.keys(commands) as ScriptKey[]) {
    const command = commands[key];
    const same = Object.keys(scripts).find((n) => scripts[n] === command);
    if (same !== undefined) {
      names[key] = same;
      continue;
    }
    if (key in scripts) keptScripts.push(key);
    names[key] = freeName(key, scripts);
    scripts[names[key]] = command;
    addedScripts.push(names[key]);
  }

  const has = (deps: unknown) => isObject(deps) && 'pcdk' in deps;
  const addedDependency = !has(existing.dependencies) && !has(existing.devDependencies);
  const pkg: JsonObject = { ...existing };
  if (addedScripts.length > 0) pkg.scripts = scripts;
  if (addedDependency)
    pkg.devDependencies = { ...(existing.devDependencies as JsonObject | undefined), pcdk: `^${input.pcdkVersion}` };
  return {
    pkg,
    scriptNames: names,
    addedScripts,
    keptScripts,
    addedDependency,
    changed: addedScripts.length > 0 || addedDependency,
  };
}

function freeName(name: string, taken: JsonObject): string {
  if (!(name in taken)) return name;
  if (!(`pcdk:${name}` in taken)) return `pcdk:${name}`;
  for (let n = 2; ; n++) if (!(`pcdk:${name}:${n}` in taken)) return `pcdk:${name}:${n}`;
}

/** How an existing JSON file is laid out, so a rewrite changes only what was added. */
export interface JsonStyle {
  indent: string;
  eol: '\n' | '\r\n';
  finalNewline: boolean;
}

export function jsonStyleOf(text: string): JsonStyle {
  const indent = /^[{[][ \t]*\r?\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  return { indent, eol: text.includes('\r\n') ? '\r\n' : '\n', finalNewline: /\n$/.test(text) || text === '' };
}

export function jsonTextIn(value: unknown, style: JsonStyle): string {
  const text = JSON.stringify(value, null, style.indent).replace(/\n/g, style.eol);
  return style.finalNewline ? `${text}${style.eol}` : text;
}
