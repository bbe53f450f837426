/**
 * Lexicon files: text -> validated raw entries, with the line and column of every problem.
 *
 * Validation walks a plain source tree (sourceTree.ts) instead of `toJS()` output, so every entry
 * and every name keeps its source position (diagnostics point at the right line), and no
 * user-controlled key ever becomes a property of a plain object (`__proto__` stays data).
 * An entry with an error is skipped; an entry with only warnings loads. Nothing here throws.
 */
import type { LineCounter } from 'yaml';
import { tokenize } from '../text/tokenize';
import type { ActorType, CaseRule, Category, Lang, LexiconProblem, ThreatFrame, VariantKind } from '../types';
import {
  AliasBudgetExceeded,
  countLines,
  isSourceTree,
  MAX_ALIAS_USES,
  treeFromCompactJson,
  treeFromYaml,
  type SourceTree,
  type TreeMap,
  type TreeNode,
} from './sourceTree';

/** One lexicon file as text; `file` is how problems and entity sources name it. */
export interface LexiconSourceText {
  file: string;
  text: string;
  /**
   * The YAML of `text`, already parsed (from server/lexicon/lexicon.snapshot.json, which
   * `npm run build:lexicon` writes and the Node loader matches to `text` by hash). Only the YAML
   * step is skipped; validation runs as usual. A malformed tree falls back to parsing `text`.
   */
  tree?: SourceTree;
}

/** Which list of an entry a form comes from; decides its default kind and inflection. */
export type FormSection = 'names' | 'demonyms' | 'combining';

/** One form as written in a lexicon, before expansion. */
export interface RawForm {
  text: string;
  lang: Lang;
  section: FormSection;
  case?: CaseRule;
  kind?: VariantKind;
  preferred?: boolean;
  /**
   * `{reason?, use?}` marks the form deprecated, `use` naming the form to write instead (issue 5);
   * `false` takes back a deprecation made by an earlier layer.
   */
  deprecated?: { reason?: string; use?: string } | false;
  /** Demonyms only: `false` keeps the form as written (no generated feminine/plural). */
  inflect?: boolean;
}

/** One validated entry of one file, not yet merged with other layers. */
export interface RawEntry {
  id: string;
  file: string;
  /** 1-based position of the entry. */
  line: number;
  column: number;
  category?: Category;
  type?: ActorType;
  name?: string;
  notes?: string;
  forms: RawForm[];
  frames: ThreatFrame[];
  /** `extend` adds to an entry of an earlier layer; `replace` (default) redefines it. */
  merge: 'replace' | 'extend';
  /** Forms to remove, compared after folding. */
  exclude: string[];
  /** Actors: other spellings of the name, recognised without a `name.variant` diagnostic (issue 5). */
  accepted: string[];
  disabled: boolean;
}

/** The result of parsing one lexicon file. */
export interface ParsedLexiconFile {
  file: string;
  entries: RawEntry[];
  /** Terms never reported, as written. */
  ignore: string[];
  problems: LexiconProblem[];
}

const CATEGORY_VALUES: readonly Category[] = ['actor', 'country', 'region', 'threat'];
const ACTOR_TYPES: readonly ActorType[] = ['person', 'organization'];
const CASE_RULES: readonly CaseRule[] = ['fold', 'exact', 'capitalized'];
const KINDS: readonly VariantKind[] = ['name', 'acronym', 'demonym', 'combining'];
const ENTRY_KEYS = new Set([
  'id', 'category', 'type', 'name', 'names', 'demonyms', 'combining', 'frames', 'notes', 'merge', 'exclude', 'disabled', 'accepted',
]);
const ITEM_KEYS = new Set(['text', 'case', 'kind', 'preferred', 'deprecated', 'inflect']);
const FRAME_KEYS = new Set(['lang', 'heads', 'objects', 'window', 'objectFirstWindow']);
/** Ids are data keys written into front matter: letters, digits, and . _ : - after the first character. */
const ID_RE = /^[\p{L}\p{N}][\p{L}\p{N}._:-]*$/u;
const LANG_RE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
/**
 * The `yaml` composer reads about half a megabyte per second: a 5 MB file would block the editor
 * for ten seconds. Larger lexicons must be written as JSON (valid YAML), which has no limit.
 */
const MAX_YAML_CHARS = 2_000_000;
/**
 * The most text a lexicon may have, in any syntax (issue 6): the Node loader refuses larger files
 * by their size on disk (lexiconFiles.ts), and this refuses the unsaved text of an open lexicon.
 * Every parsed structure is bounded by it.
 */
export const MAX_LEXICON_CHARS = 16 * 1024 * 1024;
/**
 * The most entries one lexicon file loads (issue 6): the largest lexicon benchmarked (npm run
 * bench). Entries past it are not loaded, and the first of them gets the error.
 */
export const MAX_LEXICON_ENTRIES = 100_000;
/** Past this many YAML syntax errors a file is junk; listing more helps nobody. */
const MAX_SYNTAX_PROBLEMS = 10;
const DEFAULT_WINDOW = 6;
const MAX_WINDOW = 50;

/** Per-file state: positions and problems. */
class FileContext {
  readonly problems: LexiconProblem[] = [];
  constructor(
    readonly file: string,
    private readonly lines: LineCounter,
    /** The file holds nothing but white space. */
    readonly isBlank = false,
  ) {}

  position(node: TreeNode | null | undefined, fallbackOffset = 0): { line: number; column: number } {
    const pos = this.lines.linePos(node?.s ?? fallbackOffset);
    return { line: pos.line, column: pos.col };
  }

  report(node: TreeNode | null | undefined, message: string, severity: 'error' | 'warning' = 'error'): void {
    this.problems.push({ file: this.file, ...this.position(node), message, severity });
  }
}

/** Collects errors of one entry; the entry loads only when there are none. */
class EntryCheck {
  errors = 0;
  constructor(private readonly ctx: FileContext) {}
  error(node: TreeNode | null | undefined, message: string): void {
    this.errors++;
    this.ctx.report(node, message, 'error');
  }
  warn(node: TreeNode | null | undefined, message: string): void {
    this.ctx.report(node, message, 'warning');
  }
}

/** Parses and validates one lexicon file; every problem is reported, never thrown. */
export function parseLexiconText(source: LexiconSourceText): ParsedLexiconFile {
  const file = source.file;
  const result: ParsedLexiconFile = { file, entries: [], ignore: [], problems: [] };
  let text = typeof source.text === 'string' ? source.text : '';
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\u0000')) {
    result.problems.push({ file, line: 1, column: 1, message: 'Not a text file (it contains NUL bytes).', severity: 'error' });
    return result;
  }
  const fail = (message: string): ParsedLexiconFile => {
    result.problems.push({ file, line: 1, column: 1, message, severity: 'error' });
    return result;
  };
  if (text.length > MAX_LEXICON_CHARS) {
    return fail(`Lexicon too large (${text.length.toLocaleString('en')} characters; the limit is ${MAX_LEXICON_CHARS.toLocaleString('en')}): it was not read.`);
  }
  let tree: SourceTree | null = source.tree !== undefined && isSourceTree(source.tree, text.length) ? source.tree : null;
  try {
    tree ??= treeFromCompactJson(text);
    if (tree === null && text.length > MAX_YAML_CHARS) {
      return fail(
        `Lexicon too large for the YAML reader (${text.length} characters; the limit is ${MAX_YAML_CHARS}). ` +
          'Write a large lexicon as JSON (JSON is valid YAML): it loads in a fraction of the time.',
      );
    }
    tree ??= treeFromYaml(text);
  } catch (e) {
    if (e instanceof AliasBudgetExceeded) return fail(`Too many alias uses (more than ${MAX_ALIAS_USES}); the file was not read.`);
    return fail(`Cannot parse YAML: ${e instanceof Error ? e.message : String(e)}`);
  }
  const ctx = new FileContext(file, countLines(text), text.trim() === '');
  try {
    readTree(ctx, tree, result);
  } catch (e) {
    // Defensive: validation is written not to throw; a bug must still not take the other files down.
    ctx.problems.push({ file, line: 1, column: 1, message: `Cannot read lexicon: ${e instanceof Error ? e.message : String(e)}`, severity: 'error' });
  }
  result.problems = ctx.problems;
  return result;
}

function readTree(ctx: FileContext, tree: SourceTree, out: ParsedLexiconFile): void {
  // YAML syntax errors: report them, then skip only the entries they fall into.
  tree.errors.forEach((err, i) => {
    if (i < MAX_SYNTAX_PROBLEMS) {
      ctx.problems.push({ file: ctx.file, ...ctx.position(null, err.offset), message: `YAML syntax error: ${err.message}`, severity: 'error' });
    }
  });
  if (tree.errors.length > MAX_SYNTAX_PROBLEMS) {
    ctx.problems.push({
      file: ctx.file, line: 1, column: 1, severity: 'error',
      message: `${tree.errors.length - MAX_SYNTAX_PROBLEMS} more YAML syntax errors not listed.`,
    });
  }
  for (const w of tree.warnings) {
    ctx.problems.push({ file: ctx.file, ...ctx.position(null, w.offset), message: `YAML: ${w.message}`, severity: 'warning' });
  }
  readRoot(ctx, tree.root, out, tree.errors.map((e) => e.offset));
}

/** Reads the top-level mapping; entries that contain one of `errorOffsets` (syntax errors) are skipped. */
function readRoot(ctx: FileContext, root: TreeNode | null, out: ParsedLexiconFile, errorOffsets: readonly number[]): void {
  if (root === null || (root.k === 's' && (root.v === null || root.v === ''))) {
    // A lexicon with only comments or `version` is a placeholder; a file with nothing in it at all
    // is more likely a save that went wrong, and says so (issue 6). Either way it loads nothing.
    if (ctx.isBlank) ctx.report(null, 'The lexicon file is empty: it defines no entries.', 'warning');
    return;
  }
  if (root.k !== 'm') {
    ctx.report(root, 'A lexicon must be a mapping with `version` and `entries`.');
    return;
  }

  let entriesNode: TreeNode | null = null;
  for (const [keyNode, valueNode] of root.items) {
    const key = scalarText(keyNode);
    if (key === 'entries') entriesNode = valueNode;
    else if (key === 'version') {
      if (valueNode?.k !== 's' || valueNode.v !== 1) ctx.report(valueNode ?? keyNode, 'Unsupported `version`: this reader knows version 1.', 'warning');
    } else if (key === 'ignore') {
      out.ignore.push(...readStringList(valueNode, 'ignore', (n, m) => ctx.report(n, m, 'warning')));
    } else if (key !== '$schema') {
      ctx.report(keyNode, `Unknown top-level key \`${key ?? '?'}\` (expected version, entries, ignore).`, 'warning');
    }
  }
  if (entriesNode === null) return;
  if (entriesNode.k !== 'q') {
    ctx.report(entriesNode, '`entries` must be a list of entries.');
    return;
  }

  const seenIds = new Map<string, number>();
  for (const [index, node] of entriesNode.items.entries()) {
    if (index >= MAX_LEXICON_ENTRIES) {
      ctx.report(
        node,
        `Too many entries: a lexicon file loads at most ${MAX_LEXICON_ENTRIES.toLocaleString('en')}; this entry and the ${(entriesNode.items.length - index - 1).toLocaleString('en')} after it are not loaded.`,
      );
      break;
    }
    const start = node?.s ?? 0;
    const end = node?.e ?? start;
    const broken = errorOffsets.some((o) => o >= start && o <= end);
    const entry = readEntry(ctx, node, broken);
    if (entry === null) continue;
    const firstLine = seenIds.get(entry.id);
    if (firstLine !== undefined) {
      ctx.report(node, `Duplicate id \`${entry.id}\` in this file (first defined on line ${firstLine}); this entry is skipped.`);
      continue;
    }
    seenIds.set(entry.id, entry.line);
    out.entries.push(entry);
  }
}

/** The text of a key or other scalar: strings as they are, numbers and booleans in their source spelling ("1984", "true"). */
function scalarText(node: TreeNode | null): string | null {
  if (node === null || node.k !== 's' || node.v === null) return null;
  if (typeof node.v === 'string') return node.v;
  return node.src ?? String(node.v);
}

function isBoolean(node: TreeNode | null): node is TreeNode & { k: 's'; v: boolean } {
  return node !== null && node.k === 's' && typeof node.v === 'boolean';
}

function readStringList(node: TreeNode | null, what: string, complain: (n: TreeNode | null, m: string) => void): string[] {
  const values: string[] = [];
  if (node === null) return values;
  if (node.k === 'm') {
    complain(node, `\`${what}\` must be a list of strings.`);
    return values;
  }
  const items = node.k === 'q' ? node.items : [node];
  for (const n of items) {
    const s = scalarText(n);
    if (s === null || s.trim() === '') complain(n ?? node, `\`${what}\` items must be non-empty strings.`);
    else values.push(s.trim());
  }
  return values;
}

function readEntry(ctx: FileContext, node: TreeNode | null, broken: boolean): RawEntry | null {
  const check = new EntryCheck(ctx);
  // The syntax error inside this entry is already reported; a second message would be noise.
  if (broken) return null;
  if (node === null || node.k !== 'm') {
    check.error(node, 'An entry must be a mapping with at least `id`.');
    return null;
  }
  const fields = new Map<string, { key: TreeNode | null; value: TreeNode | null }>();
  for (const [keyNode, value] of node.items) {
    const key = scalarText(keyNode);
    if (key === null) {
      check.warn(keyNode ?? node, 'Entry keys must be plain strings; this key is ignored.');
      continue;
    }
    if (!ENTRY_KEYS.has(key)) {
      check.warn(keyNode, `Unknown key \`${key}\` (ignored).`);
      continue;
    }
    fields.set(key, { key: keyNode, value });
  }
  const pos = ctx.position(node);

  const idField = fields.get('id');
  const id = idField ? scalarText(idField.value)?.trim() ?? null : null;
  if (id === null || id === '') {
    check.error(idField?.value ?? node, 'Entry without `id`; it is skipped.');
    return null;
  }
  if (!ID_RE.test(id)) {
    check.error(idField?.value ?? node, `Invalid id \`${id}\`: use letters, digits, '.', '_', ':' or '-', starting with a letter or digit.`);
    return null;
  }

  const entry: RawEntry = {
    id, file: ctx.file, line: pos.line, column: pos.column,
    forms: [], frames: [], merge: 'replace', exclude: [], accepted: [], disabled: false,
  };

  const disabled = fields.get('disabled');
  if (disabled) {
    if (isBoolean(disabled.value)) entry.disabled = disabled.value.v;
    else check.error(disabled.value ?? disabled.key, '`disabled` must be true or false.');
  }
  const merge = fields.get('merge');
  if (merge) {
    const m = scalarText(merge.value);
    if (m === 'extend' || m === 'replace') entry.merge = m;
    else check.error(merge.value ?? merge.key, '`merge` must be `extend` or `replace`.');
  }

  const category = fields.get('category');
  if (category) {
    const c = scalarText(category.value);
    if (c !== null && (CATEGORY_VALUES as readonly string[]).includes(c)) entry.category = c as Category;
    else check.error(category.value ?? category.key, `Unknown category \`${c ?? '?'}\` (expected ${CATEGORY_VALUES.join(', ')}).`);
  } else if (!entry.disabled && entry.merge === 'replace') {
    check.error(node, `Entry \`${id}\` has no \`category\` (expected ${CATEGORY_VALUES.join(', ')}).`);
  }

  const type = fields.get('type');
  if (type) {
    const t = scalarText(type.value);
    if (t !== null && (ACTOR_TYPES as readonly string[]).includes(t)) entry.type = t as ActorType;
    else check.error(type.value ?? type.key, `Unknown actor type \`${t ?? '?'}\` (expected person or organization).`);
    if (entry.category !== undefined && entry.category !== 'actor') check.warn(type.key, '`type` only applies to actors; ignored.');
  } else if (entry.category === 'actor' && entry.merge === 'replace' && !entry.disabled) {
    check.error(node, `Actor \`${id}\` has no \`type\` (person or organization).`);
  }

  for (const key of ['name', 'notes'] as const) {
    const f = fields.get(key);
    if (!f) continue;
    const s = scalarText(f.value);
    if (s === null || s.trim() === '') check.error(f.value ?? f.key, `\`${key}\` must be a non-empty string.`);
    else entry[key] = s.trim();
  }

  const sections: FormSection[] = ['names', 'demonyms', 'combining'];
  for (const section of sections) {
    const f = fields.get(section);
    if (f) readForms(check, f.value ?? f.key, section, entry.forms);
  }
  if (!entry.disabled && entry.merge === 'replace' && !entry.forms.some((x) => x.section === 'names') && check.errors === 0) {
    check.error(fields.get('names')?.value ?? node, `Entry \`${id}\` has no names.`);
  }

  const exclude = fields.get('exclude');
  if (exclude) entry.exclude = readStringList(exclude.value, 'exclude', (n, m) => check.error(n, m));

  const accepted = fields.get('accepted');
  if (accepted) {
    if (entry.category !== undefined && entry.category !== 'actor') check.warn(accepted.key, '`accepted` spellings only apply to actors; ignored.');
    else entry.accepted = readStringList(accepted.value, 'accepted', (n, m) => check.error(n, m)).map(normalizeSpaces);
  }

  const frames = fields.get('frames');
  if (frames) {
    if (entry.category !== undefined && entry.category !== 'threat') check.warn(frames.key, '`frames` only apply to threats; ignored.');
    else readFrames(check, frames.value ?? frames.key, entry.frames);
  }

  return check.errors === 0 ? entry : null;
}

function readForms(check: EntryCheck, node: TreeNode | null, section: FormSection, out: RawForm[]): void {
  if (node === null || node.k !== 'm') {
    check.error(node, `\`${section}\` must map a language code to a list of forms (fr: [...], en: [...]).`);
    return;
  }
  for (const [keyNode, value] of node.items) {
    const lang = scalarText(keyNode);
    if (lang === null || !LANG_RE.test(lang)) {
      check.error(keyNode ?? node, `\`${lang ?? '?'}\` is not a language code (fr, en, es, ar, pt-BR...).`);
      continue;
    }
    if (value === null || (value.k === 'q' && value.items.length === 0)) {
      check.error(value ?? keyNode, `Empty list of ${section} for \`${lang}\`.`);
      continue;
    }
    const items = value.k === 'q' ? value.items : [value];
    for (const it of items) {
      const form = readForm(check, it, lang, section);
      if (form === null) continue;
      warnIfPattern(check, it, form.text);
      out.push(form);
    }
  }
}

/**
 * What only a regular expression would contain: an anchor or escape, an alternation, a quantified
 * group or class, `.*`, `.+`. Names with parentheses ("Ministère de l'Intérieur (Maroc)") do not
 * match. The expression has no nested quantifier: it runs in linear time on any form.
 */
const PATTERN_RE = /[\\^$|]|[*+?]\)|\)[*+?{]|\[[^\]]*\][*+?{]|\.[*+]/;

/**
 * Lexicons have no patterns (issue 6): a form is text, matched word by word, and no regular
 * expression is ever built from lexicon data, so no lexicon can make matching backtrack. A form that
 * looks like a pattern says how it is read instead.
 */
function warnIfPattern(check: EntryCheck, node: TreeNode | null, text: string): void {
  if (!PATTERN_RE.test(text)) return;
  const words = tokenize(text).map((t) => `«${t.text}»`);
  const read = words.length === 0 ? 'it has no letters or digits, so it never matches' : `it is matched as the words ${words.join(' ')}`;
  check.warn(node, `\`${text}\` looks like a pattern, but lexicon forms are plain text, never patterns: ${read}.`);
}

function readForm(check: EntryCheck, node: TreeNode | null, lang: Lang, section: FormSection): RawForm | null {
  const plain = scalarText(node);
  if (plain !== null) {
    if (plain.trim() === '') {
      check.error(node, `Empty ${section} item for \`${lang}\`.`);
      return null;
    }
    return { text: normalizeSpaces(plain), lang, section };
  }
  if (node === null || node.k !== 'm') {
    check.error(node, `A ${section} item must be a string or a mapping with \`text\`.`);
    return null;
  }
  const form: RawForm = { text: '', lang, section };
  let hasText = false;
  for (const [keyNode, value] of node.items) {
    const key = scalarText(keyNode);
    const s = scalarText(value);
    switch (key) {
      case 'text':
        hasText = true;
        if (s === null || s.trim() === '') check.error(value ?? node, `Empty ${section} item for \`${lang}\`.`);
        else form.text = normalizeSpaces(s);
        break;
      case 'case':
        if (s !== null && (CASE_RULES as readonly string[]).includes(s)) form.case = s as CaseRule;
        else check.error(value ?? node, `\`case\` must be one of ${CASE_RULES.join(', ')}.`);
        break;
      case 'kind':
        if (s !== null && (KINDS as readonly string[]).includes(s)) form.kind = s as VariantKind;
        else check.error(value ?? node, `\`kind\` must be one of ${KINDS.join(', ')}.`);
        break;
      case 'preferred':
      case 'inflect':
        if (isBoolean(value)) form[key] = value.v;
        else check.error(value ?? node, `\`${key}\` must be true or false.`);
        break;
      case 'deprecated':
        readDeprecated(check, value, node, form);
        break;
      default:
        if (key === null || !ITEM_KEYS.has(key)) check.warn(keyNode ?? node, `Unknown key \`${key ?? '?'}\` in a ${section} item (ignored).`);
    }
  }
  if (!hasText) check.error(node, `A ${section} item needs \`text\`.`);
  if (form.preferred === true && form.deprecated) {
    check.warn(node, `\`${form.text}\` cannot be both preferred and deprecated; it stays deprecated.`);
    delete form.preferred;
  }
  if (form.deprecated && form.deprecated.use !== undefined && form.deprecated.use === form.text) {
    check.warn(node, `\`use\` names the deprecated form \`${form.text}\` itself; the preferred term is used instead.`);
    delete form.deprecated.use;
  }
  return form.text === '' ? null : form;
}

/**
 * `deprecated: true`, `deprecated: "reason"` or `deprecated: {reason: ..., use: ...}`; `false` takes
 * back the deprecation of an earlier layer.
 */
function readDeprecated(check: EntryCheck, value: TreeNode | null, item: TreeMap, form: RawForm): void {
  if (isBoolean(value)) {
    form.deprecated = value.v ? {} : false;
    return;
  }
  if (value !== null && value.k === 'm') {
    const deprecated: { reason?: string; use?: string } = {};
    for (const [k, v] of value.items) {
      const key = scalarText(k);
      if (key !== 'reason' && key !== 'use') {
        check.warn(k ?? value, 'Unknown key in `deprecated` (expected `reason` and `use`).');
        continue;
      }
      const s = scalarText(v);
      if (s === null || s.trim() === '') {
        if (key === 'use') check.error(v ?? k, '`use` must name the form to write instead.');
        continue;
      }
      deprecated[key] = key === 'use' ? normalizeSpaces(s) : s.trim();
    }
    form.deprecated = deprecated;
    return;
  }
  const s = scalarText(value);
  if (s !== null && s.trim() !== '') form.deprecated = { reason: s.trim() };
  else check.error(value ?? item, '`deprecated` must be true, false, a reason, or {reason, use}.');
}

function readFrames(check: EntryCheck, node: TreeNode | null, out: ThreatFrame[]): void {
  if (node === null || node.k !== 'q') {
    check.error(node, '`frames` must be a list of {lang, heads, objects, window}.');
    return;
  }
  for (const f of node.items) {
    if (f === null || f.k !== 'm') {
      check.error(f ?? node, 'A frame must be a mapping with `lang`, `heads` and `objects`.');
      continue;
    }
    const frame: ThreatFrame = { lang: '', heads: [], objects: [], window: DEFAULT_WINDOW, objectFirstWindow: 0 };
    const seen = new Set<string>();
    for (const [keyNode, value] of f.items) {
      const key = scalarText(keyNode);
      if (key !== null) seen.add(key);
      if (key === 'lang') {
        const s = scalarText(value);
        if (s === null || !LANG_RE.test(s)) check.error(value ?? f, 'A frame needs a language code in `lang`.');
        else frame.lang = s;
      } else if (key === 'heads' || key === 'objects') {
        const before = check.errors;
        const list = readStringList(value, key, (n, m) => check.error(n, m));
        if (list.length === 0 && check.errors === before) check.error(value ?? f, `A frame needs at least one of \`${key}\`.`);
        frame[key] = list.map(normalizeSpaces);
      } else if (key === 'window' || key === 'objectFirstWindow') {
        const v = value !== null && value.k === 's' ? value.v : null;
        if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_WINDOW) frame[key] = v;
        else check.error(value ?? f, `\`${key}\` must be a whole number from 0 to ${MAX_WINDOW}.`);
      } else if (key === null || !FRAME_KEYS.has(key)) {
        check.warn(keyNode ?? f, `Unknown key \`${key ?? '?'}\` in a frame (ignored).`);
      }
    }
    for (const required of ['lang', 'heads', 'objects']) if (!seen.has(required)) check.error(f, `A frame needs \`${required}\`.`);
    if (frame.lang !== '' && frame.heads.length > 0 && frame.objects.length > 0) out.push(frame);
  }
}

/** Trims and collapses runs of white space, so a form written across lines still matches. */
function normalizeSpaces(s: string): string {
  const t = s.trim();
  // Most forms are already normalised: one test instead of building a copy.
  return /\s\s|[^\S ]/.test(t) ? t.replace(/\s+/g, ' ') : t;
}
