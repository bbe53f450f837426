/**
 * The analyses of documents, cached per (uri, version, settings generation, lexicon generation):
 * a document is recognised again only when its text, its settings or its lexicon changed, and
 * every feature (diagnostics, code actions, hover, tokens, symbols) reads the same analysis.
 *
 * Open documents use their live text; the workspace's other communiqués come from the workspace
 * index on disk, cached by file stamp. Documents that are not annotated (issue 3, "Which
 * documents") have no analysis: every feature then answers nothing.
 *
 * A long document (issue 6) is analysed in steps (core/analysis.ts startAnalysis), with a turn of
 * the event loop between them once STEP_BUDGET_MS has passed, so requests about other documents
 * are answered meanwhile. Every request for the same version shares one run; a newer version, a
 * settings or lexicon change, or closing the document stops it. A request whose token is
 * cancelled stops waiting (and gets nothing), without stopping the run others wait on.
 */
import type { CancellationToken, Range, TextDocuments, WorkDoneProgressServerReporter } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument, COMMUNIQUE_LANGUAGE_ID, isAnnotated, startAnalysis, type AnalyzedDocument } from '../core/analysis';
import { computeDiagnostics, type CommuniqueDiagnostic } from '../core/diagnostics';
import { SLICE_CHARS, type Recognizer } from '../core/recognize';
import type { CommuniqueSettings } from '../core/settings';
import { readTags, type TagState } from '../core/tagValues';
import { LineIndex } from '../core/text/positions';
import type { Entity, Lexicon } from '../core/types';
import type { WorkspaceIndex } from '../node/workspaceIndex';
import type { EntityState } from '../protocol';
import { isWorkspaceLexiconPath, type LexiconStore } from './lexicon';
import type { Session } from './session';
import type { SettingsStore } from './settings';
import { pathToUri, uriToPath, type WorkspaceFolders } from './workspaceFolders';

/** One analysed version of a document, with what features derive from it computed on demand. */
export class DocumentAnalysis {
  private lineIndex: LineIndex | undefined;
  private diagnosticList: CommuniqueDiagnostic[] | undefined;
  private tagState: TagState | undefined;

  constructor(
    readonly analyzed: AnalyzedDocument,
    readonly settings: CommuniqueSettings,
    readonly lexicon: Lexicon,
    /** The cache key: version, settings generation, lexicon generation. */
    readonly key: string,
  ) {}

  get uri(): string {
    return this.analyzed.uri;
  }

  get text(): string {
    return this.analyzed.text;
  }

  get version(): number | null {
    return this.analyzed.version;
  }

  get entities(): readonly Entity[] {
    return this.analyzed.recognition.entities;
  }

  /** Positions of the analysed text (not of a newer version of the document). */
  get lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.analyzed.text));
  }

  range(start: number, end: number): Range {
    return this.lines.rangeOf(start, end);
  }

  /** The core diagnostics, computed once per analysis (for a document not analysed, the notice that says so). */
  diagnostics(): readonly CommuniqueDiagnostic[] {
    return (this.diagnosticList ??= computeDiagnostics(this.analyzed, this.lexicon, this.settings));
  }

  /** The front-matter tags read against the lexicon. */
  tags(): TagState {
    return (this.tagState ??= readTags(this.analyzed, this.lexicon));
  }

  /** Whether the front matter lists an entity. */
  isTagged(e: Entity): boolean {
    const tags = this.tags();
    return e.source === 'heuristic' ? tags.taggedHeuristics.has(e.id) : tags.tagged[e.category].has(e.id);
  }

  /** The state the client decorates: tagged, or untagged (lexicon) / suggested (heuristic). */
  stateOf(e: Entity): EntityState {
    if (this.isTagged(e)) return 'tagged';
    return e.source === 'heuristic' ? 'suggested' : 'untagged';
  }

  /** The entity whose range contains an offset (the innermost when they nest). */
  entityAt(offset: number): Entity | undefined {
    let found: Entity | undefined;
    for (const e of this.entities) {
      if (e.start > offset) break;
      if (offset <= e.end && (found === undefined || e.end - e.start < found.end - found.start)) found = e;
    }
    return found;
  }
}

/** The language id of a file on disk, as the client would give it. */
export function languageIdOfPath(path: string): string {
  const lower = path.toLowerCase();
  if (lower.endsWith('.cmq') || lower.endsWith('.communique.md') || lower.endsWith('.communique.txt')) return COMMUNIQUE_LANGUAGE_ID;
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
  return 'plaintext';
}

interface CacheEntry {
  key: string;
  analysis: DocumentAnalysis | null;
}

/** A document being analysed in steps: the version (cache key) it is for, and what its waiters await. */
interface Run {
  key: string;
  /** Set when the run must stop: a newer version, other settings or lexicon, or the document closed. */
  stopped: boolean;
  /** The analysis, null when not annotated, undefined when stopped. */
  result: Promise<DocumentAnalysis | null | undefined>;
}

/** An open document being analysed in steps, as progress reports see it. */
export interface RunningAnalysis {
  readonly uri: string;
  /** Steps done and in all (the total is known once the document is read). */
  readonly done: number;
  readonly total: number;
  /** Settles when the run ends, finished or stopped. */
  readonly finished: Promise<unknown>;
}

/** Texts up to this many characters are analysed in one go: a slice's worth of work. */
const SYNC_CHARS = SLICE_CHARS;
/** Steps run back to back for up to this long before the event loop gets a turn. */
const STEP_BUDGET_MS = 1;

/** A turn of the event loop: pending requests and notifications are read and answered. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The promise's value, or undefined as soon as the token is cancelled (the promise itself goes on). */
function untilCancelled<T>(promise: Promise<T>, token: CancellationToken | undefined): Promise<T | undefined> {
  if (token === undefined) return promise;
  if (token.isCancellationRequested) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const listener = token.onCancellationRequested(() => resolve(undefined));
    promise.then(
      (value) => {
        listener.dispose();
        resolve(value);
      },
      (error: unknown) => {
        listener.dispose();
        reject(error);
      },
    );
  });
}

export class AnalysisStore {
  private readonly open = new Map<string, CacheEntry>();
  private readonly disk = new Map<string, CacheEntry>();
  /** Open documents being analysed in steps, by uri. */
  private readonly runs = new Map<string, Run>();
  private readonly runListeners: ((run: RunningAnalysis) => void)[] = [];

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly folders: WorkspaceFolders,
    private readonly settings: SettingsStore,
    private readonly lexicons: LexiconStore,
    private readonly index: WorkspaceIndex,
  ) {
    // A newer version supersedes the one being analysed at once, before anyone asks for it.
    documents.onDidChangeContent((e) => {
      const run = this.runs.get(e.document.uri);
      if (run !== undefined && !run.key.startsWith(`${e.document.version}|`)) this.stop(e.document.uri);
    });
  }

  /**
   * The analysis of an open document at its current version; undefined when the document is
   * closed or not annotated, when `token` is cancelled, or when a newer version stopped the
   * analysis of this one (the caller can tell by the document's version).
   */
  async get(uri: string, token?: CancellationToken): Promise<DocumentAnalysis | undefined> {
    if (this.documents.get(uri) === undefined) return undefined;
    const [settings, lexicon] = await Promise.all([this.settings.get(uri), this.lexicons.forDocument(uri)]);
    // Re-read after the awaits: the document may have changed or closed meanwhile.
    const document = this.documents.get(uri);
    if (document === undefined) return undefined;
    const key = `${document.version}|${this.settings.generation}|${lexicon.generation}`;
    const cached = this.open.get(uri);
    if (cached !== undefined && cached.key === key) return cached.analysis ?? undefined;
    let run = this.runs.get(uri);
    if (run === undefined || run.key !== key) {
      this.stop(uri);
      const input = { uri, version: document.version, text: document.getText(), languageId: document.languageId };
      if (input.text.length <= SYNC_CHARS) {
        const analysis = this.analyze(input, settings, lexicon.recognizer, lexicon.lexicon, key);
        this.open.set(uri, { key, analysis });
        return analysis ?? undefined;
      }
      const started: Run = { key, stopped: false, result: Promise.resolve(undefined) };
      started.result = this.analyzeInSteps(input, settings, lexicon.recognizer, lexicon.lexicon, key, started).then((analysis) => {
        if (this.runs.get(uri) === started) this.runs.delete(uri);
        if (analysis !== undefined && !started.stopped) this.open.set(uri, { key, analysis });
        return analysis;
      });
      this.runs.set(uri, started);
      run = started;
    }
    return (await untilCancelled(run.result, token)) ?? undefined;
  }

  /** Stops the analysis running for a document, if any (its waiters get undefined). */
  stop(uri: string): void {
    const run = this.runs.get(uri);
    if (run === undefined) return;
    run.stopped = true;
    this.runs.delete(uri);
  }

  /** The analysis a cached entry holds for this exact version, without waiting (undefined if none). */
  peek(uri: string): DocumentAnalysis | undefined {
    return this.open.get(uri)?.analysis ?? undefined;
  }

  /** A closed document's analysis is dropped (the disk copy takes over for workspace features). */
  forget(uri: string): void {
    this.stop(uri);
    this.open.delete(uri);
  }

  /** Whether a document is being analysed in steps now (a long one). */
  isRunning(uri: string): boolean {
    return this.runs.has(uri);
  }

  /** Calls `listener` whenever an open document starts being analysed in steps. */
  onDidStartRun(listener: (run: RunningAnalysis) => void): void {
    this.runListeners.push(listener);
  }

  /**
   * Every annotated communiqué of the workspace folders: open documents at their live version,
   * the others from disk. Stops early (with what it has) when the request is cancelled.
   */
  async workspace(token?: CancellationToken): Promise<DocumentAnalysis[]> {
    const out: DocumentAnalysis[] = [];
    const openPaths = new Set<string>();
    for (const document of this.documents.all()) {
      if (token?.isCancellationRequested) return out;
      const analysis = await this.get(document.uri);
      const path = uriToPath(document.uri);
      if (path !== undefined) openPaths.add(path);
      if (analysis !== undefined) out.push(analysis);
    }
    const paths = this.index.files(this.folders.all().map((f) => f.path));
    const live = new Set<string>();
    for (const path of paths) {
      if (token?.isCancellationRequested) return out;
      const uri = pathToUri(path);
      live.add(uri);
      if (openPaths.has(path)) continue;
      const file = this.index.read(path);
      if (file === undefined) continue;
      const [settings, lexicon] = await Promise.all([this.settings.get(uri), this.lexicons.forDocument(uri)]);
      const key = `${file.stamp}|${this.settings.generation}|${lexicon.generation}`;
      let entry = this.disk.get(uri);
      if (entry === undefined || entry.key !== key) {
        const input = { uri, version: null, text: file.text, languageId: languageIdOfPath(path) };
        // A long file on disk is analysed in steps too, and given up if the request is cancelled.
        const run: Run = { key, stopped: false, result: Promise.resolve(undefined) };
        const stopOnCancel = token?.onCancellationRequested(() => (run.stopped = true));
        const analysis =
          input.text.length <= SYNC_CHARS
            ? this.analyze(input, settings, lexicon.recognizer, lexicon.lexicon, key)
            : await this.analyzeInSteps(input, settings, lexicon.recognizer, lexicon.lexicon, key, run);
        stopOnCancel?.dispose();
        if (analysis === undefined) return out;
        entry = { key, analysis };
        this.disk.set(uri, entry);
      }
      if (entry.analysis !== null) out.push(entry.analysis);
    }
    for (const uri of this.disk.keys()) if (!live.has(uri)) this.disk.delete(uri);
    return out;
  }

  private analyze(
    input: { uri: string; version: number | null; text: string; languageId: string },
    settings: CommuniqueSettings,
    recognizer: Recognizer,
    lexicon: Lexicon,
    key: string,
  ): DocumentAnalysis | null {
    if (!this.annotated(input, settings)) return null;
    return new DocumentAnalysis(analyzeDocument(input, recognizer, settings), settings, lexicon, key);
  }

  /**
   * `analyze` in steps, with a turn of the event loop whenever STEP_BUDGET_MS have passed; resolves
   * undefined as soon as the run is stopped.
   */
  private async analyzeInSteps(
    input: { uri: string; version: number | null; text: string; languageId: string },
    settings: CommuniqueSettings,
    recognizer: Recognizer,
    lexicon: Lexicon,
    key: string,
    run: Run,
  ): Promise<DocumentAnalysis | null | undefined> {
    // Let the request that started the run, and what came with it, be read first.
    await nextTurn();
    if (run.stopped) return undefined;
    if (!this.annotated(input, settings)) return null;
    const steps = startAnalysis(input, recognizer, settings);
    if (input.version !== null && this.runs.get(input.uri) === run) {
      let finish!: () => void;
      const finished = new Promise<void>((resolve) => (finish = resolve));
      void run.result.finally(finish);
      const running: RunningAnalysis = {
        uri: input.uri,
        get done() {
          return steps.done;
        },
        get total() {
          return steps.total;
        },
        finished,
      };
      for (const listener of this.runListeners) listener(running);
    }
    let since = performance.now();
    for (;;) {
      const analyzed = steps.step();
      if (analyzed !== undefined) return new DocumentAnalysis(analyzed, settings, lexicon, key);
      if (performance.now() - since >= STEP_BUDGET_MS) {
        await nextTurn();
        if (run.stopped) return undefined;
        since = performance.now();
      }
    }
  }

  /** Whether a document is a communiqué to analyse (issue 3, "Which documents"). */
  private annotated(input: { uri: string; text: string; languageId: string }, settings: CommuniqueSettings): boolean {
    const path = uriToPath(input.uri);
    // A lexicon file may sit in an annotated folder; it is data, not a communiqué.
    if (path !== undefined && isWorkspaceLexiconPath(path)) return false;
    const relativePath = this.folders.relativePath(input.uri) ?? outsideFolderPath(path);
    return isAnnotated({ relativePath, languageId: input.languageId, text: input.text }, settings);
  }
}

/**
 * The path the `communique.files` globs see for a file outside every workspace folder: its
 * absolute path, so that a single file opened from a `press/` folder (Neovim without a project
 * root) is annotated as it would be inside a workspace.
 */
function outsideFolderPath(path: string | undefined): string | undefined {
  return path?.replace(/\\/g, '/');
}

/** How often the progress of a long analysis is reported. */
const PROGRESS_INTERVAL_MS = 250;

/**
 * Reports the analysis of a long document as work-done progress (`window/workDoneProgress`), which
 * VS Code shows in its status bar: the user sees that a 10 MB report is being annotated, and how
 * far along it is. Only for clients that support it (`window.workDoneProgress`).
 */
export function registerAnalysisProgress(session: Pick<Session, 'connection' | 'analyses'>, supported: boolean): void {
  if (!supported) return;
  session.analyses.onDidStartRun((run) => {
    void (async () => {
      let progress: WorkDoneProgressServerReporter;
      try {
        progress = await session.connection.window.createWorkDoneProgress();
      } catch {
        return;
      }
      const name = decodeURIComponent(run.uri.slice(run.uri.lastIndexOf('/') + 1));
      const percentage = (): number => (run.total > 0 ? Math.min(99, Math.floor((100 * run.done) / run.total)) : 0);
      progress.begin('Communiqué', percentage(), `annotating ${name}`, false);
      const timer = setInterval(() => progress.report(percentage(), `annotating ${name}`), PROGRESS_INTERVAL_MS);
      try {
        await run.finished;
      } finally {
        clearInterval(timer);
        progress.done();
      }
    })();
  });
}
