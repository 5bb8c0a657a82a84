/** Shared by the pack tests: a real zip reader (jszip), a real PNG, and package fixtures. */
import { createHash } from 'node:crypto';
import * as zlib from 'node:zlib';
import JSZip from 'jszip';

/** Every file entry of a zip, by the name as stored (unsafe names kept, not normalised). */
export async function unzip(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const f of Object.values(zip.files)) {
    if (f.dir) continue;
    out.set(f.unsafeOriginalName ?? f.name, await f.async('nodebuffer'));
  }
  return out;
}

/** Raw jszip objects, for dates and permissions. */
export async function zipObjects(bytes: Uint8Array): Promise<JSZip.JSZipObject[]> {
  return Object.values((await JSZip.loadAsync(bytes)).files);
}

/** Builds a zip with jszip: an independent writer for inputs and broken fixtures. */
export async function jszip(files: Record<string, string | Uint8Array>): Promise<Buffer> {
  const zip = new JSZip();
  // A fixed date keeps fixtures identical from run to run, like an exported file would be.
  for (const [name, data] of Object.entries(files))
    zip.file(name, data, { createFolders: false, date: new Date('2024-05-01T12:00:00Z') });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function isSafeEntryName(name: string): boolean {
  return !name.startsWith('/') && !/^[A-Za-z]:/.test(name) && !name.includes('\\') && !name.split('/').includes('..');
}

/** A real, decodable PNG (solid colour), built with zlib and CRC-32. */
export function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0xda)]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- certification fixtures: what an author exports, shaped like real exports ----

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/octet-stream" /><Default Extension="json" ContentType="application/octet-stream" /></Types>';
const SOLUTION_XML = (name: string) =>
  `<?xml version="1.0" encoding="utf-8"?><ImportExportXml><SolutionManifest><UniqueName>${name}</UniqueName><Version>1.0.0.0</Version><Managed>0</Managed></SolutionManifest></ImportExportXml>`;
const CONNECTOR_NODE =
  '<Connectors><Connector><connectorid>11111111-2222-3333-4444-555555555555</connectorid><name>tths_convertkit</name></Connector></Connectors>';

export interface SolutionFixture {
  connector?: boolean;
  workflows?: boolean;
  plugin?: boolean;
  folders?: string[];
  omit?: string[];
  customizations?: string;
}

/** A solution zip: the connector node, workflows and plugin nodes, and the folders, as asked. */
export function solutionFixture(name: string, o: SolutionFixture): Promise<Buffer> {
  const customizations =
    o.customizations ??
    `<?xml version="1.0" encoding="utf-8"?><ImportExportXml>${
      o.workflows
        ? '<Workflows><Workflow WorkflowId="{aaaaaaaa-0000-0000-0000-000000000001}" Name="Add subscriber"><JsonFileName>/Workflows/AddSubscriber.json</JsonFileName></Workflow></Workflows>'
        : '<Workflows />'
    }${o.connector === false ? '<Connectors />' : CONNECTOR_NODE}${o.plugin ? '<aicopilot_aiplugins><aicopilot_aiplugin name="p"><x>1</x></aicopilot_aiplugin></aicopilot_aiplugins>' : ''}<Languages><Language>1033</Language></Languages></ImportExportXml>`;
  const files: Record<string, string> = {
    '[Content_Types].xml': CONTENT_TYPES,
    'solution.xml': SOLUTION_XML(name),
    'customizations.xml': customizations,
  };
  for (const f of o.omit ?? []) delete files[f];
  for (const folder of o.folders ?? []) files[`${folder}/${folder.toLowerCase()}.json`] = '{}';
  return jszip(files);
}

export const connectorSolution = () => solutionFixture('ConvertKitConnector', { folders: ['Connector'] });
export const flowSolution = () =>
  solutionFixture('ConvertKitFlows', { workflows: true, folders: ['Connector', 'Workflows'] });
export const pluginSolution = () =>
  solutionFixture('ConvertKitPlugin', { plugin: true, folders: ['Connector', 'aiplugins', 'aipluginoperations'] });

export const importConfig = (...solutions: string[]) =>
  `<?xml version="1.0" encoding="utf-16"?><configdatastorage installsampledata="false" waitforsampledatatoinstall="true" agentdesktopzipfile="" agentdesktopexename="" crmmigdataimportfile=""><solutions>${solutions.map((s) => `<configsolutionfile solutionpackagefilename="${s}" overwriteunmanagedcustomizations="false" publishworkflowsandactivateplugins="true" />`).join('')}</solutions></configdatastorage>`;

/** A Package Deployer package as `pac package` + `dotnet publish` leave it (assemblies faked). */
export async function pdpkgFixture(
  assets: Record<string, string | Uint8Array> = {},
  extra: Record<string, string | Uint8Array> = {},
): Promise<Buffer> {
  const files: Record<string, string | Uint8Array> = {
    '[Content_Types].xml': CONTENT_TYPES,
    'ConvertKitPackage.dll': Buffer.from('MZ fake assembly'),
    'ConvertKitPackage.pdb': Buffer.from('fake symbols'),
    ...extra,
  };
  for (const [name, data] of Object.entries(assets)) files[`PkgAssets/${name}`] = data;
  return jszip(files);
}

/** A whole certification package built independently of pcdk, for the layout checker. */
export async function certificationFixture(
  o: {
    outer?: Record<string, string | Uint8Array>;
    pkg?: Record<string, string | Uint8Array>;
    assets?: Record<string, string | Uint8Array>;
  } = {},
): Promise<Buffer> {
  const assets = o.assets ?? {
    'ImportConfig.xml': importConfig('ConvertKitConnector.zip', 'ConvertKitFlows.zip'),
    'ConvertKitConnector.zip': await connectorSolution(),
    'ConvertKitFlows.zip': await flowSolution(),
  };
  const pkg = o.pkg ?? Object.fromEntries(Object.entries(assets).map(([k, v]) => [`PkgAssets/${k}`, v]));
  const outer = o.outer ?? {
    'intro.md': '# ConvertKit\n',
    'ConvertKitPackage.pdpkg.zip': await jszip({ 'ConvertKitPackage.dll': 'MZ', ...pkg }),
  };
  return jszip(outer);
}
