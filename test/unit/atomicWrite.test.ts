/**
 * The atomic replacement under `communique tag --write` (server/src/node/atomicWrite.ts), on the
 * cases issue 6 names: owner and mode kept, links, files changed or swapped between the read and
 * the rename, failures that must leave no temporary file, and readers that must never see a
 * half-written file. (test/unit/cliTag.test.ts covers the ordinary write, mode, BOM, encodings and
 * a change on disk.)
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { FileChangedError, prepareAtomicWrite, readFileSnapshot, UnsafeTargetError, writeFileAtomic } from '#node/atomicWrite';
import { writeTagged } from '#cli/tag';

const root = resolve(__dirname, '..', '..', '..');
const cli = join(root, 'dist', 'cli.js');
const CEUTA = join(root, 'test', 'fixtures', 'cli', 'tag-ceuta-draft.md');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Every entry of a folder tree, relative, sorted: temporary files would show up here. */
function tree(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? [`${prefix}${e.name}/`, ...tree(join(dir, e.name), `${prefix}${e.name}/`)] : [`${prefix}${e.name}`]))
    .sort();
}

/** A CliIO that keeps what is written. */
function memoryIO(cwd: string): { io: Parameters<typeof writeTagged>[2]; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, env: {}, cwd }, out, err };
}

describe('atomic write: owners, links and swaps', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'communique-atomic-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the owner, the group and setgid/sticky bits of a file (as root)', function () {
    if (!isRoot) this.skip();
    const file = join(dir, 'a.md');
    writeFileSync(file, 'old\n');
    chownSync(file, 4321, 8765);
    chmodSync(file, 0o2640);
    writeFileAtomic(readFileSnapshot(file), Buffer.from('new\n'));
    const stat = statSync(file);
    assert.equal(readFileSync(file, 'utf8'), 'new\n');
    assert.equal(stat.uid, 4321);
    assert.equal(stat.gid, 8765);
    assert.equal(stat.mode & 0o7777, 0o2640, 'chown clears setgid; the mode is set after it');
    assert.deepEqual(tree(dir), ['a.md']);
  });

  it('keeps an executable or read-only mode exactly (umask does not apply)', () => {
    for (const mode of [0o755, 0o444, 0o600, 0o1755]) {
      const file = join(dir, `m${mode.toString(8)}.md`);
      writeFileSync(file, 'old\n');
      chmodSync(file, mode);
      writeFileAtomic(readFileSnapshot(file), Buffer.from('new\n'));
      assert.equal(statSync(file).mode & 0o7777, mode, `mode ${mode.toString(8)}`);
    }
  });

  it('writes through a symbolic link into another folder: the link stays, the temporary file lives beside the target', () => {
    mkdirSync(join(dir, 'drafts'));
    mkdirSync(join(dir, 'links'));
    writeFileSync(join(dir, 'drafts', 'real.md'), 'old\n');
    symlinkSync(join('..', 'drafts', 'real.md'), join(dir, 'links', 'link.md'));
    const snapshot = readFileSnapshot(join(dir, 'links', 'link.md'));
    const pending = prepareAtomicWrite(snapshot, Buffer.from('new\n'));
    assert.ok(pending.tempPath.startsWith(join(dir, 'drafts') + '/'), pending.tempPath);
    pending.commit();
    assert.ok(lstatSync(join(dir, 'links', 'link.md')).isSymbolicLink(), 'the link is still a link');
    assert.equal(readlinkSync(join(dir, 'links', 'link.md')), join('..', 'drafts', 'real.md'));
    assert.equal(readFileSync(join(dir, 'drafts', 'real.md'), 'utf8'), 'new\n');
    assert.deepEqual(tree(dir), ['drafts/', 'drafts/real.md', 'links/', 'links/link.md']);
  });

  it('refuses a file with two hard links, leaving both names on the same content', () => {
    const a = join(dir, 'a.md');
    writeFileSync(a, 'old\n');
    linkSync(a, join(dir, 'b.md'));
    const error = (() => {
      try {
        writeFileAtomic(readFileSnapshot(a), Buffer.from('new\n'));
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    assert.ok(error instanceof UnsafeTargetError, String(error));
    assert.match(error.message, /2 hard links/);
    assert.equal(readFileSync(a, 'utf8'), 'old\n');
    assert.equal(statSync(a).ino, statSync(join(dir, 'b.md')).ino);
    assert.deepEqual(tree(dir), ['a.md', 'b.md']);
  });

  it('refuses a named pipe at once instead of waiting for a writer', function () {
    const fifo = join(dir, 'pipe.md');
    if (spawnSync('mkfifo', [fifo]).status !== 0) this.skip();
    assert.throws(() => readFileSnapshot(fifo), (e: unknown) => e instanceof UnsafeTargetError && /not a regular file/.test(e.message));
  });

  it('refuses when the file was replaced by a symbolic link after it was read, and leaves the link alone', () => {
    const file = join(dir, 'a.md');
    writeFileSync(file, 'old\n');
    writeFileSync(join(dir, 'elsewhere.md'), 'old\n');
    const snapshot = readFileSnapshot(file);
    const pending = prepareAtomicWrite(snapshot, Buffer.from('new\n'));
    unlinkSync(file);
    symlinkSync('elsewhere.md', file);
    assert.throws(() => pending.commit(), FileChangedError);
    assert.ok(lstatSync(file).isSymbolicLink());
    assert.equal(readFileSync(join(dir, 'elsewhere.md'), 'utf8'), 'old\n');
    assert.deepEqual(tree(dir), ['a.md', 'elsewhere.md']);
  });

  it('refuses when another program replaced the file by a new one with the same bytes and time (a save by rename)', () => {
    const file = join(dir, 'a.md');
    // Whole seconds, so that both files get exactly the same modification time.
    const time = new Date('2026-01-09T10:00:00Z');
    writeFileSync(file, 'same\n');
    utimesSync(file, time, time);
    const snapshot = readFileSnapshot(file);
    const other = join(dir, 'other.tmp');
    copyFileSync(file, other);
    // Same content, same modification time, but another file now has the name.
    utimesSync(other, time, time);
    renameSync(other, file);
    assert.equal(statSync(file).mtimeMs, snapshot.mtimeMs);
    assert.throws(() => writeFileAtomic(snapshot, Buffer.from('new\n')), FileChangedError);
    assert.equal(readFileSync(file, 'utf8'), 'same\n');
  });

  it('removes the temporary file when writing it fails half-way', () => {
    const file = join(dir, 'a.md');
    writeFileSync(file, 'old\n');
    // Content whose length can be read once: the write loop then fails, as a full disk would.
    let reads = 0;
    class FailingBytes extends Uint8Array {
      override get length(): number {
        if (++reads > 1) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        return super.length;
      }
    }
    assert.throws(() => prepareAtomicWrite(readFileSnapshot(file), new FailingBytes(Buffer.from('new content\n'))), /ENOSPC/);
    assert.equal(readFileSync(file, 'utf8'), 'old\n');
    assert.deepEqual(tree(dir), ['a.md'], 'no temporary file is left');
  });

  it('reports a failed rename and leaves the target as it was', () => {
    const file = join(dir, 'a.md');
    writeFileSync(file, 'old\n');
    const pending = prepareAtomicWrite(readFileSnapshot(file), Buffer.from('new\n'));
    // Something removes the temporary file before the rename (a cleaner of /tmp-like folders).
    unlinkSync(pending.tempPath);
    assert.throws(() => pending.commit(), /ENOENT/);
    assert.equal(readFileSync(file, 'utf8'), 'old\n');
    assert.deepEqual(tree(dir), ['a.md']);
  });
});

describe('atomic write: readers never see half a file', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'communique-atomic-readers-'));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('a reader polling the file during 40 replacements of 2 MB sees only whole old or whole new contents', async () => {
    const file = join(dir, 'big.md');
    const versions = ['A', 'B'].map((c) => Buffer.alloc(2 * 1024 * 1024, c));
    writeFileSync(file, versions[0]!);
    // The reader runs in another thread while this one writes.
    const reader = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const { readFileSync } = require('node:fs');
       let reads = 0, torn = 0, stop = false;
       parentPort.on('message', () => { stop = true; });
       (function loop() {
         for (let i = 0; i < 5 && !stop; i++) {
           const b = readFileSync(workerData.file);
           reads++;
           if (b.length !== workerData.size || b[0] !== b[b.length - 1] || b.indexOf(b[0] === 65 ? 66 : 65) !== -1) torn++;
         }
         if (stop) parentPort.postMessage({ reads, torn }); else setImmediate(loop);
       })();`,
      { eval: true, workerData: { file, size: versions[0]!.length } },
    );
    const result = new Promise<{ reads: number; torn: number }>((done, fail) => {
      reader.once('message', done);
      reader.once('error', fail);
    });
    for (let i = 1; i <= 40; i++) {
      writeFileAtomic(readFileSnapshot(file), versions[i % 2]!);
      // Let the reader's thread run between writes.
      await new Promise((r) => setImmediate(r));
    }
    reader.postMessage('stop');
    const { reads, torn } = await result;
    await reader.terminate();
    assert.ok(reads > 0, 'the reader read the file');
    assert.equal(torn, 0, `${torn} of ${reads} reads saw a mixed or short file`);
    console.log(`      40 replacements of 2 MiB, ${reads} concurrent reads, ${torn} torn`);
    assert.deepEqual(readdirSync(dir), ['big.md']);
  });
});

describe('communique tag --write: refusals', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'communique-tag-refuse-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports a file changed on disk since it was read, writes nothing, and counts it as refused (exit 1)', () => {
    const file = join(dir, 'a.md');
    writeFileSync(file, 'draft one\n');
    const snapshot = readFileSnapshot(file);
    writeFileSync(file, 'draft two, saved by the editor\n');
    const { io, out, err } = memoryIO(dir);
    assert.equal(writeTagged(snapshot, Buffer.from('tagged draft one\n'), io), 'refused');
    assert.deepEqual(out, []);
    assert.deepEqual(err, [`${file}: error: changed on disk while it was being tagged; not written (run the command again)\n`]);
    assert.equal(readFileSync(file, 'utf8'), 'draft two, saved by the editor\n');
    assert.deepEqual(tree(dir), ['a.md']);
  });

  it('refuses a hard-linked file with exit status 1 and still tags the other files', () => {
    copyFileSync(CEUTA, join(dir, 'linked.md'));
    linkSync(join(dir, 'linked.md'), join(dir, 'second-name.md'));
    copyFileSync(CEUTA, join(dir, 'plain.md'));
    const before = readFileSync(join(dir, 'linked.md'));
    const r = spawnSync(process.execPath, [cli, 'tag', '--write', 'linked.md', 'plain.md'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /^linked\.md: error: it has 2 hard links, and replacing it would leave the other names on the old content; not written$/m);
    assert.deepEqual(readFileSync(join(dir, 'linked.md')), before);
    assert.deepEqual(readFileSync(join(dir, 'second-name.md')), before);
    assert.notDeepEqual(readFileSync(join(dir, 'plain.md')), before, 'the other file is tagged');
    assert.equal(r.stdout, 'tagged plain.md\n');
    assert.deepEqual(tree(dir), ['linked.md', 'plain.md', 'second-name.md']);
  });
});
