/**
 * Deprecated terms over a real stdio session (issue 5): the server publishes `term.deprecated`
 * with its typed data and the Deprecated tag, offers "Replace with «X»" as the preferred quick fix
 * and the replace-all actions, each a versioned edit that the test client applies; the next
 * diagnostics have no deprecated term left. A workspace lexicon's house style wins over the
 * built-in one.
 */
import * as assert from 'node:assert/strict';
import { DiagnosticTag, TextDocumentEdit, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { actionTitled, LspClient } from './harness';

function termDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.code === 'term.deprecated');
}

function versionedEdit(action: CodeAction, uri: string, version: number): TextDocumentEdit {
  assert.ok(action.edit?.documentChanges, `${action.title}: edits must come as documentChanges`);
  assert.equal(action.edit.documentChanges.length, 1);
  const edit = action.edit.documentChanges[0]!;
  assert.ok(TextDocumentEdit.is(edit));
  assert.deepEqual(edit.textDocument, { uri, version });
  return edit;
}

describe('protocol: deprecated terms', function () {
  let client: LspClient;
  afterEach(async () => {
    await client?.shutdown();
  });

  it('fr: publishes term.deprecated and applies "Replace with «immigration irrégulière»"; the diagnostic goes', async () => {
    client = await LspClient.start();
    const before = "---\ntitle: Bilan\n---\nLa lutte contre l'immigration clandestine se poursuit au Maroc.\n";
    const uri = await client.open('communiques/bilan.md', before);
    const [term, ...others] = termDiagnostics((await client.diagnostics(uri)).diagnostics);
    assert.ok(term, 'a term.deprecated diagnostic');
    assert.deepEqual(others, []);
    assert.deepEqual(term.range, { start: { line: 3, character: 18 }, end: { line: 3, character: 41 } });
    assert.deepEqual(term.tags, [DiagnosticTag.Deprecated]);
    assert.match(term.message, /^«immigration clandestine» is deprecated: use «immigration irrégulière» \(/);
    assert.deepEqual(
      { ...(term.data as Record<string, unknown>), reason: undefined },
      {
        code: 'term.deprecated', category: 'threat', id: 'irregular-migration', name: 'migration irrégulière', text: 'immigration clandestine', lang: 'fr',
        preferred: 'immigration irrégulière', replacement: 'immigration irrégulière', reason: undefined,
      },
    );

    const actions = await client.codeActions(uri, term.range);
    const fix = actionTitled(actions, 'Replace with «immigration irrégulière»');
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics?.map((d) => d.code), ['term.deprecated']);
    const edit = versionedEdit(fix, uri, 1);
    assert.deepEqual(edit.edits, [{ range: term.range, newText: 'immigration irrégulière' }], 'one minimal edit on the mention');
    await client.applyEdit(fix.edit!);
    assert.equal(client.text(uri), "---\ntitle: Bilan\n---\nLa lutte contre l'immigration irrégulière se poursuit au Maroc.\n");
    const after = await client.diagnostics(uri);
    assert.deepEqual(termDiagnostics(after.diagnostics), []);
    assert.ok(after.diagnostics.some((d) => (d.data as { id?: string }).id === 'irregular-migration'), 'still recognised as the threat');
  });

  it('en, es, ar: "Replace all deprecated terms in document (N)" is one versioned edit of the whole document', async () => {
    client = await LspClient.start();
    const cases: [string, string, string, string][] = [
      [
        'communiques/en.md',
        'Illegal immigration fell, Frontex said; ILLEGAL MIGRANTS and child pornography were found.\n',
        'Replace all deprecated terms in document (3)',
        'Irregular migration fell, Frontex said; IRREGULAR MIGRANTS and child sexual abuse material were found.\n',
      ],
      [
        'communiques/es.md',
        'Inmigración ilegal: la Guardia Civil detiene a inmigrantes ilegales.\n',
        'Replace all deprecated terms in document (2)',
        'Inmigración irregular: la Guardia Civil detiene a inmigrantes en situación irregular.\n',
      ],
      [
        'communiques/ar.md',
        '---\nlang: ar\n---\nتفكيك شبكة للهجرة السرية ومكافحة الهجرة غير الشرعية.\n',
        'Replace all deprecated terms in document (2)',
        '---\nlang: ar\n---\nتفكيك شبكة للهجرة غير النظامية ومكافحة الهجرة غير النظامية.\n',
      ],
    ];
    for (const [path, text, title, expected] of cases) {
      const uri = await client.open(path, text);
      const terms = termDiagnostics((await client.diagnostics(uri)).diagnostics);
      assert.ok(terms.length > 0, path);
      const all = actionTitled(await client.codeActions(uri, terms[0]!.range), title);
      versionedEdit(all, uri, 1);
      await client.applyEdit(all.edit!);
      assert.equal(client.text(uri), expected, path);
      assert.deepEqual(termDiagnostics((await client.diagnostics(uri)).diagnostics), [], path);
    }
  });

  it('takes the house style of the workspace lexicon: EI preferred, Daech deprecated', async () => {
    client = await LspClient.start({
      files: {
        '.communique/lexicon.yaml': [
          'version: 1',
          'entries:',
          '  - id: daesh',
          '    merge: extend',
          '    names:',
          '      fr:',
          '        - {text: EI, preferred: true}',
          '        - {text: Daech, deprecated: "Style maison : EI."}',
          '',
        ].join('\n'),
      },
    });
    const uri = await client.open('communiques/note.md', "Les combattants de Daech et l'EI.\n");
    const terms = termDiagnostics((await client.diagnostics(uri)).diagnostics);
    assert.deepEqual(terms.map((d) => d.message), ['«Daech» is deprecated: use «EI» (Style maison : EI)']);
    const fix = actionTitled(await client.codeActions(uri, terms[0]!.range), 'Replace with «EI»');
    await client.applyEdit(fix.edit!);
    // An acronym that starts with a vowel takes its article: "de Daech" -> "de l'EI".
    assert.equal(client.text(uri), "Les combattants de l'EI et l'EI.\n");
    assert.deepEqual(termDiagnostics((await client.diagnostics(uri)).diagnostics), []);
  });
});
