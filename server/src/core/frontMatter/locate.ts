/**
 * Where the body of a communiqué starts: after an optional BOM, an optional YAML front matter block
 * (`---` ... `---` at the very top) and an optional `date YYYY-MM` header (issue 2: only the body is
 * scanned). Also reads the document language from the front matter's `lang:`.
 *
 * Nothing here throws: a front matter that is not valid YAML is still a front matter block (the
 * editor reports it elsewhere), and its `lang:` line is still read when it can be.
 *
 * The block ends at the first `---` line, or at a `...` line (YAML's end of document). model.ts
 * finds the same block, reads it the same way, and reports a `...` ending as invalid, because
 * gray-matter, Jekyll and Hugo only close on `---`. Both refuse the same hostile blocks before
 * parsing them (issue 6): larger than MAX_FRONT_MATTER_CHARS, nested deeper than
 * MAX_FRONT_MATTER_NESTING, or broken into lines by lone carriage returns. Aliases are never
 * expanded and tags are never resolved into anything but strings.
 */
import { isMap, isScalar, parseDocument } from 'yaml';
import type { Lang } from '../types';

/** The front matter block of a document. All offsets are UTF-16 code units. */
export interface FrontMatterBlock {
  /** Offset of the opening `---` (1 after a BOM). */
  start: number;
  /** Offset just past the closing fence and its line break: where the rest of the document starts. */
  end: number;
  /** The YAML between the fences: [contentStart, contentEnd). */
  contentStart: number;
  contentEnd: number;
  /** The line ending of the opening fence, to write edits in the document's own style. */
  eol: '\n' | '\r\n' | '\r';
}

/** A `date YYYY-MM` header at the start of the body. */
export interface DateHeader {
  start: number;
  /** Past the header and, when nothing follows it on its line, past that line's break. */
  end: number;
  /** The date as written ("2025-04"). */
  value: string;
}

/** The parts of a document around its body. */
export interface DocumentLayout {
  /** True when the text starts with U+FEFF. */
  bom: boolean;
  frontMatter: FrontMatterBlock | undefined;
  dateHeader: DateHeader | undefined;
  /** `lang:` of the front matter, normalised ("fr-FR" gives "fr"), when present and well formed. */
  language: Lang | undefined;
  /** Where the body (the text to scan) starts. */
  bodyStart: number;
}

const BOM = 0xfeff;

/** Reads one line starting at `from`: its content end and the offset past its line break. */
function lineAt(text: string, from: number): { contentEnd: number; next: number; eol: '\n' | '\r\n' | '\r' | '' } {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10) return { contentEnd: i, next: i + 1, eol: '\n' };
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? { contentEnd: i, next: i + 2, eol: '\r\n' } : { contentEnd: i, next: i + 1, eol: '\r' };
    i++;
  }
  return { contentEnd: i, next: i, eol: '' };
}

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
export const MAX_FRONT_MATTER_NESTING = 64;

/**
 * Whether YAML source nests deeper than MAX_FRONT_MATTER_NESTING: flow brackets (counted without regard to
 * quotes, which can only overestimate), and block levels (increasing indentation, plus compact
 * `- `, `? ` and `: ` indicators at the start of a line).
 */
export function nestsTooDeep(source: string): boolean {
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
      if (indents.length > MAX_FRONT_MATTER_NESTING) return true;
    }
    for (let j = i; j < line.contentEnd; j++) {
      const c = source.charCodeAt(j);
      if (c === 91 || c === 123) {
        if (++flow > MAX_FRONT_MATTER_NESTING) return true;
      } else if ((c === 93 || c === 125) && flow > 0) flow--;
    }
    at = line.next;
  }
  return false;
}

/**
 * Whether the YAML of a block is refused before parsing: too large, nested too deeply, or with
 * lone carriage returns as line breaks (which YAML readers do not take for line breaks).
 */
export function isUnreadableFrontMatter(source: string): boolean {
  return source.length > MAX_FRONT_MATTER_CHARS || /\r(?!\n)/.test(source) || nestsTooDeep(source);
}

/** True when text[from, to) is `marker` followed only by spaces or tabs. */
export function isFence(text: string, from: number, to: number, marker: string): boolean {
  if (!text.startsWith(marker, from)) return false;
  for (let i = from + marker.length; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** Finds the front matter block at the top of a document (after an optional BOM), if any. */
export function locateFrontMatter(text: string): FrontMatterBlock | undefined {
  const start = text.charCodeAt(0) === BOM ? 1 : 0;
  // Most documents have no front matter: answer before reading their first line, which may be a
  // whole document written on one line.
  if (!text.startsWith('---', start)) return undefined;
  const opening = lineAt(text, start);
  if (opening.eol === '' || !isFence(text, start, opening.contentEnd, '---')) return undefined;
  let at = opening.next;
  while (at <= text.length) {
    const line = lineAt(text, at);
    if (isFence(text, at, line.contentEnd, '---') || isFence(text, at, line.contentEnd, '...')) {
      return { start, end: line.next, contentStart: opening.next, contentEnd: at, eol: opening.eol };
    }
    if (line.eol === '') return undefined;
    at = line.next;
  }
  return undefined;
}

const LANG_LINE_RE = /^[ \t]*lang(?:uage)?[ \t]*:[ \t]*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)["']?[ \t]*(?:#.*)?$/m;

/** Normalises a language tag to its primary subtag in lower case; undefined when it is not one. */
export function normalizeLanguageTag(value: unknown): Lang | undefined {
  if (typeof value !== 'string') return undefined;
  const primary = value.trim().split(/[-_]/)[0]!.toLowerCase();
  return /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}

/**
 * The `lang:` of a front matter block (or `language:`), read with the `yaml` package as model.ts
 * reads it: the root map's string values, `lang` before `language`, nothing expanded or resolved.
 * When the YAML does not parse, the first `lang:` line is read instead, so a typo elsewhere does not
 * change the language of the whole document. A block refused before parsing (see
 * isUnreadableFrontMatter) says nothing.
 */
export function frontMatterLanguage(text: string, block: FrontMatterBlock): Lang | undefined {
  const source = text.slice(block.contentStart, block.contentEnd);
  if (source.trim() === '' || isUnreadableFrontMatter(source)) return undefined;
  try {
    const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: false, version: '1.2', schema: 'core' });
    if (doc.errors.length === 0) {
      const root = doc.contents;
      if (!isMap(root)) return undefined;
      let lang: string | undefined;
      for (const pair of root.items) {
        const key = isScalar(pair.key) ? pair.key.value : undefined;
        const value = isScalar(pair.value) ? pair.value.value : undefined;
        if (typeof value !== 'string') continue;
        if (key === 'lang' || (key === 'language' && lang === undefined)) lang = value;
      }
      return normalizeLanguageTag(lang);
    }
  } catch {
    // Fall through to the line reading: the YAML is broken in a way the parser refuses outright.
  }
  const m = LANG_LINE_RE.exec(source);
  return m ? normalizeLanguageTag(m[1]) : undefined;
}

const DATE_RE = /[ \t]*date[ \t]+(\d{4}-\d{2}(?:-\d{2})?)(?=\s|$)/iy;

/**
 * A `date YYYY-MM` header at `from` (the start of the body). Some files put the first sentence on
 * the same line as the header; only the header itself is skipped then.
 */
export function locateDateHeader(text: string, from: number): DateHeader | undefined {
  DATE_RE.lastIndex = from;
  const m = DATE_RE.exec(text);
  if (m === null) return undefined;
  let end = from + m[0].length;
  const line = lineAt(text, end);
  if (text.slice(end, line.contentEnd).trim() === '') end = line.next;
  else while (end < line.contentEnd && (text.charCodeAt(end) === 32 || text.charCodeAt(end) === 9)) end++;
  return { start: from, end, value: m[1]! };
}

/** Splits a document into BOM, front matter, date header and body start; never throws. */
export function locateBody(text: string): DocumentLayout {
  const bom = text.charCodeAt(0) === BOM;
  const frontMatter = locateFrontMatter(text);
  const language = frontMatter ? frontMatterLanguage(text, frontMatter) : undefined;
  const afterFrontMatter = frontMatter ? frontMatter.end : bom ? 1 : 0;
  const dateHeader = locateDateHeader(text, afterFrontMatter);
  return { bom, frontMatter, dateHeader, language, bodyStart: dateHeader ? dateHeader.end : afterFrontMatter };
}
