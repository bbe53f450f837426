/**
 * Plain data types shared by every layer of the analysis core.
 *
 * The core imports no `vscode`, no LSP connection and no Node built-in: it works on strings and
 * returns plain objects, so the language server, the CLI and the tests are thin front ends.
 */

/** The four kinds of thing Communiqué recognises. */
export type Category = 'actor' | 'country' | 'region' | 'threat';

/** All categories, in the order they are displayed and written to front matter. */
export const CATEGORIES: readonly Category[] = ['actor', 'country', 'region', 'threat'];

/** Whether a named actor is a person or an organisation. */
export type ActorType = 'person' | 'organization';

/** A language code (ISO 639-1 for the languages we ship: fr, en, es, ar). */
export type Lang = string;

/** The languages the built-in lexicons and the language detector cover. */
export const SUPPORTED_LANGUAGES: readonly Lang[] = ['fr', 'en', 'es', 'ar'];

/**
 * How the letter case of the text must agree with a variant before it matches.
 * - `fold`: any case (diacritics are always folded too);
 * - `exact`: letter for letter (used for all-caps acronyms such as UE, EI, ONU, CNI);
 * - `capitalized`: the first letter in the text must be upper case (proper names that are
 *   also common words: "Chad", "Turkey", "Guinea").
 */
export type CaseRule = 'fold' | 'exact' | 'capitalized';

/**
 * The grammatical role of a variant, which decides where it may match.
 * - `name`: a name or term, matched anywhere;
 * - `acronym`: an abbreviation (case rule `exact` unless the lexicon says otherwise);
 * - `demonym`: an adjective or inhabitant name ("espagnole", "Moroccan");
 * - `combining`: a prefix form that only matches before a hyphen ("maroco-" in "maroco-espagnole").
 */
export type VariantKind = 'name' | 'acronym' | 'demonym' | 'combining';

/** One surface form of an entry, after expansion by the lexicon loader. */
export interface Variant {
  /** The form as written in the lexicon ("Espagne", "DGSN", "marocaines"). */
  text: string;
  lang: Lang;
  kind: VariantKind;
  caseRule: CaseRule;
  /** The preferred term for its language (issue 5); the first name of a language is preferred by default. */
  preferred?: boolean;
  /**
   * Set when the lexicon marks this form as deprecated in favour of the preferred term. `use` is
   * the form to write instead when the lexicon pairs one (or, for a demonym's inflections, the
   * target's inflection of the same gender and number); without it, the preferred term applies.
   */
  deprecated?: { reason?: string; use?: string };
}

/**
 * A threat "frame": a head word and an object within a short window, so that
 * "trafic d'armes à feu et de stupéfiants" yields both arms and drug trafficking without listing
 * every combination. Words are matched after folding; multi-word objects are allowed.
 */
export interface ThreatFrame {
  lang: Lang;
  heads: string[];
  objects: string[];
  /** Most tokens allowed between the head and the object when the head comes first. */
  window: number;
  /** Most tokens allowed between the object and the head when the object comes first (English "drug trafficking"); 0 disables. */
  objectFirstWindow: number;
}

/** Where an entry was defined: a lexicon file and the 1-based line of the entry. */
export interface LexiconOrigin {
  file: string;
  line: number;
}

/** One entity the lexicons know, with all its variants expanded. */
export interface LexiconEntry {
  id: string;
  category: Category;
  /** For actors only. */
  type?: ActorType;
  /** Canonical display name (the form written into front matter for actors). */
  name: string;
  /** Names per language as given in the lexicon, first one preferred. Used by hovers. */
  names: Record<Lang, string[]>;
  /** Every matchable form, expanded (inflections, case rules, kinds). */
  variants: Variant[];
  /** Threat frames (threat entries only). */
  frames: ThreatFrame[];
  /** Actors: other spellings of the name, recognised as this actor without a `name.variant` diagnostic (issue 5). */
  accepted?: string[];
  notes?: string;
  origin: LexiconOrigin;
}

/** A problem found while loading a lexicon file; the rest of the file and every other file still load. */
export interface LexiconProblem {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  message: string;
  severity: 'error' | 'warning';
}

/** The merged result of all lexicon layers. */
export interface Lexicon {
  /** Entries by id; ids are unique across categories after merging. */
  entries: ReadonlyMap<string, LexiconEntry>;
  /** Terms ignored workspace-wide (folded), from `ignore:` lists. */
  ignore: ReadonlySet<string>;
  problems: readonly LexiconProblem[];
}

/** A zero-based position in UTF-16 code units, as LSP uses. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Where a recognised entity came from. */
export type EntitySource = 'lexicon' | 'heuristic';

/** One mention of an entity in a document. */
export interface Entity {
  category: Category;
  id: string;
  /** Canonical name: the entry's own for actors; for places and threats, its first name in the paragraph's language. */
  name: string;
  /** The text exactly as it stands in the document. */
  text: string;
  range: Range;
  /** UTF-16 offsets into the document text: [start, end). */
  start: number;
  end: number;
  source: EntitySource;
  /** For lexicon entities: the file of the entry. */
  lexicon?: string;
  /** The variant that matched (lexicon entities) and its language. */
  variant?: string;
  /** Language of the variant, or of the paragraph for heuristic entities. */
  language: Lang;
  /** For actors. */
  type?: ActorType;
  /** Set when the matched variant is deprecated in its language (issue 5, `term.deprecated`). */
  deprecated?: DeprecatedUse;
  /** Set on an actor recognised through a misspelt or transliterated name (issue 5, `name.variant`). */
  nameVariant?: NameVariantMatch;
}

/** What a deprecated mention should become. */
export interface DeprecatedUse {
  /** The term to write instead, as the lexicon writes it: the form its `use` pairs with this one, else the preferred term of the variant's language. */
  preferred: string;
  /** The text to put in place of this mention: the preferred term (or the form the lexicon pairs with this one) in the mention's case. */
  replacement: string;
  reason?: string;
}

/** How an approximate actor name relates to the lexicon. */
export interface NameVariantMatch {
  /** The lexicon spelling the text approximates ("Hammouchi", "Fernández Díaz", "Grande-Marlaska"). */
  canonical: string;
  /** Token-level edit distance after folding and transliteration (0 when only the folding differs). */
  distance: number;
  /** True when a lexicon lists this spelling as accepted: recognised, but not reported. */
  accepted: boolean;
}

/** A stretch of the document in one language. */
export interface LanguageSpan {
  start: number;
  end: number;
  language: Lang;
}

/** What recognition returns for one document. */
export interface Recognition {
  /** The document's main language. */
  language: Lang;
  /** How the main language was decided. */
  languageSource: 'front-matter' | 'detected' | 'default' | 'option';
  /** Paragraph languages, for mixed documents. */
  spans: LanguageSpan[];
  entities: Entity[];
}
