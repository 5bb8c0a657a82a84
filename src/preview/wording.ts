/**
 * Where Power Automate's designer and Logic Apps' designer word the same thing differently. The
 * page is rendered in Power Automate's wording; its toggle swaps every element marked
 * `data-w="<key>"` to the other column. shared/reference lists no such table, so these are the
 * designers' own words: the host's name and what a workflow is called ("flow" / "Logic App"), and
 * the advanced-parameters link ("Show all" in Power Automate's designer, "Show advanced options"
 * as Logic Apps words it). Both call the token picker "Dynamic content" and the runner "Test",
 * so those stay one string.
 */
export const HOSTS = ['power-automate', 'logic-apps'] as const;
export type Host = (typeof HOSTS)[number];

export const WORDING = {
  'power-automate': {
    product: 'Power Automate',
    workflow: 'flow',
    laterStep: 'a later step in this flow',
    showAll: 'Show all',
    hideAll: 'Hide all',
  },
  'logic-apps': {
    product: 'Logic Apps',
    workflow: 'Logic App',
    laterStep: 'a later action in this Logic App',
    showAll: 'Show advanced options',
    hideAll: 'Hide advanced options',
  },
} as const satisfies Record<Host, Record<string, string>>;

export type WordKey = keyof (typeof WORDING)['power-automate'];

/** The page's wording until the toggle is used. */
export const DEFAULT_HOST: Host = 'power-automate';
