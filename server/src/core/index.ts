/**
 * The public API of the analysis core. The language server, the CLI and the tests import from
 * here; everything else under core/ is an implementation detail that may move.
 */
export * from './types';
export { tokenize, foldWord, foldArabic, type Token, type Script } from './text/tokenize';
export { LineIndex } from './text/positions';
export { createRecognizer, type RecognizeOptions, type Recognizer } from './recognize';
export { buildLexicon, type LexiconSourceText } from './lexicon';
export { detectLanguage, languageSpans } from './language';
export { findHeuristicActors, type HeuristicActor, type KnownSpan } from './heuristics/actors';
export {
  frontMatterLanguage,
  locateBody,
  locateDateHeader,
  locateFrontMatter,
  normalizeLanguageTag,
  type DateHeader,
  type DocumentLayout,
  type FrontMatterBlock,
} from './frontMatter/locate';
