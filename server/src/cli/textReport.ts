/**
 * The human-readable output of `communique scan` (the default format).
 *
 * For each file: a header, the document exactly as written (front matter included) with every
 * entity coloured by category, a summary table per category, and the front matter that tagging
 * would write. Without colour (a pipe, NO_COLOR) entities are bracketed instead, so the output
 * still shows what was found: `[Espagne]{country}`, `[Francisca Bostyn]{actor?}` (a trailing
 * `?` marks a heuristic suggestion).
 */
import type { Category, Entity, Lexicon, Recognition } from '../core/types';
import { CATEGORIES } from '../core/types';
import { proposedTags, renderTagsYaml } from './tagPreview';

/**
 * Whether to colour the output. FORCE_COLOR wins over NO_COLOR, as in Node itself and most
 * terminal libraries; "0" or "false" in FORCE_COLOR turns colour off.
 */
export function colorEnabled(env: NodeJS.ProcessEnv, isTTY: boolean | undefined): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['TERM'] === 'dumb') return false;
  return isTTY === true;
}

const SGR = {
  reset: '\x1b[0m',
  bold: '1',
  dim: '2',
  underline: '4',
} as const;

/** Foreground colours that stay readable on dark and light terminals (no yellow, no blue). */
const CATEGORY_COLOR: Record<Category, string> = {
  actor: '36', // cyan
  country: '32', // green
  region: '35', // magenta
  threat: '31', // red
};

const CATEGORY_TITLE: Record<Category, string> = {
  actor: 'Actors',
  country: 'Countries',
  region: 'Regions',
  threat: 'Threats',
};

function paint(color: boolean, codes: string, s: string): string {
  return color && s !== '' ? `\x1b[${codes}m${s}${SGR.reset}` : s;
}

function entityCodes(entity: Entity): string {
  const colour = CATEGORY_COLOR[entity.category];
  return entity.source === 'heuristic' ? `${colour};${SGR.dim};${SGR.underline}` : `${colour};${SGR.bold}`;
}

/** One line explaining the colours (or the bracket notation when there is no colour). */
export function renderLegend(color: boolean): string {
  if (!color) {
    return 'Entities are shown as [text]{category}; {actor?} is a heuristic actor (not in any lexicon).\n';
  }
  const samples = CATEGORIES.map((c) => paint(true, `${CATEGORY_COLOR[c]};${SGR.bold}`, c));
  samples.push(paint(true, `${CATEGORY_COLOR.actor};${SGR.dim};${SGR.underline}`, 'heuristic actor'));
  return `Legend: ${samples.join('  ')}\n`;
}

/** The full report of one scanned file. */
export function renderTextReport(
  path: string,
  text: string,
  recognition: Recognition,
  lexicon: Lexicon,
  color: boolean,
): string {
  const parts: string[] = [];
  parts.push(paint(color, SGR.bold, `== ${path === '-' ? '(standard input)' : clean(path)} ==`) + '\n');
  parts.push(`${describeLanguage(recognition)} · ${plural(recognition.entities.length, 'entity', 'entities')}\n\n`);
  const body = annotateDocument(text, recognition.entities, color);
  parts.push(body.endsWith('\n') || body === '' ? body : `${body}\n`);
  parts.push('\n');
  parts.push(renderSummary(recognition.entities, color));
  parts.push('\n');
  parts.push(paint(color, SGR.bold, 'Front matter that tagging would write:') + '\n');
  parts.push(`---\n${renderTagsYaml(proposedTags(recognition, lexicon))}---\n`);
  return parts.join('');
}

function describeLanguage(recognition: Recognition): string {
  const how: Record<Recognition['languageSource'], string> = {
    'front-matter': 'from front matter',
    detected: 'detected',
    default: 'default, not detected',
    option: 'from --lang',
  };
  const others = [...new Set(recognition.spans.map((s) => s.language))].filter((l) => l !== recognition.language);
  const mixed = others.length > 0 ? `; paragraphs also in ${others.join(', ')}` : '';
  return `language ${recognition.language} (${how[recognition.languageSource]}${mixed})`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Control characters other than tab and line ends must not reach a terminal as they are. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_RE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;

function clean(s: string): string {
  return s.replace(CONTROL_RE, '\uFFFD');
}

/**
 * The document with entities marked. Entities of different categories may nest (a country inside
 * an actor's name, an actor inside a threat frame's span): with colour, each stretch takes the
 * colour of the innermost entity covering it; without, brackets nest.
 */
export function annotateDocument(text: string, entities: readonly Entity[], color: boolean): string {
  const spans = entities.filter((e) => e.end > e.start && e.start >= 0 && e.end <= text.length);
  const boundaries = [...new Set([0, text.length, ...spans.flatMap((e) => [e.start, e.end])])].sort((a, b) => a - b);
  // Longest first among entities starting at the same offset, so outer brackets open first.
  const byStart = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: string[] = [];
  let active: Entity[] = [];
  let next = 0;
  for (let i = 0; i < boundaries.length; i++) {
    const at = boundaries[i]!;
    const ending = active.filter((e) => e.end === at);
    if (ending.length > 0) {
      active = active.filter((e) => e.end !== at);
      if (!color) {
        // Innermost (latest started) closes first.
        ending.sort((a, b) => b.start - a.start || a.end - b.end);
        for (const e of ending) out.push(`]{${e.category}${e.source === 'heuristic' ? '?' : ''}}`);
      }
    }
    while (next < byStart.length && byStart[next]!.start === at) {
      const e = byStart[next++]!;
      active.push(e);
      if (!color) out.push('[');
    }
    const to = boundaries[i + 1];
    if (to === undefined) break;
    const segment = clean(text.slice(at, to));
    if (!color || active.length === 0) {
      out.push(segment);
      continue;
    }
    let innermost = active[0]!;
    for (const e of active) if (e.end - e.start < innermost.end - innermost.start) innermost = e;
    out.push(paint(true, entityCodes(innermost), segment));
  }
  return out.join('');
}

/** A table per category: id, name and number of mentions, in order of first mention. */
export function renderSummary(entities: readonly Entity[], color: boolean): string {
  const lines: string[] = [];
  for (const category of CATEGORIES) {
    const rows = new Map<string, { id: string; name: string; mentions: number; heuristic: boolean }>();
    for (const e of entities) {
      if (e.category !== category) continue;
      const row = rows.get(e.id);
      if (row) row.mentions++;
      else rows.set(e.id, { id: e.id, name: e.name, mentions: 1, heuristic: e.source === 'heuristic' });
    }
    const title = `${CATEGORY_TITLE[category]} (${rows.size})`;
    lines.push(paint(color, `${CATEGORY_COLOR[category]};${SGR.bold}`, title));
    if (rows.size === 0) {
      lines.push('  none');
      continue;
    }
    const table = [...rows.values()].map((r) => ({
      id: clean(r.id),
      name: clean(r.heuristic ? `${r.name} (heuristic)` : r.name),
      mentions: String(r.mentions),
    }));
    const idWidth = Math.max(2, ...table.map((r) => displayWidth(r.id)));
    const nameWidth = Math.max(4, ...table.map((r) => displayWidth(r.name)));
    lines.push(paint(color, SGR.dim, `  ${pad('id', idWidth)}  ${pad('name', nameWidth)}  mentions`));
    for (const r of table) lines.push(`  ${pad(r.id, idWidth)}  ${pad(r.name, nameWidth)}  ${r.mentions.padStart(8)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Terminal columns of a string: code points, not counting combining marks. */
function displayWidth(s: string): number {
  let n = 0;
  for (const ch of s) if (!/\p{M}/u.test(ch)) n++;
  return n;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}
