/**
 * Preferred and deprecated terms across lexicon layers (issue 5, "Terminology in the lexicon").
 *
 * The layers of one entry reach expansion as one list of raw forms, built-in ones first. Here
 * that list is read as a history: the forms that spell the same term (same language, same text
 * after folding) are one term, and each later statement about it wins, attribute by attribute.
 * So a workspace entry with `merge: extend` can deprecate a built-in term (`{text: Daech,
 * deprecated: true}`), take the mark back (`deprecated: false`), or choose another preferred term
 * (`{text: EI, preferred: true}`), without restating the rest.
 *
 * A language has one preferred term: the last form marked `preferred: true` that is not
 * deprecated in the end, or else its first name that is neither deprecated nor `preferred: false`.
 *
 * `deprecated: {use: X}` pairs a deprecated form with the form to write instead (the one of the
 * same number and gender: "immigrés clandestins" -> "immigrés en situation irrégulière"). A
 * target that the entry does not list is added to it, so that the replaced text is still
 * recognised as the same entity. A deprecated demonym without `use` is replaced by the preferred
 * demonym of its language, and every generated inflection by the inflection of the target in the
 * same gender and number (birmans -> myanmarais, birmanes -> myanmaraises).
 */
import type { Lang } from '../types';
import type { FormSection, RawForm } from './parse';

/** What the lexicon says of a deprecated form: why, and what to write instead when it says so. */
export interface Deprecation {
  reason?: string;
  use?: string;
}

/** Grammatical slots of a demonym: masculine/feminine, singular/plural. */
export type Slot = 'ms' | 'fs' | 'mp' | 'fp';

/** One form of a demonym's paradigm and the slots it fills. */
export interface ParadigmForm {
  text: string;
  slots: readonly Slot[];
}

/** The inflections of a demonym, as expand.ts generates them (the form itself not included). */
export type Inflector = (text: string, lang: Lang) => string[];

/** A term's state after every layer has spoken. */
interface TermState {
  /** Index in the form list of the last `preferred: true` still standing; -1 if none. */
  preferredAt: number;
  /** Set by a later `preferred: false`: never the default preferred term either. */
  notPreferred: boolean;
  deprecated?: Deprecation;
  /** How the lexicon now writes the term: its first spelling, or the last one that marked it. */
  text: string;
  lang: Lang;
  /** The list of the term's first form. */
  section: FormSection;
}

/** Most `use` links followed from one deprecated form before giving up on a chain. */
const MAX_CHAIN = 8;

/** The folded identity of a term in its language: case, accents, apostrophes, hyphens and spaces do not count. */
export function termKey(lang: Lang, text: string): string {
  const folded = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/[-‐‑]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return `${lang}\u0000${folded}`;
}

/**
 * The slots of each form of a demonym's paradigm, the form itself first. The inflectors return
 * their forms in a fixed order per shape (expand.ts), which the number of forms tells apart:
 * French marocain -> [marocaine, marocains, marocaines], français -> [française, françaises],
 * belge -> [belges]; Spanish sirio -> [siria, sirios, sirias], marroquí -> [marroquíes,
 * marroquís], belga -> [belgas]; English Moroccan -> [Moroccans]; Arabic by its endings.
 */
export function demonymParadigm(text: string, lang: Lang, inflect: Inflector, inflected = true): ParadigmForm[] {
  const all: readonly Slot[] = ['ms', 'fs', 'mp', 'fp'];
  const forms = inflected ? inflect(text, lang) : [];
  if (forms.length === 0) return [{ text, slots: all }];
  const base = lang.split('-')[0];
  const label = (slots: Slot[][]): ParadigmForm[] => [text, ...forms].map((t, i) => ({ text: t, slots: slots[i] ?? all }));
  if (base === 'ar') {
    const arabic = (t: string): Slot[] => {
      if (/(?:ون|ين)$/u.test(t)) return ['mp'];
      if (/ات$/u.test(t)) return ['fp'];
      if (/[ةه]$/u.test(t)) return ['fs'];
      return ['ms'];
    };
    return [text, ...forms].map((t) => ({ text: t, slots: arabic(t) }));
  }
  if (forms.length >= 3) return label([['ms'], ['fs'], ['mp'], ['fp']]);
  if (forms.length === 2) {
    // French -ais/-ois: the masculine plural is the form itself. Spanish -í/-ú: two plural spellings.
    return base === 'es' ? label([['ms', 'fs'], ['mp', 'fp'], ['mp', 'fp']]) : label([['ms', 'mp'], ['fs'], ['fp']]);
  }
  return label([['ms', 'fs'], ['mp', 'fp']]);
}

/** The form of `target` in the slots of `slots`: the best overlap, the exact match first. */
export function pairBySlots(slots: readonly Slot[], target: readonly ParadigmForm[]): string {
  let best: ParadigmForm | undefined;
  let bestScore = -1;
  for (const t of target) {
    const shared = t.slots.filter((s) => slots.includes(s)).length;
    // Equal overlaps: the form with fewer other slots is the more precise one.
    const score = shared * 10 - (t.slots.length - shared);
    if (shared > 0 && score > bestScore) {
      best = t;
      bestScore = score;
    }
  }
  return (best ?? target[0])!.text;
}

/**
 * Arabic nisba forms are the masculine stem and an ending (ـية، ـيون، ـيين، ـيات...), so the
 * target takes the very ending of the inflection: بورميين -> ميانماريين, case and number kept.
 * Undefined for another language or another shape.
 */
export function arabicNisbaPair(base: string, inflection: string, target: string, lang: Lang): string | undefined {
  if (lang.split('-')[0] !== 'ar') return undefined;
  const stem = (w: string): string | undefined => (/ي$/u.test(w) ? w : /ي[ةه]$/u.test(w) ? w.slice(0, -1) : undefined);
  const from = stem(base);
  const to = stem(target);
  if (from === undefined || to === undefined || !inflection.startsWith(from)) return undefined;
  return to + inflection.slice(from.length);
}

/** The terminology of one entry's forms, resolved across its layers. */
export class EntryTerms {
  /** The forms to expand: the input, then any `use` target the entry did not list. */
  readonly forms: RawForm[];
  private readonly states = new Map<string, TermState>();
  /** Per language, the key of its preferred term. */
  private readonly preferredKey = new Map<Lang, string>();
  /** Per language, the preferred demonym (its text and whether it inflects). */
  private readonly preferredDemonym = new Map<Lang, RawForm>();

  /**
   * Set when no form says `preferred` or `deprecated` (most entries): the first name of each
   * language is its preferred term, and no key needs computing (lexicon loading stays fast).
   */
  private readonly firstNames: Map<Lang, string> | undefined;

  constructor(
    forms: readonly RawForm[],
    private readonly inflect: Inflector,
  ) {
    this.forms = [...forms];
    if (!forms.some((f) => f.preferred !== undefined || f.deprecated !== undefined)) {
      this.firstNames = new Map();
      for (const f of forms) if (f.section === 'names' && !this.firstNames.has(f.lang)) this.firstNames.set(f.lang, f.text);
      return;
    }
    this.forms.forEach((f, i) => this.read(f, i));
    this.addTargets();
    this.choosePreferred();
  }

  /** True when this form's variant is the preferred term of its language. */
  isPreferred(f: RawForm): boolean {
    if (f.section !== 'names') return false;
    if (this.firstNames !== undefined) return this.firstNames.get(f.lang) === f.text;
    const key = termKey(f.lang, f.text);
    return this.preferredKey.get(f.lang) === key && this.states.get(key)?.text === f.text;
  }

  /**
   * The deprecation of a form's variant, or of one of its generated inflections (`inflection`),
   * with `use` resolved to a form that is not deprecated itself. Without an explicit `use`, a
   * name has none (the preferred term of the language applies, see terminology.ts); a demonym
   * gets the preferred demonym of its language in the same slots.
   */
  deprecation(f: RawForm, inflection?: string): Deprecation | undefined {
    if (this.firstNames !== undefined) return undefined;
    const state = this.states.get(termKey(f.lang, f.text));
    if (state?.deprecated === undefined) return undefined;
    const out: Deprecation = {};
    if (state.deprecated.reason !== undefined) out.reason = state.deprecated.reason;
    const target = this.target(f);
    if (target === undefined) return out;
    if (f.section === 'demonyms' && (f.kind === undefined || f.kind === 'demonym')) {
      const own = demonymParadigm(f.text, f.lang, this.inflect, f.inflect !== false);
      const slots = own.find((p) => p.text === (inflection ?? f.text))?.slots ?? own[0]!.slots;
      const targetForm = this.forms.find((g) => g.section === 'demonyms' && termKey(g.lang, g.text) === termKey(f.lang, target));
      const inflects = targetForm?.inflect !== false;
      out.use =
        (inflects ? arabicNisbaPair(f.text, inflection ?? f.text, target, f.lang) : undefined) ??
        pairBySlots(slots, demonymParadigm(target, f.lang, this.inflect, inflects));
    } else {
      out.use = target;
    }
    return out;
  }

  /** The text a deprecated form points to after following `use` links; undefined for "the preferred term". */
  private target(f: RawForm): string | undefined {
    const seen = new Set<string>();
    let key = termKey(f.lang, f.text);
    let use = this.states.get(key)?.deprecated?.use;
    for (let step = 0; use !== undefined && step < MAX_CHAIN; step++) {
      seen.add(key);
      key = termKey(f.lang, use);
      const next = this.states.get(key);
      if (next?.deprecated === undefined) return next?.text ?? use;
      // A target deprecated in turn: follow it, unless the links go round in a circle.
      if (seen.has(key)) break;
      use = next.deprecated.use;
    }
    if (use !== undefined) return undefined; // a circle or a chain too long: the preferred term
    if (f.section === 'demonyms') return this.preferredDemonym.get(f.lang)?.text;
    return undefined;
  }

  private read(f: RawForm, index: number): void {
    const key = termKey(f.lang, f.text);
    let state = this.states.get(key);
    if (state === undefined) {
      state = { preferredAt: -1, notPreferred: false, text: f.text, lang: f.lang, section: f.section };
      this.states.set(key, state);
    }
    // The spelling of the term: its first one, or the last one that said something about it.
    if (f.preferred !== undefined || f.deprecated !== undefined) state.text = f.text;
    if (f.deprecated === false) delete state.deprecated;
    else if (f.deprecated !== undefined) {
      state.deprecated = { ...f.deprecated };
      state.preferredAt = -1;
    }
    if (f.preferred === true && f.section === 'names') {
      state.preferredAt = index;
      state.notPreferred = false;
      // Choosing a term as preferred takes back an earlier deprecation of it.
      if (f.deprecated === undefined) delete state.deprecated;
    } else if (f.preferred === false) {
      state.preferredAt = -1;
      state.notPreferred = true;
    }
  }

  /** Adds each `use` target that no form of the language spells, in the section of its deprecated form. */
  private addTargets(): void {
    const targets: { text: string; lang: Lang; section: FormSection }[] = [];
    for (const [, state] of this.states) {
      const use = state.deprecated?.use;
      if (use === undefined) continue;
      const key = termKey(state.lang, use);
      if (this.states.has(key) || targets.some((t) => termKey(t.lang, t.text) === key)) continue;
      targets.push({ text: use, lang: state.lang, section: state.section === 'demonyms' ? 'demonyms' : 'names' });
    }
    for (const t of targets) {
      const form: RawForm = { text: t.text, lang: t.lang, section: t.section };
      this.forms.push(form);
      this.read(form, this.forms.length - 1);
    }
  }

  private choosePreferred(): void {
    const best = new Map<Lang, { key: string; at: number }>();
    for (const f of this.forms) {
      if (f.section !== 'names') continue;
      const key = termKey(f.lang, f.text);
      const state = this.states.get(key)!;
      if (state.deprecated !== undefined || state.preferredAt < 0) continue;
      const current = best.get(f.lang);
      if (current === undefined || state.preferredAt > current.at) best.set(f.lang, { key, at: state.preferredAt });
    }
    for (const [lang, b] of best) this.preferredKey.set(lang, b.key);
    for (const f of this.forms) {
      const state = this.states.get(termKey(f.lang, f.text))!;
      if (state.deprecated !== undefined || state.notPreferred) continue;
      if (f.section === 'names' && !this.preferredKey.has(f.lang)) this.preferredKey.set(f.lang, termKey(f.lang, f.text));
      if (f.section === 'demonyms' && (f.kind === undefined || f.kind === 'demonym') && !this.preferredDemonym.has(f.lang)) this.preferredDemonym.set(f.lang, f);
    }
  }
}
