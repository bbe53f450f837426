/**
 * A trie keyed by folded tokens, and the Arabic clitic stems the matcher looks up in it.
 *
 * Every lexicon variant is tokenised exactly like the document, so a lookup is one Map access per
 * document token whatever the size of the lexicon (issue 2, "Speed"): the cost of matching does not
 * grow with the number of entries.
 */

/** One node of the trie: the values of the terms ending here and the next tokens. */
export interface TrieNode<T> {
  children: Map<string, TrieNode<T>> | undefined;
  values: T[] | undefined;
}

/** A trie over sequences of folded tokens. */
export class TermTrie<T> {
  readonly root: TrieNode<T> = { children: undefined, values: undefined };
  private count = 0;
  /**
   * Every key below the root, as the one string object the child maps hold for it. A word of a
   * document that is no such key continues no term, which a walk learns without a lookup in a
   * node; one that is, is looked up with this very string, which the maps compare by identity.
   */
  private readonly innerKeys = new Map<string, string>();

  /** The string the trie holds for `key` below the root, or undefined when no term continues with it. */
  innerKey(key: string): string | undefined {
    return this.innerKeys.get(key);
  }

  /** Number of values inserted. */
  get size(): number {
    return this.count;
  }

  /** Adds a value under a sequence of folded tokens; an empty sequence is ignored. */
  insert(keys: readonly string[], value: T): void {
    if (keys.length === 0) return;
    let node = this.root;
    for (let k = 0; k < keys.length; k++) {
      let key = keys[k]!;
      if (k > 0) {
        const held = this.innerKeys.get(key);
        if (held === undefined) this.innerKeys.set(key, key);
        else key = held;
      }
      if (node.children === undefined) node.children = new Map();
      let next = node.children.get(key);
      if (next === undefined) {
        next = { children: undefined, values: undefined };
        node.children.set(key, next);
      }
      node = next;
    }
    if (node.values === undefined) node.values = [value];
    else node.values.push(value);
    this.count++;
  }

  /** The node reached by a sequence of keys, if any (used by tests and frame objects). */
  find(keys: readonly string[]): TrieNode<T> | undefined {
    let node: TrieNode<T> | undefined = this.root;
    for (const key of keys) {
      node = node.children?.get(key);
      if (node === undefined) return undefined;
    }
    return node;
  }
}

/**
 * A form of an Arabic word with its proclitics removed.
 * `key` is looked up in the trie; `skip` is how many letters at the start of the folded word lie
 * outside the entity (the conjunction and preposition; the article stays inside the entity, and so
 * does "لل" where the article's alef has merged into the preposition).
 */
export interface ArabicStem {
  key: string;
  skip: number;
}

const WAW = '\u0648';
const FA = '\u0641';
const BA = '\u0628';
const KAF = '\u0643';
const LAM = '\u0644';
const ARTICLE = '\u0627\u0644';

/** Shortest stem worth a lookup: shorter remainders of a clitic split are almost never names. */
const MIN_STEM = 2;

/**
 * The clitic-free forms of a folded Arabic word, most specific first: the conjunctions و ف, the
 * prepositions ب ك ل, the article ال and their contraction لل (ل + ال). The word itself is not
 * included. "وبالمغرب" gives "بالمغرب", "المغرب" and "مغرب".
 */
export function arabicStems(folded: string): ArabicStem[] {
  const stems: ArabicStem[] = [];
  const add = (key: string, skip: number): void => {
    // Clitics are Arabic morphology: "الmigration illégale" (an article glued to a Latin word) is
    // no Arabic word, and its stem matched the French term with the article inside the mention,
    // which the deprecated-term fix then dropped (found by fuzzing).
    const c = key.charCodeAt(0);
    if (key.length < MIN_STEM || key === folded || c < 0x0600 || c > 0x06ff) return;
    for (const s of stems) if (s.key === key) return;
    stems.push({ key, skip });
  };
  const withoutArticle = (word: string, skip: number): void => {
    if (word.startsWith(ARTICLE) && word.length - 2 >= MIN_STEM) add(word.slice(2), skip);
  };
  const afterConjunction = (word: string, skip: number): void => {
    if (skip > 0) add(word, skip);
    const first = word.charAt(0);
    if (word.startsWith(LAM + LAM) && word.length > 3) {
      // "للأمن" is ل + الأمن with the alef dropped: keep the whole contraction inside the entity.
      add(ARTICLE + word.slice(2), skip);
      add(word.slice(2), skip);
    } else if ((first === BA || first === KAF || first === LAM) && word.length > 3) {
      const rest = word.slice(1);
      add(rest, skip + 1);
      withoutArticle(rest, skip + 1);
    }
    withoutArticle(word, skip);
  };
  afterConjunction(folded, 0);
  const first = folded.charAt(0);
  if ((first === WAW || first === FA) && folded.length > 3) afterConjunction(folded.slice(1), 1);
  return stems;
}

/** True for Arabic combining marks and tatweel, which folding removes. */
function isArabicMark(c: number): boolean {
  return (c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x06d6 && c <= 0x06ed) || c === 0x0640;
}

/**
 * The UTF-16 offset inside a raw Arabic token after its first `letters` folded letters, so that an
 * entity can start after "و" or "ب" even when the raw word carries tashkeel or tatweel.
 */
export function offsetAfterLetters(raw: string, letters: number): number {
  let i = 0;
  while (i < raw.length && isArabicMark(raw.charCodeAt(i))) i++;
  for (let k = 0; k < letters && i < raw.length; k++) {
    i++;
    while (i < raw.length && isArabicMark(raw.charCodeAt(i))) i++;
  }
  return i;
}
