// ESLint flat config. Its one project-specific rule guards the architecture: the analysis core
// (server/src/core) is a pure library that the language server, the CLI and the tests all use, so
// it may not import the editor, the LSP libraries or any Node built-in (../shared/design/
// ARCHITECTURE.md, "A core that knows nothing of the editor"). test/unit/lintBoundary.test.ts
// proves the rule fires.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const CORE_BOUNDARY =
  'server/src/core is the pure analysis core: no editor, LSP or Node APIs (see ARCHITECTURE.md in ' +
  '../shared/design, "A core that knows nothing of the editor"). Read files in server/src/node/ ' +
  'and pass plain data in; only plain TypeScript and the `yaml` package belong in the core.';

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
// Every built-in, with or without the node: prefix, and their subpaths (fs/promises, path/posix).
const nodeBuiltins = `^(node:.*|(${builtinModules.map(escape).join('|')})(/.*)?)$`;
const editorAndLsp = '^(vscode|vscode-languageserver.*|vscode-languageclient.*|vscode-jsonrpc.*)(/.*)?$';
// Relative imports that climb out of the core into Node-side code (server/src/node, cli, features).
const nodeSide = '^(\\.\\./)+(node|cli|features|server)(/.*)?$';

const nodeGlobals = {
  process: 'readonly',
  console: 'readonly',
  Buffer: 'readonly',
  URL: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
};

export default defineConfig(
  {
    ignores: ['node_modules/', '**/out/', 'dist/', '.test-artifacts/', '**/*.d.ts'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: { globals: nodeGlobals },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      // The typescript-eslint version of no-restricted-imports, which also sees
      // `import x = require('fs')` and type-only imports.
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: nodeBuiltins, message: CORE_BOUNDARY },
            { regex: editorAndLsp, message: CORE_BOUNDARY },
            { regex: nodeSide, message: CORE_BOUNDARY },
          ],
        },
      ],
      // Node reached without an import.
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', '__dirname', '__filename', 'global'].map((name) => ({
          name,
          message: CORE_BOUNDARY,
        })),
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression', message: `No dynamic import in the core. ${CORE_BOUNDARY}` },
      ],
    },
  },
);
