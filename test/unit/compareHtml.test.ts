/**
 * The page of the "Compare entities with source" panel (client/src/compareHtml.ts, issue 5): one
 * table per category with the differences marked, mention links that run only the reveal
 * command, every document text escaped, a strict CSP and no script.
 */
import assert from 'node:assert/strict';
import { compareHtml, differenceCounts, escapeHtml, REVEAL_MENTION_COMMAND, revealLink } from '#client/compareHtml';
import type { ComparedEntityRow, CompareWithSourceResult } from '../../server/src/protocol';

const range = (line: number, start: number, end: number): { start: { line: number; character: number }; end: { line: number; character: number } } => ({
  start: { line, character: start },
  end: { line, character: end },
});

function row(partial: Partial<ComparedEntityRow> & Pick<ComparedEntityRow, 'category' | 'id' | 'status'>): ComparedEntityRow {
  return {
    name: partial.id,
    sourceName: partial.id,
    translationName: partial.id,
    ignored: false,
    sourceMentions: [],
    translationMentions: [],
    ...partial,
  };
}

const RESULT: CompareWithSourceResult = {
  kind: 'compared',
  translation: { uri: 'file:///w/press/cadix.ar.md', version: 3, language: 'ar' },
  source: { uri: 'file:///w/press/cadix.fr.md', version: null, language: 'fr', via: 'sibling', label: 'cadix.fr.md' },
  entities: [
    row({
      category: 'actor',
      id: 'guardia-civil',
      name: 'Guardia Civil',
      sourceName: 'Guardia Civil',
      translationName: 'Guardia Civil',
      status: 'both',
      sourceMentions: [{ range: range(5, 30, 43), text: 'Guardia Civil' }],
      translationMentions: [{ range: range(5, 25, 37), text: 'الحرس المدني' }],
    }),
    row({
      category: 'country',
      id: 'PT',
      name: 'Portugal',
      sourceName: 'Portugal',
      translationName: 'البرتغال',
      status: 'missing',
      sourceMentions: [
        { range: range(5, 120, 128), text: 'Portugal' },
        { range: range(9, 70, 78), text: 'Portugal' },
      ],
    }),
    row({ category: 'country', id: 'FR', name: 'France', sourceName: 'France', translationName: 'فرنسا', status: 'extra', translationMentions: [{ range: range(9, 50, 55), text: 'فرنسا' }] }),
    row({ category: 'threat', id: 'money-laundering', status: 'missing', ignored: true, sourceMentions: [{ range: range(9, 20, 40), text: '<script>alert(1)</script>' }] }),
  ],
};

const CONTEXT = { cspSource: 'https://webview.test', nonce: 'bm9uY2U=' };

describe('compare panel page', () => {
  it('escapes text for element content and attributes', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&\``), '&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#96;');
  });

  it('has a strict CSP: no script, styles only from the nonce or the webview', () => {
    const html = compareHtml(RESULT, CONTEXT, 'press/cadix.ar.md');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    assert.equal(csp, "default-src 'none'; style-src https://webview.test 'nonce-bm9uY2U='; img-src https://webview.test;");
    assert.ok(!/<script/i.test(html), 'the page must not contain a script element');
    assert.match(html, /<style nonce="bm9uY2U=">/);
    // Theme colours only.
    const style = /<style[^>]*>([\s\S]*?)<\/style>/.exec(html)![1]!;
    assert.ok(!/#[0-9a-f]{3,8}\b|rgb\(/i.test(style), 'colours must come from the theme variables');
    assert.match(style, /var\(--vscode-diffEditor-removedTextBackground\)/);
  });

  it('shows one table per category, with the differences marked', () => {
    const html = compareHtml(RESULT, CONTEXT, 'press/cadix.ar.md');
    assert.deepEqual([...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]), ['Actors', 'Countries', 'Threats']);
    const rows = [...html.matchAll(/<tr class="([^"]*)" data-id="([^"]*)">[\s\S]*?<\/tr>/g)].map((m) => [m[2], m[1], /<td>([^<]*|<span class="difference">[^<]*<\/span>|<span class="same-mark"[^>]*>=<\/span>)<\/td>\n<\/tr>$/.exec(m[0])?.[1]]);
    assert.deepEqual(rows, [
      ['guardia-civil', 'same', '<span class="same-mark" title="In both documents">=</span>'],
      ['PT', 'missing', '<span class="difference">missing</span>'],
      ['FR', 'extra', '<span class="difference">extra</span>'],
      ['money-laundering', 'missing ignored', '<span class="difference">missing (ignored)</span>'],
    ]);
    assert.match(html, /1 missing from the translation, 1 only in the translation\. 1 left out on purpose \(translation-ignore\)\./);
    assert.match(html, /<bdi>Portugal<\/bdi> \/ <bdi>البرتغال<\/bdi>/);
    assert.match(html, /<span class="present">✓ 2<\/span>/);
    assert.match(html, /<span class="absent" title="Not mentioned">✗<\/span>/);
  });

  it('escapes document text and links each mention to the reveal command', () => {
    const html = compareHtml(RESULT, CONTEXT, 'press/cadix.ar.md');
    assert.ok(!html.includes('<script>alert(1)</script>'));
    assert.ok(html.includes('&#60;script&#62;alert(1)&#60;/script&#62;'));
    const link = revealLink('file:///w/press/cadix.fr.md', RESULT.kind === 'compared' ? RESULT.entities[1]!.sourceMentions[1]! : undefined!);
    assert.equal(link, `command:${REVEAL_MENTION_COMMAND}?${encodeURIComponent(JSON.stringify(['file:///w/press/cadix.fr.md', 9, 70, 9, 78]))}`);
    assert.ok(html.includes(`href="${escapeHtml(link)}"`));
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    assert.equal(hrefs.length, 6);
    assert.ok(hrefs.every((h) => h.startsWith(`command:${REVEAL_MENTION_COMMAND}?`)), hrefs.join('\n'));
  });

  it('counts differences without the ignored ones', () => {
    assert.deepEqual(differenceCounts(RESULT.kind === 'compared' ? RESULT.entities : []), { missing: 1, extra: 1, ignored: 1 });
  });

  it('says when the documents agree, and shows the message when there is no source', () => {
    const same: CompareWithSourceResult = { ...RESULT, entities: [RESULT.kind === 'compared' ? RESULT.entities[0]! : undefined!] } as CompareWithSourceResult;
    assert.match(compareHtml(same, CONTEXT, 'a.md'), /The translation mentions the same entities as its source\./);
    const none = compareHtml({ kind: 'no-source', message: 'This document declares no source: add <translation-of>' }, CONTEXT, 'a.md');
    assert.match(none, /<p class="message">This document declares no source: add &#60;translation-of&#62;<\/p>/);
    assert.ok(!none.includes('<table'));
  });
});
