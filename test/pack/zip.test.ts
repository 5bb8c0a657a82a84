/** The deterministic zip writer and the zip reader, checked with jszip. */
import { readZip, isUnsafeZipPath, ZipReadError } from '../../src/pack/zip-read';
import { zipFiles, ZIP_ENTRY_DATE } from '../../src/pack/zip';
import { jszip, sha256, unzip, zipObjects } from './helpers';

describe('zipFiles', () => {
  const files = new Map<string, string | Uint8Array>([
    ['b.json', '{"b":1}\n'],
    ['a/icon.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3])],
    ['[Content_Types].xml', '<Types/>'],
  ]);

  test('writes every entry, byte for byte, in sorted order', async () => {
    const bytes = await zipFiles(files);
    const entries = await unzip(bytes);
    expect([...entries.keys()]).toEqual(['[Content_Types].xml', 'a/icon.png', 'b.json']);
    for (const [name, data] of files) expect(entries.get(name)!.equals(Buffer.from(data))).toBe(true);
  });

  test("fixes each entry's date and mode", async () => {
    for (const o of await zipObjects(await zipFiles(files))) {
      expect(o.date.toISOString()).toBe(ZIP_ENTRY_DATE.toISOString());
      expect(Number(o.unixPermissions) & 0o777).toBe(0o644);
    }
  });

  test('the same files give the same bytes, whatever the insertion order and the clock', async () => {
    const first = await zipFiles(files);
    await new Promise((r) => setTimeout(r, 1100));
    const reversed = new Map([...files].reverse());
    expect(sha256(await zipFiles(reversed))).toBe(sha256(first));
  });

  test.each(['../evil.txt', '/etc/passwd', 'C:/x.txt', 'a/../../b', 'a//b', ''])(
    'refuses the entry name %p',
    async (name) => {
      await expect(zipFiles(new Map([[name, 'x']]))).rejects.toThrow(/relative/);
    },
  );
});

describe('readZip', () => {
  test('returns file entries with their stored names, unsafe ones included', async () => {
    const entries = await readZip(await jszip({ 'ok/file.txt': 'a', '../evil.txt': 'b' }));
    expect(entries.map((e) => e.path).sort()).toEqual(['../evil.txt', 'ok/file.txt']);
  });

  test('says so when the bytes are not a zip', async () => {
    await expect(readZip(Buffer.from('hello'))).rejects.toBeInstanceOf(ZipReadError);
  });

  test.each([
    ['a/b.txt', false],
    ['[Content_Types].xml', false],
    ['../x', true],
    ['a/../../x', true],
    ['/abs', true],
    ['C:/x', true],
  ])('isUnsafeZipPath(%p) = %p', (p, unsafe) => {
    expect(isUnsafeZipPath(p)).toBe(unsafe);
  });
});
