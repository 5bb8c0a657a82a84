/**
 * A last line of defence for "no secret in any output": before anything is written, every
 * output byte is searched for the values of secret-looking environment variables (an API key
 * exported for the client's tests, a CI token). A hit names the variable and the file, never
 * the value.
 */
import type { Diagnostic } from '../diagnostics';
import { diagnostic } from './diagnostics';
import { readZip, ZipReadError, type ZipEntry } from './zip-read';

const SECRET_NAME = /(SECRET|TOKEN|PASSWORD|PASSWD|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CLIENT_?SECRET|CREDENTIAL)/i;
/** Shorter values ("1", "true", "dev") would match ordinary text by accident. */
const MIN_SECRET_LENGTH = 8;

export interface Secret {
  variable: string;
  /** The value as is, and as JSON writes it when that differs (quotes, backslashes, control characters). */
  forms: Buffer[];
}

export function secretsFromEnv(env: NodeJS.ProcessEnv = process.env): Secret[] {
  const out: Secret[] = [];
  for (const [variable, value] of Object.entries(env)) {
    if (!value || value.length < MIN_SECRET_LENGTH || !SECRET_NAME.test(variable)) continue;
    const escaped = JSON.stringify(value).slice(1, -1);
    out.push({ variable, forms: [...new Set([value, escaped])].map((f) => Buffer.from(f, 'utf8')) });
  }
  return out.sort((a, b) => a.variable.localeCompare(b.variable));
}

/** Searches every file (path -> bytes) for every secret; one diagnostic per (variable, file). */
export function scanForSecrets(
  files: Iterable<[string, string | Uint8Array]>,
  secrets: readonly Secret[],
  connector: string,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!secrets.length) return out;
  for (const [file, data] of files) {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
    for (const s of secrets) {
      if (s.forms.some((f) => bytes.includes(f)))
        out.push(diagnostic('secret-in-output', { variable: s.variable }, { connector, file }));
    }
  }
  return out;
}

/**
 * The files and, for every zip among them (at any depth), its members decompressed: a secret
 * inside a compressed entry is invisible in the zip's own bytes. Members are named zip/member.
 */
export async function withZipMembers(
  files: Iterable<[string, string | Uint8Array]>,
): Promise<[string, string | Uint8Array][]> {
  const out: [string, string | Uint8Array][] = [];
  const visit = async (name: string, data: string | Uint8Array): Promise<void> => {
    out.push([name, data]);
    if (typeof data === 'string' || !name.toLowerCase().endsWith('.zip')) return;
    let entries: ZipEntry[];
    try {
      entries = await readZip(data);
    } catch (e) {
      if (e instanceof ZipReadError) return; // not a zip after all: its bytes were scanned as they are
      throw e;
    }
    for (const e of entries) if (!e.dir) await visit(`${name}/${e.path}`, e.data);
  };
  for (const [name, data] of files) await visit(name, data);
  return out;
}
