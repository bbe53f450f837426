/**
 * Property tests of front-matter writing (issue 3). fast-check generates documents with random
 * front matter (comments on every kind of line, flow and block lists at several indentations,
 * empty values, CRLF, a BOM, a missing final line break, Unicode including astral and
 * right-to-left text, unrelated keys, plain and quoted scalars) and random entity sets, and checks
 * that tagging them:
 * - only inserts the new items and keys (it deletes nothing but a `~`/`null` placeholder or the
 *   blank inside `[ ]`), so every other byte of the document is kept;
 * - parses, with `yaml` and with gray-matter, into exactly the expected arrays, other keys unchanged;
 * - is a no-op the second time.
 * Removals keep every comment that is not on a removed item's own line.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import matter from 'gray-matter';
import { parse } from 'yaml';
import { planTagChange, yamlScalar, type TagChange } from '#core/frontMatter/edits';
import { IGNORE_KEY, readFrontMatter, type FrontMatter } from '#core/frontMatter/model';
import type { FrontMatterKeys } from '#core/settings';
import { applyEdits, type TextEdit } from '#core/textEdit';
import { CATEGORIES, type Category } from '#core/types';

const KEYS: FrontMatterKeys = { actor: 'actors', country: 'countries', region: 'regions', threat: 'threats' };
const SEED = 20250417;
const RUNS = 300;

/** Tag-like values: ids, names with accents, Arabic (right to left), astral symbols, and YAML traps. */
const VALUES = [
  'ES', 'MA', 'PT', 'DZ', 'NO', 'ON', 'sahel', 'west-africa', 'terrorism', 'drug-trafficking', '1e3', '2025',
  'Guardia Civil', 'Direction générale de la Sûreté nationale', "Ministère de l'Intérieur", 'الإرهاب', 'المغرب',
  'שלום', '😀 Équipe', '𝔘𝔫𝔦𝔱é', 'yes', 'null', 'a: b', 'x #y', '[draft]', '- dash', 'Sûreté, nationale', '"quoted"',
];
/** Letters for free text (comments, unrelated values): accents, RTL, astral, and YAML punctuation. */
const CHARS = [...'abcXYZ éûçÑ-_.\'":#,[]{}&*!|>%@`', 'ا', 'ل', 'م', 'ש', 'ל', '😀', '𝔘', '\u200f', 'é'];

type Style = 'plain' | 'single' | 'double';

/** A scalar in a given style (plain only when YAML reads it back unchanged in that context). */
function written(value: string, style: Style, context: 'block' | 'flow'): string {
  if (style === 'plain' && yamlScalar(value, context) === value) return value;
  if (style === 'single') return `'${value.replace(/'/g, "''")}'`;
  return JSON.stringify(value);
}

const freeText = fc.array(fc.constantFrom(...CHARS), { minLength: 0, maxLength: 12 }).map((cs) => cs.join(''));
const style = fc.constantFrom<Style>('plain', 'plain', 'single', 'double');
const comment = fc.option(freeText, { nil: undefined, freq: 2 });

interface ItemSpec {
  value: string;
  style: Style;
  comment: string | undefined;
  before: string | undefined;
}

interface ListSpec {
  kind: 'list';
  key: string;
  form: 'block' | 'flow' | 'none' | 'tilde' | 'null' | 'brackets' | 'spaced-brackets';
  indent: number;
  gap: string;
  items: ItemSpec[];
  keyComment: string | undefined;
  after: string | undefined;
  trailingComma: boolean;
  tight: boolean;
}

interface OtherSpec {
  kind: 'other';
  key: string;
  form: 'scalar' | 'list' | 'map';
  value: string;
  style: Style;
  comment: string | undefined;
}

interface CommentSpec {
  kind: 'comment';
  text: string;
}

type Segment = ListSpec | OtherSpec | CommentSpec;

interface DocSpec {
  eol: '\n' | '\r\n';
  bom: boolean;
  frontMatter: boolean;
  segments: Segment[];
  body: string[];
  finalBreak: boolean;
}

const itemSpec = fc.record({ value: fc.constantFrom(...VALUES), style, comment, before: fc.option(freeText, { nil: undefined, freq: 5 }) });

const listSpec = (key: string) =>
  fc.record({
    kind: fc.constant('list' as const),
    key: fc.constant(key),
    form: fc.constantFrom('block', 'block', 'flow', 'flow', 'none', 'tilde', 'null', 'brackets', 'spaced-brackets') as fc.Arbitrary<ListSpec['form']>,
    indent: fc.constantFrom(0, 2, 2, 4),
    gap: fc.constantFrom(' ', ' ', '  '),
    items: fc.uniqueArray(itemSpec, { maxLength: 4, selector: (i) => i.value.toLowerCase() }),
    keyComment: comment,
    after: fc.option(freeText, { nil: undefined, freq: 4 }),
    trailingComma: fc.boolean(),
    tight: fc.boolean(),
  });

const otherSpec = (key: string) =>
  fc.record({
    kind: fc.constant('other' as const),
    key: fc.constant(key),
    form: fc.constantFrom('scalar', 'scalar', 'list', 'map') as fc.Arbitrary<OtherSpec['form']>,
    value: freeText,
    style,
    comment,
  });

const MANAGED = [...CATEGORIES.map((c) => KEYS[c]), IGNORE_KEY];
const OTHERS = ['title', 'lang', 'author', 'summary', 'tags', 'meta', 'slug', 'weight'];

const segments: fc.Arbitrary<Segment[]> = fc
  .tuple(fc.subarray(MANAGED), fc.subarray(OTHERS), fc.array(freeText, { maxLength: 3 }))
  .chain(([managed, others, comments]) =>
    fc.tuple(
      fc.tuple(...managed.map(listSpec)),
      fc.tuple(...others.map(otherSpec)),
      fc.constant(comments.map((text): CommentSpec => ({ kind: 'comment', text }))),
    ),
  )
  .chain(([lists, others, comments]) => fc.shuffledSubarray<Segment>([...lists, ...others, ...comments], { minLength: lists.length + others.length + comments.length }));

const docSpec: fc.Arbitrary<DocSpec> = fc.record({
  eol: fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
  bom: fc.boolean(),
  frontMatter: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
  segments,
  body: fc.array(freeText.map((t) => t.replace(/^[-\s]+/, '')), { maxLength: 3 }),
  finalBreak: fc.boolean(),
});

/** Numbers comments so that each can be found again after the edit. */
class CommentCounter {
  n = 0;
  readonly all: { text: string; item?: ItemSpec }[] = [];
  make(text: string | undefined, item?: ItemSpec): string {
    if (text === undefined) return '';
    const full = `# c${this.n++} ${text}`;
    this.all.push(item === undefined ? { text: full } : { text: full, item });
    return full;
  }
}

function renderList(spec: ListSpec, comments: CommentCounter): string[] {
  const keyComment = spec.keyComment !== undefined ? ` ${comments.make(spec.keyComment)}` : '';
  const pad = ' '.repeat(spec.indent);
  const lines: string[] = [];
  switch (spec.form) {
    case 'block': {
      if (spec.items.length === 0) return [`${spec.key}: []${keyComment}`];
      lines.push(`${spec.key}:${keyComment}`);
      for (const item of spec.items) {
        if (item.before !== undefined) lines.push(`${pad}${comments.make(item.before)}`);
        const c = item.comment !== undefined ? `  ${comments.make(item.comment, item)}` : '';
        lines.push(`${pad}-${spec.gap}${written(item.value, item.style, 'block')}${c}`);
      }
      if (spec.after !== undefined) lines.push(`${pad}${comments.make(spec.after)}`);
      return lines;
    }
    case 'flow': {
      const sep = spec.tight ? ',' : ', ';
      const inner = spec.items.map((i) => written(i.value, i.style, 'flow')).join(sep);
      const trailing = spec.trailingComma && spec.items.length > 0 ? sep : '';
      return [`${spec.key}: [${inner}${trailing}]${keyComment}`];
    }
    case 'none':
      return [`${spec.key}:${keyComment}`];
    case 'tilde':
      return [`${spec.key}: ~${keyComment}`];
    case 'null':
      return [`${spec.key}: null${keyComment}`];
    case 'brackets':
      return [`${spec.key}: []${keyComment}`];
    case 'spaced-brackets':
      return [`${spec.key}: [ ]${keyComment}`];
  }
}

function renderOther(spec: OtherSpec, comments: CommentCounter): string[] {
  const c = spec.comment !== undefined ? ` ${comments.make(spec.comment)}` : '';
  const value = written(spec.value, spec.style, 'block');
  if (spec.form === 'scalar') return [`${spec.key}: ${value}${c}`];
  if (spec.form === 'list') return [`${spec.key}:${c}`, `  - ${value}`, '  - other'];
  return [`${spec.key}:${c}`, `  inner: ${value}`, `  count: 3`];
}

/** The document text of a spec, and its comments. */
function render(spec: DocSpec): { text: string; comments: CommentCounter } {
  const comments = new CommentCounter();
  const lines: string[] = [];
  if (spec.frontMatter) {
    lines.push('---');
    for (const segment of spec.segments) {
      if (segment.kind === 'list') lines.push(...renderList(segment, comments));
      else if (segment.kind === 'other') lines.push(...renderOther(segment, comments));
      else lines.push(comments.make(segment.text));
    }
    lines.push('---');
  }
  lines.push(...spec.body);
  let text = lines.join(spec.eol);
  if (spec.finalBreak || (spec.frontMatter && spec.body.length === 0)) text += spec.eol;
  return { text: (spec.bom ? '\uFEFF' : '') + text, comments };
}

/** The values of every managed key as our reader sees them. */
function managedValues(fm: FrontMatter): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of CATEGORIES) out.set(KEYS[c], fm.tags[c].map((t) => t.value));
  out.set(IGNORE_KEY, fm.ignore.map((t) => t.value));
  return out;
}

/**
 * The expected list: kept values, then the added ones not already there (case and NFC aside). A
 * value both removed and added stays where it is.
 */
function expectedList(existing: readonly string[], add: readonly string[], remove: ReadonlySet<string>): string[] {
  const adding = new Set(add.map((v) => v.normalize('NFC').toLowerCase()));
  const kept = existing.filter((v) => !remove.has(v) || adding.has(v.normalize('NFC').toLowerCase()));
  const have = new Set(kept.map((v) => v.normalize('NFC').toLowerCase()));
  const out = [...kept];
  for (const v of add) {
    const k = v.normalize('NFC').toLowerCase();
    if (!have.has(k)) {
      have.add(k);
      out.push(v);
    }
  }
  return out;
}

function grayData(text: string): Record<string, unknown> {
  return matter(text, {}).data as Record<string, unknown>;
}

/** The unrelated keys of a front matter, read by `yaml`. */
function unrelated(text: string, fm: FrontMatter): Record<string, unknown> {
  if (fm.block === undefined) return {};
  const data = (parse(text.slice(fm.block.contentStart, fm.block.contentEnd)) ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(data).filter(([k]) => !MANAGED.includes(k)));
}

const addSet = fc.record({
  actor: fc.uniqueArray(fc.constantFrom(...VALUES), { maxLength: 4 }),
  country: fc.uniqueArray(fc.constantFrom(...VALUES), { maxLength: 4 }),
  region: fc.uniqueArray(fc.constantFrom(...VALUES), { maxLength: 3 }),
  threat: fc.uniqueArray(fc.constantFrom(...VALUES), { maxLength: 3 }),
  ignore: fc.uniqueArray(fc.constantFrom(...VALUES), { maxLength: 2 }),
});

/** Plans and applies a change; the plan must not be refused on these well-formed documents. */
function apply(text: string, change: TagChange): { after: string; edits: TextEdit[] } {
  const plan = planTagChange(text, readFrontMatter(text, KEYS), change, KEYS);
  if ('error' in plan) assert.fail(`refused: ${plan.error}\n${JSON.stringify(text)}`);
  return { after: applyEdits(text, plan.edits), edits: plan.edits };
}

/** Checks the result of a change: both readers, unrelated keys, comments, and a second application. */
function checkResult(before: string, after: string, change: TagChange, removedItems: Set<ItemSpec>, comments: CommentCounter): void {
  const fmBefore = readFrontMatter(before, KEYS);
  const fmAfter = readFrontMatter(after, KEYS);
  assert.notEqual(fmAfter.status, 'invalid', JSON.stringify(after));
  const valuesBefore = managedValues(fmBefore);
  const valuesAfter = managedValues(fmAfter);
  const gray = grayData(after);
  for (const key of MANAGED) {
    const category = CATEGORIES.find((c) => KEYS[c] === key);
    const add = category ? change.add?.[category] ?? [] : change.addIgnore ?? [];
    const remove = new Set(category ? change.remove?.[category] ?? [] : []);
    const expected = expectedList(valuesBefore.get(key)!, add, remove);
    assert.deepEqual(valuesAfter.get(key), expected, `yaml reads ${key}`);
    if (expected.length > 0) assert.deepEqual(gray[key], expected, `gray-matter reads ${key}`);
    else assert.ok(gray[key] === undefined || gray[key] === null || (Array.isArray(gray[key]) && gray[key].length === 0), `gray-matter reads ${key}`);
  }
  assert.deepEqual(unrelated(after, fmAfter), unrelated(before, fmBefore), 'unrelated keys are unchanged');
  const grayBefore = grayData(before);
  for (const key of Object.keys(grayBefore)) if (!MANAGED.includes(key)) assert.deepEqual(gray[key], grayBefore[key], `gray-matter reads ${key} unchanged`);
  for (const c of comments.all) {
    if (c.item !== undefined && removedItems.has(c.item)) continue;
    assert.ok(after.includes(c.text), `comment kept: ${c.text}`);
  }
  assert.equal(after.charCodeAt(0) === 0xfeff, before.charCodeAt(0) === 0xfeff, 'the BOM stays');
  const again = planTagChange(after, fmAfter, change, KEYS);
  assert.deepEqual(again, { edits: [] }, 'a second application changes nothing');
}

describe('front matter edits: properties', function () {
  this.timeout(60_000);

  it('tag-all only inserts the new items, parses as expected with yaml and gray-matter, and is idempotent', () => {
    fc.assert(
      fc.property(docSpec, addSet, (spec, adds) => {
        const { text, comments } = render(spec);
        const change: TagChange = { add: { actor: adds.actor, country: adds.country, region: adds.region, threat: adds.threat }, addIgnore: adds.ignore };
        const { after, edits } = apply(text, change);
        // Nothing but a placeholder is ever deleted, and what is inserted is only new keys and items.
        const addedForms = [...adds.actor, ...adds.country, ...adds.region, ...adds.threat, ...adds.ignore]
          .flatMap((v) => [yamlScalar(v, 'block'), yamlScalar(v, 'flow')])
          .sort((a, b) => b.length - a.length);
        for (const edit of edits) {
          assert.match(text.slice(edit.start, edit.end), /^[ \t]*(?:~|null)?$/, 'only a placeholder is replaced');
          let rest = edit.newText.replace(/---/g, '');
          for (const key of MANAGED) rest = rest.split(`${key}:`).join('');
          for (const form of addedForms) rest = rest.split(form).join('');
          assert.match(rest, /^[\s,[\]-]*$/, `the insertion holds only new keys and items: ${JSON.stringify(edit.newText)}`);
        }
        // Every byte of the original is still there, in order.
        let at = 0;
        for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
          const kept = text.slice(at, edit.start);
          assert.ok(after.includes(kept));
          at = edit.end;
        }
        checkResult(text, after, change, new Set(), comments);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('removing tags keeps every other comment and value, and is idempotent', () => {
    const withRemovals = docSpec.filter((s) => s.frontMatter).chain((spec) => {
      const lists = spec.segments.filter((s): s is ListSpec => s.kind === 'list' && s.key !== IGNORE_KEY && (s.form === 'block' || s.form === 'flow'));
      return fc.tuple(fc.constant(spec), fc.tuple(...lists.map((l) => fc.subarray(l.items))), addSet);
    });
    fc.assert(
      fc.property(withRemovals, ([spec, removedPerList, adds]) => {
        const { text, comments } = render(spec);
        const lists = spec.segments.filter((s): s is ListSpec => s.kind === 'list' && s.key !== IGNORE_KEY && (s.form === 'block' || s.form === 'flow'));
        const remove: Partial<Record<Category, string[]>> = {};
        const removedItems = new Set<ItemSpec>();
        lists.forEach((list, i) => {
          const category = CATEGORIES.find((c) => KEYS[c] === list.key)!;
          remove[category] = removedPerList[i]!.map((item) => item.value);
          for (const item of removedPerList[i]!) removedItems.add(item);
        });
        const change: TagChange = { remove, add: { country: adds.country, threat: adds.threat } };
        const { after } = apply(text, change);
        checkResult(text, after, change, removedItems, comments);
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
  });
});
