/**
 * The translator hover card (core/hoverContent.ts, issue 5 "Hover for translators"): the names of
 * an entry in every language with the preferred term marked, deprecated terms struck through with
 * their reason, copy links per language that VS Code can run, and a plain-text card for editors
 * without Markdown. Lexicons are loaded from YAML, so `preferred` and `deprecated` come through the
 * real loader.
 */
import assert from 'node:assert/strict';
import { commandLink, entityCard, escapeMarkdown, namesByLanguage, OTHER_NAMES_SHOWN, type EntityCardInput } from '#core/hoverContent';
import { buildLexicon } from '#core/lexicon/index';
import { createRecognizer } from '#core/recognize';
import type { Entity, Lexicon, LexiconEntry } from '#core/types';
import { readBuiltinLexicons } from '#node/lexiconFiles';

const COPY = 'communique.copyName';

const YAML = `version: 1
entries:
  - id: irregular-migration
    category: threat
    names:
      fr:
        - immigration irrégulière
        - text: migration irrégulière
          preferred: true
        - {text: immigration clandestine, deprecated: "Terme connoté ; préférer « migration irrégulière »."}
      en:
        - irregular migration
        - {text: illegal immigration, deprecated: {reason: "No person is illegal."}}
      es: [migración irregular, {text: inmigración ilegal, deprecated: true}]
      ar: [الهجرة غير النظامية, هجرة غير نظامية, {text: الهجرة السرية, deprecated: "يفضل «الهجرة غير النظامية»."}]
  - id: MA
    category: country
    name: Morocco
    names:
      fr: [Maroc, Royaume du Maroc]
      en: [Morocco, Kingdom of Morocco]
      es: [Marruecos]
      ar: [المغرب, المملكة المغربية]
      de: [Marokko]
  - id: abdellatif-hammouchi
    category: actor
    type: person
    name: Abdellatif Hammouchi
    names:
      fr: [Abdellatif Hammouchi, Hammouchi]
      ar: [عبد اللطيف حموشي, حموشي]
`;

function lexicon(): Lexicon {
  const lex = buildLexicon([{ file: '/ws/.communique/lexicon.yaml', text: YAML }]);
  assert.deepEqual(lex.problems, []);
  return lex;
}

/** A mention of an entry, as recognition would give it. */
function mention(entry: LexiconEntry, text: string, language: string, extra: Partial<Entity> = {}): Entity {
  return {
    category: entry.category,
    id: entry.id,
    name: entry.names[language]?.[0] ?? entry.name,
    text,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: text.length } },
    start: 0,
    end: text.length,
    source: 'lexicon',
    variant: text,
    language,
    ...(entry.type !== undefined ? { type: entry.type } : {}),
    ...extra,
  };
}

function card(input: Partial<EntityCardInput> & { entity: Entity }, format: 'markdown' | 'plaintext' = 'markdown'): string {
  return entityCard({ tagged: false, tagKey: 'threats', tagValue: input.entity.id, ...input }, format);
}

/** Every `command:` link of a card: its label, command and decoded arguments. */
function links(markdown: string): { label: string; command: string; args: unknown }[] {
  const out: { label: string; command: string; args: unknown }[] = [];
  for (const m of markdown.matchAll(/\[([^\]]*)\]\(command:([\w.]+)\?([^\s)]*)(?: "(?:[^"\\]|\\.)*")?\)/g)) {
    out.push({ label: m[1]!, command: m[2]!, args: JSON.parse(decodeURIComponent(m[3]!)) });
  }
  return out;
}

/** The table row of a language. */
function row(markdown: string, lang: string): string {
  const found = markdown.split('\n').find((l) => l.startsWith(`| **${lang}** |`));
  assert.ok(found, `no row for ${lang} in:\n${markdown}`);
  return found;
}

describe('hover content: names per language for translators', () => {
  it('lists every language of the entry in a fixed order, preferred term first, deprecated last', () => {
    const names = namesByLanguage(lexicon().entries.get('irregular-migration')!);
    assert.deepEqual(
      names.map((n) => [n.lang, n.preferred]),
      [
        ['fr', 'migration irrégulière'],
        ['en', 'irregular migration'],
        ['es', 'migración irregular'],
        ['ar', 'الهجرة غير النظامية'],
      ],
    );
    const fr = names[0]!;
    assert.deepEqual(
      fr.terms.map((t) => [t.text, t.preferred, t.deprecated?.reason]),
      [
        ['migration irrégulière', true, undefined],
        ['immigration irrégulière', false, undefined],
        ['immigration clandestine', false, 'Terme connoté ; préférer « migration irrégulière ».'],
      ],
    );
    const es = names[2]!;
    assert.deepEqual(es.terms[1], { text: 'inmigración ilegal', preferred: false, deprecated: {} });
    // A language the shipped lexicons do not cover comes after fr, en, es and ar.
    assert.deepEqual(
      namesByLanguage(lexicon().entries.get('MA')!).map((n) => n.lang),
      ['fr', 'en', 'es', 'ar', 'de'],
    );
  });

  it('shows a table with the preferred term of each language in bold, and a copy link per language', () => {
    const lex = lexicon();
    const entry = lex.entries.get('irregular-migration')!;
    const md = card({ entity: mention(entry, 'migración irregular', 'es'), entry, copyCommand: COPY });
    assert.match(md, /^\| Language \| Preferred \| Other names \| \|$/m);
    assert.equal(row(md, 'fr'), `| **fr** | **migration irrégulière** | immigration irrégulière | ${commandLink('Copy', COPY, 'migration irrégulière', 'Copy «migration irrégulière»')} |`);
    assert.match(row(md, 'en'), /^\| \*\*en\*\* \| \*\*irregular migration\*\* \| {2}\| \[Copy\]/);
    assert.match(row(md, 'ar'), /^\| \*\*ar\*\* \| \*\*الهجرة غير النظامية\*\* \| هجرة غير نظامية \| \[Copy\]/);
    assert.deepEqual(
      links(md).map((l) => [l.label, l.command, l.args]),
      [
        ['Copy', COPY, ['migration irrégulière']],
        ['Copy', COPY, ['irregular migration']],
        ['Copy', COPY, ['migración irregular']],
        ['Copy', COPY, ['الهجرة غير النظامية']],
      ],
    );
  });

  it('strikes deprecated terms through, with their reason, in every language', () => {
    const entry = lexicon().entries.get('irregular-migration')!;
    const md = card({ entity: mention(entry, 'irregular migration', 'en'), entry });
    const items = md.split('\n').filter((l) => l.startsWith('- '));
    assert.deepEqual(items, [
      `- **fr** ~~immigration clandestine~~ — ${escapeMarkdown('Terme connoté ; préférer « migration irrégulière ».')}`,
      `- **en** ~~illegal immigration~~ — ${escapeMarkdown('No person is illegal.')}`,
      '- **es** ~~inmigración ilegal~~',
      `- **ar** ~~الهجرة السرية~~ — ${escapeMarkdown('يفضل «الهجرة غير النظامية».')}`,
    ]);
    assert.match(md, /\*\*Deprecated terms\*\*\n\n- \*\*fr\*\*/);
    // Deprecated terms are not offered as other names.
    assert.doesNotMatch(row(md, 'fr'), /clandestine/);
  });

  it('groups the deprecated terms of a language that share a reason on one line', () => {
    const lex = buildLexicon([
      {
        file: 'x.yaml',
        text: [
          'version: 1',
          'entries:',
          '  - id: irregular-migration',
          '    category: threat',
          '    names:',
          '      fr: [migration irrégulière, {text: immigration clandestine, deprecated: "Terme connoté."}, {text: migration clandestine, deprecated: "Terme connoté."}, {text: immigrés clandestins, deprecated: "Préférer « migrants »."}]',
          '      ar: [الهجرة غير النظامية, {text: الهجرة السرية, deprecated: "يفضل «الهجرة غير النظامية»."}, {text: الهجرة غير الشرعية, deprecated: "يفضل «الهجرة غير النظامية»."}]',
          '',
        ].join('\n'),
      },
    ]);
    assert.deepEqual(lex.problems, []);
    const entry = lex.entries.get('irregular-migration')!;
    const md = card({ entity: mention(entry, 'migration irrégulière', 'fr'), entry });
    assert.deepEqual(
      md.split('\n').filter((l) => l.startsWith('- ')),
      [
        '- **fr** ~~immigration clandestine~~, ~~migration clandestine~~ — Terme connoté\\.',
        `- **fr** ~~immigrés clandestins~~ — ${escapeMarkdown('Préférer « migrants ».')}`,
        `- **ar** ~~الهجرة السرية~~، ~~الهجرة غير الشرعية~~ — ${escapeMarkdown('يفضل «الهجرة غير النظامية».')}`,
      ],
    );
    const plain = card({ entity: mention(entry, 'migration irrégulière', 'fr'), entry }, 'plaintext');
    assert.match(plain, /\n\nDeprecated terms:\n {2}fr: immigration clandestine, migration clandestine — Terme connoté\.\n {2}fr: immigrés clandestins — Préférer « migrants »\.\n {2}ar: الهجرة السرية، الهجرة غير الشرعية — يفضل «الهجرة غير النظامية»\.(\n|$)/);
  });

  it('names the form to write instead of a deprecated term when the lexicon gives one other than the preferred term', () => {
    const lex = buildLexicon([
      {
        file: 'x.yaml',
        text: [
          'version: 1',
          'entries:',
          '  - id: irregular-migration',
          '    category: threat',
          '    names:',
          '      es:',
          '        - migración irregular',
          '        - migrantes en situación irregular',
          '        - {text: inmigrantes ilegales, deprecated: {use: migrantes en situación irregular, reason: Ninguna persona es ilegal.}}',
          '        - {text: inmigración ilegal, deprecated: {use: migración irregular, reason: Ninguna persona es ilegal.}}',
          '',
        ].join('\n'),
      },
    ]);
    assert.deepEqual(lex.problems, []);
    const entry = lex.entries.get('irregular-migration')!;
    const md = card({ entity: mention(entry, 'migración irregular', 'es'), entry });
    assert.deepEqual(
      md.split('\n').filter((l) => l.startsWith('- ')),
      [
        `- **es** ~~inmigrantes ilegales~~ → migrantes en situación irregular — ${escapeMarkdown('Ninguna persona es ilegal.')}`,
        `- **es** ~~inmigración ilegal~~ — ${escapeMarkdown('Ninguna persona es ilegal.')}`,
      ],
    );
  });

  it('says what to use instead of a deprecated mention (entity.deprecated)', () => {
    const entry = lexicon().entries.get('irregular-migration')!;
    const fr = mention(entry, 'Immigration clandestine', 'fr', {
      deprecated: { preferred: 'migration irrégulière', replacement: 'Migration irrégulière', reason: 'Terme connoté.' },
    });
    assert.match(card({ entity: fr, entry }), /\n\n\*\*Deprecated\*\* here: use «Migration irrégulière»\. \*Terme connoté\\\.\*\n\n/);
    const ar = mention(entry, 'الهجرة السرية', 'ar', { deprecated: { preferred: 'الهجرة غير النظامية', replacement: 'الهجرة غير النظامية' } });
    assert.match(card({ entity: ar, entry }), /\n\n\*\*Deprecated\*\* here: use «الهجرة غير النظامية»\n\n/);
    assert.match(card({ entity: ar, entry }, 'plaintext'), /\n\nDeprecated here: use «الهجرة غير النظامية»\n\n/);
  });

  it('says which name a misspelt or transliterated mention stands for (entity.nameVariant)', () => {
    const entry = lexicon().entries.get('abdellatif-hammouchi')!;
    const variant = mention(entry, 'Hamouchi', 'fr', { nameVariant: { canonical: 'Hammouchi', distance: 1, accepted: false } });
    const md = card({ entity: variant, entry, tagKey: 'actors', tagValue: 'Abdellatif Hammouchi' });
    assert.match(md, /\n\n«Hamouchi» is a variant of «Hammouchi»\n\n/);
    assert.match(md, /^\*\*Abdellatif Hammouchi\*\* · Actor \(person\) `abdellatif-hammouchi`\n\n/);
    const accepted = mention(entry, 'Hammouchy', 'fr', { nameVariant: { canonical: 'Hammouchi', distance: 1, accepted: true } });
    assert.match(card({ entity: accepted, entry }), /«Hammouchy» is an accepted spelling of «Hammouchi»/);
    assert.match(row(md, 'ar'), /\*\*عبد اللطيف حموشي\*\* \| حموشي/);
  });

  it('gives no copy links unless the client runs them, and a plain-text card without Markdown', () => {
    const entry = lexicon().entries.get('MA')!;
    const entity = mention(entry, 'Maroc', 'fr');
    const md = card({ entity, entry, tagged: true, tagKey: 'countries', origin: { builtin: false, file: '.communique/lexicon.yaml', line: 14 } });
    assert.deepEqual(links(md), []);
    assert.match(md, /^\| Language \| Preferred \| Other names \|$/m);
    assert.match(md, /\n\nLexicon: `\.communique\/lexicon\.yaml`, line 14$/);
    const plain = card({ entity, entry, tagged: true, tagKey: 'countries', copyCommand: COPY, origin: { builtin: true, file: 'countries.generated.yaml', line: 3 } }, 'plaintext');
    assert.equal(
      plain,
      [
        'Maroc · Country MA',
        'Canonical name: Morocco',
        'Tagged in countries',
        'Matched Maroc (fr)',
        [
          'Names:',
          '  fr: Maroc (preferred), Royaume du Maroc',
          '  en: Morocco (preferred), Kingdom of Morocco',
          '  es: Marruecos (preferred)',
          '  ar: المغرب (preferred)، المملكة المغربية',
          '  de: Marokko (preferred)',
        ].join('\n'),
        'Lexicon: built-in countries.generated.yaml, line 3',
      ].join('\n\n'),
    );
  });

  it('caps the other names of a language and counts the rest', () => {
    const many = Array.from({ length: OTHER_NAMES_SHOWN + 3 }, (_, i) => `Nom ${i + 1}`);
    const lex = buildLexicon([
      { file: 'x.yaml', text: `version: 1\nentries:\n  - id: x\n    category: region\n    names:\n      fr: [Région X, ${many.join(', ')}]\n` },
    ]);
    const entry = lex.entries.get('x')!;
    const md = card({ entity: mention(entry, 'Région X', 'fr'), entry });
    assert.match(row(md, 'fr'), new RegExp(`Nom ${OTHER_NAMES_SHOWN} \\+3 more \\|$`));
    assert.doesNotMatch(row(md, 'fr'), new RegExp(`Nom ${OTHER_NAMES_SHOWN + 1}\\b`));
  });

  it('encodes copy links so that no name can break them', () => {
    for (const text of ['Ministère de l’Intérieur (France)', 'a)b', 'Say "hi"', '«الدرك الملكي»', 'C:\\path', '50% [draft]']) {
      const link = commandLink('Copy', COPY, text, `Copy «${text}»`);
      const parsed = links(link);
      assert.equal(parsed.length, 1, link);
      assert.deepEqual(parsed[0]!.args, [text], link);
      // The destination runs to the space before the title: nothing in it may end the link.
      const destination = /\(command:[^ ]*/.exec(link)![0].slice(1);
      assert.doesNotMatch(destination, /[()'"\s\\]/, link);
    }
  });

  it('cards an Arabic mention with the built-in lexicons: the names of every language, the Arabic ones kept as written', () => {
    const lex = buildLexicon(readBuiltinLexicons());
    const text = 'وجرت العملية بتنسيق بين المديرية العامة للأمن الوطني والحرس المدني الإسباني، في إطار مكافحة الإرهاب بالمغرب.';
    const recognition = createRecognizer(lex).recognize(text, { heuristics: false });
    const morocco = recognition.entities.find((e) => e.id === 'MA')!;
    assert.equal(morocco.text, 'المغرب');
    const entry = lex.entries.get('MA')!;
    const md = card({ entity: morocco, entry, tagKey: 'countries', copyCommand: COPY });
    assert.match(md, /^\*\*المغرب\*\* · Country `MA`\n\nCanonical name: Morocco\n\n/);
    assert.match(md, /\n\nMatched \*المغرب\* \(ar\)\n\n/);
    assert.match(row(md, 'ar'), /^\| \*\*ar\*\* \| \*\*المغرب\*\* \| المملكة المغربية، المملكة المغربية الشريفة \|/);
    for (const lang of ['fr', 'en', 'es']) row(md, lang);
    assert.deepEqual(
      links(md).map((l) => l.args),
      [['Maroc'], ['Morocco'], ['Marruecos'], ['المغرب']],
    );
    const terrorism = recognition.entities.find((e) => e.id === 'terrorism')!;
    const threat = card({ entity: terrorism, entry: lex.entries.get('terrorism')!, copyCommand: COPY });
    assert.match(row(threat, 'ar'), /^\| \*\*ar\*\* \| \*\*إرهاب\*\* \|/);
    assert.match(row(threat, 'fr'), /^\| \*\*fr\*\* \| \*\*terrorisme\*\* \|/);
  });
});
