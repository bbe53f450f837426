/**
 * Translation consistency inside VS Code (issue 5): `press/traduction/cadix.en.md` is the English
 * translation of its sibling `cadix.fr.md` (sibling naming, source language fr) and leaves out
 * Portugal. The translation gets `translation.missing-entity` with the source's mentions as
 * related information; editing the source updates it; and "Compare entities with source" opens a
 * webview panel beside the editor that follows the translation's edits.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CompareWithSourceResult } from '../../../server/src/protocol';
import { activateAndWait, codeOf, fixtureUri, openFixture, waitForDiagnostics, waitForText, withTimeout, type CommuniqueApi } from './waits';

const TRANSLATION = 'press/traduction/cadix.en.md';
const SOURCE = 'press/traduction/cadix.fr.md';
const COMPARE = 'communique.compareWithSource';

/** The part of the extension's API this suite reads (client/src/extension.ts). */
interface CompareApi extends CommuniqueApi {
  comparePanel(): { uri: string; version: number; result: CompareWithSourceResult; html: string } | undefined;
  waitForComparison(test?: (snapshot: { uri: string; version: number; result: CompareWithSourceResult; html: string }) => boolean): Promise<{ result: CompareWithSourceResult; html: string }>;
}

/** The webview tabs of our compare panel. */
function compareTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes(COMPARE));
}

/** Waits until a compare panel tab exists (now, or after a tab change). */
function waitForCompareTab(): Promise<vscode.Tab> {
  const now = compareTabs()[0];
  if (now !== undefined) return Promise.resolve(now);
  let subscription: vscode.Disposable | undefined;
  const found = new Promise<vscode.Tab>((resolve) => {
    subscription = vscode.window.tabGroups.onDidChangeTabs(() => {
      const tab = compareTabs()[0];
      if (tab !== undefined) resolve(tab);
    });
  });
  return withTimeout(found, 'the compare panel tab', undefined, () =>
    vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .map((t) => t.label)
      .join(', '),
  ).finally(() => subscription?.dispose());
}

/** Replaces every occurrence of `from` in a document with `to` through a WorkspaceEdit. */
async function replaceAll(document: vscode.TextDocument, from: string, to: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  const text = document.getText();
  for (let at = text.indexOf(from); at >= 0; at = text.indexOf(from, at + from.length)) {
    edit.replace(document.uri, new vscode.Range(document.positionAt(at), document.positionAt(at + from.length)), to);
  }
  assert.ok(await vscode.workspace.applyEdit(edit), `the edit of ${vscode.workspace.asRelativePath(document.uri)} was refused`);
}

describe('translation consistency', () => {
  let api: CompareApi;
  const translationUri = fixtureUri(TRANSLATION);
  const sourceUri = fixtureUri(SOURCE);

  before(async () => {
    api = (await activateAndWait()) as CompareApi;
  });

  after(async () => {
    // The panel goes; the edited translation is put back as it is on disk.
    await vscode.window.tabGroups.close(compareTabs());
  });

  it('reports the country the translation dropped, pointing at the source', async () => {
    const { document } = await openFixture(TRANSLATION);
    const diagnostics = await waitForDiagnostics(translationUri, (ds) => ds.some((d) => codeOf(d) === 'translation.missing-entity'), 'translation.missing-entity');
    const missing = diagnostics.filter((d) => codeOf(d) === 'translation.missing-entity');
    assert.equal(missing.length, 1);
    const d = missing[0]!;
    assert.equal(d.message, 'Portugal (PT) is in the source but not in this translation');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(document.getText(d.range), '# Cocaine seized in the port of Cadiz');
    const related = d.relatedInformation ?? [];
    assert.equal(related.length, 2);
    assert.equal(related[0]!.location.uri.toString(), sourceUri.toString());
    const source = await vscode.workspace.openTextDocument(sourceUri);
    assert.equal(source.getText(related[0]!.location.range), 'Portugal');
  });

  it('follows edits of the source', async () => {
    const source = await vscode.workspace.openTextDocument(sourceUri);
    await replaceAll(source, 'Portugal', 'Italie');
    await waitForDiagnostics(
      translationUri,
      (ds) => ds.some((d) => codeOf(d) === 'translation.missing-entity' && d.message.startsWith('Italy (IT)')) && !ds.some((d) => d.message.startsWith('Portugal')),
      'Italy missing instead of Portugal',
    );
    await replaceAll(source, 'Italie', 'Portugal');
    await waitForText(source, (t) => !t.includes('Italie'), 'the source restored');
    await source.save();
    await waitForDiagnostics(translationUri, (ds) => ds.some((d) => codeOf(d) === 'translation.missing-entity' && d.message.startsWith('Portugal (PT)')), 'Portugal missing again');
  });

  it('says why there is nothing to compare for the source itself', async () => {
    const editor = await openFixture(SOURCE);
    const answer = await withTimeout(vscode.commands.executeCommand<{ shown: boolean; message?: string }>(COMPARE, editor.document.uri), COMPARE);
    assert.equal(answer.shown, false);
    assert.match(answer.message ?? '', /This document is a source/);
    assert.deepEqual(compareTabs(), [], 'no panel is opened when there is nothing to compare');
  });

  it('opens the comparison beside the translation and keeps it current', async () => {
    const { document } = await openFixture(TRANSLATION);
    const answer = await withTimeout(vscode.commands.executeCommand<{ shown: boolean; message?: string }>(COMPARE), COMPARE);
    assert.deepEqual(answer, { shown: true });
    const tab = await waitForCompareTab();
    assert.match(tab.label, /cadix\.en\.md ↔ cadix\.fr\.md/);
    assert.notEqual(tab.group.viewColumn, vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.One, 'the panel opens beside the editor');

    const shown = api.comparePanel();
    assert.ok(shown !== undefined && shown.result.kind === 'compared');
    const pt = shown.result.entities.find((e) => e.id === 'PT')!;
    assert.equal(pt.status, 'missing');
    assert.equal(pt.sourceMentions.length, 2);
    assert.match(shown.html, /<tr class="missing" data-id="PT">/);
    assert.ok(!/<script/i.test(shown.html));

    // The translation gains Portugal: the panel follows.
    await replaceAll(document, "with Europol's support", "with Portugal's judicial police and Europol's support");
    const updated = await withTimeout(
      api.waitForComparison((s) => s.result.kind === 'compared' && s.result.entities.some((e) => e.id === 'PT' && e.status === 'both')),
      'the compare panel to show Portugal in both documents',
    );
    assert.match(updated.html, /<tr class="same" data-id="PT">/);
    await waitForDiagnostics(translationUri, (ds) => !ds.some((d) => codeOf(d).startsWith('translation.')), 'no translation diagnostic left');

    await replaceAll(document, "with Portugal's judicial police and Europol's support", "with Europol's support");
    await document.save();
    await withTimeout(
      api.waitForComparison((s) => s.result.kind === 'compared' && s.result.entities.some((e) => e.id === 'PT' && e.status === 'missing')),
      'the compare panel to show Portugal missing again',
    );
  });
});
