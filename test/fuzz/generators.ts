/**
 * fast-check generators of hostile communiqués (issue 6, "Property and fuzz tests").
 *
 * A purely random string almost never contains "Maroc" or "DGSN", so it would only ever test the
 * path where nothing is found. These generators mix, with weights:
 * - terms of the real lexicons (any category and language), in their own case or not, behind an
 *   elision (l’, d'), an Arabic clitic (و، ال) or joined by a hyphen ("maroco-espagnole");
 * - names of people behind a title or a role, and organisation-like capitalised phrases, so that
 *   the heuristics fire;
 * - fragments of releases in French, English, Spanish and Arabic;
 * - hostile code units: surrogate pairs, lone surrogates, right-to-left text and marks, combining
 *   marks, NUL and other controls, CR, CRLF, LS/PS, BOMs, odd spaces;
 * - front matter blocks, valid (managed lists in block and flow style, comments, unrelated keys,
 *   quoted values) and broken (unclosed brackets, tabs, a scalar where a list belongs, duplicate
 *   keys, anchors and aliases, `__proto__`, `!!js/function`, a missing closing fence);
 * - the legacy `date YYYY-MM` header.
 */
import fc from 'fast-check';
import { IGNORE_KEY } from '#core/frontMatter/model';
import { CATEGORIES, type Category, type Lexicon } from '#core/types';

/** The default front-matter keys (settings.frontMatter.keys). */
export const KEYS = { actor: 'actors', country: 'countries', region: 'regions', threat: 'threats' } as const;

/** The keys Communiqué writes: a fix may change these and nothing else. */
export const MANAGED_KEYS: readonly string[] = [...CATEGORIES.map((c) => KEYS[c]), IGNORE_KEY];

// ---------------------------------------------------------------------------------------------
// Hostile code units.

export const ASTRAL = ['😀', '𝔘', '𝕏', '🇲🇦', '👩‍👩‍👧', '𠜎', '🏳️‍🌈', '𝒟𝒢𝒮𝒩'];
export const LONE_SURROGATES = ['\uD800', '\uDBFF', '\uD83D', '\uDC00', '\uDFFF', '\uDE00'];
export const RIGHT_TO_LEFT = ['المغرب', 'الإرهاب', 'الأمن الوطني', 'שלום', 'ישראל', 'מרוקו', '\u200F', '\u200E', '\u202E', '\u202B', '\u202C', '\u061C', '\u2067', '\u2069'];
export const COMBINING = ['e\u0301', '\u0301', '\u0651', 'A\u030A', '\u0300\u0301\u0302', 'n\u0303', '\u064E\u0651', 'ﷺ', 'ﻻ', 'ﬁ'];
export const CONTROLS = ['\u0000', '\u0007', '\u001B', '\u007F', '\u0085', '\u2028', '\u2029', '\t', '\v', '\f', '\u0000\u0000'];
export const LINE_BREAKS = ['\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\r\r', '\n\r'];
export const SPACES = [' ', ' ', ' ', '  ', '\u00A0', '\u202F', '\u2009', '\u3000', '\u200B', '\u200D', '\u2060'];
export const PUNCTUATION = [
  ',', '.', '. ', ', ', ';', ':', '!', '?', '…', '«\u00A0', '\u00A0»', '«', '»', '“', '”', '"', "'", '’', '‘', '(', ')', '[', ']',
  '–', '—', ' – ', '-', '‐', '‑', '/', '&', '#', '*', '_', '؟', '،', '؛', '¿', '¡', '%', '@', '`', '{', '}', '|', '>', '~', '\\',
];

/** Any UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));
/** A short string of any code units. */
const anyUnits = fc.string({ unit: codeUnit, maxLength: 6 });
/** A short string of any code points (astral included, always well formed). */
const anyCodePoints = fc.string({ unit: 'binary', maxLength: 6 });
/** A short run of graphemes (letters with their combining marks, emoji sequences). */
const graphemes = fc.string({ unit: 'grapheme', maxLength: 4 });

export const hostile: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ASTRAL) },
  { weight: 3, arbitrary: fc.constantFrom(...LONE_SURROGATES) },
  { weight: 3, arbitrary: fc.constantFrom(...RIGHT_TO_LEFT) },
  { weight: 3, arbitrary: fc.constantFrom(...COMBINING) },
  { weight: 2, arbitrary: fc.constantFrom(...CONTROLS) },
  { weight: 1, arbitrary: fc.constant('\uFEFF') },
  { weight: 1, arbitrary: anyUnits },
  { weight: 1, arbitrary: anyCodePoints },
  { weight: 1, arbitrary: graphemes },
);

// ---------------------------------------------------------------------------------------------
// Release text.

const FRAGMENTS = [
  // fr
  'Rabat, le 12 mars – ', 'Dans le cadre de la coopération sécuritaire ', 'ont interpellé quatre individus soupçonnés ',
  'd’appartenir à une cellule ', 'a permis la saisie de 3 tonnes de chira', 'selon un communiqué de la ', 'en étroite collaboration avec ',
  'Les investigations se poursuivent sous la supervision du parquet compétent.', 'démantèlement d’un réseau criminel ', 'les services de ',
  'à l’issue d’une opération conjointe ', 'L’enquête a été confiée à ', 'le trafic international de drogues ',
  // en
  'Madrid, 4 June – ', 'investigators dismantled a network ', 'in close cooperation with ', 'the ministry said in a statement. ',
  'Several suspects were arrested ', 'on charges of ', 'supported by ', 'operating across ',
  // es
  'La operación, desarrollada ', 'han desarticulado una red dedicada a ', 'en colaboración con las autoridades de ', 'según fuentes de ',
  'Los detenidos ', 'fueron puestos a disposición judicial.',
  // ar
  'أعلنت ', 'في إطار التعاون الأمني ', 'تمكنت عناصر ', 'من توقيف ثلاثة أشخاص ', 'للاشتباه في تورطهم في ', 'بتنسيق مع ',
];

const NAMES = [
  'Hervé Lacombe', 'Abdellatif Hammouchi', 'Fernando Grande-Marlaska', 'Jean-Pierre O’Neill', 'María José García-Pérez',
  'Mohamed Ben Ali', 'Francisca Bostyn', 'Anne-Sophie Le Gall', 'John Smith', 'Karim El Idrissi', 'Ana Belén López',
  'محمد الإدريسي', 'عبد اللطيف حموشي', 'Ḥasan ʿAlī', 'Zoë D’Arcy', 'ÉLODIE MARTIN',
];
const TITLES = [
  'M. ', 'Mme ', 'le commissaire ', 'la ministre ', 'le procureur ', 'Mr ', 'Dr. ', 'the spokesperson ', 'Commissioner ',
  'el ministro ', 'la jueza ', 'Don ', 'السيد ', 'الوزير ', '',
];
const ORGANISATIONS = [
  'Institut des Sciences forensiques', 'Direction régionale de la Police judiciaire', 'Agence nationale de lutte contre la fraude',
  'National Crime Bureau', 'Unidad Central de Ciberdelincuencia', 'Centre de coopération policière', 'Brigade Nationale',
];
const ELISIONS = ['l’', "l'", 'd’', "d'", 'L’', "D'", 'qu’', 'jusqu’à ', 'و', 'ال', 'ب', 'لل', 'de la ', 'du ', 'des ', 'the ', 'el ', 'la '];

/** Terms of the lexicons in use, and values a front matter may hold. */
export interface TermPool {
  /** Every variant of every entry, as written in the lexicon. */
  variants: string[];
  /** Variants of one category. */
  byCategory: Record<Category, string[]>;
  /** Values tagging writes (ids, actor names). */
  tagValues: Record<Category, string[]>;
  /** Near misses and unknown values (`frontmatter.unknown`, with and without a suggestion). */
  oddValues: Record<Category, string[]>;
}

/** Collects the terms of a lexicon (sorted, so that a seed always draws the same ones). */
export function termPool(lexicon: Lexicon): TermPool {
  const byCategory: Record<Category, string[]> = { actor: [], country: [], region: [], threat: [] };
  const tagValues: Record<Category, string[]> = { actor: [], country: [], region: [], threat: [] };
  const entries = [...lexicon.entries.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const entry of entries) {
    for (const v of entry.variants) byCategory[entry.category].push(v.text);
    tagValues[entry.category].push(entry.category === 'actor' ? entry.name : entry.id);
  }
  const oddValues: Record<Category, string[]> = {
    actor: ['Guardia civil', 'DGSN', 'Unknown Agency', 'Sûreté', 'Europool'],
    country: ['ma', 'XX', 'Maroc', 'FRA', 'NO', 'ON', 'Marroc'],
    region: ['Sahel', 'west africa', 'nowhere', 'sahell'],
    threat: ['terorism', 'drugs', 'Terrorism', 'cybercrim'],
  };
  const variants = CATEGORIES.flatMap((c) => byCategory[c]);
  return { variants, byCategory, tagValues, oddValues };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** One lexicon term, as a writer may type it. */
export function term(pool: TermPool): fc.Arbitrary<string> {
  // The categories have very different sizes (4,000 country variants, 500 actor ones): drawing a
  // category first gives each its share.
  const plain = fc.oneof(...CATEGORIES.map((c) => fc.constantFrom(...pool.byCategory[c])));
  const cased = fc
    .tuple(plain, fc.constantFrom('as-is', 'as-is', 'as-is', 'as-is', 'upper', 'lower', 'capital'))
    .map(([t, how]) => (how === 'upper' ? t.toUpperCase() : how === 'lower' ? t.toLowerCase() : how === 'capital' ? capitalise(t) : t));
  return fc.oneof(
    { weight: 6, arbitrary: cased },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...ELISIONS), cased).map(([e, t]) => e + t) },
    // "maroco-espagnole", "hispano-marocaine", "DGSN-DGST".
    { weight: 1, arbitrary: fc.tuple(plain, fc.constantFrom('-', '‑', '–', '-'), plain).map(([a, h, b]) => a.toLowerCase() + h + b.toLowerCase()) },
    { weight: 1, arbitrary: fc.tuple(cased, fc.constantFrom('s', 'es', 'ة', 'ات', "'s", '’s', 'ien')).map(([t, s]) => t + s) },
  );
}

/** A person or an organisation the heuristics may find. */
const nameLike: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom(...TITLES), fc.constantFrom(...NAMES)).map(([t, n]) => t + n),
  fc.constantFrom(...ORGANISATIONS),
  fc.tuple(fc.constantFrom(...ORGANISATIONS), fc.constantFrom(' de la ', ' du ', ' of the ', ' de '), fc.constantFrom(...NAMES)).map(([o, c, n]) => o + c + n),
);

/** One piece of body text. */
export function bodyPiece(pool: TermPool): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: term(pool) },
    { weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) },
    { weight: 2, arbitrary: nameLike },
    { weight: 8, arbitrary: fc.constantFrom(...SPACES) },
    { weight: 4, arbitrary: fc.constantFrom(...PUNCTUATION) },
    { weight: 2, arbitrary: fc.constantFrom(...LINE_BREAKS) },
    { weight: 3, arbitrary: hostile },
  );
}

/** What follows a piece: mostly a space, sometimes nothing (pieces then run together) or a break. */
const separator = fc.constantFrom(' ', ' ', ' ', ' ', ' ', '', '', '\n', ', ', '. ');

/** A body: pieces with their separators. */
export function body(pool: TermPool, maxPieces = 40): fc.Arbitrary<string> {
  return fc.array(fc.tuple(bodyPiece(pool), separator), { maxLength: maxPieces, size: 'medium' }).map((pieces) => pieces.map(([p, s]) => p + s).join(''));
}

// ---------------------------------------------------------------------------------------------
// Front matter.

/** A YAML scalar of a value: plain when it is safe to, quoted otherwise (or plain anyway, to break things). */
function scalar(value: string, style: 'plain' | 'single' | 'double' | 'raw'): string {
  if (style === 'single') return `'${value.replace(/'/g, "''")}'`;
  if (style === 'double') return JSON.stringify(value);
  if (style === 'raw') return value;
  return /^[\p{L}\p{N}][\p{L}\p{N} ._’'-]*$/u.test(value) && !/^(?:y|n|yes|no|on|off|true|false|null|~)$/i.test(value) && !/ $/.test(value) ? value : JSON.stringify(value);
}

const styleArb = fc.constantFrom<'plain' | 'single' | 'double' | 'raw'>('plain', 'plain', 'plain', 'single', 'double', 'raw');

/** Free text for comments and unrelated values: words, accents, RTL, astral and hostile units. */
const freeText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('Note', 'draft', 'brouillon', 'à relire', 'v2', 'تحديث', 'טיוטה', 'Équipe', 'a: b', 'x #y', '- z', '{c}', '[d]') },
      { weight: 4, arbitrary: fc.constantFrom(' ', ' ', '\t') },
      { weight: 2, arbitrary: hostile.filter((s) => !/[\r\n\u0085\u2028\u2029]/.test(s)) },
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''));

/** A managed key with its list, in block or flow style, with comments. */
function managedList(pool: TermPool): fc.Arbitrary<string[]> {
  const category = fc.constantFrom<Category | 'ignore'>(...CATEGORIES, 'ignore');
  return category.chain((c) => {
    const key = c === 'ignore' ? IGNORE_KEY : KEYS[c];
    const values = c === 'ignore' ? fc.constantFrom(...pool.variants.slice(0, 400), 'Maroc', 'DGSN', 'Sahel') : fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pool.tagValues[c]) }, { weight: 1, arbitrary: fc.constantFrom(...pool.oddValues[c]) });
    const items = fc.array(fc.tuple(values, styleArb, fc.option(freeText, { nil: undefined, freq: 4 })), { maxLength: 5 });
    return fc
      .record({
        form: fc.constantFrom('block', 'block', 'flow', 'flow', 'empty', 'tilde', 'brackets', 'spaced'),
        indent: fc.constantFrom('', '  ', '  ', '    ', ' '),
        gap: fc.constantFrom(' ', ' ', '  '),
        items,
        keyComment: fc.option(freeText, { nil: undefined, freq: 4 }),
        trailingComma: fc.boolean(),
      })
      .map((spec) => {
        const kc = spec.keyComment === undefined ? '' : ` # ${spec.keyComment}`;
        switch (spec.form) {
          case 'block':
            if (spec.items.length === 0) return [`${key}:${kc}`];
            return [`${key}:${kc}`, ...spec.items.map(([v, s, cm]) => `${spec.indent}-${spec.gap}${scalar(v, s)}${cm === undefined ? '' : `  # ${cm}`}`)];
          case 'flow': {
            const inner = spec.items.map(([v, s]) => scalar(v, s)).join(', ');
            return [`${key}: [${inner}${spec.trailingComma && spec.items.length > 0 ? ',' : ''}]${kc}`];
          }
          case 'empty':
            return [`${key}:${kc}`];
          case 'tilde':
            return [`${key}: ~${kc}`];
          case 'brackets':
            return [`${key}: []${kc}`];
          case 'spaced':
            return [`${key}: [ ]${kc}`];
        }
        return [];
      });
  });
}

/** A key Communiqué does not manage. */
const otherKey: fc.Arbitrary<string[]> = fc.oneof(
  fc.tuple(fc.constantFrom('title', 'author', 'summary', 'slug', 'weight', 'titre', 'عنوان', 'clé é'), freeText, styleArb).map(([k, v, s]) => [`${k}: ${scalar(v, s === 'raw' ? 'double' : s)}`]),
  fc.constantFrom('lang: fr', 'lang: en', 'lang: es', 'lang: ar', 'lang: fr-FR', 'language: es', 'lang: xx', 'date: 2025-04', 'communique: true', 'translation-of: ../fr/x.md').map((l) => [l]),
  fc.tuple(freeText).map(([v]) => ['tags:', `  - ${JSON.stringify(v)}`, '  - other']),
  fc.tuple(freeText).map(([v]) => ['meta:', `  inner: ${JSON.stringify(v)}`, '  count: 3']),
  fc.constant(['# a comment line'] as string[]),
  freeText.map((t) => [`# ${t}`]),
  fc.constant([''] as string[]),
);

/** Lines that make the YAML invalid or odd in ways people (or attackers) write. */
const brokenLine: fc.Arbitrary<string[]> = fc.constantFrom<string[]>(
  ['actors: [Guardia Civil'],
  ['countries: MA'],
  ['countries: [MA]', 'countries: [ES]'],
  ['\tactors:', '\t- DGSN'],
  ['actors:', '- DGSN', '  - Europol'],
  ['regions: &r [sahel]', 'threats: *r'],
  ['base: &b [MA]', 'countries: *b'],
  ['countries: &c [MA, ES]'],
  ['__proto__: {polluted: true}'],
  ['constructor: {prototype: {polluted: true}}'],
  ['actors: !!js/function "function () { return 1 }"'],
  ['countries: !!binary aGVsbG8='],
  ['title: "unterminated'],
  ["title: 'unterminated"],
  ['? actors', ': [DGSN]'],
  ['- orphan'],
  [': :'],
  ['{actors: [DGSN]}'],
  ['actors: {a: b}'],
  ['countries:', '  - [MA, ES]'],
  ['threats:', '  - {id: terrorism}'],
  ['%YAML 1.2'],
  ['a: b: c'],
  ['x: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['],
);

/** A whole front matter block (fences, lines, line ending), valid or not. */
export function frontMatter(pool: TermPool, brokenWeight = 1): fc.Arbitrary<string> {
  const line = fc.oneof({ weight: 6, arbitrary: managedList(pool) }, { weight: 4, arbitrary: otherKey }, { weight: brokenWeight, arbitrary: brokenLine });
  return fc
    .record({
      lines: fc.array(line, { maxLength: 8 }),
      open: fc.constantFrom('---', '---', '---', '--- ', '---\t'),
      close: fc.constantFrom('---', '---', '---', '...', '--- ', ''),
      indentAll: fc.constantFrom('', '', '', '', '  '),
      eol: fc.constantFrom('\n', '\n', '\r\n', '\r'),
    })
    .map(({ lines, open, close, indentAll, eol }) => {
      const content = lines.flat().map((l) => (l === '' ? l : indentAll + l));
      return [open, ...content, close].join(eol) + (close === '' ? '' : eol);
    });
}

/** A valid front matter block (only managed lists and unrelated keys, no broken line, always closed). */
export function validFrontMatter(pool: TermPool): fc.Arbitrary<string> {
  const line = fc.oneof({ weight: 6, arbitrary: managedList(pool) }, { weight: 4, arbitrary: otherKey });
  return fc
    // One line per key: a repeated key is an error (the broken generator makes those).
    .record({ lines: fc.uniqueArray(line, { maxLength: 8, selector: (l) => /^[^:]*/.exec(l[0] ?? '')![0] }), eol: fc.constantFrom('\n', '\n', '\r\n') })
    .map(({ lines, eol }) => ['---', ...lines.flat(), '---'].join(eol) + eol);
}

// ---------------------------------------------------------------------------------------------
// Whole documents.

/** How the line breaks of a generated document are rewritten. */
export type EolStyle = 'as-generated' | 'lf' | 'crlf' | 'cr';

function withEol(text: string, style: EolStyle): string {
  if (style === 'as-generated') return text;
  const eol = style === 'lf' ? '\n' : style === 'crlf' ? '\r\n' : '\r';
  return text.replace(/\r\n|\r|\n/g, eol);
}

export interface DocumentOptions {
  /** Weight of a front matter block against none (default 2 to 1). */
  frontMatterWeight?: number;
  /** Use only valid front matter (the editor properties want mostly fixable documents). */
  validOnly?: boolean;
  /** Weight of valid front matter against possibly broken front matter (default 3 to 2). */
  validWeight?: number;
  /** Most body pieces. */
  maxPieces?: number;
}

/** A whole document: BOM, front matter, date header, body, and a line-ending style. */
export function documentText(pool: TermPool, options: DocumentOptions = {}): fc.Arbitrary<string> {
  const fm = options.validOnly ? validFrontMatter(pool) : fc.oneof({ weight: options.validWeight ?? 3, arbitrary: validFrontMatter(pool) }, { weight: 2, arbitrary: frontMatter(pool) });
  return fc
    .record({
      bom: fc.constantFrom(false, false, false, true),
      frontMatter: fc.oneof({ weight: options.frontMatterWeight ?? 2, arbitrary: fm }, { weight: 1, arbitrary: fc.constant('') }),
      header: fc.constantFrom('', '', '', '', 'date 2025-04\n', 'date 2024-11-03 ', 'Date 2025-01\r\n'),
      body: body(pool, options.maxPieces ?? 40),
      eol: fc.constantFrom<EolStyle>('as-generated', 'as-generated', 'as-generated', 'lf', 'crlf', 'cr'),
    })
    .map(({ bom, frontMatter: block, header, body: text, eol }) => withEol((bom ? '\uFEFF' : '') + block + header + text, eol));
}
