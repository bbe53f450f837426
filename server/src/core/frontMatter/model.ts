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
import { isAlias, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { CST, Node, Pair } from 'yaml';
import type { FrontMatterKeys } from '../settings';
import type { Category } from '../types';
import { CATEGORIES } from '../types';
import { isFence, locateDateHeader } from './locate';

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
  reason: 'yaml' | 'not-a-map' | 'not-a-list' | 'duplicate-key' | 'too-large';
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
  /** The document's line ending (its first line break; LF if none). */
  eol: '\n' | '\r\n';
  bomLength: 0 | 1;
  /** Legacy first line `date YYYY-MM` of the body (after the block, if any). `end` is past its line break when nothing follows it on its line. */
  header?: { start: number; end: number; date: string };
}

/** The key of the document's own ignore list. */
export const IGNORE_KEY = 'communique-ignore';

/**
 * Front matter larger than this is not parsed. The `yaml` composer reads about half a megabyte a
 * second and the editor re-reads the front matter on every keystroke; a real front matter is a few
 * hundred bytes, so 128 K characters leaves ample room while bounding the cost at ~0.2 s.
 */
export const MAX_FRONT_MATTER_CHARS = 131_072;

/**
 * Deeper nesting than this is refused before parsing. The `yaml` composer recurses once per level
 * and relies on catching the stack overflow; near the stack limit V8 can abort the whole process
 * while compiling a regular expression (seen in this project's tests), so the language server must
 * never get there. Real front matter nests two or three levels.
 */
const MAX_NESTING = 64;

/**
 * Whether YAML source nests deeper than MAX_NESTING: flow brackets (counted without regard to
 * quotes, which can only overestimate), and block levels (increasing indentation, plus compact
 * `- `, `? ` and `: ` indicators at the start of a line).
 */
function nestsTooDeep(source: string): boolean {
  let flow = 0;
  const indents: number[] = [];
  let at = 0;
  while (at < source.length) {
    const line = lineAt(source, at);
    let i = at;
    while (i < line.contentEnd && source.charCodeAt(i) === 32) i++;
    const first = source.charCodeAt(i);
    if (i < line.contentEnd && first !== 35 /* # */) {
      const column = i - at;
      while (indents.length > 0 && indents[indents.length - 1]! >= column) indents.pop();
      indents.push(column);
      // Compact nesting on one line: `- - - a`, `? - a`.
      while (i + 1 < line.contentEnd && '-?:'.includes(source[i]!) && (source.charCodeAt(i + 1) === 32 || source.charCodeAt(i + 1) === 9)) {
        i += 2;
        while (i < line.contentEnd && (source.charCodeAt(i) === 32 || source.charCodeAt(i) === 9)) i++;
        indents.push(i - at);
      }
      if (indents.length > MAX_NESTING) return true;
    }
    for (let j = i; j < line.contentEnd; j++) {
      const c = source.charCodeAt(j);
      if (c === 91 || c === 123) {
        if (++flow > MAX_NESTING) return true;
      } else if ((c === 93 || c === 125) && flow > 0) flow--;
    }
    at = line.next;
  }
  return false;
}

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

function firstLineBreak(text: string): '\n' | '\r\n' {
  const nl = text.indexOf('\n');
  return nl > 0 && text.charCodeAt(nl - 1) === 13 ? '\r\n' : '\n';
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
    fm.status = 'invalid';
    fm.problems.push({
      message: 'The front matter ends with `...`: front-matter readers such as gray-matter only accept `---` as the closing line.',
      start: found.contentEnd,
      end: found.contentEnd + 3,
      reason: 'yaml',
    });
    return { frontMatter: fm };
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

  if (nestsTooDeep(text.slice(block.contentStart, block.contentEnd))) {
    fm.status = 'invalid';
    fm.problems.push({
      message: `The front matter nests too deeply to read (more than ${MAX_NESTING} levels).`,
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
      const s = Math.min(error.pos[0], source.length);
      const e = Math.min(Math.max(error.pos[1], s), source.length);
      const duplicate = error.code === 'DUPLICATE_KEY';
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
    const root = doc.contents;
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
    if (!isScalar(value) || value.value === null) return;
    if ((name === 'lang' || (name === 'language' && this.fm.lang === undefined)) && typeof value.value === 'string') this.fm.lang = value.value;
    else if (name === 'communique' && typeof value.value === 'boolean') this.fm.communique = value.value;
    else if (name === 'date') this.fm.date = this.scalarText(value);
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
