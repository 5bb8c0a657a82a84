/** ConvertKit passes every offline layer pcdk runs without shared/: no error and no warning. */
import convertkit from '../../definitions/convertkit/connector';
import { emitConnectorFolder } from '../../src/emit/connector-folder';
import { validateDescriptor } from '../../src/validate/descriptor-rules';
import { formatDiagnostic } from '../../src/diagnostics';
import { validateConnectorTexts } from '../../src/validate/validate-files';

test('ConvertKit: descriptors, strict JSON, swagger-parser and certification rules find nothing', async () => {
  const files = emitConnectorFolder(convertkit).files;
  const text = (f: string) => ({ file: f, text: files.get(f)! });
  const diagnostics = [
    ...validateDescriptor(convertkit),
    ...(await validateConnectorTexts({
      connector: 'convertkit',
      apiDefinition: text('apiDefinition.swagger.json'),
      apiProperties: text('apiProperties.json'),
      settings: text('settings.json'),
      readme: text('readme.md'),
    })),
  ];
  expect(diagnostics.map(formatDiagnostic)).toEqual([]);
});
