/**
 * Core edits as LSP WorkspaceEdits, shared by code actions and commands.
 *
 * Edits to a document are versioned `documentChanges` (a TextDocumentEdit with the version the
 * edits were computed on), so a fix planned on an older text is refused by the client instead of
 * being applied to a newer one (issue 3, "Safety"). Clients without documentChanges get the plain
 * `changes` map. Lexicon changes become a CreateFile of .communique/lexicon.yaml when it does not
 * exist yet, followed by a TextDocumentEdit of the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateFile,
  TextDocumentEdit,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { LexiconAddition } from '../core/codeActions';
import { planLexiconChange } from '../core/lexiconEdits';
import { LineIndex } from '../core/text/positions';
import type { TextEdit } from '../core/textEdit';
import { WORKSPACE_LEXICON_PATH } from '../node/lexiconFiles';
import type { Session } from './session';
import { pathToUri, uriToPath } from './workspaceFolders';

/** A change to the workspace lexicon, as a code action plans it. */
export interface LexiconChange {
  addEntry?: LexiconAddition['entry'];
  addIgnore?: string;
}

/** Core edits (offsets into `text`) as LSP text edits, in document order with touching edits merged. */
export function toLspEdits(text: string, edits: readonly TextEdit[], lines = new LineIndex(text)): LspTextEdit[] {
  return mergeTouching(edits).map((e) => ({ range: lines.rangeOf(e.start, e.end), newText: e.newText }));
}

/**
 * The edits sorted by position (an insertion before a replacement at the same offset, as the
 * core's applyEdits reads them), and edits that touch merged into one. Clients disagree on edits
 * that share an offset: vscode-languageserver-textdocument rejects an insertion placed after a
 * replacement starting there, while the core means "insert, then replace". One merged edit per
 * stretch leaves no room for interpretation.
 */
export function mergeTouching(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.index - b.index)
    .map((e) => e.edit);
  const out: TextEdit[] = [];
  for (const edit of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && edit.start === last.end) out[out.length - 1] = { start: last.start, end: edit.end, newText: last.newText + edit.newText };
    else out.push({ ...edit });
  }
  return out;
}

/** Collects the parts of one WorkspaceEdit. */
export class WorkspaceEditBuilder {
  private readonly documentChanges: (TextDocumentEdit | CreateFile)[] = [];
  private readonly changes: Record<string, LspTextEdit[]> = {};

  constructor(private readonly session: Session) {}

  /** Edits to a document, versioned with the version they were computed on (null: a file that is not open). */
  editDocument(uri: string, version: number | null, edits: LspTextEdit[]): this {
    if (edits.length === 0) return this;
    this.documentChanges.push(TextDocumentEdit.create({ uri, version }, edits));
    (this.changes[uri] ??= []).push(...edits);
    return this;
  }

  /**
   * Adds the lexicon change to the workspace lexicon of the folder containing `documentUri`.
   * Returns the lexicon's URI, or an error saying why the change cannot be made.
   */
  changeLexicon(documentUri: string, change: LexiconChange): { uri: string } | { error: string } {
    const folder = this.session.folders.folderOf(documentUri);
    if (folder === undefined) return { error: 'Open the folder of this file as a workspace: the workspace lexicon lives in its .communique folder' };
    const path = join(folder.path, WORKSPACE_LEXICON_PATH);
    const open = this.session.documents.all().find((d) => uriToPath(d.uri) === path);
    const existing = open?.getText() ?? readText(path);
    const planned = planLexiconChange(existing, change);
    if ('error' in planned) return planned;
    const uri = open?.uri ?? pathToUri(path);
    const version = open?.version ?? null;
    if ('newFile' in planned) {
      if (existing === undefined) {
        if (!this.session.client.createFiles || !this.session.client.documentChanges) {
          return { error: `This editor cannot create files from a fix: create ${WORKSPACE_LEXICON_PATH} first` };
        }
        this.documentChanges.push(CreateFile.create(uri, { ignoreIfExists: true }));
        this.editDocument(uri, null, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: planned.newFile }]);
      } else {
        // A whole new text for an existing file (an empty or unusable one): replace everything.
        this.editDocument(uri, version, toLspEdits(existing, [{ start: 0, end: existing.length, newText: planned.newFile }]));
      }
    } else {
      this.editDocument(uri, version, toLspEdits(existing ?? '', planned.edits));
    }
    return { uri };
  }

  /** The edit in the form the client supports. */
  build(): WorkspaceEdit {
    return this.session.client.documentChanges ? { documentChanges: this.documentChanges } : { changes: this.changes };
  }

  get isEmpty(): boolean {
    return this.documentChanges.length === 0;
  }
}

/** A file's text without its byte-order mark (as an editor holds it); undefined when it does not exist. */
function readText(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const text = readFileSync(path, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}
