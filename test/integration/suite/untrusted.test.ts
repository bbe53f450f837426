/**
 * Communiqué in an untrusted workspace (Restricted Mode, issue 6). Runs only in the second
 * code-server run of runTests.ts, whose workspace copy has:
 * - `.communique/lexicon.yaml` (Ramiro Valdeolmos): workspace data, it loads;
 * - a lexicon outside the workspace in the user settings (Francisca Bostyn): VS Code passes the
 *   user's value on, and the server ignores it until the workspace is trusted, saying so once;
 * - another one outside in the workspace's .vscode/settings.json (Ximena Quiroga): VS Code itself
 *   withholds it, because package.json lists `communique.lexicon.paths` in restrictedConfigurations.
 *
 * Granting trust is not tested here: no extension API grants it (only the user, in the workbench).
 * The server side of a grant is tested in test/protocol/trust.test.ts.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateAndWait, codeOf, describeDiagnostics, fixtureUri, openFixture, waitForDiagnostics, withTimeout, type CommuniqueApi } from './waits';

interface TrustApi extends CommuniqueApi {
  shownMessages(): readonly { severity: string; text: string }[];
}

const FILE = 'press/non-fiable.md';

function diagnosticOf(diagnostics: readonly vscode.Diagnostic[], name: string): string {
  const d = diagnostics.find((x) => x.message.includes(name));
  return d === undefined ? 'none' : codeOf(d);
}

describe('untrusted workspace (Restricted Mode)', () => {
  let api: TrustApi;
  const uri = fixtureUri(FILE);

  before(async () => {
    api = (await activateAndWait()) as TrustApi;
  });

  it('runs in Restricted Mode, and VS Code withholds the workspace value of communique.lexicon.paths', () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the run is meant to open an untrusted workspace');
    const paths = vscode.workspace.getConfiguration('communique.lexicon').get<string[]>('paths') ?? [];
    assert.equal(paths.length, 1, `paths seen by the extension: ${JSON.stringify(paths)}`);
    assert.match(paths[0]!, /outside[\\/]people\.yaml$/, 'only the user-level value is applied');
  });

  it('annotates with the workspace lexicon, ignores the lexicon outside the workspace, and says so once', async () => {
    await openFixture(FILE);
    const diagnostics = await waitForDiagnostics(
      uri,
      (ds) => ds.some((d) => codeOf(d) === 'entity.untagged' && d.message.includes('Ramiro Valdeolmos')),
      'Ramiro Valdeolmos untagged (the workspace lexicon loaded)',
    );
    const seen = describeDiagnostics(diagnostics);
    assert.equal(diagnosticOf(diagnostics, 'Ramiro Valdeolmos'), 'entity.untagged', seen);
    assert.equal(diagnosticOf(diagnostics, 'Francisca Bostyn'), 'entity.suggested', `the user-level outside lexicon must be ignored: ${seen}`);
    assert.equal(diagnosticOf(diagnostics, 'Ximena Quiroga'), 'entity.suggested', `the workspace-level outside lexicon must be withheld: ${seen}`);

    const told = api.shownMessages().filter((m) => m.text.includes('not trusted'));
    assert.equal(told.length, 1, JSON.stringify(api.shownMessages()));
    assert.equal(told[0]!.severity, 'warning');
    assert.match(told[0]!.text, /the lexicon file outside its folders is ignored: \S*outside[\\/]people\.yaml\. Trust the workspace to use it\./);

    // Rebuilding the lexicons does not repeat it: the server answers the reload after any message it sent.
    await withTimeout(Promise.resolve(vscode.commands.executeCommand('communique.reloadLexicon')), 'communique.reloadLexicon');
    assert.equal(api.shownMessages().filter((m) => m.text.includes('not trusted')).length, 1, JSON.stringify(api.shownMessages()));
  });
});
