/**
 * The words and checks of "Add selection to lexicon as ...": the name taken from a selection, the
 * id offered by default and its validation. Pure (no `vscode` import) so that test/unit covers it;
 * the entry itself is written by the server (`communique.addToLexicon`).
 */
import type { Category } from './entitiesModel';

/** The id rule of the lexicon reader (server/src/core/lexicon/parse.ts). */
const ID_RE = /^[\p{L}\p{N}][\p{L}\p{N}._:-]*$/u;

/** Longest name accepted from a selection: a whole paragraph is not a name. */
export const MAX_NAME_LENGTH = 200;

/** A selection as a name: whitespace (line breaks included) collapsed, surrounding quotes and punctuation removed. */
export function nameFromSelection(text: string): string {
  return text
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^[\s"'«»“”‘’„‚()[\]{}.,;:!?¿¡]+|[\s"'«»“”‘’„‚()[\]{}.,;:!?¿¡]+$/gu, '')
    .trim();
}

/** Kebab-case without diacritics: "Guardia Civil" -> "guardia-civil", "Sûreté" -> "surete". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The id offered for a new entry: kebab-case of the name for actors, regions and threats (the
 * built-in lexicons' style); for a country the name itself when it already is an ISO code, else
 * nothing (the user types the code).
 */
export function defaultLexiconId(category: Category, name: string): string {
  if (category === 'country') return /^[A-Za-z]{2}$/.test(name.trim()) ? name.trim().toUpperCase() : '';
  return slugify(name);
}

/** A problem with an id: an error blocks, a warning only informs. */
export interface IdProblem {
  message: string;
  severity: 'error' | 'warning';
}

/** Checks an id as the lexicon reader will, and warns about ids that break the category's convention. */
export function validateLexiconId(category: Category, id: string): IdProblem | undefined {
  const value = id.trim();
  if (value === '') return { message: 'An id is required.', severity: 'error' };
  if (!ID_RE.test(value)) return { message: "Use letters, digits, '.', '_', ':' or '-', starting with a letter or digit.", severity: 'error' };
  if (category === 'country' && !/^[A-Z]{2}$/.test(value)) {
    return { message: 'Country ids are ISO 3166-1 alpha-2 codes (two capital letters, e.g. XK); the front matter will list this id.', severity: 'warning' };
  }
  if (category !== 'country' && value !== slugify(value)) {
    return { message: `The built-in lexicons write ${category} ids in kebab-case (e.g. ${slugify(value) || 'my-id'}).`, severity: 'warning' };
  }
  return undefined;
}

/** "an actor", "a country"... */
export function withArticle(category: Category): string {
  return category === 'actor' ? 'an actor' : `a ${category}`;
}

/** What a new workspace lexicon holds: valid as it is; the first added entry starts `entries:`. */
export const LEXICON_TEMPLATE = [
  '# Workspace lexicon of Communiqué: its entries extend the built-in lexicons (a later file wins per id).',
  '# "Add selection to lexicon" and the quick fixes write here. An entry looks like this:',
  '#',
  '# entries:',
  '#   - id: guardia-civil',
  '#     category: actor          # actor, country, region or threat',
  '#     type: organization       # actors only: person or organization',
  '#     name: Guardia Civil',
  '#     names:',
  '#       es: [Guardia Civil]',
  '# ignore: [Coupe du Monde]     # terms never reported',
  'version: 1',
  '',
].join('\n');
