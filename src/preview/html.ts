/** Escaping for the preview page: descriptors are author input, so every value is escaped where it lands. */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or an attribute value (double- or single-quoted). */
export function esc(v: string): string {
  return v.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/** A value as a JSON attribute (data-*), escaped; the script reads it back with JSON.parse. */
export function jsonAttr(v: unknown): string {
  return esc(JSON.stringify(v));
}

/** An id fragment from any text: ASCII letters, digits and dashes only. */
export function idPart(v: string): string {
  return v.replace(/[^A-Za-z0-9-]/g, '_');
}
