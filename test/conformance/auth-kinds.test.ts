/**
 * Every typed auth kind, emitted, passes the official apiDefinition and apiProperties schemas
 * (the real validators over ../shared/schemas); broken copies of the same output do not, so the
 * check is not vacuous.
 */
import * as path from 'node:path';
import { emitApiProperties } from '../../src/emit/api-properties';
import { emitSwagger } from '../../src/emit/swagger';
import { loadOfficialValidators } from '../../src/validate/official-schemas';
import { AUTH_KINDS, notesConnector, SETS } from '../helpers/auth-connectors';
import { sharedDir } from '../helpers/shared';

const v = loadOfficialValidators(path.join(sharedDir(), 'schemas'));
const where = (file: string) => ({ connector: 'notes', file });

test.each(AUTH_KINDS)('%s: swagger and apiProperties pass the official schemas', (_name, auth) => {
  const c = notesConnector(auth);
  expect(v.validate('apiDefinition', emitSwagger(c), where('apiDefinition.swagger.json'))).toEqual([]);
  expect(v.validate('apiProperties', emitApiProperties(c), where('apiProperties.json'))).toEqual([]);
});

const oauth = (name: string) => {
  const c = notesConnector(AUTH_KINDS.find(([n]) => n === name)![1]);
  return structuredClone(emitApiProperties(c)) as { properties: { connectionParameters: Record<string, any> } };
};

test.each([
  ['oauth2 with an aad parameter', 'oauth2 (generic)', (s: any) => (s.customParameters.resourceUri = { value: 'x' })],
  ['aad without resourceUri', 'aad', (s: any) => delete s.customParameters.resourceUri],
  ['an unknown redirect mode', 'oauth2 (generic)', (s: any) => (s.redirectMode = 'Sometimes')],
  ['an unknown oAuthSettings key', 'facebook', (s: any) => (s.tokenUrl = 'https://x.example')],
])('the schema rejects what the rules prevent: %s', (_name, kind, breakIt) => {
  const props = oauth(kind);
  breakIt(props.properties.connectionParameters.token.oAuthSettings);
  expect(v.validate('apiProperties', props, where('apiProperties.json')).length).toBeGreaterThan(0);
});

test('connectionParameterSets: the file passes, and each set is a valid set of connection parameters', () => {
  const props = emitApiProperties(notesConnector(SETS));
  expect(v.validate('apiProperties', props, where('apiProperties.json'))).toEqual([]);
  // The official schema only knows sets as an object (patched in); each set's parameters are
  // checked as the connectionParameters they are.
  for (const set of props.properties.connectionParameterSets!.values) {
    const alone = { properties: { connectionParameters: set.parameters, iconBrandColor: '#da3b01' } };
    expect(v.validate('apiProperties', alone, where(`apiProperties.json (set ${set.name})`))).toEqual([]);
  }
});
