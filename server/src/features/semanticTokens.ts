/**
 * Semantic tokens (full, range and delta): one token per entity mention, typed by category, with
 * the modifiers tagged / untagged, suggested (heuristic actors), person / organization.
 *
 * One SemanticTokensBuilder per open document keeps the last result, so a delta request after an
 * edit sends only what changed.
 */
import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensDelta } from 'vscode-languageserver';
import type { Entity } from '../core/types';
import { SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES, type SemanticTokenModifier } from '../protocol';
import type { DocumentAnalysis } from './documents';
import type { Session } from './session';

const TYPE_INDEX = new Map<string, number>(SEMANTIC_TOKEN_TYPES.map((t, i) => [t, i]));
const MODIFIER_BIT = new Map<SemanticTokenModifier, number>(SEMANTIC_TOKEN_MODIFIERS.map((m, i) => [m, 1 << i]));

/** The modifier bits of one mention. */
function modifiers(analysis: DocumentAnalysis, e: Entity): number {
  let bits = MODIFIER_BIT.get(analysis.isTagged(e) ? 'tagged' : 'untagged')!;
  if (e.source === 'heuristic') bits |= MODIFIER_BIT.get('suggested')!;
  if (e.type !== undefined) bits |= MODIFIER_BIT.get(e.type)!;
  return bits;
}

/** Pushes the tokens of the mentions that touch [from, to) (everything when omitted), split at line breaks. */
function pushTokens(builder: SemanticTokensBuilder, analysis: DocumentAnalysis, from = 0, to = Number.MAX_SAFE_INTEGER): void {
  const lines = analysis.lines;
  let lastEnd = -1;
  for (const e of analysis.entities) {
    if (e.end <= from || e.start >= to) continue;
    // Tokens may not overlap; entities rarely do (a region inside an organisation's name is
    // dropped by recognition), and the first one wins when they do.
    if (e.start < lastEnd) continue;
    lastEnd = e.end;
    const type = TYPE_INDEX.get(e.category)!;
    const bits = modifiers(analysis, e);
    const start = lines.positionAt(e.start);
    const end = lines.positionAt(e.end);
    for (let line = start.line; line <= end.line; line++) {
      const first = line === start.line ? start.character : 0;
      const last = line === end.line ? end.character : lines.offsetAt({ line, character: Number.MAX_SAFE_INTEGER }) - lines.offsetAt({ line, character: 0 });
      if (last > first) builder.push(line, first, last - first, type, bits);
    }
  }
}

export function registerSemanticTokens(session: Session): void {
  const { connection, analyses, documents } = session;
  const builders = new Map<string, SemanticTokensBuilder>();
  const builderFor = (uri: string): SemanticTokensBuilder => {
    let builder = builders.get(uri);
    if (builder === undefined) {
      builder = new SemanticTokensBuilder();
      builders.set(uri, builder);
    }
    return builder;
  };
  documents.onDidClose((e) => builders.delete(e.document.uri));

  connection.languages.semanticTokens.on(async (params, token): Promise<SemanticTokens> => {
    const analysis = await analyses.get(params.textDocument.uri);
    if (analysis === undefined || token.isCancellationRequested) return { data: [] };
    const builder = builderFor(analysis.uri);
    // No previous result matches '': this only starts a fresh token list.
    builder.previousResult('');
    pushTokens(builder, analysis);
    return builder.build();
  });

  connection.languages.semanticTokens.onDelta(async (params, token): Promise<SemanticTokens | SemanticTokensDelta> => {
    const analysis = await analyses.get(params.textDocument.uri);
    if (analysis === undefined || token.isCancellationRequested) return { data: [] };
    const builder = builderFor(analysis.uri);
    // The builder diffs against its last result only when the client holds exactly that one;
    // otherwise the client gets the full list (previousResult keeps an older base on a mismatch,
    // so the mismatch is handled here).
    if (params.previousResultId !== builder.id) {
      builder.previousResult('');
      pushTokens(builder, analysis);
      return builder.build();
    }
    builder.previousResult(params.previousResultId);
    pushTokens(builder, analysis);
    return builder.buildEdits();
  });

  connection.languages.semanticTokens.onRange(async (params, token): Promise<SemanticTokens> => {
    const analysis = await analyses.get(params.textDocument.uri);
    if (analysis === undefined || token.isCancellationRequested) return { data: [] };
    const builder = new SemanticTokensBuilder();
    pushTokens(builder, analysis, analysis.lines.offsetAt(params.range.start), analysis.lines.offsetAt(params.range.end));
    return builder.build();
  });
}
