/** Assembling the certification package from the built solution and the author's inputs. */
import JSZip from 'jszip';
import { buildCertificationPackage, type CertificationInputs } from '../../src/pack/certification-package';
import { checkCertificationPackage } from '../../src/pack/certification-check';
import { zipFiles } from '../../src/pack/zip';
import { connectorSolution, flowSolution, importConfig, jszip, pdpkgFixture, sha256, unzip } from './helpers';

const intro = '# ConvertKit\n';

async function inputs(pdpkg?: Buffer): Promise<CertificationInputs> {
  return {
    pdpkg: {
      path: 'in/ConvertKitPackage.pdpkg.zip',
      bytes:
        pdpkg ??
        (await pdpkgFixture({ 'ImportConfig.xml': importConfig('ConvertKitConnector.zip', 'ConvertKitFlows.zip') })),
    },
    flowSolution: { path: 'in/ConvertKitFlows.zip', bytes: await flowSolution() },
  };
}

test('puts intro.md and the package at the root, and both solutions in PkgAssets', async () => {
  const solution = { fileName: 'ConvertKitConnector.zip', bytes: await connectorSolution() };
  const { pkg, diagnostics } = await buildCertificationPackage('convertkit', solution, await inputs(), intro);
  expect(diagnostics).toEqual([]);
  expect(pkg!.fileName).toBe('convertkit-certification.zip');
  const outer = await zipFiles(pkg!.files);
  const entries = await unzip(outer);
  expect([...entries.keys()].sort()).toEqual(['ConvertKitPackage.pdpkg.zip', 'intro.md']);
  const inner = await unzip(entries.get('ConvertKitPackage.pdpkg.zip')!);
  expect(inner.get('PkgAssets/ConvertKitConnector.zip')!.equals(solution.bytes)).toBe(true);
  expect(inner.get('ConvertKitPackage.dll')!.toString()).toBe('MZ fake assembly');
  expect((await checkCertificationPackage(outer, pkg!.fileName)).diagnostics).toEqual([]);
});

test('solution zips already in the package are replaced, and said so', async () => {
  const pdpkg = await pdpkgFixture({
    'ConvertKitConnector.zip': await connectorSolution(),
    'Stale.zip': await flowSolution(),
  });
  const { pkg } = await buildCertificationPackage(
    'convertkit',
    { fileName: 'ConvertKitConnector.zip', bytes: await connectorSolution() },
    await inputs(pdpkg),
    intro,
  );
  expect(pkg!.notes.sort()).toEqual([
    'replaced ConvertKitPackage.pdpkg.zip/PkgAssets/ConvertKitConnector.zip',
    'replaced ConvertKitPackage.pdpkg.zip/PkgAssets/Stale.zip',
  ]);
  expect([...pkg!.packageFiles.keys()].filter((k) => k.endsWith('.zip')).sort()).toEqual([
    'PkgAssets/ConvertKitConnector.zip',
    'PkgAssets/ConvertKitFlows.zip',
  ]);
});

test('a package without an assets folder gets PkgAssets', async () => {
  const pdpkg = await jszip({ 'ConvertKitPackage.dll': 'MZ' });
  const { pkg } = await buildCertificationPackage(
    'convertkit',
    { fileName: 'C.zip', bytes: await connectorSolution() },
    await inputs(pdpkg),
    intro,
  );
  expect([...pkg!.packageFiles.keys()].sort()).toEqual([
    'ConvertKitPackage.dll',
    'PkgAssets/C.zip',
    'PkgAssets/ConvertKitFlows.zip',
  ]);
});

test('explicit folder entries in the package are kept as implied folders, not copied as files', async () => {
  const zip = new JSZip();
  zip
    .file('ConvertKitPackage.dll', 'MZ')
    .folder('PkgAssets')!
    .file('ImportConfig.xml', importConfig('C.zip', 'ConvertKitFlows.zip'));
  const { pkg, diagnostics } = await buildCertificationPackage(
    'convertkit',
    { fileName: 'C.zip', bytes: await connectorSolution() },
    await inputs(await zip.generateAsync({ type: 'nodebuffer' })),
    intro,
  );
  expect(diagnostics).toEqual([]);
  expect([...pkg!.packageFiles.keys()].sort()).toEqual([
    'ConvertKitPackage.dll',
    'PkgAssets/C.zip',
    'PkgAssets/ConvertKitFlows.zip',
    'PkgAssets/ImportConfig.xml',
  ]);
});

test('the same inputs give the same bytes', async () => {
  const i = await inputs();
  const solution = { fileName: 'ConvertKitConnector.zip', bytes: await connectorSolution() };
  const a = await zipFiles((await buildCertificationPackage('convertkit', solution, i, intro)).pkg!.files);
  const b = await zipFiles((await buildCertificationPackage('convertkit', solution, i, intro)).pkg!.files);
  expect(sha256(a)).toBe(sha256(b));
});

test.each([
  [
    'the package is not a zip',
    async (i: CertificationInputs) => {
      i.pdpkg.bytes = Buffer.from('nope');
    },
    'cert-zip-unreadable',
  ],
  [
    'the flow solution is not a zip',
    async (i: CertificationInputs) => {
      i.flowSolution.bytes = Buffer.from('nope');
    },
    'cert-zip-unreadable',
  ],
  [
    "the flow solution has the connector solution's name",
    async (i: CertificationInputs) => {
      i.flowSolution.path = 'ConvertKitConnector.zip';
    },
    'pack-setting-invalid',
  ],
  [
    'the package file is not a .zip',
    async (i: CertificationInputs) => {
      i.pdpkg.path = 'package.pdpkg';
    },
    'pack-setting-invalid',
  ],
  [
    'the package holds a path escaping its folder',
    async (i: CertificationInputs) => {
      i.pdpkg.bytes = await jszip({ '../x.dll': 'MZ', 'PkgAssets/ImportConfig.xml': '<x/>' });
    },
    'zip-path-unsafe',
  ],
] as const)('refuses when %s', async (_n, breakIt, code) => {
  const i = await inputs();
  await breakIt(i);
  const r = await buildCertificationPackage(
    'convertkit',
    { fileName: 'ConvertKitConnector.zip', bytes: await connectorSolution() },
    i,
    intro,
  );
  expect(r.pkg).toBeUndefined();
  expect(r.diagnostics.map((d) => d.code)).toEqual([code]);
});
