/**
 * The certification layout check against a table of deliberately broken packages: each must
 * report exactly its deviations (the set of codes), and a correct package none. Packages are
 * built with jszip, independently of pcdk's own writer.
 */
import JSZip from 'jszip';
import { checkCertificationPackage } from '../../src/pack/certification-check';
import type { DiagnosticCode } from '../../src/pack/diagnostics';
import {
  certificationFixture,
  connectorSolution,
  flowSolution,
  importConfig,
  jszip,
  pluginSolution,
  solutionFixture,
} from './helpers';

const codes = (ds: { code: string }[]) => [...new Set(ds.map((d) => d.code))].sort();
const two = async () => ({
  'ConvertKitConnector.zip': await connectorSolution(),
  'ConvertKitFlows.zip': await flowSolution(),
});
const pkgOf = async (files: Record<string, string | Uint8Array>) => jszip({ 'ConvertKitPackage.dll': 'MZ', ...files });

interface Case {
  name: string;
  build: () => Promise<Buffer>;
  plugin?: boolean;
  expect: DiagnosticCode[];
}

const cases: Case[] = [
  { name: 'a correct package', build: () => certificationFixture(), expect: [] },
  {
    name: 'a correct package without ImportConfig.xml',
    build: async () => certificationFixture({ assets: await two() }),
    expect: [],
  },
  {
    name: 'a correct AI plugin package',
    plugin: true,
    build: async () =>
      certificationFixture({ assets: { ...(await two()), 'ConvertKitPlugin.zip': await pluginSolution() } }),
    expect: [],
  },
  {
    name: 'the outer zip wraps everything in a folder',
    build: async () =>
      certificationFixture({ outer: { 'submission/intro.md': '# x', 'submission/pkg.zip': await pkgOf({}) } }),
    expect: ['cert-outer-has-folders', 'cert-intro-count', 'cert-package-zip-count'],
  },
  {
    name: 'an empty folder entry in the outer zip (Expand-Archive creates it)',
    build: async () => {
      const zip = new JSZip();
      zip
        .file('intro.md', '#')
        .file('pkg.zip', await pkgOf(prefix(await two())))
        .folder('screenshots');
      return zip.generateAsync({ type: 'nodebuffer' });
    },
    expect: ['cert-outer-has-folders'],
  },
  {
    name: 'explicit folder entries inside the package are fine',
    build: async () => {
      const zip = new JSZip();
      zip
        .file('ConvertKitPackage.dll', 'MZ')
        .folder('PkgAssets')!
        .file('ConvertKitConnector.zip', await connectorSolution())
        .file('ConvertKitFlows.zip', await flowSolution());
      return certificationFixture({
        outer: { 'intro.md': '#', 'pkg.zip': await zip.generateAsync({ type: 'nodebuffer' }) },
      });
    },
    expect: [],
  },
  {
    name: 'intro.md is missing',
    build: async () => certificationFixture({ outer: { 'pkg.zip': await pkgOf({ ...prefix(await two()) }) } }),
    expect: ['cert-intro-count'],
  },
  {
    name: 'two .md files',
    build: async () =>
      certificationFixture({
        outer: { 'intro.md': '#', 'readme.md': '#', 'pkg.zip': await pkgOf(prefix(await two())) },
      }),
    expect: ['cert-intro-count'],
  },
  {
    name: 'the package zip is missing',
    build: () => certificationFixture({ outer: { 'intro.md': '#' } }),
    expect: ['cert-package-zip-count'],
  },
  {
    name: 'two package zips',
    build: async () =>
      certificationFixture({
        outer: { 'intro.md': '#', 'a.zip': await pkgOf(prefix(await two())), 'b.zip': await pkgOf({}) },
      }),
    expect: ['cert-package-zip-count'],
  },
  {
    name: 'the package zip is not a zip',
    build: () => certificationFixture({ outer: { 'intro.md': '#', 'pkg.zip': 'not a zip at all' } }),
    expect: ['cert-zip-unreadable'],
  },
  {
    name: 'the outer file is not a zip',
    build: async () => Buffer.from('PK but not really'),
    expect: ['cert-zip-unreadable'],
  },
  {
    name: 'the solutions sit at the package root (no PkgAssets)',
    build: async () => certificationFixture({ pkg: await two() }),
    expect: ['cert-assets-folder-count'],
  },
  {
    name: 'two folders in the package',
    build: async () => certificationFixture({ pkg: { ...prefix(await two()), 'Other/readme.txt': 'x' } }),
    expect: ['cert-assets-folder-count'],
  },
  {
    name: 'a sub-folder inside PkgAssets',
    build: async () =>
      certificationFixture({ assets: { ...(await two()), 'nested/old.zip': await connectorSolution() } }),
    expect: ['cert-assets-has-folders'],
  },
  {
    name: 'only the connector solution',
    build: async () => certificationFixture({ assets: { 'ConvertKitConnector.zip': await connectorSolution() } }),
    expect: ['cert-flow-solution-missing', 'cert-solution-count'],
  },
  {
    name: 'no solution zips at all',
    build: async () => certificationFixture({ assets: { 'ImportConfig.xml': importConfig() } }),
    expect: ['cert-solution-count'],
  },
  {
    name: 'three solutions without an AI plugin',
    build: async () => certificationFixture({ assets: { ...(await two()), 'Extra.zip': await connectorSolution() } }),
    expect: ['cert-solution-count'],
  },
  {
    name: 'an AI plugin connector without the plugin solution',
    plugin: true,
    build: async () => certificationFixture({ assets: await two() }),
    expect: ['cert-plugin-solution-missing', 'cert-solution-count'],
  },
  {
    name: 'the connector solution lacks solution.xml',
    build: async () =>
      certificationFixture({
        assets: {
          ...(await two()),
          'ConvertKitConnector.zip': await solutionFixture('C', { folders: ['Connector'], omit: ['solution.xml'] }),
        },
      }),
    expect: ['cert-connector-solution-missing', 'cert-solution-files-missing'],
  },
  {
    name: 'the flow solution lacks [Content_Types].xml and customizations.xml',
    build: async () =>
      certificationFixture({
        assets: {
          ...(await two()),
          'ConvertKitFlows.zip': await solutionFixture('F', {
            workflows: true,
            folders: ['Connector', 'Workflows'],
            omit: ['[Content_Types].xml', 'customizations.xml'],
          }),
        },
      }),
    expect: ['cert-flow-solution-missing', 'cert-solution-files-missing'],
  },
  {
    name: 'customizations.xml is not well-formed',
    build: async () =>
      certificationFixture({
        assets: {
          ...(await two()),
          'ConvertKitConnector.zip': await solutionFixture('C', {
            folders: ['Connector'],
            customizations: '<ImportExportXml><Connectors><Connector></Connectors>',
          }),
        },
      }),
    expect: ['cert-connector-solution-missing', 'cert-customizations-invalid'],
  },
  {
    name: 'the connector solution has no Connector/ folder',
    build: async () =>
      certificationFixture({ assets: { ...(await two()), 'ConvertKitConnector.zip': await solutionFixture('C', {}) } }),
    expect: ['cert-solution-folder-missing'],
  },
  {
    name: 'the flow solution has no Workflows/ folder',
    build: async () =>
      certificationFixture({
        assets: {
          ...(await two()),
          'ConvertKitFlows.zip': await solutionFixture('F', { workflows: true, folders: ['Connector'] }),
        },
      }),
    expect: ['cert-solution-folder-missing'],
  },
  {
    name: 'the flow solution has no flow in it',
    build: async () =>
      certificationFixture({
        assets: { ...(await two()), 'ConvertKitFlows.zip': await solutionFixture('F', { folders: ['Connector'] }) },
      }),
    expect: ['cert-flow-solution-missing'],
  },
  {
    name: 'the connector solution carries a flow too',
    build: async () =>
      certificationFixture({ assets: { ...(await two()), 'ConvertKitConnector.zip': await flowSolution() } }),
    expect: ['cert-connector-solution-missing'],
  },
  {
    name: 'the flow solution lacks the connector',
    build: async () =>
      certificationFixture({
        assets: {
          ...(await two()),
          'ConvertKitFlows.zip': await solutionFixture('F', {
            connector: false,
            workflows: true,
            folders: ['Workflows'],
          }),
        },
      }),
    // As the script does: <Workflows> also requires a Connector/ folder.
    expect: ['cert-flow-solution-missing', 'cert-solution-folder-missing'],
  },
  {
    name: 'an entry escapes its folder with ..',
    build: async () =>
      certificationFixture({
        outer: { 'intro.md': '#', 'pkg.zip': await pkgOf(prefix(await two())), '../evil.md': 'x' },
      }),
    expect: ['zip-path-unsafe'],
  },
  {
    name: 'ImportConfig.xml imports the flow before the connector',
    build: async () =>
      certificationFixture({
        assets: {
          ...(await two()),
          'ImportConfig.xml': importConfig('ConvertKitFlows.zip', 'ConvertKitConnector.zip'),
        },
      }),
    expect: ['cert-import-config-mismatch'],
  },
  {
    name: 'ImportConfig.xml does not list the connector solution',
    build: async () =>
      certificationFixture({ assets: { ...(await two()), 'ImportConfig.xml': importConfig('ConvertKitFlows.zip') } }),
    expect: ['cert-import-config-mismatch'],
  },
  {
    name: 'several deviations at once are all reported',
    build: async () =>
      certificationFixture({
        outer: {
          'intro.md': '#',
          'extra/notes.txt': 'x',
          'pkg.zip': await pkgOf({
            'PkgAssets/ConvertKitConnector.zip': await solutionFixture('C', {}),
            'PkgAssets/sub/x.txt': 'x',
          }),
        },
      }),
    expect: [
      'cert-assets-has-folders',
      'cert-flow-solution-missing',
      'cert-outer-has-folders',
      'cert-solution-count',
      'cert-solution-folder-missing',
    ],
  },
];

function prefix(files: Record<string, Uint8Array>): Record<string, Uint8Array> {
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [`PkgAssets/${k}`, v]));
}

describe('checkCertificationPackage', () => {
  test.each(cases)('$name', async ({ build, plugin, expect: expected }) => {
    const result = await checkCertificationPackage(await build(), 'submission.zip', { plugin });
    expect(codes(result.diagnostics)).toEqual([...expected].sort());
    for (const d of result.diagnostics) {
      expect(d.file).toMatch(/^submission\.zip/);
      expect(d.hint.length).toBeGreaterThan(10);
    }
  });

  test('classifies each solution and names where it looked', async () => {
    const r = await checkCertificationPackage(await certificationFixture(), 'submission.zip');
    expect(r.packageZip).toBe('ConvertKitPackage.pdpkg.zip');
    expect(r.assetsFolder).toBe('PkgAssets');
    expect(r.solutions).toEqual([
      { path: 'PkgAssets/ConvertKitConnector.zip', kind: 'connector' },
      { path: 'PkgAssets/ConvertKitFlows.zip', kind: 'flow' },
    ]);
  });

  test('a missing folder names the solution and the folder', async () => {
    const r = await checkCertificationPackage(
      await certificationFixture({
        assets: {
          ...(await two()),
          'ConvertKitFlows.zip': await solutionFixture('F', { workflows: true, folders: ['Connector'] }),
        },
      }),
      'submission.zip',
    );
    const d = r.diagnostics.find((x) => x.code === 'cert-solution-folder-missing')!;
    expect(d.file).toBe('submission.zip/ConvertKitPackage.pdpkg.zip/PkgAssets/ConvertKitFlows.zip');
    expect(d.message).toContain('Workflows');
  });
});
