/**
 * Golden outputs: the ConvertKit artifacts as committed in test/golden/convertkit/. Two builds
 * agreeing with each other cannot catch an unintended change; this can. After an intended
 * change, run `npm run golden` and review the diff.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { convertkitOutputs, GOLDEN_DIR } from './convertkit-outputs';

let outputs: Map<string, string>;
beforeAll(async () => {
  outputs = await convertkitOutputs();
});

test('the golden folder holds exactly the artifacts it covers', () => {
  expect(fs.readdirSync(GOLDEN_DIR).sort()).toEqual([...outputs.keys()].sort());
});

test.each([
  'apiDefinition.swagger.json', 'apiProperties.json', 'settings.json', 'readme.md', 'reference.md', 'client.index.d.mts', 'openapi.json',
])('%s is unchanged (npm run golden after an intended change)', (name) => {
  expect(outputs.get(name)).toBe(fs.readFileSync(path.join(GOLDEN_DIR, name), 'utf8'));
});
