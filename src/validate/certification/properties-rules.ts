/**
 * Certification rules on security definitions, apiProperties.json and readme.md
 * (reference/power-platform.md §3, items 26, 28, 29).
 */
import { pointerOf } from '../../swagger/json-pointer';
import { isArray, isObject } from '../../swagger/found';
import type { CertDocument, Report } from './document';
import type { DocumentRule } from './info-rules';

/** A publisher or stack owner: a name, not a sentence or an address (letters and digits with the separators real company names use). Shared with what derives one (import --api). */
export function isPlainName(v: string): boolean {
  return /^[\p{L}\p{N}][\p{L}\p{N} .,&'()-]*$/u.test(v);
}

/** Colours certified connectors may not use (they vanish on the designer's backgrounds). */
const RESERVED_COLORS = new Set(['#007ee5', '#ffffff']);
/** The consent service's redirect (per-connector suffixes are what redirectMode GlobalPerConnector gives). */
const REDIRECT = /^https:\/\/global(-test)?\.consent\.azure-apim\.net\/redirect(\/[\w.-]+)?$/;
const README_SECTIONS: [label: string, test: RegExp][] = [
  ['Publisher', /^##\s+Publisher\b/im],
  ['Prerequisites', /^##\s+Prerequisites\b/im],
  ['Supported Operations', /^##\s+Supported Operations\b/im],
  ['Obtaining Credentials', /^##\s+Obtaining Credentials\b/im],
  ['Known Issues and Limitations', /^##\s+Known Issues( and Limitations)?\b/im],
];

function checkRequirements(list: unknown, base: string, doc: CertDocument, report: Report, operation?: string): void {
  if (!isArray(list)) return;
  const defs = isObject(doc.swagger.securityDefinitions) ? doc.swagger.securityDefinitions : {};
  list.forEach((req, i) => {
    if (!isObject(req)) return;
    for (const [name, scopes] of Object.entries(req)) {
      const pointer = `${base}/${i}${pointerOf(name)}`;
      const def = defs[name];
      if (!isObject(def)) report('security-undefined', { name }, { pointer, operation });
      else if (def.type !== 'oauth2' && !(isArray(scopes) && scopes.length === 0))
        report('security-scopes-not-empty', { name }, { pointer, operation });
    }
  });
}

export const PROPERTIES_RULES: readonly DocumentRule[] = [
  function security(doc, report) {
    checkRequirements(doc.swagger.security, '/security', doc, report);
    for (const o of doc.operations) checkRequirements(o.op.security, `${o.pointer}/security`, doc, report, o.name);
  },
  function apiProperties(doc, report) {
    const ap = doc.apiProperties;
    if (!ap) return;
    const at = (pointer: string) => ({ file: 'apiProperties' as const, pointer });
    if (!isObject(ap.properties))
      return report('api-properties-invalid', { reason: 'it has no "properties" object' }, at(''));
    const p = ap.properties;
    const color = p.iconBrandColor;
    if (typeof color !== 'string' || !/^#[0-9a-fA-F]{6}$/.test(color))
      report('icon-brand-color-invalid', { color: String(color) }, at('/properties/iconBrandColor'));
    else if (RESERVED_COLORS.has(color.toLowerCase()))
      report('icon-brand-color-reserved', { color }, at('/properties/iconBrandColor'));
    for (const key of ['publisher', 'stackOwner'] as const) {
      const v = p[key];
      if (v === undefined) continue;
      if (typeof v !== 'string' || !isPlainName(v))
        report('publisher-invalid', { key, value: String(v) }, at(`/properties/${key}`));
    }
  },
  function oauthRedirect(doc, report) {
    const p = doc.apiProperties?.properties;
    if (!isObject(p)) return;
    const check = (params: unknown, base: string) => {
      if (!isObject(params)) return;
      for (const [name, param] of Object.entries(params)) {
        const url = isObject(param) && isObject(param.oAuthSettings) ? param.oAuthSettings.redirectUrl : undefined;
        const urls: [suffix: string, url: unknown][] = isArray(url)
          ? url.map((u, i) => [`/${i}`, u])
          : url === undefined
            ? []
            : [['', url]];
        for (const [suffix, u] of urls) {
          if (typeof u === 'string' && REDIRECT.test(u)) continue;
          report(
            'oauth-redirect-invalid',
            { url: String(u) },
            { file: 'apiProperties', pointer: `${base}${pointerOf(name, 'oAuthSettings', 'redirectUrl')}${suffix}` },
          );
        }
      }
    };
    check(p.connectionParameters, '/properties/connectionParameters');
    if (isObject(p.connectionParameterSets) && isArray(p.connectionParameterSets.values)) {
      p.connectionParameterSets.values.forEach((v, i) => {
        if (isObject(v)) check(v.parameters, `/properties/connectionParameterSets/values/${i}/parameters`);
      });
    }
  },
  function readme(doc, report) {
    if (doc.readme === undefined) return;
    for (const [label, re] of README_SECTIONS) {
      if (!re.test(doc.readme)) report('readme-section-missing', { section: label }, { file: 'readme', pointer: '' });
    }
  },
];
