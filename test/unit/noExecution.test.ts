/**
 * Nothing in a document or a lexicon is executed or fetched over the network (issue 6,
 * "Untrusted workspaces"). A lexicon and a front matter carry the classic payloads: JS-YAML's
 * `!!js/function`, `!!js/regexp` and `!!js/undefined`, PyYAML's `!!python/object/apply`, and a
 * `$schema` URL pointing at a local HTTP server. The whole CLI runs on them in this process
 * (scan, check, tag --write) with every network and process-spawning entry point of Node replaced
 * by a trap, and the language server runs on them with the same traps preloaded. Then:
 * - no trap fired and the HTTP server saw no connection;
 * - no payload ran (each would set a global or create a file);
 * - the payloads are reported or kept as plain data, never followed.
 */
import * as assert from 'node:assert/strict';
import childProcess from 'node:child_process';
import dns from 'node:dns';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http, { createServer, type Server } from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { main } from '#cli/main';
import { LspClient } from '../protocol/harness';

/** A marker file each shell payload would create, and the global each JS payload would set. */
function payloads(port: number, marker: string): { lexicon: string; document: string } {
  const js = (what: string) => `"function () { globalThis.__communiquePwned = '${what}'; require('fs').writeFileSync('${marker}', '${what}') }"`;
  const lexicon = [
    `$schema: http://127.0.0.1:${port}/lexicon.schema.json`,
    'version: 1',
    'entries:',
    '  - id: bostyn',
    '    category: actor',
    '    type: person',
    '    name: Francisca Bostyn',
    '    names:',
    '      fr: [Francisca Bostyn]',
    '  - id: evil-function',
    '    category: actor',
    '    type: person',
    `    name: !!js/function ${js('lexicon name')}`,
    '  - id: evil-python',
    '    category: threat',
    `    name: !!python/object/apply:os.system ["touch ${marker}"]`,
    '  - id: evil-regexp',
    '    category: region',
    '    name: !!js/regexp /(a+)+$/',
    '',
  ].join('\n');
  const document = [
    '---',
    `$schema: http://127.0.0.1:${port}/front-matter.schema.json`,
    `title: !!js/function ${js('front matter title')}`,
    `countries: [!!js/eval "globalThis.__communiquePwned = 'eval'", MA]`,
    '"__proto__": { polluted: yes }',
    `actors: !!js/undefined ''`,
    `threats: !!python/object/apply:subprocess.check_output [["touch", "${marker}"]]`,
    '---',
    'Les enquêteurs ont entendu Francisca Bostyn au Maroc, en lien avec Europol.',
    '',
  ].join('\n');
  return { lexicon, document };
}

/** What the traps saw. */
const calls: string[] = [];

/** Replaces each network and process entry point by a function that records the call and throws. */
function installTraps(): () => void {
  const restore: (() => void)[] = [];
  const trap = (owner: object, name: string, label: string): void => {
    const target = owner as Record<string, unknown>;
    const original = target[name];
    target[name] = function trapped() {
      calls.push(label);
      throw new Error(`${label} called`);
    };
    restore.push(() => (target[name] = original));
  };
  for (const name of ['connect', 'createConnection']) trap(net, name, `net.${name}`);
  trap(net.Socket.prototype, 'connect', 'net.Socket#connect');
  for (const name of ['request', 'get']) {
    trap(http, name, `http.${name}`);
    trap(https, name, `https.${name}`);
  }
  trap(tls, 'connect', 'tls.connect');
  for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) trap(dns, name, `dns.${name}`);
  for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) trap(childProcess, name, `child_process.${name}`);
  trap(globalThis, 'fetch', 'fetch');
  return () => {
    for (const undo of restore.reverse()) undo();
  };
}

/** The Node preload of the server process: the same traps, reporting to a file. */
function serverPreload(log: string): string {
  return `
const fs = require('node:fs');
fs.writeFileSync(${JSON.stringify(log)} + '.armed', String(process.pid));
const note = (label) => { fs.appendFileSync(${JSON.stringify(log)}, label + '\\n'); throw new Error(label + ' called'); };
const trap = (owner, name, label) => { owner[name] = function () { return note(label); }; };
const net = require('node:net');
for (const n of ['connect', 'createConnection']) trap(net, n, 'net.' + n);
trap(net.Socket.prototype, 'connect', 'net.Socket#connect');
for (const m of ['http', 'https']) for (const n of ['request', 'get']) trap(require('node:' + m), n, m + '.' + n);
trap(require('node:tls'), 'connect', 'tls.connect');
for (const n of ['lookup', 'resolve', 'resolve4', 'resolve6']) trap(require('node:dns'), n, 'dns.' + n);
for (const n of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) trap(require('node:child_process'), n, 'child_process.' + n);
trap(globalThis, 'fetch', 'fetch');
`;
}

describe('no execution, no network: hostile lexicons and front matter', function () {
  this.timeout(60_000);
  let dir: string;
  let server: Server;
  let port: number;
  let connections = 0;
  let marker: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'communique-noexec-'));
    marker = join(dir, 'PWNED');
    server = createServer((_req, res) => res.end('{}'));
    server.on('connection', () => connections++);
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as net.AddressInfo).port;
  });
  after(async () => {
    await new Promise((done) => server.close(done));
    rmSync(dir, { recursive: true, force: true });
    delete (globalThis as Record<string, unknown>)['__communiquePwned'];
  });

  it('the CLI (scan, check, tag --write) runs on them in this process: no trap fires, nothing runs, the payloads stay data', async () => {
    const { lexicon, document } = payloads(port, marker);
    const work = join(dir, 'cli');
    mkdirSync(join(work, '.communique'), { recursive: true });
    writeFileSync(join(work, '.communique', 'lexicon.yaml'), lexicon);
    writeFileSync(join(work, 'draft.communique.md'), document);
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, env: {}, cwd: work };

    calls.length = 0;
    const restore = installTraps();
    const statuses: number[] = [];
    try {
      // The traps are armed: a fetch of the schema URL would be caught.
      assert.throws(() => http.get(`http://127.0.0.1:${port}/`), /http\.get called/);
      assert.throws(() => childProcess.execSync('true'), /child_process\.execSync called/);
      calls.length = 0;
      const draft = join(work, 'draft.communique.md');
      statuses.push(await main(['scan', '--format', 'json', draft], io));
      statuses.push(await main(['check', '--format', 'json', draft], io));
      statuses.push(await main(['tag', '--write', draft], io));
    } finally {
      restore();
    }
    assert.deepEqual(calls, [], `network or process entry points were called: ${calls.join(', ')}`);
    assert.equal(connections, 0, 'the $schema URLs were fetched');
    assert.equal((globalThis as Record<string, unknown>)['__communiquePwned'], undefined, 'a JS payload ran');
    assert.equal(existsSync(marker), false, 'a shell payload ran');
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined, '__proto__ polluted Object.prototype');

    // The lexicon's good entry still loads; each payload is reported on its line (an unresolved tag), its entry refused.
    const scan = JSON.parse(out[0]!) as { files: { entities: { id: string }[] }[] };
    assert.ok(scan.files[0]?.entities.some((e) => e.id === 'bostyn'), `scan: ${out[0]}\nstderr: ${err.join('')}`);
    const lexiconErrors = err.join('').split('\n').filter((l) => l.includes('lexicon.yaml:'));
    for (const line of [13, 16, 19]) {
      assert.ok(lexiconErrors.some((l) => l.includes(`lexicon.yaml:${line}:11: warning: YAML: Unresolved tag`)), `no problem reported at line ${line}:\n${lexiconErrors.join('\n')}`);
    }
    // The front matter with tags it cannot read is refused by tag --write, and the file is untouched.
    assert.deepEqual(readFileSync(join(work, 'draft.communique.md'), 'utf8'), document);
    assert.ok(statuses.every((s) => s === 0 || s === 1 || s === 2), `exit statuses ${statuses.join(', ')}`);
  });

  it('the language server runs on them (diagnostics, hover, fixes, completion): no trap fires, nothing runs', async () => {
    const { lexicon, document } = payloads(port, marker);
    const log = join(dir, 'server-calls.log');
    const preload = join(dir, 'traps.cjs');
    writeFileSync(preload, serverPreload(log));
    const client = await LspClient.start({
      files: { '.communique/lexicon.yaml': lexicon },
      command: [process.execPath, '--require', preload, join(__dirname, '..', '..', '..', 'dist', 'server.js'), '--stdio'],
    });
    try {
      const lexiconProblems = client.nextDiagnostics(client.uri('.communique/lexicon.yaml'));
      const uri = await client.open('draft.communique.md', document, 'communique');
      const diagnostics = await client.diagnostics(uri);
      assert.ok(diagnostics.diagnostics.length > 0);
      assert.ok((await lexiconProblems).diagnostics.some((d) => d.range.start.line === 12), 'the !!js/function entry is reported on its line');
      const body = { line: 8, character: 30 };
      await client.request('textDocument/hover', { textDocument: { uri }, position: body });
      await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } });
      await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 12 } });
      await client.request('textDocument/semanticTokens/full', { textDocument: { uri } });
      await client.executeCommand('communique.tagAll', [uri]);
    } finally {
      await client.shutdown();
    }
    assert.ok(existsSync(`${log}.armed`), 'the traps were preloaded into the server process');
    assert.equal(existsSync(log) ? readFileSync(log, 'utf8') : '', '', 'network or process entry points were called in the server');
    assert.equal(connections, 0, 'the $schema URLs were fetched');
    assert.equal(existsSync(marker), false, 'a shell payload ran');
  });
});
