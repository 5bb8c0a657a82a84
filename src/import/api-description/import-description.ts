/**
 * `pcdk import --api <file>`: an API's own description (OpenAPI 3.0 / 3.1, Swagger 2.0) in,
 * typed descriptor files for a new connector out, with a warning for every placeholder written and
 * every piece of information the conversion to Power Platform's Swagger 2.0 loses. Pure apart from
 * reading the one file: the caller writes the files.
 */
import * as path from 'node:path';
import type { Diagnostic } from '../../diagnostics';
import { UserError } from '../../errors';
import { connectorIdFrom } from '../../scaffold/project-files';
import { isObject, type JsonObject } from '../../swagger/found';
import { fileBaseFrom, NameScope } from '../names';
import { SchemaConverter, type Shape } from './convert-schema';
import {
  blankedPath,
  connectorDescriptionFrom,
  connectorTitleFrom,
  constNameFrom,
  operationDescriptionFrom,
  operationIdForRoute,
  operationIdFrom,
  pathPlaceholders,
  summaryFrom,
} from './derive-names';
import { apiImportDiagnostic, type ApiImportCode } from './diagnostics';
import { isPlainName } from '../../validate/certification/properties-rules';
import { chooseDepths, estimatedChars, MAX_SWAGGER_CHARS, SizeModel } from './fit-limits';
import { planOperation } from './plan-operation';
import { readApiDescription, type ApiDescription } from './read-description';
import { schemaPrefix } from './refs';
import { authFrom } from './security';
import { selectOperations, sourceOperations, type SourceOperation } from './select-operations';
import { serverTarget } from './servers';
import { writeDescriptorFiles, type WrittenOperation } from './write-files';

export interface ApiImportOptions {
  /** Connector id (default: from info.title, else the file name). */
  id?: string;
  tags?: readonly string[];
  operations?: readonly string[];
  /** Import specifier of the model: 'pcdk'. */
  modelImport?: string;
}

export interface ApiImportResult {
  id: string;
  files: Map<string, string>;
  diagnostics: Diagnostic[];
  operations: number;
  schemas: number;
  version: ApiDescription['version'];
}

/** A connector may have at most 256 operations (certification: TotalOperationsCountExceedsMaxAllowed). */
export const MAX_OPERATIONS = 256;

const PLACEHOLDER = {
  contact: { name: 'Your Name', url: 'https://www.example.com', email: 'you@example.com' },
  website: 'https://www.example.com',
  privacyPolicy: 'https://www.example.com/privacy',
  publisher: 'Your Name',
};

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const isHttpsUrl = (v: string | undefined): v is string => !!v && /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v);
const isEmail = (v: string | undefined): v is string => !!v && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v);

export function importApiDescriptionFile(file: string, opts: ApiImportOptions = {}): ApiImportResult {
  return importApiDescription(readApiDescription(file), opts);
}

export function importApiDescription(desc: ApiDescription, opts: ApiImportOptions = {}): ApiImportResult {
  const { doc, version, file } = desc;
  const info: JsonObject = isObject(doc.info) ? doc.info : {};
  const fileName = path.basename(file).replace(/\.(json|ya?ml)$/i, '');
  const id = opts.id ?? connectorIdFrom(str(info.title) ?? fileName);
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const warn = <C extends ApiImportCode>(
    code: C,
    args: Parameters<typeof apiImportDiagnostic<C>>[1],
    where: { operation?: string; pointer?: string } = {},
  ) => {
    const d = apiImportDiagnostic(code, args, { connector: id, file, ...where });
    const key = `${d.code}\0${d.message}\0${d.operation ?? ''}\0${d.pointer ?? ''}`;
    if (!seen.has(key)) {
      seen.add(key);
      diagnostics.push(d);
    }
  };

  // ---- shared schemas, converted on first use ----
  let currentOperation: string | undefined;
  const components: JsonObject =
    version === '2.0'
      ? isObject(doc.definitions)
        ? doc.definitions
        : {}
      : isObject(doc.components) && isObject(doc.components.schemas)
        ? doc.components.schemas
        : {};
  const built = new Map<string, Shape | 'building'>();
  const component = (name: string): Shape | undefined => {
    const have = built.get(name);
    if (have === 'building') return undefined;
    if (have) return have;
    if (!Object.hasOwn(components, name)) return undefined;
    built.set(name, 'building');
    // A shared schema's losses are reported at its own pointer, for whichever operation uses it.
    const outer = currentOperation;
    currentOperation = undefined;
    const pointer = `${schemaPrefix(version).slice(1)}${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const shape = converter.shape(components[name], pointer, new Set([`#${pointer}`]));
    currentOperation = outer;
    built.set(name, shape);
    return shape;
  };
  const converter = new SchemaConverter({
    doc,
    version,
    component,
    lost: (l) => warn('api-import-lossy', { what: l.what }, { operation: currentOperation, pointer: l.pointer }),
  });

  // ---- connector fields ----
  const { target, notes: serverNotes } = serverTarget(doc, version);
  if (serverNotes.variables) warn('api-import-server-variable', serverNotes.variables, { pointer: '/servers/0' });
  const title = connectorTitleFrom(str(info.title), connectorTitleFrom(id.replace(/-/g, ' '), 'My Service'));
  if (str(info.title) && title !== str(info.title))
    warn('api-import-renamed', { what: 'the title', from: str(info.title)!, to: title }, { pointer: '/info/title' });
  const description = connectorDescriptionFrom(str(info.description), title);
  const auth = authFrom(doc, version, { id, title, origin: target.origin });
  for (const n of auth.notes) warn('api-import-auth', { what: n });

  const placeholders: string[] = [];
  if (serverNotes.placeholder) placeholders.push('the host (an absolute server URL)');
  const contactIn: JsonObject = isObject(info.contact) ? info.contact : {};
  const contact = {
    name: str(contactIn.name) ?? PLACEHOLDER.contact.name,
    url: isHttpsUrl(str(contactIn.url)) ? str(contactIn.url)! : PLACEHOLDER.contact.url,
    email: isEmail(str(contactIn.email)) ? str(contactIn.email)! : PLACEHOLDER.contact.email,
  };
  if (!str(contactIn.name) || !isHttpsUrl(str(contactIn.url)) || !isEmail(str(contactIn.email)))
    placeholders.push('the contact (name, url, email)');
  const externalDocs = isObject(doc.externalDocs) ? str(doc.externalDocs.url) : undefined;
  const website = [externalDocs, str(contactIn.url), target.origin].find(isHttpsUrl) ?? PLACEHOLDER.website;
  if (website === PLACEHOLDER.website) placeholders.push('the website');
  placeholders.push('the privacy policy URL', 'the categories', 'the publisher', 'the readme sections');
  if (str(info.description) === undefined || description.length < 30) placeholders.push('a description');

  // ---- operations ----
  const selected = selectOperations(sourceOperations(doc), file, { tags: opts.tags, operations: opts.operations });
  if (selected.length > MAX_OPERATIONS) {
    const byTag = new Map<string, number>();
    for (const o of selected)
      for (const t of o.tags.length ? o.tags : ['(untagged)']) byTag.set(t, (byTag.get(t) ?? 0) + 1);
    const tags = [...byTag].map(([t, n]) => `${t} (${n})`).join(', ');
    throw new UserError(
      `${file}: ${selected.length} operations; a connector may have at most ${MAX_OPERATIONS}: narrow the import with --tags or --operations (tags: ${tags})`,
    );
  }
  const ids = new NameScope();
  const routes = new Set<string>();
  const byLowerCase = new Map<string, string>();
  // Why operations were left out, counted: the error when none is left says so.
  const skippedFor = new Map<string, number>();
  const written: WrittenOperation[] = [];
  const common = commonPrefix(selected);
  for (const src of selected) {
    const label = src.sourceId ?? `${src.method.toUpperCase()} ${src.path}`;
    const route = `${src.method} ${blankedPath(src.path.toLowerCase())}`;
    // Paths Power Platform would take for one (PathRedefined: equal but for letter case): where
    // only placeholders differ, this one is written as the first (leftOutBecause checks the rest).
    const first = byLowerCase.get(src.path.toLowerCase());
    const pathAs = first !== undefined && first !== src.path ? first : undefined;
    const why = leftOutBecause(src.path, routes.has(route), pathAs);
    if (why !== undefined) {
      warn('api-import-skipped', { what: `operation ${label}`, reason: why }, { pointer: src.pointer });
      skippedFor.set(why, (skippedFor.get(why) ?? 0) + 1);
      continue;
    }
    if (first === undefined) byLowerCase.set(src.path.toLowerCase(), src.path);
    routes.add(route);
    const wanted = src.sourceId ? operationIdFrom(src.sourceId) : operationIdForRoute(src.method, src.path);
    const opId = ids.claim(wanted);
    // Only an upper-cased first letter (getPet -> GetPet) is not worth a warning: the id reads the same.
    if (src.sourceId && opId.toLowerCase() !== src.sourceId.toLowerCase())
      warn(
        'api-import-renamed',
        { what: 'the operationId', from: src.sourceId, to: opId },
        { operation: opId, pointer: src.pointer },
      );
    currentOperation = opId;
    const summary = summaryFrom(str(src.op.summary), opId);
    // A closing period is dropped without a word: the summary reads the same.
    if (str(src.op.summary) && summary !== str(src.op.summary)!.replace(/[\s.!,;:]+$/, ''))
      warn(
        'api-import-renamed',
        { what: 'the summary', from: str(src.op.summary)!, to: summary },
        { operation: opId, pointer: `${src.pointer}/summary` },
      );
    const plan = planOperation(src, {
      doc,
      version,
      converter,
      component,
      credentials: auth.credentials,
      skipped: (what, reason, pointer) => warn('api-import-skipped', { what, reason }, { operation: opId, pointer }),
      lost: (what, pointer) => warn('api-import-lossy', { what }, { operation: opId, pointer }),
      renamed: (what, from, to, pointer) =>
        warn('api-import-renamed', { what, from, to }, { operation: opId, pointer }),
      ...(pathAs !== undefined ? { pathAs } : {}),
    });
    currentOperation = undefined;
    written.push({
      id: opId,
      constName: constNameFrom(opId),
      group: src.tags[0] ?? groupFromPath(src.path, common),
      method: src.method,
      path: plan.path ?? src.path,
      summary,
      description: operationDescriptionFrom(str(src.op.description), summary, src.method, plan.path ?? src.path),
      tags: src.tags,
      deprecated: src.op.deprecated === true,
      plan,
    });
  }
  if (written.length === 0) {
    // Say why, by reason: the warnings that name each operation are not printed when nothing is written.
    const why = [...skippedFor].map(([reason, n]) => `${n} because ${reason}`).join('; ');
    throw new UserError(`${file}: no operation could be imported${why ? ` (${why})` : ''}`);
  }

  fitLimits(written, component, warn);

  // Shared schemas the written operations use, and the ones those use, all converted by now.
  const used = new Map<string, Shape>();
  const collect = (s: Shape | undefined): void => {
    if (!s) return;
    if (s.kind === 'ref' && !used.has(s.ref!)) {
      const target = component(s.ref!);
      if (target) {
        used.set(s.ref!, target);
        collect(target);
      }
    }
    collect(s.items);
    collect(s.values);
    for (const [, p] of s.properties ?? []) collect(p);
  };
  for (const op of written) {
    for (const p of op.plan.params) collect(p.shape);
    collect(op.plan.body);
    for (const r of op.plan.responses) collect(r.schema);
  }

  warn('api-import-placeholder', { fields: placeholders.join(', ') }, { pointer: '/info' });
  const files = writeDescriptorFiles({
    sourceName: path.basename(file),
    modelImport: opts.modelImport ?? 'pcdk',
    components: used,
    operations: written,
    onCut: (name) =>
      warn('api-import-recursive-schema', { name }, { pointer: `${schemaPrefix(version).slice(1)}${name}` }),
    connector: {
      id,
      title,
      description,
      version: str(info.version) ?? '1.0',
      host: target.host,
      basePath: target.basePath,
      schemes: target.schemes,
      contact,
      metadata: { website, privacyPolicy: PLACEHOLDER.privacyPolicy, categories: ['Data'] },
      publisher: PLACEHOLDER.publisher,
      // The contact's name when it is one (some are an address or a sentence), else the title.
      stackOwner: ownerName(str(contactIn.name)) ?? title,
      auth: auth.code,
      authUses: auth.uses,
      readme: {
        prerequisites: `An account with ${title}.`,
        obtainingCredentials: `Sign in to ${title} to obtain the credentials the connection asks for.`,
        knownIssues: 'None yet.',
      },
    },
  });
  return { id, files, diagnostics, operations: written.length, schemas: used.size, version };
}

/** How many leading static path segments every selected path shares (`/api/v5/...`): not a resource name. */
function commonPrefix(ops: readonly SourceOperation[]): number {
  const split = ops.map((o) => o.path.split('/').filter((s) => s && !s.includes('{')));
  let n = 0;
  while (split.length > 0 && split.every((s) => s.length > n + 1 && s[n] === split[0]![n])) n++;
  return n;
}

function groupFromPath(p: string, skip: number): string {
  const segs = p.split('/').filter((s) => s && !s.includes('{'));
  return fileBaseFrom(segs[skip] ?? segs[0] ?? 'root');
}

/** Cuts deep nesting where an operation would exceed Power Platform's size limits (fit-limits.ts), with a warning each. */
function fitLimits(
  written: WrittenOperation[],
  component: (name: string) => Shape | undefined,
  warn: (code: 'api-import-lossy', args: { what: string }, where: { operation?: string; pointer?: string }) => void,
): void {
  const model = new SizeModel(component);
  const sized = written.map((op) => ({
    body: op.plan.body,
    response: op.plan.responses.find((r) => r.schema)?.schema,
  }));
  // What the estimate does not model: each operation's own keys and parameters, and the document root.
  const overhead = 4000 + written.reduce((n, op) => n + 600 + op.plan.params.length * 350, 0);
  const choices = chooseDepths(sized, model, overhead);
  // One warning per kind of cut, naming the operations: a large API would otherwise print one per operation.
  const cut = { body: new Map<number, string[]>(), response: new Map<number, string[]>() };
  written.forEach((op, i) => {
    const c = choices[i]!;
    if (c.body !== undefined && op.plan.body) {
      op.plan.body = model.cut(op.plan.body, c.body);
      cut.body.set(c.body, [...(cut.body.get(c.body) ?? []), op.id]);
    }
    const typed = op.plan.responses.find((r) => r.schema);
    if (c.response !== undefined && typed?.schema) {
      typed.schema = model.cut(typed.schema, c.response);
      cut.response.set(c.response, [...(cut.response.get(c.response) ?? []), op.id]);
    }
  });
  const names = (ids: string[]) =>
    ids.length > 12 ? `${ids.slice(0, 12).join(', ')} and ${ids.length - 12} more` : ids.join(', ');
  for (const [depth, ids] of cut.body)
    warn(
      'api-import-lossy',
      {
        what: `the request bodies of ${names(ids)} nest too deep for Power Platform's limits (512 schemas per body, a 1 MB swagger): levels below ${depth} are free-form objects`,
      },
      ids.length === 1 ? { operation: ids[0] } : {},
    );
  for (const [depth, ids] of cut.response)
    warn(
      'api-import-lossy',
      {
        what: `the responses of ${names(ids)} nest too deep for the 1 MB swagger limit: levels below ${depth} are free-form objects`,
      },
      ids.length === 1 ? { operation: ids[0] } : {},
    );
  const estimate = estimatedChars(sized, choices, model, overhead);
  if (estimate > MAX_SWAGGER_CHARS)
    warn(
      'api-import-lossy',
      {
        what: `the swagger will be about ${Math.round(estimate / 1000)} kB even with nesting cut; Power Platform takes at most 1 MB: narrow the import with --tags or --operations`,
      },
      {},
    );
}

/** A contact name fit for stackOwner (certification's plain-name rule), trimmed; undefined otherwise. */
function ownerName(name: string | undefined): string | undefined {
  const n = name?.trim().replace(/\s+/g, ' ');
  return n && isPlainName(n) ? n : undefined;
}

/** Why an operation at `path` cannot be written (`taken`: its method and template are), or undefined. */
function leftOutBecause(path: string, taken: boolean, pathAs: string | undefined): string | undefined {
  if (taken) return 'another operation has the same method and path template';
  // AWS's JSON-RPC descriptions name actions as "/#X-Amz-Target=...", which no URL template can say.
  if (!path.startsWith('/') || /[?#*]/.test(path) || /\{[^}]*[/{][^}]*\}|\{\}/.test(path))
    return 'its path is not a URL template (it holds "?", "#" or "*", or an empty or unclosed {})';
  // Swagger 2.0 (and swagger-parser) refuse a template naming one parameter twice.
  const names = pathPlaceholders(path);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) return `its path names {${twice}} twice, which Swagger 2.0 does not allow`;
  // Literal text differing only in case cannot be renamed away: the URL would change.
  if (pathAs !== undefined && blankedPath(pathAs) !== blankedPath(path))
    return `its path differs from ${pathAs} only in letter case, which Power Platform takes for the same path`;
  return undefined;
}
