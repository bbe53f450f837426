/**
 * What a text is before anything reads it (issue 6, "Huge and hostile documents"): its size in
 * bytes, and whether it is binary data that was opened as text by mistake.
 *
 * The language server and the command line share these checks: the editor hands the server a
 * decoded string, the CLI decodes the bytes itself (cli/readDocument.ts) and then asks the same
 * question of the decoded text.
 */

/** A text that looks like binary data, and why (a phrase that completes "not a text file (...)"). */
export interface BinaryVerdict {
  reason: string;
}

/** How much of a long text is sampled for control characters: binary data shows at once. */
const SAMPLE = 65_536;
/** Text has almost no control characters besides tab, line feed, vertical tab, form feed and CR. */
const MAX_CONTROL_SHARE = 0.01;
/** U+FFFD stands for bytes the editor could not decode; a mis-decoded Latin-1 text has a few percent of them. */
const MAX_REPLACEMENT_SHARE = 0.1;
/** Unpaired UTF-16 surrogates come from a file decoded with the wrong encoding, never from typing. */
const MAX_LONE_SURROGATE_SHARE = 0.01;
/**
 * The shares only count from this many characters of a kind: one stray escape or half an emoji
 * in a short draft is a paste accident, not binary data, and with a share alone the same draft
 * flipped between "text" and "not text" as a fix added or removed a line (found by fuzzing).
 */
const MIN_SUSPECTS = 8;

/**
 * Whether a text is binary data read as text: a NUL character anywhere (no text format has one;
 * git and VS Code use the same test), or, in its first 64 K code units, more than 1% of control
 * characters, more than 10% of U+FFFD replacement characters, or more than 1% of unpaired
 * surrogates (and at least MIN_SUSPECTS of the kind). Undefined for text. Linear; the NUL search
 * is the engine's.
 */
export function binaryVerdict(text: string): BinaryVerdict | undefined {
  if (typeof text !== 'string' || text.length === 0) return undefined;
  if (text.indexOf('\u0000') !== -1) return { reason: 'it contains NUL characters' };
  const n = Math.min(text.length, SAMPLE);
  let controls = 0;
  let replacements = 0;
  let lone = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13) controls++;
    } else if (c >= 0x7f && c <= 0x9f) {
      controls++;
    } else if (c === 0xfffd) {
      replacements++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const high = c <= 0xdbff;
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (high && next >= 0xdc00 && next <= 0xdfff) i++;
      else lone++;
    }
  }
  if (controls >= MIN_SUSPECTS && controls > n * MAX_CONTROL_SHARE) return { reason: `${percent(controls, n)} of its characters are control characters` };
  if (replacements >= MIN_SUSPECTS && replacements > n * MAX_REPLACEMENT_SHARE) return { reason: `${percent(replacements, n)} of its characters could not be decoded` };
  if (lone >= MIN_SUSPECTS && lone > n * MAX_LONE_SURROGATE_SHARE) return { reason: 'it is not valid UTF-16 (unpaired surrogates): it was decoded with the wrong encoding' };
  return undefined;
}

/**
 * The size of a text in UTF-8, the encoding it is saved in: what a file manager shows and what
 * `communique.maxFileSize` counts. Counted by the platform's encoder, a chunk at a time (about
 * 20 ms for 10 MB; editors do not hand extensions files past 50 MB).
 */
export function utf8Length(text: string): number {
  if (typeof text !== 'string') return 0;
  return typeof TextEncoder === 'function' ? encodedLength(text) : countedLength(text);
}

/** Chunk of text encoded at once to count its bytes: the encoder is native, and one small buffer serves every chunk. */
const ENCODE_CHUNK = 65_536;

/** The UTF-8 length by the platform's encoder, a chunk at a time (never splitting a surrogate pair). */
function encodedLength(text: string): number {
  const encoder = new TextEncoder();
  const buffer = new Uint8Array(ENCODE_CHUNK * 3);
  let bytes = 0;
  for (let i = 0; i < text.length; ) {
    let j = Math.min(text.length, i + ENCODE_CHUNK);
    const last = text.charCodeAt(j - 1);
    if (j < text.length && last >= 0xd800 && last <= 0xdbff) j--;
    bytes += encoder.encodeInto(text.slice(i, j), buffer).written;
    i = j;
  }
  return bytes;
}

/** The UTF-8 length counted unit by unit (a lone surrogate is written as U+FFFD, three bytes, as encoders do). */
function countedLength(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) {
      bytes += 1;
      continue;
    }
    bytes += 2;
    const next = text.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
  }
  return bytes;
}

/** A size as people read it: "12.3 MB", "850 KB", "120 bytes" (decimal units, as the setting's default of 5 MB). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${trim(bytes / 1_000_000)} MB`;
  if (bytes >= 1_000) return `${trim(bytes / 1_000)} KB`;
  return `${bytes} bytes`;
}

function trim(x: number): string {
  const rounded = x >= 100 ? Math.round(x) : Math.round(x * 10) / 10;
  return String(rounded);
}

function percent(count: number, total: number): string {
  const share = (count / total) * 100;
  return `${share >= 10 ? Math.round(share) : Math.round(share * 10) / 10}%`;
}
