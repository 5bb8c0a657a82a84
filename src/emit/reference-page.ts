/**
 * reference.md: the connector's docs page as learn.microsoft.com/connectors/<name> lays it out
 * (shared/seed): title, description, products and regions, Contact, Connector Metadata, Creating
 * a connection, Throttling Limits, the Actions list, then each action with its Parameters and
 * Returns tables, then the Triggers likewise (reference-triggers.ts). The rows come from the
 * emitted swagger through reference-rows.ts, the same code that is checked against the published
 * page, so the page shows what is deployed. Pure.
 */
import type { Connector } from '../model/connector';
import type { UiDefinition } from '../swagger/api-properties';
import { emitApiProperties } from './api-properties';
import type { ActionRows } from './reference-rows';
import { pageOperations } from './reference-triggers';
import { emitSwagger } from './swagger';

/**
 * Where Microsoft publishes independent-publisher connectors (premium, public clouds). Platform
 * metadata: nothing in the connector files carries it, so it is fixed text like on every
 * independent-publisher page.
 */
const AVAILABILITY: [service: string, cls: string, regions: string, except: string[]][] = [
  [
    'Logic Apps',
    'Standard',
    'All Logic Apps regions except the following:',
    ['Azure Government regions', 'Azure China regions', 'US Department of Defense (DoD)'],
  ],
  [
    'Power Automate',
    'Premium',
    'All Power Automate regions except the following:',
    [
      'US Government (GCC)',
      'US Government (GCC High)',
      'China Cloud operated by 21Vianet',
      'US Department of Defense (DoD)',
    ],
  ],
  [
    'Power Apps',
    'Premium',
    'All Power Apps regions except the following:',
    [
      'US Government (GCC)',
      'US Government (GCC High)',
      'China Cloud operated by 21Vianet',
      'US Department of Defense (DoD)',
    ],
  ],
];

/** A table cell: one line, pipes escaped. */
export function cell(v: string): string {
  return v.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').trim();
}

function table(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
}

/** GitHub/learn-style heading anchor. */
export function anchor(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-');
}

function connectionRows(c: Connector): string[][] {
  return Object.values(emitApiProperties(c).properties.connectionParameters ?? {}).map((p) => {
    const ui: UiDefinition = p.uiDefinition ?? {};
    // String(): descriptors are plain data at run time, whatever their types say.
    return [
      String(ui.displayName ?? ''),
      String(p.type ?? ''),
      String(ui.description ?? ''),
      ui.constraints?.required === 'true' ? 'True' : 'False',
    ];
  });
}

function actionSection(a: ActionRows): string[] {
  const out = [`### ${a.summary}`, '', `Operation ID: ${a.operationId}`, '', a.description, ''];
  if (a.parameters.length) {
    out.push('#### Parameters', '');
    out.push(
      ...table(
        ['Name', 'Key', 'Required', 'Type', 'Description'],
        a.parameters.map((p) => [p.name, p.key, p.required ? 'True' : '', p.type, p.description]),
      ),
      '',
    );
  }
  if (a.returns.length) {
    out.push('#### Returns', '');
    const primitive =
      a.returns.length === 1 &&
      a.returns[0]!.name === 'response' &&
      a.returns[0]!.path === '' &&
      !a.returns[0]!.type.startsWith('array');
    if (primitive) out.push(...table(['Name', 'Type'], [[a.returns[0]!.name, a.returns[0]!.type]]), '');
    else
      out.push(
        ...table(
          ['Name', 'Path', 'Type', 'Description'],
          a.returns.map((r) => [r.name, r.path, r.type, r.description]),
        ),
        '',
      );
  }
  return out;
}

export function emitReferencePage(c: Connector): string {
  const bySummary = (a: ActionRows, b: ActionRows) => a.summary.localeCompare(b.summary, 'en');
  const page = pageOperations(emitSwagger(c));
  const actions = page.actions.sort(bySummary);
  const triggers = page.triggers.sort(bySummary);
  const out: string[] = [`# ${c.title} (Independent Publisher)`, '', c.description, ''];

  out.push('This connector is available in the following products and regions:', '');
  out.push(
    ...table(
      ['Service', 'Class', 'Regions'],
      AVAILABILITY.map(([s, k, r, ex]) => [s, k, [r, ...ex.map((e) => `- ${e}`)].join('<br>')]),
    ),
    '',
  );

  out.push('## Contact', '');
  out.push(
    ...table(
      ['Field', 'Value'],
      [
        ['Name', c.contact.name],
        ['URL', c.contact.url],
        ['Email', c.contact.email],
      ],
    ),
    '',
  );
  out.push('## Connector Metadata', '');
  out.push(
    ...table(
      ['Field', 'Value'],
      [
        ['Publisher', c.publisher],
        ['Website', c.metadata.website],
        ['Privacy policy', c.metadata.privacyPolicy],
        ['Categories', c.metadata.categories.join(';')],
      ],
    ),
    '',
  );

  out.push('## Creating a connection', '');
  const conn = connectionRows(c);
  if (conn.length) {
    out.push('The connector supports the following authentication types:', '');
    out.push(
      ...table(
        ['Name', 'Description', 'Applicable regions', 'Shareable'],
        [['Default', 'Parameters for creating connection.', 'All regions', 'Not shareable']],
      ),
      '',
    );
    out.push('### Default', '', 'Applicable: All regions', '', 'Parameters for creating connection.', '');
    out.push(
      'This is not shareable connection. If the power app is shared with another user, another user will be prompted to create new connection explicitly.',
      '',
    );
    out.push(...table(['Name', 'Type', 'Description', 'Required'], conn), '');
  } else {
    out.push('This connector needs no connection parameters.', '');
  }

  if (c.throttling) {
    out.push('## Throttling Limits', '');
    out.push(
      ...table(
        ['Name', 'Calls', 'Renewal Period'],
        [['API calls per connection', String(c.throttling.calls), `${c.throttling.renewalSeconds} seconds`]],
      ),
      '',
    );
  }

  out.push('## Actions', '');
  out.push(
    ...table(
      ['Action', 'Description'],
      actions.map((a) => [`[${a.summary}](#${anchor(a.summary)})`, a.description]),
    ),
    '',
  );
  for (const a of actions) out.push(...actionSection(a));
  // Triggers apart from actions, after them, as Microsoft's pages list them.
  if (triggers.length) {
    out.push('## Triggers', '');
    out.push(
      ...table(
        ['Trigger', 'Description'],
        triggers.map((tr) => [`[${tr.summary}](#${anchor(tr.summary)})`, tr.description]),
      ),
      '',
    );
    for (const tr of triggers) out.push(...actionSection(tr));
  }

  const primitives = [
    ...new Set(
      [...actions, ...triggers].flatMap((a) =>
        a.returns.length === 1 && a.returns[0]!.path === '' && !a.returns[0]!.type.startsWith('array')
          ? [a.returns[0]!.type]
          : [],
      ),
    ),
  ].sort();
  if (primitives.length) {
    out.push('## Definitions', '');
    for (const p of primitives) out.push(`### ${p}`, '', `This is the basic data type '${p}'.`, '');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
