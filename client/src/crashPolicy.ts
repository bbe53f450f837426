/**
 * What the client does when the language server dies (issue 6, "Crashes and data safety"): restart
 * it, tell the user once per crash storm, and give up on a server that keeps dying.
 *
 * - A crash is counted in a sliding window of `windowMs`. While at most `maxRestarts` crashes fall
 *   in the window, the server is restarted.
 * - Only the first crash of a storm is announced: a storm starts with a crash that has no other
 *   crash in the window before it. A server that crashes again two minutes later restarts quietly
 *   (the output channel logs every crash); one that crashes again after a quiet window is a new
 *   storm, announced again.
 * - The crash after that (`maxRestarts + 1` in the window) stops the restarts. The user gets an
 *   error with a "Restart server" button; that manual restart starts a new count.
 *
 * Pure, with the clock passed in, so that the policy is unit-tested (test/unit/crashPolicy.test.ts).
 */

/** Crashes tolerated within the window before the client gives up. */
export const MAX_RESTARTS = 4;
/** The sliding window the crashes are counted in. */
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

export interface CrashPolicyOptions {
  maxRestarts: number;
  windowMs: number;
}

/** What to do about one crash. */
export type CrashDecision =
  /** Restart; `announce` on the first crash of a storm. */
  | { action: 'restart'; announce: boolean; crashesInWindow: number }
  /** Too many crashes: stay stopped until the user restarts the server. */
  | { action: 'give-up'; crashesInWindow: number };

export class CrashHistory {
  private crashes: number[] = [];

  constructor(private readonly options: CrashPolicyOptions = { maxRestarts: MAX_RESTARTS, windowMs: RESTART_WINDOW_MS }) {}

  /** Records a crash at `now` (milliseconds) and says what to do. */
  crashed(now: number): CrashDecision {
    this.crashes = this.crashes.filter((t) => now - t < this.options.windowMs);
    const stormStarts = this.crashes.length === 0;
    this.crashes.push(now);
    const crashesInWindow = this.crashes.length;
    if (crashesInWindow > this.options.maxRestarts) return { action: 'give-up', crashesInWindow };
    return { action: 'restart', announce: stormStarts, crashesInWindow };
  }

  /** A manual restart: the next crash starts a new storm. */
  reset(): void {
    this.crashes = [];
  }
}

/** The window in words, for messages ("3 minutes"). */
export function describeWindow(windowMs: number): string {
  const minutes = Math.round(windowMs / 60_000);
  if (minutes >= 1) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const seconds = Math.max(1, Math.round(windowMs / 1000));
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}
