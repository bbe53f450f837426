/**
 * The lexicons of the session: one compiled recognizer per workspace folder (built-in lexicons,
 * then the folder's .communique/lexicon.yaml, then the `communique.lexicon.paths` setting), built
 * on first use and rebuilt when a lexicon file changes on disk (didChangeWatchedFiles), when an
 * open lexicon document is edited (its live text wins over the disk), on the reloadLexicon
 * command, and when the settings change.
 *
 * In an untrusted workspace (trust.ts, core/trust.ts) no lexicon file outside the workspace
 * folders is read; granting trust rebuilds the lexicons with them.
 *
 * Every rebuild bumps the lexicon generation, which is part of every analysis cache key, and
 * tells the listeners (diagnostics and semantic tokens refresh). Problems found in lexicon files
 * are published as diagnostics on those files.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { DiagnosticSeverity, type Connection, type Diagnostic, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { buildLexicon, type LexiconSourceText } from '../core/lexicon';
import { createRecognizer, type Recognizer } from '../core/recognize';
import type { Lexicon, LexiconProblem } from '../core/types';
import { LineIndex } from '../core/text/positions';
import { readBuiltinLayers, readLexiconFile, WORKSPACE_LEXICON_PATH, type BuiltinLayers } from '../node/lexiconFiles';
import { DIAGNOSTIC_SOURCE } from '../protocol';
import type { SettingsStore } from './settings';
import type { WorkspaceTrust } from './trust';
import { pathToUri, uriToPath, type Folder, type WorkspaceFolders } from './workspaceFolders';

/** The compiled lexicon of one workspace folder (or of the documents outside every folder). */
export interface LexiconState {
  folder: Folder | undefined;
  lexicon: Lexicon;
  recognizer: Recognizer;
  /** Unique across the session: a rebuilt lexicon never reuses a generation. */
  generation: number;
  /** The workspace and extra lexicon files this state read or looked for (absolute paths). */
  files: string[];
  /** The text of each file read, to place problem ranges. */
  texts: Map<string, string>;
  /** The `communique.lexicon.paths` setting the state was built with. */
  lexiconPaths: string[];
}

/** How long typing in an open lexicon document waits before the lexicons are rebuilt. */
const LIVE_EDIT_DELAY_MS = 150;

/** Whether a path is a workspace lexicon (`.communique/lexicon.yaml`). */
export function isWorkspaceLexiconPath(path: string): boolean {
  return basename(path) === basename(WORKSPACE_LEXICON_PATH) && basename(dirname(path)) === dirname(WORKSPACE_LEXICON_PATH);
}

export class LexiconStore {
  private builtin: BuiltinLayers | undefined;
  private readonly states = new Map<string, Promise<LexiconState>>();
  private generationCounter = 0;
  private readonly listeners: (() => void)[] = [];
  /** What each URI with lexicon problems last received, so that fixed files get cleared and nothing is sent twice. */
  private published = new Map<string, string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The lexicon files of every state built so far. */
  private readonly knownFiles = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly folders: WorkspaceFolders,
    private readonly settings: SettingsStore,
    private readonly trust: WorkspaceTrust,
  ) {
    // Trust granted: the files held back are read now, without a reload of the window.
    trust.onDidChange(() => void this.reload());
  }

  /** Called after every rebuild (generation bump). */
  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** The lexicon state for a document: that of its workspace folder. */
  forDocument(uri: string): Promise<LexiconState> {
    return this.forFolder(this.folders.folderOf(uri));
  }

  /** The lexicon state of a folder (undefined: documents outside every folder), built on first use. */
  forFolder(folder: Folder | undefined): Promise<LexiconState> {
    const key = folder?.uri ?? '';
    let state = this.states.get(key);
    if (state === undefined) {
      state = this.build(folder);
      this.states.set(key, state);
      void state.then(() => this.publishProblems());
    }
    return state;
  }

  /** Whether a path is one of the lexicon files (workspace lexicon or an extra path). */
  async isLexiconFile(path: string): Promise<boolean> {
    if (isWorkspaceLexiconPath(path)) return true;
    const states = await Promise.all(this.states.values());
    return states.some((s) => s.files.includes(path));
  }

  /** Whether a document is a lexicon file, by what the lexicons built so far read (no waiting). */
  isLexiconDocument(uri: string): boolean {
    const path = uriToPath(uri);
    return path !== undefined && (isWorkspaceLexiconPath(path) || this.knownFiles.has(path));
  }

  /** Every lexicon file of the built states (for the file watchers). */
  async watchedFiles(): Promise<string[]> {
    const states = await Promise.all(this.states.values());
    return [...new Set(states.flatMap((s) => s.files))];
  }

  /** Rebuilds every lexicon now (reloadLexicon command, a lexicon file changed on disk, new settings). */
  async reload(): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const known = new Set(this.states.keys());
    const folders = new Map(this.folders.all().map((f) => [f.uri, f]));
    this.states.clear();
    const rebuilt: Promise<LexiconState>[] = [];
    for (const key of known) {
      // A folder removed from the workspace is simply not rebuilt.
      if (key !== '' && !folders.has(key)) continue;
      rebuilt.push(this.forFolder(key === '' ? undefined : folders.get(key)));
    }
    await Promise.all(rebuilt);
    await this.publishProblems();
    for (const listener of this.listeners) listener();
  }

  /**
   * The settings changed: rebuild when a folder's extra lexicon paths did, otherwise only tell the
   * listeners (the settings generation already changed every analysis key).
   */
  async settingsChanged(): Promise<void> {
    const states = await Promise.all(this.states.values());
    for (const state of states) {
      const settings = await this.settings.get(state.folder?.uri);
      if (JSON.stringify(settings.lexiconPaths) !== JSON.stringify(state.lexiconPaths)) return this.reload();
    }
    for (const listener of this.listeners) listener();
  }

  /** Rebuilds shortly, coalescing keystrokes in an open lexicon document. */
  scheduleReload(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.reload();
    }, LIVE_EDIT_DELAY_MS);
  }

  /** An open document changed: rebuild if it is a lexicon. */
  async documentChanged(uri: string): Promise<void> {
    const path = uriToPath(uri);
    if (path === undefined || !(await this.isLexiconFile(path))) return;
    // Opening a lexicon whose text is the one already read (from disk) changes nothing.
    const text = this.documents.get(uri)?.getText();
    const states = await Promise.all(this.states.values());
    if (text !== undefined && states.every((s) => !s.files.includes(path) || s.texts.get(path) === text)) return;
    this.scheduleReload();
  }

  /** A document closed: a lexicon falls back to its text on disk. */
  async documentClosed(uri: string): Promise<void> {
    const path = uriToPath(uri);
    if (path !== undefined && (await this.isLexiconFile(path))) await this.reload();
  }

  private async build(folder: Folder | undefined): Promise<LexiconState> {
    const settings = await this.settings.get(folder?.uri);
    this.builtin ??= readBuiltinLayers();
    const builtin = this.builtin.sources;
    const files: string[] = [];
    if (folder !== undefined) files.push(join(folder.path, WORKSPACE_LEXICON_PATH));
    for (const p of settings.lexiconPaths) files.push(isAbsolute(p) ? p : resolve(folder?.path ?? process.cwd(), p));
    // An untrusted workspace reads no lexicon file outside its folders (issue 6); the files stay
    // listed (watched, known as lexicons) so that granting trust reads them.
    const readable = new Set(this.trust.decide(files, this.folders.all()).allowed.map((c) => c.path));
    const sources: LexiconSourceText[] = [];
    const problems: LexiconProblem[] = [];
    for (const [i, path] of files.entries()) {
      if (!readable.has(path)) continue;
      const open = this.openDocument(path);
      if (open !== undefined) {
        sources.push({ file: path, text: open.getText() });
        continue;
      }
      // The workspace lexicon is optional; an extra path the user configured must exist.
      if (i === 0 && folder !== undefined && !existsSync(path)) continue;
      const read = readLexiconFile(path);
      if ('message' in read) problems.push(read);
      else sources.push(read);
    }
    // Without a workspace layer, the built-in lexicon comes merged from the build's snapshot when
    // it was made from these very files (node/lexiconFiles.ts): the server starts faster.
    const built = (sources.length === 0 ? this.builtin.merged() : null) ?? buildLexicon([...builtin, ...sources]);
    const lexicon: Lexicon = problems.length === 0 ? built : { ...built, problems: [...problems, ...built.problems] };
    const texts = new Map([...builtin, ...sources].map((s) => [s.file, s.text]));
    for (const file of files) this.knownFiles.add(file);
    return {
      folder,
      lexicon,
      recognizer: createRecognizer(lexicon),
      generation: ++this.generationCounter,
      files,
      texts,
      lexiconPaths: [...settings.lexiconPaths],
    };
  }

  private openDocument(path: string): TextDocument | undefined {
    return this.documents.all().find((d) => uriToPath(d.uri) === path);
  }

  /** Publishes the problems of every lexicon file as diagnostics on that file. */
  private async publishProblems(): Promise<void> {
    const states = await Promise.all(this.states.values());
    const byFile = new Map<string, Map<string, LexiconProblem>>();
    const texts = new Map<string, string>();
    for (const state of states) {
      for (const [file, text] of state.texts) texts.set(file, text);
      for (const p of state.lexicon.problems) {
        const list = byFile.get(p.file) ?? new Map<string, LexiconProblem>();
        // Two folders share the built-in files: report each problem once.
        list.set(`${p.line}:${p.column}:${p.message}`, p);
        byFile.set(p.file, list);
      }
    }
    const now = new Map<string, string>();
    for (const [file, problems] of byFile) {
      const open = this.openDocument(file);
      const uri = open?.uri ?? pathToUri(file);
      const text = open?.getText() ?? texts.get(file);
      const diagnostics = [...problems.values()].map((p) => problemDiagnostic(p, text));
      const key = JSON.stringify(diagnostics);
      now.set(uri, key);
      if (this.published.get(uri) !== key) void this.connection.sendDiagnostics({ uri, diagnostics });
    }
    for (const uri of this.published.keys()) {
      if (!now.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    this.published = now;
  }
}

/** A lexicon problem as a diagnostic: from its column to the end of its line when the text is known. */
function problemDiagnostic(p: LexiconProblem, text: string | undefined): Diagnostic {
  const line = Math.max(0, p.line - 1);
  const character = Math.max(0, p.column - 1);
  let end = character;
  if (text !== undefined) {
    // offsetAt clamps a character past the line's end to that end.
    const lines = new LineIndex(text);
    end = lines.offsetAt({ line, character: Number.MAX_SAFE_INTEGER }) - lines.offsetAt({ line, character: 0 });
  }
  return {
    range: { start: { line, character }, end: { line, character: Math.max(end, character) } },
    severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    code: 'lexicon.problem',
    message: p.message,
  };
}
