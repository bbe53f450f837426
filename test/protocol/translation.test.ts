/**
 * Translation consistency over a real stdio session (issue 5): a French source and its English
 * translation in the same folder. The translation's diagnostics follow the source: its open text
 * while it is open (unsaved edits included), the file on disk otherwise (watched-file events);
 * `translation-of:` problems; pulled diagnostics with a refresh when the source changes; and the
 * `communique/compareWithSource` request.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DocumentDiagnosticReportKind, type Diagnostic, type FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import type { COMPARE_WITH_SOURCE_REQUEST, CompareWithSourceResult } from '../../server/src/protocol';
import { FileChangeType, LspClient } from './harness';

const FIXTURES = resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'translation');
const FR = readFileSync(join(FIXTURES, 'saisie-cadix.fr.md'), 'utf8');
const EN = readFileSync(join(FIXTURES, 'saisie-cadix.en.md'), 'utf8');
const ES = readFileSync(join(FIXTURES, 'saisie-cadix.es.md'), 'utf8');

/** The request's method, checked against the shared constant (a value import would not resolve from test/out). */
const COMPARE: typeof COMPARE_WITH_SOURCE_REQUEST = 'communique/compareWithSource';

const SOURCE = 'press/saisie-cadix.fr.md';
const TRANSLATION = 'press/saisie-cadix.en.md';

/** The translation diagnostics of a list, as `code id`. */
function translationCodes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics
    .filter((d) => String(d.code).startsWith('translation.') || (d.data as { reason?: string } | undefined)?.reason === 'translation-of')
    .map((d) => `${String(d.code)} ${(d.data as { id?: string; reason?: string }).id ?? (d.data as { reason?: string }).reason}`);
}

describe('protocol: translation consistency', function () {
  let client: LspClient;
  afterEach(async () => {
    await client?.shutdown();
  });

  it('reports the country the translation dropped, with the source mentions as related information', async () => {
    client = await LspClient.start({ files: { [SOURCE]: FR, [TRANSLATION]: EN } });
    const uri = await client.open(TRANSLATION);
    const published = await client.diagnostics(uri);
    const missing = published.diagnostics.filter((d) => d.code === 'translation.missing-entity');
    assert.equal(missing.length, 1, JSON.stringify(published.diagnostics.map((d) => d.message)));
    const d = missing[0]!;
    assert.equal(d.message, 'Portugal (PT) is in the source but not in this translation');
    assert.equal(d.source, 'communique');
    // Sibling pairing: on the first line of the body.
    assert.deepEqual(d.range, { start: { line: 3, character: 0 }, end: { line: 3, character: '# Cocaine seized in the port of Cadiz'.length } });
    assert.deepEqual(d.data, {
      code: 'translation.missing-entity',
      category: 'country',
      id: 'PT',
      name: 'Portugal',
      value: 'PT',
      key: 'countries',
      source: 'saisie-cadix.fr.md',
      sourceLanguage: 'fr',
    });
    const related = d.relatedInformation ?? [];
    assert.equal(related.length, 2);
    assert.equal(related[0]!.location.uri, client.uri(SOURCE));
    const line = FR.split('\n')[related[0]!.location.range.start.line]!;
    assert.equal(line.slice(related[0]!.location.range.start.character, related[0]!.location.range.end.character), 'Portugal');
  });

  it('follows the open source as it is edited, then the disk copy once it is closed', async () => {
    client = await LspClient.start({ files: { [SOURCE]: FR, [TRANSLATION]: EN } });
    const uri = await client.open(TRANSLATION);
    assert.deepEqual(translationCodes((await client.diagnostics(uri)).diagnostics), ['translation.missing-entity PT']);

    // Typing in the source (not saved): Portugal goes, Italy comes.
    const source = await client.open(SOURCE);
    const withoutPortugal = FR.replace("la police judiciaire du Portugal", "la police judiciaire d'Italie").replace(' au Portugal', ' en Italie');
    const updated = client.nextDiagnostics(uri, (p) => translationCodes(p.diagnostics).join() === 'translation.missing-entity IT');
    await client.change(source, withoutPortugal);
    const italy = (await updated).diagnostics.find((d) => d.code === 'translation.missing-entity')!;
    assert.equal(italy.message, 'Italy (IT) is in the source but not in this translation');

    // Closed without saving: the file on disk still says Portugal.
    const reverted = client.nextDiagnostics(uri, (p) => translationCodes(p.diagnostics).join() === 'translation.missing-entity PT');
    await client.close(source);
    await reverted;

    // Saved elsewhere (a watched-file event): the disk copy now has every country of the translation.
    client.writeFile(SOURCE, FR.replace("avec la police judiciaire du Portugal et l'appui d'Europol", "avec l'appui d'Europol").replace(' au Portugal', ''));
    const complete = client.nextDiagnostics(uri, (p) => translationCodes(p.diagnostics).length === 0);
    await client.fileChanged(SOURCE);
    await complete;
  });

  it('compares each new version of the translation with the cached source', async () => {
    client = await LspClient.start({ files: { [SOURCE]: FR, [TRANSLATION]: EN } });
    const uri = await client.open(TRANSLATION);
    await client.diagnostics(uri);
    // Adding Portugal clears the diagnostic in that very version; removing it brings it back.
    const version = await client.change(uri, EN.replace("with Europol's support", "with Portugal's judicial police and Europol's support"));
    assert.deepEqual(translationCodes((await client.diagnostics(uri, version)).diagnostics), []);
    const again = await client.change(uri, EN);
    assert.deepEqual(translationCodes((await client.diagnostics(uri, again)).diagnostics), ['translation.missing-entity PT']);
  });

  it('reports a translation-of that names no file, and links once the file is created', async () => {
    const text = EN.replace('lang: en\n', 'lang: en\ntranslation-of: ../sources/cadix.md\n');
    client = await LspClient.start({ files: { 'press/en/cadix.md': text } });
    const uri = await client.open('press/en/cadix.md');
    const invalid = (await client.diagnostics(uri)).diagnostics.find((d) => d.code === 'frontmatter.invalid')!;
    assert.equal(invalid.message, 'translation-of names ../sources/cadix.md, which does not exist');
    assert.deepEqual(invalid.range, { start: { line: 2, character: 16 }, end: { line: 2, character: 35 } });
    assert.deepEqual(invalid.data, { code: 'frontmatter.invalid', reason: 'translation-of', detail: invalid.message });

    client.writeFile('press/sources/cadix.md', FR);
    const linked = client.nextDiagnostics(uri, (p) => translationCodes(p.diagnostics).join() === 'translation.missing-entity PT');
    await client.fileChanged('press/sources/cadix.md', FileChangeType.Created);
    const missing = (await linked).diagnostics.find((d) => d.code === 'translation.missing-entity')!;
    // On the translation-of line.
    assert.deepEqual(missing.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 35 } });
    assert.equal((missing.data as { source: string }).source, '../sources/cadix.md');
  });

  it('refuses a translation-of outside the workspace folder', async () => {
    const text = EN.replace('lang: en\n', 'lang: en\ntranslation-of: ../../../etc/hosts\n');
    client = await LspClient.start({ files: { 'press/cadix.md': text } });
    const uri = await client.open('press/cadix.md');
    const invalid = (await client.diagnostics(uri)).diagnostics.find((d) => d.code === 'frontmatter.invalid');
    assert.equal(invalid?.message, 'translation-of points outside the workspace folder (../../../etc/hosts): the source must be inside it');
  });

  it('asks a pull client to refresh when the source changes, and answers with the new diagnostics', async () => {
    client = await LspClient.start({ pullDiagnostics: true, files: { [SOURCE]: FR, [TRANSLATION]: EN } });
    const uri = await client.open(TRANSLATION);
    const first = (await client.pull(uri)) as FullDocumentDiagnosticReport;
    assert.equal(first.kind, DocumentDiagnosticReportKind.Full);
    assert.deepEqual(translationCodes(first.items), ['translation.missing-entity PT']);
    assert.equal((await client.pull(uri, first.resultId)).kind, DocumentDiagnosticReportKind.Unchanged);

    const source = await client.open(SOURCE);
    const refreshed = client.nextRefresh('diagnostics');
    await client.change(source, FR.replace(' au Portugal', ' au Portugal et en Grèce'));
    await refreshed;
    const second = (await client.pull(uri, first.resultId)) as FullDocumentDiagnosticReport;
    assert.equal(second.kind, DocumentDiagnosticReportKind.Full);
    assert.deepEqual(translationCodes(second.items), ['translation.missing-entity PT', 'translation.missing-entity GR']);
  });

  it('answers communique/compareWithSource with the entities of both documents', async () => {
    client = await LspClient.start({ files: { [SOURCE]: FR, [TRANSLATION]: EN, 'press/saisie-cadix.es.md': ES } });
    const uri = await client.open(TRANSLATION);
    const result = await client.request<CompareWithSourceResult>(COMPARE, { textDocument: { uri } });
    assert.equal(result.kind, 'compared');
    if (result.kind !== 'compared') return;
    assert.deepEqual(result.source, { uri: client.uri(SOURCE), version: null, language: 'fr', via: 'sibling', label: 'saisie-cadix.fr.md' });
    assert.equal(result.translation.language, 'en');
    assert.deepEqual(
      result.entities.map((e) => `${e.category} ${e.id} ${e.status} ${e.sourceMentions.length}/${e.translationMentions.length}`),
      [
        'actor guardia-civil both 1/1',
        'actor europol both 1/1',
        'country PT missing 2/0',
        'country EC both 1/1',
        'country ES both 1/1',
        'country MA both 2/2',
        'region strait-of-gibraltar both 1/1',
        'threat money-laundering both 1/1',
      ],
    );
    const ma = result.entities.find((e) => e.id === 'MA')!;
    assert.equal(ma.sourceName, 'Maroc');
    assert.equal(ma.translationName, 'Morocco');
    assert.deepEqual(ma.translationMentions.map((m) => m.text), ['Morocco', 'Moroccan']);

    const own = await client.open(SOURCE);
    const none = await client.request<CompareWithSourceResult>(COMPARE, { textDocument: { uri: own } });
    assert.equal(none.kind, 'no-source');
    assert.match(none.kind === 'no-source' ? none.message : '', /This document is a source/);
    // The source itself gets no translation diagnostics.
    assert.deepEqual(translationCodes((await client.diagnostics(own)).diagnostics), []);
  });
});
