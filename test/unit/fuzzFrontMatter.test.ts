/**
 * Property tests of the front-matter editor through the code-action plans (issue 6, "Property and
 * fuzz tests"), over generated documents: front matter in every style (block and flow lists,
 * comments everywhere, unrelated keys, quoted values, CRLF and CR, a BOM) with bodies full of
 * lexicon terms and hostile Unicode.
 *
 * Tag-all (also `source.fixAll` and `communique tag`):
 * - is refused only when the front matter is invalid, and then with a reason;
 * - only inserts (it deletes nothing but a `~`/`null` placeholder or the blank inside `[ ]`), and
 *   writes the document's own line break; the BOM and the body are untouched;
 * - leaves a front matter that parses, no untagged lexicon entity, and the same entities;
 * - is idempotent: planned again on its result, it changes nothing.
 *
 * Any single fix (tag one entity, ignore it in the document, remove a stale or unknown tag,
 * replace an unknown tag, move the date header, remove all stale tags):
 * - keeps every byte outside the managed keys: BOM, unrelated keys, body, comments (but those on
 *   a removed item's own line);
 * - makes the diagnostic it fixes go away, and is not offered again on its result.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildLexicon } from '#core/lexicon/index';
import { createRecognizer } from '#core/recognize';
import { readBuiltinLexicons } from '#node/lexiconFiles';
import { coreRuns, fuzzSeed, printTotalAtEnd, record, stopwatch } from '../fuzz/config';
import { checkFix, checkTagAll, type FixCheck } from '../fuzz/fixChecks';
import { documentText, termPool } from '../fuzz/generators';

printTotalAtEnd();

describe('fuzz: front-matter editor (property)', function () {
  this.timeout(0);
  let check: FixCheck;

  before(function () {
    const lexicon = buildLexicon(readBuiltinLexicons());
    assert.deepEqual(lexicon.problems, []);
    check = { lexicon, recognizer: createRecognizer(lexicon) };
  });

  it('tag-all only inserts, keeps the document, leaves nothing untagged and is idempotent', () => {
    const pool = termPool(check.lexicon);
    const runs = coreRuns('tagAll');
    const seed = fuzzSeed();
    const outcomes: Record<string, number> = { refused: 0, 'refused-exotic': 0, nothing: 0, tagged: 0 };
    const elapsed = stopwatch();
    const documents = fc.oneof(
      documentText(pool, { maxPieces: 24, validOnly: true }).map((text) => ({ text, plainYaml: true })),
      documentText(pool, { maxPieces: 24 }).map((text) => ({ text, plainYaml: false })),
    );
    fc.assert(
      fc.property(documents, ({ text, plainYaml }) => {
        const outcome = checkTagAll(text, check, plainYaml);
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      }),
      { seed, numRuns: runs },
    );
    record({ property: `tag-all (${JSON.stringify(outcomes)})`, cases: runs, steps: runs, ...elapsed(), seed });
    assert.ok(outcomes['tagged']! > runs / 3, `most documents get tags: ${JSON.stringify(outcomes)}`);
  });

  it('every fix keeps the bytes outside the managed keys, removes its diagnostic and is not offered again', () => {
    const pool = termPool(check.lexicon);
    const runs = coreRuns('fixes');
    const seed = fuzzSeed();
    const kinds: Record<string, number> = {};
    const elapsed = stopwatch();
    fc.assert(
      fc.property(documentText(pool, { maxPieces: 24, frontMatterWeight: 4, validWeight: 4 }), fc.nat(), (text, choice) => {
        const kind = checkFix(text, choice, check);
        kinds[kind] = (kinds[kind] ?? 0) + 1;
      }),
      { seed, numRuns: runs },
    );
    record({ property: `fixes (${JSON.stringify(kinds)})`, cases: runs, steps: runs, ...elapsed(), seed });
    assert.ok((kinds['none'] ?? 0) < runs / 2, `most documents have a fix: ${JSON.stringify(kinds)}`);
  });
});
