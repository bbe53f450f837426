/**
 * Binary files opened by mistake, and document sizes (issue 6). The language server and the CLI
 * share one test (core/text/inspect.ts): the server applies it to the text the editor sends, the
 * CLI to the text it decoded from the file's bytes. A binary document is left alone with one
 * diagnostic that says why; text in any of the four languages, with tabs, form feeds, CRLF, emoji or
 * a few undecodable characters, is still text.
 */
import assert from 'node:assert/strict';
import { analyzeDocument } from '#core/analysis';
import { computeDiagnostics } from '#core/diagnostics';
import { buildLexicon } from '#core/lexicon/index';
import { createRecognizer, type Recognizer } from '#core/recognize';
import { coerceSettings, DEFAULT_SETTINGS } from '#core/settings';
import { binaryVerdict, formatBytes, utf8Length } from '#core/text/inspect';
import type { Lexicon } from '#core/types';
import { decodeDocument } from '#cli/readDocument';
import { readBuiltinLexicons } from '#node/lexiconFiles';

/** Deterministic pseudo-random bytes (no seed library needed for this). */
function randomBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** A character, or `x` in place of a control character. */
function printable(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) ? 'x' : c;
}

const TEXTS: Record<string, string> = {
  fr: 'Rabat, le 3 mai – La DGSN a démantelé un réseau de trafic de drogue opérant entre le Maroc et l’Espagne.\n',
  en: 'THE HAGUE – Europol supported an operation against investment fraud in the Netherlands.\r\n',
  es: 'La Guardia Civil ha desarticulado una red de trata de seres humanos.\f\tPágina 2\n',
  ar: 'أعلنت المديرية العامة للأمن الوطني عن تفكيك خلية إرهابية في طنجة. 😀\n',
};

describe('binary documents and document sizes', function () {
  let recognizer: Recognizer;
  let lexicon: Lexicon;
  before(function () {
    lexicon = buildLexicon(readBuiltinLexicons());
    recognizer = createRecognizer(lexicon);
  });

  it('takes text in the four languages for text, with tabs, form feeds, CRLF, emoji and a few undecodable characters', () => {
    for (const [lang, text] of Object.entries(TEXTS)) assert.equal(binaryVerdict(text.repeat(50)), undefined, lang);
    // A Latin-1 French text read as UTF-8: its accents become U+FFFD, a few percent of the text.
    const misread = 'Les enquêteurs ont interpellé trois individus à Tanger.\n'.replace(/[éêà]/g, '\uFFFD').repeat(100);
    assert.equal(binaryVerdict(misread), undefined);
    assert.equal(binaryVerdict(''), undefined);
  });

  it('tells binary data by NUL characters, control characters, undecodable bytes or unpaired surrogates', () => {
    const cases: [string, string][] = [
      ['%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\u0000', 'it contains NUL characters'],
      // UTF-16 text read as UTF-8 or Latin-1: every other byte is NUL.
      [Array.from('Communiqué de presse', (c) => `${c}\u0000`).join(''), 'it contains NUL characters'],
      // Random bytes read as Latin-1: control characters everywhere.
      [new TextDecoder('latin1').decode(randomBytes(4096, 1)).split('\u0000').join(''), ''],
      // Random bytes read as UTF-8 (what an editor shows): replacement characters.
      [new TextDecoder('utf-8').decode(randomBytes(4096, 2)).split('').map(printable).join(''), ''],
      // Text decoded with the wrong UTF-16 byte order leaves unpaired surrogates.
      ['\uD83D'.repeat(20) + 'abc'.repeat(100), ''],
    ];
    for (const [text, reason] of cases) {
      const verdict = binaryVerdict(text);
      assert.ok(verdict !== undefined, JSON.stringify(text.slice(0, 40)));
      if (reason !== '') assert.equal(verdict.reason, reason);
    }
    assert.match(binaryVerdict(new TextDecoder('latin1').decode(randomBytes(4096, 1)).split('\u0000').join(''))!.reason, /^[\d.]+% of its characters are control characters$/);
    assert.match(binaryVerdict(new TextDecoder('utf-8').decode(randomBytes(4096, 2)).split('').map(printable).join(''))!.reason, /^\d+% of its characters could not be decoded$/);
    assert.equal(binaryVerdict('\uD83D'.repeat(20) + 'abc'.repeat(100))!.reason, 'it is not valid UTF-16 (unpaired surrogates): it was decoded with the wrong encoding');
  });

  it('leaves a binary document alone in the server analysis, with one warning and no entities', () => {
    const text = `${TEXTS.fr}\u0000\u0001\u0002${TEXTS.fr}`;
    const doc = analyzeDocument({ uri: 'file:///work/press/photo.md', version: 1, text }, recognizer, DEFAULT_SETTINGS);
    assert.deepEqual(doc.recognition.entities, []);
    assert.equal(doc.frontMatter.status, 'absent');
    assert.deepEqual(doc.notAnalyzed, {
      reason: 'binary',
      detail: 'it contains NUL characters',
      message: 'This file does not look like text (it contains NUL characters): Communiqué does not annotate it.',
    });
    const diagnostics = computeDiagnostics(doc, lexicon, DEFAULT_SETTINGS);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, d.start, d.end, d.data]),
      [['document.binary', 'warning', 0, 0, { code: 'document.binary', reason: 'it contains NUL characters' }]],
    );
    // Even with every diagnostic turned off, the notice is shown: never silently (issue 6).
    const off = coerceSettings({ diagnostics: { severity: { untagged: 'off', suggested: 'off', stale: 'off', unknown: 'off', invalid: 'off', headerDate: 'off' } } });
    assert.deepEqual(computeDiagnostics(analyzeDocument({ uri: 'file:///x.md', version: 1, text }, recognizer, off), lexicon, off).map((d) => d.code), ['document.binary']);
  });

  it('refuses the same files on the command line, whatever their encoding, with the same reason', () => {
    const utf16 = (text: string): Uint8Array => new Uint8Array([0xff, 0xfe, ...Array.from(text).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    assert.deepEqual(decodeDocument(new TextEncoder().encode('\u0001\u0002\u0003\u0004 binary header '.repeat(20))), {
      ok: false,
      reason: 'not a text file (21% of its characters are control characters)',
    });
    assert.deepEqual(decodeDocument(utf16('Rapport\u0000\u0000 annuel')), { ok: false, reason: 'not a text file (it contains NUL characters)' });
    assert.deepEqual(decodeDocument(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])), { ok: false, reason: 'not a text file (it contains NUL bytes)' });
    for (const [lang, text] of Object.entries(TEXTS)) {
      const read = decodeDocument(new TextEncoder().encode(text));
      assert.ok(read.ok && read.text === text, lang);
      const read16 = decodeDocument(utf16(text.replace(/😀/u, '')));
      assert.ok(read16.ok, `${lang} in UTF-16`);
    }
  });

  it('counts sizes in UTF-8 bytes, as saved, and words them as people read them', () => {
    for (const text of [...Object.values(TEXTS), 'a\uD800b', '\uDC00', '𝒜'.repeat(1000), 'é'.repeat(70_000)]) {
      assert.equal(utf8Length(text), Buffer.byteLength(text, 'utf8'), JSON.stringify(text.slice(0, 20)));
    }
    assert.deepEqual([formatBytes(120), formatBytes(85_000), formatBytes(12_345_678), formatBytes(5_000_000), formatBytes(150_000_000)], ['120 bytes', '85 KB', '12.3 MB', '5 MB', '150 MB']);
    // The limit counts bytes: 2,000 characters of Arabic are 3,700 bytes or so.
    const arabic = 'تفكيك خلية إرهابية '.repeat(100);
    const limit = arabic.length + 10;
    const doc = analyzeDocument({ uri: 'file:///x.md', version: 1, text: arabic }, recognizer, coerceSettings({ maxFileSize: limit }));
    assert.equal(doc.notAnalyzed?.reason, 'too-large');
    assert.equal(doc.tooLarge, true);
  });
});
