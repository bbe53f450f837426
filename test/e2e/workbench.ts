/**
 * Drives the VS Code workbench that code-server serves, through its DOM, with playwright-core.
 * Every step waits (bounded) for the UI state it needs; nothing sleeps a fixed time.
 *
 * The selectors are Code-OSS 1.139's (code-server 4.139.1): the quick input widget, the editor's
 * view overlays, the action widget of `Ctrl+.`, the tabs and the views of the side bar.
 */
import type { Page } from 'playwright-core';

/** How long one UI step may take: the first ones include loading the workbench and the extension. */
export const STEP_TIMEOUT = 60_000;

export type Category = 'actor' | 'country' | 'region' | 'threat';
export type State = 'tagged' | 'untagged' | 'suggested';
export const CATEGORIES: readonly Category[] = ['actor', 'country', 'region', 'threat'];

/** Decorated elements found in the editor, per category and per state. */
export type DecorationCounts = Record<Category, Record<State, number>>;

/** Waits until the workbench shows the opened folder's explorer, with `entryName` in it. */
export async function waitForWorkbench(page: Page, entryName: string): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ timeout: STEP_TIMEOUT });
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: entryName }).first().waitFor({ timeout: STEP_TIMEOUT });
}

/** The quick input box (Quick Open, the command palette, Go to Line). */
function quickInput(page: Page) {
  return page.locator('.quick-input-widget .quick-input-box input');
}

/** Opens a file through Quick Open (Ctrl+P): waits for its result row before pressing Enter. */
export async function quickOpen(page: Page, fileName: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await quickInput(page).waitFor({ timeout: STEP_TIMEOUT });
  await quickInput(page).fill(fileName);
  // The row appears once the file search answers; Enter before that opens nothing.
  await page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: fileName })
    .first()
    .waitFor({ timeout: STEP_TIMEOUT });
  await page.keyboard.press('Enter');
  await activeTab(page, fileName).waitFor({ timeout: STEP_TIMEOUT });
  await page.locator('.part.editor .monaco-editor .view-lines').first().waitFor({ timeout: STEP_TIMEOUT });
}

/** Runs a command from the palette (F1) by its title; waits for its row before pressing Enter. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await quickInput(page).waitFor({ timeout: STEP_TIMEOUT });
  await quickInput(page).fill(`>${title}`);
  await page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title })
    .first()
    .waitFor({ timeout: STEP_TIMEOUT });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: STEP_TIMEOUT });
}

/** Moves the cursor of the active editor with Go to Line (Ctrl+G); line and column are 1-based. */
export async function goToPosition(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+G');
  await quickInput(page).waitFor({ timeout: STEP_TIMEOUT });
  // Go to Line is the quick input with the ':' prefix; fill() replaces the prefix too.
  await quickInput(page).fill(`:${line}:${column}`);
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row, .quick-input-widget .quick-input-message', { hasText: String(line) }).first().waitFor({ timeout: STEP_TIMEOUT });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: STEP_TIMEOUT });
}

/**
 * Turns word wrap of the active editor on or off (View: Toggle Word Wrap, Alt+Z) and waits until
 * it is drawn so. The whole file must fit in the editor: wrapped, it has more visual lines than
 * line numbers.
 */
export async function setWordWrap(page: Page, on: boolean): Promise<void> {
  const isWrapped = () => page.evaluate(browserIsWrapped);
  if ((await isWrapped()) !== on) await page.keyboard.press('Alt+Z');
  await page.waitForFunction(`(${browserIsWrapped.toString()})() === ${on}`, undefined, { timeout: STEP_TIMEOUT });
}

/** Runs in the page: whether the active editor shows more visual lines than line numbers. */
function browserIsWrapped(): boolean {
  const doc = (globalThis as unknown as BrowserWindow).document;
  const editor = doc.querySelector('.part.editor .editor-group-container.active .monaco-editor');
  if (editor === null) return false;
  const count = (selector: string) => [...editor.querySelectorAll(selector)].length;
  return count('.view-lines .view-line') > count('.margin-view-overlays .line-numbers');
}

/** The tab of an open file when it is the active one. */
export function activeTab(page: Page, fileName: string) {
  return page.locator(`.part.editor .tab.active[aria-label*="${fileName}"]`);
}

/** The rows of the code action menu (`Ctrl+.`). */
export function codeActionRows(page: Page) {
  return page.locator('.action-widget .monaco-list-row.action');
}

/**
 * Opens the quick fix menu with Ctrl+. in the focused editor and waits for the row whose title
 * matches. A menu asked for while the providers are still registering can come back empty
 * (VSCODE-TESTS.md, "Known flake"): it is closed and asked again, a bounded number of times.
 */
export async function openQuickFix(page: Page, title: RegExp, attempts = 3) {
  const row = codeActionRows(page).filter({ hasText: title }).first();
  await page.locator('.part.editor .monaco-editor.focused').waitFor({ timeout: STEP_TIMEOUT });
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+.');
    try {
      await row.waitFor({ timeout: attempt === attempts ? STEP_TIMEOUT : 5_000 });
      return row;
    } catch (e) {
      if (attempt === attempts) throw e;
      const shown = await codeActionRows(page).allTextContents();
      console.log(`    quick fix menu, attempt ${attempt}: no row matches ${title} (rows: ${JSON.stringify(shown)}); asking again`);
      await page.keyboard.press('Escape');
      await codeActionRows(page).first().waitFor({ state: 'hidden', timeout: STEP_TIMEOUT });
    }
  }
}

/**
 * Counts the decorated elements of the editor per category and state, by colour: each element
 * VS Code draws for a decoration type (`.cdr.ced-…` in the view overlays) is matched against the
 * theme's values of the extension's colours (`--vscode-communique-<category>-<part>` variables).
 * The state follows from how the colour is drawn (client/src/decorations.ts): a background for a
 * tagged entity, a bottom border for an untagged one, an outline for a suggestion.
 *
 * Runs in the page; `colorIds` are the extension's contributed colour ids.
 */
export async function countDecorations(page: Page, colorIds: readonly string[]): Promise<{ counts: DecorationCounts; unmatched: number; colors: Record<string, string> }> {
  return page.evaluate(browserCountDecorations, colorIds);
}

/** Minimal DOM typings for the code that runs in the page (the test project has no DOM lib). */
interface BrowserStyle {
  getPropertyValue(name: string): string;
  color: string;
  backgroundColor: string;
  borderBottomColor: string;
  borderBottomStyle: string;
  borderBottomWidth: string;
  outlineColor: string;
  outlineStyle: string;
}
interface BrowserElement {
  style: BrowserStyle;
  appendChild(e: BrowserElement): void;
  remove(): void;
  querySelector(selector: string): BrowserElement | null;
  querySelectorAll(selector: string): Iterable<BrowserElement>;
}
interface BrowserWindow {
  document: BrowserElement & { body: BrowserElement; createElement(tag: string): BrowserElement };
  getComputedStyle(e: BrowserElement): BrowserStyle;
}

/** Runs in the page: see countDecorations. Self-contained (playwright serialises it). */
function browserCountDecorations(colorIds: readonly string[]) {
  const w = globalThis as unknown as BrowserWindow;
  const doc = w.document;
  const probe = doc.createElement('div');
  doc.body.appendChild(probe);
  /** The browser's canonical form of a colour: rgb(...) or rgba(...). */
  const normalize = (value: string): string => {
    probe.style.color = '';
    probe.style.color = value;
    return w.getComputedStyle(probe).color;
  };
  const workbench = doc.querySelector('.monaco-workbench') ?? doc.body;
  const rootStyle = w.getComputedStyle(workbench);
  const byColor = new Map<string, string>();
  const colors: Record<string, string> = {};
  for (const id of colorIds) {
    const match = /^communique\.(actor|country|region|threat)\.(\w+)$/.exec(id);
    if (match === null) continue;
    const raw = rootStyle.getPropertyValue(`--vscode-${id.replace(/\./g, '-')}`).trim();
    if (raw === '') continue;
    const color = normalize(raw);
    colors[id] = color;
    byColor.set(color, match[1]!);
  }
  probe.remove();
  const zero = () => ({ tagged: 0, untagged: 0, suggested: 0 });
  const counts = { actor: zero(), country: zero(), region: zero(), threat: zero() };
  let unmatched = 0;
  const transparent = new Set(['rgba(0, 0, 0, 0)', 'transparent']);
  for (const el of doc.querySelectorAll('.part.editor .monaco-editor .view-overlays .cdr[class*="ced-"]')) {
    const s = w.getComputedStyle(el);
    let found: [string, 'tagged' | 'untagged' | 'suggested'] | undefined;
    if (!transparent.has(s.backgroundColor) && byColor.has(s.backgroundColor)) found = [byColor.get(s.backgroundColor)!, 'tagged'];
    else if (s.borderBottomStyle !== 'none' && s.borderBottomWidth !== '0px' && byColor.has(s.borderBottomColor)) found = [byColor.get(s.borderBottomColor)!, 'untagged'];
    else if (s.outlineStyle !== 'none' && byColor.has(s.outlineColor)) found = [byColor.get(s.outlineColor)!, 'suggested'];
    if (found === undefined) {
      unmatched++;
      continue;
    }
    counts[found[0] as keyof typeof counts][found[1]]++;
  }
  return { counts, unmatched, colors };
}
