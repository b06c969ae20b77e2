/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }],
  },
  moduleNameMapper: {
    // office-addin-mock imports office-addin-manifest, whose ESM dependency jest cannot load.
    '^office-addin-manifest$': '<rootDir>/test/stubs/office-addin-manifest.js',
    // webpack's `new Worker(new URL(…, import.meta.url))` does not load in jest's CommonJS: no worker there.
    '(^|/)worker/spawn$': '<rootDir>/test/stubs/spawnWorker.ts',
  },
  testTimeout: 60000,
};
