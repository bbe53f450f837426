/**
 * Completion inside the managed lists of the front matter (`actors:`, `countries:`, `regions:`,
 * `threats:`, or their renamed keys): the values tagging would write (ISO codes, ids, actor
 * canonical names) from the lexicons, the document's own untagged entities first. Values already
 * in the list are not offered again.
 */
import { CompletionItemKind, type CompletionItem, type CompletionList } from 'vscode-languageserver';
import { entryTagValue } from '../core/tagValues';
import type { Category } from '../core/types';
import type { DocumentAnalysis } from './documents';
import type { Session } from './session';

/** Characters after which a client asks for completion again inside a list. */
export const COMPLETION_TRIGGERS = ['[', ',', '-', ' '];

const KIND: Record<Category, CompletionItemKind> = {
  actor: CompletionItemKind.Class,
  country: CompletionItemKind.Module,
  region: CompletionItemKind.Folder,
  threat: CompletionItemKind.Event,
};

/** Where the cursor is in a managed list: the list's category and the partial value typed so far. */
interface ListContext {
  category: Category;
  /** Offset where the value being typed starts (after `- `, `[` or `,`, and an opening quote). */
  valueStart: number;
  /** The quote the value was opened with, if any. */
  quote: '' | '"' | "'";
}

/** A top-level key line with nothing after the colon but a comment: the start of a block list. */
const BLOCK_KEY = /^([^\s#-][^:#]*?)\s*:\s*(?:#.*)?$/;
/** A top-level key with a flow list opened on its line and not closed before the cursor. */
const FLOW_KEY = /^([^\s#-][^:#]*?)\s*:\s*\[([^\]]*)$/;
/** A block list item up to the cursor. */
const BLOCK_ITEM = /^(\s*-\s+)(["']?)([^"'#]*)$/;

/** The list the cursor is in, read from the lines of the front matter up to the cursor. */
export function listContext(analysis: DocumentAnalysis, offset: number): ListContext | undefined {
  const block = analysis.analyzed.frontMatter.block;
  if (block === undefined || offset < block.contentStart || offset > block.contentEnd) return undefined;
  const keys = analysis.settings.keys;
  const categoryOf = (key: string): Category | undefined => (Object.keys(keys) as Category[]).find((c) => keys[c] === key.trim());
  const text = analysis.text;
  const lines = analysis.lines;
  const position = lines.positionAt(offset);
  const lineStart = offset - position.character;
  const before = text.slice(lineStart, offset);

  const flow = FLOW_KEY.exec(before);
  if (flow !== null) {
    const category = categoryOf(flow[1]!);
    if (category === undefined) return undefined;
    const inside = flow[2]!;
    const lastSeparator = inside.lastIndexOf(',');
    const typed = inside.slice(lastSeparator + 1);
    const lead = typed.length - typed.trimStart().length;
    const quote = typed.trimStart().startsWith('"') ? '"' : typed.trimStart().startsWith("'") ? "'" : '';
    return { category, valueStart: offset - typed.length + lead + quote.length, quote };
  }

  const item = BLOCK_ITEM.exec(before);
  if (item === null) return undefined;
  // Walk up past the other items, blank lines and comments to the key that owns the list.
  for (let line = position.line - 1; line >= 0; line--) {
    const start = lines.offsetAt({ line, character: 0 });
    if (start < block.contentStart) return undefined;
    const content = text.slice(start, lines.offsetAt({ line, character: Number.MAX_SAFE_INTEGER }));
    if (/^\s*(?:-.*)?(?:#.*)?$/.test(content)) continue;
    const key = BLOCK_KEY.exec(content);
    const category = key === null ? undefined : categoryOf(key[1]!);
    if (category === undefined) return undefined;
    const quote = item[2] as ListContext['quote'];
    return { category, valueStart: lineStart + item[1]!.length + quote.length, quote };
  }
  return undefined;
}

/** A value as a YAML plain scalar when it reads as the same string, otherwise double-quoted. */
function yamlScalar(value: string): string {
  const plain =
    /^[^\s\-?:,[\]{}#&*!|>'"%@`][^:#,[\]{}]*$/.test(value) && !/\s$/.test(value) && !/^(?:y|n|yes|no|on|off|true|false|null|~)$/i.test(value) && !/^[-+.\d]/.test(value);
  return plain ? value : JSON.stringify(value);
}

export function registerCompletion(session: Session): void {
  const { connection, analyses } = session;
  connection.onCompletion(async (params, token): Promise<CompletionList | null> => {
    const analysis = await analyses.get(params.textDocument.uri);
    if (analysis === undefined || token.isCancellationRequested) return null;
    const offset = analysis.lines.offsetAt(params.position);
    const context = listContext(analysis, offset);
    if (context === undefined) return null;
    const range = analysis.range(context.valueStart, offset);
    const listed = new Set<string>();
    for (const r of analysis.tags().readings) {
      if (r.category !== context.category) continue;
      listed.add(r.item.value);
      if (r.entry !== undefined) listed.add(entryTagValue(r.entry));
    }
    const items: CompletionItem[] = [];
    const offered = new Set<string>();
    const offer = (value: string, label: string, detail: string, names: readonly string[], inDocument: boolean): void => {
      if (listed.has(value) || offered.has(value)) return;
      offered.add(value);
      items.push({
        label,
        kind: KIND[context.category],
        detail,
        // The document's own entities first, then the rest of the lexicon alphabetically.
        sortText: `${inDocument ? '0' : '1'}${label.toLowerCase()}`,
        filterText: [value, ...names].join(' '),
        textEdit: { range, newText: context.quote === '' ? yamlScalar(value) : value },
      });
    };
    for (const e of analysis.entities) {
      if (e.category !== context.category || analysis.isTagged(e)) continue;
      const value = analysis.analyzed.tagValueOf(e);
      offer(value, value, `${e.name} · in this document${e.source === 'heuristic' ? ' (heuristic)' : ''}`, [e.name, e.text], true);
    }
    for (const entry of analysis.lexicon.entries.values()) {
      if (entry.category !== context.category) continue;
      const value = entryTagValue(entry);
      const names = Object.values(entry.names).flat();
      offer(value, value, value === entry.name ? (entry.type ?? entry.category) : entry.name, [entry.name, ...names], false);
    }
    return { isIncomplete: false, items };
  });
}
