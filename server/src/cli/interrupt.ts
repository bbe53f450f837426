/**
 * Ctrl-C and `kill` during `communique tag --write` (issue 6: "A run interrupted with SIGINT or
 * SIGTERM leaves every file either old or new, never half-written").
 *
 * Each file is read, tagged, written to a synced temporary file and renamed over the original in
 * one synchronous step (tag.ts, node/atomicWrite.ts). JavaScript signal handlers only run when the
 * event loop gets control, which tag.ts gives it between two files: so once the handlers are
 * installed, a signal can never land inside a file's write. The handler only records the signal;
 * the command sees it before its next file, says how far it got, and exits with 128 + the signal
 * number (130 for SIGINT, 143 for SIGTERM), as shells expect.
 */
import { constants } from 'node:os';

const CAUGHT: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Installs the handlers (once per process) and returns a signal aborted, with the signal's name as
 * its reason, when one of them arrives. A second signal exits at once with the same status: it is
 * handled between two files too, so nothing is half-done then either.
 */
export function catchInterrupts(lastWords?: (signal: NodeJS.Signals) => string): AbortSignal {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) {
      // Both signals can be handled in the same turn (a double Ctrl-C): the run then ends here and
      // must still say how far it got. Writes to a pipe or a file are synchronous in Node on Linux.
      if (lastWords !== undefined) process.stderr.write(lastWords(controller.signal.reason as NodeJS.Signals));
      process.exit(interruptExitCode(signal));
    }
    controller.abort(signal);
  };
  for (const signal of CAUGHT) process.on(signal, onSignal);
  return controller.signal;
}

/** The conventional exit status of a process stopped by a signal: 128 + its number. */
export function interruptExitCode(signal: unknown): number {
  const number = typeof signal === 'string' ? (constants.signals as Record<string, number | undefined>)[signal] : undefined;
  return 128 + (number ?? constants.signals.SIGINT);
}

/** Lets pending signal handlers run (one turn of the event loop). */
export function yieldToSignals(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
