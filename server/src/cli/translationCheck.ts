/**
 * `communique check` on translations (issue 5): a file that names its source (front matter
 * `translation-of:`, or sibling naming with `--source-language`) gets the editor's
 * `translation.missing-entity` and `translation.extra-entity` diagnostics. The source is read from
 * disk, whether or not it is one of the files checked, and analysed once per run however many
 * translations share it.
 *
 * The workspace folder a `translation-of` may not leave is the current folder for the files inside
 * it, and a file's own folder otherwise.
 */
import { statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { AnalyzedDocument } from '../core/analysis';
import type { CommuniqueDiagnostic } from '../core/diagnostics';
import {
  folderOf,
  normalizePath,
  relativePath,
  resolveTranslationSource,
  translationDiagnostics,
  translationIgnoreProblem,
  translationProblemDiagnostic,
  type TranslationDiagnostic,
} from '../core/translation';
import { analyzeText, displayPath, EditorPositions, type CliWorkspace } from './cliWorkspace';
import { readDocument } from './readDocument';

/** A source read for the run: its analysis and positions, or why it could not be read. */
type SourceFile = { ok: true; analyzed: AnalyzedDocument; positions: EditorPositions; display: string } | { ok: false; reason: string };

/** What a translation check adds to a file's diagnostics: core diagnostics, and for each, mentions in the source. */
export interface TranslationFindings {
  diagnostics: CommuniqueDiagnostic[];
  /** Related locations in the source, per diagnostic of `diagnostics` (same index). */
  sourceRelated: ({ path: string; range: ReturnType<EditorPositions['rangeOf']>; message: string }[] | undefined)[];
  /** A source that a file names but that cannot be read (printed as a warning). */
  warning?: string;
}

/** Checks translations against their sources for one run of `check`. */
export class TranslationChecker {
  private readonly sources = new Map<string, SourceFile>();

  constructor(private readonly workspace: CliWorkspace) {}

  /** The translation diagnostics of one file (nothing for a file that is no translation, or for standard input). */
  check(path: string, doc: AnalyzedDocument): TranslationFindings {
    const none: TranslationFindings = { diagnostics: [], sourceRelated: [] };
    if (path === '-') return none;
    const { settings, lexicon, cwd } = this.workspace;
    const absolute = isAbsolute(path) ? path : join(cwd, path);
    const inside = !relative(cwd, absolute).startsWith('..') && !isAbsolute(relative(cwd, absolute));
    const resolution = resolveTranslationSource({
      path: absolute,
      frontMatter: doc.frontMatter,
      root: inside ? cwd : folderOf(normalizePath(absolute)),
      sourceLanguage: settings.translation.sourceLanguage,
      isFile,
    });
    const findings: TranslationFindings = { diagnostics: [], sourceRelated: [] };
    const add = (d: CommuniqueDiagnostic | undefined, related?: TranslationFindings['sourceRelated'][number]): void => {
      if (d === undefined) return;
      findings.diagnostics.push(d);
      findings.sourceRelated.push(related);
    };
    if (resolution.kind === 'problem') add(translationProblemDiagnostic(resolution.problem, settings));
    const ignoreProblem = translationIgnoreProblem(doc.frontMatter);
    if (ignoreProblem !== undefined) add(translationProblemDiagnostic(ignoreProblem, settings));
    if (resolution.kind !== 'linked') return findings;

    const link = resolution.link;
    const source = this.source(link.path);
    if (!source.ok) {
      findings.warning = `cannot compare with the source ${displayPath(link.path, cwd)}: ${source.reason}`;
      return findings;
    }
    const label = relativePath(folderOf(normalizePath(absolute)), link.path);
    const found: TranslationDiagnostic[] = translationDiagnostics({ translation: doc, source: source.analyzed, link, lexicon, settings, sourceLabel: label });
    for (const d of found) {
      const { sourceRelated, ...diagnostic } = d;
      add(
        diagnostic,
        sourceRelated?.map((r) => ({ path: source.display, range: source.positions.rangeOf(r.start, r.end), message: r.message })),
      );
    }
    return findings;
  }

  /** A source file, read and analysed once per run (without heuristics: heuristic actors are not compared). */
  private source(path: string): SourceFile {
    const cached = this.sources.get(path);
    if (cached !== undefined) return cached;
    const osPath = path.split('/').join(sep);
    const read = readDocument(osPath);
    let source: SourceFile;
    if (!read.ok) source = { ok: false, reason: read.reason };
    else {
      const text = read.hadBom ? `\uFEFF${read.text}` : read.text;
      const workspace = { ...this.workspace, settings: { ...this.workspace.settings, heuristics: false } };
      source = { ok: true, analyzed: analyzeText(workspace, osPath, text), positions: new EditorPositions(text), display: displayPath(osPath, this.workspace.cwd) };
    }
    this.sources.set(path, source);
    return source;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
