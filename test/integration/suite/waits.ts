/**
 * Waiting inside the extension host: on events (diagnostics, document changes) or on the
 * extension's readiness signal, never on a sleep. Every wait is bounded and its timeout message
 * says what was awaited and what was seen instead.
 */
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';

/** How long one wait may take: the language server answers in well under a second here. */
export const WAIT_MS = 20_000;

/** The extension's API: `activate()` returns it (client/src/extension.ts). */
export interface CommuniqueApi {
  whenReady(): Promise<void>;
}

/** The extension id: publisher.name of package.json. */
export const EXTENSION_ID = 'communique.communique';

/** The extension under test; fails when VS Code does not know it. */
export function communiqueExtension(): vscode.Extension<CommuniqueApi> {
  const extension = vscode.extensions.getExtension<CommuniqueApi>(EXTENSION_ID);
  if (extension === undefined) throw new Error(`VS Code does not list the extension ${EXTENSION_ID}: is extensionDevelopmentPath the repository root?`);
  return extension;
}

/** Activates the extension (or joins its activation) and waits until its language server runs. */
export async function activateAndWait(): Promise<CommuniqueApi> {
  const extension = communiqueExtension();
  const api = await withTimeout(extension.activate(), 'the extension to activate');
  if (api === undefined || typeof api.whenReady !== 'function') throw new Error('activate() did not return { whenReady() }');
  await withTimeout(api.whenReady(), 'the language server to be ready (whenReady)');
  return api;
}

/** A promise bounded in time: rejects with "Timed out after N ms waiting for WHAT". */
export function withTimeout<T>(promise: Thenable<T>, what: string, ms = WAIT_MS, seen?: () => string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`Timed out after ${ms} ms waiting for ${what}${seen === undefined ? '' : `; seen instead: ${seen()}`}`));
    }, ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** The workspace folder of the test run (a temporary copy of test/fixtures/workspace). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder === undefined) throw new Error('No workspace folder is open: runTests must open the fixture folder');
  return folder.uri;
}

/** A file of the fixture workspace. */
export function fixtureUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

/** Opens a fixture file in an editor (the active one). */
export async function openFixture(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(relativePath));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** The text of a file as it is on disk (not the editor's buffer). */
export function readDisk(uri: vscode.Uri): string {
  return readFileSync(uri.fsPath, 'utf8');
}

/** Our diagnostics of a document (other extensions may add theirs). */
export function communiqueDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'communique');
}

/** The code of a diagnostic as a string ("entity.untagged"). */
export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** One line per diagnostic, for failure messages. */
export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return '(no diagnostics)';
  return diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${vscode.DiagnosticSeverity[d.severity]} ${codeOf(d)} ${d.message}`).join(' | ');
}

/**
 * Waits until our diagnostics of `uri` satisfy `predicate`: checks now, then on every
 * onDidChangeDiagnostics for that URI.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  ms = WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  const current = (): vscode.Diagnostic[] => communiqueDiagnostics(uri);
  const now = current();
  if (predicate(now)) return Promise.resolve(now);
  let subscription: vscode.Disposable | undefined;
  const changed = new Promise<vscode.Diagnostic[]>((resolve) => {
    subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((u) => u.toString() === uri.toString())) return;
      const diagnostics = current();
      if (predicate(diagnostics)) resolve(diagnostics);
    });
  });
  return withTimeout(changed, `diagnostics of ${vscode.workspace.asRelativePath(uri)}: ${what}`, ms, () => describeDiagnostics(current())).finally(() =>
    subscription?.dispose(),
  );
}

/** Waits until the text of an open document satisfies `predicate` (checks now, then on each change). */
export function waitForText(document: vscode.TextDocument, predicate: (text: string) => boolean, what: string, ms = WAIT_MS): Promise<string> {
  if (predicate(document.getText())) return Promise.resolve(document.getText());
  let subscription: vscode.Disposable | undefined;
  const changed = new Promise<string>((resolve) => {
    subscription = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document !== document) return;
      const text = document.getText();
      if (predicate(text)) resolve(text);
    });
  });
  return withTimeout(changed, `the text of ${vscode.workspace.asRelativePath(document.uri)}: ${what}`, ms, () => JSON.stringify(document.getText().slice(0, 400))).finally(
    () => subscription?.dispose(),
  );
}

/** Waits until a configuration change touching `section` is seen (for the resource), after `change` runs. */
export async function changeConfiguration(section: string, change: () => Thenable<void>, uri?: vscode.Uri): Promise<void> {
  let subscription: vscode.Disposable | undefined;
  const seen = new Promise<void>((resolve) => {
    subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(section, uri)) resolve();
    });
  });
  try {
    await change();
    await withTimeout(seen, `a configuration change of ${section}`);
  } finally {
    subscription?.dispose();
  }
}

/** The first diagnostic of a code whose message mentions `text`, or a failure listing what there is. */
export function findDiagnostic(diagnostics: readonly vscode.Diagnostic[], code: string, text: string): vscode.Diagnostic {
  const found = diagnostics.find((d) => codeOf(d) === code && d.message.includes(text));
  if (found === undefined) throw new Error(`No ${code} diagnostic mentioning "${text}": ${describeDiagnostics(diagnostics)}`);
  return found;
}

/** The range of the first occurrence of `text` in a document. */
export function rangeOf(document: vscode.TextDocument, text: string, from = 0): vscode.Range {
  const offset = document.getText().indexOf(text, from);
  if (offset < 0) throw new Error(`"${text}" is not in ${vscode.workspace.asRelativePath(document.uri)}`);
  return new vscode.Range(document.positionAt(offset), document.positionAt(offset + text.length));
}

/**
 * Runs `vscode.executeCodeActionProvider`, retrying a bounded number of times while the answer
 * is empty or cancelled: right after start-up, built-in extensions still registering their
 * providers can cancel or truncate the request (VSCODE-TESTS.md, "Known flake"). Each retry is
 * a new request, not a wait for time to pass.
 */
export async function codeActionsAt(
  uri: vscode.Uri,
  range: vscode.Range,
  accept: (actions: vscode.CodeAction[]) => boolean,
  attempts = 10,
): Promise<vscode.CodeAction[]> {
  let last: vscode.CodeAction[] = [];
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const result = await withTimeout(
        vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range),
        'vscode.executeCodeActionProvider',
      );
      // A bare Command has a string `command`; a CodeAction's `command` is an object, if any.
      last = (result ?? []).filter((a): a is vscode.CodeAction => typeof a.command !== 'string');
      if (accept(last)) return last;
    } catch (error) {
      // "Canceled" while providers register: ask again.
      lastError = error;
    }
  }
  const titles = last.map((a) => a.title).join(' | ') || '(none)';
  throw new Error(`vscode.executeCodeActionProvider never returned the expected action in ${attempts} attempts; last titles: ${titles}${lastError === undefined ? '' : `; last error: ${String(lastError)}`}`);
}
