/**
 * The lint rule that keeps the analysis core pure (eslint.config.mjs) really fires.
 *
 * Sources are linted with ESLint's Node API as if they stood at a path under server/src/core
 * (`lintText` with `filePath`): the configuration is chosen by that path exactly as for a file on
 * disk, and nothing is written into the source tree, where a stray probe file left by an
 * interrupted run would break the next build.
 */
import * as assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';

const root = resolve(__dirname, '..', '..', '..');

describe('lint: the core imports no editor, LSP or Node API', function () {
  let eslint: ESLint;

  before(function () {
    eslint = new ESLint({ cwd: root });
  });

  async function boundaryMessages(code: string, file: string): Promise<string[]> {
    const filePath = join(root, file);
    assert.equal(await eslint.isPathIgnored(filePath), false, `${file} must be linted`);
    const [result] = await eslint.lintText(code, { filePath });
    assert.ok(result);
    return result.messages
      .filter((m) => /no-restricted-(imports|globals|syntax)$/.test(m.ruleId ?? ''))
      .map((m) => m.message);
  }

  it("rejects `import ... from 'fs'` in server/src/core and says where the rule is explained", async function () {
    const messages = await boundaryMessages(
      "import { readFileSync } from 'fs';\nexport const lexiconText = (file: string): string => readFileSync(file, 'utf8');\n",
      'server/src/core/lexicon/probeReadsFiles.ts',
    );
    assert.equal(messages.length, 1);
    assert.match(messages[0]!, /'fs' import is restricted/);
    assert.match(messages[0]!, /ARCHITECTURE\.md/);
  });

  it('rejects node: built-ins, LSP and editor modules, including type-only imports', async function () {
    const messages = await boundaryMessages(
      [
        "import { join } from 'node:path';",
        "import { readFile } from 'fs/promises';",
        "import type { Connection } from 'vscode-languageserver/node';",
        "import type * as vscode from 'vscode';",
        'export type Probe = [typeof join, typeof readFile, Connection, typeof vscode];',
        '',
      ].join('\n'),
      'server/src/core/probeImports.ts',
    );
    assert.equal(messages.length, 4, messages.join('\n'));
  });

  it('rejects reaching Node through globals or by importing Node-side code of the server', async function () {
    const messages = await boundaryMessages(
      [
        "import { loadLexicon } from '../../node/lexiconFiles';",
        "export const home = process.env['HOME'];",
        'export const lexicon = loadLexicon;',
        '',
      ].join('\n'),
      'server/src/core/match/probeGlobals.ts',
    );
    assert.equal(messages.length, 2, messages.join('\n'));
  });

  it('accepts a core file that imports only core modules and yaml', async function () {
    const messages = await boundaryMessages(
      [
        "import { parse } from 'yaml';",
        "import type { Lexicon } from '../types';",
        "import { foldWord } from '../text/tokenize';",
        'export const probe = (l: Lexicon, s: string): unknown => [l.entries.size, parse(s), foldWord(s)];',
        '',
      ].join('\n'),
      'server/src/core/lexicon/probeClean.ts',
    );
    assert.deepEqual(messages, []);
  });

  it("allows 'fs' outside the core (server/src/node)", async function () {
    const messages = await boundaryMessages(
      "import { readFileSync } from 'fs';\nexport const read = (file: string): string => readFileSync(file, 'utf8');\n",
      'server/src/node/probeFiles.ts',
    );
    assert.deepEqual(messages, []);
  });
});
