import { NameScope, fileBaseFrom, identifierFrom } from '../../src/import/names';

describe('identifierFrom', () => {
  test.each([
    ['GetUserById', 'getUserById'],
    ['get_user-by id', 'getUserById'],
    ['123abc', '_123abc'],
    ['class', 'class_'],
    ['definitions', 'definitions_'],
    ['', 'item'],
    ["x'); process.exit(1); ('", 'xProcessExit1'],
    ['../../etc', 'etc'],
    ['Ünïcödé', 'unicode'],
  ])('%j -> %s', (input, expected) => {
    expect(identifierFrom(input)).toBe(expected);
    expect(identifierFrom(input)).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
  });
});

describe('fileBaseFrom', () => {
  test.each([
    ['Users', 'users'],
    ['../../../tmp/evil', 'tmp-evil'],
    ['/etc/passwd', 'etc-passwd'],
    ['C:\\Windows\\evil', 'c-windows-evil'],
    ['CON', 'con-ops'],
    ['lpt1', 'lpt1-ops'],
    ['connector', 'connector-ops'],
    ['..', 'operations'],
    ['', 'operations'],
    ['a'.repeat(100), 'a'.repeat(60)],
    ['Subscriber Tags', 'subscriber-tags'],
  ])('%j -> %s', (input, expected) => {
    expect(fileBaseFrom(input)).toBe(expected);
    expect(fileBaseFrom(input)).toMatch(/^[a-z0-9][a-z0-9-]*$/);
  });
});

describe('NameScope', () => {
  test('hands out unique names, comparing without case', () => {
    const scope = new NameScope(['reserved']);
    expect(['users', 'Users', 'users', 'Reserved'].map((n) => scope.claim(n, '-'))).toEqual([
      'users',
      'Users-2',
      'users-3',
      'Reserved-2',
    ]);
  });
});
