/**
 * `name.variant` over a real stdio session (issue 5, "Variants of known names"): the diagnostic on
 * a transliterated actor name, the preferred quick fix that changes the mention to the lexicon's
 * spelling as a versioned edit, and the fix that accepts the spelling in the workspace lexicon,
 * after which the server reloads its lexicons and the diagnostic goes.
 */
import * as assert from 'node:assert/strict';
import type { CodeAction, PublishDiagnosticsParams, Range, TextDocumentEdit } from 'vscode-languageserver-protocol/node';
import { LspClient } from './harness';

const DRAFT = 'Le directeur général de la DGSN a reçu ses homologues. M. Hamouchi a salué la coopération.\n';
const LEXICON_PATH = '.communique/lexicon.yaml';

/** [code, text] of each name.variant diagnostic. */
function variants(p: PublishDiagnosticsParams): [string, string][] {
  return p.diagnostics.filter((d) => d.code === 'name.variant').map((d) => [d.message, (d.data as { text: string }).text]);
}

/** The range of the first occurrence of `at` on the first line. */
function rangeOf(text: string, at: string): Range {
  const start = text.indexOf(at);
  return { start: { line: 0, character: start }, end: { line: 0, character: start + at.length } };
}

describe('protocol: name.variant', function () {
  let client: LspClient;
  afterEach(async () => {
    await client?.shutdown();
  });

  it('reports the variant, and "Change to «Hammouchi»" edits the mention in the version it was computed for', async () => {
    client = await LspClient.start();
    const uri = await client.open('communiques/draft.md', DRAFT);
    const published = await client.diagnostics(uri);
    assert.deepEqual(variants(published), [['«Hamouchi» looks like a variant of Hammouchi (Abdellatif Hammouchi)', 'Hamouchi']]);
    const diagnostic = published.diagnostics.find((d) => d.code === 'name.variant')!;
    assert.deepEqual(diagnostic.range, rangeOf(DRAFT, 'Hamouchi'));

    const actions = await client.codeActions(uri, rangeOf(DRAFT, 'Hamouchi'));
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Change to «Hammouchi»'), titles.join(' | '));
    assert.ok(titles.includes('Accept «Hamouchi» as a spelling of Abdellatif Hammouchi'), titles.join(' | '));
    assert.ok(titles.includes('Tag Abdellatif Hammouchi as actor'), titles.join(' | '));
    const change = actions.find((a) => a.title === 'Change to «Hammouchi»')!;
    assert.equal(change.kind, 'quickfix');
    assert.equal(change.isPreferred, true);
    assert.deepEqual(change.diagnostics?.map((d) => d.code), ['name.variant']);
    const edit = change.edit!.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(edit.textDocument, { uri, version: client.version(uri) });
    const at = DRAFT.indexOf('Hamouchi') + 3;
    assert.deepEqual(edit.edits, [{ range: { start: { line: 0, character: at }, end: { line: 0, character: at } }, newText: 'm' }]);

    const next = client.nextDiagnostics(uri, (p) => variants(p).length === 0);
    await client.applyEdit(change.edit!);
    assert.equal(client.text(uri), DRAFT.replace('Hamouchi', 'Hammouchi'));
    assert.deepEqual(
      (await next).diagnostics.filter((d) => (d.data as { id?: string }).id === 'abdellatif-hammouchi').map((d) => d.code),
      ['entity.untagged'],
    );
  });

  it('"Accept «Hamouchi» as a spelling" writes the workspace lexicon, and the diagnostic goes once it is reloaded', async () => {
    client = await LspClient.start({ files: { [LEXICON_PATH]: '# Our spellings\nversion: 1\n' } });
    const uri = await client.open('communiques/draft.md', DRAFT);
    await client.diagnostics(uri);
    const actions: CodeAction[] = await client.codeActions(uri, rangeOf(DRAFT, 'Hamouchi'));
    const accept = actions.find((a) => a.title === 'Accept «Hamouchi» as a spelling of Abdellatif Hammouchi');
    assert.ok(accept?.edit, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(accept.isPreferred, undefined);
    assert.equal(accept.command?.command, 'communique.reloadLexicon');

    const next = client.nextDiagnostics(uri, (p) => variants(p).length === 0);
    await client.applyEdit(accept.edit);
    assert.equal(client.readFile(LEXICON_PATH), '# Our spellings\nversion: 1\nentries:\n  - id: abdellatif-hammouchi\n    merge: extend\n    accepted: [Hamouchi]\n');
    await client.executeCommand(accept.command.command, accept.command.arguments);
    const after = await next;
    // Still the actor, still untagged; no longer a variant to report.
    assert.deepEqual(
      after.diagnostics.filter((d) => (d.data as { id?: string }).id === 'abdellatif-hammouchi').map((d) => d.code),
      ['entity.untagged'],
    );
    // The document text is untouched.
    assert.equal(client.text(uri), DRAFT);
  });
});
