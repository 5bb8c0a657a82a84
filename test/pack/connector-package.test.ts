/** connector.zip: the paconn folder, with icon.png and script.csx when the connector has them. */
import convertkit from '../../definitions/convertkit/connector';
import { emitConnectorFolder } from '../../src/emit/connector-folder';
import { connectorFolder, connectorZip } from '../../src/pack/connector-package';
import { sample, variant } from '../helpers/sample-connector';
import { png, unzip } from './helpers';

test('without extras it is exactly the built connector folder', async () => {
  const entries = await unzip(await connectorZip(connectorFolder(convertkit)));
  const built = emitConnectorFolder(convertkit).files;
  expect([...entries.keys()].sort()).toEqual([
    'apiDefinition.swagger.json',
    'apiProperties.json',
    'readme.md',
    // Generated for the webhook triggers (src/emit/script-csx.ts).
    'script.csx',
    'settings.json',
  ]);
  for (const [name, text] of built) expect(entries.get(name)!.toString('utf8')).toBe(text);
  for (const name of ['apiDefinition.swagger.json', 'apiProperties.json', 'settings.json'])
    expect(() => JSON.parse(entries.get(name)!.toString('utf8'))).not.toThrow();
});

test.each([
  ['an icon', { icon: png(16, 16) }, ['icon.png'], { icon: 'icon.png' }],
  ['a script', { script: 'public class Script : ScriptBase {}\n' }, ['script.csx'], { script: 'script.csx' }],
  [
    'both',
    { icon: png(16, 16), script: '// code\n' },
    ['icon.png', 'script.csx'],
    { icon: 'icon.png', script: 'script.csx' },
  ],
])('with %s, the files are added and settings.json names them', async (_n, extras, added, named) => {
  const folder = connectorFolder(sample, extras);
  const entries = await unzip(await connectorZip(folder));
  expect([...entries.keys()].sort()).toEqual(
    ['apiDefinition.swagger.json', 'apiProperties.json', 'readme.md', 'settings.json', ...added].sort(),
  );
  if ('icon' in extras) expect(entries.get('icon.png')!.equals(extras.icon!)).toBe(true);
  if ('script' in extras) expect(entries.get('script.csx')!.toString('utf8')).toBe(extras.script);
  const settings = JSON.parse(entries.get('settings.json')!.toString('utf8'));
  expect(settings).toMatchObject({
    apiDefinition: 'apiDefinition.swagger.json',
    apiProperties: 'apiProperties.json',
    ...named,
  });
  expect(entries.get('apiDefinition.swagger.json')!.toString('utf8')).toBe(
    emitConnectorFolder(sample).files.get('apiDefinition.swagger.json'),
  );
});

test('an icon and a script carried by the connector itself (an imported one) are packed too', async () => {
  const icon = png(16, 16);
  const c = variant({ icon, script: { file: 'script.csx', source: '// custom code\n' } });
  const entries = await unzip(await connectorZip(connectorFolder(c)));
  expect(entries.get('icon.png')!.equals(icon)).toBe(true);
  expect(entries.get('script.csx')!.toString('utf8')).toBe('// custom code\n');
  expect(JSON.parse(entries.get('settings.json')!.toString('utf8'))).toMatchObject({
    icon: 'icon.png',
    script: 'script.csx',
  });
  const explicit = await unzip(await connectorZip(connectorFolder(c, { script: '// given\n' })));
  expect(explicit.get('script.csx')!.toString('utf8')).toBe('// given\n');
});
