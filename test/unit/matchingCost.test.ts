/**
 * The cost of matching does not grow with the lexicon (issue 2, "Speed"), shown structurally: the
 * matcher counts its trie lookups, and the counts are compared, never times. A lexicon of 100k
 * entries makes the same lookups on a document as one of 1k, when the extra entries do not occur
 * in it: the work depends on the text, not on the number of entries.
 */
import assert from 'node:assert/strict';
import { LexiconMatcher, type MatchWork } from '#core/match/lexiconMatcher';
import { resolveMatches } from '#core/match/resolve';
import { tokenize } from '#core/text/tokenize';
import type { Lexicon, LexiconEntry } from '#core/types';
import { entry, lexicon } from '../helpers/lexiconBuilder';
import { SAMPLE_ENTRIES } from '../helpers/sampleLexicon';

/** Made-up words that no sentence below contains: the names of the extra entries. */
function madeUpWord(n: number): string {
  const syllables = ['zor', 'vak', 'quil', 'brun', 'tesh', 'ulm', 'dax', 'piv', 'ront', 'gesk', 'yol', 'hav', 'nuz', 'wim'];
  let word = '';
  for (let k = n + 1; k > 0; k = Math.floor(k / syllables.length)) word += syllables[k % syllables.length];
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** `count` organisations ("Brigade Zorvak", its acronym "XZV...") and people, all made up. */
function madeUpEntries(from: number, count: number): LexiconEntry[] {
  const entries: LexiconEntry[] = [];
  for (let i = from; i < from + count; i++) {
    const name = `${madeUpWord(i)} ${madeUpWord(i * 7 + 3)}`;
    entries.push(
      i % 3 === 0
        ? entry({ id: `person-${i}`, category: 'actor', type: 'person', names: { fr: [name] } })
        : entry({ id: `org-${i}`, category: 'actor', type: 'organization', names: { fr: [`Brigade ${name}`, `X${madeUpWord(i).toUpperCase()}`] } }),
    );
  }
  return entries;
}

const SENTENCES = [
  "La Direction générale de la Sûreté nationale a démantelé au Maroc une cellule terroriste liée à l'État islamique.",
  "Les autorités espagnoles et marocaines ont interpellé quatre suspects dans le cadre d'une opération maroco-espagnole.",
  'Selon les enquêteurs, le réseau se livrait au trafic international de stupéfiants et au blanchiment de capitaux.',
  "Europol et Interpol ont salué la coopération entre l'Espagne, le Portugal et le Royaume du Maroc.",
  'M. Karim Benali, commissaire principal de la Brigade régionale de Nador, a présenté les saisies mardi dernier.',
  "Le démantèlement de ce réseau de trafic de migrants s'inscrit dans la lutte contre la criminalité transnationale organisée.",
];

/** About `sentences` sentences of press-release French, in paragraphs of three. */
function document(sentences: number): string {
  const parts: string[] = [];
  for (let i = 0; i < sentences; i++) parts.push(SENTENCES[i % SENTENCES.length]! + (i % 3 === 2 ? '\n\n' : ' '));
  return parts.join('');
}

function work(matcher: LexiconMatcher, text: string): { work: MatchWork; found: string[] } {
  const counted: MatchWork = { lookups: 0, nodes: 0 };
  const tokens = tokenize(text);
  const { matches } = matcher.match({ text, tokens, spans: [{ start: 0, end: text.length, language: 'fr' }], language: 'fr', work: counted });
  return { work: counted, found: resolveMatches(matches).map((m) => `${m.entry.id}@${m.start}`) };
}

describe('matching cost and lexicon size (issue 2, "Speed")', function () {
  // Building a 100k-entry trie takes a second or two; nothing here is timed.
  this.timeout(60_000);

  let small: LexiconMatcher;
  let large: LexiconMatcher;
  before(() => {
    const base = lexicon(SAMPLE_ENTRIES).entries.values();
    const sampled = [...base];
    const lexiconOf = (extra: number): Lexicon => lexicon([...sampled, ...madeUpEntries(0, extra)]);
    small = new LexiconMatcher(lexiconOf(1_000 - sampled.length));
    large = new LexiconMatcher(lexiconOf(100_000 - sampled.length));
  });

  it('builds lexicons of 1k and 100k entries whose tries differ a hundredfold', () => {
    assert.equal(small.lexicon.entries.size, 1_000);
    assert.equal(large.lexicon.entries.size, 100_000);
    assert.ok(large.size > 50 * small.size, `trie keys: ${small.size} and ${large.size}`);
  });

  it('makes exactly the same trie lookups with 100k entries as with 1k, and finds the same entities', () => {
    const text = document(60);
    const withSmall = work(small, text);
    const withLarge = work(large, text);
    assert.ok(withSmall.found.length > 0);
    assert.deepEqual(withLarge.found, withSmall.found);
    assert.deepEqual(withLarge.work, withSmall.work);
  });

  it('looks each token up a bounded number of times, however long the document', () => {
    const tokens = (text: string): number => tokenize(text).length;
    const short = document(12);
    const long = document(1_200);
    const perToken = (text: string): number => work(large, text).work.lookups / tokens(text);
    // One lookup per distinct word at the root, then one per step of a walk or a frame search.
    assert.ok(perToken(short) < 4, `lookups per token: ${perToken(short)}`);
    assert.ok(perToken(long) <= perToken(short), `lookups per token: ${perToken(long)} for the long text, ${perToken(short)} for the short one`);
  });

  it('still finds the made-up entries of the large lexicon when the text names them', () => {
    const name = `Brigade ${madeUpWord(50_000)} ${madeUpWord(50_000 * 7 + 3)}`;
    const text = `${SENTENCES[0]} La ${name} a participé à l'opération.`;
    assert.ok(work(large, text).found.some((f) => f.startsWith('org-50000@')));
    assert.ok(!work(small, text).found.some((f) => f.startsWith('org-50000@')));
  });
});
