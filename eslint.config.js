// Lint: TypeScript rules plus the layering of DESIGN.md, one rule per folder, so that a
// forbidden import between folders shows up as an error (VS Code's `code-layering` idea).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util'];

const RENDERER_FORBIDDEN = ['electron', 'electron/*', 'better-sqlite3', '**/db', '**/db/**', '**/electron/**', '**/cli/**', ...NODE_BUILTINS];
const RENDERER_MESSAGE = 'The renderer reaches the case file only through window.casefile; it imports types and schemas from shared/.';

/** A layering rule: `message` says what this folder may import instead. */
const layer = (files, forbidden, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }] }],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  layer(
    ['shared/**'],
    ['electron', 'electron/*', 'better-sqlite3', 'react', 'react-*', '**/db', '**/db/**', '**/electron/**', '**/renderer/**', '**/cli/**', ...NODE_BUILTINS],
    'shared/ is pure code for every side: it imports only zod and other files of shared/.',
  ),
  layer(
    ['db/**'],
    ['electron', 'electron/*', 'react', 'react-*', '**/electron/**', '**/renderer/**', '**/cli/**'],
    'db/ runs in plain Node: it imports shared/, better-sqlite3 and the standard library, never electron, the renderer or the CLI.',
  ),
  layer(
    ['electron/main/**'],
    ['react', 'react-*', '**/renderer/**', '**/cli/**', '**/preload/**'],
    'electron/main imports shared/ and db/ (and electron), not the renderer, the CLI or the preload.',
  ),
  layer(
    ['electron/preload/**'],
    ['better-sqlite3', 'react', 'react-*', '**/db', '**/db/**', '**/renderer/**', '**/cli/**', '**/main/**', ...NODE_BUILTINS],
    'The preload is sandboxed: it imports only electron and the channel list from shared/contract.',
  ),
  layer(
    ['renderer/**'],
    RENDERER_FORBIDDEN,
    RENDERER_MESSAGE,
  ),
  // Only features/map loads MapLibre (about 1 MB, and its worker); the rest of the renderer
  // reaches the map through features/map/lazy.tsx. (The renderer's own layering still applies.)
  {
    files: ['renderer/**'],
    ignores: ['renderer/features/map/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: RENDERER_FORBIDDEN, message: RENDERER_MESSAGE },
            { group: ['maplibre-gl', 'maplibre-gl/*'], message: 'Only renderer/features/map imports maplibre-gl; use its components (features/map/lazy.tsx).' },
          ],
        },
      ],
    },
  },
  layer(
    ['cli/**'],
    ['electron', 'electron/*', 'react', 'react-*', '**/electron/**', '**/renderer/**'],
    'The CLI runs in plain Node over db/ and shared/, without electron or the renderer.',
  ),
);
