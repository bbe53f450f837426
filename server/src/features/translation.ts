/**
 * Translation consistency in the language server (issue 5): the `translation.missing-entity` and
 * `translation.extra-entity` diagnostics of a translation, and the `communique/compareWithSource`
 * request behind the client's "Compare entities with source" table.
 *
 * The source is the open document when it is open (its live text, unsaved edits included), the
 * file on disk otherwise. Its analysis is cached per source version or file stamp, lexicon and
 * settings generation, so typing in the translation re-reads nothing: each keystroke costs a few
 * `stat` calls (is the source still there, did it change) and a comparison of two entity lists.
 * When the source changes (an edit, a save, a file event, opening or closing it) the translations
 * that depend on it are diagnosed again.
 */
import { statSync } from 'node:fs';
import type { Diagnostic } from 'vscode-languageserver';
import { analyzeDocument, type AnalyzedDocument } from '../core/analysis';
import { LineIndex } from '../core/text/positions';
import {
  compareEntities,
  folderOf,
  normalizePath,
  relativePath,
  resolveTranslationSource,
  translationDiagnostics,
  translationIgnoreProblem,
  translationProblemDiagnostic,
  type ComparedEntity,
  type SourceResolution,
  type TranslationDiagnostic,
} from '../core/translation';
import { COMPARE_WITH_SOURCE_REQUEST, type CompareWithSourceParams, type CompareWithSourceResult, type ComparedMention } from '../protocol';
import { toLspDiagnostic } from './diagnostics';
import type { DocumentAnalysis } from './documents';
import type { Session } from './session';
import { pathToUri, uriToPath } from './workspaceFolders';

/** A source document, analysed, with positions for its ranges. */
interface SourceDocument {
  uri: string;
  path: string;
  analyzed: AnalyzedDocument;
  lines: LineIndex;
  /** Changes whenever the source's text, lexicon or settings do. */
  key: string;
}

/** What a translation's check found: its link (or problem) and, when linked, the source and the diagnostics. */
interface TranslationState {
  /** Part of the diagnostics result id: changes whenever these diagnostics may. */
  key: string;
  resolution: SourceResolution;
  source?: SourceDocument;
  /** Set when the linked source could not be read. */
  unreadable?: string;
  diagnostics: Diagnostic[];
}

/** Most source mentions sent as related information per diagnostic (as for a document's own mentions). */
const MAX_RELATED = 20;

/** The path form the core works with: absolute and `/`-separated. */
function corePath(path: string): string {
  return normalizePath(path);
}

/** Whether a document URI is the file at a core path. */
function sameFile(uri: string, path: string): boolean {
  const p = uriToPath(uri);
  return p !== undefined && corePath(p) === path;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export class TranslationService {
  private readonly sources = new Map<string, SourceDocument>();
  /** Each open translation's source path (core form), from its last check. */
  private readonly dependents = new Map<string, string>();
  private pendingRefresh = new Set<string>();
  private refreshTimer: ReturnType<typeof setImmediate> | undefined;

  constructor(
    private readonly session: Session,
    private readonly refresh: (uris: string[]) => void,
  ) {}

  /** The translation diagnostics of an analysed document and the key they depend on (empty for a document that is no translation). */
  async diagnostics(analysis: DocumentAnalysis): Promise<{ key: string; diagnostics: Diagnostic[] }> {
    try {
      const state = await this.check(analysis);
      return { key: state.key, diagnostics: state.diagnostics };
    } catch (e) {
      // A source that cannot be compared must not cost the document its other diagnostics.
      this.session.connection.console.error(`communique: comparing ${analysis.uri} with its source failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return { key: 'failed', diagnostics: [] };
    }
  }

  /** Resolves, reads and compares. */
  async check(analysis: DocumentAnalysis): Promise<TranslationState> {
    const path = uriToPath(analysis.uri);
    if (path === undefined) return { key: 'none', resolution: { kind: 'none', isSource: false }, diagnostics: [] };
    const folder = this.session.folders.folderOf(analysis.uri);
    const resolution = resolveTranslationSource({
      path,
      frontMatter: analysis.analyzed.frontMatter,
      root: folder?.path ?? folderOf(corePath(path)),
      sourceLanguage: analysis.settings.translation.sourceLanguage,
      isFile: (p) => isFile(p),
    });
    const problems = [resolution.kind === 'problem' ? resolution.problem : undefined, translationIgnoreProblem(analysis.analyzed.frontMatter)]
      .filter((p) => p !== undefined)
      .map((p) => translationProblemDiagnostic(p, analysis.settings))
      .filter((d) => d !== undefined)
      .map((d) => toLspDiagnostic(analysis, d, false));
    if (resolution.kind !== 'linked') {
      this.dependents.delete(analysis.uri);
      return { key: resolution.kind === 'problem' ? `problem:${resolution.problem.message}` : 'none', resolution, diagnostics: problems };
    }
    const link = resolution.link;
    this.dependents.set(analysis.uri, link.path);
    const source = await this.source(link.path, analysis);
    if (source === undefined) {
      return { key: `unreadable:${link.path}`, resolution, unreadable: `The source ${link.path} cannot be read`, diagnostics: problems };
    }
    const label = relativePath(folderOf(corePath(path)), link.path);
    const found = translationDiagnostics({ translation: analysis.analyzed, source: source.analyzed, link, lexicon: analysis.lexicon, settings: analysis.settings, sourceLabel: label });
    const related = this.session.client.relatedInformation;
    const diagnostics = [...problems, ...found.map((d) => this.toLsp(analysis, d, source, related))];
    return { key: `${link.via}:${link.path}|${source.key}`, resolution, source, diagnostics };
  }

  /** The comparison the client's table shows. */
  async compare(uri: string): Promise<CompareWithSourceResult> {
    const analysis = await this.session.analyses.get(uri);
    if (analysis === undefined) {
      return { kind: 'no-source', message: this.session.documents.get(uri) === undefined ? 'The document is not open.' : 'This document is not a communiqué: run "Annotate this file" first.' };
    }
    const state = await this.check(analysis);
    const { resolution } = state;
    if (resolution.kind === 'problem') return { kind: 'no-source', message: resolution.problem.message };
    if (resolution.kind === 'none') {
      const language = analysis.settings.translation.sourceLanguage;
      return {
        kind: 'no-source',
        message: resolution.isSource
          ? `This document is a source (its name says ${language}, the communique.translation.sourceLanguage setting): open one of its translations to compare.`
          : `This document declares no source: add \`translation-of: path/to/source.md\` to its front matter, or name it like its source with a language code (report.${language || 'fr'}.md and report.en.md).`,
      };
    }
    const source = state.source;
    if (source === undefined) return { kind: 'no-source', message: state.unreadable ?? 'The source cannot be read.' };
    const translationLines = analysis.lines;
    const mentions = (list: ComparedEntity['sourceMentions'], lines: LineIndex): ComparedMention[] =>
      list.map((m) => ({ range: lines.rangeOf(m.start, m.end), text: m.text }));
    const path = uriToPath(uri) ?? '';
    return {
      kind: 'compared',
      translation: { uri, version: analysis.version, language: analysis.analyzed.recognition.language },
      source: {
        uri: source.uri,
        version: this.session.documents.get(source.uri)?.version ?? null,
        language: source.analyzed.recognition.language,
        via: resolution.link.via,
        label: relativePath(folderOf(corePath(path)), resolution.link.path),
      },
      entities: compareEntities(source.analyzed, analysis.analyzed, analysis.lexicon).map((c) => ({
        category: c.category,
        id: c.id,
        name: c.name,
        sourceName: c.sourceName,
        translationName: c.translationName,
        status: c.status,
        ignored: c.ignored,
        sourceMentions: mentions(c.sourceMentions, source.lines),
        translationMentions: mentions(c.translationMentions, translationLines),
      })),
    };
  }

  /** An open document changed (or opened): the translations whose source it is are diagnosed again. */
  documentChanged(uri: string): void {
    this.refreshDependents([uri]);
  }

  /** An open document closed: it is no translation to track any more, and its dependents fall back to the disk copy. */
  documentClosed(uri: string): void {
    this.dependents.delete(uri);
    this.refreshDependents([uri]);
  }

  /**
   * Files changed on disk. A changed file refreshes the translations whose source it is; a created
   * or deleted one may make or break a link (a sibling appears, a `translation-of` target goes), so
   * every tracked or candidate translation is checked again.
   */
  filesChanged(changes: readonly { uri: string; created: boolean; deleted: boolean }[]): void {
    const changed = changes.map((c) => c.uri);
    for (const uri of changed) {
      const path = uriToPath(uri);
      if (path !== undefined) this.sources.delete(corePath(path));
    }
    if (changes.some((c) => c.created || c.deleted)) this.schedule(this.session.documents.all().map((d) => d.uri));
    else this.refreshDependents(changed);
  }

  private refreshDependents(uris: readonly string[]): void {
    const paths = new Set(uris.map((u) => uriToPath(u)).filter((p) => p !== undefined).map(corePath));
    const affected = [...this.dependents].filter(([, source]) => paths.has(source)).map(([translation]) => translation);
    if (affected.length > 0) this.schedule(affected);
  }

  /** Coalesces a burst of changes (typing in the source) into one refresh. */
  private schedule(uris: readonly string[]): void {
    for (const uri of uris) this.pendingRefresh.add(uri);
    if (this.refreshTimer !== undefined) return;
    this.refreshTimer = setImmediate(() => {
      this.refreshTimer = undefined;
      const pending = [...this.pendingRefresh];
      this.pendingRefresh = new Set();
      this.refresh(pending);
    });
  }

  /** The source at a path: the open document's analysis (or text), else the file on disk; cached per stamp. */
  private async source(path: string, translation: DocumentAnalysis): Promise<SourceDocument | undefined> {
    const uri = pathToUri(path);
    const lexicon = await this.session.lexicons.forDocument(translation.uri);
    const generations = `${this.session.settings.generation}|${lexicon.generation}`;
    // By path too: an editor may spell the URI differently (`file:///c%3A/...` on Windows).
    const open = this.session.documents.get(uri) ?? this.session.documents.all().find((d) => sameFile(d.uri, path));
    let key: string;
    let text: string;
    let version: number | null = null;
    if (open !== undefined) {
      key = `open:${open.version}|${generations}`;
      const cached = this.sources.get(path);
      if (cached?.key === key) return cached;
      // An annotated open source already has its analysis: reuse it.
      const analysis = await this.session.analyses.get(open.uri);
      if (analysis !== undefined && analysis.version === open.version) {
        const source = { uri: open.uri, path, analyzed: analysis.analyzed, lines: analysis.lines, key };
        this.sources.set(path, source);
        return source;
      }
      text = open.getText();
      version = open.version;
    } else {
      const file = this.session.index.read(path);
      if (file === undefined) return undefined;
      key = `disk:${file.stamp}|${generations}`;
      const cached = this.sources.get(path);
      if (cached?.key === key) return cached;
      text = file.text;
    }
    // The translation's settings and lexicon, without heuristics: heuristic actors are not compared.
    const settings = { ...translation.settings, heuristics: false };
    const analyzed = analyzeDocument({ uri: open?.uri ?? uri, version, text }, lexicon.recognizer, settings);
    const source: SourceDocument = { uri: open?.uri ?? uri, path, analyzed, lines: new LineIndex(text), key };
    this.sources.set(path, source);
    return source;
  }

  /** A translation diagnostic for the client, with the source's mentions as related information. */
  private toLsp(analysis: DocumentAnalysis, d: TranslationDiagnostic, source: SourceDocument, related: boolean): Diagnostic {
    const diagnostic = toLspDiagnostic(analysis, d, related);
    if (related && d.sourceRelated !== undefined && d.sourceRelated.length > 0) {
      diagnostic.relatedInformation = [
        ...(diagnostic.relatedInformation ?? []),
        ...d.sourceRelated.slice(0, MAX_RELATED).map((r) => ({ location: { uri: source.uri, range: source.lines.rangeOf(r.start, r.end) }, message: r.message })),
      ];
    }
    return diagnostic;
  }

  /** Forgets cached sources that no translation uses any more. */
  prune(): void {
    const used = new Set(this.dependents.values());
    for (const path of this.sources.keys()) if (!used.has(path)) this.sources.delete(path);
  }
}

/** Wires translation checks: the compare request, and re-diagnosis when a source changes. */
export function registerTranslations(session: Session, refresh: (uris: string[]) => void): TranslationService {
  const service = new TranslationService(session, refresh);
  const { connection, documents } = session;
  connection.onRequest(COMPARE_WITH_SOURCE_REQUEST, async (params: CompareWithSourceParams): Promise<CompareWithSourceResult> => {
    const uri = params?.textDocument?.uri;
    if (typeof uri !== 'string') return { kind: 'no-source', message: 'No document given.' };
    return service.compare(uri);
  });
  documents.onDidChangeContent((e) => service.documentChanged(e.document.uri));
  documents.onDidClose((e) => {
    service.documentClosed(e.document.uri);
    service.prune();
  });
  return service;
}
