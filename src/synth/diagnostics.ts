/** The build's own findings about what it produced (the generated client). */
import { def, defineDiagnostics } from '../diagnostics/define';

export const SYNTH_DIAGNOSTICS = defineDiagnostics('synth', {
  'client-generation-failed': def<{ reason: string }>({
    severity: 'error',
    message: (a) => `the client cannot be generated: ${a.reason}`,
    hint: 'This is a pcdk bug if the descriptors validated; report it with the descriptor.',
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
