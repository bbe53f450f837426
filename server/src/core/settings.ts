/**
 * The settings of one document, typed and coerced at the boundary.
 *
 * The language server reads the `communique` section with workspace/configuration (per document)
 * and the CLI builds the same object from its flags: whatever arrives, from a hand-edited
 * settings.json or an editor that sends nothing, goes through `coerceSettings` once, and the rest of
 * the code only ever sees valid values. A wrong value falls back to the default of that one field
 * (a typo in one severity does not reset the key names), and nothing here throws.
 */
import type { Category } from './types';

/** How a diagnostic code is reported; `off` drops it. */
export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';

/** The front-matter key of each category (issue 3: settings can rename them). */
export interface FrontMatterKeys {
  actor: string;
  country: string;
  region: string;
  threat: string;
}

/** Severity of each diagnostic code. */
export interface SeveritySettings {
  untagged: SeverityName;
  suggested: SeverityName;
  stale: SeverityName;
  unknown: SeverityName;
  invalid: SeverityName;
  headerDate: SeverityName;
  /** `term.deprecated` (issue 5). */
  deprecated: SeverityName;
  /** `name.variant` (issue 5). */
  variant: SeverityName;
  /** `translation.missing-entity` (issue 5). */
  translationMissing: SeverityName;
  /** `translation.extra-entity` (issue 5). */
  translationExtra: SeverityName;
}

/** How a translation finds its source (issue 5, "Translation consistency"). */
export interface TranslationSettings {
  /**
   * With sibling naming (`name.fr.md` beside `name.en.md`), the language whose file is the source;
   * '' turns sibling pairing off (front matter `translation-of:` still works).
   */
  sourceLanguage: string;
}

/** Everything that changes how one document is analysed, diagnosed and tagged. */
export interface CommuniqueSettings {
  /** Globs of annotated files, matched against the path relative to its workspace folder. */
  files: string[];
  /** Extra lexicon files (absolute or workspace-relative), layered after the workspace lexicon. */
  lexiconPaths: string[];
  keys: FrontMatterKeys;
  severity: SeveritySettings;
  /** One entity.untagged per mention instead of one per entity id on its first mention. */
  perMention: boolean;
  /** Documents larger than this many bytes (UTF-8, as saved) are not analysed; they get one notice instead. */
  maxFileSize: number;
  /** Report actors that heuristics find and no lexicon lists. */
  heuristics: boolean;
  translation: TranslationSettings;
}

const SEVERITY_NAMES: readonly SeverityName[] = ['error', 'warning', 'information', 'hint', 'off'];

/** Other spellings people type for a severity (VS Code's own enums say "info" and "warn" in places). */
const SEVERITY_ALIASES: Readonly<Record<string, SeverityName>> = {
  info: 'information',
  warn: 'warning',
  none: 'off',
};

/** The severity setting of each diagnostic code, also accepted as the code itself ("entity.untagged"). */
const SEVERITY_FIELDS: readonly (readonly [keyof SeveritySettings, string])[] = [
  ['untagged', 'entity.untagged'],
  ['suggested', 'entity.suggested'],
  ['stale', 'frontmatter.stale'],
  ['unknown', 'frontmatter.unknown'],
  ['invalid', 'frontmatter.invalid'],
  ['headerDate', 'header.date'],
  ['deprecated', 'term.deprecated'],
  ['variant', 'name.variant'],
  ['translationMissing', 'translation.missing-entity'],
  ['translationExtra', 'translation.extra-entity'],
];

/**
 * Front-matter keys Communiqué itself reads or writes: a category renamed onto one of them would
 * make two meanings share a key.
 */
const RESERVED_KEYS: ReadonlySet<string> = new Set(['communique', 'communique-ignore', 'lang', 'language', 'date', 'translation-of', 'translation-ignore']);

const KEY_ORDER: readonly Category[] = ['actor', 'country', 'region', 'threat'];

/** The defaults of every setting (frozen: coerceSettings returns fresh copies). */
export const DEFAULT_SETTINGS: CommuniqueSettings = deepFreeze({
  files: ['**/communiques/**', '**/press/**'],
  lexiconPaths: [],
  keys: { actor: 'actors', country: 'countries', region: 'regions', threat: 'threats' },
  severity: {
    untagged: 'information',
    suggested: 'hint',
    stale: 'warning',
    unknown: 'warning',
    invalid: 'error',
    headerDate: 'information',
    deprecated: 'warning',
    variant: 'information',
    translationMissing: 'warning',
    translationExtra: 'information',
  },
  perMention: false,
  maxFileSize: 5_000_000,
  heuristics: true,
  translation: { sourceLanguage: 'fr' },
});

/**
 * Turns any value (user JSON) into valid settings; unknown or wrong values fall back to defaults.
 *
 * Takes the `communique` section as VS Code returns it, nested:
 * `{files, lexicon: {paths}, frontMatter: {keys}, diagnostics: {severity, perMention}, maxFileSize,
 * heuristics: {enabled}}`. The dotted spelling of a key (`"lexicon.paths"`), as a flat settings
 * object or a CLI config may carry it, is read too.
 */
export function coerceSettings(raw: unknown): CommuniqueSettings {
  const d = DEFAULT_SETTINGS;
  const root = asRecord(raw);
  return {
    files: stringList(read(root, 'files'), d.files),
    lexiconPaths: stringList(read(root, 'lexicon', 'paths'), d.lexiconPaths),
    keys: coerceKeys(read(root, 'frontMatter', 'keys')),
    severity: coerceSeverities(read(root, 'diagnostics', 'severity')),
    perMention: bool(read(root, 'diagnostics', 'perMention'), d.perMention),
    maxFileSize: positiveInteger(read(root, 'maxFileSize'), d.maxFileSize),
    heuristics: bool(read(root, 'heuristics', 'enabled') ?? booleanOnly(read(root, 'heuristics')), d.heuristics),
    translation: { sourceLanguage: languageCode(read(root, 'translation', 'sourceLanguage'), d.translation.sourceLanguage) },
  };
}

/** Whether a category keeps its default front-matter key (fix titles name the key only when it is renamed). */
export function isDefaultKey(keys: FrontMatterKeys, category: Category): boolean {
  return keys[category] === DEFAULT_SETTINGS.keys[category];
}

function coerceKeys(raw: unknown): FrontMatterKeys {
  const given = asRecord(raw);
  const keys = { ...DEFAULT_SETTINGS.keys };
  const used = new Set<string>();
  for (const category of KEY_ORDER) {
    const value = safeGet(given, category) ?? safeGet(given, DEFAULT_SETTINGS.keys[category]);
    const key = typeof value === 'string' ? value.trim() : '';
    // A key must be one YAML plain scalar on one line, and each category needs its own.
    if (key !== '' && !/[\r\n:#]/.test(key) && !RESERVED_KEYS.has(key) && !used.has(key)) keys[category] = key;
    used.add(keys[category]);
  }
  // A renamed key may have taken another category's default ({actor: 'countries'}): then the
  // renames cannot all hold, and the defaults are the only safe set.
  return new Set(Object.values(keys)).size === KEY_ORDER.length ? keys : { ...DEFAULT_SETTINGS.keys };
}

function coerceSeverities(raw: unknown): SeveritySettings {
  const given = asRecord(raw);
  const severity = { ...DEFAULT_SETTINGS.severity };
  for (const [field, code] of SEVERITY_FIELDS) {
    const value = safeGet(given, field) ?? safeGet(given, code);
    if (typeof value !== 'string') continue;
    const name = value.trim().toLowerCase();
    const known = (SEVERITY_NAMES as readonly string[]).includes(name) ? (name as SeverityName) : SEVERITY_ALIASES[name];
    if (known !== undefined) severity[field] = known;
  }
  return severity;
}

/** `root.a.b`, or the dotted `root["a.b"]`; undefined when absent or unreadable. */
function read(root: Record<string, unknown> | undefined, ...path: string[]): unknown {
  let at: unknown = root;
  for (const part of path) {
    at = safeGet(asRecord(at), part);
    if (at === undefined) break;
  }
  return at ?? safeGet(root, path.join('.'));
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** An own property, never an inherited one ("constructor") and never a throwing getter's exception. */
function safeGet(record: Record<string, unknown> | undefined, key: string): unknown {
  if (record === undefined) return undefined;
  try {
    return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
  } catch {
    return undefined;
  }
}

function stringList(value: unknown, fallback: readonly string[]): string[] {
  if (typeof value === 'string') return value.trim() === '' ? [...fallback] : [value.trim()];
  if (!Array.isArray(value)) return [...fallback];
  try {
    const out: string[] = [];
    for (const item of value) {
      if (typeof item !== 'string') continue;
      const s = item.trim();
      if (s !== '' && !out.includes(s)) out.push(s);
    }
    // An explicit empty list is a choice (no glob annotates anything); a list of junk is a mistake.
    return out.length > 0 || value.length === 0 ? out : [...fallback];
  } catch {
    return [...fallback];
  }
}

/** A language code ("fr", "pt-BR"), or '' to switch a language-keyed feature off. */
function languageCode(value: unknown, fallback: string): string {
  if (typeof value !== 'string') return fallback;
  const v = value.trim();
  if (v === '') return '';
  return /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(v) ? v.toLowerCase() : fallback;
}

function bool(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

function booleanOnly(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

function positiveInteger(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
