/**
 * Workspace trust over a real stdio session (issue 6, "Untrusted workspaces"): until the client
 * says the workspace is trusted, the server reads no lexicon file outside the workspace folders,
 * whether an extra path of the settings or a workspace lexicon that links out, and tells the user
 * once; the workspace's own lexicons still load; granting trust reads the held-back files at once.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import type { DidChangeWorkspaceTrustParams } from '../../server/src/protocol';
import { LspClient } from './harness';

/** server/src/protocol.ts DID_CHANGE_WORKSPACE_TRUST, spelled out: the protocol tests talk to the bundle as any client would. */
const DID_CHANGE_WORKSPACE_TRUST = 'communique/didChangeWorkspaceTrust';
const DRAFT = 'Les enquêteurs ont entendu Francisca Bostyn et Ramiro Valdeolmos au Maroc.\n';

function actorLexicon(id: string, name: string): string {
  return ['version: 1', 'entries:', `  - id: ${id}`, '    category: actor', '    type: person', `    name: ${name}`, '    names:', `      fr: [${name}]`, ''].join('\n');
}

/** [code, id] of each diagnostic, sorted. */
function summary(p: PublishDiagnosticsParams): string[] {
  return p.diagnostics.map((d) => `${String(d.code)} ${(d.data as { id?: string }).id ?? ''}`).sort();
}

describe('protocol: workspace trust', function () {
  let client: LspClient | undefined;
  let outside: string;

  beforeEach(() => {
    // A folder that is not part of the workspace: someone else's files, or the user's home.
    outside = realpathSync(mkdtempSync(join(tmpdir(), 'communique-outside-')));
    writeFileSync(join(outside, 'people.yaml'), actorLexicon('bostyn', 'Francisca Bostyn'));
  });
  afterEach(async () => {
    await client?.shutdown();
    client = undefined;
    rmSync(outside, { recursive: true, force: true });
  });

  const settings = (): Record<string, unknown> => ({ lexicon: { paths: [join(outside, 'people.yaml'), 'shared/inside.yaml'] } });

  it('untrusted (the client says nothing): an extra path outside the workspace is ignored, one inside is read, and the user is told once', async () => {
    client = await LspClient.start({ files: { 'shared/inside.yaml': actorLexicon('valdeolmos', 'Ramiro Valdeolmos') }, settings: settings() });
    const uri = await client.open('communiques/draft.md', DRAFT);
    assert.deepEqual(summary(await client.diagnostics(uri)), ['entity.suggested francisca-bostyn', 'entity.untagged MA', 'entity.untagged valdeolmos']);
    const told = client.messages.filter((m) => m.includes('not trusted'));
    assert.deepEqual(told, [
      `Communiqué: this workspace is not trusted, so the lexicon file outside its folders is ignored: ${join(outside, 'people.yaml')}. Trust the workspace to use it.`,
    ]);

    // Rebuilding the lexicons (a reload, new settings) does not repeat the message.
    const next = client.nextDiagnostics(uri);
    await client.executeCommand('communique.reloadLexicon');
    await client.changeSettings({ ...settings(), heuristics: { enabled: true } });
    await next;
    assert.equal(client.messages.filter((m) => m.includes('not trusted')).length, 1);
  });

  it('untrusted: ../ out of the folder and a workspace lexicon that is a link out of the workspace are ignored too', async () => {
    client = await LspClient.start({});
    // The workspace lexicon is a symbolic link to a file outside the workspace.
    mkdirSync(client.path('.communique'), { recursive: true });
    symlinkSync(join(outside, 'people.yaml'), client.path('.communique/lexicon.yaml'));
    writeFileSync(join(outside, 'escape.yaml'), actorLexicon('valdeolmos', 'Ramiro Valdeolmos'));
    const relative = join('..', outside.split('/').pop()!, 'escape.yaml');
    await client.changeSettings({ lexicon: { paths: [relative] } });
    const uri = await client.open('communiques/draft.md', DRAFT);
    assert.deepEqual(summary(await client.diagnostics(uri)), ['entity.suggested francisca-bostyn', 'entity.suggested ramiro-valdeolmos', 'entity.untagged MA']);
    const told = client.messages.filter((m) => m.includes('not trusted'));
    assert.equal(told.length, 1, told.join('\n'));
    assert.match(told[0]!, /the 2 lexicon files outside its folders are ignored: \/\S*\/\.communique\/lexicon\.yaml, \/\S*\/escape\.yaml\./);
  });

  it('granting trust (communique/didChangeWorkspaceTrust) reads the held-back files without a restart', async () => {
    client = await LspClient.start({ files: { 'shared/inside.yaml': actorLexicon('valdeolmos', 'Ramiro Valdeolmos') }, settings: settings() });
    const uri = await client.open('communiques/draft.md', DRAFT);
    assert.deepEqual(summary(await client.diagnostics(uri)), ['entity.suggested francisca-bostyn', 'entity.untagged MA', 'entity.untagged valdeolmos']);
    const next = client.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => (d.data as { id?: string }).id === 'bostyn'));
    const granted: DidChangeWorkspaceTrustParams = { trusted: true };
    await client.connection.sendNotification(DID_CHANGE_WORKSPACE_TRUST, granted);
    assert.deepEqual(summary(await next), ['entity.untagged MA', 'entity.untagged bostyn', 'entity.untagged valdeolmos']);
  });

  it('trusted from the start (initializationOptions.workspaceTrusted): every configured path is read and nothing is said', async () => {
    client = await LspClient.start({
      files: { 'shared/inside.yaml': actorLexicon('valdeolmos', 'Ramiro Valdeolmos') },
      settings: settings(),
      initializationOptions: { workspaceTrusted: true },
    });
    const uri = await client.open('communiques/draft.md', DRAFT);
    assert.deepEqual(summary(await client.diagnostics(uri)), ['entity.untagged MA', 'entity.untagged bostyn', 'entity.untagged valdeolmos']);
    assert.deepEqual(client.messages.filter((m) => m.includes('not trusted')), []);
  });

  it('a lexicon path that is a device or a pipe is refused with a problem, never read (trusted)', async function () {
    client = await LspClient.start({ settings: { lexicon: { paths: ['/dev/zero'] } }, initializationOptions: { workspaceTrusted: true } });
    const problems = client.nextDiagnostics('file:///dev/zero');
    const uri = await client.open('communiques/draft.md', DRAFT);
    assert.deepEqual(summary(await client.diagnostics(uri)), ['entity.suggested francisca-bostyn', 'entity.suggested ramiro-valdeolmos', 'entity.untagged MA']);
    assert.deepEqual(
      (await problems).diagnostics.map((d) => d.message),
      ['Not a regular file (a device, a pipe or a socket): not read.'],
    );
  });
});
