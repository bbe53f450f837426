/**
 * One document, analysed: its entities and its front matter, read together so that diagnostics,
 * code actions, hovers and the CLI all see the same picture of a given version of the text.
 *
 * The document's own `communique-ignore:` list is applied here, after recognition, with the same
 * folded comparison as a lexicon's `ignore:` list: a term listed there is never reported, and
 * nothing inside it either.
 */
import picomatch from 'picomatch/posix';
import { readFrontMatter, type FrontMatter } from './frontMatter/model';
import { lexiconKey } from './lexicon/merge';
import type { Recognizer } from './recognize';
import type { CommuniqueSettings } from './settings';
import { entityTagValue } from './tagValues';
import { tokenize } from './text/tokenize';
import type { Entity, Recognition } from './types';

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
}

/** The language id of the communiqué language the client contributes. */
export const COMMUNIQUE_LANGUAGE_ID = 'communique';

/** Recognises a document and reads its front matter in one step (document ignore list applied). */
export function analyzeDocument(
  input: { uri: string; version: number | null; text: string },
  recognizer: Recognizer,
  settings: CommuniqueSettings,
): AnalyzedDocument {
  const text = typeof input.text === 'string' ? input.text : '';
  const frontMatter = readFrontMatter(text, settings.keys);
  const lexicon = recognizer.lexicon;
  const doc: AnalyzedDocument = {
    uri: input.uri,
    version: input.version,
    text,
    recognition: { language: frontMatter.lang ?? 'fr', languageSource: 'default', spans: [], entities: [] },
    frontMatter,
    tagValueOf: (e) => entityTagValue(e, lexicon),
  };
  // UTF-16 length * 2 bytes: exact for the BMP in UTF-16, an overestimate for Latin text in UTF-8,
  // which errs on the side of not freezing the editor.
  if (text.length * 2 > settings.maxFileSize) {
    doc.tooLarge = true;
    return doc;
  }
  const recognition = recognizer.recognize(text, { heuristics: settings.heuristics });
  const ignore = frontMatter.ignore.map((item) => item.value);
  doc.recognition = ignore.length === 0 ? recognition : { ...recognition, entities: withoutIgnored(text, recognition.entities, ignore, frontMatter) };
  return doc;
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
 */
function withoutIgnored(text: string, entities: readonly Entity[], ignore: readonly string[], fm: FrontMatter): Entity[] {
  const terms = new Set<string>();
  const sequences: string[][] = [];
  for (const value of ignore) {
    const key = lexiconKey(value);
    if (key === '' || terms.has(key)) continue;
    terms.add(key);
    sequences.push(key.split(' '));
  }
  if (terms.size === 0) return [...entities];
  const bodyStart = fm.block?.end ?? fm.bomLength;
  const tokens = tokenize(text, bodyStart, text.length);
  const spans: { start: number; end: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (const seq of sequences) {
      if (i + seq.length > tokens.length) continue;
      let ok = true;
      for (let k = 0; k < seq.length && ok; k++) ok = tokens[i + k]!.folded === seq[k];
      if (ok) spans.push({ start: tokens[i]!.start, end: tokens[i + seq.length - 1]!.end });
    }
  }
  // Spans come in token order (sorted by start); with the running maximum of their ends, one
  // binary search per entity tells whether some span covers or overlaps it.
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
  return entities.filter((e) => {
    if (terms.has(lexiconKey(e.text))) return false;
    return e.source === 'heuristic' ? reach(e.end, false) <= e.start : reach(e.start, true) < e.end;
  });
}
