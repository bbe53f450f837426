/**
 * Hover: an entity card in Markdown (issue 3, "Other features"): the category, canonical name, id,
 * actor type, names in the other languages, the variant that matched, whether the front matter
 * lists it, and the lexicon it came from.
 */
import { basename, relative } from 'node:path';
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { Entity, LexiconEntry } from '../core/types';
import { builtinLexiconDir } from '../node/lexiconFiles';
import type { DocumentAnalysis } from './documents';
import type { Session } from './session';
import { isInside } from './workspaceFolders';

const CATEGORY_LABEL: Record<Entity['category'], string> = { actor: 'Actor', country: 'Country', region: 'Region', threat: 'Threat' };

export function registerHover(session: Session): void {
  const { connection, analyses } = session;
  connection.onHover(async (params, token): Promise<Hover | null> => {
    const analysis = await analyses.get(params.textDocument.uri);
    if (analysis === undefined || token.isCancellationRequested) return null;
    const entity = analysis.entityAt(analysis.lines.offsetAt(params.position));
    if (entity === undefined) return null;
    const markdown = entityCard(session, analysis, entity);
    return {
      contents: session.client.markdownHover ? { kind: MarkupKind.Markdown, value: markdown } : { kind: MarkupKind.PlainText, value: plain(markdown) },
      range: analysis.range(entity.start, entity.end),
    };
  });
}

/** The Markdown card of one entity mention. */
export function entityCard(session: Session, analysis: DocumentAnalysis, e: Entity): string {
  const entry = e.source === 'lexicon' ? analysis.lexicon.entries.get(e.id) : undefined;
  const key = analysis.settings.keys[e.category];
  const kind = e.category === 'actor' && e.type !== undefined ? `${CATEGORY_LABEL[e.category]} (${e.type})` : CATEGORY_LABEL[e.category];
  const lines: string[] = [];
  lines.push(`**${escape(e.name)}** · ${kind} \`${code(e.id)}\``);
  lines.push('');
  if (entry !== undefined && entry.name !== e.name) {
    lines.push(`Canonical name: ${escape(entry.name)}`);
    lines.push('');
  }
  const value = analysis.analyzed.tagValueOf(e);
  lines.push(
    analysis.isTagged(e)
      ? `Tagged in \`${code(key)}\``
      : `Not tagged: tagging writes \`${code(value)}\` to \`${code(key)}\``,
  );
  lines.push('');
  if (e.variant !== undefined && e.variant !== '') lines.push(`Matched *${escape(e.variant)}* (${e.language})`);
  else lines.push(`Matched *${escape(e.text)}* (${e.language})`);
  const names = entry === undefined ? '' : otherNames(entry, e.language);
  if (names !== '') {
    lines.push('');
    lines.push(names);
  }
  if (entry?.notes !== undefined) {
    lines.push('');
    lines.push(escape(entry.notes));
  }
  lines.push('');
  lines.push(
    entry === undefined
      ? 'Found by heuristics: no lexicon lists it. Add it to the workspace lexicon, tag it or ignore it.'
      : `Lexicon: ${origin(session, analysis.uri, entry)}`,
  );
  return lines.join('\n');
}

/** "Names: **en** Spain · **es** España": the first names in the languages other than the mention's. */
function otherNames(entry: LexiconEntry, language: string): string {
  const parts: string[] = [];
  for (const [lang, names] of Object.entries(entry.names)) {
    if (lang === language || names.length === 0) continue;
    parts.push(`**${escape(lang)}** ${names.map(escape).join(', ')}`);
  }
  return parts.length === 0 ? '' : `Other languages: ${parts.join(' · ')}`;
}

/** Where an entry was defined: built-in, or a path relative to the document's workspace folder. */
function origin(session: Session, uri: string, entry: LexiconEntry): string {
  const file = entry.origin.file;
  const builtin = builtinLexiconDir();
  if (isInside(builtin, file)) return `built-in \`${code(basename(file))}\`, line ${entry.origin.line}`;
  const folder = session.folders.folderOf(uri);
  const shown = folder !== undefined && isInside(folder.path, file) ? relative(folder.path, file) : file;
  return `\`${code(shown)}\`, line ${entry.origin.line}`;
}

/** Markdown special characters escaped, so a name never turns into formatting or a link. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

/** Inside a code span only backticks matter; they are replaced (names and ids never need them). */
function code(text: string): string {
  return text.replace(/`/g, "'");
}

/** The card without Markdown, for clients that only show plain text. */
function plain(markdown: string): string {
  return markdown.replace(/\\(.)/g, '$1').replace(/\*\*|`/g, '').replace(/\*([^*]*)\*/g, '$1');
}
