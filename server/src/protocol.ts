/**
 * The protocol the Communiqué client and server share, declared once (ARCHITECTURE.md, "Custom
 * protocol defined once"): command ids, the semantic-token legend, code-action kinds and the
 * custom requests with their parameter and result types.
 *
 * Both the language server and the VS Code client import this file, so it holds only plain
 * types and string constants: no `vscode`, no LSP library, no Node built-in.
 */

/** The `source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = 'communique';

/** The workspace/configuration section of the settings. */
export const SETTINGS_SECTION = 'communique';

/** Commands the server executes (workspace/executeCommand). Arguments are given per command. */
export const Commands = {
  /** Tag every untagged entity of a document. Arguments: [uri: string]. */
  tagAll: 'communique.tagAll',
  /** Remove every stale tag of a document. Arguments: [uri: string]. */
  removeStaleTags: 'communique.removeStaleTags',
  /** Turn a document on: sets `communique: true` in its front matter. Arguments: [uri: string]. */
  annotateFile: 'communique.annotateFile',
  /** Reload every lexicon (after an edit of a lexicon file). Arguments: none, or [lexiconUri: string]. */
  reloadLexicon: 'communique.reloadLexicon',
  /** Move the legacy `date YYYY-MM` header line into the front matter. Arguments: [uri: string]. */
  moveDateHeader: 'communique.moveDateHeader',
  /**
   * Add an entry or an ignore term to the workspace lexicon of a document's folder, through a
   * WorkspaceEdit the client applies (as the "Add to the workspace lexicon" fix does), then reload
   * the lexicons. Arguments: [AddToLexiconParams]; result: AddToLexiconResult.
   */
  addToLexicon: 'communique.addToLexicon',
  /** Tag one entity of a document, as its "Tag ..." quick fix does. Arguments: [EntityCommandParams]. */
  tagEntity: 'communique.tagEntity',
  /** Ignore a term in one document (`communique-ignore:`). Arguments: [EntityCommandParams with `text`]. */
  ignoreInDocument: 'communique.ignoreInDocument',
} as const;

/** The argument of `communique.tagEntity` and `communique.ignoreInDocument`: an entity of a document. */
export interface EntityCommandParams {
  uri: string;
  category: 'actor' | 'country' | 'region' | 'threat';
  id: string;
  /** The mention's text, for ignoring; defaults to the entity's first mention. */
  text?: string;
}

/**
 * Commands the client runs from links in hovers (`command:` URIs), which only a client that says
 * so in `initializationOptions.commandLinks` gets (other editors would show a dead link).
 */
export const ClientLinkCommands = {
  /** Copy a name to the clipboard (the translator hover's "Copy"). Arguments: [text: string]. */
  copyName: 'communique.copyName',
} as const;

/** The `initializationOptions` the VS Code client sends besides the settings. */
export interface CommuniqueInitializationOptions {
  settings?: unknown;
  /** The ClientLinkCommands the client runs from hover links. */
  commandLinks?: string[];
  /**
   * Whether the user trusts the workspace (issue 6). Until it is `true`, no lexicon file outside the
   * workspace folders is read. Other editors opt in with `{ "workspaceTrusted": true }`.
   */
  workspaceTrusted?: boolean;
}

/** Notification `communique/didChangeWorkspaceTrust` (client to server): the user granted (or withdrew) trust. */
export const DID_CHANGE_WORKSPACE_TRUST = 'communique/didChangeWorkspaceTrust';

export interface DidChangeWorkspaceTrustParams {
  trusted: boolean;
}

/** Request `communique/serverProcess`: the server's process id (the client logs it; crash tests kill it). */
export const SERVER_PROCESS_REQUEST = 'communique/serverProcess';

export interface ServerProcessResult {
  pid: number;
}

export type CommandId = (typeof Commands)[keyof typeof Commands];

/** Every command id, in the order they are registered. */
export const COMMAND_IDS: readonly CommandId[] = Object.values(Commands);

/** The code action kind of tag-all, so that "fix all on save" (`source.fixAll`) runs it. */
export const FIX_ALL_KIND = 'source.fixAll.communique';

/** Semantic token types, one per category; their order is the legend's. */
export const SEMANTIC_TOKEN_TYPES = ['actor', 'country', 'region', 'threat'] as const;

/** Semantic token modifiers; their order is the legend's (bit i of the modifier set). */
export const SEMANTIC_TOKEN_MODIFIERS = ['tagged', 'untagged', 'suggested', 'person', 'organization'] as const;

export type SemanticTokenType = (typeof SEMANTIC_TOKEN_TYPES)[number];
export type SemanticTokenModifier = (typeof SEMANTIC_TOKEN_MODIFIERS)[number];

/** The semantic-token legend as the server declares it in its capabilities. */
export const SEMANTIC_TOKENS_LEGEND: { tokenTypes: string[]; tokenModifiers: string[] } = {
  tokenTypes: [...SEMANTIC_TOKEN_TYPES],
  tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS],
};

/** Where an entity stands with respect to the front matter. */
export type EntityState = 'tagged' | 'untagged' | 'suggested';

/** A zero-based LSP position (UTF-16 code units). */
export interface ProtocolPosition {
  line: number;
  character: number;
}

/** An LSP range. */
export interface ProtocolRange {
  start: ProtocolPosition;
  end: ProtocolPosition;
}

/** Request `communique/entities`: the entities of a document, for the client's decorations. */
export const ENTITIES_REQUEST = 'communique/entities';

export interface EntitiesParams {
  textDocument: { uri: string };
}

/** One mention of an entity, with its tagging state. */
export interface EntityMention {
  range: ProtocolRange;
  category: 'actor' | 'country' | 'region' | 'threat';
  id: string;
  name: string;
  /** The text as it stands in the document. */
  text: string;
  state: EntityState;
  source: 'lexicon' | 'heuristic';
  /** Actors only. */
  type?: 'person' | 'organization';
}

/** How the main language of a document was decided: its front matter's `lang:`, detection, or the default (too little text). */
export type LanguageSource = 'front-matter' | 'detected' | 'default';

/** One language of a document's body and its share of the body's paragraphs, in characters (0 to 1). */
export interface ParagraphLanguage {
  language: string;
  share: number;
}

/**
 * The result of `communique/entities`: null when the document is not open or not annotated;
 * `version` is the document version the entities were computed on. The language fields (issue 5)
 * are optional for clients: a client reads them defensively.
 */
export type EntitiesResult = {
  version: number;
  entities: EntityMention[];
  /** The document's main language (`fr`, `ar`...). */
  language?: string;
  languageSource?: LanguageSource;
  /** The languages the paragraphs are read in, the largest share first; more than one in a mixed document. */
  paragraphLanguages?: ParagraphLanguage[];
  /**
   * Set when the document is annotated but not analysed (issue 6): larger than
   * `communique.maxFileSize`, or binary data. `entities` is then empty and `message` says why.
   */
  notAnalyzed?: NotAnalyzedNotice;
  /**
   * Set when the document has more than MAX_MENTIONS_PER_ANSWER mentions (issue 6): `entities`
   * then holds `shown` of the `total` mentions (every entity's first mention, then document order),
   * and `entityTotals` lists every entity with its full mention count and state.
   */
  truncated?: { shown: number; total: number };
  /** Every entity of the document with all its mentions counted; sent only with `truncated`. */
  entityTotals?: EntityTotal[];
} | null;

/** The most mentions one `communique/entities` answer carries; more would only cost the editor. */
export const MAX_MENTIONS_PER_ANSWER = 5000;

/** One entity of a truncated answer, counted over the whole document. */
export interface EntityTotal {
  category: EntityMention['category'];
  id: string;
  name: string;
  /** The state the entity shows: untagged wins over suggested, which wins over tagged. */
  state: EntityState;
  source: EntityMention['source'];
  type?: 'person' | 'organization';
  mentions: number;
}

/** Why an annotated document was not analysed, in the words the editor shows. */
export interface NotAnalyzedNotice {
  reason: 'too-large' | 'binary';
  message: string;
}

/** The argument of the `communique.addToLexicon` command. */
export interface AddToLexiconParams {
  /** The document the entry comes from: its workspace folder holds the lexicon. */
  uri: string;
  /** A new entry. Its id must be new: replacing a built-in entry would drop all its names. */
  entry?: {
    id: string;
    category: EntityMention['category'];
    /** Actors only (required for them). */
    type?: 'person' | 'organization';
    /** The canonical name; also the form that is matched when `names` is left out. */
    name: string;
    /** Names per language; by default `{ <language at position>: [name] }`. */
    names?: Record<string, string[]>;
  };
  /** A term to ignore in the whole workspace. */
  addIgnore?: string;
  /** Where the name was selected: its paragraph's language is the language of the new name. */
  position?: ProtocolPosition;
}

/** What `communique.addToLexicon` answers. */
export interface AddToLexiconResult {
  applied: boolean;
  /** Why nothing was applied. */
  reason?: string;
  /** The workspace lexicon that was (or would have been) edited. */
  lexiconUri?: string;
}

/**
 * Request `communique/compareWithSource` (issue 5): a translation's lexicon entities beside its
 * source's, for the client's "Compare entities with source" table.
 */
export const COMPARE_WITH_SOURCE_REQUEST = 'communique/compareWithSource';

export interface CompareWithSourceParams {
  textDocument: { uri: string };
}

/** One mention in either document. */
export interface ComparedMention {
  range: ProtocolRange;
  text: string;
}

/** One entity of the source or the translation. */
export interface ComparedEntityRow {
  category: 'actor' | 'country' | 'region' | 'threat';
  id: string;
  /** The lexicon's canonical name. */
  name: string;
  /** The entity's name in the source's and in the translation's language. */
  sourceName: string;
  translationName: string;
  /** `missing`: only in the source; `extra`: only in the translation. */
  status: 'both' | 'missing' | 'extra';
  /** Listed in the translation's `translation-ignore:`: a difference on purpose, not reported. */
  ignored: boolean;
  sourceMentions: ComparedMention[];
  translationMentions: ComparedMention[];
}

/** The answer of `communique/compareWithSource`: the comparison, or why there is none (no source declared, source missing...). */
export type CompareWithSourceResult =
  | {
      kind: 'compared';
      translation: { uri: string; version: number | null; language: string };
      source: {
        uri: string;
        /** The open document's version; null when it was read from disk. */
        version: number | null;
        language: string;
        /** How the translation names it: front matter `translation-of:` or sibling naming. */
        via: 'front-matter' | 'sibling';
        /** Its path relative to the translation's folder. */
        label: string;
      };
      entities: ComparedEntityRow[];
    }
  | { kind: 'no-source'; message: string };
