/**
 * Threat frames: a head word and an object within a few tokens ("trafic international de cocaïne",
 * "trafic d'armes à feu et de stupéfiants", English "drug trafficking"). Heads sit in the main
 * trie next to the lexicon terms, so finding them costs nothing extra; the objects of a head are
 * only looked for around a head that was found.
 */
import type { Lang, LexiconEntry, ThreatFrame } from '../types';
import type { Token } from '../text/tokenize';
import type { EntityMatch } from './entityMatch';
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
  readonly tokens: readonly Token[];
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
 * The longest object of `trie` starting at token k whose rules pass `accept`, ending at or before
 * token `maxLast`. Arabic objects may carry clitics on their first word.
 */
function objectAt(scan: FrameScan, trie: TermTrie<FrameRule>, k: number, maxLast: number, accept: (rule: FrameRule, last: number) => boolean): ObjectHit | undefined {
  const tokens = scan.tokens;
  const first = tokens[k]!;
  let best: ObjectHit | undefined;
  const walk = (node: TrieNode<FrameRule> | undefined, start: number): void => {
    let j = k;
    while (node !== undefined && j <= maxLast) {
      if (node.values !== undefined && (best === undefined || j > best.last)) {
        const rules = node.values.filter((r) => accept(r, j));
        if (rules.length > 0) best = { start, last: j, rules };
      }
      if (node.children === undefined || j + 1 > maxLast) break;
      const next = tokens[j + 1]!;
      if (breaksFrame(scan.text, tokens[j]!.end, next.start)) break;
      node = node.children.get(next.folded);
      j++;
    }
  };
  walk(trie.root.children?.get(first.folded), first.start);
  if (first.script === 'arabic') {
    for (const stem of scan.stems(first.folded)) {
      walk(trie.root.children?.get(stem.key), first.start + offsetAfterLetters(first.text, stem.skip));
    }
  }
  return best;
}

/**
 * Looks for the objects of a head found at tokens [headFirst, headLast] and emits one threat match
 * per object. The nearest object takes the head into its range; further objects of the same head
 * (coordination) get their own range alone, so ranges never overlap.
 */
export function scanFrames(scan: FrameScan, group: FrameHeadGroup, headFirst: number, headLast: number, headStart: number, paragraphLang: Lang): void {
  const { text, tokens } = scan;
  const headToken = tokens[headFirst]!;
  const rules = group.rules.filter((r) => scan.allows(r.frame, paragraphLang, headToken));
  if (rules.length === 0) return;
  const active = new Set(rules);
  const headEnd = tokens[headLast]!.end;
  let headTaken = false;

  // Windows are measured from the head for the first object and from the previous object for the
  // next ones, so a coordination ("trafic d'armes à feu et de stupéfiants") chains from object to
  // object instead of running out of window after a long first object.

  // Object first ("drug trafficking", "arms and drug trafficking"): look back from the head.
  if (group.maxObjectFirstWindow > 0) {
    let anchor = headFirst;
    // Objects may have several words, so look a little further back than the window itself.
    for (let k = headFirst - 1; k >= 0 && anchor - 1 - k <= group.maxObjectFirstWindow + MAX_OBJECT_WORDS; k--) {
      if (breaksFrame(text, tokens[k]!.end, tokens[k + 1]!.start)) break;
      const limit = anchor;
      const hit = objectAt(scan, group.objects, k, limit - 1, (r, last) => active.has(r) && objectFirstWindow(r.frame) > 0 && limit - 1 - last <= objectFirstWindow(r.frame));
      if (hit === undefined) continue;
      if (!headTaken) {
        pushFrame(scan, hit, hit.start, headEnd, k, headLast, paragraphLang);
        headTaken = true;
      } else {
        pushFrame(scan, hit, hit.start, tokens[hit.last]!.end, k, hit.last, paragraphLang);
      }
      anchor = k;
    }
  }

  // Head first ("trafic international de cocaïne"): look ahead from the head.
  let anchor = headLast;
  let k = headLast + 1;
  while (k < tokens.length && k - anchor - 1 <= group.maxWindow) {
    if (breaksFrame(text, tokens[k - 1]!.end, tokens[k]!.start)) break;
    const between = k - anchor - 1;
    const hit = objectAt(scan, group.objects, k, tokens.length - 1, (r) => active.has(r) && between <= frameWindow(r.frame));
    if (hit === undefined) {
      k++;
      continue;
    }
    const objectEnd = tokens[hit.last]!.end;
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
    scan.out.push({
      start,
      end,
      firstToken,
      lastToken,
      category: rule.entry.category,
      entry: rule.entry,
      variant: surface,
      lang: rule.frame.lang,
      paragraphLang,
      via: 'frame',
      // Lose ties against a lexicon term of the same span, which names its variant.
      rank: rule.frame.lang === paragraphLang ? 2 : 3,
    });
  }
}
