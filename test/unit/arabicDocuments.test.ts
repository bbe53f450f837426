/**
 * Arabic and mixed documents (issue 5): Arabic communiqués written for these tests
 * (test/fixtures/arabic/) annotated with the built-in lexicons. Ranges must be exact in
 * right-to-left text (UTF-16 offsets, with tashkeel, tatweel, proclitics, alef variants,
 * Arabic-Indic digits and Latin acronyms inside Arabic sentences), and a paragraph in another
 * language must be read with that language's names: a French or English quotation in an Arabic
 * release, an Arabic quotation in a French one.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildLexicon } from '#core/lexicon/index';
import { createRecognizer, type Recognizer } from '#core/recognize';
import { LineIndex } from '#core/text/positions';
import type { Category, Entity, Lexicon, Recognition } from '#core/types';
import { readBuiltinLexicons } from '#node/lexiconFiles';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'arabic');

function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

const FILES = {
  cell: 'ar-dgsn-khaliya-nador.communique.md',
  chira: 'ar-darak-chira-madiq.communique.md',
  migration: 'ar-hijra-nouadhibou.communique.md',
  frenchWithArabic: 'fr-dgsn-citation-arabe.communique.md',
} as const;

/** Sorted ids per category. */
function ids(result: Recognition): Record<Category, string[]> {
  const out: Record<Category, string[]> = { actor: [], country: [], region: [], threat: [] };
  for (const e of result.entities) if (e.source === 'lexicon' && !out[e.category].includes(e.id)) out[e.category].push(e.id);
  for (const list of Object.values(out)) list.sort();
  return out;
}

/** The entity whose text is `text`, the n-th such one in document order. */
function find(result: Recognition, text: string, n = 0): Entity {
  const found = result.entities.filter((e) => e.text === text);
  assert.ok(found[n], `no entity "${text}" (#${n}) among: ${result.entities.map((e) => e.text).join(' | ')}`);
  return found[n]!;
}

/** The paragraph language at an offset. */
function languageAt(result: Recognition, offset: number): string | undefined {
  return result.spans.find((s) => s.start <= offset && offset < s.end)?.language;
}

const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D3]/;
const ARABIC_MARK = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/**
 * What every entity of every document must satisfy: its text is the slice of its offsets, its range
 * is the LSP position of those offsets and back, on one line; it ends at a word end, and starts at
 * a word start or right after Arabic proclitics (و ف, then ب ك ل).
 */
function assertExactRanges(text: string, result: Recognition): void {
  const lines = new LineIndex(text);
  for (const e of result.entities) {
    const where = `${e.category} ${e.id} "${e.text}" at ${e.start}`;
    assert.equal(text.slice(e.start, e.end), e.text, where);
    assert.deepEqual(e.range, lines.rangeOf(e.start, e.end), where);
    assert.equal(lines.offsetAt(e.range.start), e.start, where);
    assert.equal(lines.offsetAt(e.range.end), e.end, where);
    assert.equal(e.range.start.line, e.range.end.line, `${where}: one line`);
    assert.ok(e.end <= text.length && e.start < e.end, where);
    assert.ok(!WORD_CHAR.test(text.charAt(e.end)), `${where}: cut before the end of a word ("${text.slice(e.start, e.end + 3)}")`);
    let wordStart = e.start;
    while (wordStart > 0 && WORD_CHAR.test(text.charAt(wordStart - 1))) wordStart--;
    if (wordStart < e.start) {
      const prefix = text.slice(wordStart, e.start);
      assert.ok(ARABIC_LETTER.test(prefix), `${where}: starts inside a word after "${prefix}"`);
      assert.match(prefix.replace(ARABIC_MARK, ''), /^[وف]?[بكل]?$/, `${where}: "${prefix}" is not a proclitic`);
    }
  }
}

describe('Arabic and mixed documents', function () {
  let lexicon: Lexicon;
  let recognizer: Recognizer;

  before(function () {
    lexicon = buildLexicon(readBuiltinLexicons());
    assert.deepEqual(lexicon.problems, []);
    recognizer = createRecognizer(lexicon);
  });

  it('gives exact UTF-16 ranges in every fixture, with and without heuristics, with LF and CRLF', () => {
    for (const name of Object.values(FILES)) {
      const lf = fixture(name);
      for (const text of [lf, lf.replace(/\n/g, '\r\n')]) {
        for (const heuristics of [false, true]) {
          const result = recognizer.recognize(text, { heuristics });
          assert.ok(result.entities.length >= 15, `${name}: ${result.entities.length} entities`);
          assertExactRanges(text, result);
        }
      }
      // CRLF moves offsets, never what is found.
      const crlf = recognizer.recognize(lf.replace(/\n/g, '\r\n'), { heuristics: false });
      assert.deepEqual(
        crlf.entities.map((e) => [e.id, e.text, e.range.start.line, e.range.start.character]),
        recognizer.recognize(lf, { heuristics: false }).entities.map((e) => [e.id, e.text, e.range.start.line, e.range.start.character]),
        name,
      );
    }
  });

  it('annotates a counter-terrorism release: proclitics, tashkeel, tatweel, alef without hamza, Latin acronyms', () => {
    const text = fixture(FILES.cell);
    const result = recognizer.recognize(text, { heuristics: false });
    assert.equal(result.language, 'ar');
    assert.equal(result.languageSource, 'front-matter');
    assert.deepEqual(ids(result), {
      actor: ['bcij', 'daesh', 'dgsn', 'dgst', 'guardia-civil'],
      country: ['BE', 'ES', 'FR', 'MA', 'ML'],
      region: ['sahel'],
      threat: ['organized-crime', 'terrorism', 'violent-extremism'],
    });
    // "بِالمَغْرِب": the preposition and its kasra stay outside; the article and the vowel marks inside.
    const withMarks = find(result, 'المَغْرِب');
    assert.equal(withMarks.id, 'MA');
    assert.equal(withMarks.start, text.indexOf('بِالمَغْرِب') + 2);
    assert.equal(withMarks.language, 'ar');
    // Tatweel inside a name.
    const stretched = find(result, 'إسبـــانيا');
    assert.deepEqual([stretched.id, stretched.start], ['ES', text.indexOf('إسبـــانيا')]);
    // Alef without hamza after the conjunction و.
    const bare = find(result, 'اسبانيا');
    assert.deepEqual([bare.id, bare.start], ['ES', text.indexOf('واسبانيا') + 1]);
    // ل before a multi-word actor.
    const daesh = find(result, 'تنظيم داعش');
    assert.deepEqual([daesh.id, daesh.start], ['daesh', text.indexOf('لتنظيم داعش') + 1]);
    // An adjective with shadda and kasra.
    assert.equal(find(result, 'مُتطرِّفة').id, 'violent-extremism');
    // Latin acronyms in parentheses inside Arabic sentences.
    const dgsn = find(result, 'DGSN');
    assert.deepEqual([dgsn.id, dgsn.start], ['dgsn', text.indexOf('(DGSN)') + 1]);
    assert.equal(find(result, 'BCIJ').id, 'bcij');
    // The Arabic-Indic digits of dates and amounts are never part of an entity.
    for (const e of result.entities) assert.doesNotMatch(e.text, /[\u0660-\u0669\u066B\u066C]/, e.text);
    // The first mention of the DGSN by its Arabic name, which contains "للأمن" (ل + الأمن).
    const full = find(result, 'المديرية العامة للأمن الوطني');
    assert.equal(full.id, 'dgsn');
    assert.deepEqual(full.range, new LineIndex(text).rangeOf(text.indexOf('المديرية العامة للأمن'), text.indexOf('المديرية العامة للأمن') + full.text.length));
  });

  it('reads a French quotation inside an Arabic release with the French names', () => {
    const text = fixture(FILES.cell);
    const result = recognizer.recognize(text, { heuristics: false });
    const quote = text.indexOf('« La coopération');
    assert.equal(languageAt(result, quote), 'fr');
    assert.equal(languageAt(result, text.indexOf('وتؤكد المديرية')), 'ar');
    for (const [mention, id] of [
      ['Maroc', 'MA'],
      ['Espagne', 'ES'],
      ['terroriste', 'terrorism'],
    ] as const) {
      const e = find(result, mention);
      assert.deepEqual([e.id, e.language], [id, 'fr'], mention);
      assert.ok(e.start > quote, mention);
    }
    // The same French word in an Arabic paragraph is not read as French.
    const arabicOnly = recognizer.recognize('---\nlang: ar\n---\n\nأكد المتحدث أن Maroc ليست كلمة عربية، وأن التعاون مع إسبانيا مستمر منذ سنوات طويلة.\n', { heuristics: false });
    assert.deepEqual(
      arabicOnly.entities.map((e) => e.text),
      ['إسبانيا'],
    );
  });

  it('reads English and Spanish quotations inside an Arabic drug-trafficking release', () => {
    const text = fixture(FILES.chira);
    const result = recognizer.recognize(text, { heuristics: false });
    assert.equal(result.language, 'ar');
    assert.deepEqual(ids(result), {
      actor: ['europol', 'frontex', 'gendarmerie-royale', 'guardia-civil'],
      country: ['ES', 'MA', 'NL'],
      region: ['europe', 'mediterranean', 'strait-of-gibraltar'],
      threat: ['drug-trafficking', 'migrant-smuggling', 'money-laundering', 'organized-crime'],
    });
    const english = text.indexOf('"This seizure');
    const spanish = text.indexOf('"La operación');
    assert.equal(languageAt(result, english), 'en');
    assert.equal(languageAt(result, spanish), 'es');
    for (const [mention, id, lang] of [
      ['Morocco', 'MA', 'en'],
      ['Spain', 'ES', 'en'],
      ['criminal networks', 'organized-crime', 'en'],
      ['Strait of Gibraltar', 'strait-of-gibraltar', 'en'],
      ['Europe', 'europe', 'en'],
      ['marroquí', 'MA', 'es'],
      ['tráfico de drogas', 'drug-trafficking', 'es'],
    ] as const) {
      const e = find(result, mention);
      assert.deepEqual([e.id, e.language], [id, lang], mention);
    }
    assert.equal(find(result, 'Gendarmería Real marroquí').id, 'gendarmerie-royale');
    // "مواطنان إسبانيان": the nominative dual of the nisba is a Spanish demonym too.
    const dual = find(result, 'إسبانيان');
    assert.deepEqual([dual.id, dual.start], ['ES', text.indexOf('إسبانيان')]);
    // "لمضيق جبل طارق": the region starts after the preposition.
    const strait = find(result, 'مضيق جبل طارق');
    assert.equal(strait.start, text.indexOf('لمضيق') + 1);
  });

  it('detects Arabic without front matter and recognises deprecated and preferred migration terms', () => {
    const text = fixture(FILES.migration);
    const result = recognizer.recognize(text, { heuristics: false });
    assert.deepEqual([result.language, result.languageSource], ['ar', 'detected']);
    assert.deepEqual(
      result.spans.map((s) => s.language),
      ['ar'],
    );
    assert.deepEqual(ids(result), {
      actor: ['european-union', 'iom', 'ma-ministry-of-interior'],
      country: ['CI', 'ES', 'GN', 'MA', 'MR', 'SN'],
      region: ['sub-saharan-africa'],
      threat: ['fraud', 'human-trafficking', 'irregular-migration', 'migrant-smuggling', 'organized-crime'],
    });
    const entry = lexicon.entries.get('irregular-migration')!;
    const deprecatedForms = (e: Entity): boolean => entry.variants.some((v) => v.lang === 'ar' && v.text === e.variant && v.deprecated !== undefined);
    const migration = result.entities.filter((e) => e.id === 'irregular-migration');
    assert.deepEqual(
      migration.map((e) => [e.text, deprecatedForms(e)]),
      [
        ['الهجرة السرية', true],
        ['للهجرة غير الشرعية', true],
        ['الهجرة غير النظامية', false],
      ],
    );
  });

  it('reads an Arabic quotation inside a French release with the Arabic names', () => {
    const text = fixture(FILES.frenchWithArabic);
    const result = recognizer.recognize(text, { heuristics: false });
    assert.deepEqual([result.language, result.languageSource], ['fr', 'detected']);
    assert.deepEqual(ids(result), {
      actor: ['dgsn', 'europol', 'policia-nacional'],
      country: ['ES', 'MA'],
      region: ['europe', 'latin-america', 'west-africa'],
      threat: ['drug-trafficking', 'money-laundering', 'organized-crime'],
    });
    const quote = text.indexOf('« إن هذه العملية');
    assert.equal(languageAt(result, quote), 'ar');
    assert.equal(languageAt(result, text.indexOf('Les investigations')), 'fr');
    const inQuote = result.entities.filter((e) => e.start > quote && e.start < text.indexOf('Les investigations'));
    assert.deepEqual(
      inQuote.map((e) => [e.text, e.id, e.language]),
      [
        ['المغرب', 'MA', 'ar'],
        ['إسبانيا', 'ES', 'ar'],
        ['الجريمة المنظمة', 'organized-crime', 'ar'],
        ['الاتجار الدولي بالمخدرات', 'drug-trafficking', 'ar'],
        ['المديرية العامة للأمن الوطني', 'dgsn', 'ar'],
      ],
    );
    assertExactRanges(text, result);
  });
});
