/**
 * Hover: the entity card of the mention under the cursor (issue 3, "Other features"; issue 5,
 * "Hover for translators"). The card itself is built by the core (core/hoverContent.ts); this
 * handler finds the mention and adds what only the server knows: whether the front matter lists
 * it, where its lexicon entry was defined, and whether the client runs the copy links.
 */
import { basename, relative } from 'node:path';
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { entityCard, type EntryOrigin } from '../core/hoverContent';
import type { Entity, LexiconEntry } from '../core/types';
import { builtinLexiconDir } from '../node/lexiconFiles';
import { ClientLinkCommands } from '../protocol';
import type { DocumentAnalysis } from './documents';
import type { Session } from './session';
import { isInside } from './workspaceFolders';

export function registerHover(session: Session): void {
  const { connection, analyses } = session;
  connection.onHover(async (params, token): Promise<Hover | null> => {
    const analysis = await analyses.get(params.textDocument.uri);
    if (analysis === undefined || token.isCancellationRequested) return null;
    const entity = analysis.entityAt(analysis.lines.offsetAt(params.position));
    if (entity === undefined) return null;
    const markdown = session.client.markdownHover;
    return {
      contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: hoverCard(session, analysis, entity, markdown) },
      range: analysis.range(entity.start, entity.end),
    };
  });
}

/** The card of one entity mention, in Markdown or plain text. */
export function hoverCard(session: Session, analysis: DocumentAnalysis, e: Entity, markdown = true): string {
  const entry = e.source === 'lexicon' ? analysis.lexicon.entries.get(e.id) : undefined;
  const copy = ClientLinkCommands.copyName;
  return entityCard(
    {
      entity: e,
      ...(entry !== undefined ? { entry, origin: origin(session, analysis.uri, entry) } : {}),
      tagged: analysis.isTagged(e),
      tagKey: analysis.settings.keys[e.category],
      tagValue: analysis.analyzed.tagValueOf(e),
      ...(markdown && session.client.commandLinks.includes(copy) ? { copyCommand: copy } : {}),
    },
    markdown ? 'markdown' : 'plaintext',
  );
}

/** Where an entry was defined: built-in, or a path relative to the document's workspace folder. */
function origin(session: Session, uri: string, entry: LexiconEntry): EntryOrigin {
  const file = entry.origin.file;
  if (isInside(builtinLexiconDir(), file)) return { builtin: true, file: basename(file), line: entry.origin.line };
  const folder = session.folders.folderOf(uri);
  const shown = folder !== undefined && isInside(folder.path, file) ? relative(folder.path, file) : file;
  return { builtin: false, file: shown, line: entry.origin.line };
}
