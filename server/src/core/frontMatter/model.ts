/**
 * The front matter of a communiqué, read with the `yaml` library's Document and CST APIs.
 *
 * Reading serves two masters. Diagnostics and hovers want values: the tags of each managed key
 * with the offsets of each item. Edits (edits.ts) want the layout: where each list starts and
 * ends, its flow or block style, the indentation and `- ` spacing of its items, the commas of a
 * flow list. Both come from one parse, so the edits are planned on exactly what was read.
 *
 * Hostile input never throws and costs bounded work: the YAML is parsed only up to a size cap,
 * aliases are never expanded (no `toJS`), keys are compared as data and kept in Maps (a
 * `__proto__` key is just a key), and unknown tags such as `!!js/function` are read as strings.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { CST, Node, Pair } from 'yaml';
import type { FrontMatterKeys } from '../settings';
import type { Category } from '../types';
import { CATEGORIES } from '../types';
import { isFence, locateDateHeader, MAX_FRONT_MATTER_CHARS, MAX_FRONT_MATTER_NESTING, nestsTooDeep } from './locate';

/** One item of a managed list: its value and the scalar's range in the document (quotes included). */
export interface TagItem {
  value: string;
  start: number;
  end: number;
}

/** Why a front matter cannot be trusted, and where. */
export interface FrontMatterProblem {
  message: string;
  start: number;
  end: number;
  /**
   * `translation-of` and `translation-ignore` problems (issue 5) are reported by core/translation.ts
   * and never make the block invalid: a broken link to a source must not stop tagging.
   */
  reason: 'yaml' | 'not-a-map' | 'not-a-list' | 'duplicate-key' | 'too-large' | 'aliases' | 'translation-of' | 'translation-ignore';
  /** The `yaml` library's error code (`DUPLICATE_KEY`, `BAD_INDENT`...), when it reported one. */
  yamlCode?: string;
}

/** What a document's front matter says, with offsets (UTF-16, BOM included) into the whole text. */
export interface FrontMatter {
  /** 'absent': no block; 'ok': parsed; 'invalid': does not parse or a managed key is not a list (no fix may rewrite it). */
  status: 'absent' | 'ok' | 'invalid';
  /** Block range [start,end) including both --- lines and the final line break; content range inside. */
  block?: { start: number; end: number; contentStart: number; contentEnd: number };
  problems: FrontMatterProblem[];
  /** Items of the managed keys (settings.keys). When the block is invalid, what could still be read. */
  tags: Record<Category, TagItem[]>;
  /** The `communique-ignore:` list. */
  ignore: TagItem[];
  /** `lang:` (or `language:`) as written. */
  lang?: string;
  /** `communique: true` (or false) when the key holds a boolean. */
  communique?: boolean;
  /** `date:` value if present, as written. */
  date?: string;
  /**
   * `translation-of:` (issue 5): the source's path as written (undefined when the value is not a
   * plain string), the range of the value (of the key when there is none), and of the whole pair.
   */
  translationOf?: { value: string | undefined; start: number; end: number; pairStart: number; pairEnd: number };
  /** `translation-ignore:` (issue 5): entities this translation leaves out on purpose; `valid` is false when it is not a list of values. */
  translationIgnore?: { items: TagItem[]; valid: boolean; start: number; end: number };
  /** The document's line ending (its first line break; LF if none). */
  eol: '\n' | '\r\n';
  bomLength: 0 | 1;
  /** Legacy first line `date YYYY-MM` of the body (after the block, if any). `end` is past its line break when nothing follows it on its line. */
  header?: { start: number; end: number; date: string };
}

/** The key of the document's own ignore list. */
export const IGNORE_KEY = 'communique-ignore';

/** The key naming a translation's source document (issue 5). */
export const TRANSLATION_OF_KEY = 'translation-of';

/** The key listing what a translation leaves out on purpose (issue 5). */
export const TRANSLATION_IGNORE_KEY = 'translation-ignore';

// The limits on what is parsed live with the block's location (locate.ts), so that recognition's
// reading of `lang:` and this reading refuse the same blocks.
export { MAX_FRONT_MATTER_CHARS } from './locate';

/** At most this many YAML errors become problems: past a few, the block is junk and more help nobody. */
const MAX_YAML_PROBLEMS = 10;

// ---------------------------------------------------------------------------------------------
// Layout: what edits.ts needs to change a list without touching anything else.

/** One item of a managed list in the layout. */
export interface SiteItem {
  /** The item's value ('' for an empty item such as a lone `-`). */
  value: string;
  /** True for an empty item: it is no tag and never matches. */
  empty: boolean;
  /** The value's range (quotes included). */
  start: number;
  end: number;
  /** Block lists: the item's whole lines [lineStart, lineNext), comment on its last line included. Undefined when the layout is unusual. */
  lines?: { start: number; next: number };
}

/** A managed key present in the front matter, and how its value is written. */
export interface ListSite {
  key: string;
  /** Column of the key on its line (the root map's indentation). */
  keyColumn: number;
  /** Offset of the `:` after the key; undefined for an explicit key (`? key`), which edits do not touch. */
  colon?: number;
  /** The start of the line after the pair: where a key that follows it is inserted. */
  next: number;
  /** `empty`: no value, `~` or `null`; `block`: `- a` lines; `flow`: `[a, b]`. */
  kind: 'empty' | 'block' | 'flow';
  /** An anchor (`&x`) on the list: another key may alias it, so edits refuse to change it. */
  anchored: boolean;
  items: SiteItem[];
  /** `empty`: the range of the `~` / `null` / nothing after the colon. */
  emptyValue?: { start: number; end: number };
  /** `block`: the whitespace before `-` and between `-` and the value, as the last item writes them. */
  block?: { indent: string; gap: string; next: number };
  /** `flow`: offsets of `[`, `]` and every comma. */
  flow?: { open: number; close: number; commas: number[] };
  /** Set when the layout is one that edits do not handle (the reason is shown to the user). */
  unsupported?: string;
}

/** The layout of a readable front matter block. */
export interface FrontMatterLayout {
  block: { start: number; end: number; contentStart: number; contentEnd: number };
  /** Column of the root map's keys (0 unless the whole block is indented). */
  rootColumn: number;
  /** The root map is a flow map `{...}`: keys cannot be added to it line by line. */
  rootFlow: boolean;
  /** Every string key of the root map. */
  rootKeys: Set<string>;
  /** Managed keys present (the four category keys and `communique-ignore`), by key. */
  sites: Map<string, ListSite>;
  /** The first block list of the file (any key): indentation relative to its key, and the `- ` gap. */
  blockStyle?: { indent: number; gap: string };
}

/** A FrontMatter together with the layout edits need (present when the block was parsed). */
export interface FrontMatterAnalysis {
  frontMatter: FrontMatter;
  layout?: FrontMatterLayout;
}

// ---------------------------------------------------------------------------------------------
// Lines and fences.

interface Line {
  /** End of the line's content (before its break). */
  contentEnd: number;
  /** Start of the next line (after the break), or the text length. */
  next: number;
  hasBreak: boolean;
}

function lineAt(text: string, from: number): Line {
  // One pass over the line only: an indexOf('\r') would scan to the end of an LF document on
  // every call and make reading a long block quadratic.
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return { contentEnd: i, next: i + 1, hasBreak: true };
    if (c === 13) return { contentEnd: i, next: text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1, hasBreak: true };
  }
  return { contentEnd: text.length, next: text.length, hasBreak: false };
}

/** The start of the line that contains `offset`. */
export function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || c === 13) break;
    i--;
  }
  return i;
}

/**
 * From `from` (inside a line), skips spaces, tabs and a comment to the end of the line: returns
 * the start of the next line, or undefined when something else stands there. A position already
 * at a line start (after a block scalar's final break) is its own answer.
 */
export function restOfLine(text: string, from: number): number | undefined {
  if (from > 0 && from <= text.length) {
    const prev = text.charCodeAt(from - 1);
    if (prev === 10 || (prev === 13 && text.charCodeAt(from) !== 10)) return from;
  }
  let i = from;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  const line = lineAt(text, i);
  return i < line.contentEnd && text.charCodeAt(i) !== 35 /* # */ ? undefined : line.next;
}

type BlockSearch =
  | { kind: 'none' }
  | { kind: 'block'; start: number; end: number; contentStart: number; contentEnd: number }
  | { kind: 'dots'; start: number; end: number; contentStart: number; contentEnd: number };

/**
 * The block between a `---` line at the very top (after a BOM) and the next `---` line. A `...`
 * line ends a YAML document, but front-matter readers (gray-matter, Jekyll, Hugo) only close on
 * `---`: a block that `...` ends first is reported, never edited.
 */
function findBlock(text: string, bomLength: number): BlockSearch {
  // Not a fence: answered without reading the first line, which may be a whole document.
  if (!text.startsWith('---', bomLength)) return { kind: 'none' };
  const opening = lineAt(text, bomLength);
  if (!opening.hasBreak || !isFence(text, bomLength, opening.contentEnd, '---')) return { kind: 'none' };
  let at = opening.next;
  while (at < text.length) {
    const line = lineAt(text, at);
    if (isFence(text, at, line.contentEnd, '---')) {
      return { kind: 'block', start: bomLength, end: line.next, contentStart: opening.next, contentEnd: at };
    }
    if (isFence(text, at, line.contentEnd, '...')) {
      return { kind: 'dots', start: bomLength, end: line.next, contentStart: opening.next, contentEnd: at };
    }
    at = line.next;
  }
  return { kind: 'none' };
}

/** An offset moved back out of a "\r\n" or a surrogate pair, so that no range splits either. */
function unsplit(text: string, offset: number): number {
  if (offset <= 0 || offset >= text.length) return offset;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  const crlf = before === 13 && after === 10;
  const pair = before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
  return crlf || pair ? offset - 1 : offset;
}

function firstLineBreak(text: string): '\n' | '\r\n' {
  const nl = text.indexOf('\n');
  return nl > 0 && text.charCodeAt(nl - 1) === 13 ? '\r\n' : '\n';
}

/**
 * Most values a front matter may stand for once its aliases are expanded. Communiqué never expands
 * them, but gray-matter and the site generators that read the same file do: ten levels of ten
 * aliases ("billion laughs") are ten billion values to them. Real front matter has a few dozen.
 */
const MAX_EXPANDED_NODES = 10_000;

/**
 * The alias at which the values that a YAML tree's aliases stand for pass MAX_EXPANDED_NODES (or
 * an alias inside the very node it names), without expanding anything: the size of each anchored
 * node is counted once, in document order, with the aliases inside it counted at the size of their
 * target, so the cost is linear in the written tree. Recursion depth is bounded by the nesting check
 * that runs before parsing.
 */
function aliasBomb(root: unknown): Node | undefined {
  const anchors = new Map<string, Node>();
  const sizes = new Map<Node, number>();
  const open = new Set<Node>();
  const cap = MAX_EXPANDED_NODES + 1;
  let aliased = 0;
  let culprit: Node | undefined;
  const size = (node: unknown): number => {
    if (node === null || typeof node !== 'object') return 1;
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      const n = target === undefined ? 1 : open.has(target) ? cap : (sizes.get(target) ?? 1);
      aliased = Math.min(cap, aliased + n);
      if (aliased >= cap) culprit ??= node;
      return n;
    }
    const n0 = node as Node;
    if (typeof n0.anchor === 'string') anchors.set(n0.anchor, n0);
    open.add(n0);
    let n = 1;
    if (isMap(n0) || isSeq(n0)) {
      for (const item of n0.items as unknown[]) n = Math.min(cap, n + (isPair(item) ? size(item.key) + size(item.value) : size(item)));
    }
    open.delete(n0);
    sizes.set(n0, n);
    return n;
  };
  size(root);
  return culprit;
}

/** A tag as written: `!!binary` for the YAML core tags, the local tag (`!custom`) as it is. */
function yamlTagName(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

function emptyTags(): Record<Category, TagItem[]> {
  return { actor: [], country: [], region: [], threat: [] };
}

// ---------------------------------------------------------------------------------------------
// Reading.

/** Reads the front matter of a document with the yaml Document/CST API; never throws. */
export function readFrontMatter(text: string, keys: FrontMatterKeys): FrontMatter {
  return analyzeFrontMatter(text, keys).frontMatter;
}

/** Reads the front matter and, when its block parses, the layout that edits are planned on; never throws. */
export function analyzeFrontMatter(text: string, keys: FrontMatterKeys): FrontMatterAnalysis {
  const source = typeof text === 'string' ? text : '';
  const bomLength: 0 | 1 = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fm: FrontMatter = { status: 'absent', problems: [], tags: emptyTags(), ignore: [], eol: firstLineBreak(source), bomLength };
  try {
    return analyze(source, keys, fm);
  } catch (e) {
    // Defensive: the reader is written not to throw; if a bug does, the block is reported, not edited.
    const problem: FrontMatterProblem = {
      message: `Cannot read the front matter: ${e instanceof Error ? e.message : String(e)}`,
      start: fm.block?.start ?? bomLength,
      end: fm.block?.end ?? bomLength,
      reason: 'yaml',
    };
    return { frontMatter: { ...fm, status: fm.block ? 'invalid' : 'absent', problems: fm.block ? [problem] : [], tags: emptyTags(), ignore: [] } };
  }
}

function analyze(text: string, keys: FrontMatterKeys, fm: FrontMatter): FrontMatterAnalysis {
  const found = findBlock(text, fm.bomLength);
  const header = locateDateHeader(text, found.kind === 'none' ? fm.bomLength : found.end);
  if (header) fm.header = { start: header.start, end: header.end, date: header.value };
  if (found.kind === 'none') return { frontMatter: fm };

  const block = { start: found.start, end: found.end, contentStart: found.contentStart, contentEnd: found.contentEnd };
  fm.block = block;
  if (found.kind === 'dots') {
    // YAML ends a document with `...`, and recognition (locate.ts) ends the block there too, so the
    // block is read like any other: its `lang:`, its tags and `communique: true` count. But
    // gray-matter, Jekyll and Hugo only close on `---` and would read the whole file as YAML, so
    // the block is invalid: it is reported, and no fix writes into it until the line is `---`.
    fm.problems.push({
      message: 'The front matter ends with `...`: front-matter readers such as gray-matter only accept `---` as the closing line. Replace it with `---`.',
      start: found.contentEnd,
      end: found.contentEnd + 3,
      reason: 'yaml',
    });
  }
  const length = block.contentEnd - block.contentStart;
  if (length > MAX_FRONT_MATTER_CHARS) {
    fm.status = 'invalid';
    fm.problems.push({
      message: `The front matter is too large to read (${length} characters; the limit is ${MAX_FRONT_MATTER_CHARS}).`,
      start: block.start,
      end: block.contentStart,
      reason: 'too-large',
    });
    return { frontMatter: fm };
  }

  // Lines may end with a lone CR (classic Mac), but neither `yaml` nor gray-matter breaks lines
  // there: "regions: # x\rthreats: [MA]" is one comment to them, and gray-matter finds no block
  // behind a "---\r" fence. Reading or editing such a block would be guesswork (found by fuzzing:
  // moving the date header out from under a "---\r" fence even joined that CR to the body's LF),
  // so it is reported instead.
  const loneCr = /\r(?!\n)/.exec(text.slice(block.start, block.end));
  if (loneCr !== null) {
    const at = block.start + loneCr.index;
    fm.status = 'invalid';
    fm.problems.push({
      message: 'The front matter ends lines with a carriage return alone, which YAML readers do not accept: use LF or CRLF line breaks.',
      start: lineStartOf(text, at),
      end: at,
      reason: 'yaml',
    });
    return { frontMatter: fm };
  }

  if (nestsTooDeep(text.slice(block.contentStart, block.contentEnd))) {
    fm.status = 'invalid';
    fm.problems.push({
      message: `The front matter nests too deeply to read (more than ${MAX_FRONT_MATTER_NESTING} levels).`,
      start: block.start,
      end: block.contentStart,
      reason: 'too-large',
    });
    return { frontMatter: fm };
  }

  const reader = new BlockReader(text, block, keys, fm);
  const layout = reader.read();
  fm.status = fm.problems.length > 0 ? 'invalid' : 'ok';
  return fm.status === 'ok' ? { frontMatter: fm, layout } : { frontMatter: fm };
}

/** Reads one block: its YAML problems, its managed lists and scalar keys, and their layout. */
class BlockReader {
  private readonly base: number;
  private readonly categoryOfKey = new Map<string, Category>();
  private readonly layout: FrontMatterLayout;

  constructor(
    private readonly text: string,
    block: FrontMatterLayout['block'],
    keys: FrontMatterKeys,
    private readonly fm: FrontMatter,
  ) {
    this.base = block.contentStart;
    // The first category wins if two are given the same key: one list cannot feed two categories.
    for (const category of CATEGORIES) {
      const key = keys?.[category];
      if (typeof key === 'string' && key !== '' && !this.categoryOfKey.has(key)) this.categoryOfKey.set(key, category);
    }
    this.layout = { block, rootColumn: 0, rootFlow: false, rootKeys: new Set(), sites: new Map() };
  }

  read(): FrontMatterLayout {
    const { text, base, fm } = this;
    const source = text.slice(base, this.layout.block.contentEnd);
    // YAML 1.2 core schema: `NO` and `yes` are strings, as the `yaml` library reads them. Unique
    // keys: a duplicate key is an error (a second `countries:` would silently win in most readers).
    const doc = parseDocument(source, { keepSourceTokens: true, prettyErrors: false, uniqueKeys: true, version: '1.2', schema: 'core' });
    const contentEnd = this.layout.block.contentEnd;
    for (const error of doc.errors.slice(0, MAX_YAML_PROBLEMS)) {
      // An error at the very end (a quote never closed) is shown on the closing `---`.
      let s = Math.min(error.pos[0], source.length);
      const duplicate = error.code === 'DUPLICATE_KEY';
      // After a key with no value, yaml points at the line break before the repeated key: a range
      // there would underline nothing and, in a CRLF file, split the "\r\n" (found by fuzzing).
      if (duplicate) while (s < source.length && /[ \t\r\n]/.test(source[s]!)) s++;
      // yaml counts a "\r" as a character of its own: an error at the end of a CRLF line would
      // otherwise end between the "\r" and the "\n".
      s = unsplit(source, s);
      const e = unsplit(source, Math.min(Math.max(error.pos[1], s), source.length));
      const message = error.message.split('\n')[0]!;
      // yaml points at the start of the repeated key; name it and cover it whole (a key longer
      // than a line of text is not worth naming, and the cut keeps the regex linear).
      const line = source.slice(s, Math.min(lineAt(source, s).contentEnd, s + 200));
      const key = duplicate ? /^([^:]*?)[ \t]*:(?:[ \t]|$)/.exec(line)?.[1] : undefined;
      const end = base + Math.max(e, s + (key?.length ?? 0));
      fm.problems.push({
        message: key ? `Duplicate key ${key}: map keys must be unique` : message,
        start: base + s,
        end: end === base + s && end === contentEnd ? end + 3 : end,
        reason: duplicate ? 'duplicate-key' : 'yaml',
        yamlCode: error.code,
      });
    }
    const layout = this.readRoot(doc.contents);
    const bomb = aliasBomb(doc.contents);
    if (bomb !== undefined) {
      const [s, e] = bomb.range ?? [0, 0];
      fm.problems.push({
        message: `The front matter's aliases expand to more than ${MAX_EXPANDED_NODES.toLocaleString('en')} values (an alias bomb): a YAML reader that expands them, such as a site generator, would run out of memory. Write the values out instead.`,
        start: base + s,
        end: base + e,
        reason: 'aliases',
      });
    }
    return layout;
  }

  /** The root map's pairs: managed lists, scalar keys, and the layout of the lists. */
  private readRoot(root: Node | null): FrontMatterLayout {
    const { base, fm } = this;
    if (root === null || (isScalar(root) && root.value === null)) return this.layout;
    if (!isMap(root)) {
      const [s, e] = root.range ?? [0, 0];
      fm.problems.push({ message: 'The front matter must be a map of keys (`key: value` lines).', start: base + s, end: base + e, reason: 'not-a-map' });
      return this.layout;
    }
    this.layout.rootFlow = root.flow === true;
    root.items.forEach((pair, i) => this.readPair(pair as Pair<Node | null, Node | null>, i === 0));
    this.inferBlockStyle(root.items as Pair<Node | null, Node | null>[]);
    return this.layout;
  }

  private readPair(pair: Pair<Node | null, Node | null>, first: boolean): void {
    const key = pair.key;
    if (!isScalar(key) || typeof key.value !== 'string') return;
    const name = key.value;
    const keyStart = this.base + (key.range?.[0] ?? 0);
    if (first) this.layout.rootColumn = keyStart - lineStartOf(this.text, keyStart);
    this.layout.rootKeys.add(name);
    const value = pair.value;
    const category = this.categoryOfKey.get(name);
    if (category !== undefined || name === IGNORE_KEY) {
      const items = this.readList(name, pair);
      if (category !== undefined) this.fm.tags[category] = items;
      else this.fm.ignore = items;
      return;
    }
    if (name === TRANSLATION_OF_KEY || name === TRANSLATION_IGNORE_KEY) {
      this.readTranslationKey(name, key, value);
      return;
    }
    if (!isScalar(value) || value.value === null) return;
    if ((name === 'lang' || (name === 'language' && this.fm.lang === undefined)) && typeof value.value === 'string') this.fm.lang = value.value;
    else if (name === 'communique' && typeof value.value === 'boolean') this.fm.communique = value.value;
    else if (name === 'date') this.fm.date = this.scalarText(value);
  }

  /**
   * `translation-of` and `translation-ignore`, read leniently: a wrong shape is recorded for
   * core/translation.ts to report, never made a problem of the block.
   */
  private readTranslationKey(name: string, key: Node, value: Node | null): void {
    const [ks, ke] = key.range ?? [0, 0];
    const [vs, ve] = value?.range ?? [ks, ke];
    const hasValue = value !== null && !(isScalar(value) && value.value === null);
    const start = this.base + (hasValue ? vs : ks);
    const end = this.base + (hasValue ? ve : ke);
    if (name === TRANSLATION_OF_KEY) {
      const written = isScalar(value) && typeof value.value === 'string' ? value.value.trim() : undefined;
      this.fm.translationOf = { value: written === '' ? undefined : written, start, end, pairStart: this.base + ks, pairEnd: Math.max(end, this.base + ke) };
      return;
    }
    const items: TagItem[] = [];
    let valid = true;
    if (isSeq(value)) {
      for (const item of value.items as (Node | null)[]) {
        if (!isScalar(item) || item.value === null) {
          valid = valid && isScalar(item);
          continue;
        }
        const [s, e] = item.range ?? [0, 0];
        items.push({ value: this.scalarText(item), start: this.base + s, end: this.base + e });
      }
    } else if (isScalar(value) && value.value !== null) {
      items.push({ value: this.scalarText(value), start, end });
    } else {
      valid = !hasValue;
    }
    this.fm.translationIgnore = { items, valid, start, end };
  }

  /** A scalar's value as a string: strings as they are, numbers and booleans as written. */
  private scalarText(node: Node): string {
    const v = (node as { value?: unknown }).value;
    if (typeof v === 'string') return v;
    const [s, e] = node.range ?? [0, 0];
    return this.text.slice(this.base + s, this.base + e);
  }

  /** The items of a managed list, recording its layout (or a problem when it is not a list of values). */
  private readList(key: string, pair: Pair<Node | null, Node | null>): TagItem[] {
    const { base, text } = this;
    const keyNode = pair.key as Node;
    const [ks, ke] = keyNode.range ?? [0, 0];
    const keyStart = base + ks;
    const value = pair.value;
    const site: ListSite = {
      key,
      keyColumn: keyStart - lineStartOf(text, keyStart),
      colon: this.colonAfter(base + ke),
      next: this.layout.block.contentEnd,
      kind: 'empty',
      anchored: false,
      items: [],
    };
    const problem = (node: Node | null, message: string): TagItem[] => {
      const [s, e] = node?.range ?? [ks, ke];
      this.fm.problems.push({ message, start: base + s, end: base + e, reason: 'not-a-list' });
      return [];
    };

    if (value === null || (isScalar(value) && value.value === null)) {
      const [s, e] = value?.range ?? [ke, ke];
      site.emptyValue = { start: base + s, end: base + e };
      const from = Math.max(site.colon !== undefined ? site.colon + 1 : base + ke, base + e);
      this.finish(site, restOfLine(text, from), 'a comment or value after the key');
      return [];
    }
    if (isAlias(value)) return problem(value, `${key} must be a list written out here, not an alias`);
    if (!isSeq(value)) return problem(value, `${key} must be a list`);

    site.anchored = typeof value.anchor === 'string';
    const items: TagItem[] = [];
    for (const item of value.items as (Node | null)[]) {
      if (!isScalar(item)) return problem(item as Node | null, `${key} must be a list of single values, not of lists, maps or aliases`);
      const [s, e] = item.range ?? [0, 0];
      const empty = item.value === null;
      const siteItem: SiteItem = { value: empty ? '' : this.scalarText(item), empty, start: base + s, end: base + e };
      site.items.push(siteItem);
      if (!empty) items.push({ value: siteItem.value, start: siteItem.start, end: siteItem.end });
      // An item's anchor may be aliased elsewhere, and an item's tag (`!!binary`, `!!js/function`,
      // `!custom`) stands before its range: removing the value alone would leave the tag on the
      // next item, or break an alias (issue 6). Such a list is read, never edited.
      if (typeof item.anchor === 'string') site.anchored = true;
      else if (typeof item.tag === 'string') site.unsupported ??= `an item is written with the YAML tag ${yamlTagName(item.tag)}`;
    }
    const token = value.srcToken;
    if (value.flow) this.readFlow(site, token);
    else this.readBlock(site, token);
    return items;
  }

  /** The offset of the `:` after an implicit key ending at `keyEnd`, if it is there. */
  private colonAfter(keyEnd: number): number | undefined {
    let i = keyEnd;
    while (this.text.charCodeAt(i) === 32 || this.text.charCodeAt(i) === 9) i++;
    return this.text.charCodeAt(i) === 58 /* : */ ? i : undefined;
  }

  private finish(site: ListSite, next: number | undefined, what: string): void {
    if (this.layout.rootFlow) site.unsupported ??= 'the front matter is written as one flow map `{...}`';
    if (next === undefined) site.unsupported ??= `${site.key}: unexpected text after ${what}`;
    else site.next = this.skipIndentedComments(next, site.keyColumn);
    if (site.colon === undefined) site.unsupported ??= `${site.key} is written as an explicit key (\`? ${site.key}\`)`;
    this.layout.sites.set(site.key, site);
  }

  /**
   * Past the comment lines indented deeper than the key (`  # - PT` under a list): they belong
   * to the pair, and a key inserted after it must not come between them.
   */
  private skipIndentedComments(from: number, keyColumn: number): number {
    const { text } = this;
    const end = this.layout.block.contentEnd;
    let at = from;
    while (at < end) {
      const line = lineAt(text, at);
      let i = at;
      while (i < line.contentEnd && text.charCodeAt(i) === 32) i++;
      if (i - at <= keyColumn || text.charCodeAt(i) !== 35 /* # */) break;
      at = line.next;
    }
    return at;
  }

  private readBlock(site: ListSite, token: CST.Token | undefined): void {
    const { text, base } = this;
    site.kind = 'block';
    // Comment lines after the last item come as an item with neither `-` nor value: skip them.
    const cstItems = token?.type === 'block-seq' ? token.items.filter((it) => it.value !== undefined || it.start.some((t) => t.type === 'seq-item-ind')) : [];
    if (cstItems.length !== site.items.length) {
      this.finish(site, undefined, 'the list');
      return;
    }
    let indent = '';
    let gap = ' ';
    let next: number | undefined;
    cstItems.forEach((cstItem, i) => {
      const item = site.items[i]!;
      const dash = cstItem.start.find((t) => t.type === 'seq-item-ind');
      if (dash === undefined) return;
      const d = base + dash.offset;
      const lineStart = lineStartOf(text, d);
      const before = text.slice(lineStart, d);
      if (!/^ *$/.test(before)) return;
      const end = restOfLine(text, Math.max(item.end, d + 1));
      if (end === undefined) return;
      item.lines = { start: lineStart, next: end };
      indent = before;
      const between = text.slice(d + 1, item.empty ? d + 1 : item.start);
      gap = /^[ ]+$/.test(between) ? between : ' ';
      next = end;
    });
    if (site.items.some((item) => item.lines === undefined)) next = undefined;
    if (next !== undefined) site.block = { indent, gap, next };
    this.finish(site, next, 'a list item');
  }

  private readFlow(site: ListSite, token: CST.Token | undefined): void {
    const { text, base } = this;
    site.kind = 'flow';
    if (token?.type !== 'flow-collection') {
      this.finish(site, undefined, 'the list');
      return;
    }
    const close = token.end.find((t) => t.type === 'flow-seq-end');
    const commas: number[] = [];
    for (const item of token.items) {
      for (const t of item.start) if (t.type === 'comma') commas.push(base + t.offset);
      for (const t of item.sep ?? []) if (t.type === 'comma') commas.push(base + t.offset);
    }
    if (token.start.type !== 'flow-seq-start' || close === undefined) {
      this.finish(site, undefined, 'the list');
      return;
    }
    site.flow = { open: base + token.start.offset, close: base + close.offset, commas };
    this.finish(site, restOfLine(text, base + close.offset + 1), 'the closing `]`');
  }

  /** Remembers how the file indents its block lists, for the lists that edits create. */
  private inferBlockStyle(pairs: Pair<Node | null, Node | null>[]): void {
    for (const pair of pairs) {
      const value = pair.value;
      if (!isSeq(value) || value.flow || !isScalar(pair.key)) continue;
      const token = value.srcToken;
      const dash = token?.type === 'block-seq' ? token.items[0]?.start.find((t) => t.type === 'seq-item-ind') : undefined;
      if (dash === undefined) continue;
      const d = this.base + dash.offset;
      const keyStart = this.base + (pair.key.range?.[0] ?? 0);
      const keyColumn = keyStart - lineStartOf(this.text, keyStart);
      const dashColumn = d - lineStartOf(this.text, d);
      const item = value.items[0] as Node | null;
      const itemStart = this.base + (item?.range?.[0] ?? d + 2);
      const between = this.text.slice(d + 1, itemStart);
      if (dashColumn < keyColumn || !/^ *$/.test(this.text.slice(lineStartOf(this.text, d), d))) continue;
      this.layout.blockStyle = { indent: dashColumn - keyColumn, gap: /^[ ]+$/.test(between) ? between : ' ' };
      return;
    }
  }
}
