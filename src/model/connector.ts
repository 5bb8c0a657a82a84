/**
 * defineConnector: the whole connector as one frozen value. Every artifact pcdk writes is a
 * pure function of it.
 */
import type { ApiKeyAuth, BasicAuth, ConnectionSetsAuth, OAuth2Auth } from './auth';
import type { DeclaredConnector } from './declared';
import type { KnownFinding } from './known-finding';
import type { Operation } from './operation';
import type { ScriptSpec } from './properties';
import { copySite, noteSite } from './source-site';

/** The categories certification accepts (InvalidConnectorCategory), at most two per connector. */
export const CATEGORIES = [
  'AI',
  'Business Management',
  'Business Intelligence',
  'Collaboration',
  'Commerce',
  'Communication',
  'Content and Files',
  'Finance',
  'Data',
  'Human Resources',
  'Internet of Things',
  'IT Operations',
  'Lifestyle and Entertainment',
  'Marketing',
  'Productivity',
  'Sales and CRM',
  'Security',
  'Social Media',
  'Website',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface ConnectionUi {
  /** Shown in the "Creating a connection" dialog. */
  displayName: string;
  description: string;
  tooltip?: string;
  tabIndex?: number;
}

/**
 * How the connection authenticates, as an author writes it. A discriminated union so that OAuth 2
 * and the other schemes of real connectors slot in beside these without changing the emitters'
 * shape. Security an imported connector declares verbatim is not an Auth: it sits in the
 * connector's `declared` document and properties (src/model/declared.ts). The builders of
 * src/model/auth.ts (noAuth, apiKey, basicAuth, oauth2, connectionParameterSets) write these
 * with defaults.
 */
export type Auth = { readonly type: 'none' } | ApiKeyAuth | BasicAuth | OAuth2Auth | ConnectionSetsAuth;

export interface Throttling {
  /** Calls allowed per renewal period, per connection (per client instance in the Node client). */
  readonly calls: number;
  readonly renewalSeconds: number;
}

/** The fields every connector has; ConnectorSpec adds its auth or its declared form. */
export interface ConnectorFields {
  /** Folder-safe id: dist/<id>/. */
  id: string;
  title: string;
  description: string;
  version: string;
  host: string;
  basePath: string;
  schemes: readonly ('https' | 'http')[];
  contact: { name: string; url: string; email: string };
  metadata: { website: string; privacyPolicy: string; categories: readonly Category[] };
  publisher: string;
  stackOwner: string;
  iconBrandColor: string;
  throttling?: Throttling;
  /**
   * The actions, keyed by the generated client's method name: `{ getAccount, listForms }` names
   * each after the const that holds it. A list keeps each operation's own clientName (or its
   * operationId with a lower-case first letter), as imported connectors write them.
   */
  operations: Readonly<Record<string, Operation>> | readonly Operation[];
  /**
   * Every operation must have a recorded exchange in definitions/<id>/recordings/: a missing one
   * fails the build. Without it, a missing recording is a warning, so a new connector can grow
   * its recordings one at a time.
   */
  requireRecordings?: boolean;
  /** Text for readme.md sections that cannot be derived from the operations. */
  readme: { prerequisites: string; obtainingCredentials: string; knownIssues: string };
  /** script.csx, written beside the swagger. */
  script?: ScriptSpec;
  /** icon.png bytes, written beside the swagger. */
  icon?: Uint8Array;
  /**
   * Faults the connector had when `pcdk import` brought it in: each matching finding of the build
   * and of `pcdk validate` is reported as a warning instead of an error. An entry that matches
   * nothing any more warns (known-finding-fixed) until it is deleted. Secret and type errors can
   * never be listed. Emitted nowhere: the built files are the same with or without it.
   */
  knownFindings?: readonly KnownFinding[];
}

/**
 * The defineConnector() argument. An author writes `auth`; a connector brought in by pcdk import
 * writes `declared` (the swagger root and apiProperties as the source declares them, security
 * included) and no auth. An `auth` beside `declared` replaces the declared security.
 */
export type ConnectorSpec = ConnectorFields & AuthOrDeclared;

/** Either an authored auth (and, rarely, a declared form beside it) or a declared form alone. */
export type AuthOrDeclared =
  | { readonly auth: Auth; readonly declared?: DeclaredConnector }
  | {
      /** Absent: the security is the declared document's and properties'. */
      readonly auth?: undefined;
      /**
       * The swagger root and apiProperties as an existing connector declares them (written by
       * pcdk import, never by an author): emitted instead of those derived from the fields above.
       */
      readonly declared: DeclaredConnector;
    };

export interface ConnectorBody extends Readonly<Omit<ConnectorFields, 'operations'>> {
  readonly kind: 'connector';
  /** In order, each with its client method name (clientName) set when it was keyed by one. */
  readonly operations: readonly Operation[];
}

export type Connector = ConnectorBody & AuthOrDeclared;

export function defineConnector(spec: ConnectorSpec): Connector {
  return noteSite(
    Object.freeze({ ...spec, operations: Object.freeze(operationList(spec.operations)), kind: 'connector' as const }),
  );
}

/** Operations keyed by method name become a list whose entries carry that name as clientName. */
function operationList(ops: ConnectorSpec['operations']): Operation[] {
  if (Array.isArray(ops)) return [...(ops as readonly Operation[])];
  return Object.entries(ops as Readonly<Record<string, Operation>>).map(([name, op]) =>
    op && typeof op === 'object' && op.clientName !== name
      ? copySite(op, Object.freeze({ ...op, clientName: name }))
      : op,
  );
}
