/**
 * What the user hears about problems: the first server error as a notification with a "Show
 * output" action, every later one only in the output channel, so that a failing server never
 * floods the window with popups (issue 4, "Progress and errors"). Restarting the server re-arms it.
 */
import * as vscode from 'vscode';

const SHOW_OUTPUT = 'Show output';

export class ErrorReporter {
  private errorShown = false;
  private restartShown = false;

  constructor(
    private readonly output: vscode.OutputChannel,
    private readonly product: string,
  ) {}

  /** Logs an error; notifies only the first one since the last reset. */
  report(message: string, error?: unknown): void {
    const detail = error === undefined ? '' : `: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    this.output.appendLine(`[error] ${message}${detail}`);
    if (this.errorShown) return;
    this.errorShown = true;
    void vscode.window.showErrorMessage(`${this.product}: ${message}`, SHOW_OUTPUT).then((choice) => {
      if (choice === SHOW_OUTPUT) this.output.show(true);
    });
  }

  /** Says once per session that the server crashed and was restarted; later restarts are only logged. */
  restarted(): void {
    this.output.appendLine('[info] The language server stopped unexpectedly; restarting it.');
    if (this.restartShown) return;
    this.restartShown = true;
    void vscode.window
      .showWarningMessage(`${this.product}: the language server stopped unexpectedly and was restarted.`, SHOW_OUTPUT)
      .then((choice) => {
        if (choice === SHOW_OUTPUT) this.output.show(true);
      });
  }

  /** Logs a line without notifying. */
  info(message: string): void {
    this.output.appendLine(`[info] ${message}`);
  }

  /** After a manual restart, the next error is worth a notification again. */
  reset(): void {
    this.errorShown = false;
  }
}
