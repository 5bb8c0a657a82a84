/**
 * Removes the secret from text that crosses the client boundary (error text, causes). It is
 * replaced in every form it can take in a URL: raw, percent-encoded and form-encoded.
 */
export const REDACTED = '[REDACTED]';

export type Redactor = (text: string) => string;

export function redactorFor(secret: string): Redactor {
  if (!secret) return (text) => text;
  const forms = [...new Set([secret, encodeURIComponent(secret), encodeURIComponent(secret).replace(/%20/g, '+')])]
    // Longest first, so a form containing another is replaced whole.
    .sort((a, b) => b.length - a.length);
  return (text) => forms.reduce((acc, f) => acc.split(f).join(REDACTED), text);
}

/** A copy of an error (and its cause chain) with the secret removed from messages and codes. */
export function redactError(e: unknown, redact: Redactor, depth = 0): Error {
  const src = e instanceof Error ? e : new Error(String(e));
  const cause = depth < 3 && src.cause !== undefined ? redactError(src.cause, redact, depth + 1) : undefined;
  const copy = new Error(redact(src.message), cause === undefined ? undefined : { cause });
  copy.name = src.name;
  const code = (src as { code?: unknown }).code;
  if (typeof code === 'string') (copy as { code?: string }).code = redact(code);
  // The copy's stack would point into the client; the original's may quote the URL. Keep neither.
  copy.stack = `${copy.name}: ${copy.message}`;
  return copy;
}
