/**
 * Each command of the extension, run through vscode.commands.executeCommand on the active editor,
 * as the palette runs it: the server computes the edit, VS Code applies it, the test reads the
 * buffer and the diagnostics that follow.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CommandId } from '../../../server/src/protocol';
import {
  activateAndWait,
  codeOf,
  communiqueExtension,
  fixtureUri,
  openFixture,
  rangeOf,
  waitForDiagnostics,
  waitForText,
  withTimeout,
  type CommuniqueApi,
} from './waits';

/**
 * The server's document commands. A type-only import checks them against server/src/protocol.ts;
 * a value import would not resolve from the compiled suite (test/out/integration/suite).
 */
const Commands = {
  tagAll: 'communique.tagAll',
  removeStaleTags: 'communique.removeStaleTags',
  annotateFile: 'communique.annotateFile',
} as const satisfies Record<string, CommandId>;

/** The client's own commands (client/src/extension.ts). */
const RESTART_SERVER = 'communique.restartServer';
const SHOW_OUTPUT = 'communique.showOutput';

/** The front matter block of a text ('' when there is none). */
function frontMatterBlock(text: string): string {
  return /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
}

describe('commands', () => {
  let api: CommuniqueApi;

  before(async () => {
    api = await activateAndWait();
  });

  it('registers every command package.json contributes', async () => {
    const contributed = (communiqueExtension().packageJSON.contributes?.commands ?? []) as { command: string }[];
    assert.ok(contributed.length >= 5, 'package.json contributes fewer commands than issue 4 asks for');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
    for (const id of [Commands.tagAll, Commands.removeStaleTags, Commands.annotateFile, RESTART_SERVER, SHOW_OUTPUT]) {
      assert.ok(registered.has(id), `${id} is not registered`);
    }
  });

  it('communique.tagAll tags every untagged entity of the active communiqué', async () => {
    const file = 'notes/en-frontex-operation.communique.md';
    const uri = fixtureUri(file);
    const { document } = await openFixture(file);
    await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'entity.untagged'), 'untagged entities before tagging');

    const result = await withTimeout(vscode.commands.executeCommand(Commands.tagAll), Commands.tagAll);
    assert.deepEqual(result, { applied: true }, `${Commands.tagAll} answered ${JSON.stringify(result)}`);
    const text = await waitForText(document, (t) => /migrant-smuggling/.test(frontMatterBlock(t)), 'the threat tag in the front matter');
    const block = frontMatterBlock(text);
    for (const value of ['Frontex', 'Guardia Civil', 'MA', 'mediterranean', 'migrant-smuggling']) {
      assert.ok(block.includes(value), `the front matter does not list ${value}:\n${block}`);
    }
    assert.ok(block.includes('Joint operation in the Mediterranean'), 'the title was lost');
    await waitForDiagnostics(uri, (ds) => !ds.some((d) => codeOf(d) === 'entity.untagged'), 'no untagged entity left');
  });

  it('communique.removeStaleTags removes the tag the text no longer mentions', async () => {
    const file = 'notes/en-frontex-operation.communique.md';
    const uri = fixtureUri(file);
    const { document } = await openFixture(file);
    await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'frontmatter.stale'), 'the stale IT tag');

    const result = await withTimeout(vscode.commands.executeCommand(Commands.removeStaleTags), Commands.removeStaleTags);
    assert.deepEqual(result, { applied: true }, `${Commands.removeStaleTags} answered ${JSON.stringify(result)}`);
    const text = await waitForText(document, (t) => !/\bIT\b/.test(frontMatterBlock(t)), 'IT gone from the front matter');
    assert.match(frontMatterBlock(text), /\bES\b/, 'ES, still mentioned (Spain), must stay');
    await waitForDiagnostics(uri, (ds) => !ds.some((d) => codeOf(d) === 'frontmatter.stale'), 'no stale tag left');
    assert.ok(await document.save());
  });

  it('communique.annotateFile turns a plain Markdown file into a communiqué', async () => {
    const file = 'notes/brouillon.md';
    const uri = fixtureUri(file);
    const { document } = await openFixture(file);
    // Not under press/ or communiques/ and no `communique: true`: the server does not annotate it.
    const before = await withTimeout(
      vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, rangeOf(document, 'DGSN').start),
      'vscode.executeHoverProvider before annotating',
    );
    assert.ok(!before.some((h) => h.contents.some((c) => (typeof c === 'string' ? c : c.value).includes('dgsn'))), 'an entity card on a file that is not annotated');

    const result = await withTimeout(vscode.commands.executeCommand(Commands.annotateFile), Commands.annotateFile);
    assert.deepEqual(result, { applied: true }, `${Commands.annotateFile} answered ${JSON.stringify(result)}`);
    await waitForText(document, (t) => /^communique: true$/m.test(frontMatterBlock(t)), '`communique: true` in the front matter');
    await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'entity.untagged' && d.message.includes('Direction générale de la Sûreté nationale')), 'the DGSN untagged once annotated');
    assert.ok(await document.save());
  });

  it('communique.restartServer restarts the language server, which then answers again', async () => {
    await withTimeout(vscode.commands.executeCommand(RESTART_SERVER), RESTART_SERVER);
    await withTimeout(api.whenReady(), 'whenReady() after the restart');

    const file = 'notes/brouillon.md';
    const uri = fixtureUri(file);
    const editor = await openFixture(file);
    const hovers = await withTimeout(
      vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, rangeOf(editor.document, 'DGSN').start),
      'a hover from the restarted server',
    );
    assert.ok(hovers.some((h) => h.contents.some((c) => (typeof c === 'string' ? c : c.value).includes('dgsn'))), 'no entity card after the restart');
    // The restarted server follows edits: a new mention gets its diagnostic.
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    assert.ok(await editor.edit((b) => b.insert(end, '\nEuropol a apporté son appui.\n')));
    await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'entity.untagged' && d.message.includes('Europol')), 'Europol untagged after the edit');
    assert.ok(await editor.document.save());
  });

  it('communique.showOutput runs', async () => {
    await withTimeout(vscode.commands.executeCommand(SHOW_OUTPUT), SHOW_OUTPUT);
  });
});
