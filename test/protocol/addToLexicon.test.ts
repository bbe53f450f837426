/**
 * The `communique.addToLexicon` command over a real stdio session: what the VS Code client's
 * "Add selection to lexicon as ..." and the Entities view's "Ignore in the workspace" run. The
 * server plans the edit (core/lexiconEdits.ts), the client applies it (workspace/applyEdit), and
 * the server reloads its lexicons.
 */
import * as assert from 'node:assert/strict';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import type { AddToLexiconResult } from '../../server/src/protocol';
import { LspClient } from './harness';

const DRAFT = 'Les enquêteurs ont entendu Francisca Bostyn, commissaire, au Maroc.\n';
const LEXICON_PATH = '.communique/lexicon.yaml';

/** [code, id] of each diagnostic. */
function summary(p: PublishDiagnosticsParams): [string, string][] {
  return p.diagnostics.map((d) => [String(d.code), (d.data as { id?: string }).id ?? '']);
}

describe('protocol: communique.addToLexicon', function () {
  let client: LspClient;
  afterEach(async () => {
    await client?.shutdown();
  });

  it('adds a new entry in the language of the paragraph, and the entity becomes a lexicon entity', async () => {
    client = await LspClient.start();
    const uri = await client.open('communiques/draft.md', DRAFT);
    assert.deepEqual(summary(await client.diagnostics(uri))[0], ['entity.suggested', 'francisca-bostyn']);
    const next = client.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => (d.data as { id?: string }).id === 'bostyn'));
    const result = (await client.executeCommand('communique.addToLexicon', [
      { uri, entry: { id: 'bostyn', category: 'actor', type: 'person', name: 'Francisca Bostyn' }, position: { line: 0, character: 27 } },
    ])) as AddToLexiconResult;
    assert.deepEqual(result, { applied: true, lexiconUri: client.uri(LEXICON_PATH) });
    assert.equal(
      client.readFile(LEXICON_PATH),
      ['version: 1', 'entries:', '  - id: bostyn', '    category: actor', '    type: person', '    name: Francisca Bostyn', '    names:', '      fr: [Francisca Bostyn]', ''].join('\n'),
    );
    assert.deepEqual(summary(await next), [
      ['entity.untagged', 'bostyn'],
      ['entity.untagged', 'MA'],
    ]);
  });

  it('writes the name under the language of its paragraph', async () => {
    client = await LspClient.start();
    const text = `${DRAFT}\nThe investigators met Commissioner Paul Van Tigchelt and the police of the country in Brussels yesterday.\n`;
    const uri = await client.open('communiques/mixed.md', text);
    await client.diagnostics(uri);
    const result = (await client.executeCommand('communique.addToLexicon', [
      { uri, entry: { id: 'van-tigchelt', category: 'actor', type: 'person', name: 'Paul Van Tigchelt' }, position: { line: 2, character: 35 } },
    ])) as AddToLexiconResult;
    assert.equal(result.applied, true, result.reason);
    assert.match(client.readFile(LEXICON_PATH), /\n {6}en: \[Paul Van Tigchelt\]\n/);
  });

  it('refuses an id a lexicon already has: the new entry would replace it', async () => {
    client = await LspClient.start();
    const uri = await client.open('communiques/draft.md', DRAFT);
    await client.diagnostics(uri);
    const result = (await client.executeCommand('communique.addToLexicon', [{ uri, entry: { id: 'MA', category: 'country', name: 'Maghreb al-Aqsa' } }])) as AddToLexiconResult;
    assert.equal(result.applied, false);
    assert.match(result.reason ?? '', /The id MA is already taken by the country "Morocco"/);
    assert.equal(client.applyEditRequests.length, 0);
  });

  it('adds a term to the workspace ignore list, and its mentions are no longer reported', async () => {
    client = await LspClient.start({ files: { [LEXICON_PATH]: 'version: 1\n' } });
    const uri = await client.open('communiques/draft.md', DRAFT);
    await client.diagnostics(uri);
    const next = client.nextDiagnostics(uri, (p) => !p.diagnostics.some((d) => (d.data as { id?: string }).id === 'MA'));
    const result = (await client.executeCommand('communique.addToLexicon', [{ uri, addIgnore: 'Maroc' }])) as AddToLexiconResult;
    assert.equal(result.applied, true, result.reason);
    assert.equal(client.readFile(LEXICON_PATH), 'version: 1\nignore:\n  - Maroc\n');
    assert.deepEqual(summary(await next), [['entity.suggested', 'francisca-bostyn']]);
    // Twice: nothing to change, and nothing is sent to the editor.
    const again = (await client.executeCommand('communique.addToLexicon', [{ uri, addIgnore: 'maroc' }])) as AddToLexiconResult;
    assert.equal(again.applied, false);
    assert.match(again.reason ?? '', /already has it/);
    assert.equal(client.applyEditRequests.length, 1);
  });

  it('says what is wrong with unusable arguments', async () => {
    client = await LspClient.start();
    const uri = await client.open('communiques/draft.md', DRAFT);
    const reasons: string[] = [];
    for (const arg of [undefined, { entry: {} }, { uri }, { uri, entry: { id: 'x', category: 'actor', name: 'X' } }, { uri, entry: { id: 'x', category: 'planet', name: 'X' } }]) {
      const result = (await client.executeCommand('communique.addToLexicon', arg === undefined ? [] : [arg])) as AddToLexiconResult;
      assert.equal(result.applied, false);
      reasons.push(result.reason ?? '');
    }
    assert.deepEqual(reasons, [
      'communique.addToLexicon needs { uri, entry } or { uri, addIgnore }',
      'communique.addToLexicon needs the URI of a document',
      'Nothing to add: give an entry or a term to ignore',
      'An actor needs a type: person or organization',
      'Unknown category planet (expected actor, country, region, threat)',
    ]);
  });
});
