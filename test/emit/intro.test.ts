/** intro.md, generated from the descriptors. */
import convertkit from '../../definitions/convertkit/connector';
import { emitIntro } from '../../src/emit/intro';
import { variant } from '../helpers/sample-connector';

test('has the sections a certification intro needs, in order', () => {
  const text = emitIntro(convertkit);
  const headings = text.split('\n').filter((l) => /^##? /.test(l));
  expect(headings).toEqual([
    '# ConvertKit',
    '## Publisher',
    '## Prerequisites',
    '## How to get credentials',
    '## Get started with your connector',
    '## Supported operations',
    '## Known issues and limitations',
    '## Deployment instructions',
    '## Support',
  ]);
});

test('lists every operation makers see with its description, and the throttling limit', () => {
  const text = emitIntro(convertkit);
  for (const op of convertkit.operations) {
    const entry = `### ${op.summary}\n\n${op.description}\n`;
    // Internal operations (the hook deletion Power Automate calls) are hidden from makers.
    if (op.visibility === 'internal') expect(text).not.toContain(entry);
    else expect(text).toContain(entry);
  }
  expect(convertkit.operations.filter((op) => op.visibility === 'internal').map((op) => op.id)).toEqual([
    'WebhookDelete',
  ]);
  expect(text).toContain('- 100 API calls per connection every 60 seconds.');
  expect(text).toContain('Troy Taylor, Hitachi Solutions');
  expect(text).toContain('API Secret');
});

test.each([
  [{ auth: { type: 'none' } } as const, 'no credentials are needed'],
  [
    {
      auth: {
        type: 'basic',
        securityName: 'b',
        username: { displayName: 'User', description: 'u' },
        password: { displayName: 'Password', description: 'p' },
      },
    } as const,
    'your User and Password',
  ],
])('explains how to connect for each kind of auth', (patch, phrase) => {
  expect(emitIntro(variant(patch))).toContain(phrase);
});
