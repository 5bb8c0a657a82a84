/**
 * apiProperties for a connector folder that holds only its swagger, as the maker portal downloads
 * it. The connection parameters come from securityDefinitions, derived the way `pcdk import --api`
 * writes auth (./api-description/security.ts) and emitted as a build writes them; the colour is
 * the independent publishers' one. What a swagger cannot say (publisher, stackOwner, the OAuth
 * client id) is left for the author, and the import's warning lists it.
 */
import { connectionParameterSetsJson, connectionParameters } from '../emit/security';
import { apiKey, basicAuth, connectionParameterSets, noAuth, oauth2 } from '../model/auth';
import type { Auth } from '../model/connector';
import { secret } from '../model/secret';
import { INDEPENDENT_PUBLISHER_COLOR } from '../swagger/api-properties';
import { isObject, type JsonObject } from '../swagger/found';
import { authFrom } from './api-description/security';
import { Call } from './ts-writer';

const BUILDERS: Record<string, (...args: never[]) => unknown> = {
  apiKey,
  basicAuth,
  connectionParameterSets,
  noAuth,
  oauth2,
  secret,
};

/** The value a builder-call tree written for a descriptor stands for, built with the same builders. */
function evaluate(v: unknown): unknown {
  if (v instanceof Call) {
    const fn = BUILDERS[v.callee];
    if (!fn) throw new Error(`no builder ${v.callee}`);
    return (fn as (...a: unknown[]) => unknown)(...v.args.map(evaluate));
  }
  if (Array.isArray(v)) return v.map(evaluate);
  if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, evaluate(x)]));
  return v;
}

export interface DerivedProperties {
  apiProperties: JsonObject;
  /** What was derived, for the warning: "api_key (API key in header X-Api-Key)", ... */
  derived: string;
  /** What the author must still decide or fill in. */
  todo: string[];
}

export function derivedApiProperties(swagger: JsonObject, id: string): DerivedProperties {
  const info = isObject(swagger.info) ? swagger.info : {};
  const title = typeof info.title === 'string' ? info.title : id;
  const host = typeof swagger.host === 'string' ? swagger.host : undefined;
  const result = authFrom(swagger, '2.0', { id, title, ...(host ? { origin: `https://${host}` } : {}) });
  const auth = evaluate(result.code) as Auth;
  const parameters = connectionParameters(auth);
  const sets = connectionParameterSetsJson(auth);
  const properties: JsonObject = {
    connectionParameters: parameters as unknown as JsonObject,
    ...(sets ? { connectionParameterSets: sets as unknown as JsonObject } : {}),
    iconBrandColor: INDEPENDENT_PUBLISHER_COLOR,
    capabilities: [],
  };
  const names = sets ? sets.values.map((s) => s.name) : Object.keys(parameters);
  return {
    apiProperties: { properties },
    derived: names.length ? `connection parameters ${names.join(', ')}` : 'no connection parameters (no security)',
    todo: ['publisher and stackOwner', 'the brand colour', ...result.notes],
  };
}
