/**
 * Settings take effect while the editor runs: the server re-reads them on
 * workspace/didChangeConfiguration and republishes the diagnostics of the open documents.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateAndWait, changeConfiguration, codeOf, fixtureUri, openFixture, waitForDiagnostics } from './waits';

const FILE = 'press/saisie-algesiras.md';

describe('settings', () => {
  const uri = fixtureUri(FILE);
  const configuration = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('communique', uri);

  before(async () => {
    await activateAndWait();
    await openFixture(FILE);
    await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'entity.untagged' && d.message.includes('Guardia Civil')), 'Guardia Civil untagged');
  });

  afterEach(async () => {
    // Back to the defaults, whatever a test left behind.
    for (const key of ['diagnostics.severity', 'frontMatter.keys']) {
      if (configuration().inspect(key)?.workspaceValue !== undefined) {
        await changeConfiguration(`communique.${key}`, () => configuration().update(key, undefined, vscode.ConfigurationTarget.Workspace), uri);
      }
    }
  });

  it("communique.diagnostics.severity.untagged = 'off' hides untagged entities, and only them", async () => {
    await changeConfiguration('communique.diagnostics.severity', () => configuration().update('diagnostics.severity', { untagged: 'off' }, vscode.ConfigurationTarget.Workspace), uri);
    const off = await waitForDiagnostics(uri, (ds) => !ds.some((d) => codeOf(d) === 'entity.untagged'), 'no entity.untagged with the severity off');
    assert.ok(off.some((d) => codeOf(d) === 'entity.suggested'), 'the suggested actors must stay (their own severity is unchanged)');

    await changeConfiguration('communique.diagnostics.severity', () => configuration().update('diagnostics.severity', { untagged: 'warning' }, vscode.ConfigurationTarget.Workspace), uri);
    const warning = await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'entity.untagged'), 'entity.untagged back as warnings');
    for (const d of warning.filter((x) => codeOf(x) === 'entity.untagged')) assert.equal(d.severity, vscode.DiagnosticSeverity.Warning, d.message);
  });

  it('communique.frontMatter.keys renames the key the messages and fixes use', async () => {
    await changeConfiguration('communique.frontMatter.keys', () => configuration().update('frontMatter.keys', { actors: 'acteurs' }, vscode.ConfigurationTarget.Workspace), uri);
    await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'entity.untagged' && d.message === 'Guardia Civil (actor) is not tagged in acteurs'), 'the message naming the key acteurs');
    await changeConfiguration('communique.frontMatter.keys', () => configuration().update('frontMatter.keys', undefined, vscode.ConfigurationTarget.Workspace), uri);
    await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'entity.untagged' && d.message === 'Guardia Civil (actor) is not tagged in actors'), 'the default key actors again');
  });
});
