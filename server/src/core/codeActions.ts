/**
 * Plans of the code actions for an analysed document (issue 3, "Quick fixes and code actions").
 *
 * A plan is plain data: a title, a kind, the text edits to the document and any change to the
 * workspace lexicon. The server turns it into a CodeAction with versioned documentChanges; the CLI
 * applies the tag-all edits itself. Fixes switch on the diagnostic code and read its typed data,
 * never its message (ARCHITECTURE.md, "Quick fixes keyed by code, not by message"), and every edit
 * is computed from the text of the analysed version, never cached for later.
 */
import type { AnalyzedDocument } from './analysis';
import type { CommuniqueDiagnostic, DiagnosticData } from './diagnostics';
import { planTagChange, yamlScalar, type TagChange } from './frontMatter/edits';
import type { TagItem } from './frontMatter/model';
import { slug } from './heuristics/actors';
import { isDefaultKey, type CommuniqueSettings } from './settings';
import { readTags, type TagState } from './tagValues';
import { TermReplacements } from './terminology';
import { LineIndex } from './text/positions';
import type { AcceptedSpelling } from './lexiconEdits';
import { nameVariantFixes } from './nameVariantFixes';
import type { TextEdit } from './textEdit';
import { CATEGORIES, type ActorType, type Category, type Lexicon } from './types';

/** The kinds of action Communiqué offers; `source.fixAll.communique` is what "fix all on save" runs. */
export type ActionKind = 'quickfix' | 'source.fixAll.communique' | 'source';

/** An entry to add to the workspace lexicon. */
export interface LexiconAddition {
  entry: { id: string; category: Category; type?: ActorType; name: string; names: Record<string, string[]> };
}

/** One code action, planned. */
export interface ActionPlan {
  title: string;
  kind: ActionKind;
  isPreferred?: boolean;
  diagnostics?: CommuniqueDiagnostic[];
  /** Edits to the document itself. */
  edits?: TextEdit[];
  /** Changes to the workspace lexicon (.communique/lexicon.yaml): the server turns them into CreateFile + TextDocumentEdit. */
  lexicon?: { addEntry?: LexiconAddition['entry']; addIgnore?: string; acceptSpelling?: AcceptedSpelling };
  /** When set, the action cannot be applied now; `disabled.reason` says why (e.g. the front matter does not parse). */
  disabled?: { reason: string };
}

const FIX_ALL_KIND = 'source.fixAll.communique';

/**
 * Quick fixes for the diagnostics in a range, plus tag-all / remove-all-stale / move-header source
 * actions; keyed by diagnostic code and data, never by message.
 */
export function planActions(
  doc: AnalyzedDocument,
  diagnostics: readonly CommuniqueDiagnostic[],
  range: { start: number; end: number },
  lexicon: Lexicon,
  settings: CommuniqueSettings,
  only?: string[],
): ActionPlan[] {
  const planner = new Planner(doc, lexicon, settings, diagnostics.filter(hasValidData));
  const wanted = (kind: ActionKind): boolean =>
    only === undefined || only.length === 0 || only.some((o) => typeof o === 'string' && (kind === o || kind.startsWith(`${o}.`)));
  // "Fix all" is only what was asked for by name: a plain `source` request gets the `source` twin.
  const fixAllAsked = only !== undefined && only.some((o) => o === 'source.fixAll' || o === FIX_ALL_KIND);
  const valid = diagnostics.filter(hasValidData);
  const inRange = valid.filter((d) => d.start <= range.end && range.start <= d.end);
  const plans: ActionPlan[] = [];

  if (wanted('quickfix')) {
    const byTitle = new Map<string, ActionPlan>();
    const offer = (plan: ActionPlan | undefined, d: CommuniqueDiagnostic): void => {
      if (plan === undefined) return;
      const existing = byTitle.get(plan.title);
      // Several mentions (perMention) or a repeated request share one action listing them all.
      if (existing !== undefined) {
        if (!existing.diagnostics!.includes(d)) existing.diagnostics!.push(d);
      } else {
        // A plan that acts on several mentions ("Replace all") already lists the ones it fixes.
        if (plan.diagnostics === undefined || !plan.diagnostics.includes(d)) plan.diagnostics = [d];
        byTitle.set(plan.title, plan);
        plans.push(plan);
      }
    };
    for (const d of inRange) for (const plan of planner.fixesFor(d)) offer(plan, d);
    const untaggedHere = inRange.some((d) => d.code === 'entity.untagged');
    const staleHere = inRange.some((d) => d.code === 'frontmatter.stale');
    if (untaggedHere) {
      const all = planner.tagAll('quickfix', valid);
      if (all !== undefined && planner.untaggedCount() > 1) plans.push(all);
    }
    if (staleHere) {
      const all = planner.removeAllStale('quickfix', valid);
      if (all !== undefined && planner.staleCount() > 1) plans.push(all);
    }
  }

  if (fixAllAsked) {
    const all = planner.tagAll(FIX_ALL_KIND, valid);
    if (all !== undefined) plans.push(all);
  }
  if (wanted('source')) {
    const titles = new Set(plans.map((p) => p.title));
    const sources = [planner.tagAll('source', valid), planner.removeAllStale('source', valid), planner.moveHeader('source', valid), planner.replaceAllDeprecated('source')];
    for (const plan of sources) {
      // One entry per action in a client that lists every kind at once (Neovim without `only`).
      if (plan !== undefined && !titles.has(plan.title)) plans.push(plan);
    }
  }
  return plans;
}

/** The tag-all edit (also `source.fixAll.communique` and `communique tag`). */
export function planTagAll(doc: AnalyzedDocument, lexicon: Lexicon, settings: CommuniqueSettings): { edits: TextEdit[] } | { error: string } {
  if (doc.frontMatter.status === 'invalid') return { error: invalidReason(doc) };
  const add = untaggedValues(doc, readTags(doc, lexicon));
  if (CATEGORIES.every((c) => add[c].length === 0)) return { edits: [] };
  return planTagChange(doc.text, doc.frontMatter, { add }, settings.keys);
}

/** The edits of an action plan, or why it cannot be applied; no plan means nothing to change. */
function editsOf(plan: ActionPlan | undefined): { edits: TextEdit[] } | { error: string } {
  if (plan === undefined) return { edits: [] };
  if (plan.disabled !== undefined) return { error: plan.disabled.reason };
  return { edits: plan.edits ?? [] };
}

/** The remove-all-stale edit (the "Remove stale tags" command), the same plan as its code action. */
export function planRemoveStale(doc: AnalyzedDocument, lexicon: Lexicon, settings: CommuniqueSettings): { edits: TextEdit[] } | { error: string } {
  if (doc.frontMatter.status === 'invalid') return { error: invalidReason(doc) };
  return editsOf(new Planner(doc, lexicon, settings).removeAllStale('source', []));
}

/** The edit that moves a legacy `date YYYY-MM` header into the front matter, as its code action does. */
export function planMoveHeader(doc: AnalyzedDocument, lexicon: Lexicon, settings: CommuniqueSettings): { edits: TextEdit[] } | { error: string } {
  if (doc.frontMatter.status === 'invalid') return { error: invalidReason(doc) };
  return editsOf(new Planner(doc, lexicon, settings).moveHeader('source', []));
}

/** Why no fix may rewrite the front matter now. */
export function invalidReason(doc: AnalyzedDocument): string {
  const fm = doc.frontMatter;
  // The first problem in the text: the one the editor lists first.
  const at = fm.problems.length > 0 ? Math.min(...fm.problems.map((p) => p.start)) : (fm.block?.start ?? 0);
  const line = new LineIndex(doc.text).positionAt(at).line + 1;
  return `The front matter does not parse (line ${line}): fix it first`;
}

/** The values tag-all writes: lexicon entities whose id is not tagged, per category in first-mention order. */
function untaggedValues(doc: AnalyzedDocument, tags: TagState): Record<Category, string[]> {
  const add: Record<Category, string[]> = { actor: [], country: [], region: [], threat: [] };
  // Heuristic actors stay suggestions: a fix-all on save must not write a guess into the front
  // matter; the editor tags, adds or ignores them one by one.
  for (const e of doc.recognition.entities) {
    if (e.source !== 'lexicon' || tags.tagged[e.category].has(e.id)) continue;
    const value = doc.tagValueOf(e);
    if (!add[e.category].includes(value)) add[e.category].push(value);
  }
  return add;
}

/** Plans actions for one document version; the tag state is read once and shared. */
class Planner {
  private readonly tags: TagState;
  private readonly invalid: string | undefined;
  private untagged: Record<Category, string[]> | undefined;
  private terms: TermReplacements | undefined;
  /** Edits per change: tag-all is planned once for its quickfix, source and fix-all entries. */
  private readonly planned = new Map<string, { edits: TextEdit[] } | { error: string }>();

  constructor(
    private readonly doc: AnalyzedDocument,
    private readonly lexicon: Lexicon,
    private readonly settings: CommuniqueSettings,
    /** Every diagnostic of the document, for the fixes that act on all mentions at once. */
    private readonly diagnostics: readonly CommuniqueDiagnostic[] = [],
  ) {
    this.tags = readTags(doc, lexicon);
    this.invalid = doc.frontMatter.status === 'invalid' ? invalidReason(doc) : undefined;
  }

  /** The quick fixes of one diagnostic, best first. */
  fixesFor(d: CommuniqueDiagnostic): (ActionPlan | undefined)[] {
    const data = d.data;
    switch (data.code) {
      case 'entity.untagged':
        return [
          this.frontMatterPlan(this.tagTitle(data.category, data.name, data.value), 'quickfix', { add: { [data.category]: [data.value] } }, true),
          this.ignoreInDocument(data.text),
          this.ignoreInWorkspace(data.text),
        ];
      case 'entity.suggested':
        return [
          this.addToLexicon(data, 'person'),
          this.addToLexicon(data, 'organization'),
          this.frontMatterPlan(this.tagTitle('actor', data.name, data.value), 'quickfix', { add: { actor: [data.value] } }, false),
          this.ignoreInDocument(data.text),
          this.ignoreInWorkspace(data.text),
        ];
      case 'frontmatter.stale':
        return [this.frontMatterPlan(`Remove stale tag ${data.value} from ${data.key}`, 'quickfix', { remove: { [data.category]: [data.value] } }, true)];
      case 'frontmatter.unknown':
        return [
          data.suggestion === undefined ? undefined : this.replaceUnknown(d, data),
          this.frontMatterPlan(`Remove unknown tag "${data.value}" from ${data.key}`, 'quickfix', { remove: { [data.category]: [data.value] } }, data.suggestion === undefined),
        ];
      case 'header.date':
        return [this.moveHeader('quickfix', [d])];
      case 'frontmatter.invalid':
        // Only a person can repair YAML that does not parse; the diagnostic says where.
        return [];
      case 'document.too-large':
      case 'document.binary':
        // Issue 6: a document that is not analysed offers nothing to fix.
        return [];
      case 'term.deprecated':
        return this.termReplacements().fixesFor(d, this.diagnostics);
      case 'name.variant':
        return nameVariantFixes(this.doc, d, data);
      case 'translation.missing-entity':
      case 'translation.extra-entity':
        // Issue 5: filled in by the terminology, variant and translation work.
        return [];
    }
  }

  /** "Replace all deprecated terms in document (N)", also offered as a source action. */
  replaceAllDeprecated(kind: ActionKind): ActionPlan | undefined {
    return this.termReplacements().replaceAllDeprecated(kind, this.diagnostics);
  }

  private termReplacements(): TermReplacements {
    return (this.terms ??= new TermReplacements(this.doc));
  }

  untaggedCount(): number {
    const add = this.untaggedValues();
    return CATEGORIES.reduce((n, c) => n + add[c].length, 0);
  }

  staleCount(): number {
    return this.staleReadings().length;
  }

  /** "Tag all N untagged entities": lexicon entities only, in first-mention order. */
  tagAll(kind: ActionKind, diagnostics: readonly CommuniqueDiagnostic[]): ActionPlan | undefined {
    const n = this.untaggedCount();
    if (n === 0) return undefined;
    const plan = this.frontMatterPlan(`Tag all ${n} untagged ${n === 1 ? 'entity' : 'entities'}`, kind, { add: this.untaggedValues() }, false);
    if (plan !== undefined) plan.diagnostics = diagnostics.filter((d) => d.code === 'entity.untagged');
    return plan;
  }

  /** "Remove all N stale tags". */
  removeAllStale(kind: ActionKind, diagnostics: readonly CommuniqueDiagnostic[]): ActionPlan | undefined {
    // While the front matter is invalid nothing is called stale (see diagnostics.ts), so there is
    // nothing to offer either.
    const stale = this.invalid === undefined ? this.staleReadings() : [];
    if (stale.length === 0) return undefined;
    const remove: Partial<Record<Category, string[]>> = {};
    for (const r of stale) (remove[r.category] ??= []).push(r.item.value);
    const title = stale.length === 1 ? 'Remove 1 stale tag' : `Remove all ${stale.length} stale tags`;
    const plan = this.frontMatterPlan(title, kind, { remove }, false);
    if (plan !== undefined) plan.diagnostics = diagnostics.filter((d) => d.code === 'frontmatter.stale');
    return plan;
  }

  /** "Move date header into front matter": `date:` becomes the block's first key, the header line goes. */
  moveHeader(kind: ActionKind, diagnostics: readonly CommuniqueDiagnostic[]): ActionPlan | undefined {
    const header = this.doc.frontMatter.header;
    if (header === undefined) return undefined;
    const plan = this.frontMatterPlan('Move date header into front matter', kind, { set: { date: header.date }, removeHeader: true }, kind === 'quickfix');
    if (plan !== undefined) plan.diagnostics = diagnostics.filter((d) => d.code === 'header.date');
    return plan;
  }

  /** An action that rewrites the front matter: disabled with the reason while it does not parse. */
  private frontMatterPlan(title: string, kind: ActionKind, change: TagChange, preferred: boolean): ActionPlan | undefined {
    const plan: ActionPlan = { title, kind };
    if (preferred) plan.isPreferred = true;
    if (this.invalid !== undefined) {
      plan.disabled = { reason: this.invalid };
      return plan;
    }
    const memoKey = JSON.stringify(change);
    let result = this.planned.get(memoKey);
    if (result === undefined) {
      result = planTagChange(this.doc.text, this.doc.frontMatter, change, this.settings.keys);
      this.planned.set(memoKey, result);
    }
    if ('error' in result) {
      plan.disabled = { reason: result.error };
      return plan;
    }
    // Already done (the same fix applied twice): nothing to offer.
    if (result.edits.length === 0) return undefined;
    plan.edits = [...result.edits];
    return plan;
  }

  /** "Tag Espagne as country ES"; with a renamed key, "Tag Espagne as pays: ES". */
  private tagTitle(category: Category, name: string, value: string): string {
    const key = this.settings.keys[category];
    if (!isDefaultKey(this.settings.keys, category)) return `Tag ${name} as ${key}: ${value}`;
    return category === 'actor' ? `Tag ${name} as actor` : `Tag ${name} as ${category} ${value}`;
  }

  private ignoreInDocument(text: string): ActionPlan | undefined {
    if (text.trim() === '') return undefined;
    return this.frontMatterPlan(`Ignore "${text}" in this document`, 'quickfix', { addIgnore: [text] }, false);
  }

  private ignoreInWorkspace(text: string): ActionPlan | undefined {
    if (text.trim() === '') return undefined;
    return { title: `Ignore "${text}" in the workspace`, kind: 'quickfix', lexicon: { addIgnore: text } };
  }

  /** "Add Francisca Bostyn to the workspace lexicon as a person": an entry in the mention's language. */
  private addToLexicon(data: Extract<DiagnosticData, { code: 'entity.suggested' }>, type: ActorType): ActionPlan {
    const mention = this.doc.recognition.entities.find((e) => e.source === 'heuristic' && e.id === data.id);
    const lang = [mention?.language, this.doc.recognition.language].find((l) => typeof l === 'string' && /^[a-z]{2,3}$/.test(l)) ?? 'fr';
    const plan: ActionPlan = {
      title: `Add ${data.name} to the workspace lexicon as ${type === 'person' ? 'a person' : 'an organization'}`,
      kind: 'quickfix',
      lexicon: { addEntry: { id: this.newActorId(data.id, data.name), category: 'actor', type, name: data.name, names: { [lang]: [data.name] } } },
    };
    if (type === data.type) plan.isPreferred = true;
    return plan;
  }

  /** A lexicon id for a new actor: the heuristic's kebab-case id, made unique against the lexicons. */
  private newActorId(heuristicId: string, name: string): string {
    const base = [heuristicId, slug(name)].find((id) => /^[\p{L}\p{N}][\p{L}\p{N}._:-]*$/u.test(id)) ?? 'actor';
    let id = base;
    for (let n = 2; this.lexicon.entries.has(id); n++) id = `${base}-${n}`;
    return id;
  }

  /**
   * "Replace unknown tag "Marocco" with MA (did you mean Morocco?)". The item is rewritten in place,
   * keeping its position in the list and its quotes; through the front-matter editor when the
   * suggestion is already listed (the unknown item then simply goes).
   */
  private replaceUnknown(d: CommuniqueDiagnostic, data: Extract<DiagnosticData, { code: 'frontmatter.unknown' }>): ActionPlan | undefined {
    const s = data.suggestion!;
    const title = `Replace unknown tag "${data.value}" with ${s.value}${s.name === s.value ? '' : ` (did you mean ${s.name}?)`}`;
    const items: TagItem[] = this.doc.frontMatter.tags[data.category] ?? [];
    const item = items.find((i) => i.start === d.start && i.end === d.end && i.value === data.value);
    const listed = items.some((i) => i.value === s.value);
    // A value listed twice is replaced once and removed elsewhere: replacing only this item would
    // leave the same diagnostic, and the same fix, on the other (found by fuzzing).
    const repeated = items.filter((i) => i.value === data.value).length > 1;
    if (this.invalid !== undefined || item === undefined || listed || repeated) {
      return this.frontMatterPlan(title, 'quickfix', { remove: { [data.category]: [data.value] }, add: listed ? {} : { [data.category]: [s.value] } }, true);
    }
    return { title, kind: 'quickfix', isPreferred: true, edits: [{ start: item.start, end: item.end, newText: this.inPlace(item, s.value) }] };
  }

  /**
   * A value written where an item stood: as the item was quoted when the value allows it, else as
   * the front-matter editor writes a new flow item (the stricter context, valid in a block list too).
   */
  private inPlace(item: TagItem, value: string): string {
    const written = this.doc.text.slice(item.start, item.end);
    const quote = written[0];
    if (quote === "'" && written.endsWith("'") && !/['\r\n]/.test(value)) return `'${value}'`;
    if (quote === '"' && written.endsWith('"') && !/["\\\r\n]/.test(value)) return `"${value}"`;
    return yamlScalar(value, 'flow');
  }

  private untaggedValues(): Record<Category, string[]> {
    return (this.untagged ??= untaggedValues(this.doc, this.tags));
  }

  private staleReadings(): TagState['readings'] {
    return this.tags.readings.filter((r) => r.entry !== undefined && !r.mentioned && r.item.value.trim() !== '');
  }
}

/** Whether a diagnostic (perhaps sent back by a client) carries the data its code needs. */
function hasValidData(d: CommuniqueDiagnostic): boolean {
  const data = d?.data as Record<string, unknown> | undefined;
  if (data === null || typeof data !== 'object' || data.code !== d.code) return false;
  if (!Number.isInteger(d.start) || !Number.isInteger(d.end)) return false;
  const strings = (...keys: string[]): boolean => keys.every((k) => typeof data[k] === 'string');
  const category = (CATEGORIES as readonly unknown[]).includes(data.category);
  switch (d.code) {
    case 'entity.untagged':
      return category && strings('id', 'name', 'value', 'key', 'text');
    case 'entity.suggested':
      return strings('id', 'name', 'value', 'key', 'text') && (data.type === 'person' || data.type === 'organization');
    case 'frontmatter.stale':
      return category && strings('key', 'value');
    case 'frontmatter.unknown': {
      const s = data.suggestion as Record<string, unknown> | undefined;
      return category && strings('key', 'value') && (s === undefined || (typeof s?.value === 'string' && typeof s?.name === 'string'));
    }
    case 'header.date':
      return strings('date');
    case 'name.variant':
      return category && strings('id', 'name', 'text', 'replacement') && typeof data.distance === 'number';
    case 'term.deprecated':
      return category && strings('id', 'name', 'text', 'lang', 'preferred', 'replacement') && (data.reason === undefined || typeof data.reason === 'string');
    case 'frontmatter.invalid':
      return true;
    default:
      return false;
  }
}
