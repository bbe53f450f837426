/**
 * Quick fixes and commands are editor edits, never writes behind the editor's back (issue 6,
 * "Crashes and data safety"). Every change the server wants goes to the client as a WorkspaceEdit:
 * as the edit of a code action, or in a workspace/applyEdit request for a command. Edits to open
 * documents carry the version they were computed on, so a client refuses one that arrives after
 * the user typed, and nothing is written on disk until the client applies the edit.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import {
  ApplyWorkspaceEditRequest,
  CreateFile,
  TextDocumentEdit,
  type CodeAction,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { LspClient } from './harness';

const DRAFT = [
  '---',
  'title: Essai',
  'countries: [PT, XX]   # PT is stale, XX is unknown',
  '---',
  'La Guardia Civil et Europol ont démantelé un réseau au Maroc et en Espagne.',
  '',
  'Francisca Bostyn a été entendue par la Guardia Civil.',
  '',
].join('\n');

const FULL_RANGE = { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } };

/** Every TextDocumentEdit and resource operation of a WorkspaceEdit, failing on the unversioned `changes` map. */
function partsOf(edit: WorkspaceEdit): (TextDocumentEdit | CreateFile)[] {
  assert.equal(edit.changes, undefined, 'a client with documentChanges gets versioned edits, never the changes map');
  return (edit.documentChanges ?? []) as (TextDocumentEdit | CreateFile)[];
}

describe('protocol: fixes are editor edits', function () {
  let client: LspClient;
  afterEach(async () => {
    await client?.shutdown();
  });

  it('every code action edit of an open document carries its current version; only a file that is not open is unversioned', async () => {
    client = await LspClient.start();
    const uri = await client.open('communiques/draft.md', DRAFT);
    await client.diagnostics(uri);
    const actions: CodeAction[] = await client.codeActions(uri, FULL_RANGE);
    // The diagnostics-based quick fixes too: ask at each diagnostic, as an editor does.
    for (const d of (await client.diagnostics(uri)).diagnostics) {
      const result = await client.request<CodeAction[] | null>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
      actions.push(...(result ?? []).filter((a) => typeof (a as { command?: unknown }).command !== 'string'));
    }
    const withEdits = actions.filter((a) => a.edit !== undefined);
    const titles = new Set(withEdits.map((a) => a.title));
    // The document's fixes of every kind are in the sample.
    for (const wanted of [/^Tag Espagne as country ES$/, /^Tag all \d+ untagged entities$/, /^Remove stale tag PT/, /XX/, /workspace lexicon/]) {
      assert.ok([...titles].some((t) => wanted.test(t)), `no action matching ${wanted}: ${[...titles].join(' | ')}`);
    }
    let documentEdits = 0;
    for (const action of withEdits) {
      for (const part of partsOf(action.edit!)) {
        if (CreateFile.is(part)) {
          assert.match(part.uri, /\/\.communique\/lexicon\.yaml$/, `${action.title} creates ${part.uri}`);
          assert.equal(part.options?.ignoreIfExists, true, 'creating the lexicon never truncates an existing one');
          continue;
        }
        if (part.textDocument.uri === uri) {
          documentEdits++;
          assert.equal(part.textDocument.version, 1, `${action.title}: the edit of the open document is versioned`);
        } else {
          assert.match(part.textDocument.uri, /\/\.communique\/lexicon\.yaml$/, `${action.title} edits ${part.textDocument.uri}`);
          assert.equal(part.textDocument.version, null, 'the lexicon is not open: there is no version to give');
        }
      }
    }
    assert.ok(documentEdits >= 5, `${documentEdits} edits of the document checked`);
    // Computing fixes wrote nothing: the workspace holds only what the test put there.
    assert.deepEqual(readdirSync(client.folder), []);
  });

  it('a command whose edit reaches the editor after the user typed is refused, and the user\'s text is kept', async () => {
    client = await LspClient.start();
    const uri = await client.open('communiques/draft.md', DRAFT);
    await client.diagnostics(uri);
    const typed = 'Nouveau paragraphe tapé pendant que la commande tournait.\n\n';
    const received: WorkspaceEdit[] = [];
    // The editor answers the server's applyEdit only after the user typed one more line.
    client.connection.onRequest(ApplyWorkspaceEditRequest.type, async (params) => {
      received.push(params.edit);
      await client.edit(uri, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: typed }]);
      try {
        await client.applyEdit(params.edit);
        return { applied: true };
      } catch (e) {
        return { applied: false, failureReason: e instanceof Error ? e.message : String(e) };
      }
    });
    const result = (await client.executeCommand('communique.tagAll', [uri])) as { applied: boolean; reason?: string };
    assert.equal(received.length, 1);
    const [part] = partsOf(received[0]!);
    assert.ok(TextDocumentEdit.is(part));
    assert.deepEqual(part.textDocument, { uri, version: 1 });
    assert.equal(result.applied, false);
    assert.match(result.reason ?? '', /version mismatch .* edit for 1, document at 2/);
    const lines = DRAFT.split('\n');
    assert.equal(client.text(uri), [...lines.slice(0, 4), typed + lines[4], ...lines.slice(5)].join('\n'), 'the document is exactly what the user typed');

    // Run again on the new version, it applies: the fix is recomputed, never replayed.
    client.connection.onRequest(ApplyWorkspaceEditRequest.type, async (params) => {
      received.push(params.edit);
      await client.applyEdit(params.edit);
      return { applied: true };
    });
    const again = (await client.executeCommand('communique.tagAll', [uri])) as { applied: boolean };
    assert.equal(again.applied, true);
    const [second] = partsOf(received[1]!);
    assert.ok(TextDocumentEdit.is(second));
    assert.equal(second.textDocument.version, 2);
    assert.ok(client.text(uri).includes(typed), 'the typed line survives the fix');
    assert.match(client.text(uri), /\ncountries: \[PT, XX, MA, ES\] {3}# PT is stale, XX is unknown\nactors: \[Guardia Civil, Europol\]\n---\n/);
  });

  it('the server writes nothing itself: a refused "add to lexicon" leaves no file on disk', async () => {
    client = await LspClient.start();
    const uri = await client.open('communiques/draft.md', DRAFT);
    await client.diagnostics(uri);
    client.connection.onRequest(ApplyWorkspaceEditRequest.type, () => ({ applied: false, failureReason: 'the user cancelled' }));
    const result = (await client.executeCommand('communique.addToLexicon', [
      { uri, entry: { id: 'bostyn', category: 'actor', type: 'person', name: 'Francisca Bostyn' } },
    ])) as { applied: boolean; reason?: string };
    assert.deepEqual(result.applied, false);
    assert.equal(result.reason, 'the user cancelled');
    assert.equal(existsSync(client.path('.communique')), false, 'no lexicon folder or file was created behind the editor');
    for (const command of ['communique.tagAll', 'communique.removeStaleTags', 'communique.annotateFile']) {
      await client.executeCommand(command, [uri]);
    }
    assert.equal(client.text(uri), DRAFT, 'every edit was refused, so the document is unchanged');
    assert.deepEqual(readdirSync(client.folder), []);
  });
});
