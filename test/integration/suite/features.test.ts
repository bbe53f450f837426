/**
 * The language features through the real VS Code API, on a Markdown file under `press/` (annotated
 * by the default `communique.files` globs): diagnostics, hover, semantic tokens and a quick fix
 * applied and saved to disk.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import {
  activateAndWait,
  codeActionsAt,
  codeOf,
  describeDiagnostics,
  findDiagnostic,
  fixtureUri,
  openFixture,
  rangeOf,
  readDisk,
  waitForDiagnostics,
  withTimeout,
} from './waits';

const FILE = 'press/saisie-algesiras.md';

/** The Markdown/plain text of a hover's contents. */
function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** The front matter of a file's text, parsed. */
function frontMatterOf(text: string): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---(\r?\n|$)/.exec(text);
  assert.ok(match, `no front matter at the top of:\n${text.slice(0, 300)}`);
  return parse(match[1]!) as Record<string, unknown>;
}

describe('language features on a press/ Markdown file', () => {
  let document: vscode.TextDocument;
  const uri = fixtureUri(FILE);

  before(async () => {
    await activateAndWait();
    document = (await openFixture(FILE)).document;
    assert.equal(document.languageId, 'markdown');
  });

  it('reports untagged entities and suggested actors (languages.getDiagnostics)', async () => {
    const diagnostics = await waitForDiagnostics(
      uri,
      (ds) => ds.some((d) => codeOf(d) === 'entity.untagged' && d.message.includes('Espagne')) && ds.some((d) => codeOf(d) === 'entity.suggested'),
      'untagged Espagne and a suggested actor',
    );
    const espagne = findDiagnostic(diagnostics, 'entity.untagged', 'Espagne');
    assert.equal(document.getText(espagne.range), 'Espagne');
    assert.equal(espagne.severity, vscode.DiagnosticSeverity.Information, 'the default severity of entity.untagged is information');
    assert.match(espagne.message, /country ES/);
    for (const name of ['Guardia Civil', 'Europol', 'Direction générale de la Sûreté nationale']) findDiagnostic(diagnostics, 'entity.untagged', name);
    const ramiro = findDiagnostic(diagnostics, 'entity.suggested', 'Ramiro Valdeolmos');
    assert.equal(ramiro.severity, vscode.DiagnosticSeverity.Hint, `entity.suggested is a hint by default: ${describeDiagnostics([ramiro])}`);
  });

  it('shows an entity card on hover with the canonical name and the id (executeHoverProvider)', async () => {
    const dgsn = rangeOf(document, 'DGSN');
    const hovers = await withTimeout(
      vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, dgsn.start.translate(0, 1)),
      'vscode.executeHoverProvider on DGSN',
    );
    const card = hoverText(hovers);
    assert.match(card, /Direction générale de la Sûreté nationale/, `the card does not give the canonical name:\n${card}`);
    assert.match(card, /`dgsn`/, `the card does not give the id:\n${card}`);
    assert.match(card, /Not tagged/, card);

    const espagne = rangeOf(document, 'Espagne');
    const country = hoverText(
      await withTimeout(vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, espagne.start), 'vscode.executeHoverProvider on Espagne'),
    );
    assert.match(country, /Espagne/, country);
    assert.match(country, /`ES`/, country);
  });

  it('colours Espagne as an untagged country (provideDocumentSemanticTokens)', async () => {
    const legend = await withTimeout(
      vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', uri),
      'vscode.provideDocumentSemanticTokensLegend',
    );
    assert.ok(legend, 'no semantic tokens legend for the document');
    const tokens = await withTimeout(
      vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', uri),
      'vscode.provideDocumentSemanticTokens',
    );
    assert.ok(tokens && tokens.data.length > 0, 'no semantic tokens');
    assert.equal(tokens.data.length % 5, 0);

    // Decode the relative encoding: (deltaLine, deltaStart, length, type, modifiers) per token.
    const decoded: { line: number; start: number; length: number; type: string; modifiers: string[] }[] = [];
    let line = 0;
    let start = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      const [deltaLine, deltaStart, length, type, bits] = [tokens.data[i]!, tokens.data[i + 1]!, tokens.data[i + 2]!, tokens.data[i + 3]!, tokens.data[i + 4]!];
      line += deltaLine;
      start = deltaLine === 0 ? start + deltaStart : deltaStart;
      const modifiers = legend.tokenModifiers.filter((_, bit) => (bits & (1 << bit)) !== 0);
      decoded.push({ line, start, length, type: legend.tokenTypes[type] ?? `#${type}`, modifiers });
    }
    const espagne = rangeOf(document, 'Espagne');
    const token = decoded.find((t) => t.line === espagne.start.line && t.start === espagne.start.character);
    const seen = decoded.map((t) => `${t.line}:${t.start}+${t.length} ${t.type}[${t.modifiers.join(',')}]`).join(' | ');
    assert.ok(token, `no token where "Espagne" is (${espagne.start.line}:${espagne.start.character}); tokens: ${seen}`);
    assert.equal(token.type, 'country');
    assert.equal(token.length, 'Espagne'.length);
    assert.ok(token.modifiers.includes('untagged'), `modifiers: ${token.modifiers.join(',')}`);
    const guardia = rangeOf(document, 'Guardia Civil');
    assert.ok(decoded.some((t) => t.line === guardia.start.line && t.start === guardia.start.character && t.type === 'actor'), `Guardia Civil is not an actor token: ${seen}`);
  });

  it('offers "Tag Espagne as country ES"; applied and saved, the front matter on disk lists ES', async () => {
    const diagnostic = findDiagnostic(await waitForDiagnostics(uri, (ds) => ds.length > 0, 'any diagnostic'), 'entity.untagged', 'Espagne');
    const wanted = 'Tag Espagne as country ES';
    const actions = await codeActionsAt(uri, diagnostic.range, (list) => list.some((a) => a.title === wanted));
    const action = actions.find((a) => a.title === wanted)!;
    assert.ok(action.edit, `"${wanted}" has no edit`);
    assert.equal(action.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.equal(action.isPreferred, true, 'tagging is the preferred fix of an untagged entity');

    assert.ok(await vscode.workspace.applyEdit(action.edit), 'workspace.applyEdit refused the edit');
    if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
    assert.ok(await document.save(), 'the document did not save');

    const onDisk = readDisk(uri);
    const frontMatter = frontMatterOf(onDisk);
    assert.deepEqual(frontMatter['countries'], ['ES'], `front matter on disk:\n${onDisk.slice(0, 300)}`);
    assert.equal(frontMatter['title'], 'Saisie de cocaïne à Algésiras', 'the existing front matter keys must survive');
    assert.ok(onDisk.includes("# Saisie de cocaïne au port d'Algésiras"), 'the body changed');

    await waitForDiagnostics(uri, (ds) => !ds.some((d) => codeOf(d) === 'entity.untagged' && d.message.includes('Espagne')), 'Espagne no longer untagged');
  });
});
