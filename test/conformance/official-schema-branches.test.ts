/**
 * The official schemas on real files with one typo each: exactly one schema-violation, naming
 * the wrong key or value and what is allowed (not the errors of the oneOf branches the value was
 * never meant for). Each base file is clean first, so the one finding is the typo's.
 */
import * as path from 'node:path';
import { loadOfficialValidators, type SchemaKind } from '../../src/validate/official-schemas';
import { readShared, sharedDir } from '../helpers/shared';

const MIRO = ['corpus', 'independent-publisher-connectors', 'Miro', 'apiProperties.json'];
const CK_PROPS = ['published', 'convertkit', 'apiProperties.json'];
const CK_SWAGGER = ['published', 'convertkit', 'apiDefinition.swagger.json'];

type Row = [name: string, kind: SchemaKind, file: string[], from: string | RegExp, to: string, reason: string];

const rows: Row[] = [
  [
    'redirectMode value',
    'apiProperties',
    MIRO,
    '"redirectMode": "Global"',
    '"redirectMode": "global"',
    '/properties/connectionParameters/token/oAuthSettings/redirectMode is "global"; allowed: "Global", "Direct"',
  ],
  [
    'redirectMode key',
    'apiProperties',
    MIRO,
    '"redirectMode"',
    '"redirectMod"',
    '/properties/connectionParameters/token/oAuthSettings has unknown property "redirectMod"',
  ],
  [
    'identityProvider value',
    'apiProperties',
    MIRO,
    '"identityProvider": "oauth2"',
    '"identityProvider": "oauth3"',
    '/properties/connectionParameters/token/oAuthSettings/identityProvider is "oauth3"; allowed: "oauth2", "oauth2generic", "aad", "aadcertificate", "facebook"',
  ],
  [
    'connection parameter type',
    'apiProperties',
    MIRO,
    '"type": "oauthSetting"',
    '"type": "oauthSettings"',
    '/properties/connectionParameters/token/type is "oauthSettings"; allowed: "string", "securestring", "int", "bool", "gatewaySetting", "oauthSetting"',
  ],
  [
    'primitive connection parameter key',
    'apiProperties',
    CK_PROPS,
    '"uiDefinition"',
    '"uiDefinitio"',
    '/properties/connectionParameters/api_key has unknown property "uiDefinitio"',
  ],
  [
    'query parameter key',
    'apiDefinition',
    CK_SWAGGER,
    /"in": "query",/,
    '"in": "query", "requird": false,',
    'has unknown property "requird"',
  ],
  [
    'parameter location',
    'apiDefinition',
    CK_SWAGGER,
    /"in": "query",/,
    '"in": "qeury",',
    'is "qeury"; allowed: "body", "header", "formData", "query", "path"',
  ],
  [
    'body parameter key',
    'apiDefinition',
    CK_SWAGGER,
    /"in": "body",/,
    '"in": "body", "requird": true,',
    'has unknown property "requird"',
  ],
];

describe('one official-schema error per typo', () => {
  const validators = loadOfficialValidators(path.join(sharedDir(), 'schemas'))!;
  const check = (kind: SchemaKind, text: string) =>
    validators.validate(kind, JSON.parse(text), { connector: 'x', file: 'f.json' });

  test.each(rows)('%s', (_name, kind, file, from, to, reason) => {
    const base = readShared(...file);
    expect(check(kind, base)).toEqual([]);
    const broken = base.replace(from, to);
    expect(broken).not.toBe(base);
    const found = check(kind, broken);
    expect(found.map((d) => d.code)).toEqual(['schema-violation']);
    expect(found[0]!.message).toContain(reason);
  });
});
