/**
 * The workspace lexicon over a real stdio session: edited on disk (didChangeWatchedFiles), edited
 * live in an open document, broken, and written by the add-to-lexicon fix (CreateFile +
 * TextDocumentEdit, then the communique.reloadLexicon command).
 */
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { CreateFile, DiagnosticSeverity, DocumentDiagnosticReportKind, TextDocumentEdit, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { actionTitled, FileChangeType, LspClient } from './harness';

const DRAFT = 'Les enquêteurs ont entendu Francisca Bostyn, commissaire, au Maroc.\n';
const LEXICON_PATH = '.communique/lexicon.yaml';
const BOSTYN_LEXICON = [
  'version: 1',
  'entries:',
  '  - id: bostyn',
  '    category: actor',
  '    type: person',
  '    name: Francisca Bostyn',
  '    names:',
  '      fr: [Francisca Bostyn]',
  '',
].join('\n');

/** [code, id] of each diagnostic. */
function summary(p: PublishDiagnosticsParams): [string, string][] {
  return p.diagnostics.map((d) => [String(d.code), (d.data as { id?: string }).id ?? '']);
}

describe('protocol: workspace lexicon', function () {
  let client: LspClient;
  afterEach(async () => {
    await client?.shutdown();
  });

  it('a lexicon written on disk turns the heuristic actor into a lexicon entity (didChangeWatchedFiles)', async () => {
    client = await LspClient.start();
    const uri = await client.open('communiques/draft.md', DRAFT);
    assert.deepEqual(summary(await client.diagnostics(uri)), [
      ['entity.suggested', 'francisca-bostyn'],
      ['entity.untagged', 'MA'],
    ]);
    const next = client.nextDiagnostics(uri);
    client.writeFile(LEXICON_PATH, BOSTYN_LEXICON);
    await client.fileChanged(LEXICON_PATH, FileChangeType.Created);
    const after = await next;
    assert.equal(after.version, 1, 'the same version, re-diagnosed with the new lexicon');
    assert.deepEqual(summary(after), [
      ['entity.untagged', 'bostyn'],
      ['entity.untagged', 'MA'],
    ]);
    assert.equal(after.diagnostics[0]!.message, 'Francisca Bostyn (actor) is not tagged in actors');
  });

  it('the live text of an open lexicon document is used before it is saved', async () => {
    client = await LspClient.start({ files: { [LEXICON_PATH]: 'version: 1\nentries: []\n' } });
    const uri = await client.open('communiques/draft.md', DRAFT);
    assert.deepEqual(summary(await client.diagnostics(uri))[0], ['entity.suggested', 'francisca-bostyn']);
    const lexicon = await client.open(LEXICON_PATH, undefined, 'yaml');
    const next = client.nextDiagnostics(uri);
    await client.change(lexicon, BOSTYN_LEXICON);
    assert.deepEqual(summary(await next)[0], ['entity.untagged', 'bostyn']);
    assert.equal(client.readFile(LEXICON_PATH), 'version: 1\nentries: []\n', 'nothing was written to disk');
    // Closing it unsaved: the text on disk is the lexicon again.
    const reverted = client.nextDiagnostics(uri);
    await client.close(lexicon);
    assert.deepEqual(summary(await reverted)[0], ['entity.suggested', 'francisca-bostyn']);
  });

  it('shows lexicon problems as diagnostics on the lexicon file, and clears them when fixed', async () => {
    client = await LspClient.start();
    const uri = await client.open('communiques/draft.md', DRAFT);
    await client.diagnostics(uri);
    const lexiconUri = client.uri(LEXICON_PATH);
    const problems = client.nextDiagnostics(lexiconUri);
    client.writeFile(LEXICON_PATH, 'version: 1\nentries:\n  - id: bostyn\n    category: actor\n    name: Francisca Bostyn\n    names: {fr: [Francisca Bostyn]}\n');
    await client.fileChanged(LEXICON_PATH, FileChangeType.Created);
    const published = await problems;
    assert.equal(published.diagnostics.length, 1, JSON.stringify(published.diagnostics));
    const problem = published.diagnostics[0]!;
    assert.equal(problem.severity, DiagnosticSeverity.Error);
    assert.equal(problem.source, 'communique');
    assert.equal(problem.range.start.line, 2, 'on the entry without a type');
    assert.match(problem.message, /type/);

    const cleared = client.nextDiagnostics(lexiconUri);
    client.writeFile(LEXICON_PATH, BOSTYN_LEXICON);
    await client.fileChanged(LEXICON_PATH);
    assert.deepEqual((await cleared).diagnostics, []);

    // Typing in the open lexicon: its problems follow the live text.
    const lexicon = await client.open(LEXICON_PATH, undefined, 'yaml');
    const typed = client.nextDiagnostics(lexiconUri);
    await client.change(lexicon, BOSTYN_LEXICON.replace('category: actor', 'category: acteur'));
    const live = await typed;
    assert.equal(live.diagnostics.length, 1, JSON.stringify(live.diagnostics));
    assert.equal(live.diagnostics[0]!.range.start.line, 3);
    assert.match(live.diagnostics[0]!.message, /acteur/);
  });

  it('"Add ... to the workspace lexicon" creates the file, then reloadLexicon makes it a lexicon entity', async () => {
    client = await LspClient.start();
    const uri = await client.open('communiques/draft.md', DRAFT);
    const suggested = (await client.diagnostics(uri)).diagnostics.find((d) => d.code === 'entity.suggested');
    assert.ok(suggested);
    const actions = await client.codeActions(uri, suggested.range);
    const add = actionTitled(actions, 'Add Francisca Bostyn to the workspace lexicon as a person');
    assert.equal(add.isPreferred, true, 'the heuristic said person');
    actionTitled(actions, 'Add Francisca Bostyn to the workspace lexicon as an organization');

    const lexiconUri = client.uri(LEXICON_PATH);
    const changes = add.edit!.documentChanges!;
    assert.equal(changes.length, 2);
    assert.ok(CreateFile.is(changes[0]));
    assert.deepEqual(changes[0], { kind: 'create', uri: lexiconUri, options: { ignoreIfExists: true } });
    assert.ok(TextDocumentEdit.is(changes[1]));
    assert.deepEqual(changes[1].textDocument, { uri: lexiconUri, version: null });
    assert.deepEqual(add.command, { title: 'Reload the lexicon', command: 'communique.reloadLexicon', arguments: [lexiconUri] });

    assert.equal(existsSync(client.path(LEXICON_PATH)), false);
    await client.applyEdit(add.edit!);
    assert.equal(
      client.readFile(LEXICON_PATH),
      [
        'version: 1',
        'entries:',
        '  - id: francisca-bostyn',
        '    category: actor',
        '    type: person',
        '    name: Francisca Bostyn',
        '    names:',
        '      fr: [Francisca Bostyn]',
        '',
      ].join('\n'),
    );
    const next = client.nextDiagnostics(uri);
    assert.deepEqual(await client.executeCommand(add.command!.command, add.command!.arguments), { applied: true });
    const after = await next;
    assert.deepEqual(summary(after), [
      ['entity.untagged', 'francisca-bostyn'],
      ['entity.untagged', 'MA'],
    ]);
    const hover = (await client.request('textDocument/hover', { textDocument: { uri }, position: suggested.range.start })) as { contents: { value: string } };
    assert.match(hover.contents.value, /Lexicon: `\.communique\/lexicon\.yaml`, line 3$/);

    // "Ignore in the workspace" now edits the existing file, versioned null (not open).
    const maroc = after.diagnostics.find((d) => (d.data as { id: string }).id === 'MA')!;
    const ignore = actionTitled(await client.codeActions(uri, maroc.range), 'Ignore "Maroc" in the workspace');
    assert.equal(ignore.edit!.documentChanges!.length, 1);
    await client.applyEdit(ignore.edit!);
    assert.match(client.readFile(LEXICON_PATH), /\nignore:\n {2}- Maroc\n$/);
    const ignored = client.nextDiagnostics(uri);
    await client.executeCommand('communique.reloadLexicon', [lexiconUri]);
    assert.deepEqual(summary(await ignored), [['entity.untagged', 'francisca-bostyn']]);
  });

  it('reads the extra lexicon paths of the settings, and rebuilds when they change', async () => {
    client = await LspClient.start({ files: { 'shared/people.yaml': BOSTYN_LEXICON } });
    const uri = await client.open('communiques/draft.md', DRAFT);
    assert.deepEqual(summary(await client.diagnostics(uri))[0], ['entity.suggested', 'francisca-bostyn']);
    const next = client.nextDiagnostics(uri);
    await client.changeSettings({ lexicon: { paths: ['shared/people.yaml'] } });
    assert.deepEqual(summary(await next)[0], ['entity.untagged', 'bostyn']);
    // A path that does not exist is a problem on that path; the other lexicons still load.
    const missing = client.nextDiagnostics(client.uri('shared/missing.yaml'));
    const again = client.nextDiagnostics(uri);
    await client.changeSettings({ lexicon: { paths: ['shared/people.yaml', 'shared/missing.yaml'] } });
    assert.deepEqual(
      (await missing).diagnostics.map((d) => d.message),
      ['Cannot read lexicon: file not found.'],
    );
    assert.deepEqual(summary(await again)[0], ['entity.untagged', 'bostyn']);
  });

  it('asks a pull client to refresh its diagnostics when the lexicon changes', async () => {
    client = await LspClient.start({ pullDiagnostics: true });
    const uri = await client.open('communiques/draft.md', DRAFT);
    const before = await client.pull(uri);
    assert.ok(before.kind === DocumentDiagnosticReportKind.Full);
    assert.deepEqual(
      before.items.map((d) => d.code),
      ['entity.suggested', 'entity.untagged'],
    );
    const refresh = client.nextRefresh('diagnostics');
    const tokens = client.nextRefresh('tokens');
    client.writeFile(LEXICON_PATH, BOSTYN_LEXICON);
    await client.fileChanged(LEXICON_PATH, FileChangeType.Created);
    await refresh;
    await tokens;
    const after = await client.pull(uri, before.resultId);
    assert.ok(after.kind === DocumentDiagnosticReportKind.Full, 'a new lexicon is a new result');
    assert.deepEqual(
      after.items.map((d) => [d.code, (d.data as { id: string }).id]),
      [
        ['entity.untagged', 'bostyn'],
        ['entity.untagged', 'MA'],
      ],
    );
  });
});
