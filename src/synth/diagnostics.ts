/** The build's own findings about what it produced (the generated client). */
import { def, defineDiagnostics } from '../diagnostics/define';

export const SYNTH_DIAGNOSTICS = defineDiagnostics('synth', {
  'client-generation-failed': def<{ reason: string }>({
    severity: 'error',
    message: (a) => `the client cannot be generated: ${a.reason}`,
    hint: 'This is a pcdk bug if the descriptors validated; report it with the descriptor.',
  }),
  'secret-env-missing': def<{ env: string; field: string }>({
    severity: 'warning',
    message: (a) => `${a.field} is secret('${a.env}'), and the environment variable ${a.env} is not set`,
    hint: 'Set it where you deploy (a shell export or a CI secret) and pass it to `paconn create --secret "$VAR"` or pac; pcdk writes the clientSecret empty and never copies a secret into a file or a log.',
  }),
  'client-skipped': def<{ reason: string }>({
    severity: 'warning',
    message: (a) => `no typed client generated: ${a.reason}`,
    hint: 'The connector builds as usual; the client covers authored descriptors with apiKey or no auth.',
  }),
});

/** This area's definitions, by code. */
export const DIAGNOSTICS = SYNTH_DIAGNOSTICS.definitions;
export const { diagnostic } = SYNTH_DIAGNOSTICS;
export type DiagnosticCode = keyof typeof SYNTH_DIAGNOSTICS.definitions;
