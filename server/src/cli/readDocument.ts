/**
 * Reading a document from disk for the command line.
 *
 * Decisions (issue 2, "bad input"):
 * - A byte-order mark is removed from the text. Ranges are therefore counted from the first
 *   character after the BOM, which is exactly what VS Code does (its documents never contain the
 *   BOM), so a range printed by `communique scan` and one shown in the editor agree. CRLF line
 *   ends are kept as they are: the line index counts "\r\n" as one line break.
 * - UTF-8 is expected. UTF-16 is accepted when it carries its BOM. A file with a NUL byte, or
 *   whose bytes are not valid UTF-8 and look like binary data, is refused with a reason. A file
 *   that is invalid UTF-8 only because of sparse high bytes is an old 8-bit French text, decoded
 *   as Windows-1252 (a superset of Latin-1) with a warning rather than refused.
 * - Whatever the encoding, the decoded text must then look like text to the same test the language
 *   server applies to what the editor sends (core/text/inspect.ts, issue 6): no NUL character, and
 *   few control, undecodable or unpaired-surrogate characters.
 */
import { readFileSync } from 'node:fs';
import { binaryVerdict } from '../core/text/inspect';

/** How a file's bytes were turned into text. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** A document read successfully. */
export interface DocumentText {
  ok: true;
  text: string;
  encoding: TextEncoding;
  /** True when a byte-order mark was removed (ranges are counted after it). */
  hadBom: boolean;
  /** Something the user should know although the file was read (an unexpected encoding). */
  warning?: string;
}

/** A document that could not be used, with a message fit for stderr. */
export interface DocumentFailure {
  ok: false;
  reason: string;
}

export type DocumentRead = DocumentText | DocumentFailure;

/** Above this share of bytes in broken UTF-8 sequences, a file is data, not legacy text. */
const MAX_LEGACY_HIGH_BYTE_RATIO = 0.3;
/** Text has almost no C0 control characters besides tab, line feed, form feed and carriage return. */
const MAX_CONTROL_RATIO = 0.01;

/** Reads `path` ("-" is standard input) and decodes it, or says why it is not a text file. */
export function readDocument(path: string): DocumentRead {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path === '-' ? 0 : path);
  } catch (e) {
    return { ok: false, reason: describeReadError(e) };
  }
  return decodeDocument(bytes);
}

/** Decodes the bytes of a document (see the file comment for the rules). */
export function decodeDocument(bytes: Uint8Array): DocumentRead {
  const read = decodeBytes(bytes);
  if (!read.ok) return read;
  const binary = binaryVerdict(read.text);
  return binary === undefined ? read : { ok: false, reason: `not a text file (${binary.reason})` };
}

function decodeBytes(bytes: Uint8Array): DocumentRead {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return utf8(bytes.subarray(3), true);
  if (startsWith(bytes, [0xff, 0xfe])) return utf16(bytes.subarray(2), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return utf16(bytes.subarray(2), 'utf-16be');
  if (bytes.indexOf(0) !== -1) return { ok: false, reason: 'not a text file (it contains NUL bytes)' };
  return utf8(bytes, false);
}

function utf8(bytes: Uint8Array, hadBom: boolean): DocumentRead {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', hadBom };
  } catch {
    // Not UTF-8: tell an old 8-bit text from binary data by its control characters and high bytes.
  }
  let controls = 0;
  let high = 0;
  for (const b of bytes) {
    if (b >= 0x80) high++;
    else if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) controls++;
  }
  if (controls > bytes.length * MAX_CONTROL_RATIO || high > bytes.length * MAX_LEGACY_HIGH_BYTE_RATIO) {
    return { ok: false, reason: 'not a text file (invalid UTF-8 and control characters)' };
  }
  return {
    ok: true,
    text: new TextDecoder('windows-1252').decode(bytes),
    encoding: 'windows-1252',
    hadBom,
    warning: 'not valid UTF-8; read as Windows-1252 (Latin-1). Save the file as UTF-8 to silence this.',
  };
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DocumentRead {
  if (bytes.length % 2 !== 0) return { ok: false, reason: `not a text file (odd length for ${encoding.toUpperCase()})` };
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding, hadBom: true };
  } catch {
    return { ok: false, reason: `not a text file (invalid ${encoding.toUpperCase()} after its byte-order mark)` };
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function describeReadError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'cannot read: no such file';
    case 'EISDIR':
      return 'cannot read: it is a directory (give the files inside it)';
    case 'EACCES':
    case 'EPERM':
      return 'cannot read: permission denied';
    default:
      return `cannot read: ${e instanceof Error ? e.message : String(e)}`;
  }
}
