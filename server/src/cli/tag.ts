/**
 * `communique tag`: what the editor's "Tag all untagged entities" fix would change, as a unified
 * diff, and with `--write` the change itself (issue 3, "CLI subcommands over the same code").
 *
 * The edits are exactly planTagAll's, the function behind the quick fix and
 * `source.fixAll.communique`, applied with the core's applyEdits: the CLI has no tagging logic
 * of its own. The file is edited as it is on disk: its bytes are decoded with the BOM kept as the
 * text's first character and its line endings untouched, and the result is encoded the same way,
 * so nothing outside the front matter's changed lines differs by a single byte. A file whose
 * bytes would not come back identical through that round trip is left alone.
 *
 * Writing goes through writeFileAtomic (temporary file, fsync, rename, mode kept, refused when the
 * file changed on disk since it was read). A file whose front matter does not parse is refused
 * with the YAML error and left untouched.
 */
import { readFileSync } from 'node:fs';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { planTagAll } from '../core/codeActions';
import { computeDiagnostics } from '../core/diagnostics';
import { applyEdits } from '../core/textEdit';
import { FileChangedError, readFileSnapshot, UnsafeTargetError, writeFileAtomic, type FileSnapshot } from '../node/atomicWrite';
import {
  ANALYSIS_OPTIONS,
  ANALYSIS_OPTIONS_HELP,
  analysisFlags,
  analyzeText,
  displayPath,
  EditorPositions,
  openWorkspace,
  type AnalysisFlags,
  type CliWorkspace,
} from './cliWorkspace';
import { interruptExitCode, yieldToSignals } from './interrupt';
import { ExitCode, parseCommandArgs, UsageError, type CliIO } from './io';
import { decodeDocument, type TextEncoding } from './readDocument';

export const TAG_USAGE = `Usage: communique tag [options] FILES...

Show, as a unified diff, the front matter that "Tag all untagged entities" would write into each
file ("-" reads stdin); with --write, write it. The edits are the editor's quick fix, exactly:
comments, key order, quoting, list style, line endings and a BOM are kept.

Options:
  -w, --write              change the files instead of printing the diff. Each file is replaced
                           atomically (temporary file in its folder, fsync, rename) with its
                           permissions and owner kept, and only if it did not change on disk
                           meanwhile. A symbolic link is written through (the link stays); a
                           file with several hard links is refused
  -v, --verbose            print "tagging FILE (i/N)" on stderr before each file
${ANALYSIS_OPTIONS_HELP}
  -h, --help               show this help

A file whose front matter does not parse is refused (with the YAML error) and left untouched.
Settings are the editor's defaults changed only by the flags above.

Ctrl-C (SIGINT), SIGTERM or SIGHUP during --write stops the run between two files: every file
is either untouched or completely tagged, and no temporary file is left.

Exit status: 0 done (with or without changes); 1 a file was refused (front matter does not
parse, changed on disk while being tagged, several hard links, or cannot be written back in its
encoding), or a lexicon file has errors; 2 bad usage, or a file that cannot be read or written;
130 / 143 / 129 stopped by SIGINT / SIGTERM / SIGHUP.
`;

interface TagOptions extends AnalysisFlags {
  write: boolean;
  /** Progress on stderr: `tagging FILE (i/N)` before each file. */
  verbose: boolean;
  files: string[];
}

/** What happened to one file. */
export type FileOutcome = 'unchanged' | 'changed' | 'refused' | 'io-error';

/** Runs `communique tag`; resolves with the exit status. */
export async function runTag(args: readonly string[], io: CliIO): Promise<number> {
  const options = parseTagArgs(args);
  if (options === 'help') {
    io.stdout.write(TAG_USAGE);
    return ExitCode.ok;
  }
  // Writing: from now on a signal stops the run between two files (interrupt.ts), never inside one.
  const outcomes: FileOutcome[] = [];
  const stopped = (signal: unknown): string =>
    `communique tag: interrupted by ${String(signal)} after ${outcomes.length} of ${options.files.length} files ` +
    `(${outcomes.filter((o) => o === 'changed').length} written); each file is either untouched or completely tagged\n`;
  const interrupt = options.write ? io.catchInterrupts?.(stopped) : undefined;
  const workspace = openWorkspace(options, io);
  for (const [index, path] of options.files.entries()) {
    if (interrupt !== undefined) {
      await yieldToSignals();
      if (interrupt.aborted) {
        io.stderr.write(stopped(interrupt.reason));
        return interruptExitCode(interrupt.reason);
      }
    }
    if (options.verbose) io.stderr.write(`tagging ${path} (${index + 1}/${options.files.length})\n`);
    outcomes.push(tagFile(path, options.write, workspace, io));
  }
  if (outcomes.includes('io-error')) return ExitCode.usageOrInput;
  return outcomes.includes('refused') || workspace.lexiconErrors ? 1 : ExitCode.ok;
}

function tagFile(path: string, write: boolean, workspace: CliWorkspace, io: CliIO): FileOutcome {
  const fail = (message: string, outcome: FileOutcome): FileOutcome => {
    io.stderr.write(`${path}: error: ${message}\n`);
    return outcome;
  };

  let snapshot: FileSnapshot | undefined;
  let bytes: Buffer;
  try {
    if (write) {
      snapshot = readFileSnapshot(path);
      bytes = snapshot.bytes;
    } else {
      bytes = readFileSync(path === '-' ? 0 : path);
    }
  } catch (e) {
    if (e instanceof UnsafeTargetError) return fail(`cannot read: ${e.reason}`, 'io-error');
    return fail(`cannot read: ${errorMessage(e)}`, 'io-error');
  }
  const decoded = decodeDocument(bytes);
  if (!decoded.ok) return fail(decoded.reason, 'io-error');
  if (decoded.warning !== undefined) io.stderr.write(`${path}: warning: ${decoded.warning}\n`);

  // The core edits the full text, BOM included (it never moves it); encoding gives the BOM back.
  const text = decoded.hadBom ? `\uFEFF${decoded.text}` : decoded.text;
  if (write && !sameBytes(encodeText(text, decoded.encoding), bytes)) {
    return fail(`not written: its ${decoded.encoding} bytes would not be written back exactly`, 'refused');
  }

  const doc = analyzeText(workspace, path, text);
  if (doc.tooLarge) {
    io.stderr.write(`${path}: warning: not tagged: larger than ${workspace.settings.maxFileSize} bytes\n`);
    return 'unchanged';
  }
  const plan = planTagAll(doc, workspace.lexicon, workspace.settings);
  if ('error' in plan) {
    // The YAML error, worded and placed exactly as `check` and the editor report it.
    const positions = new EditorPositions(text);
    for (const d of computeDiagnostics(doc, workspace.lexicon, workspace.settings)) {
      if (d.code !== 'frontmatter.invalid') continue;
      const at = positions.positionAt(d.start);
      io.stderr.write(`${path}:${at.line + 1}:${at.character + 1}: error ${d.code} ${d.message.replace(/\s*[\r\n]+\s*/g, ' ')}\n`);
    }
    return fail(`not tagged: ${plan.error}`, 'refused');
  }
  const tagged = applyEdits(text, plan.edits);
  if (tagged === text) return 'unchanged';

  if (!write) {
    const shown = displayPath(path, io.cwd);
    io.stdout.write(createTwoFilesPatch(`a/${shown}`, `b/${shown}`, text, tagged, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY }));
    return 'changed';
  }

  const encoded = encodeText(tagged, decoded.encoding);
  if (encoded === undefined) {
    return fail(`not written: the new tags cannot be written in ${decoded.encoding}; save the file as UTF-8`, 'refused');
  }
  return writeTagged(snapshot!, encoded, io);
}

/**
 * Replaces the file read as `snapshot` by its tagged bytes (atomicWrite.ts) and reports the
 * outcome: `tagged PATH` on stdout, or why the file was left as it is on stderr.
 */
export function writeTagged(snapshot: FileSnapshot, encoded: Uint8Array, io: CliIO): FileOutcome {
  const path = snapshot.path;
  try {
    writeFileAtomic(snapshot, encoded);
  } catch (e) {
    let message = `cannot write: ${errorMessage(e)}`;
    let outcome: FileOutcome = 'io-error';
    if (e instanceof FileChangedError) {
      message = 'changed on disk while it was being tagged; not written (run the command again)';
      outcome = 'refused';
    } else if (e instanceof UnsafeTargetError) {
      message = `${e.reason}; not written`;
      outcome = 'refused';
    }
    io.stderr.write(`${path}: error: ${message}\n`);
    return outcome;
  }
  io.stdout.write(`tagged ${path}\n`);
  return 'changed';
}

function parseTagArgs(args: readonly string[]): TagOptions | 'help' {
  const parsed = parseCommandArgs(args, {
    write: { type: 'boolean', short: 'w' },
    verbose: { type: 'boolean', short: 'v' },
    ...ANALYSIS_OPTIONS,
  });
  if (parsed === 'help') return 'help';
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError('no files to tag');
  const write = values.write === true;
  if (write && positionals.includes('-')) throw new UsageError('--write needs files: standard input cannot be written back');
  return { ...analysisFlags(values), write, verbose: values.verbose === true, files: positionals };
}

/** The bytes of a text in a file's encoding (a leading U+FEFF becomes that encoding's BOM); undefined when a character has no byte in it. */
export function encodeText(text: string, encoding: TextEncoding): Buffer | undefined {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-16le':
      return Buffer.from(text, 'utf16le');
    case 'utf-16be':
      return Buffer.from(text, 'utf16le').swap16();
    case 'windows-1252':
      return encodeWindows1252(text);
  }
}

let windows1252: Map<number, number> | undefined;

/** Node can decode Windows-1252 but not encode it: the table is the decoder's, reversed. */
function encodeWindows1252(text: string): Buffer | undefined {
  if (windows1252 === undefined) {
    const decoder = new TextDecoder('windows-1252');
    windows1252 = new Map();
    for (let b = 0; b < 256; b++) windows1252.set(decoder.decode(Uint8Array.of(b)).charCodeAt(0), b);
  }
  const out = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i++) {
    const byte = windows1252.get(text.charCodeAt(i));
    if (byte === undefined) return undefined;
    out[i] = byte;
  }
  return out;
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array): boolean {
  return a !== undefined && Buffer.compare(a, b) === 0;
}

function errorMessage(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return e instanceof Error ? e.message : String(e);
}
