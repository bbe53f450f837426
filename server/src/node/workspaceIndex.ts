/**
 * The communiqué files of the workspace folders on disk, for workspace symbols and references.
 *
 * The scan is bounded (files visited, candidate files, bytes per file) so that opening a home
 * folder by mistake costs a fraction of a second, never minutes. It skips dot-folders and
 * dependency folders, and is redone when a file is created or deleted (didChangeWatchedFiles) or
 * when it is older than a few seconds. File contents are cached by modification time and size.
 * Open documents are the language server's business: it prefers their live text over this index.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

export interface WorkspaceIndexOptions {
  /** Most candidate files kept per scan. */
  maxFiles: number;
  /** Most directory entries looked at per scan. */
  maxEntries: number;
  /** Files larger than this are left out (bytes). */
  maxFileBytes: number;
  /** A scan younger than this is reused (milliseconds). */
  rescanAfterMs: number;
}

export const DEFAULT_INDEX_OPTIONS: WorkspaceIndexOptions = {
  maxFiles: 2_000,
  maxEntries: 50_000,
  maxFileBytes: 5_000_000,
  rescanAfterMs: 5_000,
};

/** File name endings that can hold a communiqué (the language's extensions, Markdown and text). */
const CANDIDATE_EXTENSIONS = new Set(['.md', '.markdown', '.txt', '.cmq']);
const SKIPPED_FOLDERS = new Set(['node_modules', 'out', 'dist', 'build', 'target', '__pycache__']);

/** One file read from disk. */
export interface IndexedFile {
  path: string;
  text: string;
  /** Changes whenever the file does: modification time and size. */
  stamp: string;
}

export class WorkspaceIndex {
  private scanned: { key: string; at: number; paths: string[] } | undefined;
  private readonly contents = new Map<string, IndexedFile>();

  constructor(private readonly options: WorkspaceIndexOptions = DEFAULT_INDEX_OPTIONS) {}

  /** The candidate files under the folders (sorted paths), from a recent scan or a new one. */
  files(folders: readonly string[]): string[] {
    const key = folders.join('\0');
    const now = Date.now();
    if (this.scanned && this.scanned.key === key && now - this.scanned.at < this.options.rescanAfterMs) return this.scanned.paths;
    const paths: string[] = [];
    const budget = { entries: this.options.maxEntries };
    for (const folder of folders) this.walk(folder, paths, budget);
    paths.sort();
    this.scanned = { key, at: now, paths };
    // Forget the contents of files that are gone.
    const kept = new Set(paths);
    for (const path of this.contents.keys()) if (!kept.has(path)) this.contents.delete(path);
    return paths;
  }

  /** The text of a file, re-read only when its modification time or size changed; undefined when unreadable or too large. */
  read(path: string): IndexedFile | undefined {
    try {
      const stat = statSync(path);
      if (!stat.isFile() || stat.size > this.options.maxFileBytes) return undefined;
      const stamp = `${stat.mtimeMs}:${stat.size}`;
      const cached = this.contents.get(path);
      if (cached !== undefined && cached.stamp === stamp) return cached;
      const bytes = readFileSync(path);
      if (bytes.includes(0)) return undefined;
      let text = bytes.toString('utf8');
      // Like VS Code's documents: no byte-order mark in the text, so offsets agree with the editor's.
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const file = { path, text, stamp };
      this.contents.set(path, file);
      return file;
    } catch {
      return undefined;
    }
  }

  /** A file was created, changed or deleted: the next call to files() scans again. */
  invalidate(): void {
    this.scanned = undefined;
  }

  private walk(dir: string, out: string[], budget: { entries: number }): void {
    if (out.length >= this.options.maxFiles || budget.entries <= 0) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subfolders: string[] = [];
    for (const entry of entries) {
      if (--budget.entries < 0 || out.length >= this.options.maxFiles) return;
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) subfolders.push(join(dir, entry.name));
      } else if (entry.isFile() && CANDIDATE_EXTENSIONS.has(extname(entry.name).toLowerCase())) {
        out.push(join(dir, entry.name));
      }
    }
    for (const sub of subfolders) this.walk(sub, out, budget);
  }
}
