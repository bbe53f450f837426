/**
 * Code actions: the core plans them (keyed by diagnostic code and data), this file turns each
 * plan into a CodeAction with a versioned WorkspaceEdit. Nothing is cached for later: every edit
 * is computed from the analysed version and carries that version (ARCHITECTURE.md, "Stateful
 * quick fixes ... go stale").
 */
import { CodeActionKind, type CodeAction } from 'vscode-languageserver';
import { planActions, type ActionPlan } from '../core/codeActions';
import { Commands, FIX_ALL_KIND } from '../protocol';
import { toLspDiagnostic } from './diagnostics';
import type { DocumentAnalysis } from './documents';
import type { Session } from './session';
import { toLspEdits, WorkspaceEditBuilder } from './workspaceEdits';

/** The kinds the server offers, for its capabilities. */
export const CODE_ACTION_KINDS: string[] = [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.Source];

export function registerCodeActions(session: Session): void {
  const { connection, analyses, documents } = session;
  connection.onCodeAction(async (params, token) => {
    const analysis = await analyses.get(params.textDocument.uri);
    if (analysis === undefined || token.isCancellationRequested) return null;
    // The plan's offsets are those of the analysed text, which must still be the document's.
    if (documents.get(analysis.uri)?.version !== analysis.version) return null;
    const range = { start: analysis.lines.offsetAt(params.range.start), end: analysis.lines.offsetAt(params.range.end) };
    const plans = planActions(analysis.analyzed, analysis.diagnostics(), range, analysis.lexicon, analysis.settings, params.context.only);
    const actions: CodeAction[] = [];
    for (const plan of plans) {
      const action = toCodeAction(session, analysis, plan);
      if (action !== undefined) actions.push(action);
    }
    return actions;
  });
}

/** One plan as a CodeAction; undefined when it cannot be applied and the client cannot show why. */
export function toCodeAction(session: Session, analysis: DocumentAnalysis, plan: ActionPlan): CodeAction | undefined {
  const action: CodeAction = { title: plan.title, kind: plan.kind };
  if (plan.isPreferred === true) action.isPreferred = true;
  if (plan.diagnostics !== undefined && plan.diagnostics.length > 0) {
    action.diagnostics = plan.diagnostics.map((d) => toLspDiagnostic(analysis, d, session.client.relatedInformation));
  }
  let disabled = plan.disabled?.reason;
  if (disabled === undefined) {
    const edit = new WorkspaceEditBuilder(session);
    edit.editDocument(analysis.uri, analysis.version, toLspEdits(analysis.text, plan.edits ?? [], analysis.lines));
    if (plan.lexicon !== undefined) {
      const lexicon = edit.changeLexicon(analysis.uri, plan.lexicon);
      if ('error' in lexicon) disabled = lexicon.error;
      // The fix is done only once the entity shows as a lexicon entity (issue 3): the client runs
      // this command after applying the edit, and the server reads the new lexicon text.
      else action.command = { title: 'Reload the lexicon', command: Commands.reloadLexicon, arguments: [lexicon.uri] };
    }
    if (disabled === undefined) {
      if (edit.isEmpty) return undefined;
      action.edit = edit.build();
    }
  }
  if (disabled !== undefined) {
    if (!session.client.disabledCodeActions) return undefined;
    delete action.command;
    action.disabled = { reason: disabled };
  }
  return action;
}
