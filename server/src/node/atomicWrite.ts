/**
 * Replacing a file's content safely (`communique tag --write`, issue 3: "writes the file
 * atomically (a temporary file, then rename), keeping the file's mode").
 *
 * The write is split in two steps so that the lost-update check is testable without any hook in
 * production code: `prepareAtomicWrite` writes and syncs a temporary file beside the target;
 * `commit` then checks that the target is still exactly what was read (size, mtime and a hash of
 * its bytes) and renames the temporary file over it. Readers of the file see the old bytes or the
 * new bytes, never a half-written file, and an editor that saved the file in the meantime does not
 * have its work overwritten. A small window between the check and the rename remains: POSIX has no
 * compare-and-swap rename, and the check narrows the window to microseconds.
 *
 * Links (issue 6). A symbolic link is written through: the temporary file is created beside the
 * file the link points to and renamed over that file, so the link stays a link and its target gets
 * the new content. A file with several hard links is refused: a rename would give this name a new
 * file and leave the other names on the old content, silently splitting what was one file. The
 * temporary file is opened with O_EXCL (never through an existing file or link), and any failure
 * before the rename removes it.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A file as it was read: what a later write checks against. */
export interface FileSnapshot {
  /** The path as given (for messages). */
  path: string;
  /** The file that is really written: symbolic links are followed, so a link stays a link. */
  realPath: string;
  bytes: Buffer;
  size: number;
  mtimeMs: number;
  /** Permission bits (and setuid/setgid/sticky), kept on the new file. */
  mode: number;
  uid: number;
  gid: number;
  /** Device and inode: the rename must replace this very file. */
  dev: number;
  ino: number;
  /** Hard links to the file (1 for an ordinary file). */
  nlink: number;
  sha256: string;
}

/** The target changed on disk after it was read; nothing was written. */
export class FileChangedError extends Error {
  constructor(readonly path: string) {
    super(`${path} changed on disk since it was read; not written (run the command again)`);
    this.name = 'FileChangedError';
  }
}

/** A file that cannot be replaced by a rename without harm (several hard links, not a regular file); nothing was written. */
export class UnsafeTargetError extends Error {
  constructor(
    readonly path: string,
    /** Why, without the path ("it has 2 hard links, ..."). */
    readonly reason: string,
  ) {
    super(`${path}: ${reason}; not written`);
    this.name = 'UnsafeTargetError';
  }
}

/** A temporary file, written and synced, waiting to replace its target. */
export interface PendingWrite {
  /** The temporary file (same folder as the target, so the rename never crosses file systems). */
  readonly tempPath: string;
  /** Checks that the target is unchanged, then renames the temporary file over it; throws FileChangedError otherwise (the temporary file is removed). */
  commit(): void;
  /** Removes the temporary file without touching the target. */
  abort(): void;
}

/** Reads a file's bytes together with what identifies that version of it. */
export function readFileSnapshot(path: string): FileSnapshot {
  const realPath = realpathSync(path);
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it changes nothing for a regular file.
  const fd = openSync(realPath, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    // Stat and read the same open file, so size, mtime and bytes describe one version.
    const stat = fstatSync(fd);
    // A folder goes on to fail with EISDIR, as any read of it does.
    if (!stat.isFile() && !stat.isDirectory()) throw new UnsafeTargetError(path, 'it is not a regular file (a device, a pipe or a socket)');
    const bytes = readFileSync(fd);
    return {
      path,
      realPath,
      bytes,
      size: stat.size,
      mtimeMs: stat.mtimeMs,
      mode: stat.mode & 0o7777,
      uid: stat.uid,
      gid: stat.gid,
      dev: stat.dev,
      ino: stat.ino,
      nlink: stat.nlink,
      sha256: sha256(bytes),
    };
  } finally {
    closeSync(fd);
  }
}

/** Writes `content` to a synced temporary file beside the snapshot's file, with its mode; `commit()` puts it in place. */
export function prepareAtomicWrite(snapshot: FileSnapshot, content: Uint8Array): PendingWrite {
  if (snapshot.nlink > 1) {
    throw new UnsafeTargetError(snapshot.path, `it has ${snapshot.nlink} hard links, and replacing it would leave the other names on the old content`);
  }
  const dir = dirname(snapshot.realPath);
  const tempPath = join(dir, `.${basename(snapshot.realPath)}.${process.pid}.${randomBytes(4).toString('hex')}.communique-tmp`);
  // 'wx': never reuse or follow an existing file at the temporary name.
  const fd = openSync(tempPath, 'wx', 0o600);
  try {
    let written = 0;
    while (written < content.length) written += writeSync(fd, content, written, content.length - written);
    // Owner first: chown clears setuid/setgid bits, which the chmod then restores.
    keepOwner(fd, snapshot);
    // Set the mode on the open file: the mode given to open() is reduced by the umask.
    fchmodSync(fd, snapshot.mode);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    removeQuietly(tempPath);
    throw e;
  }
  closeSync(fd);

  let settled = false;
  return {
    tempPath,
    commit(): void {
      if (settled) throw new Error('this write was already committed or aborted');
      settled = true;
      if (!unchangedSince(snapshot)) {
        removeQuietly(tempPath);
        throw new FileChangedError(snapshot.path);
      }
      try {
        renameSync(tempPath, snapshot.realPath);
      } catch (e) {
        removeQuietly(tempPath);
        throw e;
      }
      syncFolder(dir);
    },
    abort(): void {
      if (settled) return;
      settled = true;
      removeQuietly(tempPath);
    },
  };
}

/** Replaces the file read as `snapshot` by `content` atomically, refusing if it changed on disk since. */
export function writeFileAtomic(snapshot: FileSnapshot, content: Uint8Array): void {
  prepareAtomicWrite(snapshot, content).commit();
}

/** Whether the file is still the same regular file, with the size, modification time and bytes it had when read. */
function unchangedSince(snapshot: FileSnapshot): boolean {
  let now;
  try {
    // lstat: a link put in the file's place since is a change, never something to replace.
    now = lstatSync(snapshot.realPath);
  } catch {
    return false;
  }
  if (!now.isFile() || now.dev !== snapshot.dev || now.ino !== snapshot.ino) return false;
  if (now.size !== snapshot.size || now.mtimeMs !== snapshot.mtimeMs) return false;
  // Same size and time can still hide an edit made within the file system's time resolution.
  try {
    return sha256(readFileSync(snapshot.realPath)) === snapshot.sha256;
  } catch {
    return false;
  }
}

/** Gives the new file the old owner when allowed (root, or a group change the user may make); otherwise it keeps the writer's. */
function keepOwner(fd: number, snapshot: FileSnapshot): void {
  const stat = fstatSync(fd);
  if (stat.uid === snapshot.uid && stat.gid === snapshot.gid) return;
  try {
    fchownSync(fd, snapshot.uid, snapshot.gid);
  } catch {
    // Not permitted: the content matters more than the owner.
  }
}

/** Makes the rename itself durable; not every platform can open a folder, and that is fine. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows and some file systems refuse: the rename is still atomic, only its durability is not forced.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
