/**
 * Hostile front matter (issue 6): alias bombs, nesting 10,000 levels deep, lists of 100,000 items,
 * `__proto__` and `constructor` keys, and tags such as `!!js/function`. Each case is read without
 * throwing and without expanding or executing anything, gives a `frontmatter.invalid` diagnostic
 * with a clear message where the block cannot be trusted, leaves Object.prototype alone, and is
 * never written into when writing could change what it means.
 *
 * Bounded work is shown by what is counted or by the run completing (an alias bomb expanded would
 * be ten billion values; a recursion 10,000 levels deep would overflow the stack), never by a
 * clock: times go into the benchmark.
 */
import assert from 'node:assert/strict';
import { analyzeDocument } from '#core/analysis';
import { computeDiagnostics } from '#core/diagnostics';
import { planTagChange } from '#core/frontMatter/edits';
import { locateBody, locateFrontMatter } from '#core/frontMatter/locate';
import { MAX_FRONT_MATTER_CHARS, readFrontMatter } from '#core/frontMatter/model';
import { buildLexicon } from '#core/lexicon/index';
import { createRecognizer, type Recognizer } from '#core/recognize';
import { DEFAULT_SETTINGS } from '#core/settings';
import type { Lexicon } from '#core/types';
import { readBuiltinLexicons } from '#node/lexiconFiles';

const KEYS = DEFAULT_SETTINGS.keys;
const BODY = 'Rabat, le 3 mai – La DGSN et la Guardia Civil ont démantelé un réseau de trafic de drogue entre le Maroc et l’Espagne.\n';

/** Ten levels of ten aliases: 10^10 values to a reader that expands them. */
function billionLaughs(last = 'threats: *j'): string {
  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
  }
  return `---\nlang: es\n${levels.join('\n')}\ncountries: [ES]\n${last}\n---\n${BODY}`;
}

/** The own properties of Object.prototype, to check that nothing was added. */
function prototypeKeys(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}

describe('hostile front matter', function () {
  let recognizer: Recognizer;
  let lexicon: Lexicon;
  const prototypeBefore = prototypeKeys();

  before(function () {
    lexicon = buildLexicon(readBuiltinLexicons());
    recognizer = createRecognizer(lexicon);
  });

  after(function () {
    assert.deepEqual(prototypeKeys(), prototypeBefore, 'Object.prototype is untouched after every hostile case');
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });

  /** Reads a document as the editor does: front matter, recognition, diagnostics. */
  function diagnose(text: string) {
    const doc = analyzeDocument({ uri: 'file:///work/press/hostile.md', version: 1, text }, recognizer, DEFAULT_SETTINGS);
    return { doc, diagnostics: computeDiagnostics(doc, lexicon, DEFAULT_SETTINGS) };
  }

  function invalidMessages(text: string): string[] {
    return diagnose(text)
      .diagnostics.filter((d) => d.code === 'frontmatter.invalid')
      .map((d) => d.message);
  }

  describe('alias bombs', function () {
    it('reports a billion laughs, expands nothing, and still reads the tags written out', () => {
      for (const last of ['threats: *j', 'x: *j', '# not even used']) {
        const text = billionLaughs(last);
        const fm = readFrontMatter(text, KEYS);
        assert.equal(fm.status, 'invalid', last);
        assert.ok(fm.problems.some((p) => p.reason === 'aliases'), last);
        const problem = fm.problems.find((p) => p.reason === 'aliases')!;
        // The problem points at the alias where the values the aliases stand for pass 10,000: a `*c`
        // of level d (levels b and c stand for 110 and 1,110 values, each *c for 1,111 more).
        assert.equal(text.slice(problem.start, problem.end), '*c');
        assert.match(problem.message, /aliases expand to more than 10,000 values \(an alias bomb\)/);
        assert.deepEqual(fm.tags.country.map((t) => t.value), ['ES']);
        // Recognition reads the language without expanding either.
        assert.equal(locateBody(text).language, 'es');
        const messages = invalidMessages(text);
        assert.ok(messages.some((m) => /alias bomb/.test(m)), messages.join('\n'));
        // No tagging fix writes into it.
        assert.ok('error' in planTagChange(text, fm, { add: { country: ['MA'] } }, KEYS));
      }
    });

    it('reports an alias inside the node it names, and reads ordinary aliases', () => {
      const loop = readFrontMatter('---\nx: &x [a, *x]\ncountries: [ES]\n---\n', KEYS);
      assert.deepEqual(loop.problems.map((p) => p.reason), ['aliases']);
      const ordinary = readFrontMatter('---\nbase: &b {source: DGSN}\nother: *b\ncountries: [ES]\n---\n', KEYS);
      assert.equal(ordinary.status, 'ok');
      // A managed key must be written out, not aliased (unchanged rule).
      const aliased = readFrontMatter('---\nlist: &l [ES]\ncountries: *l\n---\n', KEYS);
      assert.deepEqual(aliased.problems.map((p) => [p.reason, p.message]), [['not-a-list', 'countries must be a list written out here, not an alias']]);
    });
  });

  describe('deep nesting', function () {
    const deep = {
      'flow lists': `---\nlang: en\ncountries: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n---\n${BODY}`,
      'flow maps': `---\nlang: en\nx: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n---\n${BODY}`,
      'compact block lists': `---\nlang: en\nx:\n${'- '.repeat(10_000)}a\n---\n${BODY}`,
      'indented maps': `---\nlang: en\n${Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')}\n---\n${BODY}`,
    };
    for (const [name, text] of Object.entries(deep)) {
      it(`refuses ${name} nested 10,000 levels before parsing (no stack overflow), in recognition too`, () => {
        const fm = readFrontMatter(text, KEYS);
        assert.equal(fm.status, 'invalid');
        assert.deepEqual(fm.problems.map((p) => p.reason), ['too-large']);
        assert.equal(fm.problems[0]!.message, 'The front matter nests too deeply to read (more than 64 levels).');
        // locate.ts refuses the same block: it reads no language from it (detection decides).
        assert.equal(locateBody(text).language, undefined);
        assert.equal(locateFrontMatter(text)?.end, fm.block?.end);
        const { doc, diagnostics } = diagnose(text);
        assert.ok(doc.recognition.entities.some((e) => e.id === 'MA'), 'the body is still annotated');
        assert.ok(diagnostics.some((d) => d.code === 'frontmatter.invalid' && /nests too deeply/.test(d.message)));
      });
    }
  });

  it('refuses a list of 100,000 items past the size cap without parsing it, and reads a long one below it', () => {
    const items = (n: number): string => Array.from({ length: n }, (_, i) => `  - X${i}`).join('\n');
    const huge = `---\nlang: en\ncountries:\n${items(100_000)}\n---\n${BODY}`;
    const fm = readFrontMatter(huge, KEYS);
    assert.deepEqual(fm.problems.map((p) => p.reason), ['too-large']);
    assert.match(fm.problems[0]!.message, new RegExp(`too large to read \\(\\d+ characters; the limit is ${MAX_FRONT_MATTER_CHARS}\\)`));
    assert.deepEqual(fm.tags.country, [], 'nothing is read from a refused block');
    assert.equal(locateBody(huge).language, undefined, 'recognition does not parse it either');
    const flow = `---\ncountries: [${Array.from({ length: 100_000 }, () => 'ES').join(', ')}]\n---\n${BODY}`;
    assert.deepEqual(readFrontMatter(flow, KEYS).problems.map((p) => p.reason), ['too-large']);
    assert.ok(invalidMessages(flow).some((m) => /too large to read/.test(m)));
    // Ten thousand items fit and are read, each with its place.
    const long = readFrontMatter(`---\ncountries:\n${items(10_000)}\n---\n`, KEYS);
    assert.equal(long.status, 'ok');
    assert.equal(long.tags.country.length, 10_000);
  });

  it('keeps `__proto__`, `constructor` and `prototype` keys as data, everywhere', () => {
    const text = [
      '---',
      '__proto__: {polluted: true}',
      'constructor: {prototype: {polluted: true}}',
      'prototype: [polluted]',
      'lang: fr',
      'countries: [__proto__, constructor, MA]',
      'communique-ignore: [__proto__, toString]',
      '---',
      BODY,
    ].join('\n');
    const fm = readFrontMatter(text, KEYS);
    assert.equal(fm.status, 'ok');
    assert.deepEqual(fm.tags.country.map((t) => t.value), ['__proto__', 'constructor', 'MA']);
    assert.equal(locateBody(text).language, 'fr');
    const { doc, diagnostics } = diagnose(text);
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'frontmatter.unknown').map((d) => (d.data as { value: string }).value),
      ['__proto__', 'constructor'],
    );
    assert.ok(doc.recognition.entities.length > 0);
    // Keys renamed onto prototype names work as plain keys, and edits keep the hostile keys' bytes.
    const renamed = { ...KEYS, country: '__proto__', threat: 'constructor' };
    const own = readFrontMatter('---\n__proto__: [ES]\nconstructor: [terrorism]\n---\n', renamed);
    assert.deepEqual([own.tags.country.map((t) => t.value), own.tags.threat.map((t) => t.value)], [['ES'], ['terrorism']]);
    const plan = planTagChange(text, fm, { add: { country: ['ES'] } }, KEYS);
    assert.ok('edits' in plan);
    assert.deepEqual(plan.edits.map((e) => e.newText), [', ES']);
    assert.equal(Object.getPrototypeOf(fm.tags), Object.prototype);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });

  describe('tags', function () {
    it('reads !!js/function, !!binary, !!python/object and unknown tags as text, never as code', () => {
      const globals = globalThis as Record<string, unknown>;
      const text = [
        '---',
        'lang: en',
        'run: !!js/function "function () { globalThis.hostileRan = true }"',
        'blob: !!binary aGVsbG8=',
        'obj: !!python/object:os.system [rm -rf /]',
        'actors:',
        '  - !!js/function "function () { globalThis.hostileRan = true }"',
        '  - !custom Europol',
        'countries: [ES]',
        '---',
        BODY,
      ].join('\n');
      const fm = readFrontMatter(text, KEYS);
      assert.equal(fm.status, 'ok');
      assert.deepEqual(fm.tags.actor.map((t) => t.value), ['function () { globalThis.hostileRan = true }', 'Europol']);
      const { diagnostics } = diagnose(text);
      assert.equal(globals['hostileRan'], undefined, 'nothing ran');
      assert.ok(diagnostics.some((d) => d.code === 'frontmatter.unknown' && /function \(\)/.test(d.message)), 'the function is an unknown tag, as text');
      assert.equal(locateBody(text).language, 'en');
    });

    it('refuses to edit a list whose items carry a tag or an anchor (the tag would move to another item), and edits the others', () => {
      const cases: [string, RegExp][] = [
        ['---\ncountries: [!!binary aGVsbG8=, ES]\n---\n', /countries automatically: an item is written with the YAML tag !!binary/],
        ['---\ncountries:\n  - !!js/function "f()"\n  - ES\n---\n', /the YAML tag !!js\/function/],
        ['---\ncountries: [!!str ES, !custom PT]\n---\n', /the YAML tag !!str/],
        ['---\ncountries: [&a ES, PT]\nx: *a\n---\n', /countries carries an anchor/],
      ];
      for (const [text, why] of cases) {
        const fm = readFrontMatter(text, KEYS);
        assert.equal(fm.status, 'ok', text);
        for (const change of [{ remove: { country: [fm.tags.country[0]!.value] } }, { add: { country: ['MA'] } }]) {
          const plan = planTagChange(text, fm, change, KEYS);
          assert.ok('error' in plan && why.test(plan.error), `${text}: ${JSON.stringify(plan)}`);
        }
      }
      // A tag elsewhere does not stop the tag lists from being edited, and its bytes are kept.
      const other = '---\nrun: !!js/function "f()"\ncountries: [ES]\n---\n';
      const plan = planTagChange(other, readFrontMatter(other, KEYS), { add: { country: ['MA'] } }, KEYS);
      assert.ok('edits' in plan);
      assert.deepEqual(plan.edits.map((e) => [other.slice(e.start, e.end), e.newText]), [['', ', MA']]);
    });
  });

  describe('a block closed by `...`', function () {
    it('is the same block to recognition and to the model, read alike, and reported as invalid', () => {
      const text = '---\nlang: es\ncommunique: true\ncountries: [ES]\n...\nLa Guardia Civil y la Policía de Marruecos.\n';
      const block = locateFrontMatter(text)!;
      const fm = readFrontMatter(text, KEYS);
      assert.deepEqual(fm.block, { start: block.start, end: block.end, contentStart: block.contentStart, contentEnd: block.contentEnd });
      assert.equal(locateBody(text).language, 'es');
      assert.equal(fm.lang, 'es', 'the model reads its language, as recognition does');
      assert.equal(fm.communique, true);
      assert.deepEqual(fm.tags.country.map((t) => t.value), ['ES']);
      assert.equal(fm.status, 'invalid');
      assert.deepEqual(fm.problems.map((p) => [p.reason, text.slice(p.start, p.end)]), [['yaml', '...']]);
      assert.match(fm.problems[0]!.message, /ends with `\.\.\.`.*Replace it with `---`/);
      assert.ok('error' in planTagChange(text, fm, { add: { country: ['MA'] } }, KEYS), 'no fix writes into it');
      // The front matter is not read as prose: "ES" in `countries: [ES]` is no entity of the body.
      const { doc } = diagnose(text);
      assert.ok(doc.recognition.entities.every((e) => e.start >= block.end));
      assert.ok(doc.recognition.entities.some((e) => e.id === 'MA'));
    });

    it('agrees with the model on the language of every kind of block', () => {
      const blocks = [
        '---\nlang: ar\n---\n',
        '---\nlanguage: en\nlang: es\n---\n',
        '---\nlang: [fr]\nlanguage: en\n---\n',
        '---\nlang: "fr-FR"\n...\n',
        '---\nlang: en\ncountries: *nothing\n---\n',
        `---\nlang: en\nx: ${'['.repeat(100)}${']'.repeat(100)}\n---\n`,
        '---\nlang: en\rcountries: [ES]\n---\n',
        `---\nlang: en\npad: "${'x'.repeat(MAX_FRONT_MATTER_CHARS)}"\n---\n`,
      ];
      for (const head of blocks) {
        const text = `${head}Body.\n`;
        const fm = readFrontMatter(text, KEYS);
        const model = fm.lang === undefined ? undefined : fm.lang.toLowerCase().split(/[-_]/)[0];
        assert.equal(locateBody(text).language, model, JSON.stringify(head.slice(0, 60)));
      }
    });
  });
});
