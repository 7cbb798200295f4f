// Lint for the whole repository (ESLint flat config). Formatting is Prettier's
// job (`npm run lint` checks both); these rules catch mistakes and keep the
// architecture's lines where DESIGN.md draws them.
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import i18next from 'eslint-plugin-i18next'
import tseslint from 'typescript-eslint'

/** The only files that may import Electron: the thin glue around the core. */
const ELECTRON_GLUE = [
  'src/main/index.ts',
  'src/main/ipc.ts',
  'src/main/appProtocol.ts',
  'src/main/webSecurity.ts',
  'src/main/windows.ts',
  'src/main/secretStore.ts',
  'src/main/printing/electronPrinting.ts',
  'src/preload/index.ts'
]

/**
 * Every renderer file's visible words come from the message catalogue (src/shared/i18n): text in their JSX, and
 * the JSX attributes a person reads, must not be literals.
 */
const IN_CATALOGUE = ['src/renderer/**/*.tsx']

/** The JSX attributes a person reads (or hears from a screen reader). */
const READ_ATTRIBUTES = '^(label|title|placeholder|description|aria-label|alt|error|idle|screen|submit|approveLabel|action|message|name)$'

const noElectron = {
  name: 'electron',
  message: 'Only the Electron glue imports electron (see ELECTRON_GLUE in eslint.config.js): keep the core runnable under plain Node.'
}

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'release/', 'node_modules/', 'test-results/', 'playwright-report/', 'drizzle/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': ['error', { paths: [noElectron] }],
      eqeqeq: ['error', 'always'],
      // A scanner station matches control characters on purpose (GS separators, STX/ETX from printers, hygiene).
      'no-control-regex': 'off'
    }
  },
  {
    // The glue itself, and the unit tests that replace electron with a stand-in module.
    files: [...ELECTRON_GLUE, 'test/electron/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' }
  },
  {
    // The core depends on nothing around it: only on itself and src/shared (DESIGN.md).
    files: ['src/main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              regex: '^(\\.\\./)+(printing|devices|host|renderer|preload)(/|$)|^(\\.\\./){2,}(index|ipc|station|cli|secretStore)$',
              message: 'The core imports only from itself and src/shared: pass platform reactions in through the StationContext.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      // The rules of hooks; the React Compiler's extra rules (refs, set-state-in-effect…) are for code the
      // compiler rewrites, and this app does not use the compiler.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      ...jsxA11y.flatConfigs.recommended.rules,
      // The scan field must hold the cursor when a screen opens (SPEC §3: "the cursor sits in the serial field").
      'jsx-a11y/no-autofocus': 'off',
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [{ group: ['**/main/*', '**/main/**'], message: 'The renderer talks to main through window.station only.' }]
        }
      ]
    }
  },
  {
    // SPEC §10: every string in one catalogue (src/shared/i18n/README.md).
    files: IN_CATALOGUE,
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': { include: [READ_ATTRIBUTES] },
          // Signs, not words: arrows, separators, a dash for "none", a keyboard key.
          words: { exclude: ['^[\\s:;,.()/+×·—–…→←⌨%|-]*$', '^F\\d+$'] },
          message: 'Words on screen come from the catalogue: t(…) with the key in src/shared/i18n/locales/<language>/<namespace>.json'
        }
      ]
    }
  },
  {
    // Playwright fixtures without dependencies are written `async ({}, use)`: its API reads the pattern.
    files: ['e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' }
  },
  prettier
)
