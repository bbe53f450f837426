/**
 * The lexicon loader of the core: parse each layer, merge them in order, expand the variants.
 * Reading files is the caller's job (server/src/node/lexiconFiles.ts), so this stays pure.
 */
import type { Lexicon } from '../types';
import { mergeLexiconFiles } from './merge';
import { parseLexiconText } from './parse';
import type { LexiconSourceText } from './parse';

export type { FormSection, LexiconSourceText, ParsedLexiconFile, RawEntry, RawForm } from './parse';
export type { SourceTree, TreeMessage, TreeNode } from './sourceTree';
export { treeFromYaml, isSourceTree } from './sourceTree';
export { parseLexiconText } from './parse';
export { mergeLexiconFiles, lexiconKey } from './merge';
export {
  defaultCaseRule,
  defaultKind,
  expandForms,
  inflectArabic,
  inflectDemonym,
  inflectEnglish,
  inflectFrench,
  inflectSpanish,
  isAcronymForm,
} from './expand';

/** Parses, validates and merges lexicon layers in order (later wins per id). */
export function buildLexicon(layers: readonly LexiconSourceText[]): Lexicon {
  return mergeLexiconFiles(layers.map(parseLexiconText));
}
