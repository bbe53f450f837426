/**
 * The translator hover and the document language inside VS Code (issue 5): an Arabic communiqué
 * with a French quotation shows "AR + FR (lang:)" in the status bar; the hover on an Arabic entity
 * has a trusted "Copy" link per language that only runs communique.copyName; running that command
 * puts the name on the clipboard; the command stays out of the palette.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateAndWait, communiqueExtension, withTimeout, type CommuniqueApi } from './waits';

/** The parts of the extension's API this file reads (client/src/extension.ts). */
interface TranslatorApi extends CommuniqueApi {
  waitForEntities(uri: vscode.Uri, test?: (known: { version: number; entities: unknown }) => boolean): Promise<{ version: number; entities: unknown }>;
  languageStatusText(): string | undefined;
}

const COPY = 'communique.copyName';

const TEXT = [
  '---',
  'lang: ar',
  '---',
  '',
  'أعلنت المديرية العامة للأمن الوطني عن تفكيك خلية إرهابية بتنسيق مع الحرس المدني، في إطار التعاون الأمني بين المغرب وإسبانيا.',
  '',
  '« La coopération entre le Maroc et l’Espagne a permis de neutraliser une cellule terroriste avant qu’elle ne passe à l’acte. »',
  '',
].join('\n');

describe('translator hover and document language', () => {
  let api: TranslatorApi;
  let document: vscode.TextDocument;

  before(async () => {
    api = (await activateAndWait()) as TranslatorApi;
    document = await vscode.workspace.openTextDocument({ language: 'communique', content: TEXT });
    await vscode.window.showTextDocument(document, { preview: false });
    await withTimeout(api.waitForEntities(document.uri), 'the entities of the Arabic communiqué');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('shows the declared language and the French paragraph in the status bar', () => {
    assert.equal(api.languageStatusText(), 'AR + FR (lang:)');
  });

  it('hovers an Arabic entity with a trusted copy link per language', async () => {
    const offset = TEXT.indexOf('المغرب');
    const position = document.positionAt(offset + 2);
    const hovers = await withTimeout(
      vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position),
      'vscode.executeHoverProvider on المغرب',
    );
    const contents = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString);
    const card = contents.find((c) => c.value.includes('Country `MA`'));
    assert.ok(card, `no card for Morocco: ${hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n---\n')}`);
    const range = hovers.find((h) => h.range !== undefined)?.range;
    assert.ok(range && document.getText(range) === 'المغرب', `hover range ${JSON.stringify(range)}`);
    assert.deepEqual(card.isTrusted, { enabledCommands: [COPY] }, 'only communique.copyName may run from the hover');
    const copied = [...card.value.matchAll(/\(command:communique\.copyName\?([^\s)]*)/g)].map((m) => JSON.parse(decodeURIComponent(m[1]!)) as unknown);
    assert.deepEqual(copied, [['Maroc'], ['Morocco'], ['Marruecos'], ['المغرب']]);
  });

  it('copies a name to the clipboard with communique.copyName', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes(COPY), `${COPY} is not registered`);
    for (const name of ['المملكة المغربية', 'Marruecos']) {
      const done = await withTimeout(Promise.resolve(vscode.commands.executeCommand<boolean>(COPY, name)), `${COPY} ${name}`);
      assert.equal(done, true);
      assert.equal(await vscode.env.clipboard.readText(), name);
    }
    assert.equal(await vscode.commands.executeCommand<boolean>(COPY), false, 'no argument: nothing copied');
  });

  it('keeps communique.copyName out of the command palette', () => {
    const contributes = communiqueExtension().packageJSON.contributes as { menus: { commandPalette: { command: string; when?: string }[] } };
    assert.deepEqual(
      contributes.menus.commandPalette.filter((m) => m.command === COPY),
      [{ command: COPY, when: 'false' }],
    );
  });
});
