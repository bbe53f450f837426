/**
 * Writing front matter: minimal text edits planned on the layout that model.ts reads with the
 * `yaml` library's Document and CST APIs (issue 3, "nothing is ever lost").
 *
 * An edit touches only the items that change: a new block item is one inserted line at the
 * list's own indentation and `- ` spacing; a new flow item is `, x` after the last item; a removed
 * block item is its own line(s), a removed flow item the item and one comma. Everything else
 * (comments, key order, unrelated keys, quoting, line endings, BOM, trailing newline) is never
 * part of an edit, so it survives byte for byte.
 *
 * Order rules: new items are appended to their list in the order given; new keys go after the
 * last managed key present (or at the end of the block) in the order actors, countries, regions,
 * threats, then `communique-ignore`; keys of `set` (`date:` first when it comes from the legacy
 * header) become the first keys of the block; a new block goes at the very start, after a BOM.
 *
 * Every plan is checked before it is returned: the edits are applied to a copy, the copy is read
 * again, and unless it parses into exactly the expected lists the plan is refused. A layout the
 * planner does not understand therefore costs the user a message, never their front matter.
 */
import { isScalar, isSeq, parseDocument, stringify } from 'yaml';
import type { FrontMatterKeys } from '../settings';
import { applyEdits, type TextEdit } from '../textEdit';
import { CATEGORIES, type Category } from '../types';
import { analyzeFrontMatter, IGNORE_KEY, type FrontMatter, type FrontMatterLayout, type ListSite, type SiteItem } from './model';

/** The changes a fix makes to a document's front matter. */
export interface TagChange {
  /** Values to add (ids for countries/regions/threats, canonical names for actors). */
  add?: Partial<Record<Category, string[]>>;
  /** Values to remove (exact values as written). */
  remove?: Partial<Record<Category, string[]>>;
  /** `communique-ignore` items to add. */
  addIgnore?: string[];
  /** Scalar keys to set if absent: e.g. { communique: true }, { date: '2025-04' }. */
  set?: Record<string, string | boolean>;
  /** Delete the legacy `date YYYY-MM` first line (with its line break); its date becomes `date:`. */
  removeHeader?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Scalars.

/** Where a new scalar is written: a block item or map value, a flow list item, or a map key. */
export type ScalarContext = 'block' | 'flow' | 'key';

const SCALAR_PROBE = { prettyErrors: false, uniqueKeys: false } as const;

/** Whether `written` reads back as the string `value` in `context`, under YAML 1.2 and 1.1 alike. */
function readsBack(written: string, value: string, context: ScalarContext): boolean {
  if (/[\r\n]/.test(written)) return false;
  const source = context === 'flow' ? `[${written}]` : context === 'key' ? `${written}: x` : `- ${written}`;
  // YAML 1.1 too: gray-matter (js-yaml) and many site generators read `NO`, `yes`, `on`, `1:30`
  // and `2025-04-01` as booleans, numbers and dates. A value must be a string to both.
  for (const version of ['1.2', '1.1'] as const) {
    const doc = parseDocument(source, { ...SCALAR_PROBE, version });
    if (doc.errors.length > 0 || doc.warnings.length > 0) return false;
    const root = doc.contents;
    let node: unknown;
    if (context === 'key') node = root !== null && 'items' in root && root.items.length === 1 ? (root.items[0] as { key?: unknown }).key : undefined;
    else node = isSeq(root) && root.items.length === 1 ? root.items[0] : undefined;
    if (!isScalar(node) || node.value !== value) return false;
  }
  return true;
}

/**
 * A string as a YAML scalar for `context`: plain when YAML 1.2 and 1.1 both read it back as that
 * string (`Ministère de l'Intérieur`, `ES`), quoted otherwise (`"NO"`, `"1e3"`, `"a: b"`), using the
 * `yaml` library's own stringification. Never folded over several lines.
 */
export function yamlScalar(value: string, context: ScalarContext = 'block'): string {
  const base = { version: '1.1', lineWidth: 0, minContentWidth: 0, blockQuote: false } as const;
  const candidates = [
    () => stringify(value, base),
    () => stringify(value, { ...base, defaultStringType: 'QUOTE_DOUBLE' }),
    () => stringify(value, { ...base, defaultStringType: 'QUOTE_DOUBLE', version: '1.2' }),
  ];
  for (const candidate of candidates) {
    const written = candidate().replace(/\n$/, '');
    if (readsBack(written, value, context)) return written;
  }
  // JSON strings are YAML double-quoted scalars.
  return JSON.stringify(value);
}

// ---------------------------------------------------------------------------------------------
// Planning.

/** A plan that cannot be made safely; its message is shown to the user. */
class PlanRefused extends Error {}

/** What the front matter must say once the edits are applied, to check the plan. */
interface Expectation {
  lists: Map<string, string[]>;
  scalars: Map<string, string | boolean>;
}

/** A tag compared for "already there": case and Unicode normalisation do not make a new tag. */
function tagKey(value: string): string {
  return value.normalize('NFC').toLowerCase();
}

/** The values of a list, cleaned: strings only, trimmed, no empty ones, no repeats. */
function cleanValues(values: unknown): string[] {
  if (!Array.isArray(values)) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const value = v.trim();
    if (value === '' || seen.has(tagKey(value))) continue;
    seen.add(tagKey(value));
    out.push(value);
  }
  return out;
}

/** One managed list to change: its key and the values to add and remove. */
interface ListChange {
  key: string;
  add: string[];
  remove: Set<string>;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The change of the list under `key`, created empty on first use. */
function listChange(lists: ListChange[], key: string): ListChange {
  let list = lists.find((l) => l.key === key);
  if (list === undefined) lists.push((list = { key, add: [], remove: new Set() }));
  return list;
}

/** The 1-based line of an offset. */
function lineNumber(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Why an invalid front matter is not edited, with the line of its first problem. */
function refusal(text: string, fm: FrontMatter): string {
  const problem = fm.problems[0];
  if (problem === undefined) return 'The front matter cannot be read: fix it first.';
  return `The front matter does not parse (line ${lineNumber(text, problem.start)}): ${problem.message.replace(/\.$/, '')}. Fix it first.`;
}

/**
 * Minimal text edits that apply a TagChange to the document's front matter, creating the block or
 * keys when missing. Everything outside the changed items is kept byte for byte: comments, key
 * order, unrelated keys, quoting and scalar style, flow `[a, b]` or block `- a` style and
 * indentation, line endings, BOM, trailing newline. Values already present are not added again
 * (idempotent). Returns an error (and no edits) when the front matter is invalid.
 */
export function planTagChange(text: string, fm: FrontMatter, change: TagChange, keys: FrontMatterKeys): { edits: TextEdit[] } | { error: string } {
  if (typeof text !== 'string') return { error: 'No document text.' };
  if (fm.status === 'invalid') return { error: refusal(text, fm) };
  // The layout is read again from the text itself, so a FrontMatter from another version of the
  // document can never aim an edit at the wrong bytes.
  const analysis = analyzeFrontMatter(text, keys);
  const current = analysis.frontMatter;
  if (current.status === 'invalid') return { error: refusal(text, current) };

  const lists: ListChange[] = [];
  const c = change ?? {};
  for (const category of CATEGORIES) {
    // Two categories renamed to one key share one list (model.ts reads it for the first of them).
    const list = listChange(lists, keys[category]);
    list.add = cleanValues([...list.add, ...asArray(c.add?.[category])]);
    // Removals name values exactly as written (a block scalar's value ends with its line break).
    for (const v of asArray(c.remove?.[category])) if (typeof v === 'string') list.remove.add(v);
  }
  const ignoreList = listChange(lists, IGNORE_KEY);
  ignoreList.add = cleanValues([...ignoreList.add, ...asArray(c.addIgnore)]);
  // A value both added and removed stays (or comes in): removing it and adding it back at the
  // end would move it on every application, and a fix applied twice must change nothing.
  for (const list of lists) {
    const added = new Set(list.add.map(tagKey));
    for (const v of list.remove) if (added.has(tagKey(v))) list.remove.delete(v);
  }

  const scalars = new Map<string, string | boolean>();
  const header = c.removeHeader === true ? current.header : undefined;
  const headerDate = typeof c.set?.['date'] === 'string' ? c.set['date'] : header?.date;
  if (header !== undefined && headerDate !== undefined) scalars.set('date', headerDate);
  for (const [key, value] of typeof c.set === 'object' && c.set !== null ? Object.entries(c.set) : []) {
    if (key.trim() !== '' && (typeof value === 'string' || typeof value === 'boolean') && !scalars.has(key)) scalars.set(key, value);
  }

  try {
    const planner = new Planner(text, current, analysis.layout, keys);
    const expected = planner.plan(lists, scalars, header);
    const edits = planner.edits;
    if (edits.length === 0) return { edits };
    checkPlan(text, edits, keys, expected);
    return { edits };
  } catch (e) {
    if (e instanceof PlanRefused) return { error: e.message };
    return { error: `Cannot plan this front matter edit: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Applies the edits to a copy and reads it again: anything unexpected refuses the plan. */
function checkPlan(text: string, edits: readonly TextEdit[], keys: FrontMatterKeys, expected: Expectation): void {
  const after = analyzeFrontMatter(applyEdits(text, edits), keys);
  const fm = after.frontMatter;
  const fail = (what: string): never => {
    throw new PlanRefused(`Communiqué could not write this front matter safely (${what}); edit it by hand.`);
  };
  if (fm.status !== 'ok' || after.layout === undefined) fail(fm.problems[0]?.message ?? 'the result has no front matter');
  const layout = after.layout as FrontMatterLayout;
  for (const [key, values] of expected.lists) {
    const site = layout.sites.get(key);
    const got = site?.items.filter((i) => !i.empty).map((i) => i.value) ?? [];
    if (got.length !== values.length || got.some((v, i) => v !== values[i])) fail(`${key} would read [${got.join(', ')}]`);
  }
  for (const [key, value] of expected.scalars) {
    if (!layout.rootKeys.has(key)) fail(`${key} is missing`);
    if (key === 'date' && typeof value === 'string' && fm.date !== value) fail(`date would read ${fm.date ?? 'nothing'}`);
  }
}

/** Plans the edits of one TagChange on one document. */
class Planner {
  readonly edits: TextEdit[] = [];
  private readonly eol: string;

  constructor(
    private readonly text: string,
    private readonly fm: FrontMatter,
    private readonly layout: FrontMatterLayout | undefined,
    private readonly keys: FrontMatterKeys,
  ) {
    this.eol = fm.eol;
  }

  plan(lists: ListChange[], scalars: Map<string, string | boolean>, header: FrontMatter['header']): Expectation {
    const expected: Expectation = { lists: new Map(), scalars: new Map() };
    if (header !== undefined) this.edits.push({ start: header.start, end: header.end, newText: '' });
    if (this.layout === undefined) this.planNewBlock(lists, scalars, expected);
    else this.planInBlock(this.layout, lists, scalars, expected, header !== undefined);
    return expected;
  }

  /** The tag values of a key as read now (empty items are no tags). */
  private currentValues(key: string): string[] {
    if (key === IGNORE_KEY) return this.fm.ignore.map((i) => i.value);
    const category = CATEGORIES.find((c) => this.keys[c] === key);
    return category === undefined ? [] : this.fm.tags[category].map((i) => i.value);
  }

  /** The values of `change.add` that the list does not hold yet. */
  private missing(change: ListChange, present: readonly string[]): string[] {
    const have = new Set(present.filter((v) => !change.remove.has(v)).map(tagKey));
    return change.add.filter((v) => !have.has(tagKey(v)));
  }

  private planNewBlock(lists: ListChange[], scalars: Map<string, string | boolean>, expected: Expectation): void {
    const lines: string[] = [];
    for (const [key, value] of scalars) {
      lines.push(this.scalarLine('', key, value));
      expected.scalars.set(key, value);
    }
    for (const change of lists) {
      const add = this.missing(change, []);
      if (add.length === 0) continue;
      lines.push(this.newList('', change.key, add, { flow: false, indent: 2, gap: ' ' }));
      expected.lists.set(change.key, add);
    }
    if (lines.length === 0) return;
    const at = this.fm.bomLength;
    this.edits.push({ start: at, end: at, newText: `---${this.eol}${lines.join('')}---${this.eol}` });
  }

  private planInBlock(
    layout: FrontMatterLayout,
    lists: ListChange[],
    scalars: Map<string, string | boolean>,
    expected: Expectation,
    fromHeader: boolean,
  ): void {
    const rootIndent = ' '.repeat(layout.rootColumn);
    const managed = [...layout.sites.values()].filter((s) => s.kind !== 'empty');
    const style = {
      flow: managed.length > 0 && managed.every((s) => s.kind === 'flow'),
      indent: layout.blockStyle?.indent ?? 2,
      gap: layout.blockStyle?.gap ?? ' ',
    };

    // Scalar keys first: they become the first keys of the block.
    const first: string[] = [];
    for (const [key, value] of scalars) {
      if (layout.rootKeys.has(key)) {
        if (key === 'date' && fromHeader && this.fm.date !== value) {
          throw new PlanRefused(`The front matter already says date: ${this.fm.date ?? '(empty)'}, but the header says ${String(value)}: merge them by hand.`);
        }
        continue;
      }
      first.push(this.scalarLine(rootIndent, key, value));
      expected.scalars.set(key, value);
    }
    if (first.length > 0) {
      this.refuseFlowRoot(layout);
      this.edits.push({ start: layout.block.contentStart, end: layout.block.contentStart, newText: first.join('') });
    }

    // Existing lists, then new keys after the last managed key present.
    const created: string[] = [];
    for (const change of lists) {
      const site = layout.sites.get(change.key);
      const present = this.currentValues(change.key);
      const add = this.missing(change, present);
      const kept = present.filter((v) => !change.remove.has(v));
      if (site === undefined) {
        if (add.length === 0) continue;
        created.push(this.newList(rootIndent, change.key, add, style));
      } else {
        const removed = site.items.filter((i) => !i.empty && change.remove.has(i.value));
        if (add.length === 0 && removed.length === 0) continue;
        if (site.unsupported !== undefined) throw new PlanRefused(`Cannot edit ${change.key} automatically: ${site.unsupported}.`);
        if (site.anchored) throw new PlanRefused(`${change.key} carries an anchor (&) that other keys may alias: edit it by hand.`);
        if (site.kind === 'block') this.editBlock(site, add, removed);
        else if (site.kind === 'flow') this.editFlow(site, add, removed);
        else this.editEmpty(site, add, style);
      }
      expected.lists.set(change.key, [...kept, ...add]);
    }
    if (created.length > 0) {
      this.refuseFlowRoot(layout);
      const sites = [...layout.sites.values()];
      const at = sites.length > 0 ? Math.max(...sites.map((s) => s.next)) : layout.block.contentEnd;
      this.edits.push({ start: at, end: at, newText: created.join('') });
    }
  }

  private refuseFlowRoot(layout: FrontMatterLayout): void {
    if (layout.rootFlow) throw new PlanRefused('The front matter is written as one flow map `{...}`: add keys to it by hand.');
  }

  /** `key: value` on its own line. */
  private scalarLine(indent: string, key: string, value: string | boolean): string {
    const written = typeof value === 'boolean' ? String(value) : yamlScalar(value, 'block');
    return `${indent}${yamlScalar(key, 'key')}:${written === '' ? '' : ' '}${written}${this.eol}`;
  }

  /** A new key with its list, in the file's style. */
  private newList(indent: string, key: string, values: readonly string[], style: { flow: boolean; indent: number; gap: string }): string {
    const head = `${indent}${yamlScalar(key, 'key')}:`;
    if (style.flow) return `${head} [${values.map((v) => yamlScalar(v, 'flow')).join(', ')}]${this.eol}`;
    const itemIndent = indent + ' '.repeat(style.indent);
    return head + this.eol + values.map((v) => `${itemIndent}-${style.gap}${yamlScalar(v, 'block')}${this.eol}`).join('');
  }

  /** Block list: delete the removed items' lines, insert one line per new item after the last one. */
  private editBlock(site: ListSite, add: readonly string[], removed: readonly SiteItem[]): void {
    const block = site.block!;
    for (const item of removed) this.edits.push({ start: item.lines!.start, end: item.lines!.next, newText: '' });
    if (add.length > 0) {
      const lines = add.map((v) => `${block.indent}-${block.gap}${yamlScalar(v, 'block')}${this.eol}`).join('');
      this.edits.push({ start: block.next, end: block.next, newText: lines });
    } else if (removed.length === site.items.length) {
      // The last item goes: `countries: []` keeps the key and still reads as an empty list.
      this.edits.push({ start: site.colon! + 1, end: site.colon! + 1, newText: ' []' });
    }
  }

  /** Flow list: delete each removed item with one comma, append `, x` after the last item kept. */
  private editFlow(site: ListSite, add: readonly string[], removed: readonly SiteItem[]): void {
    const { text } = this;
    const flow = site.flow!;
    const items = site.items;
    const kept = items.filter((i) => !removed.includes(i));
    const inner = text.slice(flow.open + 1, flow.close);
    const sep = this.flowSeparator(site);
    if (kept.length === 0 && !inner.includes('#')) {
      // Nothing kept and no comment inside: the brackets get exactly the new items.
      this.edits.push({ start: flow.open + 1, end: flow.close, newText: add.map((v) => yamlScalar(v, 'flow')).join(sep) });
      return;
    }
    const taken = new Set<number>();
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i]!;
      if (!removed.includes(item)) continue;
      const lower = i > 0 ? items[i - 1]!.end : flow.open;
      const upper = i + 1 < items.length ? items[i + 1]!.start : flow.close;
      const after = flow.commas.find((c) => c >= item.end && c < upper && !taken.has(c));
      const before = [...flow.commas].reverse().find((c) => c >= lower && c < item.start && !taken.has(c));
      const comma = after ?? before;
      this.edits.push({ start: item.start, end: item.end, newText: '' });
      if (comma !== undefined) {
        taken.add(comma);
        this.edits.push({ start: comma, end: this.commaEnd(comma), newText: '' });
      }
    }
    if (add.length === 0) return;
    const last = kept[kept.length - 1];
    const written = add.map((v) => yamlScalar(v, 'flow'));
    if (last === undefined) this.edits.push({ start: flow.open + 1, end: flow.open + 1, newText: written.join(sep) });
    else this.edits.push({ start: last.end, end: last.end, newText: written.map((w) => sep + w).join('') });
  }

  /** A comma and the spaces after it, unless a comment follows them (`a# b` would join the comment to the value). */
  private commaEnd(comma: number): number {
    let i = comma + 1;
    while (this.text.charCodeAt(i) === 32 || this.text.charCodeAt(i) === 9) i++;
    return this.text.charCodeAt(i) === 35 ? comma + 1 : i;
  }

  /** `, ` unless the list writes its commas without a space. */
  private flowSeparator(site: ListSite): string {
    const comma = site.flow!.commas[0];
    if (comma === undefined) return ', ';
    const next = this.text.charCodeAt(comma + 1);
    return next === 32 || next === 9 || next === 10 || next === 13 ? ', ' : ',';
  }

  /** `countries:`, `countries: ~` or `countries: null` becomes a list in the file's style. */
  private editEmpty(site: ListSite, add: readonly string[], style: { flow: boolean; indent: number; gap: string }): void {
    if (add.length === 0) return;
    const colon = site.colon!;
    const value = site.emptyValue ?? { start: colon + 1, end: colon + 1 };
    const sameLine = !/[\r\n]/.test(this.text.slice(colon + 1, value.start));
    // The `~` or `null` goes; a comment after it stays where it is.
    const token = value.end > value.start ? (sameLine ? { start: colon + 1, end: value.end } : value) : undefined;
    if (style.flow) {
      const list = ` [${add.map((v) => yamlScalar(v, 'flow')).join(', ')}]`;
      this.edits.push(token !== undefined && sameLine ? { ...token, newText: list } : { start: colon + 1, end: colon + 1, newText: list });
      if (token !== undefined && !sameLine) this.edits.push({ ...token, newText: '' });
      return;
    }
    if (token !== undefined) this.edits.push({ ...token, newText: '' });
    const indent = ' '.repeat(site.keyColumn + style.indent);
    const lines = add.map((v) => `${indent}-${style.gap}${yamlScalar(v, 'block')}${this.eol}`).join('');
    this.edits.push({ start: site.next, end: site.next, newText: lines });
  }
}
