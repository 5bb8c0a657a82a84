/**
 * Every area's diagnostics together: what `pcdk validate --rules` lists and SARIF describes. Each
 * area owns its codes (src/<area>/diagnostics.ts); only this top-level view merges them, so no
 * area depends on another to report its findings.
 */
import type { DiagnosticDefinition } from '../diagnostics';
import { API_IMPORT_DIAGNOSTICS } from '../import/api-description/diagnostics';
import { IMPORT_DIAGNOSTICS } from '../import/diagnostics';
import { LOAD_DIAGNOSTICS } from '../load/diagnostics';
import { PACK_DIAGNOSTICS } from '../pack/diagnostics';
import { RECORDINGS_DIAGNOSTICS } from '../recordings/diagnostics';
import { SYNTH_DIAGNOSTICS } from '../synth/diagnostics';
import { VALIDATE_DIAGNOSTICS } from '../validate/diagnostics';

export const DIAGNOSTIC_AREAS = [
  LOAD_DIAGNOSTICS,
  VALIDATE_DIAGNOSTICS,
  RECORDINGS_DIAGNOSTICS,
  SYNTH_DIAGNOSTICS,
  PACK_DIAGNOSTICS,
  IMPORT_DIAGNOSTICS,
  API_IMPORT_DIAGNOSTICS,
];

export interface CatalogEntry {
  area: string;
  definition: DiagnosticDefinition<never>;
}

/** Code -> its area and definition, in the areas' order (a test checks that no code is defined twice). */
export const DIAGNOSTIC_CATALOG: ReadonlyMap<string, CatalogEntry> = new Map(
  DIAGNOSTIC_AREAS.flatMap((a) =>
    Object.entries(a.definitions as Readonly<Record<string, DiagnosticDefinition<never>>>).map(
      ([code, definition]) => [code, { area: a.area, definition }] as const,
    ),
  ),
);
