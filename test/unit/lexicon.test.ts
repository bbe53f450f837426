/**
 * The lexicon loader: YAML parsing and validation (with the line of every problem), variant
 * expansion (inflections, case rules, kinds), the merging of layers, hostile input, and the Node
 * side that reads the files.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildLexicon,
  expandForms,
  inflectArabic,
  inflectEnglish,
  inflectFrench,
  inflectSpanish,
  lexiconKey,
  parseLexiconText,
  treeFromYaml,
  type LexiconSourceText,
} from '#core/lexicon/index';
import type { Lexicon, LexiconProblem, Variant } from '#core/types';
import { loadLexicon } from '#node/lexiconFiles';

/** Joins lines with LF; lexicon texts in these tests are written one YAML line per string. */
const yaml = (...lines: string[]): string => lines.join('\n') + '\n';
const file = (name: string, ...lines: string[]): LexiconSourceText => ({ file: name, text: yaml(...lines) });

function variant(lexicon: Lexicon, id: string, text: string, lang?: string): Variant | undefined {
  return lexicon.entries.get(id)?.variants.find((v) => v.text === text && (lang === undefined || v.lang === lang));
}

function texts(lexicon: Lexicon, id: string, lang?: string): string[] {
  return (lexicon.entries.get(id)?.variants ?? []).filter((v) => lang === undefined || v.lang === lang).map((v) => v.text);
}

function onlyProblem(problems: readonly LexiconProblem[]): LexiconProblem {
  assert.equal(problems.length, 1, JSON.stringify(problems, null, 1));
  return problems[0]!;
}

const SPAIN = [
  'version: 1',
  'entries:',
  '  - id: ES',
  '    category: country',
  '    names:',
  '      fr: [Espagne, Royaume d’Espagne]',
  '      en: [Spain]',
  '      es: [España]',
  '      ar: [إسبانيا]',
  '    demonyms:',
  '      fr: [espagnol]',
  '      es: [español]',
  '      en: [Spanish, Spaniard]',
  '      ar: [إسباني]',
  '    combining:',
  '      fr: [hispano]',
];

describe('lexicon: parsing and validation', () => {
  it('reads entries with their names per language and the line each entry starts on', () => {
    const lexicon = buildLexicon([
      file(
        'countries.yaml',
        ...SPAIN,
        '  - id: dgsn',
        '    category: actor',
        '    type: organization',
        '    name: Direction générale de la Sûreté nationale',
        '    names:',
        '      fr: [Direction générale de la Sûreté nationale, DGSN, Sûreté nationale]',
        '      ar: [المديرية العامة للأمن الوطني]',
        '    notes: Police marocaine.',
      ),
    ]);
    assert.deepEqual(lexicon.problems, []);
    const es = lexicon.entries.get('ES')!;
    assert.equal(es.category, 'country');
    assert.equal(es.name, 'Spain', 'the canonical name defaults to the first English name');
    assert.deepEqual(es.names['fr'], ['Espagne', 'Royaume d’Espagne']);
    assert.deepEqual(es.origin, { file: 'countries.yaml', line: 3 });
    const dgsn = lexicon.entries.get('dgsn')!;
    assert.equal(dgsn.type, 'organization');
    assert.equal(dgsn.name, 'Direction générale de la Sûreté nationale');
    assert.equal(dgsn.notes, 'Police marocaine.');
    assert.equal(dgsn.origin.line, 17);
    assert.deepEqual(variant(lexicon, 'dgsn', 'DGSN'), { text: 'DGSN', lang: 'fr', kind: 'acronym', caseRule: 'exact' });
  });

  it('reports an unknown category on its line and column, and still loads the other entries', () => {
    const parsed = parseLexiconText(
      file(
        'regions.yaml',
        'version: 1',
        'entries:',
        '  - id: sahel',
        '    category: region',
        '    names: {fr: [Sahel]}',
        '  - id: atlantis',
        '    category: continent',
        '    names: {en: [Atlantis]}',
      ),
    );
    assert.deepEqual(parsed.entries.map((e) => e.id), ['sahel']);
    const p = onlyProblem(parsed.problems);
    assert.equal(p.file, 'regions.yaml');
    assert.equal(p.line, 7);
    assert.equal(p.column, 15);
    assert.equal(p.severity, 'error');
    assert.match(p.message, /Unknown category `continent`/);
  });

  it('reports an entry without id', () => {
    const p = onlyProblem(parseLexiconText(file('a.yaml', 'entries:', '  - category: threat', '    names: {fr: [fraude]}')).problems);
    assert.equal(p.line, 2);
    assert.match(p.message, /without `id`/);
  });

  it('reports empty or missing names', () => {
    const parsed = parseLexiconText(
      file(
        'threats.yaml',
        'entries:',
        '  - id: fraud',
        '    category: threat',
        '  - id: espionage',
        '    category: threat',
        '    names: {fr: []}',
        '  - id: cybercrime',
        '    category: threat',
        '    names: {fr: ["  "]}',
      ),
    );
    assert.deepEqual(parsed.entries, []);
    assert.deepEqual(
      parsed.problems.map((p) => [p.line, p.message]),
      [
        [2, 'Entry `fraud` has no names.'],
        [6, 'Empty list of names for `fr`.'],
        [9, 'Empty names item for `fr`.'],
      ],
    );
  });

  it('reports an actor without type', () => {
    const p = onlyProblem(
      parseLexiconText(file('actors.yaml', 'entries:', '  - id: europol', '    category: actor', '    names: {en: [Europol]}')).problems,
    );
    assert.equal(p.line, 2);
    assert.match(p.message, /Actor `europol` has no `type`/);
  });

  it('reports a duplicate id on the line of the second definition and keeps the first', () => {
    const parsed = parseLexiconText(
      file(
        'actors.yaml',
        'entries:',
        '  - id: interpol',
        '    category: actor',
        '    type: organization',
        '    names: {fr: [Interpol]}',
        '  - id: interpol',
        '    category: actor',
        '    type: organization',
        '    names: {fr: [OIPC]}',
      ),
    );
    assert.equal(parsed.entries.length, 1);
    assert.equal(parsed.entries[0]!.forms[0]!.text, 'Interpol');
    const p = onlyProblem(parsed.problems);
    assert.equal(p.line, 6);
    assert.match(p.message, /Duplicate id `interpol`.*line 2/);
  });

  it('reports wrong types and skips only the entry they are in', () => {
    const parsed = parseLexiconText(
      file(
        'threats.yaml',
        'entries:',
        '  - id: drug-trafficking',
        '    category: threat',
        '    names: [trafic de drogue]',
        '  - id: arms-trafficking',
        '    category: threat',
        '    names: {fr: [trafic d’armes]}',
        '    frames:',
        '      - {lang: fr, heads: [trafic], objects: [armes], window: six}',
        '  - id: terrorism',
        '    category: threat',
        '    disabled: yes please',
        '    names: {fr: [terrorisme]}',
        '  - id: fraud',
        '    category: threat',
        '    names: {fr: [fraude, {text: escroquerie, case: sometimes}]}',
        '  - id: cybercrime',
        '    category: threat',
        '    names: {fr: [cybercriminalité]}',
      ),
    );
    assert.deepEqual(parsed.entries.map((e) => e.id), ['cybercrime']);
    assert.deepEqual(
      parsed.problems.map((p) => p.line),
      [4, 9, 12, 16],
    );
    assert.match(parsed.problems[0]!.message, /`names` must map a language code/);
    assert.match(parsed.problems[1]!.message, /`window` must be a whole number/);
    assert.match(parsed.problems[2]!.message, /`disabled` must be true or false/);
    assert.match(parsed.problems[3]!.message, /`case` must be one of/);
  });

  it('reports a YAML syntax error with its line, skips the broken entry and keeps the rest', () => {
    const parsed = parseLexiconText(
      file(
        'broken.yaml',
        'entries:',
        '  - id: sahel',
        '    category: region',
        '    names: {fr: [Sahel]}',
        '  - id: sahara',
        '    category: region',
        '    names: {fr: [Sahara}',
        '  - id: maghreb',
        '    category: region',
        '    names: {fr: [Maghreb]}',
      ),
    );
    assert.ok(parsed.problems.length >= 1);
    assert.ok(parsed.problems.every((p) => p.severity === 'error' && /YAML syntax error/.test(p.message)));
    assert.equal(parsed.problems[0]!.line, 7);
    const ids = parsed.entries.map((e) => e.id);
    assert.ok(ids.includes('sahel'), 'the entry before the error loads');
    assert.ok(!ids.includes('sahara'), 'the broken entry is skipped');
  });

  it('warns about unknown keys but loads the entry', () => {
    const parsed = parseLexiconText(file('a.yaml', 'entries:', '  - id: sahel', '    category: region', '    nmes: {fr: [Sahel]}', '    names: {fr: [Sahel]}'));
    assert.equal(parsed.entries.length, 1);
    const p = onlyProblem(parsed.problems);
    assert.equal(p.severity, 'warning');
    assert.equal(p.line, 4);
  });

  it('reads `deprecated` in its three spellings and `preferred`', () => {
    const lexicon = buildLexicon([
      file(
        'threats.yaml',
        'entries:',
        '  - id: irregular-migration',
        '    category: threat',
        '    names:',
        '      fr:',
        '        - {text: immigration clandestine, deprecated: {reason: "Préférer « migration irrégulière »."}}',
        '        - {text: migration irrégulière, preferred: true}',
        '        - {text: immigration illégale, deprecated: true}',
        '        - {text: émigration clandestine, deprecated: "Terme connoté"}',
      ),
    ]);
    assert.deepEqual(lexicon.problems, []);
    assert.deepEqual(variant(lexicon, 'irregular-migration', 'immigration clandestine')?.deprecated, { reason: 'Préférer « migration irrégulière ».' });
    assert.deepEqual(variant(lexicon, 'irregular-migration', 'immigration illégale')?.deprecated, {});
    assert.deepEqual(variant(lexicon, 'irregular-migration', 'émigration clandestine')?.deprecated, { reason: 'Terme connoté' });
    assert.equal(variant(lexicon, 'irregular-migration', 'migration irrégulière')?.preferred, true);
    assert.equal(variant(lexicon, 'irregular-migration', 'immigration clandestine')?.preferred, undefined);
    assert.equal(lexicon.entries.get('irregular-migration')!.names['fr']![0], 'migration irrégulière', 'the preferred term leads its list');
  });

  it('reads threat frames with their defaults', () => {
    const lexicon = buildLexicon([
      file(
        'threats.yaml',
        'entries:',
        '  - id: drug-trafficking',
        '    category: threat',
        '    names: {en: [drug trafficking]}',
        '    frames:',
        '      - lang: fr',
        '        heads: [trafic, trafiquants]',
        '        objects: [cocaïne, résine de cannabis]',
        '      - {lang: en, heads: [trafficking], objects: [cocaine], window: 2, objectFirstWindow: 1}',
      ),
    ]);
    assert.deepEqual(lexicon.problems, []);
    assert.deepEqual(lexicon.entries.get('drug-trafficking')!.frames, [
      { lang: 'fr', heads: ['trafic', 'trafiquants'], objects: ['cocaïne', 'résine de cannabis'], window: 6, objectFirstWindow: 0 },
      { lang: 'en', heads: ['trafficking'], objects: ['cocaine'], window: 2, objectFirstWindow: 1 },
    ]);
  });

  it('accepts aliases to share one list between languages', () => {
    const lexicon = buildLexicon([
      file(
        'actors.yaml',
        'entries:',
        '  - id: abdellatif-hammouchi',
        '    category: actor',
        '    type: person',
        '    names:',
        '      fr: &name [Abdellatif Hammouchi, Hammouchi]',
        '      en: *name',
        '      es: *name',
      ),
    ]);
    assert.deepEqual(lexicon.problems, []);
    assert.deepEqual(lexicon.entries.get('abdellatif-hammouchi')!.names['es'], ['Abdellatif Hammouchi', 'Hammouchi']);
  });
});

describe('lexicon: hostile and unusual input', () => {
  it('accepts a comment-only file and a file with only `version`, and warns about an empty one (issue 6)', () => {
    for (const text of ['# nothing yet\n', 'version: 1\n']) {
      const parsed = parseLexiconText({ file: 'placeholder.yaml', text });
      assert.deepEqual(parsed.problems, [], JSON.stringify(text));
      assert.deepEqual(parsed.entries, []);
    }
    for (const text of ['', '   \n\n']) {
      const parsed = parseLexiconText({ file: 'empty.yaml', text });
      assert.deepEqual(parsed.problems, [{ file: 'empty.yaml', line: 1, column: 1, message: 'The lexicon file is empty: it defines no entries.', severity: 'warning' }], JSON.stringify(text));
      assert.deepEqual(parsed.entries, []);
    }
  });

  it('reports a scalar or a list where a mapping is expected', () => {
    assert.match(onlyProblem(parseLexiconText({ file: 'a.yaml', text: 'Maroc\n' }).problems).message, /must be a mapping/);
    assert.match(onlyProblem(parseLexiconText({ file: 'a.yaml', text: '- Maroc\n- Espagne\n' }).problems).message, /must be a mapping/);
    assert.match(onlyProblem(parseLexiconText({ file: 'a.yaml', text: 'entries: Maroc\n' }).problems).message, /`entries` must be a list/);
  });

  it('reports binary data without throwing', () => {
    let seed = 7;
    const bytes = Buffer.alloc(20_000);
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = seed & 0xff;
    }
    const withNul = parseLexiconText({ file: 'image.png', text: bytes.toString('latin1') });
    assert.match(onlyProblem(withNul.problems).message, /Not a text file/);
    const noNul = parseLexiconText({ file: 'junk.yaml', text: bytes.toString('latin1').replace(/\0/g, '\u0001') });
    assert.ok(noNul.problems.length > 0);
    assert.deepEqual(noNul.entries, []);
  });

  it('refuses a 5 MB single line of YAML quickly, and reads 5 MB of JSON', () => {
    const yamlText = 'entries: [' + '{id: x, category: region, names: {fr: [Sahel]}}, '.repeat(110_000) + ']';
    assert.ok(yamlText.length > 5_000_000);
    assert.match(onlyProblem(parseLexiconText({ file: 'big.yaml', text: yamlText }).problems).message, /too large for the YAML reader/);
    assert.match(onlyProblem(parseLexiconText({ file: 'junk.yaml', text: 'x'.repeat(5_000_001) }).problems).message, /too large/);

    const entries = Array.from({ length: 40_000 }, (_, i) => ({ id: `brigade-${i}`, category: 'actor', type: 'organization', names: { fr: [`Brigade régionale numéro ${i}`, `Brigade ${i}`] } }));
    const jsonText = JSON.stringify({ version: 1, entries });
    assert.ok(jsonText.length > 5_000_000 && !jsonText.includes('\n'), 'one 5 MB line');
    const lexicon = buildLexicon([{ file: 'big.json.yaml', text: jsonText }]);
    assert.deepEqual(lexicon.problems, []);
    assert.equal(lexicon.entries.size, 40_000);
    assert.equal(lexicon.entries.get('brigade-39999')!.origin.line, 1);
  });

  it('stops an alias bomb', () => {
    const text = yaml(
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'entries: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
    );
    const p = onlyProblem(parseLexiconText({ file: 'bomb.yaml', text }).problems);
    assert.match(p.message, /Too many alias uses/);
  });

  it('reads CRLF line endings and a BOM, with the right line numbers', () => {
    const text = '\uFEFF' + yaml(...SPAIN, '  - id: FR', '    category: nation', '    names: {fr: [France]}').replace(/\n/g, '\r\n');
    const parsed = parseLexiconText({ file: 'crlf.yaml', text });
    assert.deepEqual(parsed.entries.map((e) => e.id), ['ES']);
    assert.equal(parsed.entries[0]!.forms[0]!.text, 'Espagne', 'no stray \\r in the forms');
    const p = onlyProblem(parsed.problems);
    assert.equal(p.line, 18);
    assert.equal(p.column, 15);
  });

  it('rejects a `__proto__` id or language without touching any prototype', () => {
    const parsed = parseLexiconText(
      file(
        'evil.yaml',
        'entries:',
        '  - id: __proto__',
        '    category: country',
        '    names: {fr: [Nulle part]}',
        '  - id: constructor',
        '    category: country',
        '    names: {__proto__: [polluted], fr: [Ailleurs]}',
        '  - id: XX',
        '    category: country',
        '    names: {fr: [Quelque part]}',
        '    __proto__: {polluted: true}',
      ),
    );
    assert.deepEqual(parsed.entries.map((e) => e.id), ['XX']);
    assert.equal(parsed.problems.filter((p) => p.severity === 'error').length, 2);
    assert.match(parsed.problems[0]!.message, /Invalid id `__proto__`/);
    assert.match(parsed.problems[1]!.message, /`__proto__` is not a language code/);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
  });

  it('reads the compact JSON form with the same result and entry lines', () => {
    const asYaml = parseLexiconText(file('a.yaml', ...SPAIN));
    const json = {
      version: 1,
      entries: [
        { id: 'ES', category: 'country', names: { fr: ['Espagne', 'Royaume d’Espagne'], en: ['Spain'], es: ['España'], ar: ['إسبانيا'] },
          demonyms: { fr: ['espagnol'], es: ['español'], en: ['Spanish', 'Spaniard'], ar: ['إسباني'] }, combining: { fr: ['hispano'] } },
        { id: 'PT', category: 'land', names: { fr: ['Portugal'] } },
      ],
    };
    const text = '# generated\n# comment\n{"version": 1, "entries": [\n  ' + json.entries.map((e) => JSON.stringify(e)).join(',\n  ') + '\n]}\n';
    const asJson = parseLexiconText({ file: 'a.yaml', text });
    assert.deepEqual(asJson.entries.map((e) => ({ ...e, line: 0, column: 0 })), asYaml.entries.map((e) => ({ ...e, line: 0, column: 0 })));
    assert.equal(asJson.entries[0]!.line, 4);
    const p = onlyProblem(asJson.problems);
    assert.equal(p.line, 5);
    assert.match(p.message, /Unknown category `land`/);
  });

  it('uses a snapshot tree when given, and parses the text when the tree is damaged', () => {
    const source = file('a.yaml', ...SPAIN);
    const plain = parseLexiconText(source);
    assert.deepEqual(parseLexiconText({ ...source, tree: treeFromYaml(source.text) }), plain);
    const damaged = { root: { k: 'm', s: 0, e: 99_999_999, items: 'nope' }, errors: [], warnings: [] } as never;
    assert.deepEqual(parseLexiconText({ ...source, tree: damaged }), plain);
  });
});

describe('lexicon: demonym inflection', () => {
  it('French: gender and number, with the spelling rules of the endings', () => {
    assert.deepEqual(inflectFrench('marocain'), ['marocaine', 'marocains', 'marocaines']);
    assert.deepEqual(inflectFrench('espagnol'), ['espagnole', 'espagnols', 'espagnoles']);
    assert.deepEqual(inflectFrench('algérien'), ['algérienne', 'algériens', 'algériennes']);
    assert.deepEqual(inflectFrench('européen'), ['européenne', 'européens', 'européennes']);
    assert.deepEqual(inflectFrench('français'), ['française', 'françaises'], '-ais: the masculine plural is invariable');
    assert.deepEqual(inflectFrench('chinois'), ['chinoise', 'chinoises']);
    assert.deepEqual(inflectFrench('belge'), ['belges']);
    assert.deepEqual(inflectFrench('turc'), ['turque', 'turcs', 'turques']);
    assert.deepEqual(inflectFrench('grec'), ['grecque', 'grecs', 'grecques']);
    assert.deepEqual(inflectFrench('sud-africain'), ['sud-africaine', 'sud-africains', 'sud-africaines']);
  });

  it('Spanish: -o, consonants (dropping the written accent), stressed -í, -e and -a', () => {
    assert.deepEqual(inflectSpanish('español'), ['española', 'españoles', 'españolas']);
    assert.deepEqual(inflectSpanish('francés'), ['francesa', 'franceses', 'francesas']);
    assert.deepEqual(inflectSpanish('alemán'), ['alemana', 'alemanes', 'alemanas']);
    assert.deepEqual(inflectSpanish('sirio'), ['siria', 'sirios', 'sirias']);
    assert.deepEqual(inflectSpanish('marroquí'), ['marroquíes', 'marroquís']);
    assert.deepEqual(inflectSpanish('estadounidense'), ['estadounidenses']);
    assert.deepEqual(inflectSpanish('belga'), ['belgas']);
  });

  it('English: plural nouns for -an, -i, -er demonyms, none for -ish, -ese, -ch', () => {
    assert.deepEqual(inflectEnglish('Moroccan'), ['Moroccans']);
    assert.deepEqual(inflectEnglish('Pakistani'), ['Pakistanis']);
    assert.deepEqual(inflectEnglish('New Zealander'), ['New Zealanders']);
    assert.deepEqual(inflectEnglish('Czech'), ['Czechs']);
    assert.deepEqual(inflectEnglish('Spanish'), []);
    assert.deepEqual(inflectEnglish('Chinese'), []);
    assert.deepEqual(inflectEnglish('Dutch'), []);
  });

  it('Arabic: the nisba forms from the masculine or the feminine', () => {
    assert.deepEqual(inflectArabic('مغربي'), ['مغربية', 'مغربيون', 'مغربيين', 'مغربيات', 'مغربيان', 'مغربيتان', 'مغربيتين']);
    assert.deepEqual(inflectArabic('جزائرية'), ['جزائري', 'جزائريون', 'جزائريين', 'جزائريات', 'جزائريان', 'جزائريتان', 'جزائريتين']);
    assert.deepEqual(inflectArabic('مغاربة'), [], 'a broken plural is data, not a rule');
  });

  it('expands demonyms in a lexicon, so "espagnoles", "marroquíes" and "المغربية" are variants', () => {
    const lexicon = buildLexicon([file('c.yaml', ...SPAIN)]);
    assert.deepEqual(texts(lexicon, 'ES', 'fr'), ['Espagne', 'Royaume d’Espagne', 'espagnol', 'espagnole', 'espagnols', 'espagnoles', 'hispano']);
    assert.deepEqual(texts(lexicon, 'ES', 'es'), ['España', 'español', 'española', 'españoles', 'españolas']);
    assert.deepEqual(texts(lexicon, 'ES', 'en'), ['Spain', 'Spanish', 'Spaniard', 'Spaniards']);
    assert.deepEqual(texts(lexicon, 'ES', 'ar'), ['إسبانيا', 'إسباني', 'إسبانية', 'إسبانيون', 'إسبانيين', 'إسبانيات', 'إسبانيان', 'إسبانيتان', 'إسبانيتين']);
  });

  it('keeps a demonym as written with `inflect: false` and carries `deprecated` to its inflections', () => {
    const variants = expandForms('country', [
      { text: 'galo', lang: 'es', section: 'demonyms', inflect: false },
      { text: 'hollandais', lang: 'fr', section: 'demonyms', deprecated: { reason: 'Préférer « néerlandais ».' } },
    ]);
    assert.deepEqual(variants.filter((v) => v.lang === 'es').map((v) => v.text), ['galo']);
    const fr = variants.filter((v) => v.lang === 'fr');
    assert.deepEqual(fr.map((v) => v.text), ['hollandais', 'hollandaise', 'hollandaises']);
    assert.ok(fr.every((v) => v.deprecated?.reason === 'Préférer « néerlandais ».' && v.kind === 'demonym'));
  });
});

describe('lexicon: kinds and case-rule defaults', () => {
  const lexicon = buildLexicon([
    file(
      'mixed.yaml',
      ...SPAIN,
      '      en: [Iberian]',
      '  - id: gulf-of-guinea',
      '    category: region',
      '    names: {fr: [golfe de Guinée], en: [Gulf of Guinea]}',
      '  - id: european-union',
      '    category: actor',
      '    type: organization',
      '    names: {fr: [Union européenne, UE], en: [EU, {text: Brussels, case: capitalized}], es: ["EE. UU."]}',
      '  - id: terrorism',
      '    category: threat',
      '    names: {fr: [terrorisme], ar: [{text: إرهاب, case: exact}]}',
    ),
  ]);

  it('country and region names are capitalized unless written in lower case', () => {
    assert.equal(variant(lexicon, 'ES', 'Espagne')?.caseRule, 'capitalized');
    assert.equal(variant(lexicon, 'gulf-of-guinea', 'Gulf of Guinea')?.caseRule, 'capitalized');
    assert.equal(variant(lexicon, 'gulf-of-guinea', 'golfe de Guinée')?.caseRule, 'fold');
  });

  it('acronyms are exact, also with dots; other actor names fold', () => {
    assert.deepEqual(variant(lexicon, 'european-union', 'UE'), { text: 'UE', lang: 'fr', kind: 'acronym', caseRule: 'exact' });
    assert.equal(variant(lexicon, 'european-union', 'EE. UU.')?.kind, 'acronym');
    assert.equal(variant(lexicon, 'european-union', 'Union européenne')?.caseRule, 'fold');
    assert.equal(variant(lexicon, 'european-union', 'Brussels')?.caseRule, 'capitalized', 'an explicit case wins');
  });

  it('English demonyms are capitalized, French and Spanish ones fold, combining forms fold', () => {
    assert.equal(variant(lexicon, 'ES', 'Spaniards')?.caseRule, 'capitalized');
    assert.equal(variant(lexicon, 'ES', 'espagnoles')?.caseRule, 'fold');
    assert.equal(variant(lexicon, 'ES', 'españolas')?.caseRule, 'fold');
    assert.deepEqual(variant(lexicon, 'ES', 'hispano'), { text: 'hispano', lang: 'fr', kind: 'combining', caseRule: 'fold' });
  });

  it('Arabic always folds, whatever the lexicon says', () => {
    assert.equal(variant(lexicon, 'terrorism', 'إرهاب')?.caseRule, 'fold');
    assert.equal(variant(lexicon, 'ES', 'إسبانيا')?.caseRule, 'fold');
  });

  it('the first name of each language is preferred', () => {
    const preferred = lexicon.entries.get('ES')!.variants.filter((v) => v.preferred).map((v) => `${v.lang}:${v.text}`);
    assert.deepEqual(preferred, ['fr:Espagne', 'en:Spain', 'es:España', 'ar:إسبانيا']);
  });
});

describe('lexicon: merging layers', () => {
  const builtin = file(
    'builtin.yaml',
    ...SPAIN,
    '  - id: MA',
    '    category: country',
    '    names: {fr: [Maroc], en: [Morocco]}',
    '    demonyms: {fr: [marocain]}',
    '  - id: sahara',
    '    category: region',
    '    names: {fr: [Sahara]}',
  );

  it('a later definition of an id replaces the earlier one', () => {
    const lexicon = buildLexicon([
      builtin,
      file('workspace.yaml', 'entries:', '  - id: MA', '    category: country', '    names: {fr: [Royaume du Maroc]}'),
    ]);
    assert.deepEqual(texts(lexicon, 'MA'), ['Royaume du Maroc']);
    assert.deepEqual(lexicon.entries.get('MA')!.origin, { file: 'workspace.yaml', line: 2 });
  });

  it('`merge: extend` adds forms and keeps the original definition', () => {
    const lexicon = buildLexicon([
      builtin,
      file('overrides.yaml', 'entries:', '  - id: MA', '    merge: extend', '    names: {ar: [المغرب]}', '    combining: {fr: [maroco]}'),
    ]);
    assert.deepEqual(lexicon.problems, []);
    assert.deepEqual(texts(lexicon, 'MA', 'fr'), ['Maroc', 'marocain', 'marocaine', 'marocains', 'marocaines', 'maroco']);
    assert.deepEqual(texts(lexicon, 'MA', 'ar'), ['المغرب']);
    assert.equal(lexicon.entries.get('MA')!.origin.file, 'builtin.yaml');
  });

  it('`exclude` removes written forms and generated inflections', () => {
    const lexicon = buildLexicon([
      builtin,
      file('workspace.yaml', 'entries:', '  - id: MA', '    merge: extend', '    exclude: [MAROCAINES, Morocco]'),
    ]);
    assert.deepEqual(texts(lexicon, 'MA'), ['Maroc', 'marocain', 'marocaine', 'marocains']);
    assert.deepEqual(lexicon.entries.get('MA')!.names['en'], undefined);
  });

  it('`disabled: true` removes an entry of an earlier layer', () => {
    const lexicon = buildLexicon([builtin, file('workspace.yaml', 'entries:', '  - id: sahara', '    disabled: true')]);
    assert.equal(lexicon.entries.has('sahara'), false);
    assert.equal(lexicon.entries.has('MA'), true);
    assert.deepEqual(lexicon.problems, []);
  });

  it('`ignore` lists of every layer accumulate, folded', () => {
    const lexicon = buildLexicon([
      file('a.yaml', 'ignore: [Coupe du Monde]'),
      file('b.yaml', 'ignore: [Jeux olympiques, coupe-du-monde]', 'entries: []'),
    ]);
    assert.deepEqual([...lexicon.ignore].sort(), ['coupe du monde', 'jeux olympiques']);
    assert.equal(lexiconKey('Coupe du Monde'), lexiconKey('COUPE DU MONDE'));
  });

  it('reports extending or disabling an id no earlier layer defines', () => {
    const lexicon = buildLexicon([
      builtin,
      file('workspace.yaml', 'entries:', '  - id: PT', '    merge: extend', '    names: {fr: [Portugal]}', '  - id: atlantis', '    disabled: true'),
    ]);
    assert.deepEqual(
      lexicon.problems.map((p) => [p.file, p.line, p.severity]),
      [
        ['workspace.yaml', 2, 'error'],
        ['workspace.yaml', 5, 'warning'],
      ],
    );
    assert.equal(lexicon.entries.has('PT'), false);
  });

  it('reports an extension that changes the category', () => {
    const lexicon = buildLexicon([builtin, file('w.yaml', 'entries:', '  - id: MA', '    category: region', '    merge: extend', '    names: {fr: [Maghreb al-Aqsa]}')]);
    assert.match(onlyProblem(lexicon.problems).message, /extends a country entry but says category region/);
    assert.deepEqual(texts(lexicon, 'MA', 'fr').slice(0, 1), ['Maroc']);
  });

  it('a broken file does not prevent the other files from loading', () => {
    const lexicon = buildLexicon([
      builtin,
      { file: 'broken.yaml', text: 'entries:\n  - id: PT\n    names: {fr: [Portugal\n' },
      { file: 'binary.yaml', text: '\u0000\u0001PNG' },
      file('later.yaml', 'entries:', '  - id: DZ', '    category: country', '    names: {fr: [Algérie]}'),
    ]);
    assert.deepEqual([...lexicon.entries.keys()].sort(), ['DZ', 'ES', 'MA', 'sahara']);
    assert.deepEqual([...new Set(lexicon.problems.map((p) => p.file))], ['broken.yaml', 'binary.yaml']);
  });
});

describe('lexicon: reading files (Node)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'communique-lexicon-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('merges the workspace lexicon and extra paths over the built-in ones', () => {
    mkdirSync(join(dir, '.communique'));
    writeFileSync(
      join(dir, '.communique', 'lexicon.yaml'),
      yaml('entries:', '  - id: sahara', '    disabled: true', '  - id: brigade-nador', '    category: actor', '    type: organization', '    names: {fr: [Brigade de Nador]}'),
    );
    writeFileSync(join(dir, 'extra.yaml'), yaml('entries:', '  - id: brigade-nador', '    merge: extend', '    names: {es: [Brigada de Nador]}'));
    const lexicon = loadLexicon({ workspaceFolder: dir, extraPaths: ['extra.yaml'] });
    assert.deepEqual(lexicon.problems, []);
    assert.equal(lexicon.entries.has('sahara'), false);
    assert.deepEqual(lexicon.entries.get('brigade-nador')!.names['es'], ['Brigada de Nador']);
    assert.ok(lexicon.entries.has('MA') && lexicon.entries.has('terrorism'));
  });

  it('turns a missing or binary extra file into a problem and loads everything else', () => {
    writeFileSync(join(dir, 'photo.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d, 0x0a]));
    const lexicon = loadLexicon({ workspaceFolder: dir, extraPaths: ['missing.yaml', 'photo.yaml'] });
    assert.deepEqual(
      lexicon.problems.map((p) => [p.file.endsWith('missing.yaml'), p.message]),
      [
        [true, 'Cannot read lexicon: file not found.'],
        [false, 'Not a text file (it contains NUL bytes).'],
      ],
    );
    assert.ok(lexicon.entries.has('ES'));
  });

  it('loads only the given files with `noBuiltin`', () => {
    writeFileSync(join(dir, 'only.yaml'), yaml('entries:', '  - id: sahel', '    category: region', '    names: {fr: [Sahel]}'));
    const lexicon = loadLexicon({ noBuiltin: true, extraPaths: [join(dir, 'only.yaml')] });
    assert.deepEqual([...lexicon.entries.keys()], ['sahel']);
  });
});
