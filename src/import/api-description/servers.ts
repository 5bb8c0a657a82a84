/**
 * Where requests go: OpenAPI 3 `servers[0]` (its variables resolved to their defaults) or Swagger
 * 2.0 host/basePath/schemes, as the connector's host, basePath and schemes. A connector has one
 * fixed host, so other servers are ignored; a description without an absolute URL gets a
 * placeholder host the author must replace.
 */
import { isArray, isObject, type JsonObject } from '../../swagger/found';
import type { DescriptionVersion } from './read-description';

export const PLACEHOLDER_HOST = 'api.example.com';

export interface ServerTarget {
  host: string;
  basePath: string;
  schemes: ('https' | 'http')[];
  /** An absolute URL the host came from, to resolve relative OAuth URLs against. */
  origin?: string;
}

export interface ServerNotes {
  /** Variables resolved: the URL as written and as resolved. */
  variables?: { url: string; resolved: string };
  /** No absolute URL in the description: the host is a placeholder. */
  placeholder?: boolean;
}

function cleanBasePath(p: string): string {
  const decoded = p.replace(/\/{2,}/g, '/');
  if (!decoded || decoded === '/') return '/';
  return decoded.startsWith('/') ? decoded.replace(/\/$/, '') : `/${decoded.replace(/\/$/, '')}`;
}

/** `{var}` replaced by each variable's default (or first enum value). */
export function resolveServerUrl(url: string, variables: unknown): string {
  return url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const v = isObject(variables) ? variables[name] : undefined;
    if (isObject(v) && (typeof v.default === 'string' || typeof v.default === 'number')) return String(v.default);
    if (isObject(v) && isArray(v.enum) && v.enum.length > 0) return String(v.enum[0]);
    return whole;
  });
}

export function serverTarget(
  doc: JsonObject,
  version: DescriptionVersion,
): { target: ServerTarget; notes: ServerNotes } {
  const notes: ServerNotes = {};
  if (version === '2.0') {
    const host = typeof doc.host === 'string' && doc.host.trim() ? doc.host.trim() : undefined;
    const schemes = (isArray(doc.schemes) ? doc.schemes : []).filter(
      (s): s is 'https' | 'http' => s === 'https' || s === 'http',
    );
    const scheme = schemes.includes('https') ? 'https' : (schemes[0] ?? 'https');
    if (!host) notes.placeholder = true;
    return {
      target: {
        host: host ?? PLACEHOLDER_HOST,
        basePath: cleanBasePath(typeof doc.basePath === 'string' ? doc.basePath : '/'),
        schemes: schemes.includes('https') ? ['https'] : [scheme],
        ...(host ? { origin: `${scheme}://${host}` } : {}),
      },
      notes,
    };
  }
  const first = isArray(doc.servers) ? doc.servers.find(isObject) : undefined;
  const written = typeof first?.url === 'string' ? first.url.trim() : '';
  const resolved = resolveServerUrl(written, first?.variables);
  if (resolved !== written) notes.variables = { url: written, resolved };
  let url: URL | undefined;
  try {
    url = new URL(resolved);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname || /[{}]/.test(url.host)) {
    // A relative server URL ("/api/v3") keeps its path; the host is for the author to fill.
    notes.placeholder = true;
    const rel = resolved.startsWith('/') ? resolved.split(/[?#]/)[0]! : '/';
    return { target: { host: PLACEHOLDER_HOST, basePath: cleanBasePath(rel), schemes: ['https'] }, notes };
  }
  return {
    target: {
      host: url.host,
      basePath: cleanBasePath(decodeURI(url.pathname)),
      schemes: [url.protocol === 'http:' ? 'http' : 'https'],
      origin: url.origin,
    },
    notes,
  };
}
