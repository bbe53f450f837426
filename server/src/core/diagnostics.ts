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
  | 'translation.extra-entity';

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

/** The severity setting of each code. */
export const SEVERITY_SETTING: Readonly<Record<DiagnosticCode, keyof SeveritySettings>> = {
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

const CODE_ORDER: readonly DiagnosticCode[] = [
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
    const s = settings.severity[SEVERITY_SETTING[code]];
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

  if (doc.tooLarge === true) return sorted(out);
  const tags = readTags(doc, lexicon);
  // While the front matter does not parse, its tags cannot be trusted to be all there is, so
  // nothing is called stale or unknown (the invalid diagnostic says what to fix first).
  if (fm.status !== 'invalid') tagDiagnostics(tags, lexicon, settings, severity, out);
  entityDiagnostics(doc, tags, settings, severity, out);
  return sorted(out);
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
  const groups = new Map<string, Entity[]>();
  for (const e of doc.recognition.entities) {
    const heuristic = e.source === 'heuristic';
    if (heuristic ? suggested === undefined || tags.taggedHeuristics.has(e.id) : untagged === undefined || tags.tagged[e.category].has(e.id)) continue;
    const groupKey = `${heuristic ? 'h' : 'l'}:${e.category}:${e.id}`;
    const group = groups.get(groupKey);
    if (group === undefined) groups.set(groupKey, [e]);
    else group.push(e);
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
      diagnostic.related = mentions.slice(1).map((e) => ({ start: e.start, end: e.end, message: `${first.name} is also mentioned here` }));
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
