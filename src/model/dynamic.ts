/**
 * x-ms-dynamic-values: a parameter whose values come from another operation of the same
 * connector (a dropdown in the designer). Typed structurally so the schema builder does not
 * depend on the operation module.
 */
export interface DynamicValues {
  /** The operation that lists the values: a descriptor, or its operationId. */
  from: { readonly id: string } | string;
  /** Dotted path to the array in the operation's response (value-collection). */
  collection?: string;
  /** Property of each item that becomes the parameter value (value-path). */
  value: string;
  /** Property of each item shown to the user (value-title). */
  title: string;
  /** Parameters passed to the listing operation: a literal, or another parameter of this one. */
  parameters?: Record<string, { value: unknown } | { parameter: string }>;
}

export function dynamicTargetId(d: DynamicValues): string {
  return typeof d.from === 'string' ? d.from : d.from.id;
}
