// ESLint (flat config). `npm run lint`; `npm test` runs it first.
// Besides the recommended rules, this file encodes the layers of the code (see `zones` below): an
// import that runs against them is an error, so the structure keeps its shape.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import globals from 'globals';
import { defineConfig, globalIgnores } from 'eslint/config';

/**
 * The layers, one way only:
 *   content/ (YAML) -> src/content (schemas, loading, the check) -> src/domain (pure TypeScript)
 *   src/wizard -> src/domain;  src/i18n -> src/domain;  src/ui -> src/wizard, src/domain, src/i18n
 *   src/cli -> src/content, src/domain;  the app entry (src/boot.tsx, src/main.tsx) -> ui, wizard, i18n, domain
 * Type-only imports count too: a layer does not borrow its types from a layer above it.
 * `layer(files, uses)`: the files (a folder or glob, from the top) may import from src/ only what lies in `uses`.
 */
const layer = (files, uses, name = [files].flat().join(', ').replaceAll('./', '')) => ({
  target: files,
  from: './src',
  except: uses.map((dir) => `./${dir}`),
  message: `${name} may import only ${uses.map((dir) => `src/${dir}`).join(', ')}.`,
});

const zones = [
  layer('./src/domain', ['domain']),
  layer('./src/content', ['content', 'domain']),
  layer('./src/wizard', ['wizard', 'domain']),
  layer('./src/i18n', ['i18n', 'domain']),
  layer('./src/ui', ['ui', 'wizard', 'domain', 'i18n']),
  layer('./src/cli/**/!(bench|json-schemas).{ts,tsx}', ['cli', 'content', 'domain'], 'src/cli'),
  // The bench measures the app as a visitor meets it: it runs the wizard machine to count the screens of
  // each path and opens the built app on a share link of its own, so it alone of the CLI may import src/wizard.
  layer('./src/cli/bench.ts', ['cli', 'content', 'domain', 'wizard']),
  // The contracts generator publishes the intake file format, which is the wizard's (src/wizard/intake-schema.ts).
  layer('./src/cli/json-schemas.ts', ['cli', 'content', 'domain', 'wizard']),
  layer(['./src/boot.tsx', './src/main.tsx'], ['boot.tsx', 'main.tsx', 'ui', 'wizard', 'i18n', 'domain']),
  layer(['./vite.config.ts', './vitest.e2e.config.ts'], ['content', 'domain', 'i18n', 'ui/prerender.ts']),
];

export default defineConfig([
  globalIgnores(['dist/', 'coverage/', 'test-results/', '.vite/', 'public/sw.js']),

  js.configs.recommended,
  tseslint.configs.recommended,
  // A rule is switched off only for a line, by name, with its reason:
  // `// eslint-disable-next-line rule -- why`; a directive that suppresses nothing is an error too.
  comments.recommended,
  {
    files: ['**/*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      '@eslint-community/eslint-comments/require-description': 'error',
      // `_name` marks an argument or binding that is unused on purpose; `const { a, ...rest } = x` leaves a out.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  // Hooks: the rules of hooks and complete effect dependencies, as errors.
  {
    ...reactHooks.configs.flat.recommended,
    files: ['src/ui/**/*.{ts,tsx}', 'src/*.tsx'],
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },

  // The layers, and no import cycle anywhere in src.
  {
    files: ['src/**/*.{ts,tsx}', 'vite.config.ts', 'vitest.e2e.config.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // The node resolver of import-x (unrs-resolver) with TypeScript's extensions: the repository has
      // no path aliases, so nothing more is needed to find a module.
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
      // Modules that no-cycle reads (with the TypeScript parser) to follow their imports.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones }],
      // no-cycle skips type-only imports; between layers the rule above catches those too.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // An import the resolver cannot follow would slip past both rules above, so it must resolve.
      'import-x/no-unresolved': ['error', { ignore: ['^virtual:'] }],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSImportType', message: 'Import the type with an import declaration, so the layer rules see it.' },
      ],
    },
  },
]);
