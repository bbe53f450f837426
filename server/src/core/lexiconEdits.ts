/**
 * Edits to the workspace lexicon (`.communique/lexicon.yaml`): add an entry for an actor the
 * heuristics found, a term to the workspace `ignore:` list, or an accepted spelling of a known
 * actor's name (issue 5), as `accepted:` of a `merge: extend` entry for its id.
 *
 * As with front matter (frontMatter/edits.ts), the file is read with the `yaml` Document and CST
 * APIs and changed by inserting lines: the new entry goes after the last entry, at the indentation
 * the file's entries use; a new ignore term after the last one, in the list's flow or block style.
 * Comments, key order and everything else stay byte for byte. Adding what is already there
 * changes nothing, and every plan is checked by loading the result with the lexicon reader.
 */
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { lineStartOf, restOfLine } from './frontMatter/model';
import { yamlScalar } from './frontMatter/edits';
import { lexiconKey } from './lexicon/merge';
import { parseLexiconText } from './lexicon/parse';
import { applyEdits, type TextEdit } from './textEdit';
import type { ActorType, Category } from './types';

/** An entry to add to the workspace lexicon (the shape of codeActions' LexiconAddition['entry']). */
export interface LexiconEntryAddition {
  id: string;
  category: Category;
  type?: ActorType;
  name: string;
  names: Record<string, string[]>;
}

/** Another spelling of a known actor's name, to recognise without a `name.variant` diagnostic. */
export interface AcceptedSpelling {
  /** The id of the entry, in whichever layer it is defined. */
  id: string;
  spelling: string;
}

/** A change to the workspace lexicon. */
export interface LexiconChange {
  addEntry?: LexiconEntryAddition;
  addIgnore?: string;
  acceptSpelling?: AcceptedSpelling;
}

/** Past this size the YAML reader refuses a lexicon (lexicon/parse.ts); editing it would be pointless. */
const MAX_LEXICON_CHARS = 2_000_000;
const INDENT = 2;
const LANG_RE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
/** Ids as the lexicon reader accepts them (lexicon/parse.ts). */
const ID_RE = /^[\p{L}\p{N}][\p{L}\p{N}._:-]*$/u;

class LexiconRefused extends Error {}

/** The entry with its names cleaned (strings only, trimmed, no repeats), or a reason it cannot be written. */
function cleanEntry(entry: LexiconEntryAddition): LexiconEntryAddition | string {
  if (entry === null || typeof entry !== 'object') return 'No entry to add.';
  const id = typeof entry.id === 'string' ? entry.id.trim() : '';
  const name = typeof entry.name === 'string' ? entry.name.trim() : '';
  if (id === '' || name === '') return 'The entry needs an id and a name.';
  const names: Record<string, string[]> = {};
  let count = 0;
  for (const [lang, list] of Object.entries(entry.names ?? {})) {
    if (!LANG_RE.test(lang) || !Array.isArray(list)) continue;
    const seen = new Set<string>();
    const forms = list.filter((f): f is string => typeof f === 'string').map((f) => f.trim()).filter((f) => f !== '' && !seen.has(f) && seen.add(f));
    if (forms.length === 0) continue;
    Object.defineProperty(names, lang, { value: forms, enumerable: true, writable: true, configurable: true });
    count++;
  }
  if (count === 0) return `The entry ${id} needs at least one name in a language (names: {fr: [...]}).`;
  const clean: LexiconEntryAddition = { id, category: entry.category, name, names };
  if (entry.type !== undefined) clean.type = entry.type;
  return clean;
}

/** The lines of an entry as a block map, every line after the first at `keyIndent`. */
function entryLines(entry: LexiconEntryAddition, keyIndent: string, eol: string): string[] {
  const lines = [`id: ${yamlScalar(entry.id)}`, `${keyIndent}category: ${entry.category}`];
  if (entry.type !== undefined) lines.push(`${keyIndent}type: ${entry.type}`);
  lines.push(`${keyIndent}name: ${yamlScalar(entry.name)}`, `${keyIndent}names:`);
  for (const [lang, forms] of Object.entries(entry.names)) {
    lines.push(`${keyIndent}${' '.repeat(INDENT)}${yamlScalar(lang, 'key')}: [${forms.map((f) => yamlScalar(f, 'flow')).join(', ')}]`);
  }
  return lines.map((l) => l + eol);
}

/** The entry as a flow map, for a file that writes `entries: [...]`. */
function entryFlow(entry: LexiconEntryAddition): string {
  const names = Object.entries(entry.names).map(([lang, forms]) => `${yamlScalar(lang, 'key')}: [${forms.map((f) => yamlScalar(f, 'flow')).join(', ')}]`);
  const fields = [`id: ${yamlScalar(entry.id, 'flow')}`, `category: ${entry.category}`];
  if (entry.type !== undefined) fields.push(`type: ${entry.type}`);
  fields.push(`name: ${yamlScalar(entry.name, 'flow')}`, `names: {${names.join(', ')}}`);
  return `{${fields.join(', ')}}`;
}

/**
 * Minimal edits to a workspace lexicon text (or a whole new file when `existing` is undefined)
 * that add an entry or an ignore term, keeping comments and style.
 */
export function planLexiconChange(existing: string | undefined, change: LexiconChange): { newFile: string } | { edits: TextEdit[] } | { error: string } {
  let entry: LexiconEntryAddition | undefined;
  if (change?.addEntry !== undefined) {
    const clean = cleanEntry(change.addEntry);
    if (typeof clean === 'string') return { error: clean };
    entry = clean;
  }
  const ignore = typeof change?.addIgnore === 'string' && lexiconKey(change.addIgnore) !== '' ? change.addIgnore.trim() : undefined;
  if (change?.addIgnore !== undefined && ignore === undefined) return { error: 'Nothing to ignore: the term is empty.' };
  let accept: AcceptedSpelling | undefined;
  if (change?.acceptSpelling !== undefined) {
    const clean = cleanSpelling(change.acceptSpelling);
    if (typeof clean === 'string') return { error: clean };
    accept = clean;
  }

  if (existing === undefined) {
    if (entry === undefined && ignore === undefined && accept === undefined) return { edits: [] };
    return { newFile: newLexicon(entry, ignore, accept) };
  }
  if (typeof existing !== 'string') return { error: 'No lexicon text.' };
  if (existing.length > MAX_LEXICON_CHARS) return { error: 'The workspace lexicon is too large to edit here; add the entry by hand.' };
  try {
    const planner = new LexiconPlanner(existing);
    const edits = planner.plan(entry, ignore, accept);
    if (edits.length > 0) checkLexicon(existing, applyEdits(existing, edits), entry, ignore, accept);
    return { edits };
  } catch (e) {
    if (e instanceof LexiconRefused) return { error: e.message };
    return { error: `Cannot edit the workspace lexicon: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** A new lexicon file: `version: 1`, then the entries and the ignore list. */
function newLexicon(entry: LexiconEntryAddition | undefined, ignore: string | undefined, accept: AcceptedSpelling | undefined): string {
  const parts = ['version: 1\n'];
  if (entry !== undefined || accept !== undefined) parts.push('entries:\n');
  if (entry !== undefined) parts.push(`${' '.repeat(INDENT)}- `, ...entryLines(entry, ' '.repeat(2 * INDENT), '\n'));
  if (accept !== undefined) parts.push(`${' '.repeat(INDENT)}- `, ...extensionLines(accept, ' '.repeat(2 * INDENT), '\n'));
  if (ignore !== undefined) parts.push('ignore:\n', `${' '.repeat(INDENT)}- ${yamlScalar(ignore)}\n`);
  return parts.join('');
}

/** The spelling trimmed, with an id the lexicon reader accepts, or a reason it cannot be written. */
function cleanSpelling(accept: AcceptedSpelling): AcceptedSpelling | string {
  if (accept === null || typeof accept !== 'object') return 'No spelling to accept.';
  const id = typeof accept.id === 'string' ? accept.id.trim() : '';
  const spelling = typeof accept.spelling === 'string' ? accept.spelling.replace(/\s+/g, ' ').trim() : '';
  if (!ID_RE.test(id)) return 'The spelling needs the id of the entry it belongs to.';
  if (spelling === '' || lexiconKey(spelling) === '') return 'Nothing to accept: the spelling is empty.';
  return { id, spelling };
}

/** The lines of a `merge: extend` entry that accepts one spelling, every line after the first at `keyIndent`. */
function extensionLines(accept: AcceptedSpelling, keyIndent: string, eol: string): string[] {
  return [`id: ${yamlScalar(accept.id)}`, `${keyIndent}merge: extend`, `${keyIndent}accepted: [${yamlScalar(accept.spelling, 'flow')}]`].map((l) => l + eol);
}

/** The same entry as a flow map, for a file that writes `entries: [...]`. */
function extensionFlow(accept: AcceptedSpelling): string {
  return `{id: ${yamlScalar(accept.id, 'flow')}, merge: extend, accepted: [${yamlScalar(accept.spelling, 'flow')}]}`;
}

/** Loads the edited text with the lexicon reader: no new error, the entry, the term and the spelling are there. */
function checkLexicon(
  before: string,
  after: string,
  entry: LexiconEntryAddition | undefined,
  ignore: string | undefined,
  accept?: AcceptedSpelling,
): void {
  const errors = (text: string) => parseLexiconText({ file: 'lexicon.yaml', text }).problems.filter((p) => p.severity === 'error').length;
  const parsed = parseLexiconText({ file: 'lexicon.yaml', text: after });
  const fail = (what: string): never => {
    throw new LexiconRefused(`Communiqué could not edit the workspace lexicon safely (${what}); edit it by hand.`);
  };
  if (parsed.problems.filter((p) => p.severity === 'error').length > errors(before)) fail(parsed.problems.find((p) => p.severity === 'error')!.message);
  if (entry !== undefined && !parsed.entries.some((e) => e.id === entry.id)) fail(`the entry ${entry.id} does not load`);
  if (ignore !== undefined && !parsed.ignore.some((t) => lexiconKey(t) === lexiconKey(ignore))) fail(`"${ignore}" is not in ignore`);
  if (accept !== undefined) {
    const key = lexiconKey(accept.spelling);
    const target = parsed.entries.find((e) => e.id === accept.id);
    if (target === undefined || !target.accepted.some((s) => lexiconKey(s) === key)) fail(`"${accept.spelling}" is not accepted for ${accept.id}`);
  }
}

/** Plans insertions into an existing lexicon file. */
class LexiconPlanner {
  private readonly eol: string;
  private readonly base: number;
  private readonly edits: TextEdit[] = [];
  /** Text appended at the end of the file (new top-level keys). */
  private readonly appended: string[] = [];
  private root: YAMLMap | undefined;
  private rootColumn = 0;
  /** Set once a line break has been added after a last line that had none. */
  private finalBreak = false;

  constructor(private readonly text: string) {
    const nl = text.indexOf('\n');
    this.eol = nl > 0 && text.charCodeAt(nl - 1) === 13 ? '\r\n' : '\n';
    this.base = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  plan(entry: LexiconEntryAddition | undefined, ignore: string | undefined, accept?: AcceptedSpelling): TextEdit[] {
    const { text, base } = this;
    const doc = parseDocument(text.slice(base), { keepSourceTokens: true, prettyErrors: false, uniqueKeys: true, version: '1.2' });
    const error = doc.errors[0];
    if (error !== undefined) {
      const line = text.slice(0, base + error.pos[0]).split('\n').length;
      throw new LexiconRefused(`The workspace lexicon does not parse (line ${line}): ${error.message.split('\n')[0]}. Fix it first.`);
    }
    const root = doc.contents;
    if (root !== null && !(isScalar(root) && root.value === null)) {
      if (!isMap(root)) throw new LexiconRefused('The workspace lexicon is not a map of `version`, `entries` and `ignore`: fix it first.');
      if (root.flow) throw new LexiconRefused('The workspace lexicon is written as one flow map (JSON): add the entry by hand.');
      this.root = root;
      const firstKey = (root.items[0] as Pair<Node, Node> | undefined)?.key;
      const at = base + (firstKey?.range?.[0] ?? 0);
      this.rootColumn = at - this.lineStart(at);
    } else {
      this.appended.push(`version: 1${this.eol}`);
    }
    if (entry !== undefined) this.addEntry(entry);
    if (accept !== undefined) this.acceptSpelling(accept);
    if (ignore !== undefined) this.addIgnore(ignore);
    if (this.appended.length > 0) {
      const end = text.length;
      this.edits.push({ start: end, end, newText: this.breakBefore(end) + this.appended.join('') });
    }
    return this.edits;
  }

  /** The line break that text inserted at `at` needs first: one, once, at the end of a file without a final break. */
  private breakBefore(at: number): string {
    const { text, base } = this;
    if (this.finalBreak || at !== text.length || at === base || /[\r\n]$/.test(text)) return '';
    this.finalBreak = true;
    return this.eol;
  }

  /** The start of the line of `offset`; a BOM before the first line is not part of it. */
  private lineStart(offset: number): number {
    return Math.max(lineStartOf(this.text, offset), this.base);
  }

  private pair(key: string): Pair<Node, Node | null> | undefined {
    return this.root?.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair<Node, Node | null> | undefined;
  }

  private addEntry(entry: LexiconEntryAddition): void {
    this.appendEntry(entry.id, (keyIndent) => entryLines(entry, keyIndent, this.eol), () => entryFlow(entry));
  }

  /** The map of the entry with this id in `entries`, if the file has one. */
  private entryWithId(id: string): YAMLMap | undefined {
    const list = this.pair('entries')?.value;
    if (!isSeq(list)) return undefined;
    for (const item of list.items) {
      if (isMap(item) && item.items.some((p) => isScalar(p.key) && p.key.value === 'id' && isScalar(p.value) && String(p.value.value).trim() === id)) return item;
    }
    return undefined;
  }

  /**
   * `accepted: [spelling]` for an id: added to the file's entry with that id when there is one
   * (into its `accepted:` list, or as a new key after its last one), else as a new
   * `merge: extend` entry.
   */
  private acceptSpelling(accept: AcceptedSpelling): void {
    const map = this.entryWithId(accept.id);
    if (map === undefined) {
      this.appendEntry(accept.id, (keyIndent) => extensionLines(accept, keyIndent, this.eol), () => extensionFlow(accept));
      return;
    }
    const key = lexiconKey(accept.spelling);
    const pair = map.items.find((p) => isScalar(p.key) && p.key.value === 'accepted') as Pair<Node, Node | null> | undefined;
    const { text, base } = this;
    if (pair !== undefined && pair.value !== null && !(isScalar(pair.value) && pair.value.value === null)) {
      const list = pair.value;
      if (!isSeq(list)) throw new LexiconRefused(`\`accepted\` of ${accept.id} is not a list: make it one (accepted: [a, b]) first.`);
      if (list.items.some((i) => isScalar(i) && typeof i.value === 'string' && lexiconKey(i.value) === key)) return;
      if (list.flow) {
        this.appendFlow(list, yamlScalar(accept.spelling, 'flow'));
        return;
      }
      const { dashIndent, gap, next } = this.blockTail(list, 'accepted');
      this.edits.push({ start: next, end: next, newText: `${dashIndent}-${gap}${yamlScalar(accept.spelling)}${this.eol}` });
      return;
    }
    const firstKey = (map.items[0] as Pair<Node, Node> | undefined)?.key;
    const keyAt = base + (firstKey?.range?.[0] ?? map.range?.[0] ?? 0);
    const keyIndent = ' '.repeat(keyAt - this.lineStart(keyAt));
    if (pair !== undefined) {
      this.fillEmpty(pair, `${keyIndent}${' '.repeat(INDENT)}- ${yamlScalar(accept.spelling)}${this.eol}`);
      return;
    }
    const written = `[${yamlScalar(accept.spelling, 'flow')}]`;
    if (map.flow) {
      const last = map.items[map.items.length - 1] as Pair<Node, Node | null> | undefined;
      const end = last?.value?.range?.[1] ?? last?.key?.range?.[1];
      if (end === undefined) throw new LexiconRefused(`Cannot find the end of the entry ${accept.id} in the workspace lexicon.`);
      this.edits.push({ start: base + end, end: base + end, newText: `, accepted: ${written}` });
      return;
    }
    const next = restOfLine(text, base + (map.range?.[1] ?? 0));
    if (next === undefined) throw new LexiconRefused(`Unexpected text after the entry ${accept.id} in the workspace lexicon.`);
    this.edits.push({ start: next, end: next, newText: `${this.breakBefore(next)}${keyIndent}accepted: ${written}${this.eol}` });
  }

  /** A new item of `entries` (creating the list when needed), unless an entry with this id is there already. */
  private appendEntry(id: string, linesAt: (keyIndent: string) => string[], flow: () => string): void {
    const pair = this.pair('entries');
    const indent = ' '.repeat(this.rootColumn);
    const step = ' '.repeat(INDENT);
    if (pair === undefined || pair.value === null || (isScalar(pair.value) && pair.value.value === null)) {
      const lines = linesAt(indent + step + step);
      const item = `${indent}${step}- ${lines.join('')}`;
      if (pair === undefined) this.appended.push(`${indent}entries:${this.eol}${item}`);
      else this.fillEmpty(pair, item);
      return;
    }
    const list = pair.value;
    if (!isSeq(list)) throw new LexiconRefused('`entries` is not a list: fix the workspace lexicon first.');
    if (this.entryWithId(id) !== undefined) return;
    if (list.flow) {
      this.appendFlow(list, flow());
      return;
    }
    const { dashIndent, gap, next } = this.blockTail(list, 'entries');
    // The new entry's keys line up with those of the first entry that is a map.
    const firstMap = list.items.find((i) => isMap(i)) as YAMLMap | undefined;
    const keyAt = firstMap ? this.base + (firstMap.range?.[0] ?? 0) : undefined;
    const keyColumn = keyAt !== undefined ? keyAt - this.lineStart(keyAt) : dashIndent.length + 1 + gap.length;
    const entryGap = ' '.repeat(Math.max(1, keyColumn - dashIndent.length - 1));
    const lines = linesAt(' '.repeat(dashIndent.length + 1 + entryGap.length));
    this.edits.push({ start: next, end: next, newText: `${dashIndent}-${entryGap}${lines.join('')}` });
  }

  private addIgnore(term: string): void {
    const pair = this.pair('ignore');
    const indent = ' '.repeat(this.rootColumn);
    const item = `${indent}${' '.repeat(INDENT)}- ${yamlScalar(term)}${this.eol}`;
    if (pair === undefined) {
      this.appended.push(`${indent}ignore:${this.eol}${item}`);
      return;
    }
    const list = pair.value;
    if (list === null || (isScalar(list) && list.value === null)) {
      this.fillEmpty(pair, item);
      return;
    }
    if (!isSeq(list)) throw new LexiconRefused('`ignore` is not a list: make it one (ignore: [a, b]) first.');
    const key = lexiconKey(term);
    if (list.items.some((i) => isScalar(i) && typeof i.value === 'string' && lexiconKey(i.value) === key)) return;
    if (list.flow) {
      this.appendFlow(list, yamlScalar(term, 'flow'));
      return;
    }
    const { dashIndent, gap, next } = this.blockTail(list, 'ignore');
    this.edits.push({ start: next, end: next, newText: `${dashIndent}-${gap}${yamlScalar(term)}${this.eol}` });
  }

  /** `key:`, `key: ~` or `key: null`: the `~` goes, the items follow the key's line. */
  private fillEmpty(pair: Pair<Node, Node | null>, items: string): void {
    const { text, base } = this;
    const keyEnd = base + (pair.key.range?.[1] ?? 0);
    const colon = text.indexOf(':', keyEnd);
    const value = pair.value?.range;
    if (value && value[1] > value[0] && !/[\r\n]/.test(text.slice(colon + 1, base + value[0]))) {
      this.edits.push({ start: colon + 1, end: base + value[1], newText: '' });
    }
    const next = restOfLine(text, Math.max(colon + 1, base + (value?.[1] ?? 0)));
    if (next === undefined) throw new LexiconRefused('Unexpected text after an empty key of the workspace lexicon.');
    this.edits.push({ start: next, end: next, newText: this.breakBefore(next) + items });
  }

  /** Where a block list ends (after its last item's lines), and how its items are indented. */
  private blockTail(list: YAMLSeq, key: string): { dashIndent: string; gap: string; next: number } {
    const { text, base } = this;
    const token = list.srcToken;
    // Comment lines after the last item come as an item with no `-`: the last `-` is what counts.
    const dashes = token?.type === 'block-seq' ? token.items.map((it) => it.start.find((t) => t.type === 'seq-item-ind')).filter((t) => t !== undefined) : [];
    const dash = dashes[dashes.length - 1];
    const lastNode = list.items[list.items.length - 1] as Node | null | undefined;
    const range = lastNode?.range;
    if (dash === undefined || !range) throw new LexiconRefused(`Cannot find the end of \`${key}\` in the workspace lexicon.`);
    const d = base + dash.offset;
    const dashIndent = text.slice(this.lineStart(d), d);
    if (!/^ *$/.test(dashIndent)) throw new LexiconRefused(`\`${key}\` items do not start their lines; add by hand.`);
    const valueStart = base + range[0];
    const between = text.slice(d + 1, valueStart);
    const gap = /^ +$/.test(between) ? between : ' ';
    const next = restOfLine(text, base + range[1]);
    if (next === undefined) throw new LexiconRefused(`Unexpected text after the last item of \`${key}\`.`);
    const lineBreak = this.breakBefore(next);
    if (lineBreak !== '') this.edits.push({ start: next, end: next, newText: lineBreak });
    return { dashIndent, gap, next };
  }

  /** `[a, b]` gets `, x` after its last item (or `x` inside `[]`). */
  private appendFlow(list: YAMLSeq, written: string): void {
    const last = list.items[list.items.length - 1] as Node | null | undefined;
    const base = this.base;
    if (last?.range) {
      this.edits.push({ start: base + last.range[1], end: base + last.range[1], newText: `, ${written}` });
      return;
    }
    const open = base + (list.range?.[0] ?? 0);
    if (this.text.charCodeAt(open) !== 91) throw new LexiconRefused('Cannot find the `[` of a flow list in the workspace lexicon.');
    this.edits.push({ start: open + 1, end: open + 1, newText: written });
  }
}
