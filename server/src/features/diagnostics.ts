/**
 * Diagnostics: pulled by clients that declare textDocument.diagnostic (VS Code), pushed with
 * publishDiagnostics to the others (Neovim 0.7, Emacs/eglot). Both read the cached analysis of the
 * document's current version, so a pull after a push costs nothing.
 *
 * Each diagnostic keeps the core's stable `code` and typed `data`: code actions read those, never
 * the message.
 */
import {
  DiagnosticSeverity,
  DiagnosticTag,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type Diagnostic,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver';
import type { CommuniqueDiagnostic } from '../core/diagnostics';
import { DIAGNOSTIC_SOURCE } from '../protocol';
import type { DocumentAnalysis } from './documents';
import type { Session } from './session';

const SEVERITY: Record<CommuniqueDiagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A core diagnostic as an LSP diagnostic (the same conversion for pushed, pulled and code-action diagnostics). */
export function toLspDiagnostic(analysis: DocumentAnalysis, d: CommuniqueDiagnostic, relatedInformation: boolean): Diagnostic {
  const diagnostic: Diagnostic = {
    range: analysis.range(d.start, d.end),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: DIAGNOSTIC_SOURCE,
    message: d.message,
    data: d.data,
  };
  // A stale tag is dead weight in the front matter: editors fade it out.
  if (d.code === 'frontmatter.stale') diagnostic.tags = [DiagnosticTag.Unnecessary];
  // A deprecated term: editors strike it through, as they do deprecated APIs.
  if (d.code === 'term.deprecated') diagnostic.tags = [DiagnosticTag.Deprecated];
  if (relatedInformation && d.related !== undefined && d.related.length > 0) {
    const shown = d.related.slice(0, MAX_RELATED);
    diagnostic.relatedInformation = shown.map((r, i) => ({
      location: { uri: analysis.uri, range: analysis.range(r.start, r.end) },
      message: i === shown.length - 1 && d.related!.length > shown.length ? `${r.message} (and ${d.related!.length - shown.length} more mentions)` : r.message,
    }));
  }
  return diagnostic;
}

/**
 * Most related mentions sent per diagnostic. An organisation named on every page of a long
 * report has thousands of mentions; listing them all would make each publication megabytes of
 * JSON that no one reads (references list them all on demand).
 */
const MAX_RELATED = 20;

/**
 * Diagnostics that depend on more than the document's own text, such as a translation's on its
 * source (features/translation.ts, issue 5): `key` changes whenever they may.
 */
export interface LinkedDiagnostics {
  diagnostics(analysis: DocumentAnalysis): Promise<{ key: string; diagnostics: Diagnostic[] }>;
}

/** Wires diagnostics: the pull handler, or push on open and change; refreshes when the lexicon or the settings change. */
export function registerDiagnostics(session: Session, linked?: LinkedDiagnostics): { refreshAll(): void; refresh(uris: readonly string[]): void } {
  const { connection, documents, analyses, client } = session;

  /** The document's diagnostics and the key that identifies them (undefined: not analysed). */
  const report = async (analysis: DocumentAnalysis | undefined): Promise<{ key: string; items: Diagnostic[] } | undefined> => {
    if (analysis === undefined) return undefined;
    const items = analysis.diagnostics().map((d) => toLspDiagnostic(analysis, d, client.relatedInformation));
    const extra = linked === undefined ? undefined : await linked.diagnostics(analysis);
    if (extra === undefined) return { key: analysis.key, items };
    return { key: `${analysis.key}|${extra.key}`, items: [...items, ...extra.diagnostics] };
  };

  if (client.pullDiagnostics) {
    connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
      const version = documents.get(params.textDocument.uri)?.version;
      const analysis = await analyses.get(params.textDocument.uri, token);
      if (token.isCancellationRequested) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      // A newer version stopped the analysis of this one (a long document, issue 6): the client
      // asks again rather than showing nothing.
      if (analysis === undefined && documents.get(params.textDocument.uri)?.version !== version) {
        throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed while it was analysed.', { retriggerRequest: true });
      }
      const reported = await report(analysis);
      const resultId = reported?.key ?? `none|${documents.get(params.textDocument.uri)?.version ?? ''}`;
      if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items: reported?.items ?? [] };
    });
    const refreshAll = (): void => {
      if (client.diagnosticRefresh) void connection.languages.diagnostics.refresh();
    };
    // A pull client re-pulls every open document on a refresh; unchanged ones answer Unchanged.
    return { refreshAll, refresh: refreshAll };
  }

  // Push: one validation per document at a time, coalescing a burst of changes into one run on
  // the latest version (the analysis always reads the current text).
  const queued = new Set<string>();
  /** The last analysis key published per document, so an unchanged result is not sent again. */
  const published = new Map<string, string>();
  const validate = async (uri: string): Promise<void> => {
    queued.delete(uri);
    const document = documents.get(uri);
    if (document === undefined) return;
    const version = document.version;
    const analysis = await analyses.get(uri);
    const reported = await report(analysis);
    const current = documents.get(uri);
    // Closed meanwhile, or a newer version is queued or being analysed (it stopped this one, issue
    // 6): that run publishes.
    if (current === undefined || queued.has(uri) || current.version !== version) return;
    // A lexicon file's diagnostics are its problems, which the lexicon store publishes.
    if (analysis === undefined && session.lexicons.isLexiconDocument(uri)) return;
    const key = reported?.key ?? 'none';
    if (published.get(uri) === key) return;
    published.set(uri, key);
    void connection.sendDiagnostics({ uri, version: analysis?.version ?? current.version, diagnostics: reported?.items ?? [] });
  };
  const schedule = (uri: string): void => {
    if (queued.has(uri)) return;
    queued.add(uri);
    setImmediate(() => void validate(uri));
  };
  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidClose((e) => {
    queued.delete(e.document.uri);
    if (published.delete(e.document.uri)) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  return {
    refreshAll(): void {
      for (const document of documents.all()) schedule(document.uri);
    },
    refresh(uris: readonly string[]): void {
      for (const uri of uris) if (documents.get(uri) !== undefined) schedule(uri);
    },
  };
}
