/**
 * The workspace lexicon, `.communique/lexicon.yaml`, edited through the editor: creating it with an
 * entry turns a suggested (heuristic) actor into a lexicon entity; adding an `ignore` term removes
 * a suggestion. Both through a WorkspaceEdit and a save, as a user's edit would.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateAndWait, codeOf, fixtureUri, openFixture, rangeOf, readDisk, waitForDiagnostics, waitForText, withTimeout } from './waits';

/** The client's lexicon commands (client/src/commandIds.ts). */
const OPEN_WORKSPACE_LEXICON = 'communique.openWorkspaceLexicon';
const ADD_SELECTION_AS_ACTOR = 'communique.addSelectionAsActor';
/** Accepts the focused quick pick or input box, as Enter does. */
const ACCEPT_QUICK_INPUT = 'workbench.action.acceptSelectedQuickOpenItem';

/** Whether the extension contributes a command (the UI commands of issue 4 may come later). */
async function registered(command: string): Promise<boolean> {
  return (await vscode.commands.getCommands(true)).includes(command);
}

const LEXICON = '.communique/lexicon.yaml';
const ENTRY = [
  '# Workspace lexicon written by the integration test.',
  'version: 1',
  'entries:',
  '  - id: zoubir-taghzaouite',
  '    category: actor',
  '    type: person',
  '    name: Zoubir Taghzaouite',
  '    names:',
  '      fr: [Zoubir Taghzaouite]',
  '',
].join('\n');

describe('workspace lexicon', () => {
  const lexiconUri = fixtureUri(LEXICON);
  const testUri = fixtureUri('press/lexique-test.md');
  const seizureUri = fixtureUri('press/saisie-algesiras.md');

  before(async () => {
    await activateAndWait();
    await openFixture('press/saisie-algesiras.md');
    await openFixture('press/lexique-test.md');
  });

  it('a new entry in .communique/lexicon.yaml turns a suggested actor into a lexicon entity', async () => {
    const suggested = await waitForDiagnostics(
      testUri,
      (ds) => ds.some((d) => codeOf(d) === 'entity.suggested' && d.message.includes('Zoubir Taghzaouite')),
      'Zoubir Taghzaouite suggested by the heuristics',
    );
    assert.ok(suggested.length > 0);

    const edit = new vscode.WorkspaceEdit();
    edit.createFile(lexiconUri, { ignoreIfExists: true });
    edit.insert(lexiconUri, new vscode.Position(0, 0), ENTRY);
    assert.ok(await vscode.workspace.applyEdit(edit), 'workspace.applyEdit refused to create the lexicon');
    const lexicon = await vscode.workspace.openTextDocument(lexiconUri);
    assert.ok(await lexicon.save(), 'the lexicon did not save');
    assert.equal(readDisk(lexiconUri), ENTRY);

    const after = await waitForDiagnostics(
      testUri,
      (ds) => ds.some((d) => codeOf(d) === 'entity.untagged' && d.message === 'Zoubir Taghzaouite (actor) is not tagged in actors'),
      'Zoubir Taghzaouite as an untagged lexicon actor',
    );
    assert.ok(!after.some((d) => codeOf(d) === 'entity.suggested' && d.message.includes('Zoubir')), 'still suggested after the entry was added');
    const hovers = await withTimeout(
      vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', testUri, after.find((d) => d.message.startsWith('Zoubir'))!.range.start),
      'a hover on the new lexicon entity',
    );
    const card = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    assert.match(card, /lexicon\.yaml/, `the card does not say the entry comes from the workspace lexicon:\n${card}`);
  });

  it('an ignore term added to the lexicon removes a suggestion', async () => {
    await waitForDiagnostics(
      seizureUri,
      (ds) => ds.some((d) => codeOf(d) === 'entity.suggested' && d.message.includes('Ramiro Valdeolmos')),
      'Ramiro Valdeolmos suggested by the heuristics',
    );
    const lexicon = await vscode.workspace.openTextDocument(lexiconUri);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(lexiconUri, lexicon.positionAt(lexicon.getText().length), 'ignore:\n  - Ramiro Valdeolmos\n');
    assert.ok(await vscode.workspace.applyEdit(edit), 'workspace.applyEdit refused the lexicon edit');
    assert.ok(await lexicon.save(), 'the lexicon did not save');
    assert.match(readDisk(lexiconUri), /ignore:\n {2}- Ramiro Valdeolmos\n$/);

    await waitForDiagnostics(
      seizureUri,
      (ds) => !ds.some((d) => d.message.includes('Ramiro Valdeolmos')) && ds.some((d) => codeOf(d) === 'entity.untagged'),
      'Ramiro Valdeolmos no longer suggested (the other diagnostics stay)',
    );
    // The entry of the first test is still there.
    await waitForDiagnostics(testUri, (ds) => ds.some((d) => d.message.startsWith('Zoubir Taghzaouite (actor)')), 'the entry still in effect');
  });

  it('communique.openWorkspaceLexicon opens .communique/lexicon.yaml', async function () {
    if (!(await registered(OPEN_WORKSPACE_LEXICON))) this.skip();
    await openFixture('press/lexique-test.md');
    const editor = await withTimeout(vscode.commands.executeCommand<vscode.TextEditor | undefined>(OPEN_WORKSPACE_LEXICON), OPEN_WORKSPACE_LEXICON);
    const active = vscode.window.activeTextEditor;
    assert.ok(active, 'no active editor after opening the workspace lexicon');
    assert.equal(active.document.uri.toString(), lexiconUri.toString());
    if (editor !== undefined) assert.equal(editor.document.uri.toString(), lexiconUri.toString());
    assert.match(active.document.getText(), /id: zoubir-taghzaouite/, 'the existing lexicon was not kept');
  });

  it('communique.addSelectionAsActor adds the selected name to the workspace lexicon', async function () {
    if (!(await registered(ADD_SELECTION_AS_ACTOR))) this.skip();
    await waitForDiagnostics(testUri, (ds) => ds.some((d) => codeOf(d) === 'entity.suggested' && d.message.includes('Hamid Ouazzani')), 'Hamid Ouazzani suggested');
    const editor = await openFixture('press/lexique-test.md');
    const range = rangeOf(editor.document, 'Hamid Ouazzani');
    editor.selection = new vscode.Selection(range.start, range.end);

    // The command asks "person or organization?" (Person first) and then the id (the kebab-case
    // name by default): accept both defaults as Enter would, until the command settles. Each
    // attempt is a command round trip; the bound makes a prompt that never shows a failure.
    let settled = false;
    const added = Promise.resolve(vscode.commands.executeCommand<boolean>(ADD_SELECTION_AS_ACTOR, undefined)).finally(() => (settled = true));
    for (let attempt = 0; attempt < 500 && !settled; attempt++) await vscode.commands.executeCommand(ACCEPT_QUICK_INPUT);
    assert.equal(await withTimeout(added, ADD_SELECTION_AS_ACTOR), true, `${ADD_SELECTION_AS_ACTOR} did not add the entry`);

    const lexicon = await vscode.workspace.openTextDocument(lexiconUri);
    await waitForText(lexicon, (t) => /id: hamid-ouazzani\b/.test(t), 'the new entry in the lexicon');
    assert.match(lexicon.getText(), /type: person/);
    await waitForDiagnostics(
      testUri,
      (ds) => ds.some((d) => codeOf(d) === 'entity.untagged' && d.message === 'Hamid Ouazzani (actor) is not tagged in actors'),
      'Hamid Ouazzani as a lexicon actor',
    );
    if (lexicon.isDirty) assert.ok(await lexicon.save());
  });
});
