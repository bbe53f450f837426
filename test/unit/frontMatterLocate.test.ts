/**
 * Locating the body of a communiqué: BOM, YAML front matter (LF and CRLF), `lang:` and the
 * `date YYYY-MM` header; and never throwing on a broken block.
 */
import assert from 'node:assert/strict';
import {
  frontMatterLanguage,
  locateBody,
  locateDateHeader,
  locateFrontMatter,
  normalizeLanguageTag,
} from '#core/frontMatter/locate';

const RELEASE = 'Rabat, le 12 mars. La DGSN annonce le démantèlement d’une cellule terroriste.\n';

describe('front matter: locating the block', () => {
  it('finds a block at the top and where the body starts', () => {
    const head = '---\nlang: fr\ncountries: [MA]\n---\n';
    const text = head + RELEASE;
    const block = locateFrontMatter(text)!;
    assert.deepEqual(block, { start: 0, end: head.length, contentStart: 4, contentEnd: head.length - 4, eol: '\n' });
    assert.equal(text.slice(block.contentStart, block.contentEnd), 'lang: fr\ncountries: [MA]\n');
    const layout = locateBody(text);
    assert.equal(layout.bodyStart, head.length);
    assert.equal(layout.language, 'fr');
  });

  it('supports CRLF, a BOM, trailing spaces on the fences and the "..." end marker', () => {
    const head = '\uFEFF--- \r\nlang: es\r\n...\r\n';
    const text = head + 'Madrid, 3 de mayo. La Guardia Civil detuvo a dos personas.\r\n';
    const block = locateFrontMatter(text)!;
    assert.equal(block.start, 1);
    assert.equal(block.end, head.length);
    assert.equal(block.eol, '\r\n');
    const layout = locateBody(text);
    assert.equal(layout.bom, true);
    assert.equal(layout.language, 'es');
    assert.equal(text.slice(layout.bodyStart, layout.bodyStart + 6), 'Madrid');
  });

  it('accepts a block that ends the file without a final line break', () => {
    const text = '---\nlang: ar\n---';
    assert.equal(locateFrontMatter(text)?.end, text.length);
    assert.equal(locateBody(text).bodyStart, text.length);
  });

  it('sees no front matter when the fence is not first, not closed or not a fence', () => {
    assert.equal(locateFrontMatter('\n---\nlang: fr\n---\n' + RELEASE), undefined);
    assert.equal(locateFrontMatter('---\nlang: fr\n' + RELEASE), undefined);
    assert.equal(locateFrontMatter('----\nlang: fr\n----\n'), undefined);
    assert.equal(locateFrontMatter('--- lang: fr ---\n'), undefined);
    assert.equal(locateFrontMatter(''), undefined);
    assert.equal(locateBody(RELEASE).bodyStart, 0);
  });
});

describe('front matter: lang', () => {
  const block = (yaml: string) => {
    const text = `---\n${yaml}\n---\n`;
    return frontMatterLanguage(text, locateFrontMatter(text)!);
  };

  it('reads lang with the yaml package and normalises the tag', () => {
    assert.equal(block('lang: fr'), 'fr');
    assert.equal(block('lang: "en-GB"'), 'en');
    assert.equal(block('title: Communiqué\nlanguage: ES'), 'es');
    assert.equal(block('lang: 42'), undefined);
    assert.equal(block('lang: [fr, en]'), undefined);
    assert.equal(block('- fr\n- en'), undefined);
    assert.equal(block(''), undefined);
  });

  it('still reads the lang line of a broken block, and never throws', () => {
    assert.equal(block('title: "unterminated\nlang: ar'), 'ar');
    assert.equal(block('countries: [MA, ES\nlang: es # Spanish release'), 'es');
    assert.equal(block('a: &x [1]\nb: *y\nlang: en'), 'en');
    assert.equal(block(': : :\n\t- ]['), undefined);
    const bomb = 'a: &a [x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c]\nlang: fr';
    assert.equal(block(bomb), 'fr');
  });

  it('normalises language tags', () => {
    assert.equal(normalizeLanguageTag('fr_FR'), 'fr');
    assert.equal(normalizeLanguageTag(' AR '), 'ar');
    assert.equal(normalizeLanguageTag('français'), undefined);
    assert.equal(normalizeLanguageTag(undefined), undefined);
  });
});

describe('front matter: date header', () => {
  it('skips a date line before the body', () => {
    const text = 'date 2024-11\n\nBruxelles, le 4 novembre. La Police fédérale belge a interpellé deux suspects.';
    const header = locateDateHeader(text, 0)!;
    assert.equal(header.value, '2024-11');
    assert.equal(header.end, 'date 2024-11\n'.length);
    assert.equal(locateBody(text).bodyStart, header.end);
  });

  it('skips only the header when the first sentence follows on the same line', () => {
    const text = ' date 2023-06 Un communiqué conjoint précise les modalités.';
    const layout = locateBody(text);
    assert.equal(layout.dateHeader?.value, '2023-06');
    assert.equal(text.slice(layout.bodyStart), 'Un communiqué conjoint précise les modalités.');
  });

  it('finds the header after the front matter, and ignores a date that is not a header', () => {
    const text = '---\r\nlang: fr\r\n---\r\ndate 2022-01-15\r\nTexte.';
    assert.equal(text.slice(locateBody(text).bodyStart), 'Texte.');
    assert.equal(locateDateHeader('Le date 2022-01 est fixé.', 0), undefined);
    assert.equal(locateDateHeader('date 2022-1\nTexte', 0), undefined);
    assert.equal(locateDateHeader('dated 2022-01\nTexte', 0), undefined);
  });
});
