/**
 * Certification rules on each operation: id, summary, description, path template, request body,
 * versioning, paging and responses (reference/power-platform.md §3, items 11-18 and 23).
 */
import { pointerOf } from '../../swagger/json-pointer';
import { isVisibility, mediaType } from '../../swagger/constants';
import { isArray, isObject, str } from '../../swagger/found';
import type { CertDocument, OperationView, Report } from './document';

export type OperationRule = (o: OperationView, doc: CertDocument, report: Report) => void;

const RESTRICTED_SUMMARY = /[/\\<>*%&?]/g;
const MIME_TYPES = new Set([
  'application/json',
  'text/plain',
  'multipart/form-data',
  'application/x-www-form-urlencoded',
]);
const NEXT_LINK_NAMES = new Set(['nextLink', '@odata.nextLink']);

export const OPERATION_RULES: readonly OperationRule[] = [
  function operationId(o, _doc, report) {
    const at = { pointer: `${o.pointer}/operationId`, operation: o.name };
    const id = str(o.op.operationId);
    if (!id) return report('operation-id-missing', {}, { ...at, pointer: o.pointer });
    if (!/^[A-Za-z0-9]+$/.test(id)) report('operation-id-invalid', { id }, at);
    else if (!/^[A-Z]/.test(id)) report('operation-id-not-pascal-case', { id }, at);
  },
  function summary(o, _doc, report) {
    const at = { pointer: `${o.pointer}/summary`, operation: o.name };
    const s = str(o.op.summary);
    if (!s) return report('summary-missing', {}, { ...at, pointer: o.pointer });
    if (s.length > 80) report('summary-too-long', { length: s.length }, at);
    const bad = s.match(RESTRICTED_SUMMARY);
    if (bad)
      report('summary-restricted-characters', { chars: [...new Set(bad)].map((ch) => `"${ch}"`).join(', ') }, at);
    if (/[\s.!,;:]$/.test(s)) report('summary-ends-with-punctuation', {}, at);
  },
  function description(o, _doc, report) {
    const d = str(o.op.description);
    if (!d?.trim()) return report('operation-description-missing', {}, { pointer: o.pointer, operation: o.name });
    const at = { pointer: `${o.pointer}/description`, operation: o.name };
    if (d.trim() === str(o.op.summary)?.trim()) report('description-equals-summary', {}, at);
    else if (!/[.!?)]["')]?$/.test(d.trim())) report('description-not-sentence', {}, at);
  },
  function visibility(o, _doc, report) {
    const v = o.op['x-ms-visibility'];
    if (v !== undefined && !isVisibility(v))
      report(
        'visibility-invalid',
        { value: String(v) },
        { pointer: `${o.pointer}/x-ms-visibility`, operation: o.name },
      );
  },
  function pathTemplate(o, _doc, report) {
    const p = o.path;
    const at = { pointer: pointerOf('paths', p), operation: o.name };
    if (!p.startsWith('/')) report('path-no-leading-slash', { path: p }, at);
    if (/[?#]/.test(p)) report('path-query-or-fragment', { path: p }, at);
    // A variable must sit inside one segment; OData-style /items({id}) is fine.
    if (p.includes('*') || /\{[^}]*[/{][^}]*\}/.test(p) || /\{\}/.test(p) || /\{[^}]*$/.test(p)) {
      report('path-template-invalid', { path: p }, at);
    }
  },
  function body(o, _doc, report) {
    const bodies = o.params.filter((p) => p.node.in === 'body');
    const forms = o.params.filter((p) => p.node.in === 'formData');
    const at = { pointer: `${o.pointer}/parameters`, operation: o.name };
    if (bodies.length > 1) report('multiple-bodies', {}, at);
    if (bodies.length && forms.length) report('body-and-form-data', {}, at);
    if ((bodies.length || forms.length) && (o.method === 'get' || o.method === 'head'))
      report('body-on-get', { method: o.method }, at);
  },
  function mimeTypes(o, doc, report) {
    const hasInput = o.params.some((p) => p.node.in === 'body' || p.node.in === 'formData');
    const own = isArray(o.op.consumes) ? o.op.consumes : undefined;
    const consumes = own ?? (isArray(doc.swagger.consumes) ? doc.swagger.consumes : undefined);
    const base = own ? `${o.pointer}/consumes` : '/consumes';
    if (hasInput && (!consumes || consumes.length === 0))
      return report('consumes-missing', {}, { pointer: o.pointer, operation: o.name });
    if (!hasInput || !consumes) return;
    consumes.forEach((m, i) => {
      const mime = mediaType(m);
      if (!MIME_TYPES.has(mime))
        report('mime-type-invalid', { mime: String(m) }, { pointer: `${base}/${i}`, operation: o.name });
    });
    if (consumes.some((m) => String(m).toLowerCase().startsWith('application/x-www-form-urlencoded'))) {
      for (const p of o.params) {
        if (p.node.in === 'formData' && p.node.type === 'string' && p.node.format === 'binary') {
          report('urlencoded-binary', { name: String(p.node.name) }, { pointer: p.pointer, operation: o.name });
        }
      }
    }
  },
  function apiAnnotation(o, _doc, report) {
    const a = o.op['x-ms-api-annotation'];
    if (!isObject(a) || a.replacement === undefined) return;
    const r = a.replacement;
    const at = { pointer: `${o.pointer}/x-ms-api-annotation/replacement`, operation: o.name };
    if (!isObject(r) || !str(r.api) || !str(r.operationId))
      report('replacement-invalid', { reason: 'it needs both api and operationId' }, at);
    if (o.op.deprecated !== true)
      report('replacement-invalid', { reason: 'only a deprecated operation may name a replacement' }, at);
  },
  function pageable(o, _doc, report) {
    const pg = o.op['x-ms-pageable'];
    if (!isObject(pg)) return;
    const name = pg.nextLinkName;
    if (name !== undefined && name !== null && !NEXT_LINK_NAMES.has(String(name))) {
      report(
        'next-link-name-invalid',
        { name: String(name) },
        { pointer: `${o.pointer}/x-ms-pageable/nextLinkName`, operation: o.name },
      );
    }
  },
  function responses(o, doc, report) {
    const rs = o.op.responses;
    const at = { pointer: `${o.pointer}/responses`, operation: o.name };
    if (!isObject(rs) || Object.keys(rs).length === 0) return report('no-response', {}, at);
    const statuses = Object.keys(rs).filter((k) => !k.startsWith('x-'));
    if (!statuses.some((s) => /^2\d\d$/.test(s))) report('no-success-response', {}, at);
    const withSchema: string[] = [];
    const hasMain = statuses.some((s) => /^20[01]$/.test(s));
    for (const status of statuses) {
      const r = doc.resolve(rs[status], `${o.pointer}/responses/${pointerOf(status).slice(1)}`);
      if (!r || !isObject(r.node.schema)) continue;
      if (status === 'default')
        report('default-response-has-schema', {}, { pointer: `${r.pointer}/schema`, operation: o.name });
      else {
        withSchema.push(status);
        // Certified connectors carry the schema on their only 2xx (InEight: 77 operations on 202;
        // the published ConvertKit: 204) and passed; misplaced is a schema beside a 200/201.
        if (hasMain && /^2\d\d$/.test(status) && !/^20[01]$/.test(status))
          report('schema-on-wrong-status', { status }, { pointer: `${r.pointer}/schema`, operation: o.name });
      }
    }
    if (withSchema.length > 1) report('many-responses-with-schema', { statuses: withSchema.join(', ') }, at);
  },
];

/**
 * Revision-suffixed ids: revision n > 1 of a family ends with "Vn" (GetItemsV2, or GetItems_V2 as
 * most published families write it), so that flows and readers tell the revisions apart.
 * Revision 1 keeps the family's plain name.
 */
function checkRevisionSuffix(o: OperationView, rev: unknown, report: Report): void {
  const n = typeof rev === 'number' || typeof rev === 'string' ? Number(rev) : Number.NaN;
  const id = str(o.op.operationId);
  if (!id || !Number.isInteger(n) || n <= 1) return;
  if (!new RegExp(`_?V${n}$`, 'i').test(id))
    report(
      'family-revision-suffix-missing',
      { id, revision: String(n), suffix: `V${n}` },
      { pointer: `${o.pointer}/operationId`, operation: o.name },
    );
}

export function operationRoute(o: OperationView): string {
  // Case differences are PathRedefined's business; here only variable names are ignored.
  return `${o.method} ${o.path.replace(/\{[^}]*\}/g, '{}')}`;
}

/** Rules across operations: unique ids and routes, versioned families, paths unique regardless of case. */
export function crossOperationRules(doc: CertDocument, report: Report): void {
  const ids = new Map<string, OperationView[]>();
  const routes = new Map<string, OperationView>();
  for (const o of doc.operations) {
    const id = str(o.op.operationId);
    if (id) ids.set(id, [...(ids.get(id) ?? []), o]);
    const route = operationRoute(o);
    if (routes.has(route))
      report('duplicate-route', { method: o.method, path: o.path }, { pointer: o.pointer, operation: o.name });
    else routes.set(route, o);
  }
  for (const [id, list] of ids) {
    if (list.length > 1)
      for (const o of list.slice(1))
        report(
          'duplicate-operation-id',
          { id, count: list.length },
          { pointer: `${o.pointer}/operationId`, operation: o.name },
        );
  }
  // Versioned operation families (x-ms-api-annotation): at most two active members, each revision once.
  const families = new Map<string, OperationView[]>();
  for (const o of doc.operations) {
    const a = o.op['x-ms-api-annotation'];
    if (isObject(a) && typeof a.family === 'string') families.set(a.family, [...(families.get(a.family) ?? []), o]);
  }
  for (const [family, members] of families) {
    const active = members.filter((o) => o.op.deprecated !== true);
    if (active.length > 2)
      report(
        'family-too-many-active',
        { family, count: active.length },
        { pointer: `${active[2]!.pointer}/x-ms-api-annotation`, operation: active[2]!.name },
      );
    const revisions = new Set<unknown>();
    for (const o of members) {
      const a = o.op['x-ms-api-annotation'];
      const rev = isObject(a) ? a.revision : undefined;
      if (rev === undefined) continue;
      if (revisions.has(rev))
        report(
          'family-revision-duplicate',
          { family, revision: String(rev) },
          { pointer: `${o.pointer}/x-ms-api-annotation/revision`, operation: o.name },
        );
      revisions.add(rev);
      checkRevisionSuffix(o, rev, report);
    }
  }
  const paths = isObject(doc.swagger.paths) ? Object.keys(doc.swagger.paths) : [];
  const seen = new Map<string, string>();
  for (const p of paths) {
    const k = p.toLowerCase();
    if (seen.has(k) && seen.get(k) !== p)
      report('path-redefined', { path: p, other: seen.get(k)! }, { pointer: pointerOf('paths', p) });
    else seen.set(k, p);
  }
}
