/**
 * Property test of the recognizer and the diagnostics over the built-in lexicons (issue 6,
 * "Property and fuzz tests"): documents mixing lexicon terms, names, release fragments, front
 * matter (valid and broken) and hostile Unicode (lone surrogates, RTL, combining marks, NUL, CR).
 *
 * For every document:
 * - nothing throws (recognition, analysis, diagnostics, code-action planning);
 * - every entity lies in the body, is not empty, does not split a surrogate pair or a CRLF, its
 *   `text` is exactly text.slice(start, end), and its range is the position of its offsets;
 * - entities come sorted; paragraph spans are ordered and inside the body;
 * - every diagnostic (and related mention) range is inside the document, on boundaries;
 * - recognition is a function of the text: a second run (with the fold memo now warm) gives the
 *   same result, and the analysis sees the same entities when the document ignores nothing.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeDocument } from '#core/analysis';
import { planActions } from '#core/codeActions';
import { computeDiagnostics } from '#core/diagnostics';
import { buildLexicon } from '#core/lexicon/index';
import { createRecognizer, type Recognizer } from '#core/recognize';
import { coerceSettings, type CommuniqueSettings } from '#core/settings';
import { locateBody } from '#core/frontMatter/locate';
import type { Entity, Lexicon } from '#core/types';
import { readBuiltinLexicons } from '#node/lexiconFiles';
import { coreRuns, fuzzSeed, printTotalAtEnd, record, stopwatch } from '../fuzz/config';
import { documentText, termPool } from '../fuzz/generators';
import { assertOffsets, show } from '../fuzz/invariants';
import { checkRecognition } from '../fuzz/recognitionChecks';

printTotalAtEnd();

describe('fuzz: recognizer and diagnostics (property)', function () {
  this.timeout(0);
  let lexicon: Lexicon;
  let recognizer: Recognizer;

  before(function () {
    lexicon = buildLexicon(readBuiltinLexicons());
    assert.deepEqual(lexicon.problems, []);
    recognizer = createRecognizer(lexicon);
  });

  it('keeps every entity and diagnostic range inside the document, on boundaries, whatever the text', () => {
    const pool = termPool(lexicon);
    const settingsArb = fc.record({ heuristics: fc.boolean(), perMention: fc.boolean(), maxFileSize: fc.constantFrom(5_000_000, 5_000_000, 5_000_000, 300) });
    const languageArb = fc.constantFrom(undefined, undefined, undefined, 'fr', 'en', 'es', 'ar', 'xx', 'fr-FR', '');
    const runs = coreRuns('recognizer');
    const seed = fuzzSeed();
    let entities = 0;
    let diagnostics = 0;
    let crCases = 0;
    let bomCases = 0;
    const elapsed = stopwatch();
    fc.assert(
      fc.property(documentText(pool), settingsArb, languageArb, fc.nat(), fc.nat(), (text, raw, language, a, b) => {
        // Straight recognition, with a forced language or none.
        const direct = recognizer.recognize(text, { heuristics: raw.heuristics, ...(language === undefined ? {} : { language }) });
        entities += checkRecognition(text, direct);
        assert.deepEqual(recognizer.recognize(text, { heuristics: raw.heuristics, ...(language === undefined ? {} : { language }) }), direct, 'a second run gives the same result');

        // Line breaks written as a lone CR (old Mac files) read as LF: the same mentions.
        const bodyStart = locateBody(text).bodyStart;
        const body = text.slice(bodyStart);
        if (body.includes('\n') && !body.includes('\r')) {
          const mac = text.slice(0, bodyStart) + body.replace(/\n/g, '\r');
          const again = recognizer.recognize(mac, { heuristics: raw.heuristics, ...(language === undefined ? {} : { language }) });
          const read = (list: readonly Entity[]): string[] => list.map((e) => `${e.category}:${e.id}:${e.source}:${e.start}:${e.end}`);
          assert.deepEqual(read(again.entities), read(direct.entities), `CR line breaks read as LF:\n${show(mac)}`);
          crCases++;
        }
        // A BOM changes nothing but the offsets (checked on a third of the cases: it costs a recognition).
        if (a % 3 === 0 && text.charCodeAt(0) !== 0xfeff) {
          const withBom = recognizer.recognize(`\uFEFF${text}`, { heuristics: raw.heuristics, ...(language === undefined ? {} : { language }) });
          const read = (list: readonly Entity[], shift: number): string[] => list.map((e) => `${e.category}:${e.id}:${e.source}:${e.start - shift}:${e.end - shift}`);
          assert.deepEqual(read(withBom.entities, 1), read(direct.entities, 0), 'a BOM changes nothing but the offsets');
          bomCases++;
        }

        // The analysis, its diagnostics and the code actions at a random range.
        const settings: CommuniqueSettings = coerceSettings({ heuristics: { enabled: raw.heuristics }, diagnostics: { perMention: raw.perMention }, maxFileSize: raw.maxFileSize });
        const doc = analyzeDocument({ uri: 'file:///w/press/fuzz.md', version: 1, text }, recognizer, settings);
        checkRecognition(text, doc.recognition, 'analysed entity');
        if (doc.notAnalyzed === undefined && doc.tooLarge !== true && doc.frontMatter.ignore.length === 0 && language === undefined) {
          // The analysis may add what terminology says of a mention (issue 5); the mentions are the same.
          const mentions = (list: readonly Entity[]): string[] => list.map((e) => `${e.category}:${e.id}:${e.source}:${e.start}:${e.end}`);
          assert.deepEqual(mentions(doc.recognition.entities), mentions(direct.entities), 'the analysis sees what recognition sees');
        }
        const found = computeDiagnostics(doc, lexicon, settings);
        diagnostics += found.length;
        for (const d of found) {
          assertOffsets(text, d.start, d.end, `diagnostic ${d.code}`);
          assert.equal(d.data.code, d.code, 'data carries the code');
          if (d.code === 'entity.untagged' || d.code === 'entity.suggested') {
            assert.equal((d.data as { text: string }).text, text.slice(d.start, d.end), `${d.code}: data.text is the mention`);
          }
          for (const r of d.related ?? []) assertOffsets(text, r.start, r.end, `related of ${d.code}`);
        }
        const from = a % (text.length + 1);
        const to = from + (b % (text.length - from + 1));
        for (const plan of planActions(doc, found, { start: from, end: to }, lexicon, settings)) {
          for (const edit of plan.edits ?? []) assertOffsets(text, edit.start, edit.end, `edit of "${plan.title}"`);
        }
      }),
      { seed, numRuns: runs },
    );
    record({ property: `recognizer + diagnostics (${crCases} also read with CR line breaks, ${bomCases} with a BOM)`, cases: runs, steps: runs, ...elapsed(), seed });
    // The generator must reach the recognizer's real work, not only empty results.
    assert.ok(entities > runs, `entities found: ${entities}`);
    assert.ok(diagnostics > runs / 2, `diagnostics: ${diagnostics}`);
  });
});
