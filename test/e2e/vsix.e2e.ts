/**
 * End-to-end test of the packaged extension (issue 4, "End-to-end tests"): the VSIX that
 * `npm run package` wrote is installed into code-server, which headless Debian Chromium drives
 * through playwright-core like a user would:
 *
 *   1. open the example communiqué through Quick Open;
 *   2. find the decorations in the DOM and count them per category (and state), against the
 *      mentions the packaged CLI finds in the same file;
 *   3. put the cursor on an untagged country and run the quick fix with Ctrl+.;
 *   4. save with Ctrl+S and read the file from disk: the front matter has the tag;
 *   5. take screenshots (highlights, quick fix menu, Entities view) into .test-artifacts/e2e/.
 *
 * `npm run test:e2e -- --update-screenshots` (or COMMUNIQUE_UPDATE_SCREENSHOTS=1) also copies them
 * to client/media/screenshots/, where the README shows them.
 *
 * Run by `npm run test:e2e` (which packages first). Needs Node 24, code-server and Chromium from
 * `npm run setup:tools`; without them it fails and says so (never skips).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { parseDocument } from 'yaml';
import { missingTool, toolPaths, type ToolName } from '../tools';
import { installExtension, prepareCodeServer, startCodeServer, type CodeServer, type CodeServerOptions } from './codeServer';
import {
  activeTab,
  CATEGORIES,
  codeActionRows,
  countDecorations,
  goToPosition,
  openQuickFix,
  quickOpen,
  runCommand,
  setWordWrap,
  STEP_TIMEOUT,
  waitForWorkbench,
  type Category,
  type DecorationCounts,
  type State,
} from './workbench';

const repo = resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { name: string; publisher: string; version: string };
const vsix = join(repo, `${manifest.name}-${manifest.version}.vsix`);
const example = join(repo, 'server', 'examples', 'fr-dgsn-operation-conjointe.communique.md');
const artifacts = join(repo, '.test-artifacts', 'e2e');
const readmeScreenshots = join(repo, 'client', 'media', 'screenshots');
const updateScreenshots = process.argv.includes('--update-screenshots') || process.env['COMMUNIQUE_UPDATE_SCREENSHOTS'] === '1';

/** The flags ../shared/design/VSCODE-TESTS.md gives for Debian's Chromium under playwright. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** User settings of the test's code-server: a quiet, deterministic workbench. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'files.autoSave': 'off',
  'editor.minimap.enabled': false,
  // The word highlight is drawn like a background decoration; the screenshots show only ours.
  'editor.occurrencesHighlight': 'off',
  'editor.selectionHighlight': false,
  // Off while counting: a wrapped mention would be drawn in two pieces. The screenshots turn it on.
  'editor.wordWrap': 'off',
  '[communique]': { 'editor.wordWrap': 'off' },
};

/** One entity mention as `communique scan --format json` prints it. */
interface ScannedMention {
  category: Category;
  id: string;
  name: string;
  text: string;
  source: 'lexicon' | 'heuristic';
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** Time spent per step, printed at the end and written to timings.json. */
const timings: Record<string, number> = {};
async function timed<T>(step: string, run: () => Promise<T>): Promise<T> {
  const start = Date.now();
  try {
    return await run();
  } finally {
    timings[step] = Date.now() - start;
  }
}

describe('the packaged VSIX in code-server, driven by Chromium', function () {
  this.timeout(STEP_TIMEOUT * 3);

  let temp: string;
  let workspace: string;
  let communique: string;
  let original: string;
  let server: CodeServer | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  let colorIds: string[];
  let mentions: ScannedMention[];
  const screenshots: string[] = [];
  const fileName = basename(example);

  before(async function () {
    this.timeout(5 * 60_000);
    const missing = (['node24', 'codeServer', 'chromium'] as ToolName[]).map(missingTool).filter((m) => m !== undefined);
    if (missing.length > 0) throw new Error(`The end-to-end test cannot run:\n  ${missing.join('\n  ')}`);
    if (!existsSync(vsix)) throw new Error(`${vsix} is missing: \`npm run test:e2e\` packages it (\`npm run package\`).`);

    rmSync(artifacts, { recursive: true, force: true });
    mkdirSync(artifacts, { recursive: true });
    temp = mkdtempSync(join(tmpdir(), 'communique-e2e-'));
    workspace = join(temp, 'workspace');
    mkdirSync(join(workspace, 'press'), { recursive: true });
    communique = join(workspace, 'press', fileName);
    cpSync(example, communique);
    original = readFileSync(communique, 'utf8');

    const options: CodeServerOptions = {
      node: toolPaths.node24,
      entry: toolPaths.codeServer,
      root: join(temp, 'code-server'),
      userSettings: USER_SETTINGS,
      logFile: join(artifacts, 'code-server.log'),
    };
    const extensionsDir = prepareCodeServer(options);
    const installed = await timed('install VSIX', async () => installExtension(options, vsix, 120_000));
    writeFileSync(join(artifacts, 'install-extension.log'), `${installed}\n`);
    const extensionDir = join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
    assert.ok(existsSync(join(extensionDir, 'dist', 'extension.js')), `the VSIX did not install into ${extensionDir}:\n${installed}`);
    assert.ok(!existsSync(join(extensionDir, 'node_modules')), 'the VSIX must not ship node_modules');
    const installedManifest = JSON.parse(readFileSync(join(extensionDir, 'package.json'), 'utf8')) as { contributes?: { colors?: { id: string }[] } };
    colorIds = (installedManifest.contributes?.colors ?? []).map((c) => c.id);

    // What the packaged CLI finds in the file: the decorations must show the same.
    mentions = scanWithPackagedCli(join(extensionDir, 'dist', 'cli.js'), communique);

    server = await timed('start code-server', () => startCodeServer(options, workspace, 60_000));
    context = await timed('launch chromium', () =>
      chromium.launchPersistentContext(join(temp, 'chromium-profile'), {
        executablePath: toolPaths.chromium,
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: { width: 1280, height: 800 },
        deviceScaleFactor: 1,
      }),
    );
    page = context.pages()[0] ?? (await context.newPage());
    const consoleLog: string[] = [];
    page.on('console', (m) => consoleLog.push(`[${m.type()}] ${m.text()}`));
    page.on('close', () => writeFileSync(join(artifacts, 'browser-console.log'), consoleLog.join('\n')));
    await timed('load workbench', async () => {
      await page.goto(`${server!.url}/?folder=${encodeURIComponent(workspace)}`);
      await waitForWorkbench(page, 'press');
    });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && context !== undefined) {
      const name = `failure-${(this.currentTest.title.match(/\w+/g) ?? ['step']).join('-').slice(0, 60)}.png`;
      await page.screenshot({ path: join(artifacts, name) }).catch(() => undefined);
    }
  });

  after(async function () {
    this.timeout(60_000);
    await context?.close().catch(() => undefined);
    await server?.stop();
    if (temp !== undefined) rmSync(temp, { recursive: true, force: true });
    mkdirSync(artifacts, { recursive: true });
    writeFileSync(join(artifacts, 'timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
    console.log(`    timings (ms): ${Object.entries(timings).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    console.log(`    artifacts: ${artifacts}`);
    if (updateScreenshots && screenshots.length === 3) {
      mkdirSync(readmeScreenshots, { recursive: true });
      for (const shot of screenshots) copyFileSync(shot, join(readmeScreenshots, basename(shot)));
      console.log(`    README screenshots updated: ${readdirSync(readmeScreenshots).join(', ')} in ${readmeScreenshots}`);
    }
  });

  it('opens the example communiqué through Quick Open', async function () {
    await timed('open through Quick Open', () => quickOpen(page, fileName));
    await activeTab(page, fileName).waitFor({ timeout: STEP_TIMEOUT });
  });

  it('draws a decoration for every mention, per category, in the category colours', async function () {
    assert.ok(colorIds.length > 0, 'the installed package.json contributes no colours');
    const expected = expectedCounts(mentions, () => 'untagged');
    const counts = await timed('decorations drawn', () => waitForCounts(page, colorIds, expected));
    for (const category of CATEGORIES) assert.ok(total(counts[category]) > 0, `no ${category} decoration in the DOM`);
    console.log(`    decorated per category: ${CATEGORIES.map((c) => `${c} ${total(counts[c])}`).join(', ')}`);

    // Wrapped, the screenshots show the whole text. Every entity is untagged yet; the README's
    // highlights.png is taken after the quick fix, with both states.
    await setWordWrap(page, true);
    await shoot(page, 'highlights-untagged.png');
  });

  it('offers "Tag … as country ES" on Ctrl+. and applies it', async function () {
    // The untagged diagnostic sits on the first mention of an entity (communique.diagnostics.perMention off).
    const spain = mentions.find((m) => m.category === 'country' && m.id === 'ES');
    assert.ok(spain !== undefined, 'the example mentions Spain');
    await goToPosition(page, spain.range.start.line + 1, spain.range.start.character + 2);
    const fix = await timed('quick fix menu', () => openQuickFix(page, /^Tag .* as country ES/));
    screenshots.push(await shoot(page, 'quick-fix.png'));
    await fix.click();
    await codeActionRows(page).first().waitFor({ state: 'hidden', timeout: STEP_TIMEOUT });
    await page.locator(`.part.editor .tab.active.dirty[aria-label*="${fileName}"]`).waitFor({ timeout: STEP_TIMEOUT });
    await setWordWrap(page, false);

    // The new state is drawn: every mention of Spain is now a tagged country.
    const spainMentions = mentions.filter((m) => m.category === 'country' && m.id === 'ES').length;
    const expected = expectedCounts(mentions, (m) => (m.category === 'country' && m.id === 'ES' ? 'tagged' : 'untagged'));
    assert.equal(expected.country.tagged, spainMentions);
    await timed('decorations redrawn', () => waitForCounts(page, colorIds, expected));
    await setWordWrap(page, true);
    screenshots.push(await shoot(page, 'highlights.png'));
  });

  it('saves with Ctrl+S: the file on disk has the tag in its front matter', async function () {
    await timed('save', async () => {
      await page.keyboard.press('Control+S');
      await page.locator(`.part.editor .tab.active:not(.dirty)[aria-label*="${fileName}"]`).waitFor({ timeout: STEP_TIMEOUT });
    });
    const saved = await waitForFile(communique, (text) => text !== original, STEP_TIMEOUT);
    writeFileSync(join(artifacts, 'saved.communique.md'), saved);
    const block = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(saved);
    assert.ok(block !== null, `no front matter at the top of the saved file:\n${saved.slice(0, 300)}`);
    const frontMatter = parseDocument(block[1]!).toJSON() as Record<string, unknown>;
    assert.deepEqual(frontMatter['countries'], ['ES'], `front matter: ${block[1]}`);
    // Only the front matter was added: the rest of the file is as it was, byte for byte.
    assert.equal(saved.slice(block[0].length), original);
  });

  it('lists the entities in the Entities view of the explorer', async function () {
    await timed('Entities view', async () => {
      await runCommand(page, 'Focus on Entities View');
      const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^Entities/ }) });
      await view.locator('.monaco-list-row').first().waitFor({ timeout: STEP_TIMEOUT });
      // The tree only renders the rows it has room for: collapse the folder's section above it.
      const folders = page.locator('.pane-header[aria-expanded="true"]', { hasText: basename(workspace) });
      await folders.click();
      await page.locator('.explorer-folders-view').waitFor({ state: 'hidden', timeout: STEP_TIMEOUT });
      for (const heading of ['Actors', 'Countries', 'Regions', 'Threats']) {
        await view.locator('.monaco-list-row', { hasText: heading }).first().waitFor({ timeout: STEP_TIMEOUT });
      }
    });
    screenshots.push(await shoot(page, 'entities-view.png'));
  });
});

/** Runs the packaged CLI on a file: the entities the decorations must show. */
function scanWithPackagedCli(cli: string, file: string): ScannedMention[] {
  const result = spawnSync(process.execPath, [cli, 'scan', '--format', 'json', file], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(result.status, 0, `communique scan failed: ${result.stderr}`);
  const parsed = JSON.parse(result.stdout) as { files: { entities: ScannedMention[] }[] };
  const entities = parsed.files[0]!.entities;
  assert.ok(entities.length > 0, 'the packaged CLI found no entity in the example');
  return entities;
}

/** Mentions per category and state; heuristic actors are always suggestions. */
function expectedCounts(found: readonly ScannedMention[], lexiconState: (m: ScannedMention) => State): DecorationCounts {
  const zero = () => ({ tagged: 0, untagged: 0, suggested: 0 });
  const counts: DecorationCounts = { actor: zero(), country: zero(), region: zero(), threat: zero() };
  for (const m of found) counts[m.category][m.source === 'heuristic' ? 'suggested' : lexiconState(m)]++;
  return counts;
}

function total(perState: Record<State, number>): number {
  return perState.tagged + perState.untagged + perState.suggested;
}

/** Waits (bounded) until the decorations in the DOM are exactly the expected ones. */
async function waitForCounts(page: Page, colorIds: readonly string[], expected: DecorationCounts): Promise<DecorationCounts> {
  const deadline = Date.now() + STEP_TIMEOUT;
  let last: Awaited<ReturnType<typeof countDecorations>> | undefined;
  for (;;) {
    last = await countDecorations(page, colorIds);
    if (JSON.stringify(last.counts) === JSON.stringify(expected)) return last.counts;
    if (Date.now() > deadline) break;
    // Re-check on the next painted frame: decorations arrive with the server's answer.
    await page.evaluate(() => new Promise((done) => (globalThis as unknown as { requestAnimationFrame(f: () => void): void }).requestAnimationFrame(() => done(undefined))));
  }
  assert.deepEqual(last.counts, expected, `decorations in the DOM (colours ${JSON.stringify(last.colors)}, ${last.unmatched} other decorated elements)`);
  return last.counts;
}

/** Waits (bounded) until a file on disk satisfies a condition; returns its text. */
async function waitForFile(path: string, ok: (text: string) => boolean, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = readFileSync(path, 'utf8');
    if (ok(text)) return text;
    if (Date.now() > deadline) return text;
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** A screenshot of the whole window into the artifacts folder. */
async function shoot(page: Page, name: string): Promise<string> {
  const path = join(artifacts, name);
  await page.screenshot({ path });
  return path;
}
