/**
 * Reading front matter (issue 3): the managed lists with the offsets of every item, the scalar
 * keys, the document's line ending and BOM, the legacy `date YYYY-MM` header, and precise
 * problems for everything that must not be edited. Hostile input never throws and stays cheap.
 */
import assert from 'node:assert/strict';
import { MAX_FRONT_MATTER_CHARS, readFrontMatter, type FrontMatter } from '#core/frontMatter/model';
import type { FrontMatterKeys } from '#core/settings';

const KEYS: FrontMatterKeys = { actor: 'actors', country: 'countries', region: 'regions', threat: 'threats' };

/** The text of each item of a category, as its offsets cut it out of the document. */
function sliced(text: string, fm: FrontMatter, category: keyof FrontMatter['tags']): string[] {
  return fm.tags[category].map((item) => text.slice(item.start, item.end));
}

/** Reads and times a hostile document: it must answer, without throwing, within a budget. */
/**
 * Reads a large block. Speed is not asserted here (wall-clock budgets fail under load and prove
 * little); the cost of hostile blocks is measured by `npm run bench`. What these tests pin down is
 * that a block past the size cap is refused before the YAML parser runs (reason `too-large`).
 */
function readLarge(text: string): FrontMatter {
  return readFrontMatter(text, KEYS);
}

describe('front matter model: reading', () => {
  it('reports no block for a document without one, and finds its line ending', () => {
    const fm = readFrontMatter('Rabat, le 3 mai.\r\nLa DGSN annonce...\r\n', KEYS);
    assert.equal(fm.status, 'absent');
    assert.equal(fm.block, undefined);
    assert.deepEqual(fm.problems, []);
    assert.deepEqual(fm.tags, { actor: [], country: [], region: [], threat: [] });
    assert.equal(fm.eol, '\r\n');
    assert.equal(fm.bomLength, 0);
    assert.equal(readFrontMatter('one line', KEYS).eol, '\n');
  });

  it('reads block and flow lists with the exact range of every item, quotes included', () => {
    const text = [
      '---',
      'title: Opération conjointe # not managed',
      'countries:',
      '  - ES # Spain',
      '  # a comment between items',
      '  - "MA"',
      "regions: [sahel, 'west-africa']",
      'threats:',
      'actors: ~',
      '---',
      'Body.',
    ].join('\n');
    const fm = readFrontMatter(text, KEYS);
    assert.equal(fm.status, 'ok');
    assert.deepEqual(fm.block, { start: 0, end: text.indexOf('Body.'), contentStart: 4, contentEnd: text.lastIndexOf('---\n') });
    assert.deepEqual(fm.tags.country.map((t) => t.value), ['ES', 'MA']);
    assert.deepEqual(sliced(text, fm, 'country'), ['ES', '"MA"']);
    assert.deepEqual(fm.tags.region.map((t) => t.value), ['sahel', 'west-africa']);
    assert.deepEqual(sliced(text, fm, 'region'), ['sahel', "'west-africa'"]);
    assert.deepEqual(fm.tags.threat, []);
    assert.deepEqual(fm.tags.actor, []);
  });

  it('reads renamed keys, the ignore list and the scalar keys', () => {
    const text = '---\nlang: fr-FR\ncommunique: true\ndate: 2025-04\npays: [ES]\ncommunique-ignore:\n  - Weka\n---\n';
    const fm = readFrontMatter(text, { ...KEYS, country: 'pays' });
    assert.equal(fm.status, 'ok');
    assert.deepEqual(fm.tags.country.map((t) => t.value), ['ES']);
    assert.deepEqual(fm.ignore.map((t) => t.value), ['Weka']);
    assert.equal(fm.lang, 'fr-FR');
    assert.equal(fm.communique, true);
    assert.equal(fm.date, '2025-04');
  });

  it('reads `NO` (Norway) as the string it is in YAML 1.2, and numbers as written', () => {
    const text = '---\ncountries: [NO, ES]\nthreats:\n  - 1e3\n  - yes\n---\n';
    const fm = readFrontMatter(text, KEYS);
    assert.deepEqual(fm.tags.country.map((t) => t.value), ['NO', 'ES']);
    assert.deepEqual(fm.tags.threat.map((t) => t.value), ['1e3', 'yes']);
  });

  it('keeps the BOM in the offsets and reads CRLF documents', () => {
    const text = '\uFEFF---\r\ncountries: [ES]\r\n---\r\nBody\r\n';
    const fm = readFrontMatter(text, KEYS);
    assert.equal(fm.bomLength, 1);
    assert.equal(fm.eol, '\r\n');
    assert.equal(fm.block?.start, 1);
    assert.equal(fm.block?.end, text.indexOf('Body'));
    assert.deepEqual(sliced(text, fm, 'country'), ['ES']);
  });

  it('recognises the legacy `date YYYY-MM` first line, alone or followed by the first sentence', () => {
    const alone = 'date 2022-07\n\nLYON (France) – Les autorités...\n';
    assert.deepEqual(readFrontMatter(alone, KEYS).header, { start: 0, end: 13, date: '2022-07' });
    // As in the shared seed document: the release starts on the header's own line.
    const inline = 'date 2025-04 Un communiqué du pôle DGSN-DGST précise...\n';
    const header = readFrontMatter(inline, KEYS).header!;
    assert.equal(header.date, '2025-04');
    assert.equal(inline.slice(header.end), 'Un communiqué du pôle DGSN-DGST précise...\n');
    // After a front matter block, the body's first line is the header's place.
    const after = '---\ntitle: x\n---\ndate 2020-12\nLes services...\n';
    const at = after.indexOf('date');
    assert.deepEqual(readFrontMatter(after, KEYS).header, { start: at, end: after.indexOf('Les'), date: '2020-12' });
    assert.equal(readFrontMatter('Updated 2020-12\n', KEYS).header, undefined);
  });

  it('only a `---` line closes the block: a `...` ending is reported, never edited', () => {
    const text = '---\ncountries: [ES]\n...\nBody\n';
    const fm = readFrontMatter(text, KEYS);
    assert.equal(fm.status, 'invalid');
    assert.equal(fm.problems.length, 1);
    assert.equal(text.slice(fm.problems[0]!.start, fm.problems[0]!.end), '...');
    // An opening line that nothing closes is no front matter (a Markdown rule, say).
    assert.equal(readFrontMatter('---\nJust a rule above.\n', KEYS).status, 'absent');
  });
});

describe('front matter model: invalid blocks', () => {
  it('reports a YAML syntax error with its code and exact place', () => {
    const text = '---\ntitle: "unterminated\ncountries: [ES]\n---\n';
    const fm = readFrontMatter(text, KEYS);
    assert.equal(fm.status, 'invalid');
    const problem = fm.problems[0]!;
    assert.equal(problem.reason, 'yaml');
    assert.ok(problem.yamlCode, 'the yaml error code is kept');
    // yaml reports an unclosed quote at the end of the YAML: the problem covers the closing `---`.
    assert.equal(problem.message, 'Missing closing "quote');
    assert.equal(text.slice(problem.start, problem.end), '---');
  });

  it('lists at most ten YAML errors of a junk block', () => {
    const fm = readFrontMatter(`---\n${Array.from({ length: 200 }, () => 'a: "b" c: ]').join('\n')}\n---\n`, KEYS);
    assert.equal(fm.status, 'invalid');
    assert.ok(fm.problems.length > 0 && fm.problems.length <= 10, String(fm.problems.length));
  });

  it('reports a bad indentation at the offending line', () => {
    const text = '---\ncountries:\n  - ES\n - PT\n---\n';
    const fm = readFrontMatter(text, KEYS);
    assert.equal(fm.status, 'invalid');
    assert.ok(fm.problems.every((p) => p.reason === 'yaml'));
    assert.ok(fm.problems.some((p) => p.start >= text.indexOf(' - PT')));
  });

  it('reports duplicate keys on the repeated key', () => {
    const text = '---\ncountries: [ES]\nregions: []\ncountries: [PT]\n---\n';
    const fm = readFrontMatter(text, KEYS);
    assert.equal(fm.status, 'invalid');
    const problem = fm.problems.find((p) => p.reason === 'duplicate-key')!;
    assert.equal(problem.yamlCode, 'DUPLICATE_KEY');
    assert.equal(text.slice(problem.start, problem.end), 'countries');
    assert.equal(problem.start, text.lastIndexOf('countries'));
  });

  it('reports a managed key that is not a list, on its value', () => {
    for (const [value, reason] of [
      ['ES', 'countries must be a list'],
      ['{a: 1}', 'countries must be a list'],
      ['"" ', 'countries must be a list'],
      ['*x', 'countries must be a list written out here, not an alias'],
      ['[[ES]]', 'countries must be a list of single values, not of lists, maps or aliases'],
    ]) {
      const text = `---\nother: &x [A]\ncountries: ${value}\n---\n`;
      const fm = readFrontMatter(text, KEYS);
      assert.equal(fm.status, 'invalid', value);
      const problem = fm.problems[0]!;
      assert.equal(problem.reason, 'not-a-list', value);
      assert.equal(problem.message, reason);
      assert.ok(problem.start >= text.indexOf('countries: ') + 11 && problem.end <= text.lastIndexOf('---'), value);
    }
    // The ignore list follows the same rule.
    assert.equal(readFrontMatter('---\ncommunique-ignore: Weka\n---\n', KEYS).problems[0]?.reason, 'not-a-list');
  });

  it('reports a block that is not a map', () => {
    for (const content of ['- ES\n- PT\n', 'just a sentence\n']) {
      const fm = readFrontMatter(`---\n${content}---\n`, KEYS);
      assert.equal(fm.status, 'invalid');
      assert.equal(fm.problems[0]?.reason, 'not-a-map');
    }
  });

  it('treats an empty block, a comment-only block and empty values as valid', () => {
    for (const text of ['---\n---\n', '---\n# nothing yet\n---\n', '---\ncountries:\nregions: []\nthreats: ~\nactors: null\n---\n']) {
      const fm = readFrontMatter(text, KEYS);
      assert.equal(fm.status, 'ok', text);
      assert.deepEqual(fm.tags, { actor: [], country: [], region: [], threat: [] });
    }
  });
});

describe('front matter model: hostile input', () => {
  it('does not expand an alias bomb', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const fm = readLarge(`---\n${levels.join('\n')}\ncountries: [ES]\nthreats: *j\n---\n`);
    assert.equal(fm.status, 'invalid');
    assert.equal(fm.problems[0]?.reason, 'not-a-list');
    assert.deepEqual(fm.tags.country.map((t) => t.value), ['ES']);
  });

  it('refuses deep nesting before the YAML parser recurses into it', () => {
    for (const text of [
      `---\ncountries: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n---\n`,
      `---\n${Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')}\n---\n`,
      `---\nx: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}\n---\n`,
      `---\nx:\n${'- '.repeat(5000)}a\n---\n`,
    ]) {
      const fm = readLarge(text);
      assert.equal(fm.status, 'invalid');
      assert.deepEqual(fm.problems.map((p) => p.reason), ['too-large']);
      assert.match(fm.problems[0]!.message, /nests too deeply/);
    }
    // Ordinary nesting is read.
    assert.equal(readFrontMatter('---\nmeta:\n  a:\n    b: [[1, 2], {c: d}]\n---\n', KEYS).status, 'ok');
  });

  it('reads a long list, and refuses past the size cap instead of parsing', () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => `  - X${i}`).join('\n');
    const long = readLarge(`---\ncountries:\n${items(10_000)}\n---\n`);
    assert.equal(long.status, 'ok');
    assert.equal(long.tags.country.length, 10_000);
    const huge = readLarge(`---\ncountries:\n${items(100_000)}\n---\n`);
    assert.equal(huge.status, 'invalid');
    assert.equal(huge.problems[0]?.reason, 'too-large');
    assert.match(huge.problems[0]!.message, new RegExp(String(MAX_FRONT_MATTER_CHARS)));
    const flat = readLarge(`---\ncountries: [${Array.from({ length: 100_000 }, () => 'a').join(',')}]\n---\n`);
    assert.equal(flat.problems[0]?.reason, 'too-large');
  });

  it('keeps `__proto__` and `constructor` keys as data', () => {
    const text = '---\n__proto__: {polluted: true}\nconstructor: [x]\nprototype: 1\ncountries: [__proto__, constructor]\n---\n';
    const fm = readFrontMatter(text, KEYS);
    assert.equal(fm.status, 'ok');
    assert.deepEqual(fm.tags.country.map((t) => t.value), ['__proto__', 'constructor']);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    assert.equal(Object.getPrototypeOf(fm.tags), Object.prototype);
    const renamed = readFrontMatter('---\n__proto__: [ES]\n---\n', { ...KEYS, country: '__proto__' });
    assert.deepEqual(renamed.tags.country.map((t) => t.value), ['ES']);
  });

  it('reads an unknown tag such as !!js/function as a plain string, never as code', () => {
    const text = '---\nactors:\n  - !!js/function "function () { throw new Error(\'ran\') }"\n  - !!binary aGVsbG8=\n---\n';
    const fm = readFrontMatter(text, KEYS);
    assert.equal(fm.status, 'ok');
    assert.deepEqual(fm.tags.actor.map((t) => t.value), ["function () { throw new Error('ran') }", 'aGVsbG8=']);
  });

  it('never throws on junk', () => {
    const junk = ['---\n\t- x\n---\n', '---\n: : :\n---\n', '---\n%YAML 1.2\n---\n', '---\n"\\u\n---\n', '---\n&a *a\n---\n', '\uFEFF\uFEFF---\n---\n', '---\r---\r'];
    for (const text of junk) assert.doesNotThrow(() => readFrontMatter(text, KEYS), JSON.stringify(text));
    assert.doesNotThrow(() => readFrontMatter(undefined as unknown as string, KEYS));
  });
});
