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
 * - webhooks/: the registration exchanges belong to the trigger whose event they register (all
 *   triggers share POST /automations/hooks); a trigger the docs give no example for gets a
 *   composite of the documented one with its own event (notes.inferred says what changed). The
 *   deletion belongs to WebhookDelete; the two payloads become delivery files of a subscriber
 *   trigger and of the purchase trigger.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import convertkit from '../definitions/convertkit/connector';
import { jsonText } from '../src/emit/json';
import { writeDirAtomic } from '../src/io/atomic-write';
import { FIXTURE_REDACTED, fixtureFileName, type Fixture, type KnownMismatch } from '../src/recordings/format';
import { redactDeep } from '../src/recordings/redact';
import { matchRoutes, type RouteMatch } from '../src/recordings/request-match';
import { SchemaValidators } from '../src/recordings/body-validator';
import type { Delivery } from '../src/recordings/format';

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

const validators = new SchemaValidators();

/**
 * The operation an exchange records. Triggers registered at one path (one per event) share the
 * route: the one whose body schema accepts the request (credentials aside) is the one.
 */
function pickOperation(matches: RouteMatch[], body: unknown): RouteMatch | undefined {
  if (matches.length <= 1) return matches[0];
  const b = body && typeof body === 'object' ? { ...(body as Record<string, unknown>) } : body;
  if (b && typeof b === 'object') for (const k of CREDENTIALS) delete (b as Record<string, unknown>)[k];
  return matches.find((m) => m.op.body && validators.get(m.op.body)(b));
}

export function convertExchange(
  ex: SharedExchange,
  origin: string,
  isError: boolean,
): { fixture: Fixture; label: string } {
  const match = pickOperation(matchRoutes(convertkit, ex.request.method, ex.request.path), ex.request.body);
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
  const hooks = path.join(sharedDir, 'webhooks');
  if (fs.existsSync(hooks)) convertWebhooks(hooks, add, files);
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

/** Filter values for composite registrations: ids the other documented examples use. */
const FILTER_SAMPLES: Record<string, { value: unknown; from: string }> = {
  form_id: { value: 1, from: 'form 1 of the documented form subscription (POST /v3/forms/1/subscribe)' },
  sequence_id: { value: 18, from: 'sequence 18 of the documented course_complete registration' },
  tag_id: { value: 1, from: 'tag 1 of the documented tag subscription (POST /v3/tags/1/subscribe)' },
  product_id: { value: 1, from: 'product 1, a placeholder: v3 has no product list to take an id from' },
  initiator_value: { value: 'https://example.com/', from: 'https://example.com/, a placeholder link' },
};

interface TriggerEvent {
  operationId: string;
  event: string;
  filter?: string;
}

/** The webhook triggers of the connector with the event their body fixes and the input it filters on. */
function triggerEvents(): TriggerEvent[] {
  const out: TriggerEvent[] = [];
  for (const op of convertkit.operations) {
    if (op.trigger?.kind !== 'webhook') continue;
    const props = op.body?.properties?.event?.properties ?? {};
    const event = props.name?.enum?.[0];
    if (typeof event !== 'string') throw new Error(`${op.id}: the body fixes no event name`);
    const filter = Object.keys(props).find((k) => k !== 'name');
    out.push({ operationId: op.id, event, ...(filter ? { filter } : {}) });
  }
  return out;
}

/** The documented registration rewritten for another event: what v3 answers is the same shape. */
function compositeRegistration(base: SharedExchange, t: TriggerEvent): SharedExchange {
  const sample = t.filter ? FILTER_SAMPLES[t.filter] : undefined;
  if (t.filter && !sample) throw new Error(`${t.operationId}: no sample value for ${t.filter}`);
  const filter = t.filter && sample ? { [t.filter]: sample.value } : {};
  const req = base.request.body as Record<string, unknown>;
  const res = structuredClone(base.response.body) as { rule: Record<string, unknown> };
  res.rule.event = { name: t.event.replace(/^[a-z_]+\./, ''), ...filter };
  return {
    source: base.source,
    kind: 'composite',
    request: { ...base.request, body: { ...req, event: { name: t.event, ...filter } } },
    response: { ...base.response, body: res },
    notes: {
      inferred: [
        `the documented create-webhook exchange (webhooks/POST_automations_hooks.json) with event.name ${t.event}${sample ? ` and ${t.filter} from ${sample.from}` : ''}`,
        "the answer's event.name drops the event's prefix, as the documented answers drop 'subscriber.'",
        ...((base.notes?.inferred as string[] | undefined) ?? []),
      ],
    },
  };
}

/** webhooks/: registrations (documented or composite), the deletion and the two deliveries. */
function convertWebhooks(dir: string, add: (f: Fixture, label: string) => void, files: Map<string, string>): void {
  const read = (f: string): SharedExchange => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as SharedExchange;
  const reg = read('POST_automations_hooks.json');
  const covered = new Set<string>();
  [reg, ...(reg.alternates ?? [])].forEach((e, i) => {
    const origin =
      i === 0 ? 'webhooks/POST_automations_hooks.json' : `webhooks/POST_automations_hooks.json alternates[${i - 1}]`;
    const { fixture } = convertExchange(e, origin, false);
    covered.add(fixture.operationId);
    add(fixture, `${String(i + 1).padStart(2, '0')}-${e.kind.split(' ')[0]}`);
  });
  for (const t of triggerEvents()) {
    if (covered.has(t.operationId)) continue;
    const { fixture } = convertExchange(compositeRegistration(reg, t), 'webhooks/POST_automations_hooks.json', false);
    if (fixture.operationId !== t.operationId)
      throw new Error(`${t.operationId}: its composite matched ${fixture.operationId}`);
    add(fixture, '01-composite');
  }
  const del = convertExchange(
    read('DELETE_automations_hooks_rule_id.json'),
    'webhooks/DELETE_automations_hooks_rule_id.json',
    false,
  );
  add(del.fixture, `01-${del.label.split(' ')[0]}`);
  const deliveries: [string, string][] = [
    ['payload_subscriber_event.json', 'SubscriberActivatedTrigger'],
    ['payload_purchase_event.json', 'PurchaseCreatedTrigger'],
  ];
  for (const [file, operationId] of deliveries) {
    const ex = read(file) as SharedExchange & { event?: string };
    const delivery: Delivery = {
      operationId,
      source: `${ex.source} [converted from shared/fixtures/convertkit/webhooks/${file}]`,
      kind: 'delivery',
      delivery: { body: redactDeep(ex.request.body) },
      notes: redactDeep({ event: ex.event, ...(ex.notes ?? {}) }) as Record<string, unknown>,
    };
    const name = fixtureFileName(operationId, `delivery-${ex.kind.split(' ')[0]}`);
    if (files.has(name)) throw new Error(`two deliveries map to ${name}`);
    files.set(name, jsonText(delivery));
  }
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

// Run directly, or through scripts/run-ts.js (which requires the script: require.main is run-ts).
if (require.main === module || process.argv[1] === __filename) main();
