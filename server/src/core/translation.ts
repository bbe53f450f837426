/**
 * Translation consistency (issue 5): a translation and its source should mention the same
 * entities. Lexicon ids are the same in every language ("Portugal", "البرتغال" and "PT" are one
 * entity), so comparing the ids each document mentions finds a country, a region, a threat or a
 * known actor that a translation dropped or added, whatever the two languages.
 *
 * Heuristic actors are not compared: their ids come from the name as written in one language, so
 * the same person or body found by the heuristics in two languages would not match.
 *
 * A document names its source in one of two ways:
 * - front matter `translation-of: ../fr/report.md`, a path relative to the document's folder. It
 *   must stay inside the workspace folder (the root), and it may be neither absolute nor a URI:
 *   front matter travels between machines, and the language server must not read arbitrary files;
 * - sibling naming: `report.en.md` beside `report.fr.md`, the language code being the last dotted
 *   segment before the extension (`report.en.communique.md` works too). The setting
 *   `communique.translation.sourceLanguage` says which sibling is the source; that file itself
 *   gets no translation diagnostics.
 *
 * Paths here are absolute and `/`-separated (`C:/press/a.md` on Windows): the server and the CLI
 * convert theirs, and this module stays free of Node built-ins.
 */
import type { AnalyzedDocument } from './analysis';
import type { CommuniqueDiagnostic, DiagnosticCode } from './diagnostics';
import { severityOf } from './diagnostics';
import type { FrontMatter, TagItem } from './frontMatter/model';
import type { CommuniqueSettings, SeverityName } from './settings';
import { resolveTag } from './tagValues';
import { CATEGORIES, type Category, type Entity, type Lang, type Lexicon, type LexiconEntry } from './types';

// ---------------------------------------------------------------------------------------------
// Paths.

/** A `/`-separated path with `.`, `..` and repeated slashes resolved (backslashes count as slashes). */
export function normalizePath(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  const drive = /^[A-Za-z]:(?=\/|$)/.exec(slashed)?.[0] ?? '';
  const rest = slashed.slice(drive.length);
  const absolute = rest.startsWith('/');
  const parts: string[] = [];
  for (const part of rest.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (part !== '..' || !absolute) parts.push(part);
  }
  return `${drive}${absolute ? '/' : ''}${parts.join('/')}`;
}

/** The folder of a normalised path (`/a/b.md` gives `/a`). */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  if (slash < 0) return '';
  return slash === 0 || /^[A-Za-z]:$/.test(path.slice(0, slash)) ? path.slice(0, slash + 1) : path.slice(0, slash);
}

/** The last segment of a path. */
export function fileNameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Whether a normalised path lies inside a normalised folder (the folder itself does not count). */
export function isInsideFolder(folder: string, path: string): boolean {
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  // Windows drives and case-insensitive volumes: a different case is still outside, which errs on
  // the side of refusing.
  return path.length > prefix.length && path.startsWith(prefix);
}

/** `to` relative to the folder `from` (both normalised and absolute), `/`-separated. */
export function relativePath(from: string, to: string): string {
  const a = from.split('/').filter((p) => p !== '');
  const b = to.split('/').filter((p) => p !== '');
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  const up = a.slice(common).map(() => '..');
  return [...up, ...b.slice(common)].join('/') || '.';
}

// ---------------------------------------------------------------------------------------------
// Sibling naming.

/** File endings of communiqués, longest first so that `.communique.md` wins over `.md`. */
const EXTENSIONS = ['.communique.markdown', '.communique.md', '.communique.txt', '.markdown', '.md', '.txt', '.cmq'];

/** A file name read as `stem.language.extension`. */
export interface SiblingName {
  stem: string;
  /** Lower case ("en", "pt-br"). */
  language: string;
  extension: string;
}

/**
 * Reads `report.en.md` as stem `report`, language `en`, extension `.md`; undefined when the name
 * has no language segment before its extension. Only two-letter codes, with optional subtags
 * (`pt-BR`), count as languages, and `extra` (the configured source language, which may have
 * three letters): `notes.old.md` is not an "old" translation of anything.
 */
export function parseSiblingName(fileName: string, extra?: string): SiblingName | undefined {
  const lower = fileName.toLowerCase();
  const extension = EXTENSIONS.find((e) => lower.endsWith(e) && lower.length > e.length);
  if (extension === undefined) return undefined;
  const base = fileName.slice(0, fileName.length - extension.length);
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const language = base.slice(dot + 1).toLowerCase();
  const isCode = /^[a-z]{2}(?:[-_][a-z0-9]{2,8})*$/.test(language) || (extra !== undefined && extra !== '' && language === extra.toLowerCase());
  return isCode ? { stem: base.slice(0, dot), language: language.replace(/_/g, '-'), extension: fileName.slice(fileName.length - extension.length) } : undefined;
}

// ---------------------------------------------------------------------------------------------
// Resolving the source.

/** How a translation is tied to its source. */
export type TranslationLink =
  | {
      via: 'front-matter';
      /** The source's absolute, normalised path. */
      path: string;
      /** The path as the front matter writes it. */
      written: string;
      /** The `translation-of:` pair in the translation: where missing entities are reported. */
      start: number;
      end: number;
    }
  | {
      via: 'sibling';
      path: string;
      /** The source's language segment and the translation's. */
      sourceLanguage: string;
      language: string;
    };

/** A `translation-of:` or `translation-ignore:` that cannot be used, with where and why. */
export interface TranslationProblem {
  reason: 'translation-of' | 'translation-ignore';
  message: string;
  start: number;
  end: number;
}

/** What a document says about its source. */
export type SourceResolution =
  /** Not a translation: no `translation-of`, no source sibling, or this is the source itself. */
  | { kind: 'none'; isSource: boolean }
  | { kind: 'linked'; link: TranslationLink }
  | { kind: 'problem'; problem: TranslationProblem };

/** What resolving a source needs to know of the document and the file system. */
export interface SourceQuery {
  /** The document's absolute path (any separators). */
  path: string;
  frontMatter: FrontMatter;
  /** The folder a `translation-of` path may not leave (the workspace folder); the document's own folder by default. */
  root?: string;
  /** `communique.translation.sourceLanguage`: '' turns sibling pairing off. */
  sourceLanguage: string;
  /** Whether a regular file exists at an absolute, normalised path. */
  isFile: (path: string) => boolean;
}

/**
 * Finds a document's source: `translation-of:` first, then a sibling in the source language.
 * Never throws; a `translation-of` that cannot be followed is a problem with a message for people.
 */
export function resolveTranslationSource(query: SourceQuery): SourceResolution {
  const path = normalizePath(query.path);
  const folder = folderOf(path);
  const declared = query.frontMatter.translationOf;
  if (declared !== undefined) {
    const problem = (message: string): SourceResolution => ({
      kind: 'problem',
      problem: { reason: 'translation-of', message, start: declared.start, end: declared.end },
    });
    const written = declared.value;
    if (written === undefined) return problem('translation-of must be the path of the source document, relative to this file (for example ../fr/report.md)');
    if (/^[A-Za-z][A-Za-z0-9+.-]+:/.test(written)) {
      return problem(`translation-of must be a path relative to this file, not a URI (${written})`);
    }
    if (/^(?:[\\/]|~|[A-Za-z]:)/.test(written)) {
      return problem(`translation-of must be a path relative to this file, not an absolute path (${written})`);
    }
    const target = normalizePath(`${folder}/${written}`);
    const root = normalizePath(query.root ?? folder);
    if (!isInsideFolder(root, target)) return problem(`translation-of points outside the workspace folder (${written}): the source must be inside it`);
    if (target === path) return problem('translation-of names this document itself');
    if (!safeIsFile(query.isFile, target)) return problem(`translation-of names ${written}, which does not exist`);
    return { kind: 'linked', link: { via: 'front-matter', path: target, written, start: declared.pairStart, end: declared.pairEnd } };
  }

  const sourceLanguage = query.sourceLanguage.trim().toLowerCase();
  if (sourceLanguage === '') return { kind: 'none', isSource: false };
  const own = parseSiblingName(fileNameOf(path), sourceLanguage);
  if (own === undefined) return { kind: 'none', isSource: false };
  if (own.language === sourceLanguage) return { kind: 'none', isSource: true };
  // The same ending first (report.en.communique.md pairs with report.fr.communique.md), then any.
  const endings = [own.extension, ...EXTENSIONS.filter((e) => e !== own.extension.toLowerCase())];
  for (const ending of endings) {
    for (const code of new Set([sourceLanguage, sourceLanguage.toUpperCase()])) {
      const candidate = normalizePath(`${folder}/${own.stem}.${code}${ending}`);
      if (safeIsFile(query.isFile, candidate)) {
        return { kind: 'linked', link: { via: 'sibling', path: candidate, sourceLanguage, language: own.language } };
      }
    }
  }
  return { kind: 'none', isSource: false };
}

function safeIsFile(isFile: (path: string) => boolean, path: string): boolean {
  try {
    return isFile(path);
  } catch {
    return false;
  }
}

/** The problems of a `translation-ignore:` that is not a list of values. */
export function translationIgnoreProblem(frontMatter: FrontMatter): TranslationProblem | undefined {
  const ignore = frontMatter.translationIgnore;
  if (ignore === undefined || ignore.valid) return undefined;
  return {
    reason: 'translation-ignore',
    message: 'translation-ignore must be a list of entities (ids or names) that this translation leaves out on purpose',
    start: ignore.start,
    end: ignore.end,
  };
}

// ---------------------------------------------------------------------------------------------
// Comparing.

/** One lexicon entity of either document, and where each mentions it. */
export interface ComparedEntity {
  category: Category;
  id: string;
  /** The lexicon's canonical name. */
  name: string;
  /** The entity's name in each document's language. */
  sourceName: string;
  translationName: string;
  sourceMentions: Entity[];
  translationMentions: Entity[];
  /** `missing`: only the source mentions it; `extra`: only the translation. */
  status: 'both' | 'missing' | 'extra';
  /** Listed in the translation's `translation-ignore:`: shown, but never reported. */
  ignored: boolean;
}

/**
 * The lexicon entities of a source and its translation, matched by id: per category (actors,
 * countries, regions, threats), in the order the source first mentions them, then the
 * translation's extras in their order. Heuristic actors are left out (see the file comment).
 */
export function compareEntities(source: AnalyzedDocument, translation: AnalyzedDocument, lexicon: Lexicon): ComparedEntity[] {
  const ignored = translationIgnoreIds(translation.frontMatter.translationIgnore?.items ?? [], lexicon);
  const sourceLanguage = source.recognition.language;
  const translationLanguage = translation.recognition.language;
  const byKey = new Map<string, ComparedEntity>();
  const order: ComparedEntity[] = [];
  const visit = (doc: AnalyzedDocument, side: 'source' | 'translation'): void => {
    for (const e of doc.recognition.entities) {
      if (e.source !== 'lexicon') continue;
      const key = `${e.category}:${e.id}`;
      let compared = byKey.get(key);
      if (compared === undefined) {
        const entry = lexicon.entries.get(e.id);
        compared = {
          category: e.category,
          id: e.id,
          name: entry?.name ?? e.name,
          sourceName: nameIn(entry, e, sourceLanguage),
          translationName: nameIn(entry, e, translationLanguage),
          sourceMentions: [],
          translationMentions: [],
          status: 'both',
          ignored: ignored.has(key),
        };
        byKey.set(key, compared);
        order.push(compared);
      }
      (side === 'source' ? compared.sourceMentions : compared.translationMentions).push(e);
    }
  };
  visit(source, 'source');
  visit(translation, 'translation');
  for (const c of order) {
    if (c.sourceMentions.length === 0) c.status = 'extra';
    else if (c.translationMentions.length === 0) c.status = 'missing';
  }
  return CATEGORIES.flatMap((category) => order.filter((c) => c.category === category));
}

/** An entity's name in a language: the lexicon's first name there, else the mention's own name. */
function nameIn(entry: LexiconEntry | undefined, mention: Entity, language: Lang): string {
  if (entry === undefined) return mention.name;
  if (entry.category === 'actor') return entry.name;
  return entry.names[language]?.[0] ?? (mention.language === language ? mention.name : entry.name);
}

/** `category:id` of each entity a `translation-ignore:` list names (by id, canonical name or any variant). */
export function translationIgnoreIds(items: readonly TagItem[], lexicon: Lexicon): Set<string> {
  const out = new Set<string>();
  for (const item of items) {
    const exact = lexicon.entries.get(item.value.trim());
    if (exact !== undefined) {
      out.add(`${exact.category}:${exact.id}`);
      continue;
    }
    for (const category of CATEGORIES) {
      const entry = resolveTag(item.value, category, lexicon);
      if (entry !== undefined) out.add(`${entry.category}:${entry.id}`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Diagnostics.

/** A translation diagnostic: `sourceRelated` points at mentions in the source's text. */
export interface TranslationDiagnostic extends CommuniqueDiagnostic {
  sourceRelated?: { start: number; end: number; message: string }[];
}

/** What translation diagnostics are computed from. */
export interface TranslationCheck {
  translation: AnalyzedDocument;
  source: AnalyzedDocument;
  link: TranslationLink;
  lexicon: Lexicon;
  settings: CommuniqueSettings;
  /** How `data.source` names the source: its path relative to the translation's folder. */
  sourceLabel: string;
}

/** Most source mentions listed per missing entity. */
const MAX_SOURCE_RELATED = 20;

/**
 * `translation.missing-entity` (on the `translation-of:` line, or the first line of the body for a
 * sibling pair) and `translation.extra-entity` (on the extra entity's first mention in the
 * translation). Entities listed in `translation-ignore:` are not reported; a severity `off`
 * drops its code. Nothing is compared when either document was too large to analyse.
 */
export function translationDiagnostics(check: TranslationCheck): TranslationDiagnostic[] {
  const { translation, source, link, lexicon, settings } = check;
  if (translation.tooLarge === true || source.tooLarge === true) return [];
  const severity = (code: DiagnosticCode): Exclude<SeverityName, 'off'> | undefined => {
    const s = severityOf(settings, code);
    return s === 'off' ? undefined : s;
  };
  const missing = severity('translation.missing-entity');
  const extra = severity('translation.extra-entity');
  if (missing === undefined && extra === undefined) return [];
  const anchor = link.via === 'front-matter' ? { start: link.start, end: link.end } : firstBodyLine(translation);
  const sourceLanguage = source.recognition.language;
  const out: TranslationDiagnostic[] = [];
  for (const c of compareEntities(source, translation, lexicon)) {
    if (c.ignored || c.status === 'both') continue;
    const key = settings.keys[c.category];
    const first = (c.status === 'missing' ? c.sourceMentions : c.translationMentions)[0]!;
    const value = c.category === 'actor' ? (lexicon.entries.get(c.id)?.name ?? first.name) : c.id;
    if (c.status === 'missing') {
      if (missing === undefined) continue;
      const name = c.translationName;
      out.push({
        code: 'translation.missing-entity',
        severity: missing,
        message: `${label(c.category, name, value)} is in the source but not in this translation`,
        start: anchor.start,
        end: anchor.end,
        data: { code: 'translation.missing-entity', category: c.category, id: c.id, name, value, key, source: check.sourceLabel, sourceLanguage },
        sourceRelated: c.sourceMentions.slice(0, MAX_SOURCE_RELATED).map((m) => ({ start: m.start, end: m.end, message: `${m.text} in the source` })),
      });
    } else {
      if (extra === undefined) continue;
      const name = first.name;
      const diagnostic: TranslationDiagnostic = {
        code: 'translation.extra-entity',
        severity: extra,
        message: `${label(c.category, name, value)} is in this translation but not in the source`,
        start: first.start,
        end: first.end,
        data: { code: 'translation.extra-entity', category: c.category, id: c.id, name, value, key, source: check.sourceLabel, sourceLanguage },
      };
      if (c.translationMentions.length > 1) {
        diagnostic.related = c.translationMentions.slice(1).map((m) => ({ start: m.start, end: m.end, message: `${name} is also mentioned here` }));
      }
      out.push(diagnostic);
    }
  }
  return out;
}

/** A `translation-of` / `translation-ignore` problem as a `frontmatter.invalid` diagnostic (undefined when that severity is off). */
export function translationProblemDiagnostic(problem: TranslationProblem, settings: CommuniqueSettings): CommuniqueDiagnostic | undefined {
  const s = severityOf(settings, 'frontmatter.invalid');
  if (s === 'off') return undefined;
  return {
    code: 'frontmatter.invalid',
    severity: s,
    message: problem.message,
    start: problem.start,
    end: problem.end,
    data: { code: 'frontmatter.invalid', reason: problem.reason, detail: problem.message },
  };
}

/** "Portugal (PT)", "le Sahel (sahel)"; an actor's value is its name, so it is named once. */
function label(category: Category, name: string, value: string): string {
  return category === 'actor' || name === value ? name : `${name} (${value})`;
}

/** The first line of the body with text on it (after the front matter and a date header); an empty range at the body's start when there is none. */
function firstBodyLine(doc: AnalyzedDocument): { start: number; end: number } {
  const fm = doc.frontMatter;
  const text = doc.text;
  const bodyStart = Math.max(fm.block?.end ?? fm.bomLength, fm.header?.end ?? 0);
  let at = bodyStart;
  while (at < text.length) {
    let end = at;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    let start = at;
    while (start < end && /\s/.test(text[start]!)) start++;
    let contentEnd = end;
    while (contentEnd > start && /\s/.test(text[contentEnd - 1]!)) contentEnd--;
    if (contentEnd > start) return { start, end: contentEnd };
    at = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return { start: Math.min(bodyStart, text.length), end: Math.min(bodyStart, text.length) };
}
