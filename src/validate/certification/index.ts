/**
 * Layer 4: the certification rules of reference/power-platform.md §3, as tables of small rules
 * over the swagger, apiProperties and readme as found on disk (no descriptors needed, so any
 * connector folder can be checked). Each finding is registered in ../diagnostics.ts with the
 * Microsoft validator rule id where one exists and a severity calibrated on the corpus.
 */
import type { Diagnostic } from '../../diagnostics';
import { diagnostic } from '../diagnostics';
import { makeDocument, type At, type CertFile, type Report } from './document';
import { DYNAMIC_RULES } from './dynamic-rules';
import { DOCUMENT_RULES } from './info-rules';
import { crossOperationRules, OPERATION_RULES } from './operation-rules';
import { PARAMETER_RULES } from './parameter-rules';
import { PROPERTIES_RULES } from './properties-rules';
import { SCHEMA_RULES } from './schema-rules';
import { SIZE_RULES } from './size-rules';

export type { CertFile } from './document';

export interface CertificationInput {
  connector: string;
  swagger: unknown;
  apiProperties?: unknown;
  readme?: string;
  swaggerChars?: number;
  /** File names for each input, as they should appear in diagnostics. */
  files: Record<CertFile, string>;
}

export interface CertificationFinding {
  diagnostic: Diagnostic;
  file: CertFile;
}

export function runCertification(input: CertificationInput): CertificationFinding[] {
  const doc = makeDocument(input);
  const out: CertificationFinding[] = [];
  const report: Report = (code, args, at: At) => {
    const file = at.file ?? 'apiDefinition';
    const where = {
      connector: input.connector,
      file: input.files[file],
      pointer: at.pointer,
      ...(at.operation ? { operation: at.operation } : {}),
      ...(at.field ? { field: at.field } : {}),
    };
    out.push({ diagnostic: diagnostic(code, args, where, 'certification'), file });
  };
  for (const rule of DOCUMENT_RULES) rule(doc, report);
  crossOperationRules(doc, report);
  for (const o of doc.operations) {
    for (const rule of OPERATION_RULES) rule(o, doc, report);
    for (const rule of PARAMETER_RULES) rule(o, doc, report);
    for (const rule of DYNAMIC_RULES) rule(o, doc, report);
    for (const rule of SIZE_RULES) rule(o, doc, report);
  }
  for (const rule of SCHEMA_RULES) rule(doc, report);
  for (const rule of PROPERTIES_RULES) rule(doc, report);
  return out;
}
