/**
 * Arabic and mixed documents over a real stdio session (issue 5): the translator hover on an Arabic
 * entity (range, names in every language, copy links only for a client that runs them, plain text
 * for one without Markdown), the ranges of semantic tokens and of `communique/entities` in
 * right-to-left text, and the document language the entities answer reports for the status bar.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hover, MarkupContent, SemanticTokens } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { EntitiesResult, EntityMention } from '../../server/src/protocol';
import { LspClient, ROOT } from './harness';

const COPY = 'communique.copyName';
const FIXTURES = join(ROOT, 'test', 'fixtures', 'arabic');
const CELL = readFileSync(join(FIXTURES, 'ar-dgsn-khaliya-nador.communique.md'), 'utf8');
const MIGRATION = readFileSync(join(FIXTURES, 'ar-hijra-nouadhibou.communique.md'), 'utf8');
const FRENCH = readFileSync(join(FIXTURES, 'fr-dgsn-citation-arabe.communique.md'), 'utf8');

/** The LSP range of text[start, start + length). */
function rangeAt(text: string, start: number, length: number): { start: { line: number; character: number }; end: { line: number; character: number } } {
  const doc = TextDocument.create('file:///x', 'markdown', 1, text);
  return { start: doc.positionAt(start), end: doc.positionAt(start + length) };
}

/** The arguments of every `command:` link of a hover. */
function copyArguments(markdown: string): unknown[] {
  return [...markdown.matchAll(/\(command:communique\.copyName\?([^\s)]*)/g)].map((m) => JSON.parse(decodeURIComponent(m[1]!)));
}

/** Decodes relative semantic-token data into [line, character, length, type]. */
function decodeTokens(data: readonly number[], types: readonly string[]): [number, number, number, string][] {
  const out: [number, number, number, string][] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i]!;
    character = data[i]! === 0 ? character + data[i + 1]! : data[i + 1]!;
    out.push([line, character, data[i + 2]!, types[data[i + 3]!]!]);
  }
  return out;
}

describe('protocol: Arabic and mixed documents', function () {
  let client: LspClient;
  afterEach(async () => {
    await client?.shutdown();
  });

  it('hovers an Arabic entity with its range and its names in every language, with copy links for VS Code', async () => {
    client = await LspClient.start({ initializationOptions: { commandLinks: [COPY] } });
    const uri = await client.open('communiques/ar-cell.md', CELL);
    // "بِالمَغْرِب": the hover covers the name after the preposition, vowel marks included.
    const offset = CELL.indexOf('بِالمَغْرِب') + 2;
    const expected = rangeAt(CELL, offset, 'المَغْرِب'.length);
    const inside = { line: expected.start.line, character: expected.start.character + 3 };
    const hover = (await client.request('textDocument/hover', { textDocument: { uri }, position: inside })) as Hover;
    assert.deepEqual(hover.range, expected);
    const card = (hover.contents as MarkupContent).value;
    assert.equal((hover.contents as MarkupContent).kind, 'markdown');
    assert.match(card, /^\*\*المغرب\*\* · Country `MA`\n\nCanonical name: Morocco\n\nTagged in `countries`\n\nMatched \*المغرب\* \(ar\)\n\n/);
    for (const [lang, preferred] of [
      ['fr', 'Maroc'],
      ['en', 'Morocco'],
      ['es', 'Marruecos'],
      ['ar', 'المغرب'],
    ]) {
      assert.match(card, new RegExp(`^\\| \\*\\*${lang}\\*\\* \\| \\*\\*${preferred}\\*\\* \\|`, 'm'), `${lang} row in:\n${card}`);
    }
    assert.deepEqual(copyArguments(card), [['Maroc'], ['Morocco'], ['Marruecos'], ['المغرب']]);

    // An actor named in Arabic, whose canonical name is French.
    const bcij = CELL.indexOf('المكتب المركزي للأبحاث القضائية');
    const actor = (await client.request('textDocument/hover', { textDocument: { uri }, position: rangeAt(CELL, bcij + 5, 0).start })) as Hover;
    assert.deepEqual(actor.range, rangeAt(CELL, bcij, 'المكتب المركزي للأبحاث القضائية'.length));
    const actorCard = (actor.contents as MarkupContent).value;
    assert.match(actorCard, /^\*\*Bureau central d'investigations judiciaires\*\* · Actor \(organization\) `bcij`\n\nNot tagged: tagging writes `Bureau central d'investigations judiciaires` to `actors`\n\nMatched \*المكتب المركزي للأبحاث القضائية\* \(ar\)/);
    assert.deepEqual(copyArguments(actorCard).at(-1), ['المكتب المركزي للأبحاث القضائية']);
    assert.match(actorCard, /\n\nLexicon: built-in `actors\.yaml`, line \d+$/);
  });

  it('leaves copy links out for a client that does not run them, and answers plain text without Markdown', async () => {
    client = await LspClient.start();
    const uri = await client.open('communiques/ar-cell.md', CELL);
    const position = rangeAt(CELL, CELL.indexOf('إسبـــانيا') + 2, 0).start;
    const hover = (await client.request('textDocument/hover', { textDocument: { uri }, position })) as Hover;
    assert.deepEqual(hover.range, rangeAt(CELL, CELL.indexOf('إسبـــانيا'), 'إسبـــانيا'.length));
    const card = (hover.contents as MarkupContent).value;
    assert.doesNotMatch(card, /command:/);
    assert.match(card, /^\| \*\*ar\*\* \| \*\*إسبانيا\*\* \| مملكة إسبانيا \|$/m);
    await client.shutdown();

    client = await LspClient.start({
      initializationOptions: { commandLinks: [COPY] },
      capabilities: (c) => {
        c.textDocument!.hover = { contentFormat: ['plaintext'] };
      },
    });
    const plainUri = await client.open('communiques/ar-cell.md', CELL);
    const plain = (await client.request('textDocument/hover', { textDocument: { uri: plainUri }, position })) as Hover;
    assert.equal((plain.contents as MarkupContent).kind, 'plaintext');
    const text = (plain.contents as MarkupContent).value;
    assert.doesNotMatch(text, /\*\*|`|command:|\|/);
    assert.match(text, /^إسبانيا · Country ES\n\nCanonical name: Spain\n\nNot tagged: tagging writes ES to countries\n\n/);
    assert.match(text, /\n {2}ar: إسبانيا \(preferred\)، مملكة إسبانيا\n/);
  });

  it('gives semantic tokens and entity ranges that cover exactly the Arabic mentions', async () => {
    client = await LspClient.start();
    const uri = await client.open('communiques/ar-cell.md', CELL);
    const doc = TextDocument.create(uri, 'markdown', 1, CELL);
    const result = (await client.request('communique/entities', { textDocument: { uri } })) as NonNullable<EntitiesResult>;
    assert.ok(result.entities.length >= 25, `${result.entities.length} entities`);
    for (const m of result.entities) assert.equal(doc.getText(m.range), m.text, `${m.id} ${JSON.stringify(m.range)}`);
    const byText = (text: string): EntityMention => {
      const found = result.entities.find((m) => m.text === text);
      assert.ok(found, text);
      return found;
    };
    assert.deepEqual(byText('اسبانيا').range, rangeAt(CELL, CELL.indexOf('واسبانيا') + 1, 'اسبانيا'.length));
    assert.deepEqual(byText('تنظيم داعش').range, rangeAt(CELL, CELL.indexOf('لتنظيم داعش') + 1, 'تنظيم داعش'.length));
    assert.deepEqual([byText('المديرية العامة للأمن الوطني').state, byText('DGSN').state, byText('المَغْرِب').state], ['tagged', 'tagged', 'tagged']);
    assert.equal(byText('Espagne').state, 'untagged');

    const legend = client.initializeResult.capabilities.semanticTokensProvider!.legend;
    const tokens = (await client.request('textDocument/semanticTokens/full', { textDocument: { uri } })) as SemanticTokens;
    const decoded = decodeTokens(tokens.data, legend.tokenTypes);
    // Tokens never overlap, so nested mentions ("الحرس المدني الإسباني" and its country) give one token each
    // where they do not overlap; every token is the range of a mention, in its category.
    assert.ok(decoded.length >= 20, `${decoded.length} tokens`);
    for (const [line, character, length, type] of decoded) {
      const text = doc.getText({ start: { line, character }, end: { line, character: character + length } });
      const mention = result.entities.find((m) => m.range.start.line === line && m.range.start.character === character && m.text.length === length);
      assert.ok(mention, `token "${text}" at ${line}:${character} is no mention`);
      assert.equal(type, mention.category, text);
    }
    const tokenTexts = decoded.map(([line, character, length]) => doc.getText({ start: { line, character }, end: { line, character: character + length } }));
    for (const text of ['المَغْرِب', 'إسبـــانيا', 'مُتطرِّفة', 'DGSN', 'Maroc', 'Espagne']) assert.ok(tokenTexts.includes(text), `no token for ${text}`);
  });

  it('reports the document language in the entities answer: declared, detected, mixed or default', async () => {
    client = await LspClient.start();
    const declared = (await client.request('communique/entities', { textDocument: { uri: await client.open('communiques/ar-cell.md', CELL) } })) as NonNullable<EntitiesResult>;
    assert.equal(declared.language, 'ar');
    assert.equal(declared.languageSource, 'front-matter');
    assert.deepEqual(
      declared.paragraphLanguages!.map((p) => p.language),
      ['ar', 'fr'],
    );
    assert.ok(Math.abs(declared.paragraphLanguages!.reduce((n, p) => n + p.share, 0) - 1) < 0.01);

    const detected = (await client.request('communique/entities', { textDocument: { uri: await client.open('communiques/ar-migration.md', MIGRATION) } })) as NonNullable<EntitiesResult>;
    assert.deepEqual([detected.language, detected.languageSource, detected.paragraphLanguages], ['ar', 'detected', [{ language: 'ar', share: 1 }]]);

    const french = (await client.request('communique/entities', { textDocument: { uri: await client.open('communiques/fr-quote.md', FRENCH) } })) as NonNullable<EntitiesResult>;
    assert.deepEqual([french.language, french.languageSource], ['fr', 'detected']);
    assert.deepEqual(
      french.paragraphLanguages!.map((p) => p.language),
      ['fr', 'ar'],
    );

    for (const [name, text, language] of [
      ['en', 'Europol and the Spanish police dismantled a network that was smuggling migrants across the Strait of Gibraltar.', 'en'],
      ['es', 'La Guardia Civil ha detenido a cinco personas por su presunta pertenencia a una red dedicada al tráfico de drogas.', 'es'],
    ] as const) {
      const answer = (await client.request('communique/entities', { textDocument: { uri: await client.open(`communiques/${name}.md`, text) } })) as NonNullable<EntitiesResult>;
      assert.deepEqual([answer.language, answer.languageSource], [language, 'detected'], name);
    }
    const short = (await client.request('communique/entities', { textDocument: { uri: await client.open('communiques/short.md', 'Maroc.\n') } })) as NonNullable<EntitiesResult>;
    assert.deepEqual([short.language, short.languageSource], ['fr', 'default']);
  });
});
