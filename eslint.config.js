// ESLint flat config: typescript-eslint's recommended rules, React hooks rules for the client,
// and the import boundaries of the house style (shared → server/client modules → app).
const js = require('@eslint/js');
const globals = require('globals');
const reactHooks = require('eslint-plugin-react-hooks');
const tseslint = require('typescript-eslint');

const boundary = (patterns) => ['error', { patterns }];

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
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
