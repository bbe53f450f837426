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
import type { TextEdit } from '../core/textEdit';
import { COMMAND_IDS, Commands } from '../protocol';
import type { Session } from './session';
import { toLspEdits, WorkspaceEditBuilder } from './workspaceEdits';

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
    if (!(COMMAND_IDS as readonly string[]).includes(params.command)) return null;
    const uri = uriArgument(params.arguments);
    if (uri === undefined) return { applied: false, reason: `${params.command} needs the URI of a document` };
    const document = session.documents.get(uri);
    if (document === undefined) return { applied: false, reason: 'The document is not open' };
    const planned = await planCommand(session, params.command, uri);
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
async function planCommand(session: Session, command: string, uri: string): Promise<Planned | undefined> {
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
