/**
 * The workspace folders of the session and the file paths of document URIs. Settings globs
 * (`communique.files`) match paths relative to the folder that contains a document, and each
 * folder has its own workspace lexicon (.communique/lexicon.yaml).
 */
import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkspaceFolder } from 'vscode-languageserver';

/** A workspace folder with its file-system path. */
export interface Folder {
  uri: string;
  name: string;
  path: string;
}

/** The file-system path of a `file:` URI; undefined for other schemes (untitled:, vscode-notebook:...). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The `file:` URI of a path. */
export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

/** The current workspace folders, most specific first when they nest. */
export class WorkspaceFolders {
  private folders: Folder[] = [];

  constructor(initial: readonly WorkspaceFolder[] | null | undefined, rootUri: string | null | undefined) {
    if (initial && initial.length > 0) this.set(initial);
    else if (rootUri) this.set([{ uri: rootUri, name: rootUri }]);
  }

  /** Replaces the folder list (initialize, didChangeWorkspaceFolders). */
  set(list: readonly WorkspaceFolder[]): void {
    const folders: Folder[] = [];
    for (const f of list) {
      const path = uriToPath(f.uri);
      if (path !== undefined) folders.push({ uri: f.uri, name: f.name, path });
    }
    // Longest path first: a document in a nested folder belongs to the innermost one.
    this.folders = folders.sort((a, b) => b.path.length - a.path.length);
  }

  /** Applies a didChangeWorkspaceFolders event. */
  change(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): void {
    const gone = new Set(removed.map((f) => f.uri));
    const kept: WorkspaceFolder[] = this.folders.filter((f) => !gone.has(f.uri)).map((f) => ({ uri: f.uri, name: f.name }));
    this.set([...kept, ...added]);
  }

  all(): readonly Folder[] {
    return this.folders;
  }

  /** The folder that contains a document, if any. */
  folderOf(uri: string): Folder | undefined {
    const path = uriToPath(uri);
    if (path === undefined) return undefined;
    return this.folders.find((f) => isInside(f.path, path));
  }

  /** The document's path relative to its folder, with `/` separators (what the globs match). */
  relativePath(uri: string): string | undefined {
    const path = uriToPath(uri);
    if (path === undefined) return undefined;
    const folder = this.folders.find((f) => isInside(f.path, path));
    if (folder === undefined) return undefined;
    return relative(folder.path, path).split(sep).join('/');
  }
}

/** Whether `path` is `folder` itself or inside it. */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
