/**
 * Huge documents (issue 6): recognition a slice at a time gives exactly what recognition of the
 * whole text gives, so that the language server can work through a 10 MB report or a 5 MB
 * single-line file in steps, answering other requests in between.
 *
 * The slices here are tiny (a few hundred to a few thousand characters) so that short documents in
 * French, English, Spanish and Arabic are cut many times, at every kind of place: between
 * paragraphs, inside long paragraphs, in a document on one line, in CRLF text, and in a run of
 * letters with no break at all. Equality is checked on the whole Recognition (entities with their
 * ranges, languages, paragraph spans).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDocument, startAnalysis, type AnalysisSteps, type AnalyzedDocument } from '#core/analysis';
import { buildLexicon } from '#core/lexicon/index';
import { createRecognizer, OVERLAP_CHARS, SLICE_CHARS, type RecognitionSteps, type Recognizer, type StepOptions } from '#core/recognize';
import { DEFAULT_SETTINGS } from '#core/settings';
import { PARAGRAPH_SAMPLE } from '#core/language';
import { paragraphStarts, planSlices, windowAround } from '#core/text/slices';
import { tokenize } from '#core/text/tokenize';
import type { Recognition } from '#core/types';
import { readBuiltinLexicons } from '#node/lexiconFiles';

const EXAMPLES = join(__dirname, '..', '..', '..', 'server', 'examples');

/** The body of an example (its front matter removed), by language. */
function example(lang: 'fr' | 'en' | 'es' | 'ar'): string {
  const file = readdirSync(EXAMPLES).find((f) => f.startsWith(`${lang}-`))!;
  return readFileSync(join(EXAMPLES, file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
}

/** Runs the steps to the end, counting them. */
function runSteps<T>(steps: { step(): T | undefined; readonly total: number }): { result: T; steps: number } {
  let count = 0;
  for (;;) {
    count++;
    const result = steps.step();
    if (result !== undefined) return { result, steps: count };
    assert.ok(count <= steps.total + 1, 'more steps than announced');
  }
}

function sliced(recognizer: Recognizer, text: string, options: StepOptions): { result: Recognition; steps: number } {
  const steps: RecognitionSteps = recognizer.steps(text, options);
  return runSteps(steps);
}

/** A comparable summary of one entity, for readable failures. */
function entityLine(e: Recognition['entities'][number]): string {
  return `${e.start}-${e.end} ${e.category} ${e.id} ${e.source} «${e.text}»`;
}

function assertSameRecognition(whole: Recognition, parts: Recognition, what: string): void {
  assert.deepEqual(parts.entities.map(entityLine), whole.entities.map(entityLine), `${what}: entities`);
  assert.deepEqual(parts, whole, `${what}: the whole recognition`);
}

describe('huge documents: slices', function () {
  it('tiles the range, never cutting a token, a surrogate pair or a paragraph head', () => {
    const paragraph = 'Les services de la DGSN ont arrêté trois suspects au Maroc. ';
    const text = [
      paragraph.repeat(20),
      '',
      'Un court paragraphe.',
      '',
      paragraph.repeat(300) + '😀'.repeat(50),
      'Une ligne qui suit sans blanc.',
      '',
      'x'.repeat(5000) + '𝒜'.repeat(3000),
    ].join('\n');
    for (const size of [500, 1500, 5000]) {
      const slices = planSlices(text, 0, text.length, { sliceChars: size, minParagraphHead: PARAGRAPH_SAMPLE });
      assert.ok(slices.length > 1);
      assert.equal(slices[0]!.start, 0);
      assert.equal(slices[slices.length - 1]!.end, text.length);
      const paragraphs = paragraphStarts(text, 0, text.length);
      for (let i = 0; i < slices.length; i++) {
        const s = slices[i]!;
        assert.ok(s.start < s.end, `slice ${i} is not empty`);
        if (i > 0) assert.equal(s.start, slices[i - 1]!.end, 'slices touch');
        const before = text.charCodeAt(s.start - 1);
        const after = text.charCodeAt(s.start);
        assert.ok(!(before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff), `slice ${i} splits a surrogate pair`);
        assert.equal(s.paragraphStart, i === 0 || paragraphs.includes(s.start), `slice ${i} knows whether it opens a paragraph`);
        if (!s.paragraphStart) {
          // Inside a paragraph, the language sample of the paragraph lies before the cut.
          const head = paragraphs.filter((p) => p < s.start).pop()!;
          assert.ok(s.start - head >= PARAGRAPH_SAMPLE, `slice ${i} cuts ${s.start - head} characters into its paragraph`);
          assert.notEqual(text[s.start]!.trim(), '', 'a cut inside a paragraph lands on a character that is not white space');
        }
      }
      // Except inside a run of letters longer than a slice, the slices tokenise as the whole text.
      const words = slices.flatMap((s) => tokenize(text, s.start, s.end)).map((t) => `${t.start}:${t.text}`);
      const expected = tokenize(text).map((t) => `${t.start}:${t.text}`);
      const runStart = text.indexOf('x'.repeat(5000));
      assert.deepEqual(
        words.filter((w) => Number(w.split(':')[0]) < runStart),
        expected.filter((w) => Number(w.split(':')[0]) < runStart),
      );
    }
  });

  it('cuts a document written on one line after the end of a sentence, and puts windows on word starts', () => {
    const text = 'Europol a saisi 3 tonnes de cocaïne au Portugal et en Espagne. Les enquêteurs poursuivent. '.repeat(400);
    const slices = planSlices(text, 0, text.length, { sliceChars: 6000, minParagraphHead: PARAGRAPH_SAMPLE });
    assert.ok(slices.length >= 5);
    for (const s of slices.slice(1)) assert.match(text.slice(s.start - 2, s.start + 1), /\. [A-Z]/, 'a cut follows the end of a sentence');
    for (const s of slices) {
      const w = windowAround(text, s, 500, 0, text.length);
      assert.ok(w.start <= s.start && w.end >= s.end);
      assert.ok(w.start === 0 || (text[w.start - 1] === ' ' && text[w.start] !== ' '), 'a window starts on a word');
    }
  });

  describe('recognition in slices equals recognition of the whole text', function () {
    let recognizer: Recognizer;
    before(function () {
      recognizer = createRecognizer(buildLexicon(readBuiltinLexicons()));
    });

    const shapes: Record<string, (body: string) => string> = {
      paragraphs: (body) => body,
      'one line': (body) => body.replace(/\s*\n\s*/g, ' '),
      CRLF: (body) => body.replace(/\n/g, '\r\n'),
      'front matter and a date header': (body) => `---\nlang: fr\ncountries: [MA]\n---\ndate 2026-03\n${body}`,
    };

    for (const lang of ['fr', 'en', 'es', 'ar'] as const) {
      it(`in ${lang}, in every shape and slice size, with heuristics on and off`, () => {
        // Copies up to 20,000 characters, so that slices fall everywhere in the text (a cut inside a
        // paragraph, as in a document on one line, comes 4,096 characters into it at the earliest).
        const one = example(lang);
        const body = Array.from({ length: Math.ceil(20_000 / one.length) }, () => one).join('\n\n');
        for (const [shape, make] of Object.entries(shapes)) {
          const text = make(body);
          for (const heuristics of [true, false]) {
            const whole = recognizer.recognize(text, { heuristics });
            assert.ok(whole.entities.length > 20, `${lang} ${shape}: the text has entities to compare`);
            for (const [sliceChars, overlapChars] of [[700, 300], [2500, 800], [9000, OVERLAP_CHARS]] as const) {
              const parts = sliced(recognizer, text, { heuristics, sliceChars, overlapChars });
              assert.ok(parts.steps > 4, 'the text is cut');
              assertSameRecognition(whole, parts.result, `${lang}, ${shape}, heuristics ${heuristics}, slices of ${sliceChars}`);
            }
          }
        }
      });
    }

    it('in a document mixing the four languages paragraph by paragraph', () => {
      const paragraphs = (['fr', 'en', 'es', 'ar'] as const).map((l) => example(l).split(/\n\s*\n/));
      const mixed: string[] = [];
      for (let i = 0; i < 8; i++) for (const list of paragraphs) if (list[i] !== undefined) mixed.push(list[i]!);
      const text = mixed.join('\n\n');
      const whole = recognizer.recognize(text);
      assert.ok(new Set(whole.spans.map((s) => s.language)).size >= 3, 'the paragraphs keep their languages');
      for (const sliceChars of [600, 3000]) assertSameRecognition(whole, sliced(recognizer, text, { sliceChars, overlapChars: 400 }).result, `mixed, ${sliceChars}`);
      // A forced language, as `communique scan --lang` gives it.
      const forced = recognizer.recognize(text, { language: 'es' });
      assertSameRecognition(forced, sliced(recognizer, text, { language: 'es', sliceChars: 900, overlapChars: 300 }).result, 'forced language');
    });

    it('links an acronym and a surname defined in the first slice to mentions in the last one', () => {
      const filler = 'Les enquêteurs ont poursuivi leurs vérifications pendant plusieurs semaines avec le parquet.\n\n'.repeat(40);
      const text =
        "La Brigade régionale des enquêtes spéciales (BRES) a été saisie par le parquet de Tanger. Le commissaire Jean-Baptiste Morvandel a dirigé l'enquête.\n\n" +
        filler +
        'Selon la BRES, Morvandel a confirmé les faits.\n';
      const whole = recognizer.recognize(text);
      const late = whole.entities.filter((e) => e.start > text.length - 60).map((e) => `${e.text} ${e.id}`);
      assert.deepEqual(late, ['BRES brigade-regionale-des-enquetes-speciales', 'Morvandel jean-baptiste-morvandel']);
      const parts = sliced(recognizer, text, { sliceChars: 700, overlapChars: 300 });
      assert.ok(parts.steps >= 20);
      assertSameRecognition(whole, parts.result, 'definitions across slices');
      // Recognised alone, the last paragraph knows neither: the slices share what the first one defines.
      const alone = recognizer.recognize(text.slice(text.lastIndexOf('Selon')));
      assert.ok(!alone.entities.some((e) => e.id === 'brigade-regionale-des-enquetes-speciales'));
    });

    it('reads a capitalised word as common vocabulary when another slice writes it in lower case', () => {
      // "Stock" starts a sentence in the last slice; "stock" in lower case appears only in the first.
      const filler = 'Le dossier a été transmis au parquet compétent pour la suite de la procédure.\n\n'.repeat(30);
      const text = `Le stock saisi a été détruit.\n\n${filler}Selon Jürgen Stock, la coopération progresse. Stock Reinholt a parlé.\n`;
      const whole = recognizer.recognize(text);
      assertSameRecognition(whole, sliced(recognizer, text, { sliceChars: 600, overlapChars: 300 }).result, 'vocabulary across slices');
    });

    it('gives the same document analysis, ignore list included, whose terms may straddle a cut', () => {
      const body = Array.from({ length: 6 }, () => example('fr')).join('\n\n');
      const text = `---\ncommunique-ignore: [Sûreté nationale, trafic international de stupéfiants, Tanger]\n---\n${body}`;
      const input = { uri: 'file:///work/press/long.md', version: 1, text };
      const whole = analyzeDocument(input, recognizer, DEFAULT_SETTINGS);
      for (const sliceChars of [400, 1700]) {
        const steps: AnalysisSteps = startAnalysis(input, recognizer, DEFAULT_SETTINGS, { sliceChars, overlapChars: 300 });
        const { result } = runSteps<AnalyzedDocument>(steps);
        assert.deepEqual(result.recognition, whole.recognition, `analysis in slices of ${sliceChars}`);
      }
      assert.ok(!whole.recognition.entities.some((e) => /tanger/i.test(e.text)), 'the ignore list applies');
    });

    it('cuts a run of letters longer than a slice anywhere, and still finds what lies around it', () => {
      const blob = 'QUJD'.repeat(6000);
      const text = `Le Maroc et l'Espagne coopèrent.\n\n${blob}\n\nEuropol soutient la Guardia Civil en Espagne.\n`;
      const whole = recognizer.recognize(text);
      const parts = sliced(recognizer, text, { sliceChars: 3000, overlapChars: 500 });
      assertSameRecognition(whole, parts.result, 'a long run of letters');
    });
  });

  it('works in steps bounded by the slice size: the step count grows with the text, each step with one slice', () => {
    const recognizer = createRecognizer(buildLexicon(readBuiltinLexicons()));
    const body = example('fr');
    const count = (copies: number): number => recognizer.steps(Array.from({ length: copies }, () => body).join('\n\n'), { sliceChars: 2000 }).total;
    // Four passes (tokens, lexicon, heuristic scan, finish) over each slice.
    const small = count(10);
    const large = count(40);
    assert.equal(small % 4, 0);
    assert.ok(large >= 3.5 * small && large <= 4.5 * small, `${small} steps for 10 copies, ${large} for 40`);
    // The default slice of the language server keeps a 10 MB document to about 200 slices.
    assert.ok(SLICE_CHARS >= 20_000 && SLICE_CHARS <= 200_000);
  });
});
