/**
 * Huge documents inside VS Code (issue 6, "Huge and hostile documents"): a 5 MB communiqué on one
 * line (just under the default communique.maxFileSize), a 10 MB file over that limit, and, with the
 * limit raised, a 10 MB report on many lines, each opened and shown in an editor. While the server
 * analyses one of them, the extension host and the server keep answering: round trips through the
 * extension to the server, and hovers on a small communiqué, are answered in the middle of the
 * work (Probed.middle). The answer is the capped one (5,000 mentions) with counts over the whole
 * document that equal what the generator wrote (pressText.ts); the highlights draw the mentions
 * received, and the Entities view counts them all. The file over the limit gets one clear notice.
 *
 * The times (the extension host's event-loop lag, i.e. how late a 10 ms timer fires; the slowest
 * probe; the time to the answer) are printed for RELIABILITY.md, never compared with a fixed bound:
 * the machine is shared. The only timing in an assertion is relative (the middle half of the
 * wait). Every wait is on an event or on the extension's own signals, and bounded.
 *
 * The documents are shown: code-server 1.139 shows plain-text editors of these sizes without
 * trouble, and only a visible document gets its entities, highlights and pulled diagnostics. They
 * are plain text (`.txt` in press/, which communique.files annotates), not Markdown: VS Code's
 * built-in Markdown extension runs in the same extension host and, given a 10 MB `.md` file,
 * blocks it for 3.5 to 8 s on its own (a CPU profile of the extension host shows markdown-it
 * parsing the text, then the whole document written to its own language server over IPC), long
 * enough for the workbench to report "Extension host (Remote) is unresponsive". That would hide
 * what Communiqué costs, and it is not ours to fix.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { EntityTotal, MAX_MENTIONS_PER_ANSWER } from '../../../server/src/protocol';
import { generateCommunique, type GeneratedCommunique } from './pressText';
import { activateAndWait, changeConfiguration, codeOf, communiqueDiagnostics, describeDiagnostics, fixtureUri, rangeOf, waitForDiagnostics, withTimeout, type CommuniqueApi } from './waits';

/** The parts of the extension's API this suite reads (client/src/extension.ts). */
interface HugeApi extends CommuniqueApi {
  waitForEntities(uri: vscode.Uri, test?: (known: Known) => boolean): Promise<Known>;
  waitForDecorations(uri: vscode.Uri, test?: (snapshot: Snapshot) => boolean): Promise<Snapshot>;
  entitiesView(): readonly { category: string; mentionCount: number }[];
  statusBarText(): string | undefined;
  serverPid(): Promise<number>;
}
interface Known {
  version: number;
  entities: {
    entities: readonly { category: string; id: string }[];
    truncated?: { shown: number; total: number };
    totals?: readonly EntityTotal[];
    notAnalyzed?: { reason: string; message: string };
  } | null;
}
interface Snapshot {
  version: number;
  drawn: boolean;
  counts: Record<string, number>;
}

/** The mentions one `communique/entities` answer carries at most (the type ties it to server/src/protocol.ts). */
const CAP: typeof MAX_MENTIONS_PER_ANSWER = 5000;
/** communique.maxFileSize's default (package.json). */
const DEFAULT_MAX_FILE_SIZE = 5_000_000;
/** How long the analysis of a huge document may take here before the test gives up (2 shared cores). */
const HUGE_WAIT_MS = 120_000;
/** The folder of the generated files: inside press/, which communique.files annotates. */
const FOLDER = 'press/volumineux';
/** A front matter that tags Morocco, so that the counts carry both states. */
const FRONT_MATTER = '---\ntitle: Rapport annuel de coopération sécuritaire\nlang: fr\ncountries: [MA]\n---\n';
/** A small ordinary communiqué, hovered while a huge one is analysed. */
const SMALL = `${FOLDER}/note-breve.md`;
const SMALL_TEXT = '---\ntitle: Note brève\nlang: fr\n---\nTanger, le 2 mars 2026 – La Guardia Civil et la DGSN ont intercepté une embarcation au large du Maroc.\n';

/** The longest time the extension host's event loop was blocked: how late a 10 ms timer fires. */
class LoopLag {
  maxMs = 0;
  private last = performance.now();
  private timer: ReturnType<typeof setInterval> | undefined = setInterval(() => this.measure(), 10);

  /** Stops measuring (the time since the last tick counts too); returns the longest lag seen. */
  stop(): number {
    if (this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
      this.measure();
    }
    return this.maxMs;
  }

  private measure(): void {
    const now = performance.now();
    this.maxMs = Math.max(this.maxMs, now - this.last - 10);
    this.last = now;
  }
}

/** What a run of probes saw while a huge document was analysed; times in ms from when it was shown. */
interface Probed {
  /** When the big answer arrived. */
  answerAt: number;
  /** Probes that completed before the big answer arrived. */
  before: number;
  /**
   * Probes sent after the first quarter of the wait and answered before its third quarter: the
   * server and the extension host answered in the middle of the work, not only before it started
   * or once it was over. A server that analysed without giving other requests a turn holds one
   * probe for the whole analysis and gets none here (checked by making the server's step budget,
   * STEP_BUDGET_MS in server/src/features/documents.ts, unbounded: 0 each time, and the three
   * tests failed; with the slices, 37 to 240 round trips and 8 to 64 hovers in 5 runs). Relative to
   * the wait, so a slower machine slows both sides alike.
   */
  middle: number;
  slowestMs: number;
}

/**
 * Sends `probe` again and again, one at a time, until `answer` settles, and times each one from
 * `origin`. A probe that fails fails the test.
 */
async function probeUntil(answer: Promise<unknown>, probe: () => Promise<void>, what: string, origin: number): Promise<Probed> {
  let answerAt: number | undefined;
  const arrived = (): void => {
    answerAt ??= performance.now() - origin;
  };
  void answer.then(arrived, arrived);
  const probes: { sent: number; done: number }[] = [];
  while (answerAt === undefined) {
    const sent = performance.now() - origin;
    await withTimeout(probe(), what);
    probes.push({ sent, done: performance.now() - origin });
  }
  const end: number = answerAt;
  return {
    answerAt: end,
    before: probes.filter((p) => p.done < end).length,
    middle: probes.filter((p) => p.sent >= end / 4 && p.done <= (3 * end) / 4).length,
    slowestMs: Math.max(0, ...probes.map((p) => p.done - p.sent)),
  };
}

/** A round trip through the extension to the language server and back (`communique/serverProcess`). */
function serverRoundTrip(api: HugeApi): () => Promise<void> {
  return async () => {
    const pid = await api.serverPid();
    assert.ok(Number.isInteger(pid) && pid > 0, `the server answered ${pid} for its pid`);
  };
}

function hoverText(hovers: readonly vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** Writes a generated communiqué into the workspace copy. */
function writeGenerated(relativePath: string, generated: GeneratedCommunique): vscode.Uri {
  const uri = fixtureUri(relativePath);
  writeFileSync(uri.fsPath, generated.text);
  return uri;
}

const ms = (n: number): string => `${Math.round(n)} ms`;

/** Prints a measured line (for RELIABILITY.md), indented under the test's title. */
function report(line: string): void {
  console.log(`      ${line}`);
}

/** Fails unless some probe was sent and answered in the middle half of the wait (see Probed.middle). */
function assertAnsweredMidway(probed: Probed, what: string): void {
  assert.ok(
    probed.middle >= 1,
    `${what} in the middle half of the ${ms(probed.answerAt)} the answer took: ${probed.before} answered before it, none there (slowest ${ms(probed.slowestMs)})`,
  );
}

/** The probes and the lag of a run, in the words of the printed lines. */
function probesLine(run: Opened<unknown>, probes: string): string {
  return `${run.probed.before} ${probes} before it (${run.probed.middle} in the middle half of the wait, slowest ${ms(run.probed.slowestMs)}); extension host event-loop lag max ${ms(run.maxLagMs)}`;
}

/** A huge document opened, shown, and its first answer awaited while probes run. */
interface Opened<T> {
  document: vscode.TextDocument;
  answer: T;
  probed: Probed;
  /** The longest the extension host's event loop was blocked, from opening the file to the answer. */
  maxLagMs: number;
  openMs: number;
}

/**
 * Opens a huge file and shows it; from the moment it is shown (the entities are asked then),
 * runs `probe` in a loop until `awaited` gives the answer; measures the event-loop lag throughout.
 */
async function openWhileProbing<T>(uri: vscode.Uri, awaited: () => Promise<T>, what: string, probe: () => Promise<void>, probeWhat: string): Promise<Opened<T>> {
  const lag = new LoopLag();
  try {
    const started = performance.now();
    const document = await withTimeout(vscode.workspace.openTextDocument(uri), `VS Code to open ${vscode.workspace.asRelativePath(uri)}`, HUGE_WAIT_MS);
    const openMs = performance.now() - started;
    const answer = withTimeout(awaited(), what, HUGE_WAIT_MS);
    // Awaited below; this only keeps a failure to show the document from leaving it unhandled.
    answer.catch(() => undefined);
    const shown = performance.now();
    await withTimeout(vscode.window.showTextDocument(document, { preview: false }), `VS Code to show ${vscode.workspace.asRelativePath(uri)}`, HUGE_WAIT_MS);
    const probed = await probeUntil(answer, probe, probeWhat, shown);
    const value = await answer;
    return { document, answer: value, probed, maxLagMs: lag.stop(), openMs };
  } finally {
    lag.stop();
  }
}

/** Checks a capped answer against the generated text: 5,000 mentions sent, every one counted. */
function checkCapped(known: Known, generated: GeneratedCommunique): { shown: number; total: number; totals: readonly EntityTotal[] } {
  const entities = known.entities;
  assert.ok(entities !== null, 'the document is annotated');
  assert.equal(entities.notAnalyzed, undefined, `the document was analysed: ${entities.notAnalyzed?.message}`);
  const truncated = entities.truncated;
  const totals = entities.totals;
  assert.ok(truncated !== undefined && totals !== undefined, 'the answer says it is truncated and counts every entity');
  assert.equal(truncated.shown, CAP, `the answer carries MAX_MENTIONS_PER_ANSWER mentions`);
  assert.equal(entities.entities.length, truncated.shown, 'the answer carries as many mentions as it says it shows');
  assert.ok(truncated.total > truncated.shown, `${truncated.total} mentions in all, more than the ${truncated.shown} shown`);
  assert.equal(
    totals.reduce((n, t) => n + t.mentions, 0),
    truncated.total,
    'the per-entity counts add up to every mention of the document',
  );
  // The counts are those of the text: every entity the generator wrote, as many times as it wrote it.
  assert.equal(truncated.total, generated.mentions, 'every mention written is counted, and nothing else');
  const counted = Object.fromEntries(totals.map((t) => [t.id, t.mentions]));
  assert.deepEqual(counted, Object.fromEntries(generated.written), 'mentions per entity id: counted by the server, written by the generator');
  for (const id of ['MA', 'ES', 'LY', 'TN', 'IT', 'FR', 'DZ']) assert.ok((counted[id] ?? 0) > 0, `the country ${id} is counted`);
  return { shown: truncated.shown, total: truncated.total, totals };
}

/** The highlights draw exactly the mentions received; the Entities view and the status bar count them all. */
async function checkViews(api: HugeApi, uri: vscode.Uri, capped: { shown: number; total: number }): Promise<void> {
  const drawn = await withTimeout(api.waitForDecorations(uri, (s) => s.drawn), 'the highlights of the huge document');
  assert.equal(
    Object.values(drawn.counts).reduce((a, b) => a + b, 0),
    capped.shown,
    `highlighted ranges per kind: ${JSON.stringify(drawn.counts)}`,
  );
  assert.equal(
    api.entitiesView().reduce((n, g) => n + g.mentionCount, 0),
    capped.total,
    'the Entities view counts every mention of the document',
  );
  assert.match(api.statusBarText() ?? '(hidden)', /7 countries/);
}

describe('huge documents in the editor', function () {
  this.timeout(2 * HUGE_WAIT_MS);
  let api: HugeApi;

  before(async () => {
    api = (await activateAndWait()) as HugeApi;
    mkdirSync(fixtureUri(FOLDER).fsPath, { recursive: true });
  });

  beforeEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // The documents may stay open in VS Code for a while (it keeps models of closed editors); their files go.
    rmSync(fixtureUri(FOLDER).fsPath, { recursive: true, force: true });
  });

  describe('with the default communique.maxFileSize', () => {
    it('annotates a 5 MB communiqué written on one line, while the extension host and the server keep answering', async () => {
      const generated = generateCommunique({ maxBytes: DEFAULT_MAX_FILE_SIZE, seed: 11, oneLine: true });
      assert.ok(generated.bytes > 4_990_000 && generated.bytes <= DEFAULT_MAX_FILE_SIZE, `${generated.bytes} bytes: just under the default limit`);
      const uri = writeGenerated(`${FOLDER}/communique-une-ligne.txt`, generated);

      const run = await openWhileProbing(
        uri,
        () => api.waitForEntities(uri, (k) => k.entities?.truncated !== undefined),
        'the capped entities of the one-line communiqué',
        serverRoundTrip(api),
        'a round trip to the server (communique/serverProcess)',
      );
      assert.equal(run.document.lineCount, 1, 'the communiqué is one line');
      report(
        `5 MB on one line (${generated.bytes} bytes, ${generated.mentions} mentions): opened in ${ms(run.openMs)}; capped entities ${ms(run.probed.answerAt)} after it was shown; ` +
          probesLine(run, 'server round trips'),
      );
      assertAnsweredMidway(run.probed, 'no round trip through the extension to the server was answered');
      const capped = checkCapped(run.answer, generated);
      await checkViews(api, uri, capped);
    });

    it('gives a 10 MB file one clear too-large notice, and the extension host keeps answering', async () => {
      const generated = generateCommunique({ maxBytes: 10_400_000, seed: 23, oneLine: false, head: FRONT_MATTER });
      assert.ok(generated.bytes > 2 * DEFAULT_MAX_FILE_SIZE, `${generated.bytes} bytes`);
      const uri = writeGenerated(`${FOLDER}/rapport-trop-long.txt`, generated);

      const run = await openWhileProbing(
        uri,
        () => waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'document.too-large'), 'the document.too-large notice', HUGE_WAIT_MS),
        'the too-large notice',
        serverRoundTrip(api),
        'a round trip to the server (communique/serverProcess)',
      );
      // Nothing is analysed, so the notice comes quickly: the probes are printed, not required.
      report(`10 MB over the default limit (${generated.bytes} bytes): opened in ${ms(run.openMs)}; too-large notice ${ms(run.probed.answerAt)} after it was shown; ${probesLine(run, 'server round trips')}`);
      const ours = communiqueDiagnostics(uri);
      assert.equal(ours.length, 1, `one notice and nothing else: ${describeDiagnostics(ours)}`);
      const notice = ours[0]!;
      assert.equal(notice.severity, vscode.DiagnosticSeverity.Information);
      assert.equal(notice.range.start.line, 0, 'the notice is on the first line');
      // The size as the server writes it ("10.4 MB"), the setting and its value.
      const size = `${Math.round(generated.bytes / 100_000) / 10} MB`;
      assert.equal(notice.message, `This document is ${size}, larger than communique.maxFileSize (5 MB): Communiqué does not annotate it.`);

      const known = await withTimeout(api.waitForEntities(uri, (k) => k.entities?.notAnalyzed !== undefined), 'the not-analysed answer of the entities');
      assert.equal(known.entities?.notAnalyzed?.reason, 'too-large');
      assert.equal(known.entities?.entities.length, 0, 'no mention is sent for a document that is not analysed');
      assert.equal(api.statusBarText(), 'Not annotated: too large');
      // And the extension host is still there.
      await withTimeout(serverRoundTrip(api)(), 'a round trip to the server after the notice');
    });
  });

  describe('with communique.maxFileSize raised to 20 MB', () => {
    let configuration: vscode.WorkspaceConfiguration;

    before(async () => {
      configuration = vscode.workspace.getConfiguration('communique', fixtureUri(FOLDER));
      await changeConfiguration('communique.maxFileSize', () => configuration.update('maxFileSize', 20_000_000, vscode.ConfigurationTarget.Workspace), fixtureUri(FOLDER));
    });

    after(async () => {
      // Editors first: a visible document would be analysed again for the restored setting.
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await changeConfiguration('communique.maxFileSize', () => configuration.update('maxFileSize', undefined, vscode.ConfigurationTarget.Workspace), fixtureUri(FOLDER));
    });

    it('annotates a 10 MB report on many lines, while the extension host and the server keep answering', async () => {
      const generated = generateCommunique({ maxBytes: 10_400_000, seed: 5, oneLine: false, head: FRONT_MATTER });
      assert.ok(generated.bytes > 10_000_000, `${generated.bytes} bytes`);
      const uri = writeGenerated(`${FOLDER}/rapport-annuel.txt`, generated);

      const run = await openWhileProbing(
        uri,
        () => api.waitForEntities(uri, (k) => k.entities?.truncated !== undefined),
        'the capped entities of the 10 MB report',
        serverRoundTrip(api),
        'a round trip to the server (communique/serverProcess)',
      );
      assert.ok(run.document.lineCount > 10_000, `${run.document.lineCount} lines`);
      report(
        `10 MB on ${run.document.lineCount} lines (${generated.bytes} bytes, ${generated.mentions} mentions): opened in ${ms(run.openMs)}; capped entities ${ms(run.probed.answerAt)} after it was shown; ` +
          probesLine(run, 'server round trips'),
      );
      assertAnsweredMidway(run.probed, 'no round trip through the extension to the server was answered');
      const capped = checkCapped(run.answer, generated);
      // The front matter tags Morocco: its count says so; the other countries are untagged.
      assert.equal(capped.totals.find((t) => t.id === 'MA')?.state, 'tagged');
      assert.equal(capped.totals.find((t) => t.id === 'ES')?.state, 'untagged');
      await checkViews(api, uri, capped);
    });

    it('answers hovers on a small communiqué while a 10 MB report is analysed', async () => {
      const small = fixtureUri(SMALL);
      writeFileSync(small.fsPath, SMALL_TEXT);
      const smallDocument = await withTimeout(vscode.workspace.openTextDocument(small), 'VS Code to open the small communiqué');
      const position = rangeOf(smallDocument, 'Guardia Civil').start.translate(0, 2);
      // Every hover must be the card of Guardia Civil; one is asked before the report is opened.
      const hover = async (): Promise<void> => {
        const card = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', small, position));
        assert.match(card, /`guardia-civil`/, `the hover on Guardia Civil in the small communiqué:\n${card}`);
      };
      await withTimeout(hover(), 'the hover on the small communiqué');

      const generated = generateCommunique({ maxBytes: 10_400_000, seed: 31, oneLine: false, head: FRONT_MATTER });
      const uri = writeGenerated(`${FOLDER}/rapport-semestriel.txt`, generated);
      const run = await openWhileProbing(
        uri,
        () => api.waitForEntities(uri, (k) => k.entities?.truncated !== undefined),
        'the capped entities of the second 10 MB report',
        hover,
        'vscode.executeHoverProvider on the small communiqué',
      );
      report(`hovers on a small communiqué while a 10 MB report is analysed (its capped entities ${ms(run.probed.answerAt)} after it was shown): ${probesLine(run, 'hovers')}`);
      assertAnsweredMidway(run.probed, 'no hover on the small communiqué was answered');
      checkCapped(run.answer, generated);
    });
  });
});
