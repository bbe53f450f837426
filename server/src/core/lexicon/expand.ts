/**
 * Expansion: the forms a lexicon author writes -> every Variant the matcher needs.
 *
 * Authors write a demonym once, in the masculine singular ("marocain", "español", "Moroccan",
 * "مغربي"); the feminine and plural forms are generated here so that "espagnole", "marroquíes",
 * "Moroccans" and "المغربية" match without being typed into 250 country entries (issue 2).
 * Kinds and case rules get their defaults here too, so the matcher only reads finished Variants.
 */
import type { CaseRule, Category, Lang, Variant, VariantKind } from '../types';
import type { RawForm } from './parse';
import { EntryTerms } from './terms';

/** True for an all-caps form of 2+ letters ("UE", "ONU", "EE. UU.", "U.S."): an acronym. */
export function isAcronymForm(text: string): boolean {
  // A lower-case ASCII letter settles it (most forms have one) without building the letters.
  if (/[a-z]/.test(text)) return false;
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** True when the form has letters that have case at all (Arabic has none). */
function hasCasedLetters(text: string): boolean {
  return text.toLowerCase() !== text.toUpperCase();
}

/** The kind a form gets when the lexicon does not say. */
export function defaultKind(form: Pick<RawForm, 'text' | 'section'>): VariantKind {
  if (form.section === 'demonyms') return 'demonym';
  if (form.section === 'combining') return 'combining';
  return isAcronymForm(form.text) ? 'acronym' : 'name';
}

/**
 * The case rule a form gets when the lexicon does not say (spec, "Defaults"):
 * acronyms `exact`; country and region names `capitalized` (unless the author wrote the name with
 * a lower-case initial, as French writes "golfe de Guinée" or "îles Salomon": then `fold`);
 * English demonyms `capitalized`; everything else `fold`. Scripts without case always `fold`.
 */
export function defaultCaseRule(category: Category | undefined, kind: VariantKind, lang: Lang, text: string): CaseRule {
  if (!hasCasedLetters(text)) return 'fold';
  if (kind === 'acronym') return 'exact';
  if (kind === 'name' && (category === 'country' || category === 'region')) {
    const first = text.charAt(0);
    return first !== first.toLowerCase() ? 'capitalized' : 'fold';
  }
  if (kind === 'demonym' && lang === 'en') return 'capitalized';
  return 'fold';
}

/** Splits off the last word, which is the one that inflects ("sud-africain" -> "sud-", "africain"). */
function lastWord(text: string): [string, string] {
  const m = /^(.*[\s\-‐‑'’])?([^\s\-‐‑'’]+)$/u.exec(text);
  if (m === null) return ['', text];
  return [m[1] ?? '', m[2] ?? text];
}

/** Feminine and plural forms of a French demonym given in the masculine singular. */
export function inflectFrench(text: string): string[] {
  const [head, w] = lastWord(text);
  const lw = w.toLowerCase();
  let forms: string[];
  if (/en$/.test(lw)) forms = [w + 'ne', w + 's', w + 'nes']; // -en doubles its n: européen -> européenne, chilien -> chilienne
  else if (/on$/.test(lw)) forms = [w + 'ne', w + 's', w + 'nes']; // letton -> lettonne
  else if (/ec$/.test(lw)) forms = [w + 'que', w + 's', w + 'ques']; // grec -> grecque
  else if (/c$/.test(lw)) forms = [w.slice(0, -1) + 'que', w + 's', w.slice(0, -1) + 'ques']; // turc -> turque
  else if (/[sxz]$/.test(lw)) forms = [w + 'e', w + 'es']; // français: the masculine plural is invariable
  else if (/e$/.test(lw)) forms = [w + 's']; // belge, russe: one form for both genders
  else forms = [w + 'e', w + 's', w + 'es']; // marocain, espagnol, burkinabé
  return forms.map((f) => head + f);
}

const ACUTE: Record<string, string> = { á: 'a', é: 'e', í: 'i', ó: 'o', ú: 'u', Á: 'A', É: 'E', Í: 'I', Ó: 'O', Ú: 'U' };

/** Drops the written accent of the last vowel: francés -> frances (before adding a syllable). */
function unaccentLastVowel(w: string): string {
  const m = /[aeiouáéíóúAEIOUÁÉÍÓÚ](?=[^aeiouáéíóúAEIOUÁÉÍÓÚ]*$)/u.exec(w);
  if (m === null) return w;
  const v = m[0];
  const plain = ACUTE[v];
  return plain === undefined ? w : w.slice(0, m.index) + plain + w.slice(m.index + 1);
}

/** Feminine and plural forms of a Spanish demonym given in the masculine singular. */
export function inflectSpanish(text: string): string[] {
  const [head, w] = lastWord(text);
  const lw = w.toLowerCase();
  let forms: string[];
  if (/o$/.test(lw)) {
    const stem = w.slice(0, -1);
    forms = [stem + 'a', stem + 'os', stem + 'as']; // sirio -> siria, sirios, sirias
  } else if (/[íú]$/.test(lw)) forms = [w + 'es', w + 's']; // marroquí -> marroquíes, marroquís
  else if (/[aeiu]$/.test(lw)) forms = [w + 's']; // belga, estadounidense
  else if (/z$/.test(lw)) {
    const base = unaccentLastVowel(w);
    forms = [base + 'a', base.slice(0, -1) + 'ces', base + 'as'];
  } else {
    const base = unaccentLastVowel(w); // francés -> francesa, franceses; alemán -> alemana
    forms = [base + 'a', base + 'es', base + 'as'];
  }
  return forms.map((f) => head + f);
}

/** Plural of an English demonym used as a noun: Moroccans, Pakistanis, Czechs; not Spanish, Chinese, Dutch. */
export function inflectEnglish(text: string): string[] {
  const [head, w] = lastWord(text);
  const lw = w.toLowerCase();
  if (/ech$/.test(lw)) return [head + w + 's'];
  if (/(ish|ese|sh|ch|s|x|z|y)$/.test(lw)) return [];
  return [head + w + 's'];
}

const ARABIC_YA = '\u064A';
const ARABIC_TA_MARBUTA = '\u0629';
const ARABIC_HA = '\u0647';

/**
 * The nisba forms of an Arabic demonym: مغربي -> مغربية، مغربيون، مغربيين، مغربيات, and the duals
 * مغربيان، مغربيتان، مغربيتين ("مواطنان مغربيان"; the masculine genitive dual is written like the
 * plural). A feminine form (ending ـية) is accepted as input too; broken plurals (مغاربة) are data.
 */
export function inflectArabic(text: string): string[] {
  const [head, w] = lastWord(text);
  let masc: string | null = null;
  if (w.endsWith(ARABIC_YA)) masc = w;
  else if (w.length > 2 && (w.endsWith(ARABIC_YA + ARABIC_TA_MARBUTA) || w.endsWith(ARABIC_YA + ARABIC_HA))) masc = w.slice(0, -1);
  if (masc === null || masc.length < 3) return [];
  const forms = [
    masc,
    masc + ARABIC_TA_MARBUTA,
    masc + '\u0648\u0646',
    masc + ARABIC_YA + '\u0646',
    masc + '\u0627\u062A',
    masc + '\u0627\u0646',
    masc + '\u062A\u0627\u0646',
    masc + '\u062A\u064A\u0646',
  ];
  return forms.filter((f) => f !== w).map((f) => head + f);
}

/** Every inflected form of a demonym (without the form itself) in the languages we know. */
export function inflectDemonym(text: string, lang: Lang): string[] {
  const base = lang.split('-')[0];
  switch (base) {
    case 'fr':
      return inflectFrench(text);
    case 'es':
      return inflectSpanish(text);
    case 'en':
      return inflectEnglish(text);
    case 'ar':
      return inflectArabic(text);
    default:
      return [];
  }
}

/**
 * Expands the forms of one entry into Variants: default kinds and case rules, demonym
 * inflections, the preferred and deprecated terms of each language (terms.ts: a later layer wins
 * per term). A form repeated later (same language, kind and text) replaces the earlier one, so an
 * override can tighten a generated form's case rule.
 */
export function expandForms(category: Category | undefined, rawForms: readonly RawForm[]): Variant[] {
  const terms = new EntryTerms(rawForms, inflectDemonym);
  const forms = terms.forms;

  const variants = new Map<string, Variant>();
  const add = (v: Variant): void => {
    const key = `${v.lang}\u0000${v.kind}\u0000${v.text}`;
    variants.delete(key); // re-insert so the last definition also takes the last position
    variants.set(key, v);
  };
  for (const f of forms) {
    const kind = f.kind ?? defaultKind(f);
    const caseRule: CaseRule = hasCasedLetters(f.text) ? f.case ?? defaultCaseRule(category, kind, f.lang, f.text) : 'fold';
    const v: Variant = { text: f.text, lang: f.lang, kind, caseRule };
    if (terms.isPreferred(f)) v.preferred = true;
    const deprecated = terms.deprecation(f);
    if (deprecated !== undefined) v.deprecated = deprecated;
    add(v);
    if (kind === 'demonym' && f.inflect !== false) {
      for (const text of inflectDemonym(f.text, f.lang)) {
        const iv: Variant = { text, lang: f.lang, kind, caseRule: hasCasedLetters(text) ? caseRule : 'fold' };
        // Generated forms stay deprecated with their source, each paired with its own inflection of the target.
        const inflectedDeprecation = deprecated === undefined ? undefined : terms.deprecation(f, text);
        if (inflectedDeprecation !== undefined) iv.deprecated = inflectedDeprecation;
        const key = `${iv.lang}\u0000${iv.kind}\u0000${iv.text}`;
        // A form the author wrote out keeps the author's attributes over a generated one.
        if (!variants.has(key) || !forms.some((g) => g.lang === f.lang && g.text === text)) add(iv);
      }
    }
  }
  return [...variants.values()];
}
