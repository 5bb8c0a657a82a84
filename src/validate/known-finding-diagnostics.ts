/**
 * Codes of the baseline of known findings (src/validate/known-findings.ts), spread into the
 * validate area's table (diagnostics.ts). A finding an entry names keeps its own code and
 * becomes a warning; these are the baseline's findings about itself.
 */
import { def } from '../diagnostics/define';

export const KNOWN_FINDING_DEFINITIONS = {
  'known-finding-fixed': def<{ entry: string }>({
    severity: 'warning',
    message: (a) => `knownFindings entry ${a.entry} matches no finding any more: the fault is fixed`,
    hint: 'Delete this entry from knownFindings in defineConnector, so that the fault fails the build again if it comes back.',
  }),
  'known-finding-refused': def<{ entry: string; reason: string }>({
    severity: 'error',
    message: (a) => `knownFindings entry ${a.entry} cannot be kept as a known finding: ${a.reason}`,
    hint: 'Delete the entry and fix the finding itself: secret and type errors are never baselined.',
  }),
  'known-finding-invalid': def<{ entry: string; reason: string }>({
    severity: 'error',
    message: (a) => `knownFindings entry ${a.entry} is not a finding pcdk can match: ${a.reason}`,
    hint: 'Write { code, operation?, field? } or { code, operation?, file?, pointer? } with the code and place pcdk printed (`pcdk validate <id> --json` lists them), or delete the entry.',
  }),
};
