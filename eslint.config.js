// @ts-check
import js from '@eslint/js';
import importPlugin from 'eslint-plugin-import';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The dependency rules of DESIGN.md §3, as `import/no-restricted-paths` zones. Each zone: files in `target` may not
 * import from `from`. tests/lint/layers.test.ts proves each rule fails when broken.
 */
const npm = (name) => `./node_modules/${name}`;
const PROVIDERS = ['github', 'gitlab', 'jira'];
const OUTSIDE_PROVIDERS = ['./lib/db', './lib/services', './lib/messaging', './lib/overlay', './lib/settings', './components', './entrypoints'];
// The TypeScript resolver lands React imports on their type packages, so both are listed.
const UI = [npm('react'), npm('react-dom'), npm('@types/react'), npm('@types/react-dom'), npm('zustand')];

export const LAYER_ZONES = [
  {
    target: './lib/core',
    from: './',
    except: ['./lib/core'],
    message: 'lib/core is pure domain code: it imports nothing outside lib/core (no browser, DOM, idb, React, zod).',
  },
  ...PROVIDERS.map((provider) => ({
    target: `./lib/providers/${provider}`,
    from: [...OUTSIDE_PROVIDERS, ...PROVIDERS.filter((p) => p !== provider).map((p) => `./lib/providers/${p}`), ...UI, npm('idb')],
    message: 'A provider imports only lib/core, lib/providers/types, its own folder and its npm client: never React, the database or another provider.',
  })),
  {
    target: './lib/db',
    from: ['./lib/services', './lib/messaging', './lib/overlay', './lib/settings', './lib/providers', './components', './entrypoints', ...UI],
    message: 'lib/db imports only lib/core (and idb).',
  },
  {
    target: ['./components', './entrypoints/popup', './entrypoints/sidepanel', './entrypoints/options', './entrypoints/timesheet', './entrypoints/report', ...PROVIDERS.map((p) => `./entrypoints/${p}.content`), './lib/overlay', './lib/messaging', './lib/providers', './lib/settings', './lib/core'],
    from: ['./lib/db', npm('idb')],
    message: 'Only lib/services use the database (and only the background runs services).',
  },
  {
    target: './entrypoints/background',
    from: ['./lib/db', npm('idb')],
    except: ['./open.ts'],
    message: 'The background only opens the database; reading and writing it is the job of lib/services.',
  },
  {
    target: ['./components', './lib/overlay', './entrypoints/popup', './entrypoints/sidepanel', './entrypoints/options', './entrypoints/timesheet', './entrypoints/report', './entrypoints/github.content', './entrypoints/gitlab.content', './entrypoints/jira.content'],
    from: './lib/services',
    message: 'Services run in the background only; pages and content scripts ask through lib/messaging.',
  },
  {
    target: './components',
    from: ['./lib/providers/github/api.ts', './lib/providers/gitlab/api.ts', './lib/providers/jira/api.ts', npm('@octokit'), npm('jira.js'), npm('@gitbeaker')],
    message: 'Components never call provider APIs: the background owns the network and the tokens.',
  },
  {
    target: ['./lib/overlay', './entrypoints/github.content', './entrypoints/gitlab.content', './entrypoints/jira.content'],
    from: [...UI, './components', npm('zod'), npm('@octokit'), npm('jira.js'), npm('@gitbeaker')],
    message: 'Content scripts stay tiny: no React, no components, no zod, no API clients in lib/overlay or *.content.',
  },
];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'demo-output/**', 'test-artefacts/**', 'bench/.work/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js'] }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { import: importPlugin },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' }, node: true },
    },
    rules: {
      'import/no-restricted-paths': ['error', { zones: LAYER_ZONES }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      'no-restricted-properties': ['error', { object: 'Element', property: 'innerHTML' }],
      'no-restricted-syntax': [
        'error',
        { selector: "AssignmentExpression > MemberExpression[property.name='innerHTML']", message: 'No innerHTML: build DOM nodes and set textContent.' },
        { selector: "AssignmentExpression > MemberExpression[property.name='outerHTML']", message: 'No outerHTML: build DOM nodes and set textContent.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'No insertAdjacentHTML: build DOM nodes.' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No dangerouslySetInnerHTML.' },
      ],
    },
  },
  {
    // Content-script code may use the protocol's types, never its values: they would pull zod into every page.
    files: ['lib/overlay/**/*.ts', 'entrypoints/*.content/**/*.ts', 'lib/messaging/client.ts', 'lib/messaging/notices.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/messaging/protocol', '@/lib/messaging/protocol'], allowTypeImports: true, message: 'Content scripts import only types from protocol.ts (its zod schemas would ship to every page).' }] },
      ],
    },
  },
  {
    // The pure core takes time as a parameter and touches no platform global.
    files: ['lib/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'chrome', 'browser', 'indexedDB', 'fetch', 'localStorage', 'navigator', 'location'],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'lib/core gets the time as a parameter.' },
        { object: 'Math', property: 'random', message: 'lib/core is deterministic: take randomness as a parameter.' },
      ],
    },
  },
  {
    files: ['components/**/*.tsx', 'entrypoints/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // The sandbox and tests render fixture HTML on purpose (escaped through the html`` template).
    files: ['tests/**/*.ts', 'tests/**/*.tsx', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off', '@typescript-eslint/no-unsafe-assignment': 'off', '@typescript-eslint/no-unsafe-member-access': 'off' },
  },
);
