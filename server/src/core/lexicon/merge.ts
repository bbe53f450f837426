/**
 * Merging lexicon layers: built-in files, then the workspace lexicon, then extra paths.
 *
 * Layers are merged at the level of raw forms and only then expanded, so that `exclude` in a
 * later layer can remove a generated inflection ("marocaines") as well as a written form.
 */
import { tokenize } from '../text/tokenize';
import type { Lang, Lexicon, LexiconEntry, LexiconProblem, ThreatFrame } from '../types';
import { expandForms } from './expand';
import type { ParsedLexiconFile, RawEntry, RawForm } from './parse';

/**
 * The matching key of a term: its tokens, folded, joined by single spaces. "Coupe du Monde",
 * "coupe-du-monde" and "COUPE DU MONDE" share one key; this is how `ignore` and `exclude` compare.
 */
export function lexiconKey(text: string, foldCache?: Map<string, string>): string {
  return tokenize(text, 0, text.length, foldCache)
    .map((t) => t.folded)
    .join(' ');
}

/** An entry while layers are being merged. */
interface PendingEntry {
  base: RawEntry;
  forms: RawForm[];
  frames: ThreatFrame[];
  exclude: Set<string>;
  /** Accepted spellings of an actor's name, from every layer. */
  accepted: string[];
}

/**
 * The most entries all layers together define (issue 6): one file loads at most
 * MAX_LEXICON_ENTRIES (parse.ts), and splitting a huge lexicon into many files does not get past
 * this either. New ids past it are not loaded; the first of them, in each file, gets the error.
 */
export const MAX_LEXICON_TOTAL_ENTRIES = 150_000;

/** Merges parsed files in layer order (a later file wins per id) and expands every entry. */
export function mergeLexiconFiles(files: readonly ParsedLexiconFile[]): Lexicon {
  const problems: LexiconProblem[] = [];
  const pending = new Map<string, PendingEntry>();
  // The keys of the forms compared with `exclude`, computed once per form text.
  const foldCache = new Map<string, string>();
  const keys = new Map<string, string>();
  const keyOf = (text: string): string => {
    let key = keys.get(text);
    if (key === undefined) {
      key = lexiconKey(text, foldCache);
      keys.set(text, key);
    }
    return key;
  };
  const ignore = new Set<string>();
  const problem = (e: RawEntry, message: string, severity: 'error' | 'warning'): void => {
    problems.push({ file: e.file, line: e.line, column: e.column, message, severity });
  };

  for (const file of files) {
    problems.push(...file.problems);
    for (const term of file.ignore) {
      const key = keyOf(term);
      if (key !== '') ignore.add(key);
    }
    let firstOver: RawEntry | undefined;
    let over = 0;
    for (const e of file.entries) {
      const existing = pending.get(e.id);
      if (existing === undefined && !e.disabled && pending.size >= MAX_LEXICON_TOTAL_ENTRIES) {
        firstOver ??= e;
        over++;
        continue;
      }
      if (e.disabled) {
        if (existing === undefined) problem(e, `\`${e.id}\` is disabled but no earlier layer defines it.`, 'warning');
        pending.delete(e.id);
        continue;
      }
      if (e.merge === 'extend') {
        if (existing === undefined) {
          problem(e, `\`${e.id}\` extends an entry that no earlier layer defines; it is skipped.`, 'error');
          continue;
        }
        if (e.category !== undefined && e.category !== existing.base.category) {
          problem(e, `\`${e.id}\` extends a ${existing.base.category ?? '?'} entry but says category ${e.category}; it is skipped.`, 'error');
          continue;
        }
        const base = { ...existing.base };
        if (e.name !== undefined) base.name = e.name;
        if (e.notes !== undefined) base.notes = e.notes;
        if (e.type !== undefined) base.type = e.type;
        existing.base = base;
        existing.forms.push(...e.forms);
        existing.frames.push(...e.frames);
        existing.accepted.push(...e.accepted);
        for (const x of e.exclude) existing.exclude.add(keyOf(x));
        continue;
      }
      if (existing !== undefined && existing.base.category !== e.category) {
        problem(
          e,
          `\`${e.id}\` replaces the ${existing.base.category ?? '?'} entry of ${existing.base.file}:${existing.base.line} with a ${e.category ?? '?'} entry.`,
          'warning',
        );
      }
      pending.set(e.id, {
        base: e,
        forms: [...e.forms],
        frames: [...e.frames],
        exclude: new Set(e.exclude.map(keyOf)),
        accepted: [...e.accepted],
      });
    }
    if (firstOver !== undefined) {
      problem(firstOver, `Too many entries: all lexicons together load at most ${MAX_LEXICON_TOTAL_ENTRIES.toLocaleString('en')}; this entry and ${(over - 1).toLocaleString('en')} more of this file are not loaded.`, 'error');
    }
  }

  const entries = new Map<string, LexiconEntry>();
  for (const [id, p] of pending) {
    const category = p.base.category;
    if (category === undefined) continue; // cannot happen: a replace without category is rejected by the parser
    const forms = p.exclude.size === 0 ? p.forms : p.forms.filter((f) => !p.exclude.has(keyOf(f.text)));
    let variants = expandForms(category, forms);
    if (p.exclude.size > 0) variants = variants.filter((v) => !p.exclude.has(keyOf(v.text)));
    const names: Record<Lang, string[]> = Object.create(null) as Record<Lang, string[]>;
    for (const f of forms) {
      if (f.section !== 'names') continue;
      const list = names[f.lang] ?? (names[f.lang] = []);
      if (!list.includes(f.text)) list.push(f.text);
    }
    // The preferred term leads its language's list: hovers and Entity.name read the first name.
    for (const v of variants) {
      const list = v.preferred === true ? names[v.lang] : undefined;
      const at = list?.indexOf(v.text) ?? -1;
      if (list !== undefined && at > 0) list.unshift(...list.splice(at, 1));
    }
    if (variants.length === 0) {
      problem(p.base, `\`${id}\` has no form left after merging (all excluded); it is dropped.`, 'warning');
      continue;
    }
    const entry: LexiconEntry = {
      id,
      category,
      name: p.base.name ?? names['en']?.[0] ?? Object.values(names)[0]?.[0] ?? variants[0]!.text,
      names,
      variants,
      frames: category === 'threat' ? p.frames : [],
      origin: { file: p.base.file, line: p.base.line },
    };
    if (category === 'actor' && p.base.type !== undefined) entry.type = p.base.type;
    if (p.base.notes !== undefined) entry.notes = p.base.notes;
    const accepted = acceptedSpellings(p, keyOf);
    if (category === 'actor' && accepted.length > 0) entry.accepted = accepted;
    entries.set(id, entry);
  }
  return { entries, ignore, problems };
}

/** An entry's accepted spellings, once each (compared after folding), less the excluded ones. */
function acceptedSpellings(p: PendingEntry, keyOf: (text: string) => string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const spelling of p.accepted) {
    const key = keyOf(spelling);
    if (key === '' || seen.has(key) || p.exclude.has(key)) continue;
    seen.add(key);
    out.push(spelling);
  }
  return out;
}
