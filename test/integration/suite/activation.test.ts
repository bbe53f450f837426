/**
 * Activation on a communiqué: opening a `*.communique.md` file gives it the communique language,
 * and the extension is then active with its language server publishing diagnostics for it. (The
 * Entities view in the explorer may activate the extension earlier, at start-up, so the test does
 * not require it to be inactive before.)
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateAndWait, codeOf, communiqueExtension, fixtureUri, openFixture, waitForDiagnostics } from './waits';

describe('activation', () => {
  it('declares activation on the communique language', () => {
    const events = (communiqueExtension().packageJSON.activationEvents ?? []) as string[];
    assert.ok(events.includes('onLanguage:communique'), `activationEvents: ${events.join(', ')}`);
  });

  it('activates when a *.communique.md file opens, and its server publishes diagnostics', async () => {
    const uri = fixtureUri('notes/en-frontex-operation.communique.md');
    const editor = await openFixture('notes/en-frontex-operation.communique.md');
    assert.equal(editor.document.languageId, 'communique', 'the *.communique.md file did not get the communique language');

    // Only a running server publishes these.
    const diagnostics = await waitForDiagnostics(
      uri,
      (ds) => ds.some((d) => codeOf(d) === 'entity.untagged' && d.message.includes('Frontex')),
      'an entity.untagged diagnostic for Frontex',
    );
    assert.ok(communiqueExtension().isActive, 'diagnostics arrived but the extension is not active');
    const api = await activateAndWait();
    assert.equal(typeof api.whenReady, 'function');

    const stale = diagnostics.find((d) => codeOf(d) === 'frontmatter.stale');
    assert.ok(stale, 'the stale IT tag of the fixture is not reported');
    assert.equal(stale.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(editor.document.getText(stale.range), 'IT');
  });
});
