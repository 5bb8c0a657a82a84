/**
 * defineConnector: the whole connector as one frozen value. Every artifact pcdk writes is a
 * pure function of it.
 */
import type { DeclaredConnector } from './declared';
import type { SecurityRequirement, SecuritySchemeObject } from './document';
import type { Operation } from './operation';
import type { ConnectionParameter, ConnectionParameterSets, ScriptSpec } from './properties';
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
 * How the connection authenticates. A discriminated union so that OAuth 2 and the other schemes
 * of real connectors slot in beside these without changing the emitters' shape.
 */
export type Auth =
  | { readonly type: 'none' }
  | {
      readonly type: 'apiKey';
      /** The connection parameter's name in apiProperties (flows refer to it). */
      readonly parameter: string;
      /** The securityDefinitions key. */
      readonly securityName: string;
      /** Where the API expects the key, and under which name. */
      readonly in: 'query' | 'header';
      readonly name: string;
      readonly ui: ConnectionUi;
    }
  | {
      readonly type: 'basic';
      readonly securityName: string;
      readonly username: ConnectionUi;
      readonly password: ConnectionUi;
    }
  | {
      /**
       * Security exactly as an existing connector declares it (pcdk import): the swagger's
       * securityDefinitions and security, and apiProperties' connection parameters, which carry
       * OAuth 2 settings (identity provider, scopes, custom parameters) and parameter sets.
       */
      readonly type: 'declared';
      readonly securityDefinitions?: Readonly<Record<string, SecuritySchemeObject>>;
      readonly security?: readonly SecurityRequirement[];
      readonly connectionParameters?: Readonly<Record<string, ConnectionParameter>>;
      readonly connectionParameterSets?: ConnectionParameterSets;
    };

export interface Throttling {
  /** Calls allowed per renewal period, per connection (per client instance in the Node client). */
  readonly calls: number;
  readonly renewalSeconds: number;
}

export interface ConnectorSpec {
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
  auth: Auth;
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
   * The swagger root and apiProperties as an existing connector declares them (written by pcdk
   * import, never by an author): emitted instead of those derived from the fields above.
   */
  declared?: DeclaredConnector;
}

export interface Connector extends Readonly<Omit<ConnectorSpec, 'operations'>> {
  readonly kind: 'connector';
  /** In order, each with its client method name (clientName) set when it was keyed by one. */
  readonly operations: readonly Operation[];
}

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
