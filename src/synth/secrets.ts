/**
 * The build's one contact with secrets: each secret('ENV') of a connector's declared
 * apiProperties is written as an empty clientSecret, which paconn (`--secret`) or pac fills at
 * deployment; no secret ever reaches a generated file, log or message. The build only checks
 * that the variable is set where it runs, and warns, naming the variable and where the
 * descriptor asks for it, when it is not: a deployment from here would have no secret to pass.
 */
import type { OAuth2Auth } from '../model/auth';
import type { Connector } from '../model/connector';
import { copySite, siteOf } from '../model/source-site';
import type { Diagnostic } from '../diagnostics';
import { withSecrets } from '../emit/secrets';
import { diagnostic } from './diagnostics';

export type Environment = Readonly<Record<string, string | undefined>>;

export function resolveSecrets(c: Connector, env: Environment): { connector: Connector; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  // A typed oauth2() auth (alone or in a set): its clientSecret is always written empty (src/emit/security.ts).
  for (const { auth, field } of typedOAuth(c)) {
    const ref = auth.clientSecret;
    if (!ref || typeof ref.env !== 'string' || env[ref.env]) continue;
    diagnostics.push(
      diagnostic(
        'secret-env-missing',
        { env: ref.env, field },
        { connector: c.id, field, source: siteOf(ref) ?? siteOf(auth) },
      ),
    );
  }
  if (!c.declared) return { connector: c, diagnostics };
  const properties = withSecrets(c.declared.properties, (ref, field) => {
    if (env[ref.env]) return '';
    diagnostics.push(
      diagnostic(
        'secret-env-missing',
        { env: ref.env, field },
        { connector: c.id, field: `declared.properties.${field}`, source: siteOf(ref) },
      ),
    );
    return '';
  });
  if (properties === c.declared.properties) return { connector: c, diagnostics };
  return { connector: copySite(c, { ...c, declared: { ...c.declared, properties } }), diagnostics };
}

function typedOAuth(c: Connector): { auth: OAuth2Auth; field: string }[] {
  const a = c.auth;
  if (a?.type === 'oauth2') return [{ auth: a, field: 'auth.clientSecret' }];
  if (a?.type !== 'sets') return [];
  return a.sets.flatMap((s, i) =>
    s.auth?.type === 'oauth2' ? [{ auth: s.auth, field: `auth.sets[${i}].auth.clientSecret` }] : [],
  );
}
