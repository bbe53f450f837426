/**
 * Commands (workspace/executeCommand): tag all, remove stale tags, annotate a file, move the date
 * header, reload the lexicons. Document commands compute their edit from the current version and
 * ask the client to apply it (workspace/applyEdit) as a versioned edit, exactly as the matching
 * code action would; the result says whether the client applied it.
 */
import { MessageType, ShowMessageNotification, type ApplyWorkspaceEditResult } from 'vscode-languageserver';
import { planMoveHeader, planRemoveStale, planTagAll } from '../core/codeActions';
import { planTagChange } from '../core/frontMatter/edits';
import { readFrontMatter } from '../core/frontMatter/model';
import { detectLanguage } from '../core/language';
import type { TextEdit } from '../core/textEdit';
import { COMMAND_IDS, Commands, type AddToLexiconParams, type AddToLexiconResult, type EntityCommandParams } from '../protocol';
import type { Session } from './session';
import { toLspEdits, WorkspaceEditBuilder, type LexiconChange } from './workspaceEdits';

/** What a document command returns to the client. */
export interface CommandResult {
  applied: boolean;
  /** Why nothing was applied (nothing to do, the front matter does not parse, the document is gone...). */
  reason?: string;
}

/** The document URI a command was given: `uri` or `{ uri }` (VS Code passes a Uri object's string form). */
function uriArgument(args: unknown[] | undefined): string | undefined {
  const first = args?.[0];
  if (typeof first === 'string') return first;
  if (first !== null && typeof first === 'object') {
    const uri = (first as { uri?: unknown }).uri;
    if (typeof uri === 'string') return uri;
    // vscode.Uri serialised by the client: { scheme, path, ... } with an `external` string.
    const external = (first as { external?: unknown }).external;
    if (typeof external === 'string') return external;
  }
  return undefined;
}

export function registerCommands(session: Session): void {
  const { connection } = session;
  connection.onExecuteCommand(async (params): Promise<CommandResult | null> => {
    if (params.command === Commands.reloadLexicon) {
      await session.lexicons.reload();
      return { applied: true };
    }
    if (params.command === Commands.addToLexicon) return addToLexicon(session, params.arguments?.[0]);
    if (!(COMMAND_IDS as readonly string[]).includes(params.command)) return null;
    const uri = uriArgument(params.arguments);
    if (uri === undefined) return { applied: false, reason: `${params.command} needs the URI of a document` };
    const document = session.documents.get(uri);
    if (document === undefined) return { applied: false, reason: 'The document is not open' };
    const planned = await planCommand(session, params.command, uri, params.arguments?.[0]);
    if (planned === undefined) return { applied: false, reason: 'This document is not a communiqué: run "Annotate this file" first' };
    if ('error' in planned) {
      // A notification, not window/showMessageRequest: there is nothing for the user to choose.
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: planned.error });
      return { applied: false, reason: planned.error };
    }
    if (planned.edits.length === 0) return { applied: false, reason: 'Nothing to change' };
    const edit = new WorkspaceEditBuilder(session).editDocument(uri, planned.version, toLspEdits(planned.text, planned.edits)).build();
    if (!session.client.applyEdit) return { applied: false, reason: 'The editor cannot apply edits from the server' };
    const result: ApplyWorkspaceEditResult = await connection.workspace.applyEdit({ label: planned.label, edit });
    return result.applied ? { applied: true } : { applied: false, reason: result.failureReason ?? 'The editor refused the edit' };
  });
}

type Planned = { label: string; text: string; version: number; edits: TextEdit[] } | { error: string };

/** The edit of a document command on the current version; undefined when the document is not analysed. */
async function planCommand(session: Session, command: string, uri: string, argument: unknown): Promise<Planned | undefined> {
  if (command === Commands.annotateFile) {
    // Works on any document: annotating is how a file that is not yet a communiqué becomes one.
    const settings = await session.settings.get(uri);
    const document = session.documents.get(uri);
    if (document === undefined) return { error: 'The document is not open' };
    const text = document.getText();
    const fm = readFrontMatter(text, settings.keys);
    if (fm.communique === true) return { label: 'Annotate this file', text, version: document.version, edits: [] };
    return withLabel('Annotate this file', text, document.version, planTagChange(text, fm, { set: { communique: true } }, settings.keys));
  }
  const analysis = await session.analyses.get(uri);
  if (analysis === undefined || analysis.version === null) return undefined;
  const { analyzed, lexicon, settings, text, version } = analysis;
  switch (command) {
    case Commands.tagAll:
      return withLabel('Tag all untagged entities', text, version, planTagAll(analyzed, lexicon, settings));
    case Commands.tagEntity:
    case Commands.ignoreInDocument: {
      const target = argument as Partial<EntityCommandParams> | undefined;
      const entity = analyzed.recognition.entities.find((e) => e.category === target?.category && e.id === target?.id);
      if (entity === undefined) return { error: `No entity ${String(target?.id)} in this document` };
      if (command === Commands.tagEntity) {
        const value = analyzed.tagValueOf(entity);
        const change = { add: { [entity.category]: [value] } };
        return withLabel(`Tag ${entity.name}`, text, version, planTagChange(text, analyzed.frontMatter, change, settings.keys));
      }
      const term = typeof target?.text === 'string' && target.text !== '' ? target.text : entity.text;
      return withLabel(`Ignore "${term}" in this document`, text, version, planTagChange(text, analyzed.frontMatter, { addIgnore: [term] }, settings.keys));
    }
    case Commands.removeStaleTags:
      return withLabel('Remove stale tags', text, version, planRemoveStale(analyzed, lexicon, settings));
    case Commands.moveDateHeader:
      return withLabel('Move date header into front matter', text, version, planMoveHeader(analyzed, lexicon, settings));
    default:
      return undefined;
  }
}

function withLabel(label: string, text: string, version: number, result: { edits: TextEdit[] } | { error: string }): Planned {
  return 'error' in result ? { error: result.error } : { label, text, version, edits: result.edits };
}

const CATEGORY_NAMES = ['actor', 'country', 'region', 'threat'] as const;
/** The language of a name when nothing else says (the core's default, issue 2). */
const DEFAULT_NAME_LANGUAGE = 'fr';

/**
 * `communique.addToLexicon`: the client's "Add selection to lexicon as ..." and the Entities
 * view's "Ignore in the workspace". The edit is planned by the core (lexiconEdits.ts) exactly as
 * the quick fix plans it, applied by the client, and the lexicons are then reloaded.
 */
async function addToLexicon(session: Session, arg: unknown): Promise<AddToLexiconResult> {
  const params = readAddParams(arg);
  if (typeof params === 'string') return { applied: false, reason: params };
  const change: LexiconChange = {};
  if (params.addIgnore !== undefined) change.addIgnore = params.addIgnore;
  if (params.entry !== undefined) {
    const { id, category, type, name } = params.entry;
    // A later layer replaces an entry with the same id: an entry written here would silently
    // drop every name of the built-in one. New ids only.
    const existing = (await session.lexicons.forDocument(params.uri)).lexicon.entries.get(id);
    if (existing !== undefined) {
      return { applied: false, reason: `The id ${id} is already taken by the ${existing.category} "${existing.name}" (${existing.origin.file}); choose another id.` };
    }
    const names = params.entry.names ?? { [await nameLanguage(session, params)]: [name] };
    change.addEntry = { id, category, name, names, ...(type !== undefined ? { type } : {}) };
  }
  const builder = new WorkspaceEditBuilder(session);
  const planned = builder.changeLexicon(params.uri, change);
  if ('error' in planned) return { applied: false, reason: planned.error };
  if (builder.isEmpty) return { applied: false, reason: 'The workspace lexicon already has it', lexiconUri: planned.uri };
  if (!session.client.applyEdit) return { applied: false, reason: 'The editor cannot apply edits from the server', lexiconUri: planned.uri };
  const label = params.entry !== undefined ? `Add ${params.entry.name} to the workspace lexicon` : `Ignore "${params.addIgnore}" in the workspace`;
  const result = await session.connection.workspace.applyEdit({ label, edit: builder.build() });
  if (!result.applied) return { applied: false, reason: result.failureReason ?? 'The editor refused the edit', lexiconUri: planned.uri };
  await session.lexicons.reload();
  return { applied: true, lexiconUri: planned.uri };
}

/** The command's argument checked field by field, or why it is unusable. */
function readAddParams(arg: unknown): AddToLexiconParams | string {
  if (arg === null || typeof arg !== 'object') return 'communique.addToLexicon needs { uri, entry } or { uri, addIgnore }';
  const a = arg as Record<string, unknown>;
  if (typeof a.uri !== 'string') return 'communique.addToLexicon needs the URI of a document';
  const params: AddToLexiconParams = { uri: a.uri };
  if (typeof a.addIgnore === 'string') {
    if (a.addIgnore.trim() === '') return 'Nothing to ignore: the term is empty';
    params.addIgnore = a.addIgnore.trim();
  }
  const p = a.position as Record<string, unknown> | undefined;
  if (p !== null && typeof p === 'object' && Number.isInteger(p.line) && Number.isInteger(p.character)) {
    params.position = { line: p.line as number, character: p.character as number };
  }
  if (a.entry !== undefined) {
    const e = a.entry as Record<string, unknown> | null;
    if (e === null || typeof e !== 'object') return 'The entry must be an object';
    const id = typeof e.id === 'string' ? e.id.trim() : '';
    const name = typeof e.name === 'string' ? e.name.trim() : '';
    const category = CATEGORY_NAMES.find((c) => c === e.category);
    if (id === '' || name === '') return 'The entry needs an id and a name';
    if (category === undefined) return `Unknown category ${String(e.category)} (expected ${CATEGORY_NAMES.join(', ')})`;
    const type = e.type === 'person' || e.type === 'organization' ? e.type : undefined;
    if (category === 'actor' && type === undefined) return 'An actor needs a type: person or organization';
    params.entry = { id, category, name, ...(category === 'actor' ? { type } : {}) };
    if (e.names !== null && typeof e.names === 'object') params.entry.names = e.names as Record<string, string[]>;
  }
  if (params.entry === undefined && params.addIgnore === undefined) return 'Nothing to add: give an entry or a term to ignore';
  return params;
}

/** The language of the paragraph at the given position; the document's otherwise. */
async function nameLanguage(session: Session, params: AddToLexiconParams): Promise<string> {
  const analysis = await session.analyses.get(params.uri);
  if (analysis !== undefined) {
    const { recognition } = analysis.analyzed;
    if (params.position !== undefined) {
      const offset = analysis.lines.offsetAt(params.position);
      const span = recognition.spans.find((s) => s.start <= offset && offset < s.end);
      if (span !== undefined) return span.language;
    }
    return recognition.language;
  }
  // A document that is not annotated has no analysis: detect the language of its text.
  const text = session.documents.get(params.uri)?.getText();
  return (text !== undefined ? detectLanguage(text)?.language : undefined) ?? DEFAULT_NAME_LANGUAGE;
}
