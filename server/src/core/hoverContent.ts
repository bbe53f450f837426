/**
 * The entity card a hover shows (issue 3 "Other features", issue 5 "Hover for translators"): what
 * the mention is, whether the front matter lists it, the term the lexicon prefers in every
 * language it knows, the deprecated terms with their reasons, and a copy link per language.
 *
 * Pure: the server passes the entity, its lexicon entry and what only it knows (tagging state,
 * where the entry was defined, whether the client runs command links). The card comes as Markdown
 * for editors that render it, or as plain text for the others (LSP `MarkupKind`).
 */
import { SUPPORTED_LANGUAGES, type Category, type Entity, type Lang, type LexiconEntry } from './types';

/** One name of a language as a translator reads it. */
export interface TermInfo {
  text: string;
  /** The term the lexicon prefers in its language. */
  preferred: boolean;
  /** Set when the lexicon deprecates the term; `use` is the form to write instead when it is not the preferred term. */
  deprecated?: { reason?: string; use?: string };
}

/** The names of one language of an entry: the preferred term first, deprecated ones last. */
export interface LanguageNames {
  lang: Lang;
  /** The preferred term; undefined only when every name of the language is deprecated. */
  preferred?: string;
  /** Every name of the language, preferred first, then the usable names, then the deprecated ones. */
  terms: TermInfo[];
}

/** Where a lexicon entry was defined, for the card's last line. */
export interface EntryOrigin {
  /** True for the lexicons that ship with Communiqué. */
  builtin: boolean;
  /** The file as it should be shown (a base name, or a path relative to the workspace folder). */
  file: string;
  line: number;
}

/** Everything the card shows about one mention. */
export interface EntityCardInput {
  entity: Entity;
  /** The lexicon entry of a lexicon entity; undefined for heuristic actors. */
  entry?: LexiconEntry;
  tagged: boolean;
  /** The front-matter key of the entity's category ("countries"). */
  tagKey: string;
  /** What tagging writes into that key ("MA", "Guardia Civil"). */
  tagValue: string;
  origin?: EntryOrigin;
  /**
   * The client command that copies a name (`communique.copyName`), when the client runs command
   * links in hovers; without it the card has no copy links, so other editors get none to misread.
   */
  copyCommand?: string;
}

export type CardFormat = 'markdown' | 'plaintext';

const CATEGORY_LABEL: Record<Category, string> = { actor: 'Actor', country: 'Country', region: 'Region', threat: 'Threat' };

/** Usable names shown per language besides the preferred term; the rest are counted ("+4 more"). */
export const OTHER_NAMES_SHOWN = 6;

/**
 * The names of an entry per language, in a fixed order (the shipped languages fr, en, es, ar, then
 * any other in alphabetical order), each with its preferred and deprecated terms marked.
 */
export function namesByLanguage(entry: LexiconEntry): LanguageNames[] {
  const langs = Object.keys(entry.names).filter((l) => (entry.names[l]?.length ?? 0) > 0);
  langs.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const out: LanguageNames[] = [];
  for (const lang of langs) {
    const preferred: TermInfo[] = [];
    const usable: TermInfo[] = [];
    const deprecated: TermInfo[] = [];
    for (const text of entry.names[lang]!) {
      // A name is one form of the `names` list; its attributes are those of its variant.
      const variant = entry.variants.find((v) => v.lang === lang && v.text === text && v.kind !== 'combining');
      const term: TermInfo = { text, preferred: variant?.preferred === true && variant.deprecated === undefined };
      if (variant?.deprecated !== undefined) term.deprecated = { ...variant.deprecated };
      (term.deprecated !== undefined ? deprecated : term.preferred && preferred.length === 0 ? preferred : usable).push(term);
      if (term.preferred && preferred[0] !== term) term.preferred = false;
    }
    const names: LanguageNames = { lang, terms: [...preferred, ...usable, ...deprecated] };
    if (preferred[0] !== undefined) names.preferred = preferred[0].text;
    out.push(names);
  }
  return out;
}

function rank(lang: Lang): number {
  const i = SUPPORTED_LANGUAGES.indexOf(lang);
  return i < 0 ? SUPPORTED_LANGUAGES.length : i;
}

/**
 * The link that runs `command` with one argument, `text`, in a Markdown hover: VS Code reads the
 * query of a `command:` URI as the JSON array of arguments. Parentheses and quotes are
 * percent-encoded too, so no name can close the link early.
 */
export function commandLink(label: string, command: string, text: string, title?: string): string {
  const args = encodeURIComponent(JSON.stringify([text])).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const quoted = title === undefined ? '' : ` "${title.replace(/["\\]/g, '\\$&')}"`;
  return `[${escapeMarkdown(label)}](command:${command}?${args}${quoted})`;
}

/** The card of one mention, in Markdown or plain text; sections are separated by blank lines. */
export function entityCard(input: EntityCardInput, format: CardFormat = 'markdown'): string {
  const md = format === 'markdown';
  const esc = md ? escapeMarkdown : (s: string): string => s;
  const code = md ? (s: string): string => `\`${s.replace(/`/g, "'")}\`` : (s: string): string => s;
  const { entity: e, entry } = input;
  const kind = e.category === 'actor' && e.type !== undefined ? `${CATEGORY_LABEL[e.category]} (${e.type})` : CATEGORY_LABEL[e.category];
  const sections: string[] = [];
  sections.push(`${md ? `**${esc(e.name)}**` : e.name} · ${kind} ${code(e.id)}`);
  if (entry !== undefined && entry.name !== e.name) sections.push(`Canonical name: ${esc(entry.name)}`);
  sections.push(input.tagged ? `Tagged in ${code(input.tagKey)}` : `Not tagged: tagging writes ${code(input.tagValue)} to ${code(input.tagKey)}`);
  const matched = e.variant !== undefined && e.variant !== '' ? e.variant : e.text;
  sections.push(`Matched ${md ? `*${esc(matched)}*` : matched} (${e.language})`);
  if (e.nameVariant !== undefined) {
    const relation = e.nameVariant.accepted ? 'an accepted spelling' : 'a variant';
    sections.push(`«${esc(e.text)}» is ${relation} of «${esc(e.nameVariant.canonical)}»`);
  }
  if (e.deprecated !== undefined) {
    const use = `${md ? '**Deprecated**' : 'Deprecated'} here: use «${esc(e.deprecated.replacement)}»`;
    const reason = e.deprecated.reason;
    sections.push(reason === undefined || reason === '' ? use : `${use}. ${md ? `*${esc(reason)}*` : reason}`);
  }
  if (entry !== undefined) {
    const names = namesByLanguage(entry);
    if (names.length > 0) sections.push(md ? namesTable(names, input.copyCommand) : namesPlain(names));
    const avoid = deprecatedList(names, md);
    if (avoid !== '') sections.push(avoid);
  }
  if (entry?.notes !== undefined) sections.push(esc(entry.notes));
  if (entry === undefined) {
    sections.push('Found by heuristics: no lexicon lists it. Add it to the workspace lexicon, tag it or ignore it.');
  } else if (input.origin !== undefined) {
    const o = input.origin;
    sections.push(o.builtin ? `Lexicon: built-in ${code(o.file)}, line ${o.line}` : `Lexicon: ${code(o.file)}, line ${o.line}`);
  }
  return sections.join('\n\n');
}

/** The separator between names: the Arabic comma in Arabic, so a right-to-left list reads naturally. */
function separator(lang: Lang): string {
  return lang.split('-')[0] === 'ar' ? '، ' : ', ';
}

/** "Royaume du Maroc, marocain +4 more": the usable names after the preferred term, capped. */
function otherNames(names: LanguageNames, escape: (s: string) => string): string {
  const others = names.terms.filter((t) => t.text !== names.preferred && t.deprecated === undefined).map((t) => escape(t.text));
  const shown = others.slice(0, OTHER_NAMES_SHOWN).join(separator(names.lang));
  return others.length > OTHER_NAMES_SHOWN ? `${shown} +${others.length - OTHER_NAMES_SHOWN} more` : shown;
}

/**
 * One row per language: the preferred term in bold, the other usable names, and the copy link of
 * the preferred term (of the first name when every name is deprecated).
 */
function namesTable(rows: readonly LanguageNames[], copyCommand: string | undefined): string {
  const lines = copyCommand === undefined ? ['| Language | Preferred | Other names |', '|---|---|---|'] : ['| Language | Preferred | Other names | |', '|---|---|---|---|'];
  for (const names of rows) {
    const preferred = names.preferred === undefined ? '—' : `**${escapeMarkdown(names.preferred)}**`;
    const cells = [`**${escapeMarkdown(names.lang)}**`, preferred, otherNames(names, escapeMarkdown)];
    const copied = names.preferred ?? names.terms[0]?.text;
    if (copyCommand !== undefined) cells.push(copied === undefined ? '' : commandLink('Copy', copyCommand, copied, `Copy «${copied}»`));
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

function namesPlain(rows: readonly LanguageNames[]): string {
  const lines = ['Names:'];
  for (const names of rows) {
    const preferred = names.preferred === undefined ? '' : `${names.preferred} (preferred)`;
    const others = otherNames(names, (s) => s);
    lines.push(`  ${names.lang}: ${[preferred, others].filter((s) => s !== '').join(separator(names.lang))}`);
  }
  return lines.join('\n');
}

/**
 * "Deprecated terms" and one item per language, replacement and reason: the terms struck through,
 * what to write instead when the lexicon names a form other than the preferred term, then the
 * reason ("~~immigration clandestine~~, ~~migration clandestine~~ — Terme connoté").
 */
function deprecatedList(rows: readonly LanguageNames[], md: boolean): string {
  const items: string[] = [];
  for (const names of rows) {
    const groups = new Map<string, { use?: string; reason: string; terms: string[] }>();
    for (const t of names.terms) {
      if (t.deprecated === undefined) continue;
      const reason = t.deprecated.reason ?? '';
      const use = t.deprecated.use !== undefined && t.deprecated.use !== names.preferred ? t.deprecated.use : undefined;
      const key = `${use ?? ''}\u0000${reason}`;
      const group = groups.get(key) ?? { reason, terms: [], ...(use !== undefined ? { use } : {}) };
      group.terms.push(md ? `~~${escapeMarkdown(t.text)}~~` : t.text);
      groups.set(key, group);
    }
    for (const { use, reason, terms } of groups.values()) {
      const instead = use === undefined ? '' : ` → ${md ? escapeMarkdown(use) : use}`;
      const why = reason === '' ? '' : ` — ${md ? escapeMarkdown(reason) : reason}`;
      const list = terms.join(separator(names.lang));
      items.push(md ? `- **${escapeMarkdown(names.lang)}** ${list}${instead}${why}` : `  ${names.lang}: ${list}${instead}${why}`);
    }
  }
  return items.length === 0 ? '' : [md ? '**Deprecated terms**' : 'Deprecated terms:', ...(md ? [''] : []), ...items].join('\n');
}

/** Markdown special characters escaped, so a name never turns into formatting, a table cell or a link. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}
