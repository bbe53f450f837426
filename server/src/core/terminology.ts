/**
 * Deprecated terms (issue 5, "Terminology in the lexicon"): which mentions use a form the lexicon
 * deprecates, what to write instead in the mention's case, the `term.deprecated` diagnostics, and
 * the plans of their replacements.
 *
 *   lexicon (Variant.deprecated) -> Terminology index -> Entity.deprecated (after recognition)
 *     -> term.deprecated diagnostics -> "Replace with «X»", "Replace all ..." plans
 *
 * Recognition is not touched: this is a pass over its entities, so a deprecated form is still
 * recognised as its entity (and tagged as such) whatever is decided here.
 */
import type { AnalyzedDocument } from './analysis';
import type { ActionPlan } from './codeActions';
import type { CommuniqueDiagnostic, DiagnosticData } from './diagnostics';
import { isAcronymForm } from './lexicon/expand';
import { lexiconKey } from './lexicon/merge';
import type { SeverityName } from './settings';
import type { TextEdit } from './textEdit';
import type { DeprecatedUse, Entity, Lang, Lexicon, Recognition } from './types';

type TermData = Extract<DiagnosticData, { code: 'term.deprecated' }>;

/** A deprecated form of one entry in one language, and its replacement as the lexicon writes it. */
interface DeprecatedForm {
  /** The form as the lexicon writes it (the mention's case is compared with it). */
  form: string;
  target: string;
  reason?: string;
}

/** The deprecated forms of a lexicon, indexed for the pass over a document's entities. */
export interface Terminology {
  /** How many deprecated forms have a replacement (0: the pass is skipped). */
  readonly size: number;
  /** The recognition with `deprecated` set on each mention of a deprecated form; the same object when there is none. */
  mark(recognition: Recognition): Recognition;
}

/** Indexes the deprecated variants of a lexicon: once per lexicon, as the matcher is. */
export function createTerminology(lexicon: Lexicon): Terminology {
  const byEntry = new Map<string, Map<string, DeprecatedForm>>();
  let size = 0;
  for (const entry of lexicon.entries.values()) {
    const variants = Array.isArray(entry.variants) ? entry.variants : [];
    if (!variants.some((v) => v.deprecated !== undefined)) continue;
    const forms = new Map<string, DeprecatedForm>();
    for (const v of variants) {
      if (v.deprecated === undefined) continue;
      // The same text may be a deprecated demonym and a valid name: only a form deprecated in
      // every role it has is reported.
      if (variants.some((o) => o !== v && o.lang === v.lang && o.text === v.text && o.deprecated === undefined)) continue;
      const target = v.deprecated.use ?? variants.find((o) => o.lang === v.lang && o.preferred === true && o.deprecated === undefined)?.text;
      // No preferred term in the language: nothing to offer, so nothing is reported.
      if (target === undefined || target === v.text) continue;
      const form: DeprecatedForm = { form: v.text, target };
      if (v.deprecated.reason !== undefined && v.deprecated.reason !== '') form.reason = v.deprecated.reason;
      forms.set(formKey(v.lang, v.text), form);
    }
    if (forms.size === 0) continue;
    byEntry.set(entry.id, forms);
    size += forms.size;
  }
  return {
    size,
    mark(recognition: Recognition): Recognition {
      if (size === 0) return recognition;
      let entities: Entity[] | undefined;
      recognition.entities.forEach((e, i) => {
        if (e.source !== 'lexicon' || e.variant === undefined) return;
        const found = byEntry.get(e.id)?.get(formKey(e.language, e.variant));
        if (found === undefined) return;
        const deprecated: DeprecatedUse = { preferred: found.target, replacement: replacementFor(e.text, found.form, found.target, e.language) };
        if (found.reason !== undefined) deprecated.reason = found.reason;
        entities ??= [...recognition.entities];
        entities[i] = { ...e, deprecated };
      });
      return entities === undefined ? recognition : { ...recognition, entities };
    },
  };
}

/**
 * The terminology index of a lexicon, built on first use. Held weakly: it goes with its lexicon
 * (a reload makes a new Lexicon object), so no document or reload ever grows it.
 */
const indexes = new WeakMap<Lexicon, Terminology>();

/** The terminology index of a lexicon (createTerminology, memoised per lexicon object). */
export function terminologyOf(lexicon: Lexicon): Terminology {
  let index = indexes.get(lexicon);
  if (index === undefined) {
    index = createTerminology(lexicon);
    indexes.set(lexicon, index);
  }
  return index;
}

function formKey(lang: Lang, text: string): string {
  return `${lang}\u0000${text}`;
}

/**
 * The text that replaces one mention of a deprecated form: the target with the mention's Arabic
 * proclitics ("للهجرة السرية" -> "للهجرة غير النظامية") and in the mention's case.
 */
export function replacementFor(mention: string, form: string, target: string, lang: Lang): string {
  const withClitics = lang.split('-')[0] === 'ar' ? transferArabicProclitics(mention, form, target) : target;
  return matchCase(mention, form, withClitics);
}

const LETTER = /\p{L}/u;

function hasCase(s: string): boolean {
  return s.toLowerCase() !== s.toUpperCase();
}

function isUpperLetter(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** The first letter of a string, or undefined. */
function firstLetter(s: string): string | undefined {
  return LETTER.exec(s)?.[0];
}

/** True for text whose cased letters (at least two) are all capitals. */
export function isAllCaps(s: string): boolean {
  const cased = [...s].filter((ch) => hasCase(ch));
  return cased.length >= 2 && cased.every((ch) => ch === ch.toUpperCase());
}

/** Upper-cases the first letter of a string. */
function capitalize(s: string): string {
  const m = LETTER.exec(s);
  if (m === null) return s;
  return s.slice(0, m.index) + m[0].toUpperCase() + s.slice(m.index + m[0].length);
}

/** Words of a mention or form: runs of letters, digits, apostrophes and hyphens. */
function words(s: string): string[] {
  return s.split(/\s+/u).filter((w) => LETTER.test(w));
}

/**
 * The target in the case of the mention, compared with the form as the lexicon writes it, so
 * that only the case the writer gave the mention carries over (a proper name keeps its own):
 * - a mention without cased letters (Arabic) or written as the lexicon writes it: the target as written;
 * - ALL CAPS where the lexicon's form is not: the target in capitals ("IMMIGRATION CLANDESTINE" ->
 *   "MIGRATION IRRÉGULIÈRE"); an acronym the lexicon itself writes in capitals ("EI") says
 *   nothing about the case of a name replacing it ("Daech");
 * - Title Case where the lexicon's form is not: the target's words capitalised ("Illegal
 *   Immigration" -> "Irregular Migration"), short words and elided ones excepted after the first;
 * - a capital initial where the lexicon's is small (a sentence start): the target capitalised;
 * - anything else: the target as written.
 */
export function matchCase(mention: string, form: string, target: string): string {
  if (!hasCase(mention)) return target;
  if (isAllCaps(mention)) {
    return isAllCaps(form) || isAcronymForm(form) ? target : target.toUpperCase();
  }
  if (!isUpperLetter(firstLetter(mention)) || isUpperLetter(firstLetter(form))) return target;
  const mentionWords = words(mention);
  const formWords = words(form);
  const titleCase =
    mentionWords.length >= 2 &&
    mentionWords.every((w) => isUpperLetter(firstLetter(w)) || !hasCase(w)) &&
    formWords.slice(1).some((w) => hasCase(w) && !isUpperLetter(firstLetter(w)));
  if (!titleCase) return capitalize(target);
  let first = true;
  return target.replace(/\S+/gu, (w) => {
    const out = first || (!/['’]/u.test(w) && [...w].filter((ch) => LETTER.test(ch)).length >= 4) ? capitalize(w) : w;
    first = false;
    return out;
  });
}

// Arabic ------------------------------------------------------------------------------------------

const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/gu;

/** Arabic folded for comparing stems: no diacritics or tatweel, one alif, final ya and ta marbuta unified. */
function foldArabic(s: string): string {
  return s.replace(ARABIC_MARKS, '').replace(/[أإآٱ]/gu, 'ا').replace(/ى/gu, 'ي').replace(/ة/gu, 'ه');
}

/**
 * The target with the proclitics the mention's first word carries and the lexicon's form does not
 * (و ف ب ل ك before or merged with the article ال): "للهجرة السرية" for the form "الهجرة السرية"
 * gives "للهجرة غير النظامية" for the target "الهجرة غير النظامية". Unknown shapes: the target as written.
 */
export function transferArabicProclitics(mention: string, form: string, target: string): string {
  const mentionFirst = mention.trimStart().split(/\s+/u)[0] ?? '';
  const formFirst = form.split(/\s+/u)[0] ?? '';
  const targetFirst = target.split(/\s+/u)[0] ?? '';
  if (mentionFirst === '' || formFirst === '' || targetFirst === '' || foldArabic(mentionFirst) === foldArabic(formFirst)) return target;
  const formArticle = formFirst.startsWith('ال');
  const stem = foldArabic(formArticle ? formFirst.slice(2) : formFirst);
  const folded = foldArabic(mentionFirst);
  if (stem === '' || !folded.endsWith(stem)) return target;
  // The prefix in folded letters; folding never changes the letters a prefix is made of.
  let prefix = folded.slice(0, folded.length - stem.length);
  if (formArticle) {
    // The article is in the prefix, whole (وال، بال) or merged with li (لل).
    if (prefix.endsWith('ال')) prefix = prefix.slice(0, -2);
    else if (prefix.endsWith('لل')) prefix = prefix.slice(0, -1);
    else return target;
  }
  if (!/^[وفبلك]{1,3}$/u.test(prefix)) return target;
  // li before the article drops its alif: ل + الهجرة -> للهجرة.
  const first = targetFirst.startsWith('ال') && prefix.endsWith('ل') ? prefix + targetFirst.slice(1) : prefix + targetFirst;
  return first + target.slice(targetFirst.length);
}

// French elision ----------------------------------------------------------------------------------

const VOWEL_START = /^[aeiouyàâäéèêëîïôöùûüœæ]/iu;

/**
 * The edit that puts `replacement` in place of text[start,end), adjusting the French word just
 * before it when the replacement's first sound changes: "la prostitution" -> "l'exploitation",
 * "de Daech" -> "d'État islamique", "d'immigrés" -> "de migrants"; "l'EI" -> "Daech" (a name
 * takes no article) and the reverse, "de Daech" -> "de l'EI", "Daech a" -> "L'EI a" (an acronym
 * starting with a vowel takes "l'"). Which article a common noun would need after "l'" cannot be
 * known: that one is left as it is. `written` is the replacement as the lexicon writes it (the
 * case of a name or an acronym is its own, not the mention's); `apostrophe` is the document's.
 */
export function frenchReplacementEdit(text: string, start: number, end: number, replacement: string, apostrophe: string, written = replacement): TextEdit {
  const plain: TextEdit = { start, end, newText: replacement };
  const before = text.slice(Math.max(0, start - 6), start);
  const isName = isUpperLetter(firstLetter(written));
  const caseOf = (word: string, s: string): string => (isUpperLetter(word[0]) ? capitalize(s) : s);
  if (VOWEL_START.test(replacement) && isAcronymForm(written)) return acronymArticle(text, start, end, replacement, apostrophe, before);
  if (VOWEL_START.test(replacement)) {
    const m = /(?:^|[^\p{L}\p{N}'’])(le|la|de|que|du|au)[ \u00A0]$/iu.exec(before);
    if (m === null) return plain;
    const word = m[1]!;
    const elided = { le: 'l', la: 'l', de: 'd', que: 'qu', du: 'de l', au: 'à l' }[word.toLowerCase() as 'le']!;
    return { start: start - word.length - 1, end, newText: `${caseOf(word, elided)}${apostrophe}${replacement}` };
  }
  if (!LETTER.test(replacement[0] ?? '') || /^h/iu.test(replacement)) return plain;
  const m = /(?:^|[^\p{L}\p{N}])(d|qu|l)(['’])$/iu.exec(before);
  if (m === null) return plain;
  const word = m[1]!;
  const from = start - word.length - 1;
  if (word.toLowerCase() === 'l') return isName ? { start: from, end, newText: caseOf(word, replacement) } : plain;
  return { start: from, end, newText: `${caseOf(word, word.toLowerCase() === 'd' ? 'de' : 'que')} ${replacement}` };
}

/**
 * An acronym starting with a vowel takes the article "l'" in French (l'EI, l'ONU, l'OIM): kept
 * when it is there, made from le/la/du/au/d', and added after de, à or any other word ("contre
 * Daech" -> "contre l'EI"), in capitals at the start of a sentence.
 */
function acronymArticle(text: string, start: number, end: number, replacement: string, apostrophe: string, before: string): TextEdit {
  const caseOf = (word: string, s: string): string => (isUpperLetter(word[0]) ? capitalize(s) : s);
  if (/(?:^|[^\p{L}\p{N}])l['’]$/iu.test(before)) return { start, end, newText: replacement };
  const full = /(?:^|[^\p{L}\p{N}'’])(le|la|du|au)[ \u00A0]$/iu.exec(before);
  if (full !== null) {
    const word = full[1]!;
    const article = { le: 'l', la: 'l', du: 'de l', au: 'à l' }[word.toLowerCase() as 'le']!;
    return { start: start - word.length - 1, end, newText: `${caseOf(word, article)}${apostrophe}${replacement}` };
  }
  const elided = /(?:^|[^\p{L}\p{N}])(d|qu)['’]$/iu.exec(before);
  if (elided !== null) {
    const word = elided[1]!;
    const full = word.toLowerCase() === 'd' ? 'de' : 'que';
    return { start: start - word.length - 1, end, newText: `${caseOf(word, full)} l${apostrophe}${replacement}` };
  }
  // Nothing but spaces since the start of the text, a line or a sentence: "L'EI".
  const sentenceStart = /(?:^|[\n.!?…])[\s«"“]*$/u.test(text.slice(Math.max(0, start - 40), start));
  return { start, end, newText: `${sentenceStart ? 'L' : 'l'}${apostrophe}${replacement}` };
}

// Diagnostics -------------------------------------------------------------------------------------

/** One `term.deprecated` per mention of a deprecated form (the document's ignore list already applied). */
export function deprecatedTermDiagnostics(doc: AnalyzedDocument, severity: Exclude<SeverityName, 'off'>): CommuniqueDiagnostic[] {
  const out: CommuniqueDiagnostic[] = [];
  for (const e of doc.recognition.entities) {
    const use = e.deprecated;
    if (use === undefined) continue;
    const data: TermData = {
      code: 'term.deprecated',
      category: e.category,
      id: e.id,
      name: e.name,
      text: e.text,
      lang: e.language,
      preferred: use.preferred,
      replacement: use.replacement,
    };
    if (use.reason !== undefined) data.reason = use.reason;
    out.push({ code: 'term.deprecated', severity, message: deprecatedMessage(e.text, use), start: e.start, end: e.end, data });
  }
  return out;
}

/** «immigration clandestine» is deprecated: use «migration irrégulière» (reason). */
function deprecatedMessage(text: string, use: DeprecatedUse): string {
  const reason = use.reason?.trim().replace(/[.。]$/u, '');
  return `«${text}» is deprecated: use «${use.replacement}»${reason ? ` (${reason})` : ''}`;
}

// Code actions ------------------------------------------------------------------------------------

function isTermDiagnostic(d: CommuniqueDiagnostic): d is CommuniqueDiagnostic & { data: TermData } {
  return d.code === 'term.deprecated' && d.data.code === 'term.deprecated';
}

/** The key of "the same term": entry, language and folded text. */
function sameTermKey(data: TermData): string {
  return `${data.id}\u0000${data.lang}\u0000${lexiconKey(data.text)}`;
}

/** Plans the replacements of deprecated terms in one analysed document. */
export class TermReplacements {
  private readonly bodyStart: number;
  private readonly apostrophe: string;

  constructor(private readonly doc: AnalyzedDocument) {
    const fm = doc.frontMatter;
    this.bodyStart = fm.block?.end ?? fm.bomLength;
    const body = doc.text.slice(this.bodyStart);
    this.apostrophe = (body.match(/’/gu)?.length ?? 0) > (body.match(/'/gu)?.length ?? 0) ? '’' : "'";
  }

  /**
   * The fixes of one `term.deprecated`: "Replace with «X»" (preferred), and when there is more to
   * replace, "Replace all «term» in document (N)" and "Replace all deprecated terms in document (N)".
   */
  fixesFor(d: CommuniqueDiagnostic, all: readonly CommuniqueDiagnostic[]): (ActionPlan | undefined)[] {
    if (!isTermDiagnostic(d)) return [];
    const edit = this.edit(d);
    const one: ActionPlan | undefined =
      edit === undefined ? undefined : { title: `Replace with «${d.data.replacement}»`, kind: 'quickfix', isPreferred: true, edits: [edit] };
    const terms = all.filter(isTermDiagnostic);
    const key = sameTermKey(d.data);
    const same = terms.filter((t) => sameTermKey(t.data) === key);
    const plans: (ActionPlan | undefined)[] = [one];
    if (same.length > 1) plans.push(this.replaceAll(`Replace all «${d.data.text}» in document`, 'quickfix', same));
    if (terms.length > same.length) plans.push(this.replaceAll('Replace all deprecated terms in document', 'quickfix', terms));
    return plans;
  }

  /** "Replace all deprecated terms in document (N)" over every `term.deprecated` given; undefined when there is none. */
  replaceAllDeprecated(kind: ActionPlan['kind'], all: readonly CommuniqueDiagnostic[]): ActionPlan | undefined {
    return this.replaceAll('Replace all deprecated terms in document', kind, all.filter(isTermDiagnostic));
  }

  private replaceAll(title: string, kind: ActionPlan['kind'], diagnostics: readonly (CommuniqueDiagnostic & { data: TermData })[]): ActionPlan | undefined {
    const edits: TextEdit[] = [];
    const covered: CommuniqueDiagnostic[] = [];
    const sorted = [...diagnostics].sort((a, b) => a.start - b.start);
    let at = -1;
    for (const d of sorted) {
      const edit = this.edit(d);
      // Two diagnostics for one mention, or edits that would overlap: the first one only.
      if (edit === undefined || edit.start < at) continue;
      edits.push(edit);
      covered.push(d);
      at = edit.end;
    }
    if (edits.length === 0) return undefined;
    return { title: `${title} (${edits.length})`, kind, edits, diagnostics: covered };
  }

  /**
   * The edit of one mention, checked against the analysed text: the mention must still be there,
   * in the body, and a French article adjusted before it must not belong to another entity.
   */
  edit(d: CommuniqueDiagnostic & { data: TermData }): TextEdit | undefined {
    const { start, end, data } = d;
    if (start < this.bodyStart || end > this.doc.text.length || this.doc.text.slice(start, end) !== data.text) return undefined;
    if (data.replacement === '' || data.replacement === data.text) return undefined;
    // A mention with another entity inside ("Irak" in "État islamique en Irak et au Levant"):
    // replacing it would take that entity away, so it is left to the writer.
    const entities = this.doc.recognition.entities;
    if (entities.some((e) => e.start < end && e.end > start && !(e.start === start && e.end === end && e.id === data.id))) return undefined;
    const plain: TextEdit = { start, end, newText: data.replacement };
    if (data.lang.split('-')[0] !== 'fr') return plain;
    const edit = frenchReplacementEdit(this.doc.text, start, end, data.replacement, this.apostrophe, data.preferred);
    if (edit.start >= start) return edit;
    const reachesOther = edit.start < this.bodyStart || entities.some((e) => e.start < start && e.end > edit.start);
    return reachesOther ? plain : edit;
  }
}
