/**
 * One document, analysed: its entities and its front matter, read together so that diagnostics,
 * code actions, hovers and the CLI all see the same picture of a given version of the text.
 *
 * The document's own `communique-ignore:` list is applied here, after recognition, with the same
 * folded comparison as a lexicon's `ignore:` list: a term listed there is never reported, and
 * nothing inside it either.
 *
 * A document is not analysed at all when it is larger than `communique.maxFileSize` or when it is
 * binary data opened as text (issue 6); it then says so (`notAnalyzed`, and a diagnostic). A long
 * document is analysed in steps (`startAnalysis`) that the language server runs between other
 * requests; `analyzeDocument` runs them all at once.
 */
import picomatch from 'picomatch/posix';
import { readFrontMatter, type FrontMatter } from './frontMatter/model';
import { lexiconKey } from './lexicon/merge';
import type { RecognitionSteps, Recognizer } from './recognize';
import type { CommuniqueSettings } from './settings';
import { entityTagValue } from './tagValues';
import { terminologyOf } from './terminology';
import { binaryVerdict, formatBytes, utf8Length } from './text/inspect';
import { planSlices, type TextSlice } from './text/slices';
import { tokenize, type Token } from './text/tokenize';
import type { Entity, Lexicon, Recognition } from './types';

/** A recognised document with its front matter. */
export interface AnalyzedDocument {
  uri: string;
  version: number | null;
  text: string;
  recognition: Recognition;
  frontMatter: FrontMatter;
  /** entity id -> the value that tagging writes (ISO code, id, or actor canonical name). */
  tagValueOf(e: Entity): string;
  /** Set when the text is larger than settings.maxFileSize: nothing was recognised. */
  tooLarge?: boolean;
  /** Set when the document was not analysed (too large, or not text), with why. */
  notAnalyzed?: NotAnalyzed;
}

/** Why a document is not analysed, with the sentence that tells the user (issue 6: never silently). */
export type NotAnalyzed =
  | { reason: 'too-large'; bytes: number; limit: number; message: string }
  | { reason: 'binary'; detail: string; message: string };

/** An analysis in steps of bounded work (see Recognizer.steps), so that a caller can yield or stop between them. */
export interface AnalysisSteps {
  /** Runs the next step; returns the analysed document after the last one (and on any call after it). */
  step(): AnalyzedDocument | undefined;
  readonly done: number;
  readonly total: number;
}

/** Slicing of a stepped analysis (defaults: recognize.ts SLICE_CHARS and OVERLAP_CHARS). */
export interface AnalysisStepOptions {
  sliceChars?: number;
  overlapChars?: number;
}

/** The language id of the communiqué language the client contributes. */
export const COMMUNIQUE_LANGUAGE_ID = 'communique';

/** Recognises a document and reads its front matter in one step (document ignore list applied). */
export function analyzeDocument(
  input: { uri: string; version: number | null; text: string },
  recognizer: Recognizer,
  settings: CommuniqueSettings,
): AnalyzedDocument {
  const steps = new AnalysisRun(input, recognizer, settings, { sliceChars: Infinity });
  for (;;) {
    const doc = steps.step();
    if (doc !== undefined) return doc;
  }
}

/** `analyzeDocument` in steps: the same result, a slice of the text at a time. */
export function startAnalysis(
  input: { uri: string; version: number | null; text: string },
  recognizer: Recognizer,
  settings: CommuniqueSettings,
  options: AnalysisStepOptions = {},
): AnalysisSteps {
  return new AnalysisRun(input, recognizer, settings, options);
}

/**
 * Why a text is not analysed: more bytes (UTF-8) than settings.maxFileSize, or binary data. The
 * size is checked first, so a huge binary file costs one count.
 */
export function whyNotAnalyzed(text: string, settings: CommuniqueSettings): NotAnalyzed | undefined {
  const limit = settings.maxFileSize;
  // Every UTF-16 code unit is at least one byte of UTF-8, at most three: the exact count is only
  // needed between the two bounds, or for the message.
  if (text.length * 3 <= limit) return binaryNotice(text);
  const bytes = utf8Length(text);
  if (bytes > limit) {
    return {
      reason: 'too-large',
      bytes,
      limit,
      message: `This document is ${formatBytes(bytes)}, larger than communique.maxFileSize (${formatBytes(limit)}): Communiqué does not annotate it.`,
    };
  }
  return binaryNotice(text);
}

function binaryNotice(text: string): NotAnalyzed | undefined {
  const binary = binaryVerdict(text);
  if (binary === undefined) return undefined;
  return { reason: 'binary', detail: binary.reason, message: `This file does not look like text (${binary.reason}): Communiqué does not annotate it.` };
}

/** One analysis: the checks and the front matter first, then recognition and the ignore list in steps. */
class AnalysisRun implements AnalysisSteps {
  private readonly doc: AnalyzedDocument;
  private readonly lexicon: Lexicon;
  private readonly recognition: RecognitionSteps | undefined;
  private readonly ignore: IgnoreFilter | undefined;
  private recognized: Recognition | undefined;
  private result: AnalyzedDocument | undefined;
  done = 0;
  readonly total: number;

  constructor(
    input: { uri: string; version: number | null; text: string },
    recognizer: Recognizer,
    settings: CommuniqueSettings,
    options: AnalysisStepOptions,
  ) {
    const text = typeof input.text === 'string' ? input.text : '';
    const notAnalyzed = whyNotAnalyzed(text, settings);
    // Binary data has no front matter to read, only bytes that happen to look like one.
    const frontMatter = readFrontMatter(notAnalyzed?.reason === 'binary' ? '' : text, settings.keys);
    const lexicon = recognizer.lexicon;
    this.lexicon = lexicon;
    this.doc = {
      uri: input.uri,
      version: input.version,
      text,
      recognition: { language: frontMatter.lang ?? 'fr', languageSource: frontMatter.lang !== undefined ? 'front-matter' : 'default', spans: [], entities: [] },
      frontMatter,
      tagValueOf: (e) => entityTagValue(e, lexicon),
    };
    if (notAnalyzed !== undefined) {
      this.doc.notAnalyzed = notAnalyzed;
      if (notAnalyzed.reason === 'too-large') this.doc.tooLarge = true;
      this.total = 0;
      this.result = this.doc;
      return;
    }
    this.recognition = recognizer.steps(text, { heuristics: settings.heuristics, sliceChars: options.sliceChars, overlapChars: options.overlapChars });
    const ignore = frontMatter.ignore.map((item) => item.value);
    this.ignore = ignore.length === 0 ? undefined : new IgnoreFilter(text, ignore, frontMatter, options.sliceChars ?? Infinity);
    this.total = this.recognition.total + (this.ignore?.total ?? 0) + 1;
  }

  step(): AnalyzedDocument | undefined {
    if (this.result !== undefined) return this.result;
    this.done++;
    if (this.recognized === undefined) {
      const recognition = this.recognition!.step();
      if (recognition === undefined) return undefined;
      // Mentions of deprecated terms get their replacement (issue 5): a pass over the entities.
      this.recognized = terminologyOf(this.lexicon).mark(recognition);
      if (this.ignore === undefined) return this.finish(this.recognized);
      return undefined;
    }
    if (!this.ignore!.step()) return undefined;
    return this.finish({ ...this.recognized, entities: this.ignore!.filter(this.recognized.entities) });
  }

  private finish(recognition: Recognition): AnalyzedDocument {
    this.doc.recognition = recognition;
    this.done = this.total;
    return (this.result = this.doc);
  }
}

/**
 * Whether a document is annotated: languageId 'communique', a path matching settings.files
 * (relative to a workspace folder), or front matter `communique: true`.
 */
export function isAnnotated(doc: { relativePath?: string; languageId?: string; text: string }, settings: CommuniqueSettings): boolean {
  if (doc.languageId === COMMUNIQUE_LANGUAGE_ID) return true;
  if (doc.relativePath !== undefined && matchesFiles(doc.relativePath, settings.files)) return true;
  return typeof doc.text === 'string' && readFrontMatter(doc.text, settings.keys).communique === true;
}

/**
 * Whether a path matches one of the globs. Paths are compared in POSIX form (Windows separators
 * turned into slashes, no leading `./` or `/`), so one setting works on every platform and for a
 * file outside any workspace folder; dot folders are not special ("**" crosses `.github/press/`).
 */
export function matchesFiles(path: string, globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const normalized = path.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '').replace(/^\/+/, '');
  if (normalized === '') return false;
  try {
    return picomatch.isMatch(normalized, [...globs], { dot: true });
  } catch {
    // A malformed glob in the settings must not take the document down; the others still count.
    return globs.some((glob) => {
      try {
        return picomatch.isMatch(normalized, glob, { dot: true });
      } catch {
        return false;
      }
    });
  }
}

/**
 * The entities that no term of the document's ignore list covers. An entity goes when its text is
 * an ignored term (folded), or when it lies inside an occurrence of one in the text ("Coupe du
 * monde" hides "monde"); a heuristic actor also goes when an occurrence overlaps it, since its
 * extent is only a guess.
 *
 * Occurrences are found a slice of the body at a time (text/slices.ts cuts between tokens), with
 * the last tokens of a slice carried into the next, so a term across a cut is still found. Terms
 * are indexed by their first word: the cost is one lookup per token, however long the list (a
 * hostile front matter may list thousands).
 */
class IgnoreFilter {
  private readonly terms = new Set<string>();
  /** The ignored terms as folded words, by their first word. */
  private readonly byFirst = new Map<string, string[][]>();
  private readonly slices: TextSlice[];
  private next = 0;
  private carry: Token[] = [];
  private longest = 0;
  private readonly spans: { start: number; end: number }[] = [];
  private readonly foldCache = new Map<string, string>();

  constructor(
    private readonly text: string,
    ignore: readonly string[],
    fm: FrontMatter,
    sliceChars: number,
  ) {
    for (const value of ignore) {
      const key = lexiconKey(value, this.foldCache);
      if (key === '' || this.terms.has(key)) continue;
      this.terms.add(key);
      const words = key.split(' ');
      const list = this.byFirst.get(words[0]!);
      if (list === undefined) this.byFirst.set(words[0]!, [words]);
      else list.push(words);
      this.longest = Math.max(this.longest, words.length);
    }
    const bodyStart = fm.block?.end ?? fm.bomLength;
    this.slices = this.terms.size === 0 || bodyStart >= text.length ? [] : planSlices(text, bodyStart, text.length, { sliceChars });
  }

  get total(): number {
    return this.slices.length;
  }

  /** Finds the occurrences in the next slice; true once every slice is done. */
  step(): boolean {
    const slice = this.slices[this.next++];
    if (slice === undefined) return true;
    const fresh = tokenize(this.text, slice.start, slice.end, this.foldCache);
    const tokens = this.carry.length === 0 ? fresh : [...this.carry, ...fresh];
    // Occurrences that end in the carried tokens were found with the previous slice.
    const firstEnd = this.carry.length;
    for (let i = 0; i < tokens.length; i++) {
      const candidates = this.byFirst.get(tokens[i]!.folded);
      if (candidates === undefined) continue;
      for (const seq of candidates) {
        const last = i + seq.length - 1;
        if (last >= tokens.length || last < firstEnd) continue;
        let ok = true;
        for (let k = 1; k < seq.length && ok; k++) ok = tokens[i + k]!.folded === seq[k];
        if (ok) this.spans.push({ start: tokens[i]!.start, end: tokens[last]!.end });
      }
    }
    this.carry = this.longest > 1 ? tokens.slice(Math.max(0, tokens.length - (this.longest - 1))) : [];
    return this.next >= this.slices.length;
  }

  /** The entities no occurrence hides. */
  filter(entities: readonly Entity[]): Entity[] {
    if (this.terms.size === 0) return [...entities];
    const spans = this.spans.sort((a, b) => a.start - b.start);
    // With the running maximum of their ends, one binary search per entity tells whether some
    // span covers or overlaps it.
    const maxEnd: number[] = [];
    for (const s of spans) maxEnd.push(Math.max(s.end, maxEnd[maxEnd.length - 1] ?? -1));
    /** The largest end among the spans that start before `offset` (or at it, when inclusive); -1 if none. */
    const reach = (offset: number, inclusive: boolean): number => {
      let lo = 0;
      let hi = spans.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const start = spans[mid]!.start;
        if (inclusive ? start <= offset : start < offset) lo = mid + 1;
        else hi = mid;
      }
      return lo === 0 ? -1 : maxEnd[lo - 1]!;
    };
    const keys = new Map<string, string>();
    return entities.filter((e) => {
      let key = keys.get(e.text);
      if (key === undefined) {
        key = lexiconKey(e.text, this.foldCache);
        keys.set(e.text, key);
      }
      if (this.terms.has(key)) return false;
      return e.source === 'heuristic' ? reach(e.end, false) <= e.start : reach(e.start, true) < e.end;
    });
  }
}
