/**
 * The JSON output of `communique scan --format json`.
 *
 * Other tools read this (the dev-set scorer, CI scripts), so its shape is part of the interface
 * (issue 2): `{"files":[{"path","language","entities":[{category,id,name,text,range,source,...}]}]}`.
 * Keys are written in a fixed order so diffs of two runs stay readable.
 */
import type { ActorType, Category, DeprecatedUse, EntitySource, Lang, NameVariantMatch, Range, Recognition } from '../core/types';

/** One entity as written to JSON. */
export interface JsonEntity {
  category: Category;
  id: string;
  name: string;
  text: string;
  range: Range;
  source: EntitySource;
  /** Actors only. */
  type?: ActorType;
  /** The lexicon variant that matched (lexicon entities only). */
  variant?: string;
  /** Language of the variant, or of the paragraph for heuristic entities. */
  language: Lang;
  /** The lexicon file of the entry (lexicon entities only). */
  lexicon?: string;
  /** A deprecated term: what to write instead, and why (issue 5). */
  deprecated?: DeprecatedUse;
  /** An actor found through a misspelt or transliterated name: the spelling it approximates (issue 5). */
  nameVariant?: NameVariantMatch;
}

/** One scanned file as written to JSON. */
export interface JsonFileReport {
  /** The path exactly as given on the command line. */
  path: string;
  language: Lang;
  entities: JsonEntity[];
}

/**
 * Converts a recognition into the JSON record of one file. `lexiconPath` says how to write the
 * lexicon file of an entity (the CLI makes it relative to the current folder).
 */
export function jsonFileReport(path: string, recognition: Recognition, lexiconPath: (file: string) => string = (f) => f): JsonFileReport {
  return {
    path,
    language: recognition.language,
    entities: recognition.entities.map((e) => ({
      category: e.category,
      id: e.id,
      name: e.name,
      text: e.text,
      range: { start: { ...e.range.start }, end: { ...e.range.end } },
      source: e.source,
      ...(e.type !== undefined ? { type: e.type } : {}),
      ...(e.variant !== undefined ? { variant: e.variant } : {}),
      language: e.language,
      ...(e.lexicon !== undefined ? { lexicon: lexiconPath(e.lexicon) } : {}),
      // Last, so that the keys every entity has keep their places.
      ...(e.deprecated !== undefined ? { deprecated: { ...e.deprecated } } : {}),
      ...(e.nameVariant !== undefined ? { nameVariant: { ...e.nameVariant } } : {}),
    })),
  };
}

/**
 * The whole JSON document for a run, with a final newline. One entity per line: compact enough to
 * read and to diff, and still one `JSON.parse` for tools.
 */
export function renderJsonReport(files: readonly JsonFileReport[]): string {
  const fileBlocks = files.map((f) => {
    const head = `    "path": ${JSON.stringify(f.path)},\n    "language": ${JSON.stringify(f.language)},\n`;
    const entities =
      f.entities.length === 0
        ? '    "entities": []'
        : `    "entities": [\n${f.entities.map((e) => `      ${JSON.stringify(e)}`).join(',\n')}\n    ]`;
    return `  {\n${head}${entities}\n  }`;
  });
  return files.length === 0 ? '{ "files": [] }\n' : `{ "files": [\n${fileBlocks.join(',\n')}\n] }\n`;
}
