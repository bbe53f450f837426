/**
 * Huge and hostile documents over a real stdio session (issue 6):
 * - past `communique.maxFileSize`, and for binary data, the server says so with one diagnostic
 *   and in the Entities answer, and analyses nothing;
 * - a long document is analysed in steps: requests about another document are answered before its
 *   diagnostics come, a newer version supersedes the one being analysed, and a cancelled request
 *   stops waiting.
 * Every wait is on an event; the order in which answers arrive is the evidence, never a clock.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CancellationTokenSource,
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  WorkDoneProgressCreateRequest,
  type DocumentDiagnosticReport,
  type ResponseError,
} from 'vscode-languageserver-protocol/node';
import type { EntitiesResult } from '../../server/src/protocol';
import { LspClient, ROOT } from './harness';

const SMALL = 'La police a arrêté trois suspects au Maroc et en Espagne.\n';

/** A long French communiqué: the example release, its paragraphs repeated to about `chars` characters. */
function longCommunique(chars: number): string {
  const example = readFileSync(join(ROOT, 'server', 'examples', 'fr-dgsn-operation-conjointe.communique.md'), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
  const copies = Math.ceil(chars / example.length);
  return Array.from({ length: copies }, (_, i) => `## Partie ${i + 1}\n\n${example}`).join('\n\n');
}

/**
 * A client that shows work-done progress, as VS Code does; `begun` settles with the message of the
 * first progress the server begins; `reports` are the percentages of each progress token.
 */
async function startWithProgress(options: Parameters<typeof LspClient.start>[0]): Promise<{ client: LspClient; begun: Promise<string>; reports: Map<string, number[]> }> {
  const started = await LspClient.start({ ...options, capabilities: (c) => (c.window = { ...c.window, workDoneProgress: true }) });
  const reports = new Map<string, number[]>();
  let begin!: (message: string) => void;
  const begun = new Promise<string>((resolve) => (begin = resolve));
  started.connection.onRequest(WorkDoneProgressCreateRequest.type, () => null);
  started.connection.onNotification('$/progress', (p: { token: string | number; value: { kind: string; message?: string; percentage?: number } }) => {
    const list = reports.get(String(p.token)) ?? [];
    reports.set(String(p.token), list);
    if (p.value.percentage !== undefined) list.push(p.value.percentage);
    if (p.value.kind === 'begin') begin(p.value.message ?? '');
  });
  return { client: started, begun, reports };
}

/** Hovers over "Maroc" in the small document, in a loop, until `done()`; the number of answers. */
async function hoverUntil(client: LspClient, uri: string, done: () => boolean): Promise<number> {
  let answers = 0;
  while (!done()) {
    const hover = await client.request<{ contents: unknown } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 38 } });
    assert.ok(hover !== null, 'the small document is answered');
    answers++;
  }
  return answers;
}

describe('protocol: huge and hostile documents', function () {
  this.timeout(60_000);
  let client: LspClient;
  afterEach(async () => {
    await client?.shutdown();
  });

  it('says once that a document larger than communique.maxFileSize is not annotated', async () => {
    client = await LspClient.start({ settings: { maxFileSize: 10_000 } });
    const text = longCommunique(30_000);
    const uri = await client.open('communiques/big.md', text);
    const published = await client.diagnostics(uri);
    assert.equal(published.diagnostics.length, 1);
    const [notice] = published.diagnostics;
    assert.equal(notice!.code, 'document.too-large');
    assert.equal(notice!.severity, DiagnosticSeverity.Information);
    assert.deepEqual(notice!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    const bytes = Buffer.byteLength(text);
    assert.deepEqual(notice!.data, { code: 'document.too-large', bytes, limit: 10_000 });
    assert.equal(notice!.message, `This document is ${Math.round(bytes / 100) / 10} KB, larger than communique.maxFileSize (10 KB): Communiqué does not annotate it.`);
    const entities = await client.request<EntitiesResult>('communique/entities', { textDocument: { uri } });
    assert.deepEqual(entities, { version: 1, entities: [], notAnalyzed: { reason: 'too-large', message: notice!.message } });
    // Below the limit again, it is annotated as usual.
    await client.change(uri, SMALL);
    const after = await client.diagnostics(uri, 2);
    assert.deepEqual(after.diagnostics.map((d) => d.code), ['entity.untagged', 'entity.untagged']);
  });

  it('leaves binary data alone, with one warning, pushed or pulled', async () => {
    for (const pullDiagnostics of [false, true]) {
      client = await LspClient.start({ pullDiagnostics });
      const uri = await client.open('communiques/scan.md', `%PDF-1.7\n\u0000\u0001\u0002binary\u0000 Maroc Espagne\n`);
      const diagnostics = pullDiagnostics
        ? ((await client.pull(uri)) as { items: { code?: string | number; severity?: number; message: string; data?: unknown }[] }).items
        : (await client.diagnostics(uri)).diagnostics;
      assert.deepEqual(
        diagnostics.map((d) => [d.code, d.severity, d.message, d.data]),
        [['document.binary', DiagnosticSeverity.Warning, 'This file does not look like text (it contains NUL characters): Communiqué does not annotate it.', { code: 'document.binary', reason: 'it contains NUL characters' }]],
      );
      const entities = await client.request<EntitiesResult>('communique/entities', { textDocument: { uri } });
      assert.equal(entities?.notAnalyzed?.reason, 'binary');
      // The last client is shut down after the test.
      if (!pullDiagnostics) await client.shutdown();
    }
  });

  it('answers requests about another document while a long one is analysed, then publishes it', async () => {
    client = await LspClient.start({ settings: { maxFileSize: 20_000_000 } });
    const small = await client.open('communiques/small.md', SMALL);
    await client.diagnostics(small);
    const text = longCommunique(2_000_000);
    const uri = await client.open('communiques/long.md', text);
    let published = false;
    const diagnostics = client.diagnostics(uri, 1).then((p) => {
      published = true;
      return p;
    });
    // The first hover is sent right after the long document: it is answered while the long
    // document is still being analysed, and so are the hovers after it.
    const answers = await hoverUntil(client, small, () => published);
    assert.ok(answers >= 2, `${answers} hovers answered while the long document was analysed`);
    const result = await diagnostics;
    const codes = new Set(result.diagnostics.map((d) => d.code));
    assert.ok(codes.has('entity.untagged'), 'the long document is annotated');
    // The last part of the text is annotated as well as the first.
    const lastLine = text.split('\n').length - 1;
    assert.ok(
      result.diagnostics.some((d) => d.relatedInformation?.some((r) => r.location.range.start.line > lastLine - 50) || d.range.start.line > lastLine - 50),
      'mentions near the end are reported',
    );
  });

  it('shows the progress of a long analysis, and stops it as soon as a newer version arrives, publishing only the newer one (push)', async () => {
    const session = await startWithProgress({ settings: { maxFileSize: 20_000_000 } });
    client = session.client;
    const text = longCommunique(2_000_000);
    const uri = await client.open('communiques/long.md', text);
    // The first version is being analysed (the progress has begun) when the user types at the top.
    assert.equal(await session.begun, 'annotating long.md');
    await client.edit(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Europol. ' }]);
    const latest = await client.diagnostics(uri, 2);
    assert.ok(latest.diagnostics.some((d) => (d.data as { id?: string } | undefined)?.id === 'europol'), 'the newer text is the one analysed');
    assert.deepEqual(
      client.published.filter((p) => p.uri === uri).map((p) => p.version),
      [2],
      'nothing is published for the superseded version',
    );
    // One progress per version analysed, each going up.
    for (const list of session.reports.values()) assert.ok(list.every((p, i) => i === 0 || p >= list[i - 1]!), `percentages ${list.join(' ')}`);
  });

  it('asks a pulling client to pull again when a newer version supersedes the one it pulled', async () => {
    const session = await startWithProgress({ pullDiagnostics: true, settings: { maxFileSize: 20_000_000 } });
    client = session.client;
    const text = longCommunique(2_000_000);
    const uri = await client.open('communiques/long.md', text);
    const first = client.pull(uri).then(
      (report) => ({ report }),
      (error: ResponseError<{ retriggerRequest?: boolean }>) => ({ error }),
    );
    // The pulled version is being analysed when the change arrives.
    await session.begun;
    await client.edit(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Europol. ' }]);
    const outcome = await first;
    assert.ok('error' in outcome, 'the superseded pull is not answered with diagnostics of the old text');
    assert.equal(outcome.error.code, LSPErrorCodes.ServerCancelled);
    assert.deepEqual(outcome.error.data, { retriggerRequest: true });
    const report = (await client.pull(uri)) as DocumentDiagnosticReport & { items: { data?: { id?: string } }[] };
    assert.equal(report.kind, DocumentDiagnosticReportKind.Full);
    assert.ok(report.items.some((d) => d.data?.id === 'europol'));
  });

  it('stops waiting for a long analysis when the request is cancelled, and the analysis goes on for the next one', async () => {
    client = await LspClient.start({ pullDiagnostics: true, settings: { maxFileSize: 20_000_000 } });
    const text = longCommunique(2_000_000);
    const uri = await client.open('communiques/long.md', text);
    const source = new CancellationTokenSource();
    const cancelled = client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }, source.token).then(
      () => 'answered',
      (error: ResponseError) => (error.code === LSPErrorCodes.RequestCancelled ? 'cancelled' : `failed: ${error.message}`),
    );
    source.cancel();
    let settled = false;
    const next = client.pull(uri).then((report) => {
      settled = true;
      return report;
    });
    // The cancelled request settles before the analysis ends (the next pull still waits for it).
    assert.ok(['answered', 'cancelled'].includes(await cancelled));
    assert.equal(settled, false, 'the cancelled request settled before the analysis ended');
    const report = (await next) as DocumentDiagnosticReport & { items: { code?: string | number }[] };
    assert.ok(report.items.some((d) => d.code === 'entity.untagged'));
  });
});
