/**
 * A secret a descriptor names but never holds: `secret('ZOO_CLIENT_SECRET')` stands where an
 * OAuth client secret belongs. Descriptors live in git, and secrets must not; generated files
 * must not hold them either, so the build writes the clientSecret empty, for paconn or pac to
 * fill at deployment, and checks the variable is set (src/synth/secrets.ts).
 */
import type { SecretRef } from '../swagger/api-properties';
import { noteSite } from './source-site';

export type { SecretRef } from '../swagger/api-properties';

/** A reference to the environment variable `env`, which holds the secret where the connector is deployed. */
export function secret(env: string): SecretRef {
  return noteSite(Object.freeze({ kind: 'secret' as const, env }));
}

export function isSecretRef(v: unknown): v is SecretRef {
  return (
    typeof v === 'object' &&
    v !== null &&
    (v as SecretRef).kind === 'secret' &&
    typeof (v as SecretRef).env === 'string'
  );
}
