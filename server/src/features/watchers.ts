/**
 * File watching: the server asks the client to watch the lexicon files and the communiqué files
 * of the workspace (dynamic registration of workspace/didChangeWatchedFiles), and dispatches the
 * events: a lexicon file rebuilds the lexicons, any other file refreshes the workspace index.
 *
 * Extra lexicon paths come from the settings, so the registration is renewed when they change.
 */
import { DidChangeWatchedFilesNotification, FileChangeType, type Disposable, type FileSystemWatcher } from 'vscode-languageserver';
import { isWorkspaceLexiconPath } from './lexicon';
import type { Session } from './session';
import { uriToPath } from './workspaceFolders';

/** What the workspace index reads (see server/src/node/workspaceIndex.ts). */
const COMMUNIQUE_FILES = '**/*.{md,markdown,txt,cmq}';
const WORKSPACE_LEXICONS = '**/.communique/lexicon.yaml';

/** A file that changed on disk, other than a lexicon. */
export interface FileChange {
  uri: string;
  created: boolean;
  deleted: boolean;
}

export function registerWatchers(session: Session, onFilesChanged?: (changes: FileChange[]) => void): { update(): Promise<void> } {
  const { connection, lexicons, index } = session;
  let registration: Disposable | undefined;
  let registered = '';

  connection.onDidChangeWatchedFiles(async (params) => {
    let lexiconChanged = false;
    const files: FileChange[] = [];
    for (const change of params.changes) {
      const path = uriToPath(change.uri);
      if (path === undefined) continue;
      if (await lexicons.isLexiconFile(path)) {
        // An open lexicon document is read live; its saves need no rebuild of their own.
        if (session.documents.get(change.uri) === undefined) lexiconChanged = true;
      } else {
        index.invalidate();
        files.push({ uri: change.uri, created: change.type === FileChangeType.Created, deleted: change.type === FileChangeType.Deleted });
      }
    }
    if (files.length > 0) onFilesChanged?.(files);
    if (lexiconChanged) await lexicons.reload();
  });

  return {
    /** (Re-)registers the watchers for the current lexicon files, when the client allows it. */
    async update(): Promise<void> {
      if (!session.client.watchedFilesRegistration) return;
      const extra = (await lexicons.watchedFiles()).filter((p) => !isWorkspaceLexiconPath(p));
      const watchers: FileSystemWatcher[] = [{ globPattern: WORKSPACE_LEXICONS }, { globPattern: COMMUNIQUE_FILES }, ...extra.map((p) => ({ globPattern: p }))];
      const key = JSON.stringify(watchers);
      if (key === registered) return;
      registered = key;
      const previous = registration;
      registration = await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
      previous?.dispose();
    },
  };
}
