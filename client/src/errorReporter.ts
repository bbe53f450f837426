/**
 * What the user hears about problems: the first server error as a notification with a "Show
 * output" action, every later one only in the output channel, so that a failing server never
 * floods the window with popups (issue 4, "Progress and errors"). Restarting the server re-arms it.
 *
 * Crashes have their own two messages (issue 6, crashPolicy.ts): a warning on the first crash of a
 * storm, and an error with a "Restart server" button when the client gives up. Every notification
 * shown is also recorded, so that the integration tests can check that a crash storm shows one.
 */
import * as vscode from 'vscode';

const SHOW_OUTPUT = 'Show output';
const RESTART_SERVER = 'Restart server';

/** A notification the extension showed. */
export interface ShownMessage {
  severity: 'error' | 'warning' | 'information';
  text: string;
}

export class ErrorReporter {
  private errorShown = false;
  private readonly shownMessages: ShownMessage[] = [];

  constructor(
    private readonly output: vscode.OutputChannel,
    private readonly product: string,
  ) {}

  /** Every notification shown so far, oldest first. */
  get shown(): readonly ShownMessage[] {
    return this.shownMessages;
  }

  /** Logs an error; notifies only the first one since the last reset. */
  report(message: string, error?: unknown): void {
    const detail = error === undefined ? '' : `: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    this.output.appendLine(`[error] ${message}${detail}`);
    if (this.errorShown) return;
    this.errorShown = true;
    this.notify('error', `${this.product}: ${message}`, [SHOW_OUTPUT]);
  }

  /** The server stopped unexpectedly and is being restarted; `announce` on the first crash of a storm only. */
  restarted(announce: boolean, crashesInWindow: number): void {
    this.output.appendLine(`[info] The language server stopped unexpectedly (crash ${crashesInWindow} in the restart window); restarting it.`);
    if (!announce) return;
    this.notify('warning', `${this.product}: the language server stopped unexpectedly and was restarted.`, [SHOW_OUTPUT]);
  }

  /**
   * The client stopped restarting the server (it kept crashing, or its connection kept failing).
   * Always shown, whatever was shown before: the extension does nothing more until the user acts.
   */
  gaveUp(message: string, restart: () => void): void {
    this.output.appendLine(`[error] ${message}`);
    this.notify('error', `${this.product}: ${message}`, [RESTART_SERVER, SHOW_OUTPUT], (choice) => {
      if (choice === RESTART_SERVER) restart();
    });
  }

  /** A window/showMessage of the server (a refused command, lexicon files held back in an untrusted workspace): shown as sent, and recorded. */
  serverMessage(severity: ShownMessage['severity'], text: string): void {
    this.output.appendLine(`[${severity}] ${text}`);
    this.notify(severity, text, severity === 'error' ? [SHOW_OUTPUT] : []);
  }

  /** Logs a line without notifying. */
  info(message: string): void {
    this.output.appendLine(`[info] ${message}`);
  }

  /** After a manual restart, the next error is worth a notification again. */
  reset(): void {
    this.errorShown = false;
  }

  private notify(severity: ShownMessage['severity'], text: string, actions: string[], chosen?: (choice: string) => void): void {
    this.shownMessages.push({ severity, text });
    const show =
      severity === 'error' ? vscode.window.showErrorMessage : severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    void show(text, ...actions).then((choice) => {
      if (choice === SHOW_OUTPUT) this.output.show(true);
      else if (choice !== undefined) chosen?.(choice);
    });
  }
}
