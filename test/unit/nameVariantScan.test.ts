/**
 * The name-variant pass's fast paths (issue 2's "Speed", issue 5's variants): the edit distance
 * against a plain full-table reference, and the work at a word that ends many lexicon names.
 * Nothing is timed: the pass counts its work, and the counts are compared.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { languageSpans } from '#core/language';
import { LexiconMatcher } from '#core/match/lexiconMatcher';
import { editDistance, NameVariantIndex, nameVariantOf, type VariantWork } from '#core/match/nameVariants';
import { resolveMatches } from '#core/match/resolve';
import { tokenizeWithColumns } from '#core/text/tokenize';
import type { Lang, LexiconEntry } from '#core/types';
import { entry, lexicon } from '../helpers/lexiconBuilder';

/** The optimal string alignment distance, with the whole table: what `editDistance` computes in three rows. */
function referenceDistance(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    d.push([]);
    for (let j = 0; j <= b.length; j++) {
      if (i === 0 || j === 0) {
        d[i]![j] = i + j;
        continue;
      }
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

describe('name variants: the edit distance against a full-table reference', () => {
  it('short words, with and without a limit', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'h', 'ou', 'é', 'ش'), maxLength: 12 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, limit) => {
        const d = referenceDistance(a, b);
        assert.equal(editDistance(a, b), d);
        assert.equal(editDistance(a, b, limit), Math.min(d, limit + 1));
      }),
      { numRuns: 3000 },
    );
  });

  it('long strings too, whose rows are not the shared ones, and calls after them', () => {
    const long = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 200, maxLength: 400 });
    fc.assert(
      fc.property(long, long, (a, b) => {
        assert.equal(editDistance(a, b), referenceDistance(a, b));
        assert.equal(editDistance('hamouchi', 'hammouchi'), 1);
      }),
      { numRuns: 20 },
    );
  });
});

describe('name variants: a word that ends many names', function () {
  this.timeout(30_000);

  /** Made-up given names of seven letters (all distinct, none a word of the document below). */
  function givenName(n: number): string {
    const syllables = ['bo', 'ka', 'ri', 'tu', 'ze', 'mi', 'lo', 'ny', 'pa', 'gu', 'fe', 'wi', 'do', 'sa', 'vu', 'he'];
    let word = 'X';
    for (let k = 0, rest = n; k < 3; k++, rest = Math.floor(rest / syllables.length)) word += syllables[rest % syllables.length];
    return word;
  }

  function lexiconWith(namesakes: number) {
    const entries: LexiconEntry[] = [
      entry({ id: 'karim-valmont', category: 'actor', type: 'person', names: { fr: ['Karim Valmont'] } }),
      entry({ id: 'yassine-mansouri', category: 'actor', type: 'person', names: { fr: ['Yassine Mansouri'] } }),
    ];
    for (let i = 0; i < namesakes; i++) {
      entries.push(entry({ id: `namesake-${i}`, category: 'actor', type: 'person', names: { fr: [`${givenName(i)} Valmont`] } }));
    }
    return lexicon(entries);
  }

  const SENTENCES = [
    'La Brigade de Valmont a interpellé deux suspects à Valmont.',
    'M. Karim Valmount a reçu M. Yasine Mansuri.',
    'M. Karim Valmont était présent, avec le maire de Valmont.',
  ];

  function pass(namesakes: number, repeat: number): { work: VariantWork; found: string[] } {
    const lex = lexiconWith(namesakes);
    const text = Array.from({ length: repeat }, () => SENTENCES.join(' ')).join('\n\n');
    const language: Lang = 'fr';
    const { columns } = tokenizeWithColumns(text);
    const spans = languageSpans(text, 0, text.length, language, columns);
    const resolved = resolveMatches(new LexiconMatcher(lex).match({ text, columns, spans, language }).matches);
    const work: VariantWork = { lookups: 0, checks: 0 };
    const result = new NameVariantIndex(lex).find({ text, columns, spans, language, resolved, heuristic: [], work });
    const found = result.resolved.flatMap((m) => {
      const variant = nameVariantOf(m);
      return variant === undefined ? [] : [`${text.slice(m.start, m.end)} -> ${m.entry.id} ~ ${variant.canonical}`];
    });
    return { work, found };
  }

  it('finds the variants whatever the number of namesakes', () => {
    const few = pass(0, 1);
    assert.deepEqual(few.found, ['Karim Valmount -> karim-valmont ~ Karim Valmont', 'Yasine Mansuri -> yassine-mansouri ~ Yassine Mansouri']);
    assert.deepEqual(pass(600, 1).found, few.found);
  });

  it('does the same work with 600 names ending in the same word as with none, at every occurrence', () => {
    for (const repeat of [1, 20]) {
      const few = pass(0, repeat);
      const many = pass(600, repeat);
      assert.deepEqual(many.found, few.found);
      assert.deepEqual(many.work, few.work, `${repeat} repetitions`);
    }
  });
});
