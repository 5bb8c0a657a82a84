/**
 * Deterministic JSON text: 2-space indent, LF, trailing newline. Key order is whatever the
 * emitters built (they build in a fixed order), so the same model always gives the same bytes.
 */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Defined with the document types; re-exported for emitters that import it from here. */
export type { JsonObject } from '../swagger/found';
