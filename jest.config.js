/** Unit and end-to-end tests: self-contained, no ../shared. */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/conformance/'],
  // Descriptors import 'pcdk' as an author's do; inside the repository that is the source.
  moduleNameMapper: { '^pcdk$': '<rootDir>/src/index.ts' },
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};
