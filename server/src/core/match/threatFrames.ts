/**
 * Threat frames: a head word and an object within a few tokens ("trafic international de cocaïne",
 * "trafic d'armes à feu et de stupéfiants", English "drug trafficking"). Heads sit in the main
 * trie next to the lexicon terms, so finding them costs nothing extra; the objects of a head are
 * only looked for around a head that was found.
 */
import type { Lang, LexiconEntry, ThreatFrame } from '../types';
import type { TokenColumns } from '../text/tokenColumns';
import type { Token } from '../text/tokenize';
import { Match, type EntityMatch, type MatchWork } from './entityMatch';
import { breaksFrame } from './gaps';
import { TermTrie, offsetAfterLetters, type ArabicStem, type TrieNode } from './termTrie';

/** One frame of one threat entry. */
export interface FrameRule {
  entry: LexiconEntry;
  frame: ThreatFrame;
}

/** Everything that hangs on one head form: the frames using it and the trie of their objects. */
export interface FrameHeadGroup {
  /** The head form, folded tokens. */
  keys: string[];
  rules: FrameRule[];
  objects: TermTrie<FrameRule>;
  maxWindow: number;
  maxObjectFirstWindow: number;
}

/**
 * Groups the frames of every threat entry by head form. `keysOf` turns a written form into the trie
 * key sequences the matcher uses (Arabic forms get an article-free key too).
 */
export function compileFrameHeads(entries: Iterable<LexiconEntry>, keysOf: (form: string) => string[][]): FrameHeadGroup[] {
  const groups = new Map<string, FrameHeadGroup>();
  for (const entry of entries) {
    if (entry.category !== 'threat' || !Array.isArray(entry.frames)) continue;
    for (const frame of entry.frames) {
      if (!frame || !Array.isArray(frame.heads) || !Array.isArray(frame.objects)) continue;
      const rule: FrameRule = { entry, frame };
      const window = frameWindow(frame);
      const objectFirst = objectFirstWindow(frame);
      for (const head of frame.heads) {
        for (const keys of keysOf(String(head))) {
          const id = keys.join(' ');
          let group = groups.get(id);
          if (group === undefined) {
            group = { keys, rules: [], objects: new TermTrie(), maxWindow: 0, maxObjectFirstWindow: 0 };
            groups.set(id, group);
          }
          if (group.rules.includes(rule)) continue;
          group.rules.push(rule);
          group.maxWindow = Math.max(group.maxWindow, window);
          group.maxObjectFirstWindow = Math.max(group.maxObjectFirstWindow, objectFirst);
          for (const object of frame.objects) for (const objectKeys of keysOf(String(object))) group.objects.insert(objectKeys, rule);
        }
      }
    }
  }
  return [...groups.values()];
}

/** What frame scanning needs from the matcher for one document. */
export interface FrameScan {
  readonly text: string;
  /** The tokens of the document, as columns (see tokenColumns.ts). */
  readonly columns: TokenColumns;
  /** Where the lookups in the object tries are counted. */
  readonly work: MatchWork;
  /** Clitic-free forms of a folded Arabic token (memoised by the matcher). */
  stems(folded: string): readonly ArabicStem[];
  /** Whether a frame applies in a paragraph of this language. */
  allows(frame: ThreatFrame, paragraphLang: Lang, head: Token): boolean;
  readonly out: EntityMatch[];
}

/** An object found at a token: where it ends and which rules it serves. */
interface ObjectHit {
  start: number;
  last: number;
  rules: FrameRule[];
}

/**
 * Which objects a search accepts: rules of the head that apply here, within their window. Before
 * the head (object first), `anchor` is the token the object must end before; after it, `between`
 * is the number of tokens between the anchor and the object.
 */
interface ObjectSearch {
  active: readonly FrameRule[];
  objectFirst: boolean;
  anchor: number;
  between: number;
}

function accepts(search: ObjectSearch, rule: FrameRule, last: number): boolean {
  if (!search.active.includes(rule)) return false;
  if (!search.objectFirst) return search.between <= frameWindow(rule.frame);
  const window = objectFirstWindow(rule.frame);
  return window > 0 && search.anchor - 1 - last <= window;
}

/**
 * The longest object of `trie` starting at token k that `search` accepts, ending at or before
 * token `maxLast`. Arabic objects may carry clitics on their first word.
 */
function objectAt(scan: FrameScan, trie: TermTrie<FrameRule>, k: number, maxLast: number, search: ObjectSearch): ObjectHit | undefined {
  const roots = trie.root.children;
  if (roots === undefined) return undefined;
  const { starts, wordOf, words } = scan.columns;
  const first = words[wordOf[k]!]!;
  let best = longestObject(scan, lookup(scan, roots, first.folded), k, starts[k]!, maxLast, search, undefined);
  if (first.script === 'arabic') {
    for (const stem of scan.stems(first.folded)) {
      best = longestObject(scan, lookup(scan, roots, stem.key), k, starts[k]! + offsetAfterLetters(first.text, stem.skip), maxLast, search, best);
    }
  }
  return best;
}

/** `children.get(key)`, counted. */
function lookup(scan: FrameScan, children: Map<string, TrieNode<FrameRule>>, key: string): TrieNode<FrameRule> | undefined {
  const node = children.get(key);
  scan.work.lookups++;
  if (node !== undefined) scan.work.nodes++;
  return node;
}

/** Walks the object trie from `node` (reached by token k) and returns the longer of what it finds and `best`. */
function longestObject(
  scan: FrameScan,
  node: TrieNode<FrameRule> | undefined,
  k: number,
  start: number,
  maxLast: number,
  search: ObjectSearch,
  best: ObjectHit | undefined,
): ObjectHit | undefined {
  const { starts, ends, wordOf, words } = scan.columns;
  let j = k;
  while (node !== undefined && j <= maxLast) {
    if (node.values !== undefined && (best === undefined || j > best.last)) {
      let rules: FrameRule[] | undefined;
      for (const rule of node.values) if (accepts(search, rule, j)) (rules ??= []).push(rule);
      if (rules !== undefined) best = { start, last: j, rules };
    }
    if (node.children === undefined || j + 1 > maxLast) break;
    if (breaksFrame(scan.text, ends[j]!, starts[j + 1]!)) break;
    node = lookup(scan, node.children, words[wordOf[j + 1]!]!.folded);
    j++;
  }
  return best;
}

/**
 * Looks for the objects of a head found at tokens [headFirst, headLast] and emits one threat match
 * per object. The nearest object takes the head into its range; further objects of the same head
 * (coordination) get their own range alone, so ranges never overlap.
 */
export function scanFrames(scan: FrameScan, group: FrameHeadGroup, headFirst: number, headLast: number, headStart: number, paragraphLang: Lang): void {
  const text = scan.text;
  const { starts, ends, wordOf, words } = scan.columns;
  const count = starts.length;
  const headToken = words[wordOf[headFirst]!]!;
  // The rules of the head that apply in this paragraph (usually all of them, then not copied).
  let active: readonly FrameRule[] = group.rules;
  if (!group.rules.every((r) => scan.allows(r.frame, paragraphLang, headToken))) {
    active = group.rules.filter((r) => scan.allows(r.frame, paragraphLang, headToken));
    if (active.length === 0) return;
  }
  const headEnd = ends[headLast]!;
  let headTaken = false;

  // Windows are measured from the head for the first object and from the previous object for the
  // next ones, so a coordination ("trafic d'armes à feu et de stupéfiants") chains from object to
  // object instead of running out of window after a long first object.

  // Object first ("drug trafficking", "arms and drug trafficking"): look back from the head.
  if (group.maxObjectFirstWindow > 0) {
    const search: ObjectSearch = { active, objectFirst: true, anchor: headFirst, between: 0 };
    // Objects may have several words, so look a little further back than the window itself.
    for (let k = headFirst - 1; k >= 0 && search.anchor - 1 - k <= group.maxObjectFirstWindow + MAX_OBJECT_WORDS; k--) {
      if (breaksFrame(text, ends[k]!, starts[k + 1]!)) break;
      const hit = objectAt(scan, group.objects, k, search.anchor - 1, search);
      if (hit === undefined) continue;
      if (!headTaken) {
        pushFrame(scan, hit, hit.start, headEnd, k, headLast, paragraphLang);
        headTaken = true;
      } else {
        pushFrame(scan, hit, hit.start, ends[hit.last]!, k, hit.last, paragraphLang);
      }
      search.anchor = k;
    }
  }

  // Head first ("trafic international de cocaïne"): look ahead from the head.
  let anchor = headLast;
  let k = headLast + 1;
  const search: ObjectSearch = { active, objectFirst: false, anchor: 0, between: 0 };
  while (k < count && k - anchor - 1 <= group.maxWindow) {
    if (breaksFrame(text, ends[k - 1]!, starts[k]!)) break;
    search.between = k - anchor - 1;
    const hit = objectAt(scan, group.objects, k, count - 1, search);
    if (hit === undefined) {
      k++;
      continue;
    }
    const objectEnd = ends[hit.last]!;
    if (!headTaken) {
      pushFrame(scan, hit, headStart, objectEnd, headFirst, hit.last, paragraphLang);
      headTaken = true;
    } else {
      pushFrame(scan, hit, hit.start, objectEnd, k, hit.last, paragraphLang);
    }
    anchor = hit.last;
    k = hit.last + 1;
  }
}

/** Longest object, in words, that the backward search allows for. */
const MAX_OBJECT_WORDS = 6;

/** Widest window honoured: a frame is a phrase, and a huge window in a user lexicon must not make matching quadratic. */
const MAX_WINDOW = 24;

function clampWindow(value: unknown): number {
  return Math.min(MAX_WINDOW, Math.max(0, Math.floor(Number(value) || 0)));
}

function frameWindow(frame: ThreatFrame): number {
  return clampWindow(frame.window);
}

function objectFirstWindow(frame: ThreatFrame): number {
  return clampWindow(frame.objectFirstWindow);
}

function pushFrame(scan: FrameScan, hit: ObjectHit, start: number, end: number, firstToken: number, lastToken: number, paragraphLang: Lang): void {
  const surface = scan.text.slice(start, end);
  for (const rule of hit.rules) {
    // The rank loses ties against a lexicon term of the same span, which names its variant.
    const rank = rule.frame.lang === paragraphLang ? 2 : 3;
    scan.out.push(new Match(start, end, firstToken, lastToken, rule.entry.category, rule.entry, surface, rule.frame.lang, paragraphLang, 'frame', rank));
  }
}
