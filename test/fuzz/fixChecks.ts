/**
 * The checks of the front-matter editor's fuzz properties (test/unit/fuzzFrontMatter.test.ts),
 * shared with their regression tests (test/unit/fuzzRegressions.test.ts): tag-all on a document,
 * and any one fix of a document, applied and checked against the invariants of issue 6.
 */
import assert from 'node:assert/strict';
import { analyzeDocument, type AnalyzedDocument } from '#core/analysis';
import { planActions, planTagAll, type ActionPlan } from '#core/codeActions';
import { computeDiagnostics, type CommuniqueDiagnostic } from '#core/diagnostics';
import { analyzeFrontMatter, readFrontMatter } from '#core/frontMatter/model';
import { lexiconKey } from '#core/lexicon/merge';
import type { Recognizer } from '#core/recognize';
import { DEFAULT_SETTINGS } from '#core/settings';
import { applyEdits } from '#core/textEdit';
import type { Entity, Lexicon } from '#core/types';
import { checkComments, checkEdits, checkLineBreaks, skeleton } from './editorChecks';
import { KEYS, MANAGED_KEYS } from './generators';
import { show } from './invariants';

const settings = DEFAULT_SETTINGS;

/** What a document's entities are, without their offsets (a fix to the front matter moves them). */
function entityList(doc: AnalyzedDocument): string[] {
  return doc.recognition.entities.map((e: Entity) => `${e.category}:${e.id}:${e.source}:${e.text}`);
}

/** What makes a diagnostic the same one after a fix (offsets move). */
function identity(d: CommuniqueDiagnostic): string {
  const data = d.data as unknown as Record<string, unknown>;
  switch (d.data.code) {
    case 'entity.untagged':
      return `${d.code}|${d.data.category}|${d.data.id}`;
    case 'entity.suggested':
      return `${d.code}|${d.data.id}`;
    case 'frontmatter.stale':
    case 'frontmatter.unknown':
      return `${d.code}|${d.data.key}|${d.data.value}`;
    default:
      return `${d.code}|${JSON.stringify(data)}`;
  }
}

export interface FixCheck {
  lexicon: Lexicon;
  recognizer: Recognizer;
}

/**
 * Tag-all on a document, checked; returns what happened. `plainYaml` says the front matter was
 * generated from ordinary constructs only (no anchors, explicit keys, tags): then a block that
 * parses must be taggable. Exotic YAML may be refused, with a reason, when the planner's own check
 * of its result fails: a message, never a damaged front matter.
 */
export function checkTagAll(text: string, { lexicon, recognizer }: FixCheck, plainYaml = true): string {
  const doc = analyzeDocument({ uri: 'file:///w/press/fuzz.md', version: 1, text }, recognizer, settings);
  const plan = planTagAll(doc, lexicon, settings);
  if ('error' in plan) {
    assert.ok(typeof plan.error === 'string' && plan.error.length > 0, 'a refusal says why');
    if (doc.frontMatter.status === 'invalid') return 'refused';
    assert.ok(!plainYaml, `tag-all refused a valid front matter: ${plan.error}\n${show(text)}`);
    return 'refused-exotic';
  }
  if (plan.edits.length === 0) {
    assert.ok(!computeDiagnostics(doc, lexicon, settings).some((d) => d.code === 'entity.untagged'), 'nothing to tag means nothing untagged');
    return 'nothing';
  }
  checkEdits(text, plan.edits, 'tag-all');
  checkLineBreaks(text, plan.edits, 'tag-all');
  for (const edit of plan.edits) {
    assert.match(text.slice(edit.start, edit.end), /^[ \t]*(?:~|null)?$/, `tag-all deletes only a placeholder: ${show(text.slice(edit.start, edit.end))}`);
  }
  const after = applyEdits(text, plan.edits);
  const doc2 = analyzeDocument({ uri: 'file:///w/press/fuzz.md', version: 2, text: after }, recognizer, settings);
  const fm2 = readFrontMatter(after, KEYS);
  assert.equal(fm2.status, 'ok', `the front matter still parses after tag-all:\n${show(after)}`);
  assert.equal(after.charCodeAt(0) === 0xfeff, text.charCodeAt(0) === 0xfeff, 'the BOM stays');
  assert.equal(after.slice(fm2.block!.end), text.slice(doc.frontMatter.block?.end ?? doc.frontMatter.bomLength), 'the body is untouched');
  // A short document with a few stray control characters or lone surrogates may cross the share
  // that makes it "not text" (core/text/inspect.ts) once the tags are added or removed.
  if (doc2.notAnalyzed !== undefined) return 'tagged, then not analysed';
  assert.deepEqual(entityList(doc2), entityList(doc), 'tagging does not change what is recognised');
  const left = computeDiagnostics(doc2, lexicon, settings).filter((d) => d.code === 'entity.untagged');
  assert.deepEqual(left.map(identity), [], 'no untagged entity is left');
  assert.deepEqual(planTagAll(doc2, lexicon, settings), { edits: [] }, 'tag-all is idempotent');
  return 'tagged';
}

/** The document fixes (with edits, enabled) offered for one diagnostic, or as source actions when `target` is undefined. */
export function fixesOnOffer(doc: AnalyzedDocument, diagnostics: readonly CommuniqueDiagnostic[], lexicon: Lexicon, target: CommuniqueDiagnostic | undefined): ActionPlan[] {
  const range = target === undefined ? { start: 0, end: 0 } : { start: target.start, end: target.end };
  return planActions(doc, diagnostics, range, lexicon, settings, [target === undefined ? 'source' : 'quickfix']).filter(
    (plan) =>
      plan.edits !== undefined &&
      plan.edits.length > 0 &&
      plan.disabled === undefined &&
      (target === undefined || (plan.diagnostics?.includes(target) === true && !/^Tag all /.test(plan.title))),
  );
}

/** The titles of the fixes on offer for the diagnostics of a code (or the source actions): "not offered again" looks there. */
function titlesOnOffer(doc: AnalyzedDocument, diagnostics: readonly CommuniqueDiagnostic[], lexicon: Lexicon, code: string | undefined): Set<string> {
  const targets = code === undefined ? [undefined] : diagnostics.filter((d) => d.code === code);
  return new Set(targets.flatMap((t) => fixesOnOffer(doc, diagnostics, lexicon, t).map((p) => p.title)));
}

/** The codes a fix is checked for (the others have no document edit). */
const FIXABLE_CODES = new Set(['entity.untagged', 'entity.suggested', 'frontmatter.stale', 'frontmatter.unknown', 'header.date', 'term.deprecated', 'name.variant']);

/** Applies one fix and checks it; returns its kind for the statistics. */
export function checkFix(text: string, choice: number, { lexicon, recognizer }: FixCheck): string {
  const doc = analyzeDocument({ uri: 'file:///w/press/fuzz.md', version: 1, text }, recognizer, settings);
  const diagnostics = computeDiagnostics(doc, lexicon, settings);
  // One diagnostic (or the source actions) and one of its fixes, both drawn from `choice`.
  const targets = [...diagnostics.filter((d) => FIXABLE_CODES.has(d.code)), undefined];
  const target = targets[choice % targets.length];
  const offered = fixesOnOffer(doc, diagnostics, lexicon, target);
  if (offered.length === 0) return 'none';
  const plan = offered[Math.floor(choice / targets.length) % offered.length]!;
  const what = `"${plan.title}"`;
  const edits = plan.edits!;
  checkEdits(text, edits, what);
  checkLineBreaks(text, edits, what);
  const after = applyEdits(text, edits);
  const doc2 = analyzeDocument({ uri: 'file:///w/press/fuzz.md', version: 2, text: after }, recognizer, settings);
  if (!editsFrontMatter(plan, target)) {
    checkBodyFix(text, after, doc, doc2, plan, target, { lexicon, recognizer });
    return 'body:' + plan.title.replace(/ [^]*/, '');
  }
  assert.equal(readFrontMatter(after, KEYS).status, 'ok', `${what}: the front matter parses afterwards:\n${show(after)}`);

  // Bytes outside the managed keys.
  const movesHeader = plan.title === 'Move date header into front matter';
  const hadDate = analyzeFrontMatter(text, KEYS).layout?.rootKeys.has('date') === true;
  const before = skeleton(text, { withoutHeader: movesHeader });
  const now = skeleton(after, { withoutDateKey: movesHeader && !hadDate });
  assert.equal(now.bom, before.bom, `${what}: the BOM stays`);
  assert.equal(now.body, before.body, `${what}: the body is untouched`);
  if (before.content === undefined) assert.equal(now.content?.trim(), '', `${what}: a new block holds only managed keys`);
  else assert.equal(now.content, before.content, `${what}: unrelated keys and their comments are untouched`);
  const removedLines = removedItemLines(text, after);
  checkComments(text, after, removedLines, what);

  // The fixed diagnostic is gone and the fix is not offered again (unless the result is no
  // longer analysed at all, see checkTagAll).
  if (doc2.notAnalyzed !== undefined) return `${plan.title.replace(/ [^]*/, '')}, then not analysed`;
  const diagnostics2 = computeDiagnostics(doc2, lexicon, settings);
  const ignoring = /^Ignore "/.test(plan.title);
  if (target !== undefined) {
    if (ignoring) {
      const text0 = (target.data as { text: string }).text;
      const again = doc2.recognition.entities.filter((e) => e.id === (target.data as { id: string }).id && lexiconKey(e.text) === lexiconKey(text0));
      assert.deepEqual(again.map((e) => e.text), [], `${what}: the ignored mention is no longer recognised`);
    } else {
      assert.ok(!diagnostics2.some((d) => identity(d) === identity(target)), `${what}: ${identity(target)} is gone`);
    }
  } else if (/stale tag/.test(plan.title)) {
    assert.ok(!diagnostics2.some((d) => d.code === 'frontmatter.stale'), `${what}: no stale tag is left`);
  } else if (movesHeader) {
    assert.equal(doc2.frontMatter.header, undefined, `${what}: the header is gone`);
    assert.ok(!diagnostics2.some((d) => d.code === 'header.date'), `${what}: no header diagnostic is left`);
  }
  if (!ignoring) assert.deepEqual(entityList(doc2), entityList(doc), `${what}: the same entities are recognised`);
  assert.ok(!titlesOnOffer(doc2, diagnostics2, lexicon, target?.code).has(plan.title), `${what} is not offered again on its own result`);
  return plan.title.replace(/ [^]*/, '');
}

/** The diagnostics whose fixes rewrite the front matter (the others replace text in the body). */
const FRONT_MATTER_CODES = new Set(['entity.untagged', 'entity.suggested', 'frontmatter.stale', 'frontmatter.unknown', 'header.date']);

function editsFrontMatter(plan: ActionPlan, target: CommuniqueDiagnostic | undefined): boolean {
  if (target !== undefined) return FRONT_MATTER_CODES.has(target.code);
  return /stale tag|^Move date header|^Tag all /.test(plan.title);
}

/**
 * A fix of the body (a deprecated term or a misspelt name replaced, issue 5): it edits only the
 * mentions it fixes (and the article just before one, which may have to agree: "du" becomes
 * "de l'"), never the front matter or the header; in the result the replacement is still
 * recognised as the same entity, its diagnostic is gone, and the fix is not offered again.
 */
function checkBodyFix(text: string, after: string, doc: AnalyzedDocument, doc2: AnalyzedDocument, plan: ActionPlan, target: CommuniqueDiagnostic | undefined, { lexicon }: FixCheck): void {
  const what = `"${plan.title}"`;
  const bodyStart = doc.frontMatter.header?.end ?? doc.frontMatter.block?.end ?? doc.frontMatter.bomLength;
  const fixed = plan.diagnostics ?? [];
  const edits = [...plan.edits!].sort((a, b) => a.start - b.start);
  for (const edit of edits) {
    assert.ok(edit.start >= bodyStart, `${what}: edits only the body`);
    assert.ok(
      fixed.some((d) => d.start - ARTICLE_REACH <= edit.start && edit.end <= d.end),
      `${what}: the edit ${show(text.slice(edit.start, edit.end))} -> ${show(edit.newText)} is on a mention it fixes`,
    );
  }
  assert.equal(after.slice(0, bodyStart), text.slice(0, bodyStart), `${what}: the front matter and the header are untouched`);
  if (doc2.notAnalyzed !== undefined) return;
  const diagnostics2 = computeDiagnostics(doc2, lexicon, settings);
  if (target !== undefined) {
    // The mention's place in the result: from the first edit on it (or its start) to its end.
    const on = edits.filter((e) => e.start <= target.end && e.end >= target.start - ARTICLE_REACH);
    assert.ok(on.length > 0, `${what}: an edit is on the mention`);
    const left = Math.min(target.start, on[0]!.start);
    const right = Math.max(target.end, on[on.length - 1]!.end);
    const shifted = (o: number): number => o + edits.filter((e) => e.end <= o).reduce((n, e) => n + e.newText.length - (e.end - e.start), 0);
    const place = { start: shifted(left), end: shifted(right) };
    const inside = (x: { start: number; end: number }): boolean => place.start <= x.start && x.end <= place.end;
    assert.ok(!diagnostics2.some((d) => d.code === target.code && inside(d)), `${what}: the ${target.code} is gone`);
    // The replacement is still recognised: as the entity itself, or inside a longer name of its
    // category that the heuristics now read around it ("Daech Institut des Sciences" when run-on
    // capitalised words follow it).
    const { id, category } = target.data as { id?: string; category?: string };
    const around = (e: Entity): boolean => e.category === category && e.source === 'heuristic' && e.start <= place.start && place.end <= e.end;
    if (id !== undefined) {
      assert.ok(
        doc2.recognition.entities.some((e) => (e.id === id && inside(e)) || around(e)),
        `${what}: the replacement ${show(after.slice(place.start, place.end))} is still ${id}`,
      );
    }
  } else {
    // Other mentions may be offered the same replacement; a source action ("Replace all") is done.
    assert.ok(!titlesOnOffer(doc2, diagnostics2, lexicon, undefined).has(plan.title), `${what} is not offered again on its own result`);
  }
}

/** How far before a mention a body fix may reach: the article that agrees with it ("de la ", "du "). */
const ARTICLE_REACH = 8;

/** The lines of the block items that a fix removed (their comments may go with them). */
function removedItemLines(before: string, after: string): { start: number; end: number }[] {
  const b = analyzeFrontMatter(before, KEYS);
  const a = analyzeFrontMatter(after, KEYS);
  const out: { start: number; end: number }[] = [];
  for (const key of MANAGED_KEYS) {
    const left = new Map<string, number>();
    for (const item of a.layout?.sites.get(key)?.items ?? []) left.set(item.value, (left.get(item.value) ?? 0) + 1);
    for (const item of b.layout?.sites.get(key)?.items ?? []) {
      const n = left.get(item.value) ?? 0;
      if (n > 0) left.set(item.value, n - 1);
      else out.push(item.lines !== undefined ? { start: item.lines.start, end: item.lines.next } : { start: item.start, end: item.end });
    }
  }
  return out;
}
