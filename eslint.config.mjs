// ESLint (flat config) for the site's modules, the browser tests and any Node build script; ./test
// runs `npx eslint` at the top. eslint:recommended only: the published baseline, no house rules.
import js from '@eslint/js';
import globals from 'globals';

export default [
  {
    // Generated string tables (issue 14: built from one source per language); lint their source instead.
    ignores: ['**/node_modules/**', 'build/**', 'functions/**/target/**', '.venv/**', 'site/assets/js/i18n/*.js'],
  },
  js.configs.recommended,
  {
    // The site: ES modules in the browser, no bundler.
    files: ['site/**/*.js'],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: globals.browser },
  },
  {
    // Node: the browser tests (they also pass functions to page.evaluate, which run in the page) and scripts.
    files: ['**/*.mjs', 'scripts/**/*.js'],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: { ...globals.node, ...globals.browser } },
  },
];
