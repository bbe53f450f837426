/**
 * The diagnostics of an analysed document (issue 3, "Diagnostics").
 *
 * Every diagnostic has a stable code and typed data carrying everything a fix needs (the entity,
 * its category, the value tagging writes, the key), so code actions switch on the code and read the
 * data, and never parse a message. Messages are for people: they name the entity and the key.
 */
import type { AnalyzedDocument } from './analysis';
import type { FrontMatterProblem } from './frontMatter/model';
import type { CommuniqueSettings, SeverityName, SeveritySettings } from './settings';
import { readTags, suggestTag, type TagState } from './tagValues';
import { deprecatedTermDiagnostics } from './terminology';
import type { ActorType, Category, Entity, Lang, Lexicon } from './types';

/** The stable code of each kind of diagnostic. */
export type DiagnosticCode =
  | 'entity.untagged'
  | 'entity.suggested'
  | 'frontmatter.stale'
  | 'frontmatter.unknown'
  | 'frontmatter.invalid'
  | 'header.date'
  | 'term.deprecated'
  | 'name.variant'
  | 'translation.missing-entity'
  | 'translation.extra-entity'
  /** The document is larger than communique.maxFileSize and is not annotated (issue 6). */
  | 'document.too-large'
  /** The document is binary data opened as text and is not annotated (issue 6). */
  | 'document.binary';

/** What each diagnostic carries for its fixes. */
export type DiagnosticData =
  | { code: 'entity.untagged'; category: Category; id: string; name: string; value: string; key: string; text: string }
  | { code: 'entity.suggested'; id: string; name: string; text: string; type: ActorType; value: string; key: string }
  | { code: 'frontmatter.stale'; category: Category; key: string; value: string }
  | { code: 'frontmatter.unknown'; category: Category; key: string; value: string; suggestion?: { value: string; name: string } }
  | { code: 'frontmatter.invalid'; reason: FrontMatterProblem['reason']; yamlCode?: string; detail: string }
  | { code: 'header.date'; date: string }
  /** A deprecated form of a lexicon term; `replacement` is the preferred term with the mention's case and, where the lexicon gives it, number and gender. */
  | { code: 'term.deprecated'; category: Category; id: string; name: string; text: string; lang: Lang; preferred: string; replacement: string; reason?: string }
  /** A misspelt or transliterated name of a known actor; `replacement` is the canonical spelling for this mention. */
  | { code: 'name.variant'; category: Category; id: string; name: string; text: string; replacement: string; distance: number }
  /** An entity id of the source document that this translation does not mention. */
  | { code: 'translation.missing-entity'; category: Category; id: string; name: string; value: string; key: string; source: string; sourceLanguage: Lang }
  /** The document's size in UTF-8 bytes and the limit it passes. */
  | { code: 'document.too-large'; bytes: number; limit: number }
  /** Why the document looks binary ("it contains NUL characters"). */
  | { code: 'document.binary'; reason: string }
  /** An entity id of this translation that its source does not mention. */
  | { code: 'translation.extra-entity'; category: Category; id: string; name: string; value: string; key: string; source: string; sourceLanguage: Lang };

/** A diagnostic of the core: UTF-16 offsets into the full document text. */
export interface CommuniqueDiagnostic {
  code: DiagnosticCode;
  severity: Exclude<SeverityName, 'off'>;
  message: string;
  start: number;
  end: number;
  data: DiagnosticData;
  /** Other mentions of the same entity. */
  related?: { start: number; end: number; message: string }[];
}

/** Codes whose severity is fixed: the notice that a document is not annotated is always shown (issue 6, never silently). */
export type FixedSeverityCode = 'document.too-large' | 'document.binary';

/** The severity of each code that cannot be configured. */
export const FIXED_SEVERITY: Readonly<Record<FixedSeverityCode, Exclude<SeverityName, 'off'>>> = {
  'document.too-large': 'information',
  'document.binary': 'warning',
};

/** The severity setting of each configurable code. */
export const SEVERITY_SETTING: Readonly<Record<Exclude<DiagnosticCode, FixedSeverityCode>, keyof SeveritySettings>> = {
  'entity.untagged': 'untagged',
  'entity.suggested': 'suggested',
  'frontmatter.stale': 'stale',
  'frontmatter.unknown': 'unknown',
  'frontmatter.invalid': 'invalid',
  'header.date': 'headerDate',
  'term.deprecated': 'deprecated',
  'name.variant': 'variant',
  'translation.missing-entity': 'translationMissing',
  'translation.extra-entity': 'translationExtra',
};

/** How a code is reported under these settings (`off` drops it). */
export function severityOf(settings: CommuniqueSettings, code: DiagnosticCode): SeverityName {
  return code === 'document.too-large' || code === 'document.binary' ? FIXED_SEVERITY[code] : settings.severity[SEVERITY_SETTING[code]];
}

const CODE_ORDER: readonly DiagnosticCode[] = [
  'document.binary',
  'document.too-large',
  'frontmatter.invalid',
  'frontmatter.unknown',
  'frontmatter.stale',
  'header.date',
  'entity.untagged',
  'entity.suggested',
  'term.deprecated',
  'name.variant',
  'translation.missing-entity',
  'translation.extra-entity',
];

/** Computes every diagnostic of an analysed document (severity 'off' drops a code). */
export function computeDiagnostics(doc: AnalyzedDocument, lexicon: Lexicon, settings: CommuniqueSettings): CommuniqueDiagnostic[] {
  const out: CommuniqueDiagnostic[] = [];
  const severity = (code: DiagnosticCode): Exclude<SeverityName, 'off'> | undefined => {
    const s = severityOf(settings, code);
    return s === 'off' ? undefined : s;
  };
  const fm = doc.frontMatter;

  for (const problem of fm.problems) {
    const s = severity('frontmatter.invalid');
    if (s === undefined) break;
    const data: DiagnosticData = { code: 'frontmatter.invalid', reason: problem.reason, detail: problem.message };
    if (problem.yamlCode !== undefined) data.yamlCode = problem.yamlCode;
    out.push({ code: 'frontmatter.invalid', severity: s, message: invalidMessage(problem), start: problem.start, end: problem.end, data });
  }

  if (fm.header !== undefined) {
    const s = severity('header.date');
    if (s !== undefined) {
      const { start, date } = fm.header;
      out.push({
        code: 'header.date',
        severity: s,
        message: `Legacy date header: move it into the front matter as date: ${date}`,
        start,
        end: lineContentEnd(doc.text, start, fm.header.end),
        data: { code: 'header.date', date },
      });
    }
  }

  // A document that is not analysed says so, whatever the severity settings (issue 6: never silently).
  const skipped = doc.notAnalyzed;
  if (skipped !== undefined) {
    const data: DiagnosticData = skipped.reason === 'too-large' ? { code: 'document.too-large', bytes: skipped.bytes, limit: skipped.limit } : { code: 'document.binary', reason: skipped.detail };
    out.push({ code: data.code, severity: FIXED_SEVERITY[data.code], message: skipped.message, start: 0, end: 0, data });
    return sorted(out);
  }
  if (doc.tooLarge === true) return sorted(out);
  const tags = readTags(doc, lexicon);
  // While the front matter does not parse, its tags cannot be trusted to be all there is, so
  // nothing is called stale or unknown (the invalid diagnostic says what to fix first).
  if (fm.status !== 'invalid') tagDiagnostics(tags, lexicon, settings, severity, out);
  entityDiagnostics(doc, tags, settings, severity, out);
  const deprecated = severity('term.deprecated');
  if (deprecated !== undefined) out.push(...deprecatedTermDiagnostics(doc, deprecated));
  variantDiagnostics(doc, severity, out);
  return sorted(out);
}

/**
 * `name.variant`: one per mention of an actor written with a variant of its name (issue 5), since
 * each mention has its own fix. Spellings the lexicon accepts are not reported.
 */
function variantDiagnostics(doc: AnalyzedDocument, severity: (code: DiagnosticCode) => Exclude<SeverityName, 'off'> | undefined, out: CommuniqueDiagnostic[]): void {
  const s = severity('name.variant');
  if (s === undefined) return;
  for (const e of doc.recognition.entities) {
    const v = e.nameVariant;
    if (v === undefined || v.accepted || e.source !== 'lexicon') continue;
    const replacement = variantReplacement(e.text, v.canonical);
    if (replacement === e.text) continue;
    const of = v.canonical === e.name ? e.name : `${v.canonical} (${e.name})`;
    out.push({
      code: 'name.variant',
      severity: s,
      message: `«${e.text}» looks like a variant of ${of}`,
      start: e.start,
      end: e.end,
      data: { code: 'name.variant', category: e.category, id: e.id, name: e.name, text: e.text, replacement, distance: v.distance },
    });
  }
}

/** The canonical spelling as the mention would write it: in capitals when the mention is ("HAMOUCHI" -> "HAMMOUCHI"). */
export function variantReplacement(mention: string, canonical: string): string {
  const letters = mention.replace(/[^\p{L}]/gu, '');
  const allCaps = letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
  return allCaps ? canonical.toUpperCase() : canonical;
}

/** Untagged lexicon entities and untagged heuristic actors. */
function entityDiagnostics(
  doc: AnalyzedDocument,
  tags: TagState,
  settings: CommuniqueSettings,
  severity: (code: DiagnosticCode) => Exclude<SeverityName, 'off'> | undefined,
  out: CommuniqueDiagnostic[],
): void {
  const untagged = severity('entity.untagged');
  const suggested = severity('entity.suggested');
  // Mentions per entity, in document order: the first one carries the diagnostic.
  // Groups by source, category and id, in nested maps: a long document has a hundred thousand
  // mentions of a few thousand entities, and no key string is built per mention (issue 6).
  const groups = new Map<string, Entity[]>();
  const bySource = { heuristic: new Map<Category, Map<string, Entity[]>>(), lexicon: new Map<Category, Map<string, Entity[]>>() };
  for (const e of doc.recognition.entities) {
    const heuristic = e.source === 'heuristic';
    if (heuristic ? suggested === undefined || tags.taggedHeuristics.has(e.id) : untagged === undefined || tags.tagged[e.category].has(e.id)) continue;
    const byCategory = heuristic ? bySource.heuristic : bySource.lexicon;
    let byId = byCategory.get(e.category);
    if (byId === undefined) byCategory.set(e.category, (byId = new Map()));
    const group = byId.get(e.id);
    if (group === undefined) {
      const created = [e];
      byId.set(e.id, created);
      // First mentions in document order, as before: the key only keeps the insertion order.
      groups.set(`${heuristic ? 'h' : 'l'}:${e.category}:${e.id}`, created);
    } else group.push(e);
  }
  for (const mentions of groups.values()) {
    const first = mentions[0]!;
    const key = settings.keys[first.category];
    const value = doc.tagValueOf(first);
    const make = (e: Entity): CommuniqueDiagnostic =>
      e.source === 'heuristic'
        ? {
            code: 'entity.suggested',
            severity: suggested!,
            message: `${first.name} looks like ${e.type === 'person' ? 'a person' : 'an organization'} that no lexicon lists`,
            start: e.start,
            end: e.end,
            data: { code: 'entity.suggested', id: e.id, name: first.name, text: e.text, type: e.type === 'person' ? 'person' : 'organization', value, key },
          }
        : {
            code: 'entity.untagged',
            severity: untagged!,
            message: `${first.name} (${entityLabel(first.category, value)}) is not tagged in ${key}`,
            start: e.start,
            end: e.end,
            data: { code: 'entity.untagged', category: e.category, id: e.id, name: first.name, value, key, text: e.text },
          };
    if (settings.perMention) {
      for (const e of mentions) out.push(make(e));
      continue;
    }
    const diagnostic = make(first);
    if (mentions.length > 1) {
      const message = `${first.name} is also mentioned here`;
      diagnostic.related = mentions.slice(1).map((e) => ({ start: e.start, end: e.end, message }));
    }
    out.push(diagnostic);
  }
}

/** Stale and unknown tags, on the tag's item in the front matter. */
function tagDiagnostics(
  tags: TagState,
  lexicon: Lexicon,
  settings: CommuniqueSettings,
  severity: (code: DiagnosticCode) => Exclude<SeverityName, 'off'> | undefined,
  out: CommuniqueDiagnostic[],
): void {
  const stale = severity('frontmatter.stale');
  const unknown = severity('frontmatter.unknown');
  for (const reading of tags.readings) {
    const { category, item } = reading;
    const key = settings.keys[category];
    if (item.value.trim() === '' || reading.mentioned) continue;
    if (reading.entry !== undefined) {
      if (stale === undefined) continue;
      out.push({
        code: 'frontmatter.stale',
        severity: stale,
        message: `${key} lists ${item.value}, which the text no longer mentions`,
        start: item.start,
        end: item.end,
        data: { code: 'frontmatter.stale', category, key, value: item.value },
      });
      continue;
    }
    if (unknown === undefined) continue;
    const suggestion = suggestTag(item.value, category, lexicon);
    const data: DiagnosticData = { code: 'frontmatter.unknown', category, key, value: item.value };
    let message = `${key} lists "${item.value}", which no lexicon knows`;
    if (suggestion !== undefined) {
      data.suggestion = suggestion;
      message += `; did you mean ${suggestion.value}${suggestion.name === suggestion.value ? '' : ` (${suggestion.name})`}?`;
    }
    out.push({ code: 'frontmatter.unknown', severity: unknown, message, start: item.start, end: item.end, data });
  }
}

/** "country ES", "threat drug-trafficking", or just "actor": an actor's value is its name. */
function entityLabel(category: Category, value: string): string {
  return category === 'actor' ? category : `${category} ${value}`;
}

function invalidMessage(problem: FrontMatterProblem): string {
  return problem.reason === 'yaml' ? `Front matter does not parse: ${problem.message}` : problem.message;
}

/** The end of a line's content: `end` without the line break it may include. */
function lineContentEnd(text: string, start: number, end: number): number {
  let e = Math.min(end, text.length);
  while (e > start && (text.charCodeAt(e - 1) === 10 || text.charCodeAt(e - 1) === 13)) e--;
  return e;
}

function sorted(diagnostics: CommuniqueDiagnostic[]): CommuniqueDiagnostic[] {
  return diagnostics.sort((a, b) => a.start - b.start || CODE_ORDER.indexOf(a.code) - CODE_ORDER.indexOf(b.code) || a.end - b.end);
}
