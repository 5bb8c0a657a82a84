/**
 * How descriptors are type-checked when nothing else says: strict, and nothing the descriptors
 * do not need (no Node or test types, whose parsing is most of a check's time). `pcdk init`
 * writes these into a new project's tsconfig; the build uses them when a project has none.
 */
export const DESCRIPTOR_COMPILER_OPTIONS = {
  strict: true,
  target: 'es2022',
  module: 'nodenext',
  moduleResolution: 'nodenext',
  lib: ['es2022'],
  types: [],
  skipLibCheck: true,
} as const;
