/**
 * Code actions and commands over a real stdio session: each WorkspaceEdit is applied to the text
 * by the test client, exactly as an editor would, and the whole document is compared before and
 * after.
 */
import * as assert from 'node:assert/strict';
import { TextDocumentEdit, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { actionTitled, LspClient } from './harness';

const EVERYWHERE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function diagnosticFor(diagnostics: Diagnostic[], code: string, id?: string): Diagnostic {
  const found = diagnostics.find((d) => d.code === code && (id === undefined || (d.data as { id?: string }).id === id));
  assert.ok(found, `no ${code} ${id ?? ''} in ${JSON.stringify(diagnostics.map((d) => d.message))}`);
  return found;
}

/** The single TextDocumentEdit of an action, checked to be versioned with the document's version. */
function versionedEdit(action: CodeAction, uri: string, version: number): TextDocumentEdit {
  assert.ok(action.edit?.documentChanges, `${action.title}: edits must come as documentChanges`);
  assert.equal(action.edit.changes, undefined);
  assert.equal(action.edit.documentChanges.length, 1);
  const edit = action.edit.documentChanges[0]!;
  assert.ok(TextDocumentEdit.is(edit));
  assert.deepEqual(edit.textDocument, { uri, version });
  return edit;
}

describe('protocol: code actions and commands', function () {
  let client: LspClient;
  afterEach(async () => {
    await client?.shutdown();
  });

  it('tags one entity: creates the front matter, versioned, and the diagnostic goes away', async () => {
    client = await LspClient.start();
    const before = 'La police a arrêté trois suspects au Maroc et en Espagne.\n';
    const uri = await client.open('communiques/draft.md', before);
    const espagne = diagnosticFor((await client.diagnostics(uri)).diagnostics, 'entity.untagged', 'ES');
    const actions = await client.codeActions(uri, espagne.range);
    const tag = actionTitled(actions, 'Tag Espagne as country ES');
    assert.equal(tag.kind, 'quickfix');
    assert.equal(tag.isPreferred, true);
    assert.deepEqual(
      tag.diagnostics?.map((d) => [d.code, d.data]),
      [[espagne.code, espagne.data]],
    );
    versionedEdit(tag, uri, 1);
    await client.applyEdit(tag.edit!);
    assert.equal(client.text(uri), `---\ncountries:\n  - ES\n---\n${before}`);
    const after = await client.diagnostics(uri);
    assert.deepEqual(
      after.diagnostics.map((d) => (d.data as { id: string }).id),
      ['MA'],
    );
  });

  it('refuses to apply a fix computed on an older version (the edit carries the version)', async () => {
    client = await LspClient.start();
    const uri = await client.open('communiques/draft.md', 'Le Maroc et le Portugal.\n');
    const maroc = diagnosticFor((await client.diagnostics(uri)).diagnostics, 'entity.untagged', 'MA');
    const tag = actionTitled(await client.codeActions(uri, maroc.range), 'Tag Maroc as country MA');
    await client.change(uri, 'Un titre\n\nLe Maroc et le Portugal.\n');
    await assert.rejects(client.applyEdit(tag.edit!), /version mismatch .* edit for 1, document at 2/);
    assert.equal(client.text(uri), 'Un titre\n\nLe Maroc et le Portugal.\n');
  });

  it('fix-all (context.only source.fixAll.communique) tags every entity, keeping comments and style; twice is a no-op', async () => {
    client = await LspClient.start();
    const before = [
      '---',
      'title: Saisie au port # brouillon',
      'countries: [MA]   # déjà relu',
      'lang: fr',
      '---',
      "La coopération avec le Maroc, l'Espagne et la Guardia Civil continue.",
      '',
    ].join('\n');
    const uri = await client.open('communiques/draft.md', before);
    await client.diagnostics(uri);
    const actions = await client.codeActions(uri, EVERYWHERE, ['source.fixAll.communique']);
    assert.deepEqual(
      actions.map((a) => [a.kind, a.title]),
      [['source.fixAll.communique', 'Tag all 2 untagged entities']],
    );
    versionedEdit(actions[0]!, uri, 1);
    await client.applyEdit(actions[0]!.edit!);
    const expected = [
      '---',
      'title: Saisie au port # brouillon',
      'countries: [MA, ES]   # déjà relu',
      // A new key goes after the last managed key, in the style of the existing lists.
      'actors: [Guardia Civil]',
      'lang: fr',
      '---',
      "La coopération avec le Maroc, l'Espagne et la Guardia Civil continue.",
      '',
    ].join('\n');
    assert.equal(client.text(uri), expected);
    assert.deepEqual((await client.diagnostics(uri)).diagnostics, []);
    assert.deepEqual(await client.codeActions(uri, EVERYWHERE, ['source.fixAll.communique']), [], 'nothing left to fix');
  });

  it('the tagAll command applies the same edit through workspace/applyEdit', async () => {
    client = await LspClient.start();
    const before = 'date 2026-03\r\n\r\nLe Maroc remercie la Guardia Civil.\r\n';
    const uri = await client.open('communiques/draft.md', before);
    await client.diagnostics(uri);
    assert.deepEqual(await client.executeCommand('communique.tagAll', [uri]), { applied: true });
    assert.equal(client.applyEditRequests.length, 1);
    assert.equal((client.applyEditRequests[0]!.documentChanges![0] as TextDocumentEdit).textDocument.version, 1);
    assert.equal(client.text(uri), '---\r\nactors:\r\n  - Guardia Civil\r\ncountries:\r\n  - MA\r\n---\r\ndate 2026-03\r\n\r\nLe Maroc remercie la Guardia Civil.\r\n');
    assert.deepEqual(await client.executeCommand('communique.tagAll', [uri]), { applied: false, reason: 'Nothing to change' });
  });

  it('tags one entity and ignores another through the entity commands of the Entities view', async () => {
    client = await LspClient.start();
    const before = '---\ntitle: Saisie\n---\nLe Maroc et la Guardia Civil ont saisi 3 tonnes à Tanger.\n';
    const uri = await client.open('communiques/draft.md', before);
    await client.diagnostics(uri);
    assert.deepEqual(await client.executeCommand('communique.tagEntity', [{ uri, category: 'country', id: 'MA' }]), { applied: true });
    assert.equal(client.text(uri), '---\ntitle: Saisie\ncountries:\n  - MA\n---\nLe Maroc et la Guardia Civil ont saisi 3 tonnes à Tanger.\n');
    await client.diagnostics(uri);
    const ignored = await client.executeCommand('communique.ignoreInDocument', [{ uri, category: 'actor', id: 'guardia-civil' }]);
    assert.deepEqual(ignored, { applied: true });
    assert.equal(
      client.text(uri),
      '---\ntitle: Saisie\ncountries:\n  - MA\ncommunique-ignore:\n  - Guardia Civil\n---\nLe Maroc et la Guardia Civil ont saisi 3 tonnes à Tanger.\n',
    );
    const diagnostics = (await client.diagnostics(uri)).diagnostics;
    assert.deepEqual(diagnostics, [], 'Morocco is tagged and the Guardia Civil ignored');
    const missing = (await client.executeCommand('communique.tagEntity', [{ uri, category: 'country', id: 'PT' }])) as { applied: boolean };
    assert.equal(missing.applied, false);
  });

  it('removes a stale tag (quick fix) and all stale tags (command)', async () => {
    client = await LspClient.start();
    const before = '---\ncountries: [PT, MA, BE]\n---\nLa coopération avec le Maroc continue.\n';
    const uri = await client.open('communiques/draft.md', before);
    const diagnostics = (await client.diagnostics(uri)).diagnostics;
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.message, d.tags]),
      [
        ['frontmatter.stale', 'countries lists PT, which the text no longer mentions', [1]],
        ['frontmatter.stale', 'countries lists BE, which the text no longer mentions', [1]],
      ],
    );
    const remove = actionTitled(await client.codeActions(uri, diagnostics[0]!.range), 'Remove stale tag PT from countries');
    await client.applyEdit(remove.edit!);
    assert.equal(client.text(uri), '---\ncountries: [MA, BE]\n---\nLa coopération avec le Maroc continue.\n');
    await client.diagnostics(uri);
    assert.deepEqual(await client.executeCommand('communique.removeStaleTags', [uri]), { applied: true });
    assert.equal(client.text(uri), '---\ncountries: [MA]\n---\nLa coopération avec le Maroc continue.\n');
  });

  it('moves the legacy date header into the front matter', async () => {
    client = await LspClient.start();
    const before = 'date 2026-03\n\nLa coopération avec le Maroc continue.\n';
    const uri = await client.open('communiques/draft.md', before);
    const header = diagnosticFor((await client.diagnostics(uri)).diagnostics, 'header.date');
    assert.equal(header.message, 'Legacy date header: move it into the front matter as date: 2026-03');
    const move = actionTitled(await client.codeActions(uri, header.range), 'Move date header into front matter');
    versionedEdit(move, uri, 1);
    await client.applyEdit(move.edit!);
    assert.equal(client.text(uri), '---\ndate: 2026-03\n---\n\nLa coopération avec le Maroc continue.\n');
    assert.deepEqual(
      (await client.diagnostics(uri)).diagnostics.map((d) => d.code),
      ['entity.untagged'],
    );
  });

  it('offers the source actions of the document to a client that asks for every kind', async () => {
    client = await LspClient.start();
    const uri = await client.open('communiques/draft.md', '---\ncountries: [PT]\n---\nLe Maroc et la Guardia Civil.\n');
    await client.diagnostics(uri);
    const actions = await client.codeActions(uri, EVERYWHERE, ['source']);
    assert.deepEqual(
      actions.map((a) => [a.kind, a.title]),
      [
        ['source', 'Tag all 2 untagged entities'],
        ['source', 'Remove 1 stale tag'],
      ],
    );
  });
});
