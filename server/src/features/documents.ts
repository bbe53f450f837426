/**
 * The analyses of documents, cached per (uri, version, settings generation, lexicon generation):
 * a document is recognised again only when its text, its settings or its lexicon changed, and
 * every feature (diagnostics, code actions, hover, tokens, symbols) reads the same analysis.
 *
 * Open documents use their live text; the workspace's other communiqués come from the workspace
 * index on disk, cached by file stamp. Documents that are not annotated (issue 3, "Which
 * documents") have no analysis: every feature then answers nothing.
 */
import type { CancellationToken, Range, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument, COMMUNIQUE_LANGUAGE_ID, isAnnotated, type AnalyzedDocument } from '../core/analysis';
import { computeDiagnostics, type CommuniqueDiagnostic } from '../core/diagnostics';
import type { Recognizer } from '../core/recognize';
import type { CommuniqueSettings } from '../core/settings';
import { readTags, type TagState } from '../core/tagValues';
import { LineIndex } from '../core/text/positions';
import type { Entity, Lexicon } from '../core/types';
import type { WorkspaceIndex } from '../node/workspaceIndex';
import type { EntityState } from '../protocol';
import { isWorkspaceLexiconPath, type LexiconStore } from './lexicon';
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

  /** The core diagnostics, computed once per analysis. */
  diagnostics(): readonly CommuniqueDiagnostic[] {
    if (this.analyzed.tooLarge === true) return [];
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

export class AnalysisStore {
  private readonly open = new Map<string, CacheEntry>();
  private readonly disk = new Map<string, CacheEntry>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly folders: WorkspaceFolders,
    private readonly settings: SettingsStore,
    private readonly lexicons: LexiconStore,
    private readonly index: WorkspaceIndex,
  ) {}

  /**
   * The analysis of an open document at its current version; undefined when the document is
   * closed or not annotated.
   */
  async get(uri: string): Promise<DocumentAnalysis | undefined> {
    if (this.documents.get(uri) === undefined) return undefined;
    const [settings, lexicon] = await Promise.all([this.settings.get(uri), this.lexicons.forDocument(uri)]);
    // Re-read after the awaits: the document may have changed or closed meanwhile.
    const document = this.documents.get(uri);
    if (document === undefined) return undefined;
    const key = `${document.version}|${this.settings.generation}|${lexicon.generation}`;
    const cached = this.open.get(uri);
    if (cached !== undefined && cached.key === key) return cached.analysis ?? undefined;
    const analysis = this.analyze(
      { uri, version: document.version, text: document.getText(), languageId: document.languageId },
      settings,
      lexicon.recognizer,
      lexicon.lexicon,
      key,
    );
    this.open.set(uri, { key, analysis });
    return analysis ?? undefined;
  }

  /** The analysis a cached entry holds for this exact version, without waiting (undefined if none). */
  peek(uri: string): DocumentAnalysis | undefined {
    return this.open.get(uri)?.analysis ?? undefined;
  }

  /** A closed document's analysis is dropped (the disk copy takes over for workspace features). */
  forget(uri: string): void {
    this.open.delete(uri);
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
        const analysis = this.analyze({ uri, version: null, text: file.text, languageId: languageIdOfPath(path) }, settings, lexicon.recognizer, lexicon.lexicon, key);
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
    const path = uriToPath(input.uri);
    // A lexicon file may sit in an annotated folder; it is data, not a communiqué.
    if (path !== undefined && isWorkspaceLexiconPath(path)) return null;
    const relativePath = this.folders.relativePath(input.uri) ?? outsideFolderPath(path);
    if (!isAnnotated({ relativePath, languageId: input.languageId, text: input.text }, settings)) return null;
    return new DocumentAnalysis(analyzeDocument(input, recognizer, settings), settings, lexicon, key);
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
