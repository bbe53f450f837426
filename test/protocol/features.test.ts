/**
 * Hover, semantic tokens, symbols, references, completion and the communique/entities request
 * over a real stdio session.
 */
import * as assert from 'node:assert/strict';
import type {
  CompletionList,
  DocumentSymbol,
  Hover,
  Location,
  MarkupContent,
  SemanticTokens,
  SemanticTokensDelta,
  SymbolInformation,
} from 'vscode-languageserver-protocol/node';
import type { EntitiesResult } from '../../server/src/protocol';
import { LspClient } from './harness';

const TEXT = "---\ncountries: [MA]\n---\nLe Maroc et l'Espagne remercient la Guardia Civil et Francisca Bostyn, commissaire.\n";

/** Decodes LSP relative token data into [line, character, length, type, modifiers]. */
function decodeTokens(data: readonly number[], legend: { tokenTypes: string[]; tokenModifiers: string[] }): [number, number, number, string, string[]][] {
  const out: [number, number, number, string, string[]][] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i]!;
    character = data[i]! === 0 ? character + data[i + 1]! : data[i + 1]!;
    const modifiers = legend.tokenModifiers.filter((_, bit) => (data[i + 4]! & (1 << bit)) !== 0);
    out.push([line, character, data[i + 2]!, legend.tokenTypes[data[i + 3]!]!, modifiers]);
  }
  return out;
}

describe('protocol: hover, tokens, symbols, references, completion', function () {
  let client: LspClient;
  afterEach(async () => {
    await client?.shutdown();
  });

  it('hovers an entity with its card', async () => {
    client = await LspClient.start();
    const uri = await client.open('communiques/draft.md', TEXT);
    const maroc = (await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 5 } })) as Hover;
    assert.deepEqual(maroc.range, { start: { line: 3, character: 3 }, end: { line: 3, character: 8 } });
    const card = (maroc.contents as MarkupContent).value;
    assert.equal((maroc.contents as MarkupContent).kind, 'markdown');
    const lines = card.split('\n\n');
    assert.equal(lines[0], '**Maroc** · Country `MA`');
    assert.equal(lines[1], 'Canonical name: Morocco');
    assert.equal(lines[2], 'Tagged in `countries`');
    assert.equal(lines[3], 'Matched *Maroc* (fr)');
    // Every language of the lexicon, the preferred term in bold (issue 5); no copy links for a client that does not run them.
    assert.match(lines[4]!, /^\| Language \| Preferred \| Other names \|\n\|---\|---\|---\|\n\| \*\*fr\*\* \| \*\*Maroc\*\* \| /);
    assert.match(lines[4]!, /\n\| \*\*en\*\* \| \*\*Morocco\*\* \| Kingdom of Morocco/);
    assert.match(lines[4]!, /\n\| \*\*es\*\* \| \*\*Marruecos\*\* \|/);
    assert.match(lines[4]!, /\n\| \*\*ar\*\* \| \*\*المغرب\*\* \|/);
    assert.doesNotMatch(card, /command:/);
    assert.match(lines[5]!, /^Lexicon: built-in `countries\.generated\.yaml`, line \d+$/);

    const guardia = (await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 40 } })) as Hover;
    const guardiaCard = (guardia.contents as MarkupContent).value;
    assert.match(guardiaCard, /^\*\*Guardia Civil\*\* · Actor \(organization\) `guardia-civil`\n\nNot tagged: tagging writes `Guardia Civil` to `actors`\n/);

    const bostyn = (await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 60 } })) as Hover;
    assert.equal(
      (bostyn.contents as MarkupContent).value,
      [
        '**Francisca Bostyn** · Actor (person) `francisca-bostyn`',
        'Not tagged: tagging writes `Francisca Bostyn` to `actors`',
        'Matched *Francisca Bostyn* (fr)',
        'Found by heuristics: no lexicon lists it. Add it to the workspace lexicon, tag it or ignore it.',
      ].join('\n\n'),
    );
    // Between entities, and in the front matter: nothing.
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 11 } }), null);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } }), null);
  });

  it('gives semantic tokens (full, delta after an edit, range) with the declared legend', async () => {
    client = await LspClient.start();
    const legend = client.initializeResult.capabilities.semanticTokensProvider!.legend;
    assert.deepEqual(legend, {
      tokenTypes: ['actor', 'country', 'region', 'threat'],
      tokenModifiers: ['tagged', 'untagged', 'suggested', 'person', 'organization'],
    });
    const uri = await client.open('communiques/draft.md', TEXT);
    const full = (await client.request('textDocument/semanticTokens/full', { textDocument: { uri } })) as SemanticTokens;
    assert.deepEqual(decodeTokens(full.data, legend), [
      [3, 3, 5, 'country', ['tagged']],
      [3, 14, 7, 'country', ['untagged']],
      [3, 36, 13, 'actor', ['untagged', 'organization']],
      [3, 53, 16, 'actor', ['untagged', 'suggested', 'person']],
    ]);
    assert.ok(full.resultId);

    // Tag Espagne by hand: only its modifiers change, and the delta says so.
    await client.change(uri, TEXT.replace('countries: [MA]', 'countries: [MA, ES]'));
    const delta = (await client.request('textDocument/semanticTokens/full/delta', {
      textDocument: { uri },
      previousResultId: full.resultId,
    })) as SemanticTokensDelta;
    assert.ok(delta.edits, `a delta, not a full result: ${JSON.stringify(delta)}`);
    assert.ok(delta.edits.length > 0);
    const patched = [...full.data];
    for (const edit of [...delta.edits].sort((a, b) => b.start - a.start)) patched.splice(edit.start, edit.deleteCount, ...(edit.data ?? []));
    assert.deepEqual(decodeTokens(patched, legend), [
      [3, 3, 5, 'country', ['tagged']],
      [3, 14, 7, 'country', ['tagged']],
      [3, 36, 13, 'actor', ['untagged', 'organization']],
      [3, 53, 16, 'actor', ['untagged', 'suggested', 'person']],
    ]);
    // An unknown previous result gets the full list.
    const unknown = (await client.request('textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId: 'nope' })) as SemanticTokens;
    assert.deepEqual(unknown.data, patched);

    const range = (await client.request('textDocument/semanticTokens/range', {
      textDocument: { uri },
      range: { start: { line: 3, character: 10 }, end: { line: 3, character: 50 } },
    })) as SemanticTokens;
    assert.deepEqual(decodeTokens(range.data, legend), [
      [3, 14, 7, 'country', ['tagged']],
      [3, 36, 13, 'actor', ['untagged', 'organization']],
    ]);
  });

  it('lists document symbols grouped by category', async () => {
    client = await LspClient.start();
    const uri = await client.open('communiques/draft.md', `${TEXT}\nLe Maroc salue le travail accompli.\n`);
    const symbols = (await client.request('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((s) => [s.name, s.children?.map((c) => [c.name, c.detail])]),
      [
        [
          'Actors',
          [
            ['Guardia Civil', 'guardia-civil · 1 mention · untagged'],
            ['Francisca Bostyn', 'francisca-bostyn · 1 mention · suggested'],
          ],
        ],
        [
          'Countries',
          [
            ['Maroc', 'MA · 2 mentions · tagged'],
            ['Espagne', 'ES · 1 mention · untagged'],
          ],
        ],
      ],
    );
    const maroc = symbols[1]!.children![0]!;
    assert.deepEqual(maroc.selectionRange, { start: { line: 3, character: 3 }, end: { line: 3, character: 8 } });
  });

  it('finds workspace symbols and references across open and unopened files', async () => {
    client = await LspClient.start({
      files: {
        'communiques/rabat.md': '---\ncountries: [MA]\n---\nLe Maroc et le Portugal signent un accord.\n',
        'press/2026/tanger.md': 'La police a saisi une cargaison au Maroc.\n',
        'notes/private.md': 'Le Maroc, mais ce fichier n’est pas un communiqué.\n',
      },
    });
    const uri = await client.open('communiques/rabat.md');
    const symbols = (await client.request('workspace/symbol', { query: 'maroc' })) as SymbolInformation[];
    assert.deepEqual(
      symbols.map((s) => [s.name, s.location.uri, s.location.range.start.line, s.containerName]).sort(),
      [
        ['Maroc', client.uri('communiques/rabat.md'), 3, 'rabat.md · MA'],
        ['Maroc', client.uri('press/2026/tanger.md'), 0, 'tanger.md · MA'],
      ],
    );

    const references = (await client.request('textDocument/references', {
      textDocument: { uri },
      position: { line: 3, character: 4 },
      context: { includeDeclaration: false },
    })) as Location[];
    assert.deepEqual(
      references.map((l) => [l.uri, l.range.start.line, l.range.start.character]).sort(),
      [
        [client.uri('communiques/rabat.md'), 3, 3],
        [client.uri('press/2026/tanger.md'), 0, 35],
      ],
    );
    // With the declaration: the front-matter tag too; also asked from the tag itself.
    const fromTag = (await client.request('textDocument/references', {
      textDocument: { uri },
      position: { line: 1, character: 13 },
      context: { includeDeclaration: true },
    })) as Location[];
    assert.deepEqual(
      fromTag.map((l) => [l.uri, l.range.start.line, l.range.start.character]).sort(),
      [
        [client.uri('communiques/rabat.md'), 1, 12],
        [client.uri('communiques/rabat.md'), 3, 3],
        [client.uri('press/2026/tanger.md'), 0, 35],
      ],
    );
    // The open document's live text wins over the disk.
    await client.change(uri, 'Rien ici.\n');
    const after = (await client.request('workspace/symbol', { query: 'maroc' })) as SymbolInformation[];
    assert.deepEqual(
      after.map((s) => s.location.uri),
      [client.uri('press/2026/tanger.md')],
    );
  });

  it('completes values inside the managed front-matter lists, the document’s entities first', async () => {
    client = await LspClient.start();
    const text = "---\ntitle: Accord\ncountries:\n  - MA\n  - Esp\nthreats: [terrorism, ]\n---\nLe Maroc et l'Espagne luttent contre le terrorisme.\n";
    const uri = await client.open('communiques/draft.md', text);
    const block = (await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 7 } })) as CompletionList;
    const first = block.items.slice().sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1))[0]!;
    assert.equal(first.label, 'ES');
    assert.equal(first.detail, 'Espagne · in this document');
    assert.deepEqual(first.textEdit, { range: { start: { line: 4, character: 4 }, end: { line: 4, character: 7 } }, newText: 'ES' });
    assert.ok(!block.items.some((i) => i.label === 'MA'), 'a value already listed is not offered');
    assert.ok(block.items.some((i) => i.label === 'PT' && i.detail === 'Portugal'), 'the lexicon’s other countries are offered');
    assert.ok(!block.items.some((i) => i.label === 'terrorism'), 'only the list’s category');

    const flow = (await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 5, character: 21 } })) as CompletionList;
    assert.ok(flow.items.length > 0);
    assert.ok(flow.items.every((i) => i.kind === flow.items[0]!.kind), 'threats only');
    assert.ok(!flow.items.some((i) => i.label === 'terrorism'), 'terrorism is already listed');
    assert.deepEqual(flow.items.find((i) => i.label === 'drug-trafficking')?.textEdit, {
      range: { start: { line: 5, character: 21 }, end: { line: 5, character: 21 } },
      newText: 'drug-trafficking',
    });
    // Outside the managed lists: nothing.
    assert.equal(await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 10 } }), null);
    assert.equal(await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 7, character: 3 } }), null);
  });

  it('answers communique/entities with each mention and its tagging state', async () => {
    client = await LspClient.start();
    const uri = await client.open('communiques/draft.md', TEXT);
    const result = (await client.request('communique/entities', { textDocument: { uri } })) as EntitiesResult;
    assert.ok(result);
    assert.equal(result.version, 1);
    assert.deepEqual(
      result.entities.map((e) => [e.text, e.category, e.id, e.state, e.source, e.type]),
      [
        ['Maroc', 'country', 'MA', 'tagged', 'lexicon', undefined],
        ['Espagne', 'country', 'ES', 'untagged', 'lexicon', undefined],
        ['Guardia Civil', 'actor', 'guardia-civil', 'untagged', 'lexicon', 'organization'],
        ['Francisca Bostyn', 'actor', 'francisca-bostyn', 'suggested', 'heuristic', 'person'],
      ],
    );
    const other = await client.open('notes/other.md', TEXT.replace('---\ncountries: [MA]\n---\n', ''));
    assert.equal(await client.request('communique/entities', { textDocument: { uri: other } }), null, 'not a communiqué');
  });
});
