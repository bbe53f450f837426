/**
 * Workspace trust on the server side (issue 6, "Untrusted workspaces"). The client says whether
 * the user trusts the workspace, in `initializationOptions.workspaceTrusted` and later with the
 * `communique/didChangeWorkspaceTrust` notification; until it says `true`, the lexicons read no
 * file outside the workspace folders (core/trust.ts). A client that says nothing is treated as
 * untrusted: other editors opt in with `initializationOptions = { workspaceTrusted = true }`.
 *
 * When lexicon files are held back, the user is told once per distinct set of files, with a
 * window/showMessage naming them, rather than on every rebuild of the lexicons.
 */
import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import { decideLexiconPaths, ignoredLexiconsMessage, type LexiconCandidate, type LexiconPathDecision } from '../core/trust';
import { DID_CHANGE_WORKSPACE_TRUST, type DidChangeWorkspaceTrustParams } from '../protocol';
import type { Folder } from './workspaceFolders';

/** Reads `workspaceTrusted` from the initialization options; anything but `true` is untrusted. */
export function readWorkspaceTrusted(initializationOptions: unknown): boolean {
  return (initializationOptions as { workspaceTrusted?: unknown } | null | undefined)?.workspaceTrusted === true;
}

export class WorkspaceTrust {
  private value: boolean;
  private readonly listeners: (() => void)[] = [];
  /** The ignored sets the user was already told about. */
  private readonly told = new Set<string>();

  constructor(
    private readonly connection: Connection,
    trusted: boolean,
  ) {
    this.value = trusted;
    connection.onNotification(DID_CHANGE_WORKSPACE_TRUST, (params: DidChangeWorkspaceTrustParams) => this.set(params?.trusted === true));
  }

  get trusted(): boolean {
    return this.value;
  }

  /** Called when the trust changes (the lexicons are then rebuilt). */
  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  set(trusted: boolean): void {
    if (trusted === this.value) return;
    this.value = trusted;
    for (const listener of this.listeners) listener();
  }

  /**
   * The lexicon files that may be read now, given the workspace folders; tells the user (once per
   * set) about the ones held back.
   */
  decide(paths: readonly string[], folders: readonly Folder[]): LexiconPathDecision<LexiconCandidate> {
    const candidates = paths.map((path) => ({ path, realPath: realPath(path) }));
    const decision = decideLexiconPaths(candidates, folders.map((f) => realPath(f.path)), { trusted: this.value });
    if (decision.ignored.length > 0) {
      const key = decision.ignored.map((c) => c.realPath).sort().join('\n');
      if (!this.told.has(key)) {
        this.told.add(key);
        const message = ignoredLexiconsMessage(decision.ignored);
        this.connection.console.warn(message);
        void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
      }
    }
    return decision;
  }
}

/**
 * The path with symbolic links resolved. For a file that does not exist (yet), its nearest existing
 * folder is resolved, so a missing file under a linked folder is placed where the link leads.
 */
function realPath(path: string): string {
  const absolute = resolve(path);
  let rest = '';
  for (let dir = absolute; ; dir = dirname(dir)) {
    try {
      return join(realpathSync.native(dir), rest);
    } catch {
      if (dirname(dir) === dir) return absolute;
      rest = rest === '' ? basename(dir) : join(basename(dir), rest);
    }
  }
}
