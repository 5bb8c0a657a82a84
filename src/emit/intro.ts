/**
 * intro.md for the certification package: what the connector is, who publishes it, what a user
 * needs, how to get credentials, what it can do and its limits. Generated from the same
 * descriptors as readme.md, so the two say the same thing.
 */
import type { Connector } from '../model/connector';

export function emitIntro(c: Connector): string {
  const out: string[] = [`# ${c.title}`, '', c.description, ''];
  out.push('## Publisher', '', c.publisher, '');
  out.push('## Prerequisites', '', c.readme.prerequisites, '');
  out.push('## How to get credentials', '', c.readme.obtainingCredentials, '');
  out.push('## Get started with your connector', '');
  const a = c.auth;
  if (a?.type === 'apiKey')
    out.push(
      `Create a connection and enter your ${a.ui.displayName} (${a.ui.description.replace(/\.$/, '')}). Then add any of the actions below to a flow or an app.`,
      '',
    );
  else if (a?.type === 'basic')
    out.push(
      `Create a connection with your ${a.username.displayName} and ${a.password.displayName}. Then add any of the actions below to a flow or an app.`,
      '',
    );
  else if (a?.type === 'oauth2')
    out.push(
      `Create a connection and sign in to ${c.title} when asked. Then add any of the actions below to a flow or an app.`,
      '',
    );
  else if (a?.type === 'none')
    out.push(
      'Create a connection (no credentials are needed). Then add any of the actions below to a flow or an app.',
      '',
    );
  else
    out.push(
      'Create a connection and provide what it asks for (see How to get credentials). Then add any of the actions below to a flow or an app.',
      '',
    );
  out.push('## Supported operations', '');
  for (const op of c.operations)
    if (op.visibility !== 'internal') out.push(`### ${op.summary}`, '', op.description, '');
  out.push('## Known issues and limitations', '');
  if (c.throttling)
    out.push(`- ${c.throttling.calls} API calls per connection every ${c.throttling.renewalSeconds} seconds.`);
  for (const para of c.readme.knownIssues.split(/\n{2,}/).filter(Boolean)) out.push(`- ${para.trim()}`);
  out.push('');
  out.push('## Deployment instructions', '');
  out.push(
    'Import the connector solution first, then the flow solution: a flow or connection reference can only be imported once the connector exists. Or run `paconn create --settings settings.json` in the connector folder.',
    '',
  );
  out.push(
    '## Support',
    '',
    `${c.contact.name}: ${c.contact.email} (${c.contact.url}). Website: ${c.metadata.website}. Privacy policy: ${c.metadata.privacyPolicy}.`,
    '',
  );
  return out.join('\n');
}
