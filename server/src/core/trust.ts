/**
 * Which lexicon files a workspace may make the server read (issue 6, "Untrusted workspaces").
 *
 * A folder someone sent you is data: its `.communique/lexicon.yaml` is read like any document in
 * it. Its settings are not: `communique.lexicon.paths` in a folder's `.vscode/settings.json` could
 * point anywhere on the machine (a private key, a device that never stops reading). Until the
 * workspace is trusted, a lexicon file is read only when its real path (symbolic links resolved by
 * the caller) lies inside one of the workspace folders. Once trusted, every configured path is read.
 *
 * Pure: the Node side resolves paths (absolute, real) and passes them in; nothing here touches the
 * file system.
 */

/** Whether the user trusts the workspace, as the editor reports it. */
export interface TrustState {
  trusted: boolean;
}

/** A lexicon file the settings or the workspace name, with the path it really reads. */
export interface LexiconCandidate {
  /** The path as configured or derived (shown in messages). */
  path: string;
  /** Absolute path with symbolic links resolved; the configured path itself when the file does not exist. */
  realPath: string;
}

/** Why a lexicon file is not read. */
export interface IgnoredLexicon extends LexiconCandidate {
  reason: 'outside-workspace';
}

/** What the policy lets the server read, and what it holds back until the workspace is trusted. */
export interface LexiconPathDecision<T extends LexiconCandidate> {
  allowed: T[];
  ignored: (T & IgnoredLexicon)[];
}

/**
 * Splits lexicon files into those read now and those ignored until the workspace is trusted.
 * `folders` are the absolute real paths of the workspace folders; with none (a file opened on its
 * own), an untrusted workspace reads no lexicon file but the built-in ones.
 */
export function decideLexiconPaths<T extends LexiconCandidate>(candidates: readonly T[], folders: readonly string[], trust: TrustState): LexiconPathDecision<T> {
  const decision: LexiconPathDecision<T> = { allowed: [], ignored: [] };
  for (const candidate of candidates) {
    if (trust.trusted || folders.some((folder) => isPathInside(folder, candidate.realPath))) decision.allowed.push(candidate);
    else decision.ignored.push({ ...candidate, reason: 'outside-workspace' });
  }
  return decision;
}

/**
 * Whether `path` is `folder` or lies inside it. Both must be absolute. `.` and `..` segments are
 * resolved first, so `/ws/../etc/passwd` is not inside `/ws`. Either separator is accepted; a
 * Windows path (drive letter or UNC) compares case-insensitively, as its file systems do.
 */
export function isPathInside(folder: string, path: string): boolean {
  const f = splitAbsolute(folder);
  const p = splitAbsolute(path);
  if (f === undefined || p === undefined) return false;
  const windows = f.windows || p.windows;
  const same = (a: string, b: string): boolean => (windows ? a.toLowerCase() === b.toLowerCase() : a === b);
  if (!same(f.root, p.root) || p.segments.length < f.segments.length) return false;
  return f.segments.every((segment, i) => same(segment, p.segments[i]!));
}

/** An absolute path's root (`/`, `C:`, `\\server\share`) and its normalised segments; undefined when relative. */
function splitAbsolute(path: string): { root: string; segments: string[]; windows: boolean } | undefined {
  const unified = path.replace(/\\/g, '/');
  let root: string;
  let rest: string;
  let windows = false;
  const drive = /^([A-Za-z]:)\//.exec(unified);
  const unc = /^\/\/([^/]+)\/([^/]+)/.exec(unified);
  if (drive !== null) {
    root = drive[1]!;
    rest = unified.slice(drive[0].length);
    windows = true;
  } else if (unc !== null) {
    root = `//${unc[1]}/${unc[2]}`;
    rest = unified.slice(unc[0].length);
    windows = true;
  } else if (unified.startsWith('/')) {
    root = '/';
    rest = unified;
  } else {
    return undefined;
  }
  const segments: string[] = [];
  for (const segment of rest.split('/')) {
    if (segment === '' || segment === '.') continue;
    // `..` above the root stays at the root, as the operating system resolves it.
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return { root, segments, windows };
}

/** The message shown once when lexicon files are held back, naming them. */
export function ignoredLexiconsMessage(ignored: readonly LexiconCandidate[]): string {
  const names = ignored.map((c) => c.path);
  const shown = names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
  const files = ignored.length === 1 ? 'lexicon file' : `${ignored.length} lexicon files`;
  return `Communiqué: this workspace is not trusted, so the ${files} outside its folders ${ignored.length === 1 ? 'is' : 'are'} ignored: ${shown}. Trust the workspace to use ${ignored.length === 1 ? 'it' : 'them'}.`;
}
