/**
 * Security schemes as the typed auth builders an author writes: apiKey(), basicAuth(), oauth2()
 * (authorization code only: the one flow Power Platform runs), noAuth(), and
 * connectionParameterSets() when the API offers several usable ways to sign in. An OAuth client
 * secret is never in a description; the connector names the environment variable that will hold
 * it (secret('ENV')), as `pcdk import` does for a connector folder, and the client id is a
 * placeholder the author must fill.
 */
import { isArray, isObject, type JsonObject } from '../../swagger/found';
import { call, type Call } from '../ts-writer';
import { sentence } from './derive-names';
import type { DescriptionVersion } from './read-description';

export interface AuthResult {
  /** The `auth:` value: a builder call. */
  code: Call;
  /** Builders the connector file imports from 'pcdk'. */
  uses: Set<string>;
  /** What could not be carried over or needs the author's attention. */
  notes: string[];
  /** `in:name` (lower case) of every credential the connection sends: operations do not ask for them again. */
  credentials: Set<string>;
}

interface Candidate {
  name: string;
  label: string;
  code: Call;
  uses: string[];
  credential?: string;
}

/** Scheme names in the order the description asks for them: global security, then operations, then declared. */
function orderedSchemeNames(doc: JsonObject, declared: string[]): string[] {
  const names: string[] = [];
  const add = (reqs: unknown) => {
    for (const r of isArray(reqs) ? reqs : [])
      if (isObject(r)) for (const k of Object.keys(r)) if (!names.includes(k)) names.push(k);
  };
  add(doc.security);
  if (names.length === 0 && doc.security === undefined) {
    for (const item of Object.values(isObject(doc.paths) ? doc.paths : {}))
      for (const op of Object.values(isObject(item) ? item : {})) if (isObject(op)) add(op.security);
    if (names.length === 0) names.push(...declared);
  }
  return names.filter((n) => declared.includes(n));
}

function absoluteHttps(url: unknown, origin: string | undefined): string | undefined {
  if (typeof url !== 'string' || !url.trim()) return undefined;
  try {
    const u = new URL(url.trim(), origin);
    return u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

export function secretEnvFor(id: string): string {
  return `${id.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_CLIENT_SECRET`;
}

export const CLIENT_ID_PLACEHOLDER = 'YOUR_CLIENT_ID';

export function authFrom(
  doc: JsonObject,
  version: DescriptionVersion,
  opts: { id: string; title: string; origin?: string },
): AuthResult {
  const schemes: JsonObject =
    version === '2.0'
      ? isObject(doc.securityDefinitions)
        ? doc.securityDefinitions
        : {}
      : isObject(doc.components) && isObject(doc.components.securitySchemes)
        ? doc.components.securitySchemes
        : {};
  const notes: string[] = [];
  const candidates: Candidate[] = [];
  for (const name of orderedSchemeNames(doc, Object.keys(schemes))) {
    const s = schemes[name];
    if (!isObject(s)) continue;
    const c = candidate(name, s, candidates.length, opts, notes);
    if (c) candidates.push(c);
  }
  const credentials = new Set(candidates.flatMap((c) => (c.credential ? [c.credential] : [])));
  if (candidates.length === 0) return { code: call('noAuth'), uses: new Set(['noAuth']), notes, credentials };
  if (candidates.length === 1) {
    const only = candidates[0]!;
    return { code: only.code, uses: new Set(only.uses), notes, credentials };
  }
  const uses = new Set(['connectionParameterSets', ...candidates.flatMap((c) => c.uses)]);
  const sets = candidates.map((c) => ({
    name: c.name.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^[^A-Za-z]+/, '') || 'auth',
    displayName: c.label,
    description: `Sign in with ${c.label.toLowerCase()}.`,
    auth: c.code,
  }));
  const seen = new Set<string>();
  for (const s of sets) {
    let n = s.name || 'auth';
    for (let k = 2; seen.has(n); k++) n = `${s.name}${k}`;
    seen.add(n);
    s.name = n;
  }
  notes.push(`the API offers ${candidates.length} ways to sign in: written as connectionParameterSets, one set each`);
  return { code: call('connectionParameterSets', { sets }), uses, notes, credentials };
}

function candidate(
  name: string,
  s: JsonObject,
  index: number,
  opts: { id: string; title: string; origin?: string },
  notes: string[],
): Candidate | undefined {
  const suffix = index === 0 ? '' : `_${index + 1}`;
  const described = typeof s.description === 'string' && s.description.trim() ? s.description.trim() : undefined;
  const type = String(s.type);
  if (type === 'apiKey') {
    if (s.in !== 'header' && s.in !== 'query') {
      notes.push(`scheme ${name}: an API key in ${String(s.in)} is not supported by Power Platform; left out`);
      return undefined;
    }
    if (typeof s.name !== 'string' || !s.name) return undefined;
    return {
      name,
      label: 'API key',
      uses: ['apiKey'],
      credential: `${s.in}:${s.name.toLowerCase()}`,
      code: call('apiKey', {
        in: s.in,
        name: s.name,
        parameter: `api_key${suffix}`,
        securityName: index === 0 ? 'API Key' : `API Key ${index + 1}`,
        ui: { displayName: 'API Key', description: sentence(described ?? `The API key for ${opts.title}`) },
      }),
    };
  }
  if (type === 'basic' || (type === 'http' && String(s.scheme).toLowerCase() === 'basic')) {
    return {
      name,
      label: 'Username and password',
      uses: ['basicAuth'],
      credential: 'header:authorization',
      code: call('basicAuth', index === 0 ? {} : { securityName: `basic_auth${suffix}` }),
    };
  }
  if (type === 'http' && String(s.scheme).toLowerCase() === 'bearer') {
    notes.push(
      `scheme ${name} (HTTP bearer): written as an API key in the Authorization header; users enter "Bearer <token>"`,
    );
    return {
      name,
      label: 'Access token',
      uses: ['apiKey'],
      credential: 'header:authorization',
      code: call('apiKey', {
        in: 'header',
        name: 'Authorization',
        parameter: `api_key${suffix}`,
        securityName: index === 0 ? 'API Key' : `API Key ${index + 1}`,
        ui: {
          displayName: 'Access token',
          description: 'The access token, written as "Bearer <token>".',
        },
      }),
    };
  }
  if (type === 'oauth2') {
    // OpenAPI 3: flows.authorizationCode; Swagger 2.0: flow "accessCode".
    const flow = isObject(s.flows) ? s.flows.authorizationCode : s.flow === 'accessCode' ? s : undefined;
    if (!isObject(flow)) {
      const flows = isObject(s.flows) ? Object.keys(s.flows).join(', ') : String(s.flow);
      notes.push(
        `scheme ${name}: OAuth 2 flow ${flows} is not supported (Power Platform runs the authorization code flow only); left out`,
      );
      return undefined;
    }
    const authorizationUrl = absoluteHttps(flow.authorizationUrl, opts.origin);
    const tokenUrl = absoluteHttps(flow.tokenUrl, opts.origin);
    if (!authorizationUrl || !tokenUrl) {
      notes.push(`scheme ${name}: OAuth 2 needs absolute https authorization and token URLs; left out`);
      return undefined;
    }
    const refreshUrl = absoluteHttps(flow.refreshUrl, opts.origin) ?? tokenUrl;
    // A key "read write" is two scopes to the rules (and to the token endpoint): listed apart, once each.
    const scopes = [
      ...new Set(
        (isObject(flow.scopes) ? Object.keys(flow.scopes) : []).flatMap((k) => k.split(/\s+/)).filter(Boolean),
      ),
    ];
    const env = secretEnvFor(opts.id) + suffix;
    notes.push(
      `scheme ${name} (OAuth 2): the client id is a placeholder (${CLIENT_ID_PLACEHOLDER}) and the client secret is read from ${env} (secret('${env}'))`,
    );
    const spec: Record<string, unknown> = {
      clientId: CLIENT_ID_PLACEHOLDER,
      clientSecret: call('secret', env),
      authorizationUrl,
      tokenUrl,
      refreshUrl,
      scopes,
    };
    if (index > 0) {
      spec.parameter = `token${suffix}`;
      spec.securityName = `oauth2_auth${suffix}`;
    }
    return {
      name,
      label: 'OAuth 2',
      uses: ['oauth2', 'secret'],
      credential: 'header:authorization',
      code: call('oauth2', spec),
    };
  }
  notes.push(
    `scheme ${name} (${type}${s.scheme ? ` ${String(s.scheme)}` : ''}) is not supported by Power Platform; left out`,
  );
  return undefined;
}
