/**
 * Language detection: one paragraph at a time in French, English, Spanish and Arabic, headlines
 * that are too short to tell, and documents that mix languages.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { detectLanguage, languageSpans } from '#core/language';
import { tokenColumns } from '#core/text/tokenColumns';
import { tokenize, tokenizeColumns, tokenizeWithColumns } from '#core/text/tokenize';

const FR =
  'La Direction générale de la sûreté nationale a annoncé mardi le démantèlement d’une cellule ' +
  'terroriste composée de quatre individus, qui préparaient des attentats dans plusieurs villes du Royaume.';
const EN =
  'Police officers from twelve countries took part in the operation, which was coordinated by the ' +
  'agency and led to the arrest of 45 suspects linked to an organised crime group.';
const ES =
  'Agentes de la Guardia Civil han detenido en Almería a cinco personas por su presunta pertenencia a ' +
  'una organización dedicada al tráfico de hachís desde el norte de Marruecos.';
const AR = 'أعلنت المديرية العامة للأمن الوطني عن توقيف أربعة أشخاص يشتبه في ارتباطهم بشبكة إجرامية تنشط في تهريب المخدرات.';

describe('language: detectLanguage', () => {
  it('recognises a French paragraph', () => {
    const result = detectLanguage(FR);
    assert.equal(result?.language, 'fr');
    assert.ok(result.confidence > 0.5, `confidence ${result.confidence}`);
  });

  it('recognises an English paragraph', () => {
    assert.equal(detectLanguage(EN)?.language, 'en');
  });

  it('recognises a Spanish paragraph, although it shares "de", "la" and "en" with French', () => {
    assert.equal(detectLanguage(ES)?.language, 'es');
  });

  it('recognises Arabic by its script, even with a Latin acronym inside', () => {
    const result = detectLanguage(AR + ' (DGSN)');
    assert.equal(result?.language, 'ar');
    assert.ok(result.confidence > 0.8);
  });

  it('reads only text[start,end)', () => {
    const text = EN + '\n\n' + FR;
    assert.equal(detectLanguage(text, 0, EN.length)?.language, 'en');
    assert.equal(detectLanguage(text, EN.length + 2)?.language, 'fr');
  });

  it('returns null for a headline with too few function words', () => {
    assert.equal(detectLanguage('Démantèlement d’un réseau international'), null);
    assert.equal(detectLanguage('Operation Lionfish: record cocaine seizures'), null);
    assert.equal(detectLanguage('Golpe al narcotráfico en Algeciras'), null);
  });

  it('returns null when the paragraph is evenly split between two languages', () => {
    assert.equal(detectLanguage('the police and the services, et les services de la police et des agences'), null);
  });

  it('returns null on empty, numeric, binary and out-of-range input instead of throwing', () => {
    assert.equal(detectLanguage(''), null);
    assert.equal(detectLanguage('2023 - 45 / 12 %'), null);
    assert.equal(detectLanguage('\u0000\u0001\uFFFD\uD800\uDC00\uDFFF'), null);
    assert.equal(detectLanguage(FR, 500, 100), null);
    assert.equal(detectLanguage(FR, -20, 1e9)?.language, 'fr');
  });

  it('is linear on a long single line (5 MB)', () => {
    const line = (EN + ' ').repeat(Math.ceil((5 * 1024 * 1024) / (EN.length + 1)));
    const result = detectLanguage(line);
    assert.equal(result?.language, 'en');
    assert.equal(result.confidence, 1);
  });
});

describe('language: languageSpans', () => {
  it('gives one merged span to a document in one language, blank lines included', () => {
    const text = `${FR}\n\n${FR}\n\n${FR}\n`;
    assert.deepEqual(languageSpans(text, 0, text.length, 'en'), [{ start: 0, end: text.length, language: 'fr' }]);
  });

  it('gives each paragraph of a mixed document its own language, tiling the range', () => {
    const text = `${FR}\n\n${EN}\r\n\r\n${ES}\n\n${AR}`;
    const spans = languageSpans(text, 0, text.length, 'fr');
    assert.deepEqual(
      spans.map((s) => s.language),
      ['fr', 'en', 'es', 'ar'],
    );
    assert.equal(spans[0]!.start, 0);
    assert.equal(spans[1]!.start, text.indexOf('Police officers'));
    assert.equal(spans[2]!.start, text.indexOf('Agentes'));
    assert.equal(spans[3]!.start, text.indexOf('أعلنت'));
    assert.equal(spans[3]!.end, text.length);
    for (let i = 1; i < spans.length; i++) assert.equal(spans[i]!.start, spans[i - 1]!.end);
  });

  it('lets a short headline take the fallback language, merged with its paragraph', () => {
    const headline = 'Operation Sentinel: results';
    const text = `${headline}\n\n${FR}`;
    // The headline alone is unclear, so it takes the fallback (the document language), which then
    // merges with the French paragraph below.
    assert.deepEqual(languageSpans(text, 0, text.length, 'fr'), [{ start: 0, end: text.length, language: 'fr' }]);
    assert.deepEqual(languageSpans(text, 0, text.length, 'es'), [
      { start: 0, end: headline.length + 2, language: 'es' },
      { start: headline.length + 2, end: text.length, language: 'fr' },
    ]);
  });

  it('keeps a quoted English paragraph inside a French release', () => {
    const text = `${FR}\n\n« ${EN} »\n\n${FR}`;
    const spans = languageSpans(text, 0, text.length, 'fr');
    assert.deepEqual(
      spans.map((s) => s.language),
      ['fr', 'en', 'fr'],
    );
  });

  it('covers only [start,end) of the text (a body after front matter)', () => {
    const head = '---\nlang: fr\n---\n';
    const text = head + EN;
    assert.deepEqual(languageSpans(text, head.length, text.length, 'fr'), [{ start: head.length, end: text.length, language: 'en' }]);
  });

  it('returns one fallback span for an empty range and never throws on odd bounds', () => {
    assert.deepEqual(languageSpans('', 0, 0, 'fr'), [{ start: 0, end: 0, language: 'fr' }]);
    assert.deepEqual(languageSpans('abc', 5, 2, 'en'), [{ start: 3, end: 3, language: 'en' }]);
    const blankLines = '\n\n\n  \n\t\n';
    assert.deepEqual(languageSpans(blankLines, 0, blankLines.length, 'es'), [{ start: 0, end: blankLines.length, language: 'es' }]);
  });

  it('handles many short letterless paragraphs (a quadratic scan would exceed the test timeout)', () => {
    const text = '12\n\n'.repeat(200_000) + FR;
    const spans = languageSpans(text, 0, text.length, 'en');
    assert.deepEqual(
      spans.map((s) => s.language),
      ['en', 'fr'],
    );
    assert.equal(spans[1]!.start, text.length - FR.length);
  });
});

describe('language: reading the tokens instead of the characters', () => {
  // Recognition hands detection the columns of its tokens (text/tokenColumns.ts) so that the
  // characters are not scanned twice; the verdicts must be exactly those of the character scan.
  const pieces = [
    FR, EN, ES, AR, 'le', 'les', 'the', 'los', 'y', 'à', 'où', 'été', 'L’Espagne', "qu'Europol", 'DGSN', '2026', '5y', 'e2',
    '½', 'Ⅻ', '😀', '𝐀𝐁', '\uD800', '\uDC00', 'وبالمغرب', 'الأمن', '\u064E', 'ﻻ', ' ', '  ', '\n', '\n\n', '\r\n\r\n', '.', ', ', '-', '«', '»',
  ];
  const textArb = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(' '));

  it('gives the same verdict and the same spans for any mix of scripts, digits, emoji and blank lines', () => {
    fc.assert(
      fc.property(textArb, fc.nat(), fc.nat(), (text, a, b) => {
        const start = text.length === 0 ? 0 : a % (text.length + 1);
        const end = text.length === 0 ? 0 : start + (b % (text.length - start + 1));
        // Columns made by the tokenizer (which knows what lies between tokens) and from tokens alone.
        const fromScan = tokenizeWithColumns(text).columns;
        const fromTokens = tokenColumns(text, tokenize(text));
        for (const columns of [fromScan, fromTokens]) {
          assert.deepEqual(detectLanguage(text, start, end, columns), detectLanguage(text, start, end));
          for (const fallback of ['fr', 'und']) {
            assert.deepEqual(languageSpans(text, start, end, fallback, columns), languageSpans(text, start, end, fallback));
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('tokenizeColumns (what recognition reads) gives exactly the columns of tokenizeWithColumns, on any range', () => {
    fc.assert(
      fc.property(textArb, fc.nat(), fc.nat(), (text, a, b) => {
        const from = text.length === 0 ? 0 : a % (text.length + 1);
        const to = text.length === 0 ? 0 : from + (b % (text.length - from + 1));
        // Separate fold caches: each function builds its own word numbering.
        const lean = tokenizeColumns(text, from, to, new Map());
        const full = tokenizeWithColumns(text, from, to, new Map());
        for (const column of ['starts', 'ends', 'wordOf', 'after'] as const) assert.deepEqual([...lean[column]], [...full.columns[column]], column);
        assert.equal(lean.surrogateOutsideTokens, full.columns.surrogateOutsideTokens);
        assert.deepEqual(lean.words, full.columns.words);
        // And token by token, the words the columns point at are the tokens tokenize() gives.
        const tokens = tokenize(text, from, to);
        assert.equal(lean.starts.length, tokens.length);
        tokens.forEach((token, i) => {
          const word = lean.words[lean.wordOf[i]!]!;
          assert.deepEqual({ ...word, start: lean.starts[i], end: lean.ends[i] }, token);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same spans on long documents, with a sample cut inside a word', () => {
    const long = `${FR}\n\n${EN.repeat(60)}\n\n${AR}\n\n${ES}\n\n${FR.repeat(80)}`;
    const columns = tokenizeWithColumns(long).columns;
    assert.deepEqual(languageSpans(long, 0, long.length, 'fr', columns), languageSpans(long, 0, long.length, 'fr'));
    for (const end of [4096, 5001, 9999, long.length]) assert.deepEqual(detectLanguage(long, 3, end, columns), detectLanguage(long, 3, end));
  });
});
