/**
 * Property test of the running language server under sequences of incremental `didChange` edits
 * (issue 6, "Property and fuzz tests"). One server (the bundle `npm test` builds, started with
 * `--test-hooks`) receives, for each case, a generated communiqué and then a random sequence of
 * edits: insertions of lexicon terms, names, release fragments and hostile Unicode (lone
 * surrogates, RTL, combining marks, NUL, CR and CRLF), deletions and replacements, at any UTF-16
 * offset, including between the halves of a surrogate pair or of a CRLF, several changes in one
 * notification at times.
 *
 * After every edit the server's text (read with the test-only `communique/test/documentText`
 * request) must equal the client's, and both must equal the text obtained here by applying the
 * edits to a plain string with the LSP rules. At checkpoints, and at the end of each sequence:
 * - the entities the server reports (`communique/entities`) and its pulled diagnostics are those
 *   the core computes on the client's text, with ranges inside the document and on boundaries;
 * - semantic tokens, document symbols and a hover at a random position stay inside their lines
 *   and never split a surrogate pair;
 * - tag-all as a `source.fixAll` code action applies cleanly and is not offered again.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CodeAction, Diagnostic, DocumentSymbol, FullDocumentDiagnosticReport, Hover, SemanticTokens, TextDocumentEdit } from 'vscode-languageserver-protocol/node';
import { analyzeDocument } from '#core/analysis';
import { computeDiagnostics } from '#core/diagnostics';
import { buildLexicon } from '#core/lexicon/index';
import { createRecognizer, type Recognizer } from '#core/recognize';
import { DEFAULT_SETTINGS } from '#core/settings';
import type { Lexicon } from '#core/types';
import { readBuiltinLexicons } from '#node/lexiconFiles';
import type { EntitiesResult } from '../../server/src/protocol';
import { fuzzSeed, printTotalAtEnd, record, serverRuns, stopwatch } from '../fuzz/config';
import { bodyPiece, documentText, hostile, termPool, type TermPool } from '../fuzz/generators';
import { assertRange, lineLength, lineStarts, positionOf, show, splitsPair, type Pos } from '../fuzz/invariants';
import { LspClient, SERVER } from './harness';

/** The test-only request of server/src/features/testHooks.ts (a string here: tests do not import server values). */
const DOCUMENT_TEXT_REQUEST = 'communique/test/documentText';

/** One change of a didChange, as offsets drawn at random and resolved against the text of the moment. */
interface EditSpec {
  at: number;
  length: number;
  insert: string;
  /** Send this change together with the next one in a single notification. */
  batch: boolean;
  /** Check entities, diagnostics, tokens and symbols after this edit (the text is checked after every edit). */
  checkpoint: boolean;
}

function editSpec(pool: TermPool): fc.Arbitrary<EditSpec> {
  return fc.record({
    at: fc.nat(),
    length: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 1, arbitrary: fc.integer({ min: 4, max: 60 }) }),
    insert: fc.oneof({ weight: 4, arbitrary: bodyPiece(pool) }, { weight: 2, arbitrary: hostile }, { weight: 1, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('\n', '\r\n', '\r', '---\n', '\n---\n', 'countries: [MA]\n') }),
    batch: fc.constantFrom(false, false, false, true),
    checkpoint: fc.constantFrom(false, false, false, false, true),
  });
}

/** The offset of an LSP position under the protocol's rules: a character past the line's end means its end. */
function lspOffset(text: string, starts: readonly number[], p: Pos): number {
  if (p.line >= starts.length) return text.length;
  return starts[p.line]! + Math.min(p.character, lineLength(text, starts, p.line));
}

/** Decodes relative semantic-token data into absolute [line, character, length]. */
function decodeTokens(data: readonly number[]): { line: number; character: number; length: number }[] {
  const out: { line: number; character: number; length: number }[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    line += data[i]!;
    character = data[i]! === 0 ? character + data[i + 1]! : data[i + 1]!;
    out.push({ line, character, length: data[i + 2]! });
  }
  return out;
}

printTotalAtEnd();

describe('fuzz: the language server under incremental edits (property)', function () {
  this.timeout(0);
  let client: LspClient;
  let lexicon: Lexicon;
  let recognizer: Recognizer;

  before(async function () {
    lexicon = buildLexicon(readBuiltinLexicons());
    recognizer = createRecognizer(lexicon);
    client = await LspClient.start({ command: [process.execPath, SERVER, '--stdio', '--test-hooks'], pullDiagnostics: true });
  });

  after(async function () {
    await client?.shutdown();
  });

  /** The server's text equals the client's and the plain model's. */
  async function checkText(uri: string, model: string): Promise<void> {
    assert.equal(client.text(uri), model, 'the client document follows the LSP rules');
    const held = (await client.request(DOCUMENT_TEXT_REQUEST, { textDocument: { uri } })) as { version: number; text: string } | null;
    assert.ok(held !== null, 'the server holds the document');
    assert.equal(held.version, client.version(uri), 'the server is at the client version');
    if (held.text !== model) assert.fail(`the server's text differs from the client's:\n server ${show(held.text)}\n client ${show(model)}`);
  }

  /** Entities, diagnostics, tokens, symbols and a hover, checked against the core on the client's text. */
  async function checkFeatures(uri: string, text: string, probe: number): Promise<void> {
    const starts = lineStarts(text);
    const expected = analyzeDocument({ uri, version: client.version(uri), text }, recognizer, DEFAULT_SETTINGS);

    const entities = (await client.request('communique/entities', { textDocument: { uri } })) as EntitiesResult;
    assert.ok(entities !== null, 'the document is annotated');
    assert.equal(entities.version, client.version(uri), 'entities of the current version');
    for (const m of entities.entities) {
      const { start, end } = assertRange(text, starts, m.range, `entity ${m.id}`);
      assert.ok(start < end, `entity ${m.id} is not empty`);
      assert.equal(m.text, text.slice(start, end), `entity ${m.id}: text is the slice`);
    }
    const want = expected.recognition.entities.map((e) => ({ category: e.category, id: e.id, text: e.text, range: { start: positionOf(starts, e.start), end: positionOf(starts, e.end) } }));
    const got = entities.entities.map((m) => ({ category: m.category, id: m.id, text: m.text, range: m.range }));
    assert.deepEqual(got, want, 'the server reports the entities the core finds in the client text');

    const report = (await client.pull(uri)) as FullDocumentDiagnosticReport;
    assert.equal(report.kind, 'full');
    for (const d of report.items as Diagnostic[]) {
      assertRange(text, starts, d.range, `diagnostic ${String(d.code)}`);
      for (const r of d.relatedInformation ?? []) assertRange(text, starts, r.location.range, `related of ${String(d.code)}`);
    }
    // The server also checks a translation against its source (`translation-of:`, sibling files),
    // which needs the workspace: those diagnostics are left out of the comparison on both sides.
    const lineText = (line: number): string => text.slice(starts[line]!, starts[line]! + lineLength(text, starts, line));
    const fromWorkspace = (d: { code?: unknown; range: { start: Pos } }): boolean =>
      String(d.code).startsWith('translation.') || /^\s*translation-of\s*:/.test(lineText(d.range.start.line));
    const core = computeDiagnostics(expected, lexicon, DEFAULT_SETTINGS)
      .map((d) => ({ code: d.code, range: { start: positionOf(starts, d.start), end: positionOf(starts, d.end) } }))
      .filter((d) => !fromWorkspace(d));
    assert.deepEqual(
      (report.items as Diagnostic[]).filter((d) => !fromWorkspace(d)).map((d) => ({ code: d.code, range: d.range })),
      core,
      'the server publishes the diagnostics the core computes on the client text',
    );

    const tokens = (await client.request('textDocument/semanticTokens/full', { textDocument: { uri } })) as SemanticTokens;
    let last = { line: -1, end: 0 };
    for (const t of decodeTokens(tokens.data)) {
      assert.ok(t.line < starts.length && t.length > 0, `token ${JSON.stringify(t)} on a line`);
      assert.ok(t.character + t.length <= lineLength(text, starts, t.line), `token ${JSON.stringify(t)} inside its line`);
      assert.ok(t.line > last.line || t.character >= last.end, `tokens do not overlap: ${JSON.stringify(t)}`);
      const start = starts[t.line]! + t.character;
      assert.ok(!splitsPair(text, start) && !splitsPair(text, start + t.length), `token ${JSON.stringify(t)} splits a surrogate pair`);
      last = { line: t.line, end: t.character + t.length };
    }

    const symbols = ((await client.request('textDocument/documentSymbol', { textDocument: { uri } })) ?? []) as DocumentSymbol[];
    const walk = (list: readonly DocumentSymbol[]): void => {
      for (const s of list) {
        assertRange(text, starts, s.range, `symbol ${s.name}`);
        assertRange(text, starts, s.selectionRange, `symbol ${s.name} selection`);
        walk(s.children ?? []);
      }
    };
    walk(symbols);

    const at = positionOf(starts, probe % (text.length + 1));
    const hover = (await client.request('textDocument/hover', { textDocument: { uri }, position: at })) as Hover | null;
    if (hover?.range !== undefined) assertRange(text, starts, hover.range, 'hover');
  }

  /** Tag-all through the protocol: the edit is for this version, in range, and is not offered twice. */
  async function checkFixAll(uri: string): Promise<boolean> {
    const text = client.text(uri);
    const starts = lineStarts(text);
    const end = positionOf(starts, text.length);
    const actions = await client.codeActions(uri, { start: { line: 0, character: 0 }, end }, ['source.fixAll']);
    const fix = actions.find((a: CodeAction) => a.edit !== undefined);
    if (fix === undefined) return false;
    for (const change of fix.edit!.documentChanges ?? []) {
      const edit = change as TextDocumentEdit;
      assert.equal(edit.textDocument.version, client.version(uri), 'the fix is for the current version');
      for (const e of edit.edits) assertRange(text, starts, e.range, 'fix-all edit');
    }
    await client.applyEdit(fix.edit!);
    await checkText(uri, client.text(uri));
    const again = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: positionOf(lineStarts(client.text(uri)), client.text(uri).length) }, ['source.fixAll']);
    assert.deepEqual(
      again.filter((a) => a.edit !== undefined).map((a) => a.title),
      [],
      `tag-all is not offered again after it ran:\n${show(client.text(uri))}`,
    );
    return true;
  }

  it('keeps the server text equal to the client text, and every range inside it, whatever the edits', async () => {
    const pool = termPool(lexicon);
    const runs = serverRuns();
    const seed = fuzzSeed();
    let steps = 0;
    let fixes = 0;
    let n = 0;
    const elapsed = stopwatch();
    await fc.assert(
      fc.asyncProperty(documentText(pool, { maxPieces: 16 }), fc.array(editSpec(pool), { minLength: 1, maxLength: 40, size: 'medium' }), fc.nat(), async (initial, edits, probe) => {
        const uri = await client.open(`press/case-${n++}.cmq`, initial, 'communique');
        try {
          let model = initial;
          await checkText(uri, model);
          let batch: { range: { start: Pos; end: Pos }; text: string }[] = [];
          for (let i = 0; i < edits.length; i++) {
            const spec = edits[i]!;
            // Offsets anywhere, inside a pair or a CRLF too; the range is resolved on the text of
            // the moment (a batch's changes apply one after the other, as LSP specifies).
            const starts = lineStarts(model);
            const from = spec.at % (model.length + 1);
            const to = Math.min(model.length, from + spec.length);
            const range = { start: positionOf(starts, from), end: positionOf(starts, to) };
            const a = lspOffset(model, starts, range.start);
            const b = lspOffset(model, starts, range.end);
            model = model.slice(0, a) + spec.insert + model.slice(Math.max(a, b));
            batch.push({ range, text: spec.insert });
            if (spec.batch && i + 1 < edits.length) continue;
            await client.edit(uri, batch);
            steps += batch.length;
            batch = [];
            await checkText(uri, model);
            if (spec.checkpoint) await checkFeatures(uri, model, probe + i);
          }
          await checkFeatures(uri, model, probe);
          if (await checkFixAll(uri)) {
            fixes++;
            await checkFeatures(uri, client.text(uri), probe);
          }
        } finally {
          await client.close(uri);
        }
      }),
      { seed, numRuns: runs },
    );
    record({ property: `server under incremental edits (${fixes} tag-all fixes applied)`, cases: runs, steps, ...elapsed(), seed });
  });
});
