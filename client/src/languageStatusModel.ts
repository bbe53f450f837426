/**
 * The document-language indicator of the status bar (issue 5), as pure data: "FR (detected)",
 * "AR (lang:)", "FR + EN (detected)" for a French release that quotes an English paragraph, and a
 * tooltip that says where the language came from and how to declare it. No `vscode` import, so
 * test/unit runs it as is. The language itself comes from the server's `communique/entities`.
 */
import type { LanguageSource, ParagraphLanguage } from '../../server/src/protocol';

/** What the client knows of a document's language. */
export interface DocumentLanguage {
  language: string;
  /** How the server decided it; undefined from a server that does not say. */
  source?: LanguageSource;
  /** Paragraph languages, largest share first (may be empty). */
  paragraphs: ParagraphLanguage[];
}

const SOURCES: readonly LanguageSource[] = ['front-matter', 'detected', 'default'];

const LANGUAGE_NAMES: Record<string, string> = { fr: 'French', en: 'English', es: 'Spanish', ar: 'Arabic' };

/** "French" for `fr`; the code itself when it is not known. */
export function languageName(code: string): string {
  const known = LANGUAGE_NAMES[code.toLowerCase()];
  if (known !== undefined) return known;
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Other paragraph languages named in the status bar text; more are counted ("+2"). */
const OTHER_LANGUAGES_SHOWN = 2;

/** Reads the language fields of a `communique/entities` answer defensively; undefined without a language. */
export function readDocumentLanguage(result: unknown): DocumentLanguage | undefined {
  if (result === null || typeof result !== 'object') return undefined;
  const r = result as { language?: unknown; languageSource?: unknown; paragraphLanguages?: unknown };
  if (!isLanguageCode(r.language)) return undefined;
  const read: DocumentLanguage = { language: r.language, paragraphs: [] };
  if ((SOURCES as readonly unknown[]).includes(r.languageSource)) read.source = r.languageSource as LanguageSource;
  if (Array.isArray(r.paragraphLanguages)) {
    for (const p of r.paragraphLanguages as unknown[]) {
      const { language, share } = (p ?? {}) as { language?: unknown; share?: unknown };
      if (!isLanguageCode(language) || typeof share !== 'number' || !(share > 0) || share > 1) continue;
      if (!read.paragraphs.some((q) => q.language === language)) read.paragraphs.push({ language, share });
    }
    read.paragraphs.sort((a, b) => b.share - a.share);
  }
  return read;
}

function isLanguageCode(x: unknown): x is string {
  return typeof x === 'string' && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(x);
}

/** The languages the status bar names: the main one, then the other paragraph languages by share. */
export function shownLanguages(doc: DocumentLanguage): string[] {
  return [doc.language, ...doc.paragraphs.map((p) => p.language).filter((l) => l !== doc.language)];
}

/** "detected", "lang:" (declared in the front matter) or "default". */
export function sourceLabel(source: LanguageSource | undefined): string | undefined {
  switch (source) {
    case 'front-matter':
      return 'lang:';
    case 'detected':
      return 'detected';
    case 'default':
      return 'default';
    default:
      return undefined;
  }
}

/** "FR (detected)", "AR (lang:)", "FR + EN (detected)", "AR + FR + EN +1 (lang:)". */
export function languageStatusText(doc: DocumentLanguage): string {
  const langs = shownLanguages(doc).map((l) => l.toUpperCase());
  const shown = langs.slice(0, 1 + OTHER_LANGUAGES_SHOWN).join(' + ');
  const more = langs.length > 1 + OTHER_LANGUAGES_SHOWN ? ` +${langs.length - 1 - OTHER_LANGUAGES_SHOWN}` : '';
  const label = sourceLabel(doc.source);
  return label === undefined ? `${shown}${more}` : `${shown}${more} (${label})`;
}

/** What the screen reader says for the item. */
export function languageStatusLabel(doc: DocumentLanguage): string {
  const names = shownLanguages(doc).map(languageName);
  const how = doc.source === 'front-matter' ? 'declared in the front matter' : doc.source === 'detected' ? 'detected' : doc.source === 'default' ? 'assumed by default' : '';
  const main = `Document language: ${names[0]}${how === '' ? '' : `, ${how}`}`;
  return names.length > 1 ? `${main}; other paragraphs in ${names.slice(1).join(', ')}` : main;
}

function percent(share: number): string {
  const p = Math.round(share * 100);
  return p === 0 ? '<1 %' : `${p} %`;
}

/** The tooltip, in Markdown: where the language came from, the paragraph languages, and how to declare `lang:`. */
export function languageStatusTooltip(doc: DocumentLanguage): string {
  const name = `${languageName(doc.language)} (\`${doc.language}\`)`;
  const lines = ['**Communiqué** · document language', ''];
  switch (doc.source) {
    case 'front-matter':
      lines.push(`${name}, declared by \`lang: ${doc.language}\` in the front matter.`);
      break;
    case 'detected':
      lines.push(`${name}, detected from the text: the front matter has no \`lang:\`.`);
      break;
    case 'default':
      lines.push(`${name} by default: the front matter has no \`lang:\` and the text is too short to tell.`);
      break;
    default:
      lines.push(`${name}.`);
  }
  lines.push('');
  const others = doc.paragraphs.filter((p) => p.language !== doc.language);
  if (others.length > 0) {
    const parts = doc.paragraphs.map((p) => `${languageName(p.language)} ${percent(p.share)}`);
    lines.push(`Paragraphs: ${parts.join(' · ')}. A paragraph in another language is read with that language's names.`, '');
  }
  if (doc.source !== 'front-matter') {
    lines.push('To declare the language, add `lang:` to the front matter (`fr`, `en`, `es` or `ar`):', '', '```yaml', '---', `lang: ${doc.language}`, '---', '```');
  } else {
    lines.push('Remove `lang:` from the front matter to let Communiqué detect the language.');
  }
  return lines.join('\n');
}
