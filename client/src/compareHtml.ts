/**
 * The HTML of the "Compare entities with source" panel (issue 5): one table per category with
 * each entity, its names in both languages, its mentions in the source and in the translation
 * (links that reveal them), and the difference marked. Pure and without a `vscode` import, so
 * test/unit checks it as is.
 *
 * The page runs no script at all. Its links are `command:` URIs of the one command the panel
 * allows (the panel's `enableCommandUris`), its only style is an inline block carrying the CSP
 * nonce, every text from the documents is escaped, and colours are the theme's CSS variables.
 */
import type { ComparedEntityRow, ComparedMention, CompareWithSourceResult } from '../../server/src/protocol';

/** The command a mention link runs: arguments [uri, startLine, startCharacter, endLine, endCharacter]. */
export const REVEAL_MENTION_COMMAND = 'communique.compare.revealMention';

type Category = ComparedEntityRow['category'];

const CATEGORY_ORDER: readonly Category[] = ['actor', 'country', 'region', 'threat'];
const HEADINGS: Record<Category, string> = { actor: 'Actors', country: 'Countries', region: 'Regions', threat: 'Threats' };

/** Text for HTML, in element content and in quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The `command:` URI that reveals one mention. */
export function revealLink(uri: string, mention: ComparedMention): string {
  const { start, end } = mention.range;
  return `command:${REVEAL_MENTION_COMMAND}?${encodeURIComponent(JSON.stringify([uri, start.line, start.character, end.line, end.character]))}`;
}

/** How the page is built: the webview's CSP source and a fresh nonce. */
export interface PageContext {
  cspSource: string;
  nonce: string;
}

/** The counts of the differences the diagnostics report (ignored ones apart). */
export function differenceCounts(rows: readonly ComparedEntityRow[]): { missing: number; extra: number; ignored: number } {
  let missing = 0;
  let extra = 0;
  let ignored = 0;
  for (const r of rows) {
    if (r.status === 'both') continue;
    if (r.ignored) ignored++;
    else if (r.status === 'missing') missing++;
    else extra++;
  }
  return { missing, extra, ignored };
}

/** The whole page for a comparison, or for the message saying why there is none. */
export function compareHtml(result: CompareWithSourceResult, context: PageContext, translationLabel: string): string {
  const body = result.kind === 'compared' ? comparisonBody(result, translationLabel) : `<p class="message">${escapeHtml(result.message)}</p>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${escapeHtml(context.cspSource)} 'nonce-${escapeHtml(context.nonce)}'; img-src ${escapeHtml(context.cspSource)};">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Compare entities with source</title>
<style nonce="${escapeHtml(context.nonce)}">${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function comparisonBody(result: Extract<CompareWithSourceResult, { kind: 'compared' }>, translationLabel: string): string {
  const { source, translation } = result;
  const counts = differenceCounts(result.entities);
  const summary =
    counts.missing + counts.extra === 0
      ? 'The translation mentions the same entities as its source.'
      : [
          counts.missing > 0 ? `${counts.missing} missing from the translation` : '',
          counts.extra > 0 ? `${counts.extra} only in the translation` : '',
        ]
          .filter((s) => s !== '')
          .join(', ') + '.';
  const ignored = counts.ignored > 0 ? ` ${counts.ignored} left out on purpose (translation-ignore).` : '';
  const how = source.via === 'front-matter' ? 'translation-of' : 'sibling naming';
  const sections = CATEGORY_ORDER.map((category) => {
    const rows = result.entities.filter((e) => e.category === category);
    if (rows.length === 0) return '';
    return `<section>
<h2>${HEADINGS[category]}</h2>
<table>
<thead><tr><th scope="col">Entity</th><th scope="col">Names (${escapeHtml(source.language)} / ${escapeHtml(translation.language)})</th><th scope="col">In source</th><th scope="col">In translation</th><th scope="col">Difference</th></tr></thead>
<tbody>
${rows.map((row) => entityRow(row, source.uri, translation.uri)).join('\n')}
</tbody>
</table>
</section>`;
  }).join('\n');
  return `<header>
<h1>Entities of <bdi>${escapeHtml(translationLabel)}</bdi> (${escapeHtml(translation.language)}) and its source <bdi>${escapeHtml(source.label)}</bdi> (${escapeHtml(source.language)})</h1>
<p class="summary">${escapeHtml(summary + ignored)} <span class="how">Source found by ${how}.</span></p>
</header>
${sections || '<p class="message">Neither document mentions an entity of the lexicons.</p>'}`;
}

function entityRow(row: ComparedEntityRow, sourceUri: string, translationUri: string): string {
  const difference = row.status === 'both' ? '' : row.status === 'missing' ? 'missing' : 'extra';
  const label = row.status === 'both' ? '' : row.ignored ? `${difference} (ignored)` : difference;
  const classes = [row.status === 'both' ? 'same' : difference, row.ignored ? 'ignored' : ''].filter((c) => c !== '').join(' ');
  const names = row.sourceName === row.translationName ? `<bdi>${escapeHtml(row.sourceName)}</bdi>` : `<bdi>${escapeHtml(row.sourceName)}</bdi> / <bdi>${escapeHtml(row.translationName)}</bdi>`;
  return `<tr class="${classes}" data-id="${escapeHtml(row.id)}">
<td><span class="name">${escapeHtml(row.name)}</span>${row.category === 'actor' ? '' : ` <code>${escapeHtml(row.id)}</code>`}</td>
<td>${names}</td>
<td>${mentionsCell(row.sourceMentions, sourceUri, 'source')}</td>
<td>${mentionsCell(row.translationMentions, translationUri, 'translation')}</td>
<td>${label === '' ? '<span class="same-mark" title="In both documents">=</span>' : `<span class="difference">${escapeHtml(label)}</span>`}</td>
</tr>`;
}

function mentionsCell(mentions: readonly ComparedMention[], uri: string, where: string): string {
  if (mentions.length === 0) return '<span class="absent" title="Not mentioned">✗</span>';
  const links = mentions
    .map((m) => `<a href="${escapeHtml(revealLink(uri, m))}" title="Reveal in the ${where}, line ${m.range.start.line + 1}"><bdi>${escapeHtml(m.text)}</bdi></a>`)
    .join(' · ');
  return `<span class="present">✓ ${mentions.length}</span> <span class="mentions">${links}</span>`;
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 1em 1em; }
h1 { font-size: 1.2em; font-weight: 600; }
h2 { font-size: 1.05em; font-weight: 600; margin-top: 1.4em; }
.summary { color: var(--vscode-descriptionForeground); }
.message { padding: 0.8em; border-inline-start: 3px solid var(--vscode-textLink-foreground); background: var(--vscode-textBlockQuote-background); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: start; vertical-align: top; padding: 0.3em 0.6em; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); }
th { font-weight: 600; color: var(--vscode-descriptionForeground); }
code { font-family: var(--vscode-editor-font-family); color: var(--vscode-textPreformat-foreground); }
a { color: var(--vscode-textLink-foreground); text-decoration: none; }
a:hover, a:focus { color: var(--vscode-textLink-activeForeground); text-decoration: underline; }
tr.missing { background: var(--vscode-diffEditor-removedTextBackground); }
tr.extra { background: var(--vscode-diffEditor-insertedTextBackground); }
tr.ignored { background: transparent; opacity: 0.75; }
.difference { font-weight: 600; }
tr.missing .difference { color: var(--vscode-editorError-foreground); }
tr.extra .difference { color: var(--vscode-editorInfo-foreground); }
tr.ignored .difference { color: var(--vscode-descriptionForeground); font-weight: normal; }
.present { color: var(--vscode-testing-iconPassed, var(--vscode-foreground)); }
.absent { color: var(--vscode-descriptionForeground); }
.same-mark { color: var(--vscode-descriptionForeground); }
.how { font-style: italic; }
`;
