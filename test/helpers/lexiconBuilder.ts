/**
 * Builds in-memory lexicons for the matching tests, straight from the core types, so that the
 * matcher's tests depend neither on the YAML loader nor on the built-in data.
 *
 * Defaults follow the lexicon format (spec): an all-caps form of 2+ letters is an `exact` acronym,
 * country and region names are `capitalized` (unless written with a lower-case initial), English demonyms are `capitalized`, everything else
 * (and all Arabic) is `fold`. Inflections are not generated: tests list the forms they use.
 */
import type { ActorType, CaseRule, Category, Lang, Lexicon, LexiconEntry, ThreatFrame, Variant, VariantKind } from '#core/types';
import { tokenize } from '#core/text/tokenize';

/** A form as a test writes it: the text, or the text with explicit attributes. */
export type FormSpec = string | { text: string; case?: CaseRule; kind?: VariantKind };

export interface EntrySpec {
  id: string;
  category: Category;
  type?: ActorType;
  name?: string;
  names?: Record<Lang, FormSpec[]>;
  demonyms?: Record<Lang, FormSpec[]>;
  combining?: Record<Lang, FormSpec[]>;
  frames?: Array<Partial<ThreatFrame> & { lang: Lang; heads: string[]; objects: string[] }>;
  file?: string;
}

function isAcronym(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

function variantOf(form: FormSpec, lang: Lang, section: 'names' | 'demonyms' | 'combining', category: Category): Variant {
  const text = typeof form === 'string' ? form : form.text;
  const explicit: { case?: CaseRule; kind?: VariantKind } = typeof form === 'string' ? {} : form;
  let kind: VariantKind = section === 'demonyms' ? 'demonym' : section === 'combining' ? 'combining' : 'name';
  let caseRule: CaseRule = 'fold';
  if (section === 'names' && isAcronym(text)) {
    kind = 'acronym';
    caseRule = 'exact';
  } else if (lang === 'ar') {
    caseRule = 'fold';
  } else if (section === 'names' && (category === 'country' || category === 'region') && text.charAt(0) !== text.charAt(0).toLowerCase()) {
    // As the loader does: "golfe de Guinée", written with a lower-case initial, matches in any case.
    caseRule = 'capitalized';
  } else if (section === 'demonyms' && lang === 'en') {
    caseRule = 'capitalized';
  }
  return { text, lang, kind: explicit.kind ?? kind, caseRule: explicit.case ?? caseRule };
}

/** One lexicon entry with its variants expanded from the spec. */
export function entry(spec: EntrySpec): LexiconEntry {
  const variants: Variant[] = [];
  const names: Record<Lang, string[]> = {};
  for (const section of ['names', 'demonyms', 'combining'] as const) {
    for (const [lang, forms] of Object.entries(spec[section] ?? {})) {
      for (const form of forms) {
        const v = variantOf(form, lang, section, spec.category);
        variants.push(v);
        if (section === 'names') (names[lang] ??= []).push(v.text);
      }
    }
  }
  const frames: ThreatFrame[] = (spec.frames ?? []).map((f) => ({ window: 6, objectFirstWindow: 0, ...f }));
  const result: LexiconEntry = {
    id: spec.id,
    category: spec.category,
    name: spec.name ?? names['en']?.[0] ?? Object.values(names)[0]?.[0] ?? spec.id,
    names,
    variants,
    frames,
    origin: { file: spec.file ?? 'test.yaml', line: 1 },
  };
  if (spec.type !== undefined) result.type = spec.type;
  return result;
}

/** The key the loader uses for `ignore` terms: folded tokens joined by spaces. */
function ignoreKey(term: string): string {
  return tokenize(term)
    .map((t) => t.folded)
    .join(' ');
}

/** A lexicon of the given entries (later ids replace earlier ones) and ignore terms. */
export function lexicon(entries: readonly (LexiconEntry | EntrySpec)[], ignore: readonly string[] = []): Lexicon {
  const map = new Map<string, LexiconEntry>();
  for (const e of entries) {
    const built = 'variants' in e ? e : entry(e);
    map.set(built.id, built);
  }
  return { entries: map, ignore: new Set(ignore.map(ignoreKey)), problems: [] };
}
