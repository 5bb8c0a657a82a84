/** Conformance: reads ../shared (or PCDK_SHARED) and fails loudly when it is missing. */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/conformance'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^pcdk$': '<rootDir>/src/index.ts' },
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};
