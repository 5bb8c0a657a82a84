/**
 * Certification rules on the document as a whole: info, contact, connector metadata, host and
 * schemes, size and counts, property names (reference/power-platform.md §3, items 1-10).
 */
import { CATEGORIES } from '../../model/connector';
import { pointerOf } from '../../swagger/json-pointer';
import { METHODS, PRIMITIVE_KEYS, ROOT_KEYS } from '../../swagger/constants';
import { isArray, isObject, itemsOf, str, type JsonObject } from '../../swagger/found';
import type { CertDocument, Report } from './document';

export type DocumentRule = (doc: CertDocument, report: Report) => void;

/**
 * ValueContainsRestrictedWords: words the title may not contain (whole words, any case). Shared
 * with what derives a title (pcdk init, import --api), so a derived title passes this rule.
 */
export const RESTRICTED_TITLE_WORDS: readonly string[] = [
  'API',
  'Connector',
  'Copilot Studio',
  'Power Apps',
  'PowerApps',
  'Power Automate',
  'Microsoft Flow',
  'Power BI',
  'Power Platform',
  'Logic Apps',
  'Dataverse',
];
const CATEGORY_SET = new Map(CATEGORIES.map((c) => [c.toLowerCase(), c]));
const NON_PRODUCTION_HOST = /(^|[.-])(staging|stage|stg|dev|test|sandbox|qa|uat|localhost)([.-]|$)/i;

/** Keys the Swagger 2.0 spec defines at each level; anything else must start with x-. */
export const STANDARD_KEYS = {
  root: ROOT_KEYS,
  info: ['title', 'description', 'termsOfService', 'contact', 'license', 'version'],
  pathItem: [...METHODS, 'parameters', '$ref'],
  operation: [
    'tags',
    'summary',
    'description',
    'externalDocs',
    'operationId',
    'consumes',
    'produces',
    'parameters',
    'responses',
    'schemes',
    'deprecated',
    'security',
  ],
  parameter: ['name', 'in', 'description', 'required', 'schema', 'allowEmptyValue', ...PRIMITIVE_KEYS, '$ref'],
  response: ['description', 'schema', 'headers', 'examples', '$ref'],
} as const;
type Level = keyof typeof STANDARD_KEYS;

/**
 * The x-ms-* extensions the official schema lists per level, plus the ones it is stale about
 * (used by dozens of published connectors and accepted by the service, §2).
 */
const STALE_BUT_ACCEPTED = [
  'x-ms-openai-data',
  'x-ms-openai-manifest',
  'x-ms-keywords',
  'x-ms-openai-published-to-copilots',
  'x-ms-editor',
  'x-ms-editor-options',
  'x-ms-identifiers',
  'x-ms-parameterized-host',
  'x-ms-long-running-operation',
];
const PARAM_EXTENSIONS = [
  'x-ms-summary',
  'x-ms-visibility',
  'x-ms-dynamic-values',
  'x-ms-dynamic-list',
  'x-ms-dynamic-tree',
  'x-ms-dynamic-schema',
  'x-ms-enum-values',
  'x-ms-test-value',
  'x-ms-trigger-value',
  'x-ms-localizeDefaultValue',
  'x-ms-parameter-location',
  'x-ms-url-encoding',
  'x-ms-skip-url-encoding',
  'x-ms-notification-url',
  'x-ms-enum',
];
export const KNOWN_EXTENSIONS: Record<Level | 'schema', Set<string>> = {
  root: new Set(['x-ms-capabilities', 'x-ms-connector-metadata', 'x-ms-docs', ...STALE_BUT_ACCEPTED]),
  info: new Set(['x-ms-api-annotation', 'x-ms-deployment-version', ...STALE_BUT_ACCEPTED]),
  pathItem: new Set(['x-ms-notification-content', ...STALE_BUT_ACCEPTED]),
  operation: new Set([
    'x-ms-api-annotation',
    'x-ms-capabilities',
    'x-ms-no-generic-test',
    'x-ms-operation-context',
    'x-ms-pageable',
    'x-ms-safe-operation',
    'x-ms-summary',
    'x-ms-trigger',
    'x-ms-trigger-hint',
    'x-ms-trigger-metadata',
    'x-ms-notification',
    'x-ms-notification-content',
    'x-ms-visibility',
    ...STALE_BUT_ACCEPTED,
  ]),
  parameter: new Set([...PARAM_EXTENSIONS, ...STALE_BUT_ACCEPTED]),
  response: new Set(['x-ms-summary', 'x-ms-visibility', ...STALE_BUT_ACCEPTED]),
  schema: new Set([...PARAM_EXTENSIONS, 'x-ms-dynamic-properties', 'x-ms-media-kind', ...STALE_BUT_ACCEPTED]),
};

export function checkKeys(
  node: JsonObject,
  level: Level | 'schema',
  pointer: string,
  report: Report,
  operation?: string,
): void {
  const standard = level === 'schema' ? undefined : (STANDARD_KEYS[level] as readonly string[]);
  for (const key of Object.keys(node)) {
    const at = { pointer: `${pointer}${pointerOf(key)}`, operation };
    if (key.startsWith('x-ms-')) {
      if (!KNOWN_EXTENSIONS[level].has(key)) report('extension-unknown', { key, level }, at);
    } else if (standard && !key.startsWith('x-') && !standard.includes(key))
      report('unknown-property', { key, level }, at);
  }
}

export const DOCUMENT_RULES: readonly DocumentRule[] = [
  function specificationVersion(doc, report) {
    if (doc.swagger.swagger !== '2.0')
      report(
        'swagger-version-invalid',
        { value: JSON.stringify(doc.swagger.swagger ?? null) },
        { pointer: '/swagger' },
      );
  },
  function title(doc, report) {
    const info = isObject(doc.swagger.info) ? doc.swagger.info : {};
    const t = str(info.title);
    if (!t) return report('title-missing', {}, { pointer: '/info/title', field: 'info.title' });
    if (t.length > 30) report('title-too-long', { length: t.length }, { pointer: '/info/title' });
    // Independent publishers are named "X (Independent Publisher)" in the PR and on the docs
    // page, never in info.title: none of the 386 published IP swaggers carries the suffix.
    if (/\(\s*independent publisher\s*\)/i.test(t)) report('title-publisher-suffix', {}, { pointer: '/info/title' });
    else if (!/[A-Za-z0-9]$/.test(t)) report('title-ends-badly', {}, { pointer: '/info/title' });
    for (const word of RESTRICTED_TITLE_WORDS) {
      if (new RegExp(`(^|[^A-Za-z])${word}([^A-Za-z]|$)`, 'i').test(t))
        report('title-restricted-words', { word }, { pointer: '/info/title' });
    }
  },
  function description(doc, report) {
    const info = isObject(doc.swagger.info) ? doc.swagger.info : {};
    const d = str(info.description);
    if (d === undefined || d.trim() === '')
      return report('description-missing', {}, { pointer: '/info', field: 'info.description' });
    if (d.length < 30 || d.length > 500)
      report('description-length', { length: d.length }, { pointer: '/info/description' });
  },
  function contact(doc, report) {
    const info = isObject(doc.swagger.info) ? doc.swagger.info : {};
    if (!isObject(info.contact))
      return report('contact-missing', { field: '(all)' }, { pointer: '/info', field: 'info.contact' });
    for (const f of ['name', 'url', 'email']) {
      if (!str(info.contact[f]))
        report('contact-missing', { field: f }, { pointer: '/info/contact', field: `info.contact.${f}` });
    }
    const email = str(info.contact.email);
    if (email && !/^[\x21-\x7e]+@[\x21-\x7e]+\.[A-Za-z]{2,}$/.test(email))
      report('contact-email-invalid', { email }, { pointer: '/info/contact/email' });
  },
  function connectorMetadata(doc, report) {
    const md = doc.swagger['x-ms-connector-metadata'];
    if (!isArray(md))
      return report(
        'metadata-missing',
        { field: 'x-ms-connector-metadata' },
        { pointer: '', field: 'x-ms-connector-metadata' },
      );
    // Published connectors write "Privacy Policy" too and were merged: names match case-insensitively.
    const byName = new Map<string, { value: unknown; index: number }>();
    md.forEach((e, index) => {
      if (isObject(e) && typeof e.propertyName === 'string')
        byName.set(e.propertyName.toLowerCase(), { value: e.propertyValue, index });
    });
    for (const name of ['Website', 'Privacy policy', 'Categories']) {
      if (!str(byName.get(name.toLowerCase())?.value))
        report('metadata-missing', { field: name }, { pointer: '/x-ms-connector-metadata', field: name });
    }
    const cat = byName.get('categories');
    if (!cat || typeof cat.value !== 'string') return;
    const pointer = `/x-ms-connector-metadata/${cat.index}/propertyValue`;
    const values = cat.value
      .split(';')
      .map((v) => v.trim())
      .filter(Boolean);
    if (values.length > 2) report('too-many-categories', { count: values.length }, { pointer });
    for (const v of values)
      if (!CATEGORY_SET.has(v.toLowerCase())) report('category-invalid', { category: v }, { pointer });
  },
  function hostAndSchemes(doc, report) {
    const s = doc.swagger;
    if (s.host !== undefined) {
      const host = String(s.host);
      if (!/^[^{}/ :\\]+(?::\d+)?$/.test(host)) report('host-invalid', { host }, { pointer: '/host' });
      else if (NON_PRODUCTION_HOST.test(host)) report('host-not-production', { host }, { pointer: '/host' });
    }
    if (s.basePath !== undefined && !String(s.basePath).startsWith('/'))
      report('base-path-invalid', { basePath: String(s.basePath) }, { pointer: '/basePath' });
    if (s.schemes === undefined) return;
    if (!isArray(s.schemes) || s.schemes.length === 0) return report('schemes-empty', {}, { pointer: '/schemes' });
    s.schemes.forEach((v, i) => {
      if (v !== 'https' && v !== 'http') report('scheme-invalid', { scheme: String(v) }, { pointer: `/schemes/${i}` });
    });
  },
  function size(doc, report) {
    const n = doc.swaggerChars;
    if (n === undefined) return;
    if (n > 1024 * 1024) report('swagger-too-large', { chars: n }, { pointer: '' });
    else if (n > 500_000) report('swagger-solution-limit', { chars: n }, { pointer: '' });
  },
  function operationCount(doc, report) {
    if (doc.operations.length > 256)
      report('too-many-operations', { count: doc.operations.length }, { pointer: '/paths' });
  },
  function propertyNames(doc, report) {
    const s = doc.swagger;
    checkKeys(s, 'root', '', report);
    if (isObject(s.info)) checkKeys(s.info, 'info', '/info', report);
    if (isObject(s.paths)) {
      for (const [p, item] of Object.entries(s.paths)) {
        if (!isObject(item)) continue;
        const ip = pointerOf('paths', p);
        checkKeys(item, 'pathItem', ip, report);
        if ('$ref' in item) report('path-item-ref', {}, { pointer: `${ip}/$ref` });
      }
    }
    for (const o of doc.operations) {
      checkKeys(o.op, 'operation', o.pointer, report, o.name);
      itemsOf(o.op.parameters).forEach((p, i) => {
        if (isObject(p) && !('$ref' in p)) checkKeys(p, 'parameter', `${o.pointer}/parameters/${i}`, report, o.name);
      });
      if (isObject(o.op.responses)) {
        for (const [status, r] of Object.entries(o.op.responses)) {
          if (isObject(r) && !('$ref' in r))
            checkKeys(r, 'response', `${o.pointer}/responses/${pointerOf(status).slice(1)}`, report, o.name);
        }
      }
    }
    if (isObject(s.parameters))
      for (const [k, p] of Object.entries(s.parameters))
        if (isObject(p)) checkKeys(p, 'parameter', pointerOf('parameters', k), report);
  },
];
