/**
 * The quick fixes of `name.variant` (issue 5, "Variants of known names"): change the mention to
 * the lexicon's spelling, or accept the mention's spelling in the workspace lexicon. Planned from
 * the diagnostic's data and the analysed text, never from its message.
 */
import type { AnalyzedDocument } from './analysis';
import type { ActionPlan } from './codeActions';
import type { CommuniqueDiagnostic, DiagnosticData } from './diagnostics';
import type { TextEdit } from './textEdit';

type VariantData = Extract<DiagnosticData, { code: 'name.variant' }>;

/** The fixes of one `name.variant` diagnostic, best first. */
export function nameVariantFixes(doc: AnalyzedDocument, d: CommuniqueDiagnostic, data: VariantData): ActionPlan[] {
  const plans: ActionPlan[] = [];
  const change = changeToCanonical(doc, d, data);
  if (change !== undefined) plans.push(change);
  if (data.text.trim() !== '') {
    plans.push({
      title: `Accept «${data.text}» as a spelling of ${data.name}`,
      kind: 'quickfix',
      lexicon: { acceptSpelling: { id: data.id, spelling: data.text } },
    });
  }
  return plans;
}

/**
 * "Change to «Hammouchi»": the mention becomes the lexicon's spelling. Only the letters that differ
 * are replaced, so the text around them stays as it is.
 */
function changeToCanonical(doc: AnalyzedDocument, d: CommuniqueDiagnostic, data: VariantData): ActionPlan | undefined {
  // The diagnostic may come back from a client after an edit: it must still describe the text.
  if (doc.text.slice(d.start, d.end) !== data.text || data.replacement === data.text || data.replacement.trim() === '') return undefined;
  const edit = minimalEdit(data.text, data.replacement);
  return {
    title: `Change to «${data.replacement}»`,
    kind: 'quickfix',
    isPreferred: true,
    edits: [{ start: d.start + edit.start, end: d.start + edit.end, newText: edit.newText }],
  };
}

/** The smallest edit turning `from` into `to`: their common start and end stay (offsets relative to `from`). */
export function minimalEdit(from: string, to: string): TextEdit {
  const limit = Math.min(from.length, to.length);
  let start = 0;
  while (start < limit && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  let end = 0;
  while (end < limit - start && from.charCodeAt(from.length - 1 - end) === to.charCodeAt(to.length - 1 - end)) end++;
  // Never between the two halves of a surrogate pair.
  if (start > 0 && isHighSurrogate(from.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(from.charCodeAt(from.length - end))) end--;
  return { start, end: from.length - end, newText: to.slice(start, to.length - end) };
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
