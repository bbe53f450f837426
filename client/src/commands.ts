/**
 * The palette and menu commands. The server's document commands (Tag all, Remove stale tags,
 * Annotate this file) are registered by the language client from the server's
 * executeCommandProvider; the middleware here gives them the active document when they come with
 * no argument (palette, menus, status bar). The client's own commands: Restart server, Show
 * output, Open workspace lexicon, Add selection to lexicon as ..., Toggle entity highlighting, and
 * Copy name (the translator hover's links, hidden from the palette).
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type Middleware } from 'vscode-languageclient/node';
import { Commands } from '../../server/src/protocol';
import { ClientCommands } from './commandIds';
import { CATEGORIES, type Category } from './entitiesModel';
import { workspaceLexiconUri, type EntityActions } from './entityActions';
import { targetOf } from './entitiesView';
import type { ErrorReporter } from './errorReporter';
import { CLIENT_NAME, LANGUAGES, type ServerConnection } from './languageServer';
import { defaultLexiconId, LEXICON_TEMPLATE, MAX_NAME_LENGTH, nameFromSelection, validateLexiconId, withArticle } from './lexiconModel';
import { DECORATIONS_SECTION } from './settings';

/** Server commands that act on the active document: the server receives its URI and version. */
export const DOCUMENT_COMMANDS: readonly string[] = [Commands.annotateFile, Commands.tagAll, Commands.removeStaleTags];

const ADD_COMMANDS: Record<Category, string> = {
  actor: ClientCommands.addSelectionAsActor,
  country: ClientCommands.addSelectionAsCountry,
  region: ClientCommands.addSelectionAsRegion,
  threat: ClientCommands.addSelectionAsThreat,
};

/** What the server answers to a document command (server/src/features/commands.ts). */
interface CommandOutcome {
  applied?: boolean;
  reason?: string;
}

/** Says briefly, in the status bar, why a command changed nothing ("Nothing to change"); errors already come from the server. */
function reportOutcome(result: unknown): unknown {
  const outcome = result as CommandOutcome | null | undefined;
  if (outcome && outcome.applied === false && typeof outcome.reason === 'string') {
    vscode.window.setStatusBarMessage(`${CLIENT_NAME}: ${outcome.reason}`, 5000);
  }
  return result;
}

/** The arguments of a document command: the active document's URI and version, or undefined (and a message) without one. */
function activeDocumentArguments(): unknown[] | undefined {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || !LANGUAGES.includes(document.languageId)) {
    void vscode.window.showInformationMessage(`${CLIENT_NAME}: open a communiqué (Markdown or plain text) first.`);
    return undefined;
  }
  return [{ uri: document.uri.toString(), version: document.version }];
}

/** The language client middleware for executeCommand: adds the active document, reports failures once. */
export function commandMiddleware(errors: ErrorReporter): Middleware['executeCommand'] {
  return async (command, args, next) => {
    const forwarded = args.length === 0 && DOCUMENT_COMMANDS.includes(command) ? activeDocumentArguments() : args;
    if (forwarded === undefined) return undefined;
    try {
      return reportOutcome(await next(command, forwarded));
    } catch (e) {
      errors.report(`The command ${command} failed.`, e);
      return undefined;
    }
  };
}

/**
 * Document commands the server does not declare would otherwise not exist at all; they are sent
 * to the server directly, so its answer (or error) is what the user sees. Commands the server
 * declares are registered by the language client itself: registering them here too would fail.
 * Checked after every start, since only a running server says what it declares.
 */
export class FallbackCommands implements vscode.Disposable {
  private readonly registered = new Map<string, vscode.Disposable>();

  constructor(
    private readonly server: ServerConnection,
    private readonly errors: ErrorReporter,
  ) {}

  registerMissing(): void {
    const declared = new Set(this.server.client.initializeResult?.capabilities.executeCommandProvider?.commands ?? []);
    for (const command of DOCUMENT_COMMANDS) {
      if (declared.has(command) || this.registered.has(command)) continue;
      this.registered.set(command, vscode.commands.registerCommand(command, (...args: unknown[]) => this.execute(command, args)));
    }
  }

  dispose(): void {
    for (const d of this.registered.values()) d.dispose();
    this.registered.clear();
  }

  private async execute(command: string, args: unknown[]): Promise<unknown> {
    const forwarded = args.length === 0 ? activeDocumentArguments() : args;
    if (forwarded === undefined) return undefined;
    try {
      return reportOutcome(await this.server.client.sendRequest(ExecuteCommandRequest.type, { command, arguments: forwarded }));
    } catch (e) {
      this.errors.report(`The command ${command} failed.`, e);
      return undefined;
    }
  }
}

/** Registers the client's commands. */
export function registerClientCommands(server: ServerConnection, actions: EntityActions, output: vscode.OutputChannel): vscode.Disposable[] {
  const lexicon = new LexiconCommands(server, actions);
  return [
    vscode.commands.registerCommand(ClientCommands.showOutput, () => output.show(true)),
    vscode.commands.registerCommand(ClientCommands.restartServer, () => server.restart()),
    vscode.commands.registerCommand(ClientCommands.openWorkspaceLexicon, () => lexicon.openWorkspaceLexicon()),
    ...CATEGORIES.map((category) => vscode.commands.registerCommand(ADD_COMMANDS[category], (arg?: unknown) => lexicon.addSelection(category, arg))),
    vscode.commands.registerCommand(ClientCommands.addEntityToLexicon, (node?: unknown) => lexicon.addSelection('actor', node)),
    vscode.commands.registerCommand(ClientCommands.toggleDecorations, () => toggleDecorations()),
    vscode.commands.registerCommand(ClientCommands.copyName, (text?: unknown) => copyName(text)),
  ];
}

/** The hover's "Copy" link: puts a name on the clipboard and says so briefly in the status bar. */
async function copyName(text: unknown): Promise<boolean> {
  if (typeof text !== 'string' || text.trim() === '') return false;
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`$(copy) ${CLIENT_NAME}: copied “${text}”`, 3000);
  return true;
}

/** Turns the highlights off or on, at the level where the setting is defined (folder, workspace or user). */
async function toggleDecorations(): Promise<boolean> {
  const scope = vscode.window.activeTextEditor?.document.uri;
  const config = vscode.workspace.getConfiguration(DECORATIONS_SECTION, scope);
  const enabled = config.get<boolean>('enabled') !== false;
  const inspected = config.inspect<boolean>('enabled');
  const target =
    inspected?.workspaceFolderValue !== undefined
      ? vscode.ConfigurationTarget.WorkspaceFolder
      : inspected?.workspaceValue !== undefined
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
  await config.update('enabled', !enabled, target);
  return !enabled;
}

/** A name to add: from the Entities view, or the editor's selection (the word at the cursor when nothing is selected). */
interface NameSource {
  uri: vscode.Uri;
  name: string;
  position?: vscode.Position;
  type?: 'person' | 'organization';
}

class LexiconCommands {
  constructor(
    private readonly server: ServerConnection,
    private readonly actions: EntityActions,
  ) {}

  /** Opens the workspace lexicon of the active document's folder, creating it from a template when missing. */
  async openWorkspaceLexicon(): Promise<vscode.TextEditor | undefined> {
    const folder = await this.pickFolder();
    if (folder === undefined) {
      void vscode.window.showInformationMessage(`${CLIENT_NAME}: open a folder first; its workspace lexicon lives in .communique/lexicon.yaml.`);
      return undefined;
    }
    const uri = workspaceLexiconUri(folder);
    if (!(await exists(uri))) {
      const edit = new vscode.WorkspaceEdit();
      edit.createFile(uri, { ignoreIfExists: true, contents: new TextEncoder().encode(LEXICON_TEMPLATE) });
      if (!(await vscode.workspace.applyEdit(edit))) {
        void vscode.window.showWarningMessage(`${CLIENT_NAME}: could not create ${vscode.workspace.asRelativePath(uri)}.`);
        return undefined;
      }
    }
    return vscode.window.showTextDocument(uri);
  }

  /** "Add selection to lexicon as ...": asks what is missing (name, person or organization, id), then lets the server write it. */
  async addSelection(category: Category, arg: unknown): Promise<boolean> {
    const source = this.nameSource(arg);
    if (source === undefined) {
      void vscode.window.showInformationMessage(`${CLIENT_NAME}: select a name in a communiqué first.`);
      return false;
    }
    const title = `Add to the workspace lexicon as ${withArticle(category)}`;
    let name = source.name;
    if (name === '' || name.length > MAX_NAME_LENGTH) {
      const typed = await vscode.window.showInputBox({
        title,
        prompt: 'The name, as written in the communiqués',
        value: name.slice(0, MAX_NAME_LENGTH),
        validateInput: (v) => (nameFromSelection(v) === '' ? 'A name is required.' : undefined),
      });
      if (typed === undefined) return false;
      name = nameFromSelection(typed);
    }
    let type: 'person' | 'organization' | undefined;
    if (category === 'actor') {
      const items: (vscode.QuickPickItem & { type: 'person' | 'organization' })[] = [
        { label: '$(person) Person', description: 'a named individual', type: 'person' },
        { label: '$(organization) Organization', description: 'a body, an agency, a group', type: 'organization' },
      ];
      if (source.type === 'organization') items.reverse();
      const picked = await vscode.window.showQuickPick(items, { title: `${title}: is “${name}” a person or an organization?` });
      if (picked === undefined) return false;
      type = picked.type;
    }
    const id = await vscode.window.showInputBox({
      title: `${title}: “${name}”`,
      prompt: category === 'country' ? 'The ISO 3166-1 alpha-2 code the front matter will list' : 'The id the front matter will list',
      value: defaultLexiconId(category, name),
      validateInput: (v) => {
        const problem = validateLexiconId(category, v);
        if (problem === undefined) return undefined;
        return {
          message: problem.message,
          severity: problem.severity === 'error' ? vscode.InputBoxValidationSeverity.Error : vscode.InputBoxValidationSeverity.Warning,
        };
      },
    });
    if (id === undefined) return false;
    const uri = this.server.client.code2ProtocolConverter.asUri(source.uri);
    return this.actions.addToLexicon(
      {
        uri,
        entry: { id: id.trim(), category, name, ...(type !== undefined ? { type } : {}) },
        ...(source.position !== undefined ? { position: { line: source.position.line, character: source.position.character } } : {}),
      },
      `Added “${name}” to the workspace lexicon as ${withArticle(category)} (${id.trim()}).`,
    );
  }

  private nameSource(arg: unknown): NameSource | undefined {
    const target = targetOf(arg);
    if (target !== undefined) {
      const mention = target.mention ?? target.entity.mentions[0];
      const source: NameSource = { uri: target.uri, name: target.entity.name };
      if (mention !== undefined) source.position = new vscode.Position(mention.range.start.line, mention.range.start.character);
      if (target.entity.type !== undefined) source.type = target.entity.type;
      return source;
    }
    const editor = vscode.window.activeTextEditor;
    if (editor === undefined) return undefined;
    const selection = editor.selection;
    const range = selection.isEmpty ? editor.document.getWordRangeAtPosition(selection.active) : selection;
    if (range === undefined) return { uri: editor.document.uri, name: '', position: selection.active };
    return { uri: editor.document.uri, name: nameFromSelection(editor.document.getText(range)), position: range.start };
  }

  private async pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
    const active = vscode.window.activeTextEditor?.document.uri;
    const own = active !== undefined ? vscode.workspace.getWorkspaceFolder(active) : undefined;
    if (own !== undefined) return own;
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length <= 1) return folders[0];
    return vscode.window.showWorkspaceFolderPick({ placeHolder: 'The folder whose workspace lexicon to open' });
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
