/**
 * Diagnostics over a real stdio session: pushed to a client without textDocument.diagnostic
 * (Neovim 0.7, eglot), pulled by one that declares it (VS Code); severities from the settings;
 * invalid front matter.
 */
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity, DocumentDiagnosticReportKind, type Diagnostic, type Range } from 'vscode-languageserver-protocol/node';
import { LspClient } from './harness';

const DRAFT = 'La police a arrêté trois suspects au Maroc et en Espagne.\n\nLe Maroc remercie la Guardia Civil.\n';

/** The text a range covers. */
function slice(text: string, range: Range): string {
  const lines = text.split('\n');
  assert.equal(range.start.line, range.end.line, 'single-line range expected');
  return lines[range.start.line]!.slice(range.start.character, range.end.character);
}

function byId(diagnostics: Diagnostic[], id: string): Diagnostic {
  const found = diagnostics.find((d) => (d.data as { id?: string } | undefined)?.id === id);
  assert.ok(found, `no diagnostic for ${id} in ${JSON.stringify(diagnostics.map((d) => d.message))}`);
  return found;
}

describe('protocol: diagnostics', function () {
  let client: LspClient;
  afterEach(async () => {
    await client?.shutdown();
  });

  it('pushes diagnostics with code, data, source and related mentions when a communiqué opens', async () => {
    client = await LspClient.start();
    assert.equal(client.initializeResult.capabilities.diagnosticProvider, undefined, 'a push client must not be offered pull diagnostics');
    const uri = await client.open('communiques/draft.md', DRAFT);
    const published = await client.diagnostics(uri);
    assert.equal(published.version, 1);
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, slice(DRAFT, d.range)]),
      [
        ['entity.untagged', 'Maroc'],
        ['entity.untagged', 'Espagne'],
        ['entity.untagged', 'Guardia Civil'],
      ],
    );
    const maroc = byId(published.diagnostics, 'MA');
    assert.equal(maroc.source, 'communique');
    assert.equal(maroc.severity, DiagnosticSeverity.Information);
    assert.equal(maroc.message, 'Maroc (country MA) is not tagged in countries');
    assert.deepEqual(maroc.data, { code: 'entity.untagged', category: 'country', id: 'MA', name: 'Maroc', value: 'MA', key: 'countries', text: 'Maroc' });
    // One diagnostic per id, on the first mention; the second "Maroc" is related information.
    assert.equal(maroc.relatedInformation?.length, 1);
    assert.equal(maroc.relatedInformation![0]!.location.uri, uri);
    assert.deepEqual(maroc.relatedInformation![0]!.location.range, { start: { line: 2, character: 3 }, end: { line: 2, character: 8 } });
  });

  it('pushes new diagnostics for each new version', async () => {
    client = await LspClient.start();
    const uri = await client.open('communiques/draft.md', DRAFT);
    await client.diagnostics(uri, 1);
    // Typing: "Espagne" becomes "Portugal".
    const at = DRAFT.indexOf('Espagne');
    const version = await client.edit(uri, [{ range: { start: { line: 0, character: at }, end: { line: 0, character: at + 7 } }, text: 'Portugal' }]);
    assert.equal(client.text(uri), DRAFT.replace('en Espagne', 'en Portugal'));
    const published = await client.diagnostics(uri, version);
    assert.deepEqual(
      published.diagnostics.map((d) => (d.data as { id: string }).id),
      ['MA', 'PT', 'guardia-civil'],
    );
  });

  it('publishes nothing for a document that is not annotated, until "Annotate this file"', async () => {
    client = await LspClient.start();
    const uri = await client.open('notes/todo.md', DRAFT);
    assert.deepEqual((await client.diagnostics(uri)).diagnostics, []);
    const result = await client.executeCommand('communique.annotateFile', [uri]);
    assert.deepEqual(result, { applied: true });
    assert.equal(client.text(uri), `---\ncommunique: true\n---\n${DRAFT}`);
    const published = await client.diagnostics(uri);
    assert.deepEqual(
      published.diagnostics.map((d) => (d.data as { id: string }).id),
      ['MA', 'ES', 'guardia-civil'],
    );
  });

  it('answers pulls (full, then unchanged, then full after an edit) and does not push', async () => {
    client = await LspClient.start({ pullDiagnostics: true });
    assert.deepEqual(client.initializeResult.capabilities.diagnosticProvider, {
      identifier: 'communique',
      interFileDependencies: false,
      workspaceDiagnostics: false,
    });
    const uri = await client.open('communiques/draft.md', DRAFT);
    const first = await client.pull(uri);
    assert.equal(first.kind, DocumentDiagnosticReportKind.Full);
    assert.ok(first.kind === DocumentDiagnosticReportKind.Full && first.resultId !== undefined);
    assert.deepEqual(
      first.items.map((d) => [d.code, (d.data as { id: string }).id]),
      [
        ['entity.untagged', 'MA'],
        ['entity.untagged', 'ES'],
        ['entity.untagged', 'guardia-civil'],
      ],
    );
    const again = await client.pull(uri, first.resultId);
    assert.deepEqual(again, { kind: DocumentDiagnosticReportKind.Unchanged, resultId: first.resultId });
    await client.change(uri, `---\ncountries: [MA, ES]\n---\n${DRAFT}`);
    const third = await client.pull(uri, first.resultId);
    assert.ok(third.kind === DocumentDiagnosticReportKind.Full);
    assert.deepEqual(
      third.items.map((d) => (d.data as { id: string }).id),
      ['guardia-civil'],
    );
    assert.deepEqual(
      client.published.filter((p) => p.uri === uri),
      [],
      'a pull client gets no publishDiagnostics for its documents',
    );
  });

  it('takes severities from the settings and re-diagnoses when they change', async () => {
    client = await LspClient.start({ settings: { diagnostics: { severity: { untagged: 'warning' } } } });
    const uri = await client.open('communiques/draft.md', DRAFT);
    const before = await client.diagnostics(uri);
    assert.deepEqual(new Set(before.diagnostics.map((d) => d.severity)), new Set([DiagnosticSeverity.Warning]));
    const next = client.nextDiagnostics(uri);
    await client.changeSettings({ diagnostics: { severity: { untagged: 'off' } } });
    assert.deepEqual((await next).diagnostics, []);
  });

  it('reports invalid YAML at its place with the YAML error and disables the tag fixes, saying why', async () => {
    client = await LspClient.start();
    const text = "---\ncountries: [MA\n---\nLa coopération avec le Maroc et l'Espagne continue.\n";
    const uri = await client.open('communiques/broken.md', text);
    const published = await client.diagnostics(uri);
    const invalid = published.diagnostics.find((d) => d.code === 'frontmatter.invalid');
    assert.ok(invalid, JSON.stringify(published.diagnostics));
    assert.equal(invalid.severity, DiagnosticSeverity.Error);
    assert.match(invalid.message, /^Front matter does not parse: /);
    assert.deepEqual(invalid.data, {
      code: 'frontmatter.invalid',
      reason: 'yaml',
      yamlCode: 'BAD_INDENT',
      detail: 'Flow sequence in block collection must be sufficiently indented and end with a ]',
    });
    assert.ok(invalid.range.start.line >= 1 && invalid.range.end.line <= 2, `the error points into the block: ${JSON.stringify(invalid.range)}`);

    const espagne = byId(published.diagnostics, 'ES');
    const actions = await client.codeActions(uri, espagne.range);
    const tag = actions.find((a) => a.title === 'Tag Espagne as country ES');
    assert.ok(tag, JSON.stringify(actions.map((a) => a.title)));
    // The reason names the line the YAML error diagnostic points at (1-based).
    const reason = `The front matter does not parse (line ${invalid.range.start.line + 1}): fix it first`;
    assert.deepEqual(tag.disabled, { reason });
    assert.equal(tag.edit, undefined, 'a disabled fix carries no edit');
    const fixAll = await client.codeActions(uri, espagne.range, ['source.fixAll.communique']);
    for (const action of fixAll) {
      assert.ok(action.disabled !== undefined && action.edit === undefined, `fix-all must not rewrite invalid YAML: ${JSON.stringify(action)}`);
    }
    // The command refuses too, and the text stays as it was.
    const result = (await client.executeCommand('communique.tagAll', [uri])) as { applied: boolean; reason?: string };
    assert.equal(result.applied, false);
    assert.equal(result.reason, reason);
    assert.deepEqual(client.messages, [reason], 'the user is told why');
    assert.equal(client.text(uri), text);
  });
});
