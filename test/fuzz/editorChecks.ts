/**
 * Checks of a front-matter edit, shared by the editor properties and their regression tests:
 * "bytes outside managed keys are kept" (issue 6) made precise.
 *
 * A document is cut into its skeleton (BOM, the front-matter block without the managed keys'
 * regions, the body) and its comments (read from the `yaml` CST, so a `#` inside a quoted value is
 * not one). A fix may change the managed keys (actors, countries, regions, threats,
 * communique-ignore) and, for the date-header fix, the header line and a new `date:` key; the rest
 * of the skeleton must come out identical, and every comment that is not on a removed item's own
 * line must still be there.
 */
import assert from 'node:assert/strict';
import { Parser } from 'yaml';
import { analyzeFrontMatter, lineStartOf, type FrontMatterAnalysis } from '#core/frontMatter/model';
import { locateFrontMatter } from '#core/frontMatter/locate';
import type { TextEdit } from '#core/textEdit';
import { KEYS, MANAGED_KEYS } from './generators';
import { assertOffsets, show } from './invariants';

/** The parts of a document a fix must not change. */
export interface Skeleton {
  bom: boolean;
  /** The block's content without the managed keys' lines; undefined without a block. */
  content: string | undefined;
  /** Everything after the block (and after the date header when `withoutHeader`). */
  body: string;
}

/** The regions [start, end) of the managed keys of a parsed block: from the key's line to the line after its value. */
export function managedRegions(text: string, analysis: FrontMatterAnalysis): { start: number; end: number }[] {
  const regions: { start: number; end: number }[] = [];
  for (const key of MANAGED_KEYS) {
    const site = analysis.layout?.sites.get(key);
    if (site === undefined || site.colon === undefined) continue;
    regions.push({ start: lineStartOf(text, site.colon), end: site.next });
  }
  return regions.sort((a, b) => a.start - b.start);
}

/** The line of a root `date:` key that `set` added, as a region to leave out. */
function dateRegion(text: string, analysis: FrontMatterAnalysis): { start: number; end: number } | undefined {
  const block = analysis.frontMatter.block;
  if (block === undefined) return undefined;
  const re = /^[ \t]*date:[^\r\n]*(?:\r\n|\r|\n)/gm;
  re.lastIndex = block.contentStart;
  const m = re.exec(text);
  if (m === null || m.index >= block.contentEnd) return undefined;
  return { start: m.index, end: m.index + m[0].length };
}

/** The skeleton of a document (see the file comment). */
export function skeleton(text: string, options: { withoutHeader?: boolean; withoutDateKey?: boolean } = {}): Skeleton {
  const analysis = analyzeFrontMatter(text, KEYS);
  const fm = analysis.frontMatter;
  const bom = fm.bomLength === 1;
  const afterBlock = fm.block?.end ?? fm.bomLength;
  const bodyStart = options.withoutHeader && fm.header !== undefined ? fm.header.end : afterBlock;
  const body = text.slice(bodyStart);
  if (fm.block === undefined) return { bom, content: undefined, body };
  const regions = managedRegions(text, analysis);
  if (options.withoutDateKey) {
    const date = dateRegion(text, analysis);
    if (date !== undefined) regions.push(date);
    regions.sort((a, b) => a.start - b.start);
  }
  let content = '';
  let at = fm.block.contentStart;
  for (const r of regions) {
    if (r.start < at) continue;
    content += text.slice(at, r.start);
    at = r.end;
  }
  content += text.slice(at, fm.block.contentEnd);
  return { bom, content, body };
}

/** Every comment of a front-matter block, with its offset in the text (read from the CST). */
export function comments(text: string): { offset: number; source: string }[] {
  const block = locateFrontMatter(text);
  if (block === undefined) return [];
  const source = text.slice(block.contentStart, block.contentEnd);
  const out: { offset: number; source: string }[] = [];
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) walk(n);
      return;
    }
    const token = node as { type?: unknown; offset?: unknown; source?: unknown };
    if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
      out.push({ offset: block.contentStart + token.offset, source: token.source });
      return;
    }
    for (const value of Object.values(node)) walk(value);
  };
  for (const token of new Parser().parse(source)) walk(token);
  return out.sort((a, b) => a.offset - b.offset);
}

/** The edits are inside the text, ordered, not overlapping, and split neither a pair nor a CRLF. */
export function checkEdits(text: string, edits: readonly TextEdit[], what: string): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let at = 0;
  for (const edit of sorted) {
    assertOffsets(text, edit.start, edit.end, `${what}: edit ${show(text.slice(edit.start, edit.end))} -> ${show(edit.newText)}`);
    assert.ok(edit.start >= at, `${what}: edits overlap`);
    at = edit.end;
  }
}

/**
 * The line breaks an edit may write. With a front matter block: the block's own. Otherwise one the
 * document already uses (its first one when it has several), or LF in a document without any. A
 * lone CR (classic Mac) is the exception: neither the `yaml` library nor gray-matter reads YAML
 * lines ended by CR alone, so front matter written that way would not parse; LF is written.
 */
export function allowedLineBreaks(text: string): Set<string> {
  const block = locateFrontMatter(text);
  if (block !== undefined && block.eol !== '\r') return new Set([block.eol]);
  const used = new Set<string>();
  for (const m of text.matchAll(/\r\n|\r|\n/g)) if (m[0] !== '\r') used.add(m[0]);
  return used.size === 0 ? new Set(['\n']) : used;
}

/** Every line break an edit inserts is one the document uses. */
export function checkLineBreaks(text: string, edits: readonly TextEdit[], what: string): void {
  const allowed = allowedLineBreaks(text);
  for (const edit of edits) {
    for (const m of edit.newText.matchAll(/\r\n|\r|\n/g)) {
      assert.ok(allowed.has(m[0]), `${what}: the edit ${show(edit.newText)} writes ${show(m[0])} in a document whose line breaks are ${show([...allowed].join(' '))}`);
    }
  }
}

/** The comments of `before` are all in `after`, except those inside the removed ranges. */
export function checkComments(before: string, after: string, removed: readonly { start: number; end: number }[], what: string): void {
  const left = new Map<string, number>();
  for (const c of comments(after)) left.set(c.source, (left.get(c.source) ?? 0) + 1);
  for (const c of comments(before)) {
    if (removed.some((r) => c.offset >= r.start && c.offset < r.end)) continue;
    const n = left.get(c.source) ?? 0;
    assert.ok(n > 0, `${what}: the comment ${show(c.source)} is kept`);
    left.set(c.source, n - 1);
  }
}
