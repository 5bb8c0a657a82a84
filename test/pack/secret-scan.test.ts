/** The secret scan: which variables count as secrets, and where a value is found. */
import { scanForSecrets, secretsFromEnv, withZipMembers } from '../../src/pack/secret-scan';
import { jszip } from './helpers';

test.each([
  ['CONVERTKIT_API_SECRET', 'abcdefgh12345', true],
  ['GITHUB_TOKEN', 'ghp_0123456789', true],
  ['MY_API_KEY', 'k-0123456789', true],
  ['DB_PASSWORD', 'hunter2hunter2', true],
  ['API_SECRET', 'short', false],
  ['HOME', '/root/something/long', false],
  ['PATH', '/usr/local/bin:/usr/bin', false],
])('%s=%s is a secret: %p', (variable, value, secret) => {
  expect(secretsFromEnv({ [variable]: value }).map((s) => s.variable)).toEqual(secret ? [variable] : []);
});

test('finds a value in text and in bytes, naming file and variable only', () => {
  const secrets = secretsFromEnv({ X_API_SECRET: 'sk-live-abcdef123' });
  const ds = scanForSecrets(
    [
      ['clean.json', '{"a":1}'],
      ['leak.json', '{"token":"sk-live-abcdef123"}'],
      ['leak.bin', Buffer.concat([Buffer.from([0, 1]), Buffer.from('sk-live-abcdef123'), Buffer.from([2])])],
    ],
    secrets,
    'demo',
  );
  expect(ds.map((d) => [d.code, d.file])).toEqual([
    ['secret-in-output', 'leak.json'],
    ['secret-in-output', 'leak.bin'],
  ]);
  expect(JSON.stringify(ds)).not.toContain('sk-live-abcdef123');
  expect(ds[0]!.message).toContain('X_API_SECRET');
});

test('a value JSON would escape is found in its escaped form too', () => {
  const secrets = secretsFromEnv({ SERVICE_TOKEN: 'pa"ss\\word-123' });
  const ds = scanForSecrets([['apiProperties.json', JSON.stringify({ v: 'pa"ss\\word-123' })]], secrets, 'demo');
  expect(ds.map((d) => d.file)).toEqual(['apiProperties.json']);
});

test('withZipMembers opens zips inside zips, and leaves non-zips alone', async () => {
  const inner = await jszip({ 'deep.txt': 'x' });
  const outer = await jszip({ 'inner.zip': inner, 'a.txt': 'y' });
  const names = (
    await withZipMembers([
      ['outer.zip', outer],
      ['fake.zip', Buffer.from('nope')],
      ['t.txt', 'z'],
    ])
  ).map(([n]) => n);
  expect(names).toEqual([
    'outer.zip',
    'outer.zip/inner.zip',
    'outer.zip/inner.zip/deep.txt',
    'outer.zip/a.txt',
    'fake.zip',
    't.txt',
  ]);
});
