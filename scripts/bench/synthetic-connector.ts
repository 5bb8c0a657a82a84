/**
 * Writes a synthetic connector of any size (up to the certification limit of 256 operations) as
 * an author would: definitions/<id>/connector.ts, a schemas.ts of shared shapes, and one
 * operations/<resource>.ts per resource, through pcdk's public API in ConvertKit's style (path,
 * query and header parameters, object bodies, paged lists, a dropdown fed by the list, a 204).
 *
 * Operations come in resources of six (list, create, get, update, delete, archive), so every size
 * has the same mix: per-operation costs measured at 27, 100 and 256 operations compare like with
 * like. The output is a pure function of the size, so every run builds the same source.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Certification rejects a connector with more operations than this. */
export const MAX_OPERATIONS = 256;

const NOUNS: readonly [string, string][] = [
  ['project', 'projects'],
  ['task', 'tasks'],
  ['invoice', 'invoices'],
  ['customer', 'customers'],
  ['order', 'orders'],
  ['product', 'products'],
  ['ticket', 'tickets'],
  ['contact', 'contacts'],
  ['campaign', 'campaigns'],
  ['report', 'reports'],
  ['webhook', 'webhooks'],
  ['document', 'documents'],
  ['meeting', 'meetings'],
  ['vendor', 'vendors'],
  ['shipment', 'shipments'],
  ['payment', 'payments'],
];

const KINDS = ['list', 'create', 'get', 'update', 'delete', 'archive'] as const;
type Kind = (typeof KINDS)[number];

interface Resource {
  /** snake_case singular, e.g. `project` or `project_2`. */
  one: string;
  /** snake_case plural: the path segment and the list's items key. */
  many: string;
  /** Words for summaries and titles: `project 2`. */
  words: string;
  /** PascalCase singular: the operationId stem. */
  pascal: string;
  /** PascalCase plural: the list's client name stem. */
  pascalMany: string;
  kinds: readonly Kind[];
}

const pascal = (snake: string) =>
  snake
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Resource k: the nouns in order, then again with a generation number (project_2, ...). */
function resourceAt(k: number, kinds: readonly Kind[]): Resource {
  const [one, many] = NOUNS[k % NOUNS.length]!;
  const gen = Math.floor(k / NOUNS.length) + 1;
  const suffix = gen === 1 ? '' : `_${gen}`;
  const wordSuffix = gen === 1 ? '' : ` ${gen}`;
  return {
    one: `${one}${suffix}`,
    many: `${many}${suffix}`,
    words: `${one}${wordSuffix}`,
    pascal: pascal(`${one}${suffix}`),
    pascalMany: pascal(`${many}${suffix}`),
    kinds,
  };
}

function resources(operations: number): Resource[] {
  const out: Resource[] = [];
  for (let left = operations, k = 0; left > 0; left -= KINDS.length, k++)
    out.push(resourceAt(k, KINDS.slice(0, Math.min(left, KINDS.length))));
  return out;
}

/** The exported const (and client method) name of one operation. */
function constName(r: Resource, kind: Kind): string {
  return kind === 'list' ? `list${r.pascalMany}` : `${kind}${r.pascal}`;
}

const SCHEMAS = `/** Shapes shared by every resource, as an API's common envelope would be. */
import { t, type Pagination, type TSchema } from 'pcdk';

export const id = t.id({ title: 'ID', description: 'The unique identifier.' });
export const name = t.string({ title: 'Name', description: 'The name.' });
export const createdAt = t.string({ title: 'Created At', description: 'When created.', format: 'date-time' });
export const updatedAt = t.string({ title: 'Updated At', description: 'When last updated.', format: 'date-time' });
export const status = t.string({
  title: 'Status',
  description: 'The status.',
  enum: ['active', 'archived', 'draft'],
});
export const page = t.integer({ format: 'int32', title: 'Page', description: 'The page.' });
export const owner = t.partial(
  {
    id,
    email: t.string({ title: 'Email', description: 'The owner email address.', format: 'email' }),
    display_name: t.string({ title: 'Display Name', description: 'The display name.', nullable: true }),
  },
  { title: 'Owner' },
);
export const labels = t.array(t.string({ title: 'Label', description: 'A label.' }), {
  title: 'Labels',
  description: 'The labels.',
});

/** One page of a list: the items under \`items\`, with the page counters beside them. */
export function pageOf<S extends TSchema>(items: string, item: S) {
  return t.partial({
    total: t.integer({ format: 'int32', title: 'Total', description: 'The total count.' }),
    page,
    total_pages: t.integer({ format: 'int32', title: 'Total Pages', description: 'The total pages.' }),
    [items]: t.array(item, { title: 'Items' }),
  });
}

export function pagesOf(items: string): Pagination {
  return { style: 'page-number', pageParam: 'page', itemsPath: items, totalPagesPath: 'total_pages' };
}
`;

const SHARED_PARAMS = `import { header, query, t } from 'pcdk';
import { page } from '../schemas';

/** Query parameters every list takes. */
export const listParams = {
  page: query(page, { visibility: 'advanced' }),
  per_page: query(t.integer({ format: 'int32', title: 'Per Page', description: 'Items per page.', default: 50 }), {
    visibility: 'advanced',
  }),
  sort_order: query(
    t.string({ title: 'Sort Order', description: 'The sort order.', enum: ['asc', 'desc'], default: 'asc' }),
    { visibility: 'advanced' },
  ),
};

/** Correlates a call with the service's logs. */
export const requestId = header(t.string({ title: 'Request ID', description: 'A client-chosen request id.' }), {
  visibility: 'internal',
});
`;

function operationsFile(r: Resource, k: number): string {
  const w = r.words;
  const idParam = `${r.one}_id`;
  const lines: string[] = [];
  lines.push(`import { operation, path, query, response, t } from 'pcdk';`);
  const shared = ['createdAt', 'id', 'labels', 'name', ...(k % 2 === 1 ? ['owner'] : []), 'pageOf', 'pagesOf'];
  lines.push(`import { ${[...shared, 'status', 'updatedAt'].join(', ')} } from '../schemas';`);
  lines.push(`import { listParams, requestId } from './shared';`);
  lines.push('');
  // Each resource's item differs a little (k picks a field set), as real resources do.
  lines.push(`/** A ${w} as the API returns it. */`);
  lines.push(`export const ${r.one} = t.partial(`);
  lines.push('  {');
  lines.push('    id,');
  lines.push('    name,');
  lines.push('    status,');
  if (k % 2 === 1) lines.push('    owner,');
  lines.push('    labels,');
  lines.push('    created_at: createdAt,');
  lines.push('    updated_at: updatedAt,');
  lines.push(
    `    description: t.string({ title: 'Description', description: 'The ${w} description.', nullable: true }),`,
  );
  if (k % 2 === 0)
    lines.push(`    amount: t.number({ format: 'double', title: 'Amount', description: 'The ${w} amount.' }),`);
  if (k % 3 === 0)
    lines.push(
      `    metadata: t.record(t.string(), { title: 'Metadata', description: 'Free-form metadata of the ${w}.' }),`,
    );
  if (k % 3 === 1)
    lines.push(
      `    position: t.integer({ format: 'int32', title: 'Position', description: 'The ${w} position.', minimum: 0 }),`,
    );
  lines.push('  },');
  lines.push(`  { title: '${capital(w)}' },`);
  lines.push(');');
  lines.push('');
  lines.push(`/** The body of create and update. */`);
  lines.push(`const ${r.one}Input = {`);
  lines.push(`  name,`);
  lines.push(
    `  description: t.string({ title: 'Description', description: 'The ${w} description.', maxLength: 2000 }),`,
  );
  lines.push(`  labels,`);
  lines.push(
    `  owner_email: t.string({ title: 'Owner Email', description: 'The owner email address.', format: 'email' }),`,
  );
  lines.push('};');
  lines.push('');

  for (const kind of r.kinds) {
    const c = constName(r, kind);
    switch (kind) {
      case 'list':
        lines.push(`export const ${c} = operation({`);
        lines.push(`  id: '${r.pascal}List',`);
        lines.push(`  method: 'get',`);
        lines.push(`  path: '/${r.many}',`);
        lines.push(`  summary: 'List ${w}s',`);
        lines.push(`  description: 'Retrieves one page of the ${w}s in the workspace.',`);
        lines.push(`  params: {`);
        lines.push(`    ...listParams,`);
        lines.push(`    status: query(t.with(status, { description: 'Only ${w}s in this status.' })),`);
        lines.push(`    'X-Request-Id': requestId,`);
        lines.push(`  },`);
        lines.push(`  responses: { 200: pageOf('${r.many}', ${r.one}) },`);
        lines.push(`  pagination: pagesOf('${r.many}'),`);
        lines.push('});');
        lines.push('');
        lines.push(`/** ${idParam} as a dropdown of the workspace's ${w}s. */`);
        lines.push(
          `const ${r.one}Id = path(t.string({ title: '${capital(w)} ID', description: 'The ${w} unique identifier.' }), {`,
        );
        lines.push(`  visibility: 'important',`);
        lines.push(`  dynamicValues: { from: ${c}, collection: '${r.many}', value: 'id', title: 'name' },`);
        lines.push('});');
        break;
      case 'create':
        lines.push(`export const ${c} = operation({`);
        lines.push(`  id: '${r.pascal}Add',`);
        lines.push(`  method: 'post',`);
        lines.push(`  path: '/${r.many}',`);
        lines.push(`  summary: 'Create a ${w}',`);
        lines.push(`  description: 'Creates a ${w} and returns it.',`);
        lines.push(`  visibility: 'important',`);
        lines.push(`  params: { 'X-Request-Id': requestId },`);
        lines.push(
          `  body: t.object({ name, description: t.optional(${r.one}Input.description), labels: t.optional(labels) }),`,
        );
        lines.push(`  responses: { 201: ${r.one} },`);
        lines.push('});');
        break;
      case 'get':
        lines.push(`export const ${c} = operation({`);
        lines.push(`  id: '${r.pascal}Get',`);
        lines.push(`  method: 'get',`);
        lines.push(`  path: '/${r.many}/{${idParam}}',`);
        lines.push(`  summary: 'Get a ${w}',`);
        lines.push(`  description: 'Retrieves a single ${w} by its identifier.',`);
        lines.push(`  params: { ${idParam}: ${r.one}Id },`);
        lines.push(`  responses: { 200: t.partial({ ${r.one} }) },`);
        lines.push('});');
        break;
      case 'update':
        lines.push(`export const ${c} = operation({`);
        lines.push(`  id: '${r.pascal}Update',`);
        lines.push(`  method: 'put',`);
        lines.push(`  path: '/${r.many}/{${idParam}}',`);
        lines.push(`  summary: 'Update a ${w}',`);
        lines.push(`  description: 'Updates the attributes of a ${w}; attributes left out keep their value.',`);
        lines.push(`  params: { ${idParam}: ${r.one}Id, 'X-Request-Id': requestId },`);
        lines.push(`  body: t.partial(${r.one}Input),`);
        lines.push(`  responses: { 200: t.partial({ ${r.one} }) },`);
        lines.push('});');
        break;
      case 'delete':
        lines.push(`export const ${c} = operation({`);
        lines.push(`  id: '${r.pascal}Delete',`);
        lines.push(`  method: 'delete',`);
        lines.push(`  path: '/${r.many}/{${idParam}}',`);
        lines.push(`  summary: 'Delete a ${w}',`);
        lines.push(`  description: 'Permanently deletes a ${w}.',`);
        lines.push(`  params: { ${idParam}: ${r.one}Id },`);
        lines.push(`  responses: { 204: response('No Content') },`);
        lines.push('});');
        break;
      case 'archive':
        lines.push(`export const ${c} = operation({`);
        lines.push(`  id: '${r.pascal}Archive',`);
        lines.push(`  method: 'post',`);
        lines.push(`  path: '/${r.many}/{${idParam}}/archive',`);
        lines.push(`  summary: 'Archive a ${w}',`);
        lines.push(`  description: 'Archives a ${w}, which hides it from lists until it is restored.',`);
        lines.push(`  params: {`);
        lines.push(`    ${idParam}: ${r.one}Id,`);
        lines.push(
          `    notify: query(t.boolean({ title: 'Notify', description: 'Whether to notify the owner.', default: false }), {`,
        );
        lines.push(`      visibility: 'advanced',`);
        lines.push(`    }),`);
        lines.push(`  },`);
        lines.push(
          `  body: t.object({ reason: t.optional(t.string({ title: 'Reason', description: 'Why the ${w} is archived.' })) }),`,
        );
        lines.push(`  bodyRequired: false,`);
        lines.push(`  responses: { 200: t.partial({ ${r.one}, archived_at: updatedAt }) },`);
        lines.push('});');
        break;
    }
    lines.push('');
  }
  return lines.join('\n');
}

function connectorFile(id: string, operations: number, rs: Resource[]): string {
  const lines: string[] = [];
  lines.push(`/** A synthetic connector of ${operations} operations, generated for \`npm run bench\` (scaling). */`);
  lines.push(`import { defineConnector } from 'pcdk';`);
  for (const r of rs)
    lines.push(`import { ${r.kinds.map((k) => constName(r, k)).join(', ')} } from './operations/${r.many}';`);
  lines.push('');
  lines.push('export default defineConnector({');
  lines.push(`  id: '${id}',`);
  lines.push(`  title: 'Synthetic Workspace ${operations}',`);
  lines.push(
    `  description: 'A synthetic workspace API of ${operations} operations over projects, tasks, invoices and other resources, generated to measure how build costs grow with the number of operations.',`,
  );
  lines.push(`  version: '1.0',`);
  lines.push(`  host: 'api.example-workspace.com',`);
  lines.push(`  basePath: '/v1/',`);
  lines.push(`  schemes: ['https'],`);
  lines.push(
    `  contact: { name: 'Bench Author', url: 'https://example-workspace.com', email: 'bench@example-workspace.com' },`,
  );
  lines.push(`  metadata: {`);
  lines.push(`    website: 'https://example-workspace.com/',`);
  lines.push(`    privacyPolicy: 'https://example-workspace.com/privacy',`);
  lines.push(`    categories: ['Productivity'],`);
  lines.push(`  },`);
  lines.push(`  publisher: 'Bench Author',`);
  lines.push(`  stackOwner: 'Example Workspace',`);
  lines.push(`  iconBrandColor: '#2b579a',`);
  lines.push(`  auth: {`);
  lines.push(`    type: 'apiKey',`);
  lines.push(`    parameter: 'api_key',`);
  lines.push(`    securityName: 'API Key',`);
  lines.push(`    in: 'header',`);
  lines.push(`    name: 'X-Api-Key',`);
  lines.push(
    `    ui: { displayName: 'API Key', description: 'The API key for this api', tooltip: 'Provide your API key' },`,
  );
  lines.push(`  },`);
  lines.push(`  throttling: { calls: 100, renewalSeconds: 60 },`);
  lines.push('  operations: {');
  for (const r of rs) for (const k of r.kinds) lines.push(`    ${constName(r, k)},`);
  lines.push('  },');
  lines.push('  readme: {');
  lines.push(`    prerequisites: 'An Example Workspace account on any plan.',`);
  lines.push(`    obtainingCredentials: 'Create an API key under Settings, then Integrations, in Example Workspace.',`);
  lines.push(`    knownIssues: 'None.',`);
  lines.push('  },');
  lines.push('});');
  lines.push('');
  return lines.join('\n');
}

/** The files of definitions/<id>/ for a connector of `operations` operations, keyed by relative path. */
export function syntheticConnectorFiles(id: string, operations: number): Map<string, string> {
  if (!Number.isInteger(operations) || operations < 1 || operations > MAX_OPERATIONS)
    throw new RangeError(`a synthetic connector has 1 to ${MAX_OPERATIONS} operations, not ${operations}`);
  const rs = resources(operations);
  const files = new Map<string, string>();
  files.set('connector.ts', connectorFile(id, operations, rs));
  files.set('schemas.ts', SCHEMAS);
  files.set(path.join('operations', 'shared.ts'), SHARED_PARAMS);
  for (const [k, r] of rs.entries()) files.set(path.join('operations', `${r.many}.ts`), operationsFile(r, k));
  return files;
}

/**
 * Writes definitions/<id>/ under `project` (created when missing), with the package.json that
 * marks the folder as an author's project. Returns the connector's folder.
 */
export function writeSyntheticConnector(project: string, id: string, operations: number): string {
  const dir = path.join(project, 'definitions', id);
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [rel, text] of syntheticConnectorFiles(id, operations)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  const pkg = path.join(project, 'package.json');
  if (!fs.existsSync(pkg)) fs.writeFileSync(pkg, '{ "name": "synth", "private": true }\n');
  return dir;
}
