/**
 * Cutting a long text into slices that can be recognised one after another (issue 6, "Huge and
 * hostile documents"): a 10 MB report, or a 5 MB document written on one line, is processed a
 * slice at a time so that the language server can answer other requests in between.
 *
 * Where a cut may fall, best first:
 * 1. at the start of a paragraph (a non-blank line after a blank one, as language.ts splits
 *    paragraphs), so paragraph languages are decided exactly as for the whole text;
 * 2. inside a paragraph, at least `minParagraphHead` characters after its start (the sample the
 *    paragraph's language is read from stays whole), at a line start, else after the end of a
 *    sentence, else after a space, else next to punctuation: never inside a token, so every slice
 *    tokenises as the whole text does there;
 * 3. only in a run of letters longer than a slice, anywhere that splits no surrogate pair.
 *
 * A cut inside a paragraph always lands on a character that is not white space, so the part of
 * the line after it is never mistaken for a blank line.
 *
 * Recognition reads each slice with some text either side (its window, see `windowAround`) so that
 * names, frames and heuristic contexts across a cut are seen whole; recognize.ts keeps what starts
 * inside the slice. Everything here is a scan of characters, linear in the text.
 */

/** One slice of a text: [start, end). */
export interface TextSlice {
  start: number;
  end: number;
  /** True when `start` opens a paragraph (or is the start of the sliced range). */
  paragraphStart: boolean;
}

/** How to cut. */
export interface SliceOptions {
  /** The size a slice aims at, in UTF-16 code units. A slice is at least half of it, except the last. */
  sliceChars: number;
  /** No cut inside a paragraph closer than this to the paragraph's start. Default 0. */
  minParagraphHead?: number;
}

/** Cuts text[from, to) into consecutive slices (one when the range is no longer than a slice). */
export function planSlices(text: string, from: number, to: number, options: SliceOptions): TextSlice[] {
  const start0 = clamp(from, 0, text.length);
  const end = clamp(to, start0, text.length);
  const size = Math.max(1, Math.floor(options.sliceChars));
  const head = Math.max(0, Math.floor(options.minParagraphHead ?? 0));
  if (!(end - start0 > size)) return [{ start: start0, end, paragraphStart: true }];
  const paragraphs = paragraphStarts(text, start0, end);
  const slices: TextSlice[] = [];
  let start = start0;
  let paragraphStart = true;
  while (end - start > size) {
    const cut = findCut(text, start, end, size, head, paragraphs);
    if (cut.at >= end) break;
    slices.push({ start, end: cut.at, paragraphStart });
    start = cut.at;
    paragraphStart = cut.paragraph;
  }
  slices.push({ start, end, paragraphStart });
  return slices;
}

/**
 * The window a slice is recognised in: about `overlap` more characters each side, within
 * [from, to), starting and ending where no token is cut (at white space when there is some).
 */
export function windowAround(text: string, slice: { start: number; end: number }, overlap: number, from: number, to: number): { start: number; end: number } {
  const lo = clamp(from, 0, text.length);
  const hi = clamp(to, lo, text.length);
  let start = slice.start;
  if (start - overlap > lo) {
    const target = start - overlap;
    // A run of letters with no break at all is cut anyway: only the overlap sees its pieces.
    start = backwardBoundary(text, target, Math.max(lo, target - overlap)) ?? hardCut(text, target);
  } else {
    start = lo;
  }
  let end = slice.end;
  if (end + overlap < hi) {
    const target = end + overlap;
    end = forwardBoundary(text, target, Math.min(hi, target + overlap)) ?? hardCut(text, target);
  } else {
    end = hi;
  }
  return { start, end };
}

/**
 * The paragraph starts of text[from, to), as language.ts sees them: `from`, then every non-blank
 * line (lines end at "\n") that follows a blank one.
 */
export function paragraphStarts(text: string, from: number, to: number): number[] {
  const starts = [from];
  let sawBlank = false;
  let lineStart = from;
  while (lineStart < to) {
    let nl = text.indexOf('\n', lineStart);
    if (nl < 0 || nl >= to) nl = to;
    if (isBlankRange(text, lineStart, nl)) sawBlank = true;
    else if (sawBlank) {
      if (lineStart > from) starts.push(lineStart);
      sawBlank = false;
    }
    lineStart = nl + 1;
  }
  return starts;
}

interface Cut {
  at: number;
  /** The cut opens a paragraph. */
  paragraph: boolean;
}

function findCut(text: string, start: number, end: number, size: number, head: number, paragraphs: readonly number[]): Cut {
  const target = start + size;
  const low = start + Math.ceil(size / 2);
  // 1. The last paragraph start in [low, target].
  const k = lastAtOrBefore(paragraphs, target);
  const p = k >= 0 ? paragraphs[k]! : start;
  if (p > start && p >= low) return { at: p, paragraph: true };
  // 2. Inside the paragraph that contains the target, once its head is passed.
  const inside = Math.max(low, p + head);
  if (inside <= target) {
    const cut = cutInside(text, inside, target);
    if (cut !== undefined) return { at: cut, paragraph: false };
  }
  // A paragraph start in the lower half is better than a slice that grows.
  if (p > start) return { at: p, paragraph: true };
  // 3. Nothing fits before the target: the first place past it (the next paragraph, or a place
  // inside this one once its head is passed).
  const next = k + 1 < paragraphs.length ? paragraphs[k + 1]! : end;
  const from = Math.max(target, p + head);
  if (from < next) {
    const limit = Math.min(next, from + size);
    const cut = cutInsideForward(text, from, limit);
    if (cut !== undefined) return { at: cut, paragraph: false };
    if (limit < next) return { at: hardCut(text, limit), paragraph: false };
  }
  return { at: next, paragraph: next < end };
}

/** The best cut in (lo, hi] inside a paragraph, searching back from hi; undefined if none. */
function cutInside(text: string, lo: number, hi: number): number | undefined {
  // A line start whose line is not blank (searched within the range only: a document on one line
  // has no line break to find, and must not be scanned to its start for each cut).
  for (let at = hi; at > lo; at--) {
    if (text.charCodeAt(at - 1) === 10 && !isSpace(text.charCodeAt(at))) return at;
  }
  // After the end of a sentence: ". ", "! ", "? " (and more spaces), before a word.
  let fallback: number | undefined;
  let punctuation: number | undefined;
  for (let i = hi; i > lo; i--) {
    const c = text.charCodeAt(i);
    const before = text.charCodeAt(i - 1);
    if (!isSpace(c) && isSpace(before)) {
      let j = i - 1;
      while (j > lo && isSpace(text.charCodeAt(j))) j--;
      const end = text.charCodeAt(j);
      if (end === 46 /* . */ || end === 33 /* ! */ || end === 63 /* ? */ || end === 0x3002 || end === 0x61f /* ؟ */) return i;
      fallback ??= i;
    } else if (punctuation === undefined && !isSpace(c) && (isAsciiPunctuation(c) || isAsciiPunctuation(before)) && !splitsPair(text, i)) {
      punctuation = i;
    }
  }
  return fallback ?? punctuation;
}

/** The first cut in [lo, hi) inside a paragraph, searching forward; undefined if none. */
function cutInsideForward(text: string, lo: number, hi: number): number | undefined {
  let punctuation: number | undefined;
  for (let i = Math.max(lo, 1); i < hi; i++) {
    const c = text.charCodeAt(i);
    const before = text.charCodeAt(i - 1);
    if (!isSpace(c) && isSpace(before)) return i;
    if (punctuation === undefined && !isSpace(c) && (isAsciiPunctuation(c) || isAsciiPunctuation(before)) && !splitsPair(text, i)) punctuation = i;
  }
  return punctuation;
}

/** A place at or just before `at` that splits neither a surrogate pair nor a "\r\n". */
function hardCut(text: string, at: number): number {
  return splitsPair(text, at) || (text.charCodeAt(at - 1) === 13 && text.charCodeAt(at) === 10) ? at - 1 : at;
}

/** A token-safe boundary at or before `at`, not before `limit`: after white space, else next to punctuation. */
function backwardBoundary(text: string, at: number, limit: number): number | undefined {
  let punctuation: number | undefined;
  for (let i = at; i > limit; i--) {
    const c = text.charCodeAt(i);
    const before = text.charCodeAt(i - 1);
    if (isSpace(before) && !isSpace(c)) return i;
    if (punctuation === undefined && (isAsciiPunctuation(c) || isAsciiPunctuation(before)) && !splitsPair(text, i)) punctuation = i;
  }
  return punctuation;
}

/** A token-safe boundary at or after `at`, before `limit`. */
function forwardBoundary(text: string, at: number, limit: number): number | undefined {
  let punctuation: number | undefined;
  for (let i = at; i < limit; i++) {
    const c = text.charCodeAt(i);
    const before = text.charCodeAt(i - 1);
    if (isSpace(before) && !isSpace(c)) return i;
    if (punctuation === undefined && (isAsciiPunctuation(c) || isAsciiPunctuation(before)) && !splitsPair(text, i)) punctuation = i;
  }
  return punctuation;
}

/** The index of the last element <= value in a sorted list, or -1. */
function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Blank as language.ts counts it: spaces, tabs, CR, NBSP, BOM, form feed and vertical tab only. */
function isBlankRange(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 0xa0 && c !== 0xfeff && c !== 12 && c !== 11) return false;
  }
  return true;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0xfeff;
}

/** ASCII characters that are never part of a token (tokens are letters, marks and digits). */
function isAsciiPunctuation(c: number): boolean {
  return c < 128 && !(c >= 48 && c <= 57) && !(c >= 65 && c <= 90) && !(c >= 97 && c <= 122) && !isSpace(c);
}

function splitsPair(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(Number.isFinite(x) ? Math.floor(x) : lo, hi));
}
