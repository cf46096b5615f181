/**
 * One jest run covers the API (supertest against createApp), the harness and the browser journeys.
 * Services are real: see tests/setup/global-setup.ts.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2023', transform: { react: { runtime: 'automatic' } } } }],
    // Preact 11 ships ESM only; jest loads CommonJS, so swc converts just these packages.
    '/node_modules/(preact|preact-render-to-string)/.+\\.m?js$': ['@swc/jest', { jsc: { target: 'es2023' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(preact|preact-render-to-string)/)'],
  globalSetup: '<rootDir>/tests/setup/global-setup.ts',
  globalTeardown: '<rootDir>/tests/setup/global-teardown.ts',
  // Tests wait on real I/O, not the CPU: two workers keep both cores busy alongside FerretDB.
  maxWorkers: 2,
  // A worker's heap grows file after file (each loads the app and its drivers afresh); one ran out
  // of memory 57 files into a full run. Past this after a file, jest replaces the worker.
  workerIdleMemoryLimit: '1GB',
  testTimeout: 30_000,
};
