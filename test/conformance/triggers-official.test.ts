/** Valid triggers (test/helpers/trigger-connector.ts) pass the official apiDefinition schema in ../shared. */
import * as path from 'node:path';
import { formatDiagnostic } from '../../src/diagnostics';
import { emitSwagger } from '../../src/emit/swagger';
import { loadOfficialValidators } from '../../src/validate/official-schemas';
import { sharedDir } from '../helpers/shared';
import { withTriggers } from '../helpers/trigger-connector';

test('the official apiDefinition schema accepts the swagger of valid triggers', () => {
  const validators = loadOfficialValidators(path.join(sharedDir(), 'schemas'));
  const found = validators.validate('apiDefinition', emitSwagger(withTriggers()), {
    connector: 'widgets',
    file: 'apiDefinition.swagger.json',
  });
  expect(found.map(formatDiagnostic)).toEqual([]);
});
