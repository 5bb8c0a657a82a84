/**
 * readme.md following the independent-publisher template: title paragraph, Publisher,
 * Prerequisites, Supported Operations (### per operation), Obtaining Credentials, Known Issues
 * and Limitations.
 */
import type { Connector } from '../model/connector';

export function emitReadme(c: Connector): string {
  const out: string[] = [`# ${c.title}`, c.description, '', `## Publisher: ${c.publisher}`, ''];
  out.push('## Prerequisites', c.readme.prerequisites, '');
  out.push('## Supported Operations');
  // Internal operations (a trigger's hook deletion) are hidden from makers: not listed.
  for (const op of c.operations) if (op.visibility !== 'internal') out.push(`### ${op.summary}`, op.description);
  out.push('');
  out.push('## Obtaining Credentials', c.readme.obtainingCredentials, '');
  out.push('## Known Issues and Limitations');
  if (c.throttling) {
    out.push(
      `Power Platform allows ${c.throttling.calls} API calls per connection every ${c.throttling.renewalSeconds} seconds.`,
      '',
    );
  }
  out.push(c.readme.knownIssues, '');
  return out.join('\n');
}
