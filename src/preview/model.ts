/**
 * What the designer preview shows, as data: one card per action or trigger, its inputs the way
 * the flow designer lays them out and its outputs as dynamic-content tokens. Built from a swagger
 * (build-model.ts), rendered by emit/preview-page.ts; nothing here knows HTML.
 */

/** How an input is edited: a text box, a choice list (enum, x-ms-enum-values, Yes/No), a list filled live, or JSON. */
export type Control = 'text' | 'choice' | 'dynamic' | 'json';

export interface Choice {
  value: string;
  title: string;
}

/** A dynamic-values dropdown: the operation to call and where its answer holds the values. */
export interface DynamicSource {
  operationId: string;
  /** Source parameter name -> `{ parameter: name }` of this card, or a literal `{ value }`. */
  parameters: Record<string, { parameter: string } | { value: unknown }>;
  /** Path of the array in the response ('' = the response is the array). */
  collection: string;
  valuePath: string;
  titlePath: string;
}

/** Where a value travels: a named parameter, or a place in the body (`[]` marks an array item). */
export type Target = { in: 'path' | 'query' | 'header' | 'formData'; name: string } | { in: 'body'; path: string[] };

interface InputBase {
  /** x-ms-summary, else title, else the name: what the designer labels it with. */
  label: string;
  /** The name or body path, shown small, so the author can tell same-labelled inputs apart. */
  key: string;
  description: string;
  required: boolean;
  /** Behind "Show all" (x-ms-visibility advanced and not required). */
  advanced: boolean;
}

export interface FieldInput extends InputBase {
  kind: 'field';
  /** The type as the docs page words it: string, integer, date-time, ... */
  type: string;
  control: Control;
  choices: Choice[];
  dynamic?: DynamicSource;
  /** The declared default, as text. */
  defaultValue?: string;
  target: Target;
}

/** An array: repeatable items, each holding `item`'s inputs. */
export interface ArrayInput extends InputBase {
  kind: 'array';
  item: FieldInput[];
}

export type PreviewInput = FieldInput | ArrayInput;

/** One dynamic-content token a later step sees. */
export interface OutputToken {
  title: string;
  type: string;
  /** Dotted path in the response; `[]` marks the items of an array. */
  path: string;
  description: string;
  /** For a property of an array's items: the array's title (the designer wraps these in "Apply to each"). */
  perItemOf?: string;
}

export interface PreviewCard {
  operationId: string;
  kind: 'action' | 'trigger';
  /** The card's title: the summary, else the operationId. */
  title: string;
  description: string;
  method: string;
  path: string;
  important: boolean;
  /** Listed under "See more" in the designer's picker. */
  advanced: boolean;
  deprecated: boolean;
  inputs: PreviewInput[];
  outputs: OutputToken[];
  /** Diagnostics about this operation (the card's warning badge). */
  findings: Finding[];
}

/** A diagnostic as the page lists it: its severity and one readable line. */
export interface Finding {
  severity: 'error' | 'warning';
  text: string;
}

export interface PreviewModel {
  title: string;
  description: string;
  cards: PreviewCard[];
  /** Diagnostics about the connector as a whole (no operation). */
  findings: Finding[];
}
