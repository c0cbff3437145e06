// Lint rules. The one that matters most: src/core and src/cli never import `vscode`,
// so the engine runs in a worker, in the CLI and in unit tests.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test*/**', 'test-results/**', 'media/**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'Core and CLI must not depend on VS Code: add a port in src/core and an adapter in src/extension.' }],
        patterns: [{ group: ['**/extension/**', '**/extension'], message: 'Core and CLI must not import the extension layer.' }],
      }],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs}', 'test/e2e/**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly', __dirname: 'readonly', document: 'readonly', getComputedStyle: 'readonly', window: 'readonly' } },
  },
);
