/**
 * Lexicons under stress (issue 6): malformed files, duplicate ids, a lexicon of a million entries
 * and an empty file each get a problem naming the file and the line, cost bounded memory (the
 * limits below bound what is parsed and kept), and every other lexicon keeps working.
 *
 * Lexicons have no patterns: a form is text, matched word by word through a trie, and no regular
 * expression is ever built from lexicon data. A classic catastrophic-backtracking pattern written
 * in a lexicon is read as its words, and matching it costs work linear in the input, counted here
 * in trie lookups (no clock).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLexicon, parseLexiconText } from '#core/lexicon/index';
import { MAX_LEXICON_TOTAL_ENTRIES } from '#core/lexicon/merge';
import { MAX_LEXICON_CHARS, MAX_LEXICON_ENTRIES } from '#core/lexicon/parse';
import { LexiconMatcher } from '#core/match/lexiconMatcher';
import { createRecognizer } from '#core/recognize';
import { tokenize } from '#core/text/tokenize';
import type { Lexicon, LexiconProblem } from '#core/types';
import { loadLexicon, readBuiltinLexicons } from '#node/lexiconFiles';

/** A JSON lexicon of `n` people, one entry per line (entry i is on line i + 2). */
function peopleJson(n: number, prefix: string): string {
  const entries = Array.from({ length: n }, (_, i) => `{"id": "${prefix}-${i}", "category": "actor", "type": "person", "names": {"fr": ["${prefix.toUpperCase()} Nom${i}"]}}`);
  return `{"version": 1, "entries": [\n${entries.join(',\n')}\n]}\n`;
}

const GOOD = `version: 1
entries:
  - id: brigade-nador
    category: actor
    type: organization
    names:
      fr: [Brigade régionale de Nador]
`;

/** Recognises a sentence that names a built-in country and the good lexicon's actor. */
function stillWorks(lexicon: Lexicon): string[] {
  const entities = createRecognizer(lexicon).recognize('La Brigade régionale de Nador a arrêté trois suspects au Maroc.', { heuristics: false }).entities;
  return entities.map((e) => e.id);
}

function errorsOf(problems: readonly LexiconProblem[], file: string): LexiconProblem[] {
  return problems.filter((p) => p.file === file && p.severity === 'error');
}

describe('lexicon limits and hostile lexicons', function () {
  this.timeout(120_000);

  it('reports each malformed file at its line, and loads every other lexicon', () => {
    const broken: Record<string, { text: string; line: number; message: RegExp }> = {
      'syntax.yaml': { text: 'version: 1\nentries:\n  - id: a\n    names: {fr: [A\n', line: 5, message: /YAML syntax error/ },
      'scalar.yaml': { text: 'version: 1\nentries: Maroc\n', line: 2, message: /`entries` must be a list/ },
      'list.yaml': { text: '- Maroc\n- Espagne\n', line: 1, message: /must be a mapping/ },
      'category.yaml': { text: 'version: 1\nentries:\n  - id: x\n    category: weather\n    names: {fr: [Pluie]}\n', line: 4, message: /category/ },
      'binary.yaml': { text: 'version: 1\n\u0000\u0001\u0002', line: 1, message: /Not a text file/ },
    };
    const layers = [...readBuiltinLexicons(), ...Object.entries(broken).map(([file, b]) => ({ file, text: b.text })), { file: 'good.yaml', text: GOOD }];
    const lexicon = buildLexicon(layers);
    for (const [file, b] of Object.entries(broken)) {
      const errors = errorsOf(lexicon.problems, file);
      assert.ok(errors.length >= 1, `${file} has an error`);
      assert.equal(errors[0]!.line, b.line, `${file}: ${errors[0]!.message}`);
      assert.match(errors.map((e) => e.message).join('\n'), b.message, file);
    }
    assert.deepEqual(errorsOf(lexicon.problems, 'good.yaml'), []);
    assert.deepEqual(stillWorks(lexicon), ['brigade-nador', 'MA']);
  });

  it('reports a duplicate id on its second definition, naming the first line, and keeps the first', () => {
    const text = `${GOOD}  - id: brigade-nador\n    category: actor\n    type: organization\n    names: {fr: [Autre brigade]}\n`;
    const parsed = parseLexiconText({ file: 'dup.yaml', text });
    assert.deepEqual(
      parsed.problems.map((p) => [p.file, p.line, p.severity, p.message]),
      [['dup.yaml', 8, 'error', 'Duplicate id `brigade-nador` in this file (first defined on line 3); this entry is skipped.']],
    );
    assert.deepEqual(parsed.entries.map((e) => e.name ?? e.forms[0]!.text), ['Brigade régionale de Nador']);
  });

  it('warns about an empty file at line 1, and the others load', () => {
    const lexicon = buildLexicon([...readBuiltinLexicons(), { file: 'empty.yaml', text: '' }, { file: 'good.yaml', text: GOOD }]);
    assert.deepEqual(
      lexicon.problems.filter((p) => p.file === 'empty.yaml'),
      [{ file: 'empty.yaml', line: 1, column: 1, message: 'The lexicon file is empty: it defines no entries.', severity: 'warning' }],
    );
    assert.deepEqual(stillWorks(lexicon), ['brigade-nador', 'MA']);
  });

  it('refuses a million-entry lexicon before parsing it, on disk and as the unsaved text of an open file', () => {
    const entry = '{"id": "x", "category": "actor", "type": "person", "names": {"fr": ["X"]}},\n';
    const million = `{"version": 1, "entries": [\n${entry.repeat(1_000_000)}{"id": "y", "category": "actor", "type": "person", "names": {"fr": ["Y"]}}]}\n`;
    assert.ok(million.length > MAX_LEXICON_CHARS);
    const parsed = parseLexiconText({ file: 'million.json', text: million });
    assert.deepEqual(parsed.entries, []);
    assert.deepEqual(
      parsed.problems.map((p) => [p.file, p.line, p.severity]),
      [['million.json', 1, 'error']],
    );
    assert.match(parsed.problems[0]!.message, /^Lexicon too large \([\d,]+ characters; the limit is 16,777,216\): it was not read\.$/);
    // On disk, the size alone decides: the file is not even read (a sparse file of 80 MB here).
    const folder = mkdtempSync(join(tmpdir(), 'communique-lexicon-'));
    try {
      const path = join(folder, 'million.json');
      writeFileSync(path, '{"version": 1, "entries": [');
      truncateSync(path, 80_000_000);
      writeFileSync(join(folder, 'good.yaml'), GOOD);
      const lexicon = loadLexicon({ extraPaths: [path, join(folder, 'good.yaml')] });
      const errors = errorsOf(lexicon.problems, path);
      assert.equal(errors.length, 1);
      assert.equal(errors[0]!.line, 1);
      assert.match(errors[0]!.message, /too large/);
      assert.deepEqual(stillWorks(lexicon), ['brigade-nador', 'MA']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it(`loads at most ${MAX_LEXICON_ENTRIES} entries of one file, and reports the first one left out at its line`, () => {
    const parsed = parseLexiconText({ file: 'big.json', text: peopleJson(MAX_LEXICON_ENTRIES + 3, 'p') });
    assert.equal(parsed.entries.length, MAX_LEXICON_ENTRIES);
    assert.deepEqual(
      parsed.problems.map((p) => [p.file, p.line, p.severity, p.message]),
      [['big.json', MAX_LEXICON_ENTRIES + 2, 'error', 'Too many entries: a lexicon file loads at most 100,000; this entry and the 2 after it are not loaded.']],
    );
  });

  it(`loads at most ${MAX_LEXICON_TOTAL_ENTRIES} entries from all files together, and the first lexicons keep theirs`, () => {
    const first = Math.floor(MAX_LEXICON_TOTAL_ENTRIES * 0.6);
    const lexicon = buildLexicon([...readBuiltinLexicons(), { file: 'good.yaml', text: GOOD }, { file: 'a.json', text: peopleJson(first, 'a') }, { file: 'b.json', text: peopleJson(first, 'b') }]);
    assert.equal(lexicon.entries.size, MAX_LEXICON_TOTAL_ENTRIES);
    const errors = errorsOf(lexicon.problems, 'b.json');
    assert.equal(errors.length, 1);
    const loadedOfB = [...lexicon.entries.keys()].filter((id) => id.startsWith('b-')).length;
    // The first entry left out is the one after the last loaded: entry i of a file is on line i + 2.
    assert.equal(errors[0]!.line, loadedOfB + 2);
    assert.match(errors[0]!.message, /^Too many entries: all lexicons together load at most 150,000; this entry and [\d,]+ more of this file are not loaded\.$/);
    assert.deepEqual(errorsOf(lexicon.problems, 'a.json'), []);
    assert.deepEqual(stillWorks(lexicon), ['brigade-nador', 'MA']);
  });

  describe('no patterns', function () {
    const EVIL = ['(a+)+$', '(x+x+)+y', '^(([a-z])+.)+[A-Z]([a-z])+$'];
    let lexicon: Lexicon;

    before(function () {
      lexicon = buildLexicon([{ file: 'evil.json', text: JSON.stringify({ version: 1, entries: [{ id: 'evil', category: 'actor', type: 'organization', names: { fr: EVIL } }] }) }]);
    });

    it('reads a form that looks like a regular expression as plain text, and says so', () => {
      assert.deepEqual(
        lexicon.problems.map((p) => [p.file, p.severity, p.message]),
        [
          ['evil.json', 'warning', '`(a+)+$` looks like a pattern, but lexicon forms are plain text, never patterns: it is matched as the words «a».'],
          ['evil.json', 'warning', '`(x+x+)+y` looks like a pattern, but lexicon forms are plain text, never patterns: it is matched as the words «x» «x» «y».'],
          ['evil.json', 'warning', '`^(([a-z])+.)+[A-Z]([a-z])+$` looks like a pattern, but lexicon forms are plain text, never patterns: it is matched as the words «a» «z» «A» «Z» «a» «z».'],
        ],
      );
      const recognizer = createRecognizer(lexicon);
      const text = `Un message ${'a'.repeat(50)}! puis le sigle (a+)+$ seul.`;
      // The run of a's is no match (it is not the word "a"); the literal text matches as its word.
      assert.deepEqual(
        recognizer.recognize(text, { heuristics: false }).entities.map((e) => [e.text, text.slice(e.start - 1, e.end + 1)]),
        [['a', '(a+']],
      );
      // Names that merely contain parentheses or dots are not taken for patterns.
      const plain = parseLexiconText({ file: 'plain.yaml', text: 'version: 1\nentries:\n  - id: mi\n    category: actor\n    type: organization\n    names: {fr: ["Ministère de l\'Intérieur (Maroc)", "U.S. Marshals", "AT&T"]}\n' });
      assert.deepEqual(plain.problems, []);
    });

    it('never builds a regular expression from lexicon data', () => {
      const NativeRegExp = RegExp;
      const built: string[] = [];
      const spy = new Proxy(NativeRegExp, {
        construct(target, args: [string | RegExp, string?]) {
          built.push(String(args[0]));
          return new target(...args);
        },
        apply(target, _this, args: [string | RegExp, string?]) {
          built.push(String(args[0]));
          return target(...args);
        },
      });
      (globalThis as { RegExp: RegExpConstructor }).RegExp = spy;
      try {
        const fresh = buildLexicon([{ file: 'evil.json', text: JSON.stringify({ version: 1, entries: [{ id: 'evil', category: 'actor', type: 'organization', names: { fr: EVIL } }] }) }]);
        createRecognizer(fresh).recognize(`${'a'.repeat(1000)}! (a+)+$ ${'x'.repeat(500)}y`);
      } finally {
        (globalThis as { RegExp: RegExpConstructor }).RegExp = NativeRegExp;
      }
      assert.deepEqual(built.filter((source) => EVIL.some((e) => source.includes(e) || e.includes(source))), []);
    });

    it('matches the classic evil pattern against "aaaa…a!" with work linear in the input', () => {
      const matcher = new LexiconMatcher(lexicon);
      /** Trie lookups and nodes visited, plus tokens read, for one input. */
      const work = (input: string): { work: number; tokens: number; matches: number } => {
        const tokens = tokenize(input);
        const counted = { lookups: 0, nodes: 0 };
        const found = matcher.match({ text: input, tokens, spans: [], language: 'fr', work: counted });
        return { work: counted.lookups + counted.nodes + tokens.length, tokens: tokens.length, matches: found.matches.length };
      };
      for (const make of [(n: number) => `${'a'.repeat(n)}!`, (n: number) => `${'a '.repeat(n)}!`, (n: number) => `${'(a+)+$ '.repeat(n / 10)}!`]) {
        const small = work(make(10_000));
        const large = work(make(100_000));
        // Ten times the input, at most ten times the work (plus a constant): no backtracking.
        assert.ok(large.work <= 10 * small.work + 10, `${make(3)}: ${small.work} then ${large.work}`);
        assert.ok(large.work <= 3 * (large.tokens + 1), 'a bounded amount of work per token');
      }
      // The single run of a's is one token and no match.
      assert.deepEqual(work(`${'a'.repeat(100_000)}!`), { work: 2, tokens: 1, matches: 0 });
    });
  });
});
