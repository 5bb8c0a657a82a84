/**
 * Where secret('ENV') references sit in declared apiProperties (every OAuth clientSecret, in
 * connectionParameters and in each parameter set), and a copy with each one replaced. Every emit
 * writes an empty string, which paconn (--secret) or pac fills at deployment; no secret value is
 * ever written (src/synth/secrets.ts).
 */
import { isSecretRef, type SecretRef } from '../model/secret';
import type { PropertiesSpec } from '../model/properties';
import type { ConnectionParameter } from '../swagger/api-properties';

/** `value` gets each reference and the field it sits in (`connectionParameters.token.oAuthSettings.clientSecret`). */
export type SecretValue = (ref: SecretRef, field: string) => string;

export function withSecrets(p: PropertiesSpec, value: SecretValue): PropertiesSpec {
  const params = (
    map: Readonly<Record<string, ConnectionParameter>> | undefined,
    at: string,
  ): Record<string, ConnectionParameter> | undefined => {
    if (!map) return map;
    let out: Record<string, ConnectionParameter> | undefined;
    for (const [name, param] of Object.entries(map)) {
      const ref = param?.oAuthSettings?.clientSecret;
      if (!isSecretRef(ref)) continue;
      out ??= { ...map };
      const field = `${at}.${name}.oAuthSettings.clientSecret`;
      out[name] = { ...param, oAuthSettings: { ...param.oAuthSettings!, clientSecret: value(ref, field) } };
    }
    return out ?? map;
  };
  const connectionParameters = params(p.connectionParameters, 'connectionParameters');
  const sets = p.connectionParameterSets;
  const values = sets?.values.map((v, i) => {
    const replaced = params(v.parameters, `connectionParameterSets.values[${i}].parameters`);
    return replaced === v.parameters ? v : { ...v, parameters: replaced! };
  });
  const changedSets = values?.some((v, i) => v !== sets?.values[i]);
  if (connectionParameters === p.connectionParameters && !changedSets) return p;
  return {
    ...p,
    ...(connectionParameters ? { connectionParameters } : {}),
    ...(sets && values && changedSets ? { connectionParameterSets: { ...sets, values } } : {}),
  };
}

/** Every reference in `p`, with its field. */
export function secretRefs(p: PropertiesSpec): { ref: SecretRef; field: string }[] {
  const out: { ref: SecretRef; field: string }[] = [];
  withSecrets(p, (ref, field) => {
    out.push({ ref, field });
    return '';
  });
  return out;
}
