/**
 * What may stand between tokens: inside one term, before a combining form, around a currency and
 * between the head and the object of a threat frame. All checks read character codes in place,
 * without building strings, because they run inside the matching loop.
 */

/** Spaces that can separate the words of one term (ASCII, no-break, thin, ideographic...). */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Invisible format characters that editors and word processors leave between words. */
function isInvisible(c: number): boolean {
  return c === 0xad || (c >= 0x200b && c <= 0x200f) || c === 0x2060 || c === 0xfeff || c === 0x061c;
}

/** Hyphens and dashes, straight or typographic. */
export function isHyphen(c: number): boolean {
  return c === 45 || (c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0xfe63 || c === 0xff0d;
}

/** Apostrophes, straight or typographic (’ ' ʼ ‘ ` ´). */
export function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 0x02bc || c === 0x2018 || c === 96 || c === 0xb4 || c === 0x2032;
}

/**
 * True when text[from, to) may join two tokens of one multi-word term: spaces, at most one line
 * break, hyphens, apostrophes, and (when `dotAllowed`, i.e. after a short all-caps token) one dot
 * right after the token, as in "EE. UU." or "U.S.". A comma or a blank line never joins.
 */
export function joinsTerm(text: string, from: number, to: number, dotAllowed: boolean): boolean {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || isHyphen(c) || isApostrophe(c) || isInvisible(c)) continue;
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (++breaks > 1) return false;
      continue;
    }
    if (c === 46 && i === from && dotAllowed) continue;
    return false;
  }
  return true;
}

/**
 * True when text[from, to) contains sentence punctuation or a blank line, which a threat frame may
 * not cross (spec: `. ; : ! ? , « » ( )`, and their Arabic forms). The text between two tokens
 * holds no word, so two line breaks in it always make a blank line.
 */
export function breaksFrame(text: string, from: number, to: number): boolean {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    switch (c) {
      case 46: // .
      case 59: // ;
      case 58: // :
      case 33: // !
      case 63: // ?
      case 44: // ,
      case 0xab: // «
      case 0xbb: // »
      case 40: // (
      case 41: // )
      case 0x060c: // Arabic comma
      case 0x061b: // Arabic semicolon
      case 0x061f: // Arabic question mark
      case 0x06d4: // Arabic full stop
      case 0x2026: // …
        return true;
      case 13:
        if (text.charCodeAt(i + 1) === 10) i++;
        if (++breaks > 1) return true;
        break;
      case 10:
        if (++breaks > 1) return true;
        break;
    }
  }
  return false;
}

/** True when a hyphen at `at` is directly followed by a word character starting at `nextStart`. */
export function hyphenJoins(text: string, at: number, nextStart: number): boolean {
  return at < text.length && isHyphen(text.charCodeAt(at)) && nextStart === at + 1;
}

const CURRENCY_RE = /\p{Sc}/u;

/** True when the code unit is a currency sign. Below U+00A2 only "$" is one, which spares the regular expression. */
function isCurrency(c: number): boolean {
  return c < 0xa2 ? c === 0x24 : CURRENCY_RE.test(String.fromCharCode(c));
}

/** True when a currency sign touches text[start, end) on either side ("US$", "NZ$", "$US"). */
export function touchesCurrency(text: string, start: number, end: number): boolean {
  return (end < text.length && isCurrency(text.charCodeAt(end))) || (start > 0 && isCurrency(text.charCodeAt(start - 1)));
}
