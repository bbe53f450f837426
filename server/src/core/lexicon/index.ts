/**
 * The lexicon loader of the core: parse each layer, merge them in order, expand the variants.
 * Reading files is the caller's job (server/src/node/lexiconFiles.ts), so this stays pure.
 */
import type { Lexicon, LexiconEntry, LexiconProblem } from '../types';
import { mergeLexiconFiles } from './merge';
import { parseLexiconText } from './parse';
import type { LexiconSourceText } from './parse';

export type { FormSection, LexiconSourceText, ParsedLexiconFile, RawEntry, RawForm } from './parse';
export type { SourceTree, TreeMessage, TreeNode } from './sourceTree';
export { treeFromYaml, isSourceTree } from './sourceTree';
export { parseLexiconText } from './parse';
export { mergeLexiconFiles, lexiconKey } from './merge';
export {
  defaultCaseRule,
  defaultKind,
  expandForms,
  inflectArabic,
  inflectDemonym,
  inflectEnglish,
  inflectFrench,
  inflectSpanish,
  isAcronymForm,
} from './expand';

/** Parses, validates and merges lexicon layers in order (later wins per id). */
export function buildLexicon(layers: readonly LexiconSourceText[]): Lexicon {
  return mergeLexiconFiles(layers.map(parseLexiconText));
}

/**
 * A merged lexicon as plain JSON data: what the build writes for the built-in lexicons
 * (server/scripts/lexiconSnapshot.mjs), so that a process starts without parsing, merging and
 * expanding them again. Files are named relative to the lexicon folder, since the folder moves
 * with the installation.
 */
export interface PackedLexicon {
  entries: LexiconEntry[];
  ignore: string[];
  problems: LexiconProblem[];
}

/** Packs a merged lexicon; `name` turns a file path of the lexicon into the name to store. */
export function packLexicon(lexicon: Lexicon, name: (file: string) => string): PackedLexicon {
  const entries = [...lexicon.entries.values()].map((e) => ({ ...e, origin: { ...e.origin, file: name(e.origin.file) } }));
  return { entries, ignore: [...lexicon.ignore], problems: lexicon.problems.map((p) => ({ ...p, file: name(p.file) })) };
}

/**
 * The lexicon of `packLexicon`'s data (freshly parsed JSON, which it takes over); `path` turns a
 * stored file name back into a path. Null when the data is not of that shape, so that a damaged
 * snapshot only costs the time of building the lexicon again.
 */
export function unpackLexicon(data: unknown, path: (name: string) => string): Lexicon | null {
  if (data === null || typeof data !== 'object') return null;
  const { entries, ignore, problems } = data as Partial<PackedLexicon>;
  if (!Array.isArray(entries) || !Array.isArray(ignore) || !Array.isArray(problems)) return null;
  const byId = new Map<string, LexiconEntry>();
  for (const e of entries as unknown[]) {
    if (!isPackedEntry(e)) return null;
    // As the merge makes them: names without a prototype, so that no language code reads an Object method.
    e.names = Object.assign(Object.create(null) as Record<string, string[]>, e.names);
    e.origin.file = path(e.origin.file);
    byId.set(e.id, e);
  }
  if (!ignore.every((t) => typeof t === 'string')) return null;
  for (const p of problems as unknown[]) if (p === null || typeof p !== 'object' || typeof (p as LexiconProblem).file !== 'string') return null;
  return { entries: byId, ignore: new Set(ignore), problems: problems.map((p) => ({ ...p, file: path(p.file) })) };
}

function isPackedEntry(e: unknown): e is LexiconEntry {
  if (e === null || typeof e !== 'object') return false;
  const x = e as Partial<LexiconEntry>;
  return (
    typeof x.id === 'string' &&
    typeof x.category === 'string' &&
    typeof x.name === 'string' &&
    x.names !== null &&
    typeof x.names === 'object' &&
    Array.isArray(x.variants) &&
    Array.isArray(x.frames) &&
    x.origin !== null &&
    typeof x.origin === 'object' &&
    typeof x.origin.file === 'string'
  );
}
