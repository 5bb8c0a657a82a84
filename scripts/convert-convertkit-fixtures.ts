/**
 * Converts the shared ConvertKit exchanges (../shared/fixtures/convertkit: one file per
 * operation with alternates, plus errors/) into pcdk recordings in definitions/convertkit/recordings/, one
 * file per exchange. Run: `node scripts/run-ts.js scripts/convert-convertkit-fixtures.ts
 * [sharedFixturesDir] [outDir]`. Deterministic: the same input gives the same files.
 *
 * Normalisations (each recorded in the fixture's notes.converted):
 * - credentials: api_key / api_secret leave the body and become the connector's auth, api_secret
 *   in the query, with the placeholder value (the docs say the secret works wherever the key does).
 *   Error exchanges keep the credential name they document (a public key on a secret-only call).
 * - inputs the 2017 recording sent in the query although the operation takes them in the body are
 *   moved to the body; the empty ones the API ignored are dropped.
 * - an empty-string request body is null.
 * - webhooks/ are not operations of the connector and are skipped.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import convertkit from '../definitions/convertkit/connector';
import { jsonText } from '../src/emit/json';
import { writeDirAtomic } from '../src/io/atomic-write';
import { FIXTURE_REDACTED, fixtureFileName, type Fixture, type KnownMismatch } from '../src/recordings/format';
import { redactDeep } from '../src/recordings/redact';
import { matchRoute } from '../src/recordings/request-match';

interface SharedExchange {
  operation?: string;
  source: string;
  kind: string;
  request: { method: string; path: string; query: Record<string, string>; body: unknown };
  response: { status: number; headers: Record<string, string>; body: unknown };
  notes?: Record<string, unknown>;
  alternates?: SharedExchange[];
}

const CREDENTIALS = ['api_key', 'api_secret'];

/** Places where the live API knowingly differs from a schema kept for compatibility. */
const KNOWN: Record<string, (body: unknown) => KnownMismatch[]> = {
  BroadcastGetStat: (body) => {
    const b = (body as { broadcast?: unknown } | null)?.broadcast;
    return b && typeof b === 'object' && !Array.isArray(b)
      ? [
          {
            pointer: '/broadcast',
            reason:
              'the live API returns one object under "broadcast"; the schema keeps the published array so existing flows keep working (readme, known issues)',
          },
        ]
      : [];
  },
};

/** Exchanges left out, with the reason (listed in definitions/convertkit/recordings/README.md too). */
export const SKIPPED: Record<string, string> = {
  'POST_tags.json alternates[0]':
    'creates several tags in one call (tag: [...]) and answers with an array; the connector models single-tag creation, whose request and response shapes are fixed by the published connector',
};

/** Docs placeholders standing where a value belongs, and the value the fixture uses instead. */
const PLACEHOLDERS: Record<string, { pointer: string; value: unknown; note: string }> = {
  'PUT_subscribers_subscriber_id.json alternates[0]': {
    pointer: 'fields',
    value: Object.fromEntries(
      Array.from({ length: 11 }, (_, i) => [`field_${String(i + 1).padStart(2, '0')}`, `value ${i + 1}`]),
    ),
    note: 'the docs give only the placeholder "<11 to 125 custom fields>"; 11 generated custom fields (field_01..field_11) stand in for it',
  },
};

export function convertExchange(
  ex: SharedExchange,
  origin: string,
  isError: boolean,
): { fixture: Fixture; label: string } {
  const match = matchRoute(convertkit, ex.request.method, ex.request.path);
  if (!match) throw new Error(`${origin}: ${ex.request.method} ${ex.request.path} matches no ConvertKit operation`);
  const op = match.op;
  const converted: string[] = [];
  const query: Record<string, string> = {};
  let body: unknown = ex.request.body === '' ? null : structuredClone(ex.request.body);
  if (ex.request.body === '') converted.push('empty-string request body recorded as null');
  const credentialsSeen: string[] = [];
  for (const [k, v] of Object.entries(ex.request.query ?? {})) {
    if (CREDENTIALS.includes(k)) credentialsSeen.push(k);
    else if (op.body?.properties?.[k] && !op.params[k]) {
      if (v === '') converted.push(`query "${k}" was empty and ignored by the API: dropped`);
      else {
        body = { ...((body as Record<string, unknown> | null) ?? {}), [k]: v };
        converted.push(`query "${k}" moved to the body, where the operation takes it`);
      }
    } else query[k] = v;
  }
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const b = body as Record<string, unknown>;
    for (const k of CREDENTIALS) {
      if (k in b) {
        credentialsSeen.push(k);
        delete b[k];
        converted.push(`credential "${k}" moved from the body to the query`);
      }
    }
    if (Object.keys(b).length === 0 && !op.body) body = null;
  }
  if (credentialsSeen.length > 0) {
    if (isError) for (const k of [...new Set(credentialsSeen)].sort()) query[k] = FIXTURE_REDACTED;
    else {
      query.api_secret = FIXTURE_REDACTED;
      if (credentialsSeen.some((k) => k !== 'api_secret'))
        converted.push("public api_key replaced by api_secret, the connector's only credential");
    }
    converted.push(`credential values replaced by "${FIXTURE_REDACTED}"`);
  }
  const placeholder = PLACEHOLDERS[origin];
  if (placeholder && body && typeof body === 'object') {
    (body as Record<string, unknown>)[placeholder.pointer] = placeholder.value;
    converted.push(placeholder.note);
  }
  const responseBody = redactDeep(ex.response.body);
  if (JSON.stringify(responseBody) !== JSON.stringify(ex.response.body))
    converted.push('credentials inside response URLs redacted');
  const fixture: Fixture = {
    operationId: op.id,
    source: `${ex.source} [converted from shared/fixtures/convertkit/${origin}]`,
    kind: isError ? `error (${ex.kind})` : ex.kind,
    request: {
      method: ex.request.method.toUpperCase(),
      path: ex.request.path,
      query: sortKeys(query),
      body: redactDeep(body),
    },
    response: { status: ex.response.status, headers: ex.response.headers, body: responseBody },
  };
  const known = isError ? [] : (KNOWN[op.id]?.(responseBody) ?? []);
  if (known.length > 0) fixture.knownMismatches = known;
  const notes: Record<string, unknown> = { ...(ex.notes ?? {}) };
  if (converted.length > 0) notes.converted = converted;
  if (Object.keys(notes).length > 0) fixture.notes = redactDeep(notes);
  return { fixture, label: ex.kind };
}

function sortKeys(o: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

export function convertDir(sharedDir: string): Map<string, string> {
  const files = new Map<string, string>();
  const add = (f: Fixture, label: string): void => {
    const name = fixtureFileName(f.operationId, label);
    if (files.has(name)) throw new Error(`two exchanges map to ${name}`);
    files.set(name, jsonText(f));
  };
  for (const file of fs
    .readdirSync(sharedDir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const ex = JSON.parse(fs.readFileSync(path.join(sharedDir, file), 'utf8')) as SharedExchange;
    const all = [ex, ...(ex.alternates ?? [])];
    all.forEach((e, i) => {
      const origin = i === 0 ? file : `${file} alternates[${i - 1}]`;
      if (SKIPPED[origin]) return;
      const { fixture } = convertExchange(e, origin, false);
      add(fixture, `${String(i + 1).padStart(2, '0')}-${e.kind.split(' ')[0]}`);
    });
  }
  const errDir = path.join(sharedDir, 'errors');
  if (fs.existsSync(errDir)) {
    for (const file of fs
      .readdirSync(errDir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const ex = JSON.parse(fs.readFileSync(path.join(errDir, file), 'utf8')) as SharedExchange;
      const { fixture } = convertExchange(ex, `errors/${file}`, true);
      add(fixture, `error-${file.replace(/\.json$/, '')}`);
    }
  }
  return files;
}

function main(): void {
  const shared = path.resolve(
    process.argv[2] ??
      process.env.PCDK_SHARED_FIXTURES ??
      path.join(__dirname, '..', '..', 'shared', 'fixtures', 'convertkit'),
  );
  const out = path.resolve(process.argv[3] ?? path.join(process.cwd(), 'definitions', 'convertkit', 'recordings'));
  const files = convertDir(shared);
  const readme = path.join(out, 'README.md');
  if (fs.existsSync(readme)) files.set('README.md', fs.readFileSync(readme, 'utf8'));
  writeDirAtomic(out, files);
  process.stdout.write(`wrote ${files.size} files to ${path.relative(process.cwd(), out) || '.'}\n`);
}

if (require.main === module) main();
