/**
 * Fields given twice: once in the typed (authored) form and once in the declared (imported) form
 * of the model. The emitters write one of the two (src/emit/declared-operation.ts, emitSwagger,
 * emitApiProperties), so the other would have no effect at all; the descriptor rules report each
 * pair as an error saying which one the build writes and how to keep only the typed form.
 * A value equal to the declared one is no conflict: that is how pcdk import writes the
 * connector-level fields (derived from the declared document, for the readme and client).
 */
import type { Connector } from '../model/connector';
import type { Operation } from '../model/operation';

export interface Overlap {
  /** The typed field, as the finding's field: `params`, `responses`, `auth`, `title`. */
  readonly typed: string;
  /** The declared field it meets. */
  readonly declared: string;
  /** Which of the two the build writes. */
  readonly winner: 'typed' | 'declared';
  /** How to give the field once. */
  readonly fix: string;
}

const nonEmpty = (v: object | undefined): boolean => v !== undefined && Object.keys(v).length > 0;

const MOVE_PARAMS =
  'To use params, move every declared parameter into params (path(), query() or header() with a t.* schema) and delete declared.operation.parameters; otherwise remove params.';

/** Per operation: one row per typed/declared pair of DeclaredOperation (src/model/declared.ts). */
export function operationOverlaps(op: Operation): Overlap[] {
  const d = op.declared;
  if (!d) return [];
  const keys = d.operation ?? {};
  const out: Overlap[] = [];
  const pair = (typed: string, declared: string, winner: Overlap['winner'], fix: string): void => {
    out.push({ typed, declared, winner, fix });
  };
  const declaredParams = keys.parameters !== undefined;
  if (declaredParams && nonEmpty(op.params)) pair('params', 'declared.operation.parameters', 'declared', MOVE_PARAMS);
  if (declaredParams && (op.body !== undefined || op.bodyRequired !== undefined))
    pair(
      op.body !== undefined ? 'body' : 'bodyRequired',
      'declared.operation.parameters',
      'declared',
      'To use body, write it as a t.object(...) schema, drop the body parameter (in: "body") from the declared parameters and delete declared.operation.parameters once the rest are in params; otherwise remove body and bodyRequired.',
    );
  if (keys.responses !== undefined && nonEmpty(op.responses))
    pair(
      'responses',
      'declared.operation.responses',
      'declared',
      'To use responses, write each status as a t.* schema or response(description, schema) and delete declared.operation.responses; otherwise write responses: {}.',
    );
  const scalar = [
    ['summary', 'summary', op.summary !== undefined && op.summary !== ''],
    ['description', 'description', op.description !== undefined && op.description !== ''],
    ['tags', 'tags', op.tags !== undefined],
    ['deprecated', 'deprecated', op.deprecated !== undefined],
    ['visibility', 'x-ms-visibility', op.visibility !== undefined],
  ] as const;
  for (const [typed, key, given] of scalar) {
    if (given && keys[key] !== undefined)
      pair(typed, `declared.operation["${key}"]`, 'declared', `Keep ${typed} and delete declared.operation["${key}"].`);
  }
  for (const key of d.omitted ?? []) {
    const given = key === 'parameters' ? nonEmpty(op.params) || op.body !== undefined : Boolean(op[key]);
    if (given)
      pair(
        key === 'parameters' ? (nonEmpty(op.params) ? 'params' : 'body') : key,
        'declared.omitted',
        'declared',
        `declared.omitted leaves "${key}" out of the swagger: remove "${key}" from declared.omitted to write it.`,
      );
  }
  // Declared refinements of typed fields, beside a declared list that replaces those fields.
  if (declaredParams && d.bodyParameter !== undefined)
    pair(
      'declared.bodyParameter',
      'declared.operation.parameters',
      'declared',
      'The declared parameter list names and labels the body itself: delete declared.bodyParameter.',
    );
  if (declaredParams && d.requiredOmitted !== undefined)
    pair(
      'declared.requiredOmitted',
      'declared.operation.parameters',
      'declared',
      'The declared parameter list says `required` itself: delete declared.requiredOmitted.',
    );
  // The refinements the importer writes beside typed parameters (src/model/declared.ts): a
  // declared list replaces every parameter, so each of them is then ignored.
  const refinements = [
    [
      'declared.urlEncodingOmitted',
      d.urlEncodingOmitted !== undefined,
      'says which path parameters carry x-ms-url-encoding',
    ],
    ['declared.parameterKeys', d.parameterKeys !== undefined, 'holds every key of each parameter'],
    ['declared.bodyIndex', d.bodyIndex !== undefined, 'puts the body parameter where it stands'],
    ['declared.body', d.body !== undefined, 'holds the body parameter itself'],
  ] as const;
  for (const [typed, given, why] of refinements)
    if (declaredParams && given)
      pair(typed, 'declared.operation.parameters', 'declared', `The declared parameter list ${why}: delete ${typed}.`);
  if (keys.responses !== undefined && d.responses !== undefined)
    pair(
      'declared.responses',
      'declared.operation.responses',
      'declared',
      'The declared responses carry their headers and examples themselves: delete declared.responses.',
    );
  return out;
}

/** Connector fields that the declared document or apiProperties replace, when they say something else. */
export function connectorOverlaps(c: Connector): Overlap[] {
  const d = c.declared;
  if (!d) return [];
  const out: Overlap[] = [];
  const doc = d.document ?? {};
  const props = d.properties ?? {};
  const security = [
    doc.securityDefinitions !== undefined && 'declared.document.securityDefinitions',
    doc.security !== undefined && 'declared.document.security',
    props.connectionParameters !== undefined && 'declared.properties.connectionParameters',
    props.connectionParameterSets !== undefined && 'declared.properties.connectionParameterSets',
  ].filter((s): s is string => Boolean(s));
  if (c.auth && security.length)
    out.push({
      typed: 'auth',
      declared: security.join(', '),
      winner: 'typed',
      fix: `auth replaces the declared security: delete ${security.join(' and ')} to keep auth, or remove auth to keep the declared security.`,
    });
  const info = doc.info;
  const metadata = (name: string): string | undefined =>
    doc['x-ms-connector-metadata']?.find((m) => m.propertyName?.toLowerCase() === name.toLowerCase())?.propertyValue;
  // [typed field, its value, the declared field, the declared value, the value that says nothing]
  const fields: [string, unknown, string, unknown, unknown][] = [
    ['title', c.title, 'declared.document.info.title', info?.title, ''],
    ['description', c.description, 'declared.document.info.description', info?.description, ''],
    ['version', c.version, 'declared.document.info.version', info?.version, ''],
    ['host', c.host, 'declared.document.host', doc.host, ''],
    ['basePath', c.basePath, 'declared.document.basePath', doc.basePath, '/'],
    ['schemes', c.schemes, 'declared.document.schemes', doc.schemes, ['https']],
    ['contact.name', c.contact?.name, 'declared.document.info.contact.name', info?.contact?.name, ''],
    ['contact.url', c.contact?.url, 'declared.document.info.contact.url', info?.contact?.url, ''],
    ['contact.email', c.contact?.email, 'declared.document.info.contact.email', info?.contact?.email, ''],
    ['metadata.website', c.metadata?.website, 'declared.document["x-ms-connector-metadata"]', metadata('Website'), ''],
    [
      'metadata.privacyPolicy',
      c.metadata?.privacyPolicy,
      'declared.document["x-ms-connector-metadata"]',
      metadata('Privacy policy'),
      '',
    ],
    ['publisher', c.publisher, 'declared.properties.publisher', props.publisher, ''],
    ['stackOwner', c.stackOwner, 'declared.properties.stackOwner', props.stackOwner, ''],
    ['iconBrandColor', c.iconBrandColor, 'declared.properties.iconBrandColor', props.iconBrandColor, ''],
  ];
  for (const [typed, value, declared, declaredValue, silent] of fields) {
    if (value === undefined || same(value, declaredValue ?? silent)) continue;
    out.push({
      typed,
      declared,
      winner: 'declared',
      fix:
        declaredValue === undefined
          ? `The declared document leaves it out, so the swagger does too: add it to ${declared}, or set ${typed} to ${JSON.stringify(silent)}.`
          : `Change ${declared} (the value the build writes), and derive ${typed} from it as pcdk import does.`,
    });
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
