/**
 * What a connector brought in by `pcdk import` declares about apiProperties.json and script.csx.
 * The apiProperties shapes themselves (connection parameters, OAuth settings, policy templates)
 * live with the document types in src/swagger/api-properties.ts and are re-exported here, where
 * descriptors import them from.
 */
import type { ApiProperties, DeclaredPolicyInstance, KeptPolicyInstance } from '../swagger/api-properties';

export type {
  UiConstraints,
  UiDefinition,
  IdentityProvider,
  OAuthSettings,
  ConnectionParameter,
  ConnectionParameterSets,
  PolicyParameters,
  PolicyTemplateId,
  PolicyTemplateInstance,
  KeptPolicyInstance,
  DeclaredPolicyInstance,
  ApiProperties,
  ApiPropertiesDocument,
} from '../swagger/api-properties';
export { POLICY_TEMPLATE_IDS, POLICY_SPELLINGS } from '../swagger/api-properties';

/**
 * apiProperties `properties` as the source declared them, connection parameters included. When a
 * connector has this, the file holds exactly these keys.
 */
export type PropertiesSpec = ApiProperties;

/**
 * A policy template instance kept as the source declares it (written by `pcdk import`, with the
 * reason the platform's template would not read it). The instance is returned unchanged: the
 * file holds it as the source does.
 */
export function keptPolicy(why: string, instance: DeclaredPolicyInstance): KeptPolicyInstance {
  void why; // Documentation for the reader of the descriptor; nothing to do with it here.
  return instance as KeptPolicyInstance;
}

/** script.csx: custom C# code the platform runs for scriptOperations. Kept byte for byte. */
export interface ScriptSpec {
  /** File (relative to the definition folder) holding the C# source. */
  file: string;
  /** The source text itself (read at load time by the generated descriptor). */
  source: string;
}
