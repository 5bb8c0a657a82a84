/** apiProperties, settings and readme emitters. */
import { emitApiProperties } from '../../src/emit/api-properties';
import { emitReadme } from '../../src/emit/readme';
import { emitSettings } from '../../src/emit/settings';
import { sample, variant } from '../helpers/sample-connector';

describe('emitApiProperties', () => {
  test('the API key is a securestring connection parameter with a string "true" required flag', () => {
    expect(emitApiProperties(sample)).toEqual({
      properties: {
        connectionParameters: {
          api_key: {
            type: 'securestring',
            uiDefinition: {
              displayName: 'API Key',
              description: 'The API key.',
              constraints: { clearText: false, required: 'true' },
            },
          },
        },
        iconBrandColor: '#da3b01',
        capabilities: [],
        publisher: 'A Person',
        stackOwner: 'Widgets',
      },
    });
  });

  test('throttling is not written to apiProperties (the official schema rejects unknown keys)', () => {
    expect(JSON.stringify(emitApiProperties(sample))).not.toMatch(/thrott|renewal/i);
  });

  test('basic auth gives a username and a password parameter; none gives none', () => {
    const basic = emitApiProperties(
      variant({
        auth: {
          type: 'basic',
          securityName: 'Basic',
          username: { displayName: 'User', description: 'The user.' },
          password: { displayName: 'Password', description: 'The password.' },
        },
      }),
    ) as any;
    expect(Object.keys(basic.properties.connectionParameters)).toEqual(['username', 'password']);
    expect((emitApiProperties(variant({ auth: { type: 'none' } })) as any).properties.connectionParameters).toEqual({});
  });
});

describe('emitSettings', () => {
  test('points paconn at the two files, with icon and script only when present', () => {
    expect(emitSettings()).toEqual({
      apiDefinition: 'apiDefinition.swagger.json',
      apiProperties: 'apiProperties.json',
      powerAppsApiVersion: '2016-11-01',
    });
    expect(emitSettings({ icon: 'icon.png', script: 'script.csx' })).toMatchObject({
      icon: 'icon.png',
      script: 'script.csx',
    });
  });
});

describe('emitReadme', () => {
  const text = emitReadme(sample);
  test('follows the independent-publisher template, in order', () => {
    const headings = text.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# Widgets',
      '## Publisher: A Person',
      '## Prerequisites',
      '## Supported Operations',
      '### List widgets',
      '### Get a widget',
      '### Create a widget',
      '## Obtaining Credentials',
      '## Known Issues and Limitations',
    ]);
  });
  test('states the throttling policy from the descriptor', () => {
    expect(text).toContain('allows 10 API calls per connection every 1 seconds');
  });
});
