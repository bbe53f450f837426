/**
 * Deprecated terms inside VS Code (issue 5): a French communiqué uses "immigration clandestine"
 * and "immigrés clandestins". The editor shows `term.deprecated` struck through; the preferred
 * quick fix, run through `vscode.executeCodeActionProvider` and applied with
 * `workspace.applyEdit`, writes "Immigration irrégulière" at the sentence start; "Replace all
 * deprecated terms in document" fixes the rest, and no deprecated term is left.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateAndWait, codeActionsAt, codeOf, describeDiagnostics, fixtureUri, openFixture, waitForDiagnostics, waitForText } from './waits';

const FILE = 'press/terminologie/bilan-migratoire.md';

function deprecatedTerms(diagnostics: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  return diagnostics.filter((d) => codeOf(d) === 'term.deprecated');
}

describe('deprecated terms', () => {
  let document: vscode.TextDocument;
  const uri = fixtureUri(FILE);

  before(async () => {
    await activateAndWait();
    document = (await openFixture(FILE)).document;
  });

  it('reports each deprecated mention, struck through, with the replacement in its case', async () => {
    const diagnostics = deprecatedTerms(await waitForDiagnostics(uri, (ds) => deprecatedTerms(ds).length === 3, 'three term.deprecated'));
    assert.deepEqual(
      diagnostics.map((d) => document.getText(d.range)),
      ['Immigration clandestine', 'immigrés clandestins', 'immigration clandestine'],
    );
    const first = diagnostics[0]!;
    assert.match(first.message, /^«Immigration clandestine» is deprecated: use «Immigration irrégulière» \(/, describeDiagnostics([first]));
    assert.equal(first.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(first.tags, [vscode.DiagnosticTag.Deprecated]);
  });

  it('applies "Replace with «Immigration irrégulière»" (the preferred quick fix) to the mention only', async () => {
    const [first] = deprecatedTerms(await waitForDiagnostics(uri, (ds) => deprecatedTerms(ds).length === 3, 'three term.deprecated'));
    const title = 'Replace with «Immigration irrégulière»';
    const actions = await codeActionsAt(uri, first!.range, (list) => list.some((a) => a.title === title));
    const fix = actions.find((a) => a.title === title)!;
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.equal(fix.isPreferred, true);
    assert.ok(fix.edit, 'the fix carries its edit');
    const edits = fix.edit.get(uri);
    assert.equal(edits.length, 1);
    assert.ok(edits[0]!.range.isEqual(first!.range), 'one edit, exactly on the mention');

    const before = document.getText();
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'workspace.applyEdit refused the edit');
    const expected = before.replace('Immigration clandestine :', 'Immigration irrégulière :');
    assert.equal(await waitForText(document, (t) => t === expected, 'the first mention replaced'), expected);
    await waitForDiagnostics(uri, (ds) => deprecatedTerms(ds).length === 2, 'two term.deprecated left');
  });

  it('applies "Replace all deprecated terms in document (2)" and leaves none', async () => {
    const left = deprecatedTerms(await waitForDiagnostics(uri, (ds) => deprecatedTerms(ds).length === 2, 'two term.deprecated left'));
    const title = 'Replace all deprecated terms in document (2)';
    const actions = await codeActionsAt(uri, left[0]!.range, (list) => list.some((a) => a.title === title));
    const all = actions.find((a) => a.title === title)!;
    assert.ok(all.edit);
    assert.ok(await vscode.workspace.applyEdit(all.edit), 'workspace.applyEdit refused the edit');
    const expected = [
      '---',
      'title: Bilan migratoire du premier trimestre',
      'lang: fr',
      '---',
      "Immigration irrégulière : la DGSN a démantelé un réseau actif entre le Maroc et l'Espagne.",
      '',
      "Les immigrés en situation irrégulière interceptés ont été pris en charge. La lutte contre l'immigration irrégulière se poursuit.",
      '',
    ].join('\n');
    await waitForText(document, (t) => t === expected, 'every deprecated term replaced');
    const after = await waitForDiagnostics(uri, (ds) => deprecatedTerms(ds).length === 0 && ds.length > 0, 'no term.deprecated left');
    // Still the same threat, now untagged as before: recognition is unaffected by the wording.
    assert.ok(after.some((d) => codeOf(d) === 'entity.untagged' && d.message.includes('irregular-migration')), describeDiagnostics(after));
    assert.ok(await document.save(), 'the document did not save');
  });
});
