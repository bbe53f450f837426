/**
 * The client's crash policy (client/src/crashPolicy.ts): when a dead language server is restarted,
 * when the user hears about it (once per crash storm), and when the client gives up.
 */
import assert from 'node:assert/strict';
import { CrashHistory, describeWindow, MAX_RESTARTS, RESTART_WINDOW_MS } from '#client/crashPolicy';

const MINUTE = 60_000;

describe('crash policy', () => {
  it('restarts up to four crashes in three minutes, announcing only the first, and gives up on the fifth', () => {
    assert.equal(MAX_RESTARTS, 4);
    assert.equal(RESTART_WINDOW_MS, 3 * MINUTE);
    const history = new CrashHistory();
    const decisions = [0, 10_000, 20_000, 30_000, 40_000].map((t) => history.crashed(t));
    assert.deepEqual(decisions.slice(0, 4), [
      { action: 'restart', announce: true, crashesInWindow: 1 },
      { action: 'restart', announce: false, crashesInWindow: 2 },
      { action: 'restart', announce: false, crashesInWindow: 3 },
      { action: 'restart', announce: false, crashesInWindow: 4 },
    ]);
    assert.deepEqual(decisions[4], { action: 'give-up', crashesInWindow: 5 });
  });

  it('counts crashes in a sliding window: a crash every minute and a half is restarted forever, announced once', () => {
    const history = new CrashHistory();
    const decisions = Array.from({ length: 20 }, (_, i) => history.crashed(i * 1.5 * MINUTE));
    assert.ok(decisions.every((d) => d.action === 'restart'), JSON.stringify(decisions));
    // At most two crashes ever fall within three minutes of each other.
    assert.ok(decisions.every((d) => d.crashesInWindow <= 2));
    assert.deepEqual(
      decisions.map((d) => d.action === 'restart' && d.announce),
      decisions.map((_, i) => i === 0),
      'one storm, one message',
    );
  });

  it('announces a new storm after a quiet window', () => {
    const history = new CrashHistory();
    assert.deepEqual(history.crashed(0), { action: 'restart', announce: true, crashesInWindow: 1 });
    assert.deepEqual(history.crashed(MINUTE), { action: 'restart', announce: false, crashesInWindow: 2 });
    // Three minutes after the last crash: the earlier ones no longer count.
    assert.deepEqual(history.crashed(4 * MINUTE), { action: 'restart', announce: true, crashesInWindow: 1 });
  });

  it('gives up at the boundary only when five crashes fall strictly within the window', () => {
    const history = new CrashHistory();
    for (const t of [0, 1, 2, 3]) history.crashed(t * MINUTE * 0.5);
    // The first crash (t = 0) is exactly one window old at t = 3 min: it no longer counts.
    assert.deepEqual(history.crashed(3 * MINUTE), { action: 'restart', announce: false, crashesInWindow: 4 });
    assert.equal(history.crashed(3 * MINUTE + 1).action, 'give-up');
  });

  it('starts a new count after a manual restart', () => {
    const history = new CrashHistory();
    for (let i = 0; i < 5; i++) history.crashed(i);
    assert.equal(history.crashed(5).action, 'give-up');
    history.reset();
    assert.deepEqual(history.crashed(6), { action: 'restart', announce: true, crashesInWindow: 1 });
  });

  it('takes other limits', () => {
    const history = new CrashHistory({ maxRestarts: 1, windowMs: 1000 });
    assert.equal(history.crashed(0).action, 'restart');
    assert.equal(history.crashed(999).action, 'give-up');
    assert.equal(describeWindow(RESTART_WINDOW_MS), '3 minutes');
    assert.equal(describeWindow(MINUTE), '1 minute');
    assert.equal(describeWindow(1000), '1 second');
  });
});
