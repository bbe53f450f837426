/**
 * What the Entities view and the lexicon commands do to an entity: reveal its mentions, run the
 * server's tag or ignore fix for it, and add names or ignore terms to the workspace lexicon
 * through the server's `communique.addToLexicon` command. Every edit is planned by the server;
 * the client only picks and applies it.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest } from 'vscode-languageclient/node';
import {
  Commands,
  type AddToLexiconParams,
  type AddToLexiconResult,
  type EntityCommandParams,
  type EntityMention,
  type ProtocolRange,
} from '../../server/src/protocol';
import type { EntityGroup } from './entitiesModel';
import type { ErrorReporter } from './errorReporter';
import { CLIENT_NAME, type ServerConnection } from './languageServer';

/** One entity of a document, or one mention of it. */
export interface EntityTarget {
  uri: vscode.Uri;
  entity: EntityGroup;
  /** A single mention (a mention item of the view); otherwise the entity as a whole. */
  mention?: EntityMention;
}

export function toRange(r: ProtocolRange): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/** The workspace lexicon of a folder, as the server places it (server/src/node/lexiconFiles.ts). */
export function workspaceLexiconUri(folder: vscode.WorkspaceFolder): vscode.Uri {
  return vscode.Uri.joinPath(folder.uri, '.communique', 'lexicon.yaml');
}

export class EntityActions {
  constructor(
    private readonly server: ServerConnection,
    private readonly errors: ErrorReporter,
  ) {}

  /** Selects a mention in its editor and scrolls to it; the focus stays where it is (the view). */
  async reveal(uri: vscode.Uri, range: ProtocolRange): Promise<void> {
    const target = toRange(range);
    const open = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const editor = await vscode.window.showTextDocument(open?.document ?? (await vscode.workspace.openTextDocument(uri)), {
      viewColumn: open?.viewColumn,
      preserveFocus: true,
      selection: target,
    });
    editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** Tags the entity through the server's `communique.tagEntity` command (the same edit as its quick fix). */
  tag(target: EntityTarget): Promise<boolean> {
    return this.runEntityCommand(Commands.tagEntity, target);
  }

  /** Adds the mention's text to the document's `communique-ignore:` list (`communique.ignoreInDocument`). */
  ignoreInDocument(target: EntityTarget): Promise<boolean> {
    return this.runEntityCommand(Commands.ignoreInDocument, target);
  }

  /** Adds the mention's text to the workspace lexicon's `ignore:` list. */
  async ignoreInWorkspace(target: EntityTarget): Promise<boolean> {
    const text = (target.mention ?? target.entity.mentions[0])?.text ?? target.entity.name;
    return this.addToLexicon({ uri: this.server.client.code2ProtocolConverter.asUri(target.uri), addIgnore: text }, `Ignored "${text}" in the workspace.`);
  }

  /**
   * Asks the server to write to the workspace lexicon (communique.addToLexicon), then saves the
   * lexicon when it had no unsaved changes before, so the addition is not left pending.
   */
  async addToLexicon(params: AddToLexiconParams, done: string): Promise<boolean> {
    const cleanBefore = new Set(vscode.workspace.textDocuments.filter((d) => !d.isDirty).map((d) => d.uri.toString()));
    const existedBefore = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    let result: AddToLexiconResult | null;
    try {
      await this.server.whenReady();
      result = (await this.server.client.sendRequest(ExecuteCommandRequest.type, { command: Commands.addToLexicon, arguments: [params] })) as AddToLexiconResult | null;
    } catch (e) {
      this.errors.report('Could not edit the workspace lexicon.', e);
      return false;
    }
    if (result === null || result === undefined) {
      void vscode.window.showWarningMessage(`${CLIENT_NAME}: the language server does not know the command ${Commands.addToLexicon}.`);
      return false;
    }
    const lexicon = result.lexiconUri !== undefined ? this.server.client.protocol2CodeConverter.asUri(result.lexiconUri) : undefined;
    if (!result.applied) {
      void vscode.window.showWarningMessage(`${CLIENT_NAME}: ${result.reason ?? 'nothing was changed'}.`, ...(lexicon ? ['Open lexicon'] : [])).then((choice) => {
        if (choice !== undefined && lexicon) void vscode.window.showTextDocument(lexicon);
      });
      return false;
    }
    if (lexicon !== undefined) {
      const key = lexicon.toString();
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      if (document?.isDirty && (cleanBefore.has(key) || !existedBefore.has(key))) await document.save();
    }
    void vscode.window.showInformationMessage(`${CLIENT_NAME}: ${done}`, ...(lexicon ? ['Open lexicon'] : [])).then((choice) => {
      if (choice !== undefined && lexicon) void vscode.window.showTextDocument(lexicon);
    });
    return true;
  }

  /**
   * Runs a server command on one entity. The server plans the edit on the current version and has
   * the editor apply it, so the client never picks among code actions.
   */
  private async runEntityCommand(command: string, target: EntityTarget): Promise<boolean> {
    const { uri, entity } = target;
    const params: EntityCommandParams = {
      uri: this.server.client.code2ProtocolConverter.asUri(uri),
      category: entity.category,
      id: entity.id,
    };
    const text = (target.mention ?? entity.mentions[0])?.text;
    if (text !== undefined) params.text = text;
    let result: { applied: boolean; reason?: string } | null;
    try {
      await this.server.whenReady();
      result = (await this.server.client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [params] })) as typeof result;
    } catch (e) {
      this.errors.report(`Could not run ${command}.`, e);
      return false;
    }
    if (result?.applied === true) return true;
    void vscode.window.showInformationMessage(`${CLIENT_NAME}: ${result?.reason ?? 'nothing was changed'}.`);
    return false;
  }
}
