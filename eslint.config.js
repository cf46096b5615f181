// ESLint flat config: typescript-eslint's recommended rules, React hooks rules for the client,
// and the import boundaries of the house style (shared → server/client modules → app).
const fs = require('node:fs');

const js = require('@eslint/js');
const { createTypeScriptImportResolver } = require('eslint-import-resolver-typescript');
const importX = require('eslint-plugin-import-x');
const globals = require('globals');
const reactHooks = require('eslint-plugin-react-hooks');
const tseslint = require('typescript-eslint');

const boundary = (patterns) => ['error', { patterns }];

// Client walls, as in bulletproof-react: imports flow lib/components → features → app. A feature
// never imports another feature (the app composes them: the route table, home's checklist), and
// lib/ and components/ import neither. One block per feature, listing every other feature, because
// relative specifiers (`../../team/…`) do not name the folder they leave.
const CLIENT_FEATURES = fs.readdirSync(`${__dirname}/client/src/features`);
const clientOnly = { group: ['**/server/**'], message: 'the client talks to the server over HTTP only' };
const clientWalls = [
  ...CLIENT_FEATURES.map((feature) => ({
    files: [`client/src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': boundary([
        clientOnly,
        {
          group: CLIENT_FEATURES.filter((other) => other !== feature).flatMap((other) => [
            `**/features/${other}/**`,
            `../${other}/**`,
            `../../${other}/**`,
          ]),
          message:
            'features do not import each other: move what both need to lib/ or components/, or compose them in app/',
        },
        { group: ['**/app/**'], message: 'features do not import the app: the app imports them' },
      ]),
    },
  })),
  {
    files: ['client/src/lib/**/*.{ts,tsx}', 'client/src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': boundary([
        clientOnly,
        {
          group: ['**/features/**', '**/app/**'],
          message: 'lib/ and components/ are shared by features: they import none',
        },
      ]),
    },
  },
];

// Server walls: a module's models are private to it; everything else (another module, app.ts,
// the registry, scripts) calls the owner's service. Resolved paths, not specifiers, so `../x/`,
// `./modules/x/` and `../../server/src/modules/x/` are all caught. Tests may read models directly.
const SERVER_MODULES = fs.readdirSync(`${__dirname}/server/src/modules`);
const serverWalls = {
  files: ['server/src/**/*.ts', 'scripts/**/*.ts'],
  rules: {
    'import-x/no-restricted-paths': [
      'error',
      {
        zones: SERVER_MODULES.map((m) => ({
          target: [
            './server/src/*.ts',
            './server/src/!(modules)/**',
            `./server/src/modules/!(${m})/**`,
            './scripts/**',
          ],
          from: `./server/src/modules/${m}/*.model.ts`,
          message: `the ${m} module's models are private to it: call its service instead`,
        })),
      },
    ],
  },
};

module.exports = tseslint.config(
  { ignores: ['**/node_modules', '**/dist', '.cache', '.data', 'tests/artifacts', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': boundary([
        {
          group: ['**/server/**', '**/client/**', '@pulse/server*', '@pulse/client*'],
          message: 'shared depends on nothing of ours',
        },
      ]),
    },
  },
  {
    files: ['server/src/lib/**/*.ts'],
    rules: {
      'no-restricted-imports': boundary([
        { group: ['**/modules/**'], message: 'lib/ is cross-cutting: it must not reach into feature modules' },
        { group: ['**/client/**'], message: 'the server never imports client code' },
      ]),
    },
  },
  {
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/lib/**'],
    rules: {
      'no-restricted-imports': boundary([{ group: ['**/client/**'], message: 'the server never imports client code' }]),
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': boundary([
        { group: ['**/server/**'], message: 'the client talks to the server over HTTP only' },
      ]),
    },
  },
  ...clientWalls,
  {
    files: ['server/src/**/*.ts', 'shared/src/**/*.ts', 'client/src/**/*.{ts,tsx}', 'scripts/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // Parse .ts/.tsx dependencies (without these, no-cycle sees no TypeScript file at all).
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['tsconfig.json', 'client/tsconfig.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      // A cycle makes load order decide what is undefined at import time, and hides a missing seam.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  serverWalls,
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
