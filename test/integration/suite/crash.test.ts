/**
 * Crash recovery inside VS Code (issue 6, "Crashes and data safety"): the language server process
 * is killed with SIGKILL, and the client restarts it, says so once per crash storm, and the open
 * communiqué is annotated again (diagnostics, entities, decorations, status bar). A storm of five
 * crashes in three minutes stops the restarts with one error that offers "Restart server"; the
 * status bar then says the server is stopped; the Restart server command brings everything back
 * and re-arms the message.
 *
 * Every wait is on an event or on the extension's own signals (client/src/extension.ts); the
 * server's pid comes from the server itself (`communique/serverProcess`).
 */
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { activateAndWait, codeOf, fixtureUri, waitForDiagnostics, withTimeout, type CommuniqueApi } from './waits';

/** The parts of the extension's API this suite reads (client/src/extension.ts). */
interface CrashApi extends CommuniqueApi {
  serverPid(): Promise<number>;
  serverStarts(): number;
  waitForServerStart(count: number): Promise<void>;
  serverStopped(): boolean;
  waitForServerStopped(): Promise<void>;
  shownMessages(): readonly { severity: string; text: string }[];
  statusBarText(): string | undefined;
  waitForEntities(uri: vscode.Uri, test?: (known: Known) => boolean): Promise<Known>;
  waitForDecorations(uri: vscode.Uri, test?: (snapshot: Snapshot) => boolean): Promise<Snapshot>;
}
interface Known {
  version: number;
  entities: { entities: readonly { category: string; id: string }[] } | null;
}
interface Snapshot {
  version: number;
  drawn: boolean;
  counts: Record<string, number>;
}

const FILE = 'press/reprise-apres-crash.md';
const TEXT = `---
title: Reprise après un arrêt du serveur
lang: fr
---
# Coopération renforcée

Madrid, le 4 février 2026 – La Guardia Civil a démantelé, avec l'appui d'Europol, un réseau de trafic de stupéfiants actif entre l'Espagne et le Maroc.
`;
const ADDED = ' Le Portugal a participé à l’enquête.';

/** Whether a process exists (signal 0 checks without sending anything). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function ids(known: Known): string[] {
  return (known.entities?.entities ?? []).map((e) => `${e.category}:${e.id}`).sort();
}

describe('crash recovery', function () {
  let api: CrashApi;
  let document: vscode.TextDocument;
  let baselineMessages = 0;
  let baselineStatus: string | undefined;
  let baselineIds: string[];
  const uri = fixtureUri(FILE);
  /** Milliseconds from each SIGKILL to the restarted server running (printed for RELIABILITY.md). */
  const restartMs: number[] = [];

  after(() => {
    if (restartMs.length > 0) {
      const sorted = [...restartMs].sort((a, b) => a - b);
      console.log(`      crash restarts: ${sorted.length}, SIGKILL to running again: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, max ${sorted[sorted.length - 1]!.toFixed(0)} ms`);
    }
  });

  /** Kills the running server with SIGKILL; returns its pid. */
  async function killServer(): Promise<number> {
    const pid = await withTimeout(api.serverPid(), 'the server pid (communique/serverProcess)');
    assert.ok(Number.isInteger(pid) && pid > 0 && pid !== process.pid, `pid ${pid}`);
    process.kill(pid, 'SIGKILL');
    return pid;
  }

  /** Kills the server and waits until the client has restarted it (a new pid answers). */
  async function crashAndRecover(): Promise<void> {
    const starts = api.serverStarts();
    const pid = await killServer();
    const killedAt = performance.now();
    await withTimeout(api.waitForServerStart(starts), `the client to restart the server after SIGKILL of ${pid}`);
    restartMs.push(performance.now() - killedAt);
    const newPid = await withTimeout(api.serverPid(), 'the restarted server pid');
    assert.notEqual(newPid, pid);
    assert.equal(alive(pid), false, `the killed server ${pid} is gone`);
  }

  /** Messages shown since the suite started. */
  function newMessages(): { severity: string; text: string }[] {
    return api.shownMessages().slice(baselineMessages);
  }

  /** Edits the document and waits for the new version to be diagnosed, listed and drawn by the server now running. */
  async function checkAnnotatedAfterEdit(): Promise<void> {
    const edit = new vscode.WorkspaceEdit();
    const end = document.getText().indexOf('Maroc.') + 'Maroc.'.length;
    edit.insert(uri, document.positionAt(end), ADDED);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const version = document.version;
    await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'entity.untagged' && d.message.includes('Portugal')), 'Portugal untagged after the restart');
    const known = await withTimeout(api.waitForEntities(uri, (k) => k.version === version && ids(k).includes('country:PT')), 'the entities of the edited version');
    assert.deepEqual(ids(known), [...baselineIds, 'country:PT'].sort());
    const drawn = await withTimeout(api.waitForDecorations(uri, (s) => s.version === version && s.drawn), 'the decorations of the edited version');
    assert.ok((drawn.counts['country.untagged'] ?? 0) >= 3, JSON.stringify(drawn.counts));

    // Undo: back to the original text, annotated again with the baseline entities and status bar.
    const undo = new vscode.WorkspaceEdit();
    const at = document.getText().indexOf(ADDED);
    undo.delete(uri, new vscode.Range(document.positionAt(at), document.positionAt(at + ADDED.length)));
    assert.ok(await vscode.workspace.applyEdit(undo));
    const back = document.version;
    const restored = await withTimeout(api.waitForEntities(uri, (k) => k.version === back), 'the entities of the restored text');
    assert.deepEqual(ids(restored), baselineIds);
    assert.equal(api.statusBarText(), baselineStatus);
  }

  before(async () => {
    api = (await activateAndWait()) as CrashApi;
    writeFileSync(uri.fsPath, TEXT);
    document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'entity.untagged' && d.message.includes('Espagne')), 'Espagne untagged');
    const known = await withTimeout(api.waitForEntities(uri, (k) => ids(k).length > 0), 'the first entities');
    baselineIds = ids(known);
    assert.ok(baselineIds.includes('country:ES') && baselineIds.includes('actor:europol'), baselineIds.join(', '));
    await withTimeout(api.waitForDecorations(uri, (s) => s.drawn), 'the first decorations');
    baselineStatus = api.statusBarText();
    assert.match(baselineStatus ?? '', /countries/);
    baselineMessages = api.shownMessages().length;
  });

  it('restarts a killed server, says so once, and annotates the open document again', async () => {
    await crashAndRecover();
    const shown = newMessages();
    assert.equal(shown.length, 1, JSON.stringify(shown));
    assert.equal(shown[0]!.severity, 'warning');
    assert.match(shown[0]!.text, /the language server stopped unexpectedly and was restarted/);
    assert.equal(api.serverStopped(), false);
    // The server that answers now has the document (didOpen again) and analyses its edits.
    await checkAnnotatedAfterEdit();
  });

  it('a crash storm shows no more messages until the fifth crash in three minutes, which stops the restarts with one error', async () => {
    // Crashes 2, 3 and 4 of the storm: restarted quietly.
    for (let crash = 2; crash <= 4; crash++) await crashAndRecover();
    assert.equal(newMessages().length, 1, JSON.stringify(newMessages()));

    // The fifth: the client gives up.
    const stopped = api.waitForServerStopped();
    await killServer();
    await withTimeout(stopped, 'the client to give up after the fifth crash');
    const shown = newMessages();
    assert.equal(shown.length, 2, JSON.stringify(shown));
    assert.equal(shown[1]!.severity, 'error');
    assert.match(shown[1]!.text, /crashed 5 times in 3 minutes and was not restarted again/);
    assert.equal(api.serverStopped(), true);
    assert.equal(api.statusBarText(), 'Communiqué server stopped', 'the counts would be stale: the status bar says the server is stopped');
  });

  it('"Restart server" brings the server and the annotations back, and the next crash is announced again', async () => {
    const starts = api.serverStarts();
    await withTimeout(Promise.resolve(vscode.commands.executeCommand('communique.restartServer')), 'communique.restartServer');
    await withTimeout(api.waitForServerStart(starts), 'the manual restart');
    assert.equal(api.serverStopped(), false);
    await withTimeout(api.waitForEntities(uri, (k) => k.version === document.version && ids(k).length > 0), 'the entities after the manual restart');
    await checkAnnotatedAfterEdit();
    assert.equal(newMessages().length, 2, 'a manual restart shows nothing');

    // A new storm after the manual restart: announced once more.
    await crashAndRecover();
    const shown = newMessages();
    assert.equal(shown.length, 3, JSON.stringify(shown));
    assert.match(shown[2]!.text, /stopped unexpectedly and was restarted/);
    await withTimeout(api.whenReady(), 'the server to be ready at the end of the suite');
  });
});
