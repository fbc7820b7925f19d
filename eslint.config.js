// ESLint (flat config): JavaScript's and typescript-eslint's recommended rules, and
// eslint-plugin-astro's for .astro files. Formatting is Prettier's job (npm run format);
// `npm run lint` runs both checks.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', '.astro/', '.bench/', 'node_modules/', 'content/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // Unused names are mistakes, except deliberate ones written with a leading underscore.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // The full-width space (U+3000) is ordinary Chinese typesetting in text and patterns; elsewhere it is a mistake.
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipTemplates: true, skipRegExps: true, skipJSXText: true },
      ],
    },
  },
  {
    // Served to browsers byte for byte as written (it runs before first paint, unbundled):
    // its empty catch keeps a blocked localStorage from stopping the page.
    files: ['src/client/prefs.js'],
    rules: { 'no-empty': 'off', '@typescript-eslint/no-unused-vars': 'off' },
  },
  {
    // The visual editor's browser code runs inside Decap CMS, which defines the CMS global.
    files: ['scripts/editor/client/**/*.js'],
    languageOptions: { globals: { ...globals.browser, CMS: 'readonly' } },
  },
);
