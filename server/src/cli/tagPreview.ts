/**
 * The front matter that tagging would write, shown at the end of `communique scan` (issue 2).
 *
 * This is only a preview: the `tag` subcommand and the editor's quick fixes (later issues) edit
 * the real front matter through the core. The keys and value kinds are the ones those will write:
 * actors by canonical name, countries by ISO code, regions and threats by id, each list in order
 * of first mention so the block reads like the document.
 */
import { stringify } from 'yaml';
import type { Category, Lexicon, Recognition } from '../core/types';

/** The four front-matter lists, keyed as in the front matter. */
export interface ProposedTags {
  actors: string[];
  countries: string[];
  regions: string[];
  threats: string[];
}

const KEY_OF: Record<Category, keyof ProposedTags> = {
  actor: 'actors',
  country: 'countries',
  region: 'regions',
  threat: 'threats',
};

/** The tags of a recognition: one value per entity, in order of first mention. */
export function proposedTags(recognition: Recognition, lexicon: Lexicon): ProposedTags {
  const tags: ProposedTags = { actors: [], countries: [], regions: [], threats: [] };
  const seen = new Set<string>();
  // Entities come sorted by start offset, so the first time an id is seen is its first mention.
  for (const entity of recognition.entities) {
    const key = KEY_OF[entity.category];
    const value =
      entity.category === 'actor'
        ? (entity.source === 'lexicon' ? lexicon.entries.get(entity.id)?.name : undefined) ?? entity.name
        : entity.id;
    // One value per id (an acronym defined in parentheses shares its organisation's id), and
    // never the same value twice (two heuristic spellings may give one canonical name).
    const idKey = `${entity.category}:${entity.id}`;
    const valueKey = `${key}:${value}`;
    if (seen.has(idKey) || seen.has(valueKey)) continue;
    seen.add(idKey).add(valueKey);
    tags[key].push(value);
  }
  return tags;
}

/** The tags as a YAML block (without the `---` fences). */
export function renderTagsYaml(tags: ProposedTags): string {
  return stringify(tags, { lineWidth: 0 });
}
