/**
 * The parsed form of a lexicon file: a plain tree of scalars, mappings and sequences, each with
 * its source offsets, so that validation can name the line and column of every problem.
 *
 * Three roads lead to the same tree:
 * - YAML text, through the `yaml` Document API (aliases resolved here, on a budget);
 * - the compact JSON the generator writes for countries.generated.yaml (JSON is YAML 1.2), read
 *   with JSON.parse because the YAML composer would spend most of the 150 ms load budget on it;
 * - a snapshot tree from server/lexicon/lexicon.snapshot.json, which `npm run build:lexicon`
 *   writes for the hand-written built-in files and the Node loader matches to the text by hash.
 * Validation (parse.ts) only ever sees the tree, so the three roads cannot disagree.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document } from 'yaml';

/** A scalar: `v` is its value, `src` its source spelling when the value is a number or boolean. */
export interface TreeScalar {
  k: 's';
  /** Offsets [s, e) in the text. */
  s: number;
  e: number;
  v: string | number | boolean | null;
  src?: string;
}

export interface TreeMap {
  k: 'm';
  s: number;
  e: number;
  items: [TreeNode | null, TreeNode | null][];
}

export interface TreeSeq {
  k: 'q';
  s: number;
  e: number;
  items: (TreeNode | null)[];
}

export type TreeNode = TreeScalar | TreeMap | TreeSeq;

/** A message of the YAML parser, at an offset. */
export interface TreeMessage {
  offset: number;
  message: string;
}

/** A parsed lexicon file, as stored in the snapshot. */
export interface SourceTree {
  root: TreeNode | null;
  errors: TreeMessage[];
  warnings: TreeMessage[];
}

/** Thrown when a file uses aliases beyond the budget ("billion laughs"). */
export class AliasBudgetExceeded extends Error {}

/** Bounds the work an alias bomb can cause: each alias use costs one unit (the spirit of yaml's maxAliasCount). */
export const MAX_ALIAS_USES = 200;

/** Line starts of a text, for offset -> line/column. */
export function countLines(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  return lines;
}

function firstLine(s: string): string {
  const nl = s.indexOf('\n');
  return nl < 0 ? s : s.slice(0, nl);
}

/** Parses YAML text into a tree (aliases resolved, at most MAX_ALIAS_USES of them). May throw AliasBudgetExceeded. */
export function treeFromYaml(text: string): SourceTree {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, version: '1.2' });
  const budget = { left: MAX_ALIAS_USES };
  const errors = doc.errors.map((e) => ({ offset: e.pos?.[0] ?? 0, message: firstLine(e.message) }));
  const warnings = doc.warnings.map((w) => ({ offset: w.pos?.[0] ?? 0, message: firstLine(w.message) }));
  return { root: fromYamlNode(doc.contents, doc, budget), errors, warnings };
}

function fromYamlNode(node: unknown, doc: Document.Parsed, budget: { left: number }): TreeNode | null {
  let n = node;
  while (isAlias(n)) {
    if (--budget.left < 0) throw new AliasBudgetExceeded();
    n = n.resolve(doc);
  }
  if (isScalar(n)) {
    const [s, , e] = n.range ?? [0, 0, 0];
    const value = n.value;
    if (value === null || typeof value === 'string') return { k: 's', s, e, v: value };
    if (typeof value === 'number' || typeof value === 'boolean') return { k: 's', s, e, v: value, src: n.source ?? String(value) };
    return { k: 's', s, e, v: String(value) };
  }
  if (isMap(n)) {
    const [s, , e] = n.range ?? [0, 0, 0];
    return { k: 'm', s, e, items: n.items.map((p) => [fromYamlNode(p.key, doc, budget), fromYamlNode(p.value, doc, budget)]) };
  }
  if (isSeq(n)) {
    const [s, , e] = n.range ?? [0, 0, 0];
    return { k: 'q', s, e, items: n.items.map((it) => fromYamlNode(it, doc, budget)) };
  }
  return null;
}

/**
 * Reads a file written as JSON after `#` comment lines (countries.generated.yaml). Every node of
 * an entry is placed at the `{` of that entry, so problems point at the entry's line.
 * Returns null when the text is not such a file; it then goes through the YAML parser.
 */
export function treeFromCompactJson(text: string): SourceTree | null {
  let start = 0;
  for (;;) {
    while (start < text.length && (text[start] === ' ' || text[start] === '\t')) start++;
    if (text[start] === '#' || text[start] === '\r' || text[start] === '\n') {
      const nl = text.indexOf('\n', start);
      if (nl < 0) return null;
      start = nl + 1;
      continue;
    }
    break;
  }
  if (text[start] !== '{') return null;
  let value: unknown;
  try {
    value = JSON.parse(text.slice(start));
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const entryOffsets = objectOffsetsAtDepth(text, start, 2);
  const entries = (value as Record<string, unknown>)['entries'];
  const placed = Array.isArray(entries) && entries.length === entryOffsets.length;
  const root: TreeMap = { k: 'm', s: start, e: text.length, items: [] };
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    let valueNode: TreeNode;
    if (key === 'entries' && placed) {
      valueNode = { k: 'q', s: start, e: text.length, items: (entries as unknown[]).map((entry, i) => fromJson(entry, entryOffsets[i]!)) };
    } else {
      valueNode = fromJson(v, start);
    }
    root.items.push([{ k: 's', s: start, e: start, v: key }, valueNode]);
  }
  return { root, errors: [], warnings: [] };
}

/** Offsets of the `{` that open objects at nesting depth `depth` (the entries of `{"entries": [...]}` are at 2). */
function objectOffsetsAtDepth(text: string, from: number, depth: number): number[] {
  const offsets: number[] = [];
  let level = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (c === 0x7b && level === depth) offsets.push(i);
      level++;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      level--;
    }
  }
  return offsets;
}

function fromJson(value: unknown, at: number): TreeNode {
  if (Array.isArray(value)) return { k: 'q', s: at, e: at, items: value.map((v) => fromJson(v, at)) };
  if (value !== null && typeof value === 'object') {
    return { k: 'm', s: at, e: at, items: Object.entries(value).map(([k, v]) => [{ k: 's', s: at, e: at, v: k }, fromJson(v, at)]) };
  }
  if (typeof value === 'number' || typeof value === 'boolean') return { k: 's', s: at, e: at, v: value, src: String(value) };
  return { k: 's', s: at, e: at, v: typeof value === 'string' ? value : null };
}

/**
 * Checks that a snapshot tree has the expected shape and offsets within `textLength`, so a
 * damaged snapshot is rejected (the text is then parsed) instead of confusing validation.
 */
export function isSourceTree(tree: unknown, textLength: number): tree is SourceTree {
  if (tree === null || typeof tree !== 'object') return false;
  const t = tree as Partial<SourceTree>;
  const messagesOk = (m: unknown): boolean =>
    Array.isArray(m) && m.every((x) => x !== null && typeof x === 'object' && typeof (x as TreeMessage).offset === 'number' && typeof (x as TreeMessage).message === 'string');
  return messagesOk(t.errors) && messagesOk(t.warnings) && (t.root === null || isTreeNode(t.root, textLength));
}

function isTreeNode(n: unknown, max: number): boolean {
  if (n === null || typeof n !== 'object') return false;
  const node = n as TreeNode;
  if (typeof node.s !== 'number' || typeof node.e !== 'number' || node.s < 0 || node.e > max) return false;
  switch (node.k) {
    case 's':
      return node.v === null || typeof node.v === 'string' || typeof node.v === 'number' || typeof node.v === 'boolean';
    case 'm':
      return Array.isArray(node.items) && node.items.every((p) => Array.isArray(p) && p.length === 2 && (p[0] === null || isTreeNode(p[0], max)) && (p[1] === null || isTreeNode(p[1], max)));
    case 'q':
      return Array.isArray(node.items) && node.items.every((x) => x === null || isTreeNode(x, max));
    default:
      return false;
  }
}
