/**
 * Variants of known names (issue 5): the folding and distance functions, recognition of misspelt
 * and transliterated actor names in French, English, Spanish and Arabic with the built-in
 * lexicons, the guard rails that keep ordinary names and words out, accepted spellings, and the
 * structural proof that the pass's work does not grow with the lexicon.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildLexicon } from '#core/lexicon/index';
import { parseLexiconText } from '#core/lexicon/parse';
import {
  arabicSkeleton,
  distanceCap,
  editDistance,
  latinSkeleton,
  nameDistance,
  nameSkeleton,
  NameVariantIndex,
  type VariantWork,
} from '#core/match/nameVariants';
import { createRecognizer, type Recognizer } from '#core/recognize';
import { tokenizeWithColumns, foldWord } from '#core/text/tokenize';
import type { Entity, Lexicon, LexiconEntry } from '#core/types';
import { readBuiltinLexicons, type LexiconSourceText } from '#node/lexiconFiles';
import { entry, lexicon } from '../helpers/lexiconBuilder';

describe('name variants: folding and distance', () => {
  it('writes the spellings transliterations alternate between alike', () => {
    const alike: [string, string][] = [
      ['Hammouchi', 'Hamouchi'],
      ['Mohamed', 'Mohammed'],
      ['Mohamed', 'Muhammad'],
      ['Mehdi', 'Mahdi'],
      ['Fernández', 'Fernandez'],
      ['Díaz', 'Dias'],
      ['Marlaska', 'Marlasca'],
      ['Philippe', 'Filipe'],
      ['Djamel', 'Jamel'],
      ['Chabab', 'Shabab'],
      ['Youcef', 'Yousef'],
      ['Yassine', 'Yasin'],
      ['Abdallah', 'Abdalla'],
      ['Mansouri', 'Mansuri'],
      ['Kadhafi', 'Qadhafi'],
      ['Hamouchy', 'Hamouchi'],
    ];
    for (const [a, b] of alike) assert.equal(nameSkeleton(a), nameSkeleton(b), `${a} / ${b}`);
    const apart: [string, string][] = [
      ['Hamas', 'Hamad'],
      ['Mansouri', 'Mansour'],
      ['Jorge', 'Jürgen'],
      ['Haramou', 'Harami'],
    ];
    for (const [a, b] of apart) assert.notEqual(nameSkeleton(a), nameSkeleton(b), `${a} / ${b}`);
  });

  it('keeps e and a apart in the strict skeleton of a word that stands alone', () => {
    assert.equal(latinSkeleton('shebab'), latinSkeleton('shabab'));
    assert.notEqual(latinSkeleton('shebab', true), latinSkeleton('shabab', true));
  });

  it('folds Arabic names: tashkeel, alef forms, ta marbuta, alef maqsura, hamza seats, the article, foreign letters', () => {
    const alike: [string, string][] = [
      ['عَبْدُ اللَّطِيفِ', 'عبد اللطيف'],
      ['أحمد', 'احمد'],
      ['إبراهيم', 'ابراهيم'],
      ['غادة', 'غاده'],
      ['مصطفى', 'مصطفي'],
      ['الحموشي', 'حموشي'],
      ['يورجن', 'يورغن'],
      ['فرنانديث', 'فرنانديز'],
      ['رئيس', 'رييس'],
      ['حمّوشي', 'حموشي'],
    ];
    for (const [a, b] of alike) {
      const skeleton = (s: string): string => s.split(' ').map(nameSkeleton).join(' ');
      assert.equal(skeleton(a), skeleton(b), `${a} / ${b}`);
    }
    assert.equal(arabicSkeleton('الحموشي'), 'حموشي');
    // The article is only taken off a word long enough to keep a stem.
    assert.equal(arabicSkeleton('الله'), 'اله');
  });

  it('gives the Damerau-Levenshtein distance, transpositions included', () => {
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('hammouhci', 'hammouchi'), 1);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('abc', 'abc'), 0);
    assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3);
    assert.equal(nameDistance('Guterres', 'Gutiérrez'), 1);
    assert.equal(nameDistance('Hamouchi', 'Hammouchi'), 0);
  });

  it('caps the distance by length: none below 5 letters, 1 up to 7, 2 from 8', () => {
    assert.deepEqual([3, 4, 5, 7, 8, 12].map(distanceCap), [0, 0, 1, 1, 2, 2]);
  });

  // Small alphabets, so that equal and near strings come up often.
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'h', 'o', 'u', 'z', 's'), maxLength: 9 });
  const name = fc.string({ unit: fc.constantFrom('a', 'e', 'o', 'u', 'c', 'k', 'h', 's', 'z', 'm', 'y', 'i'), minLength: 1, maxLength: 10 });

  it('distance: symmetric, 0 exactly for equal strings, bounded by the longer length and at least the length difference', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        const d = editDistance(a, b);
        assert.equal(editDistance(b, a), d);
        assert.equal(d === 0, a === b);
        assert.ok(d <= Math.max(a.length, b.length));
        assert.ok(d >= Math.abs(a.length - b.length));
      }),
      { numRuns: 2000 },
    );
  });

  it('distance with a limit: the distance, or the limit plus one beyond it', () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, limit) => {
        assert.equal(editDistance(a, b, limit), Math.min(editDistance(a, b), limit + 1));
      }),
      { numRuns: 2000 },
    );
  });

  it('name distance: symmetric, 0 exactly when the skeletons are equal, bounded by the longer skeleton', () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        const d = nameDistance(a, b);
        assert.equal(nameDistance(b, a), d);
        assert.equal(d === 0, nameSkeleton(a) === nameSkeleton(b));
        assert.ok(d <= Math.max(nameSkeleton(a).length, nameSkeleton(b).length));
      }),
      { numRuns: 2000 },
    );
  });

  it('applies the skeleton rules as one regular expression each would', () => {
    // The rules as written in the module's comment, one replacement each, in order.
    const reference = (folded: string, strict: boolean): string => {
      let s = folded.replace(/ph/g, 'f').replace(/dj/g, 'j');
      s = s.replace(/ch/g, 'sh').replace(/ck/g, 'k').replace(/c(?=[eiy])/g, 's').replace(/c/g, 'k');
      s = s.replace(/q/g, 'k').replace(/z/g, 's').replace(/o/g, 'u').replace(/y/g, 'i');
      if (s.length > 2) s = s.replace(/([aeiu])h$/, '$1');
      if (s.length > 3) s = s.replace(/([^aeiu])e$/, '$1');
      if (!strict) s = s.replace(/e/g, 'a');
      return s.replace(/(.)\1+/g, '$1');
    };
    const letters = fc.string({ unit: fc.constantFrom('a', 'c', 'd', 'e', 'h', 'i', 'j', 'k', 'o', 'p', 'q', 's', 'u', 'y', 'z', 'm'), maxLength: 12 });
    fc.assert(
      fc.property(letters, fc.boolean(), (s, strict) => {
        assert.equal(latinSkeleton(s, strict), reference(s, strict));
      }),
      { numRuns: 3000 },
    );
  });
});

/** The actor entities of a recognition, as "text -> id" with the variant's canonical spelling when there is one. */
function actorsOf(entities: readonly Entity[]): string[] {
  return entities
    .filter((e) => e.category === 'actor')
    .map((e) => `${e.text} -> ${e.source === 'heuristic' ? '?' : e.id}${e.nameVariant ? ` ~ ${e.nameVariant.canonical}${e.nameVariant.accepted ? ' (accepted)' : ''}` : ''}`);
}

describe('name variants: recognition with the built-in lexicons', function () {
  let builtin: Lexicon;
  let recognizer: Recognizer;
  const actors = (text: string): string[] => actorsOf(recognizer.recognize(text).entities);

  before(function () {
    builtin = buildLexicon(readBuiltinLexicons());
    assert.deepEqual(builtin.problems, []);
    recognizer = createRecognizer(builtin);
  });

  it('fr: a transliterated full name and the surname alone are the lexicon actor, not an unknown person', () => {
    const text =
      'Le directeur général de la DGSN, Abdellatif Hamouchi, a reçu jeudi à Rabat son homologue espagnol. ' +
      'M. Hamouchi a salué la qualité de la coopération sécuritaire entre les deux pays.';
    const result = recognizer.recognize(text);
    assert.deepEqual(actorsOf(result.entities), [
      'DGSN -> dgsn',
      'Abdellatif Hamouchi -> abdellatif-hammouchi ~ Abdellatif Hammouchi',
      'Hamouchi -> abdellatif-hammouchi ~ Hammouchi',
    ]);
    const full = result.entities.find((e) => e.text === 'Abdellatif Hamouchi')!;
    assert.equal(full.source, 'lexicon');
    assert.equal(full.name, 'Abdellatif Hammouchi');
    assert.equal(full.type, 'person');
    assert.equal(full.variant, 'Abdellatif Hammouchi');
    assert.deepEqual(full.nameVariant, { canonical: 'Abdellatif Hammouchi', distance: 0, accepted: false });
    assert.equal(text.slice(full.start, full.end), 'Abdellatif Hamouchi');
  });

  it('es: a surname pair without its accents, and a surname spelt with c for k', () => {
    assert.deepEqual(actors('El ministro Fernandez Dias se reunió ayer en Madrid con su homólogo marroquí.'), ['Fernandez Dias -> jorge-fernandez-diaz ~ Fernández Díaz']);
    assert.deepEqual(actors('Según Marlasca, la cooperación con Marruecos es ejemplar.'), ['Marlasca -> fernando-grande-marlaska ~ Marlaska']);
  });

  it('en: a given name and surname in another transliteration, and a misspelt long given name', () => {
    assert.deepEqual(actors('Yasine Mansuri, head of the DGED, met his counterparts in Paris on Monday.'), [
      'Yasine Mansuri -> yassine-mansouri ~ Yassine Mansouri',
      'DGED -> dged',
    ]);
    const misspelt = recognizer.recognize('The talks were chaired by Abdelatef Hammouchi, who praised the work of the police.');
    assert.deepEqual(actorsOf(misspelt.entities), ['Abdelatef Hammouchi -> abdellatif-hammouchi ~ Abdellatif Hammouchi']);
    assert.equal(misspelt.entities.find((e) => e.category === 'actor')!.nameVariant!.distance, 1);
  });

  it('ar: a name in Latin letters inside an Arabic paragraph', () => {
    assert.deepEqual(actors('وقال المدير العام Abdellatif Hamouchi إن التعاون الأمني متميز.'), ['Abdellatif Hamouchi -> abdellatif-hammouchi ~ Abdellatif Hammouchi']);
  });

  it('ar: a given name written joined, and the g of a foreign name written with jim', () => {
    assert.deepEqual(actors('استقبل السيد عبداللطيف حموشي وفدا من الشرطة الإسبانية.'), ['عبداللطيف حموشي -> abdellatif-hammouchi ~ عبد اللطيف حموشي']);
    assert.deepEqual(actors('التقى الأمين العام يورجن شتوك بالمسؤولين المغاربة.'), ['يورجن شتوك -> jurgen-stock ~ يورغن شتوك']);
  });

  it('ar: tashkeel, alef forms, ta marbuta and alef maqsura fold without any variant', () => {
    const cases: [string, string][] = [
      ['وأكد عَبْدُ اللَّطِيفِ حَمُّوشِي أن التعاون متميز.', 'abdellatif-hammouchi'],
      ['وقال انطونيو غوتيريش إن الأمم المتحدة مستعدة.', 'antonio-guterres'],
      ['وقالت غاده والي إن المكتب يدعم الدول.', 'ghada-waly'],
      ['وقال حموشى إن العمل مستمر.', 'abdellatif-hammouchi'],
      ['وقال عبد الوافي لفتيت إن الوزارة مستعدة.', 'abdelouafi-laftit'],
    ];
    for (const [text, id] of cases) {
      const actor = recognizer.recognize(text).entities.find((e) => e.category === 'actor' && e.id === id);
      assert.ok(actor, `${id} in ${text}`);
      assert.equal(actor.source, 'lexicon');
      assert.equal(actor.nameVariant, undefined, text);
    }
  });

  it('leaves names written as the lexicon writes them alone', () => {
    const result = recognizer.recognize('Abdellatif Hammouchi a reçu Fernando Grande-Marlaska, puis M. Hammouchi a reçu Jorge Fernández Díaz.');
    assert.ok(result.entities.filter((e) => e.category === 'actor').length >= 4);
    assert.ok(result.entities.every((e) => e.nameVariant === undefined));
  });

  it('finds the same variants when a long document is recognised in slices', () => {
    const paragraphs = [
      'Le directeur général Abdellatif Hamouchi a reçu jeudi une délégation espagnole conduite par le ministre Fernandez Dias.',
      'Selon Hamdouchi, la coopération sécuritaire reste exemplaire, et M. Hamouchi a salué le travail des équipes.',
      'Yasine Mansuri, patron de la DGED, a participé à la réunion avec les services de Europool et de Interpole.',
      'Les enquêteurs ont saisi trois tonnes de résine de cannabis dans un entrepôt de la région de Tanger.',
      'Abdellatif Hammouchi a ensuite présidé une cérémonie, puis Hamdouchi a répondu aux questions des journalistes.',
    ];
    const text = Array.from({ length: 60 }, (_, i) => paragraphs[i % paragraphs.length]).join('\n\n') + '\n';
    const whole = recognizer.recognize(text);
    const variantsOf = (entities: readonly Entity[]): string[] => entities.filter((e) => e.nameVariant).map((e) => `${e.start}:${e.text}:${e.id}`);
    assert.ok(variantsOf(whole.entities).length > 50);
    for (const sliceChars of [700, 3_000]) {
      const steps = recognizer.steps(text, { sliceChars });
      let result = steps.step();
      while (result === undefined) result = steps.step();
      assert.ok(steps.total > 4, `${steps.total} steps`);
      assert.deepEqual(variantsOf(result.entities), variantsOf(whole.entities));
      assert.deepEqual(result.entities, whole.entities);
    }
  });

  describe('guard rails', () => {
    it('lower case: a name written in lower case is no name', () => {
      assert.deepEqual(actors('le hamouchi et la marlasca ne sont pas des noms.'), []);
    });

    it('common words: a capitalised word the document also writes in lower case is a word', () => {
      assert.deepEqual(actors('Hamouchi : le mot hamouchi désigne ici une recette.'), []);
    });

    it('acronyms are never compared', () => {
      const found = actors("Le DGSM et l'UNDOC ont publié un rapport avec la DGTS.");
      assert.ok(found.every((a) => !/-> (dgsn|unodc|dgst)\b/.test(a)), found.join(', '));
    });

    it('a surname next to another capitalised name is someone else', () => {
      assert.deepEqual(
        actors('Ahmed Hamouchi, un commerçant de Fès, a été interpellé.').filter((a) => !a.includes('-> ?')),
        [],
      );
    });

    it('a surname and an organisation name vary by transliteration only, beyond it only when the actor is named elsewhere', () => {
      assert.deepEqual(actors('Selon Hamdouchi, la situation est calme.').filter((a) => !a.includes('-> ?')), []);
      assert.deepEqual(actors('Gutiérrez a démenti.').filter((a) => !a.includes('-> ?')), []);
      assert.deepEqual(actors('Hamad a démenti les rumeurs.').filter((a) => !a.includes('-> ?')), []);
      assert.deepEqual(actors('Abdellatif Hammouchi a ouvert la réunion. Selon Hamdouchi, la situation est calme.'), [
        'Abdellatif Hammouchi -> abdellatif-hammouchi',
        'Hamdouchi -> abdellatif-hammouchi ~ Hammouchi',
      ]);
    });

    it('a surname, and a short given name, must keep their skeleton: one letter makes another person', () => {
      assert.deepEqual(actors('Le commerçant Mohamed Harami a été entendu.').filter((a) => !a.includes('-> ?')), []);
      assert.deepEqual(actors('Le commissaire Jorge Stock a témoigné.').filter((a) => a.includes('jurgen-stock')), []);
      assert.deepEqual(actors('Le commerçant Yassine Mansour a été entendu.').filter((a) => !a.includes('-> ?')), []);
    });
  });
});

describe('name variants: guard rails on small lexicons', () => {
  const recognize = (entries: LexiconEntry[], text: string): string[] => actorsOf(createRecognizer(lexicon(entries)).recognize(text, { heuristics: false }).entities);

  it('short words: a surname alone needs 5 letters, a word of a longer name 4 and its skeleton', () => {
    const omar = entry({ id: 'omar-bako', category: 'actor', type: 'person', names: { fr: ['Omar Bako', 'Bako'] } });
    assert.deepEqual(recognize([omar], 'M. Baco a parlé hier.'), []);
    assert.deepEqual(recognize([omar], 'Omar Baco a parlé hier.'), ['Omar Baco -> omar-bako ~ Omar Bako']);
  });

  it('never across an unrelated entity', () => {
    const youssef = entry({ id: 'youssef-sahel', category: 'actor', type: 'person', names: { fr: ['Youssef Sahel'] } });
    const sahel = entry({ id: 'sahel', category: 'region', names: { fr: ['Sahel'] } });
    const found = createRecognizer(lexicon([youssef, sahel])).recognize('Le commissaire Yousef Sahel a parlé.', { heuristics: false }).entities;
    assert.deepEqual(
      found.map((e) => `${e.text} -> ${e.id}`),
      ['Sahel -> sahel'],
    );
  });

  it('a name two actors explain equally well goes to neither', () => {
    const a = entry({ id: 'karim-benhamou', category: 'actor', type: 'person', names: { fr: ['Karim Benhamou', 'Benhamou'] } });
    const b = entry({ id: 'samir-benhamu', category: 'actor', type: 'person', names: { fr: ['Samir Benhamu', 'Benhamu'] } });
    assert.deepEqual(recognize([a, b], 'Selon Benhammou, tout va bien.'), []);
    assert.deepEqual(recognize([a], 'Selon Benhammou, tout va bien.'), ['Benhammou -> karim-benhamou ~ Benhamou']);
  });

  it('organisations: proper names only, never a described title', () => {
    const europol = entry({ id: 'europol', category: 'actor', type: 'organization', names: { fr: ['Europol', 'Office européen de police'] } });
    assert.deepEqual(recognize([europol], "Selon Europool, l'Office europeen de polices a aidé."), ['Europool -> europol ~ Europol']);
  });
});

describe('name variants: accepted spellings', function () {
  let recognizer: Recognizer;

  const workspace = (text: string): LexiconSourceText => ({ file: '/ws/.communique/lexicon.yaml', text });

  before(function () {
    const lex = buildLexicon([
      ...readBuiltinLexicons(),
      workspace(
        [
          'version: 1',
          'entries:',
          '  - id: abdellatif-hammouchi',
          '    merge: extend',
          '    accepted: [Hamouchi, "عبد اللطيف الحموشي"]',
          '  - id: jorge-fernandez-diaz',
          '    merge: extend',
          '    accepted: Fernandez Diaz',
          '',
        ].join('\n'),
      ),
    ]);
    assert.deepEqual(lex.problems, []);
    recognizer = createRecognizer(lex);
  });

  it('recognises an accepted spelling as the actor, marked accepted, with the canonical spelling it stands for', () => {
    const entity = recognizer.recognize('M. Hamouchi a salué la coopération.').entities.find((e) => e.category === 'actor')!;
    assert.equal(entity.id, 'abdellatif-hammouchi');
    assert.deepEqual(entity.nameVariant, { canonical: 'Hammouchi', distance: 0, accepted: true });
  });

  it('accepts a full name written with an accepted word, and accepted spellings in Arabic', () => {
    assert.deepEqual(actorsOf(recognizer.recognize('Selon Abdellatif Hamouchi, tout va bien.').entities), [
      'Abdellatif Hamouchi -> abdellatif-hammouchi ~ Abdellatif Hammouchi (accepted)',
    ]);
    assert.deepEqual(actorsOf(recognizer.recognize('وقال عبد اللطيف الحموشي إن التعاون متميز.').entities), [
      'عبد اللطيف الحموشي -> abdellatif-hammouchi ~ عبد اللطيف حموشي (accepted)',
    ]);
  });

  it('reads `accepted` as a list or one string, for actors only, and merges the layers', () => {
    const parsed = parseLexiconText({
      file: 'x.yaml',
      text: 'version: 1\nentries:\n  - {id: a, category: actor, type: person, names: {fr: [Ana Ruiz]}, accepted: [Ana Ruis, Anna Ruiz]}\n  - {id: b, category: country, names: {fr: [Bélize]}, accepted: [Belise]}\n',
    });
    assert.deepEqual(parsed.entries.map((e) => e.accepted), [['Ana Ruis', 'Anna Ruiz'], []]);
    assert.deepEqual(parsed.problems.map((p) => [p.line, p.severity, p.message]), [[4, 'warning', '`accepted` spellings only apply to actors; ignored.']]);
    const merged = buildLexicon([
      { file: 'a.yaml', text: 'version: 1\nentries:\n  - {id: a, category: actor, type: person, names: {fr: [Ana Ruiz]}, accepted: [Ana Ruis]}\n' },
      { file: 'b.yaml', text: 'version: 1\nentries:\n  - {id: a, merge: extend, accepted: [ANA RUIS, Anna Ruiz]}\n' },
    ]);
    // Compared after folding: "ANA RUIS" is "Ana Ruis" again.
    assert.deepEqual(merged.entries.get('a')!.accepted, ['Ana Ruis', 'Anna Ruiz']);
  });
});

describe('name variants: cost and lexicon size (issue 2, "Speed")', function () {
  // Building lexicons of 100k entries takes a moment; nothing here is timed.
  this.timeout(60_000);

  /** Made-up words that no sentence below contains. */
  function madeUpWord(n: number): string {
    const syllables = ['zor', 'vak', 'quil', 'brun', 'tesh', 'ulm', 'dax', 'piv', 'ront', 'gesk', 'yol', 'hav', 'nuz', 'wim'];
    let word = '';
    for (let k = n + 1; k > 0; k = Math.floor(k / syllables.length)) word += syllables[k % syllables.length];
    return word.charAt(0).toUpperCase() + word.slice(1);
  }

  const BASE = [
    entry({ id: 'abdellatif-hammouchi', category: 'actor', type: 'person', names: { fr: ['Abdellatif Hammouchi', 'Hammouchi'], ar: ['عبد اللطيف حموشي'] } }),
    entry({ id: 'yassine-mansouri', category: 'actor', type: 'person', names: { fr: ['Yassine Mansouri'] } }),
    entry({ id: 'europol', category: 'actor', type: 'organization', names: { fr: ['Europol'] } }),
  ];

  function lexiconOf(size: number): Lexicon {
    const entries = [...BASE];
    for (let i = 0; entries.length < size; i++) {
      const name = `${madeUpWord(i)} ${madeUpWord(i * 7 + 3)}`;
      entries.push(
        i % 3 === 0
          ? entry({ id: `person-${i}`, category: 'actor', type: 'person', names: { fr: [name, madeUpWord(i * 7 + 3)] } })
          : entry({ id: `org-${i}`, category: 'actor', type: 'organization', names: { fr: [`Brigade ${name}`, `X${madeUpWord(i).toUpperCase()}`] } }),
      );
    }
    return lexicon(entries);
  }

  const SENTENCES = [
    'Le directeur Abdelatef Hamouchi a reçu mardi M. Yasine Mansuri et une délégation de Europool.',
    'Selon Hamdouchi, la Brigade régionale de Nador a saisi trois tonnes de résine de cannabis.',
    'Les enquêteurs de la Police judiciaire ont interpellé quatre suspects à Tanger et à Tétouan.',
    "Interrogé par l'Agence, le Procureur du Roi a confirmé l'ouverture d'une information judiciaire.",
  ];

  const documentOf = (sentences: number): string => Array.from({ length: sentences }, (_, i) => SENTENCES[i % SENTENCES.length]).join(' ');

  function pass(index: NameVariantIndex, sentences: number): { work: VariantWork; found: string[]; words: number } {
    const text = documentOf(sentences);
    const { columns } = tokenizeWithColumns(text);
    const work: VariantWork = { lookups: 0, checks: 0 };
    const result = index.find({ text, columns, spans: [{ start: 0, end: text.length, language: 'fr' }], language: 'fr', resolved: [], heuristic: [], work });
    const capitalised = new Set(columns.words.filter((w) => w.upperInitial).map((w) => foldWord(w.text)));
    return { work, found: result.resolved.map((m) => `${m.entry.id}@${m.start}`), words: capitalised.size };
  }

  let small: NameVariantIndex;
  let large: NameVariantIndex;
  before(() => {
    small = new NameVariantIndex(lexiconOf(1_000));
    large = new NameVariantIndex(lexiconOf(100_000));
  });

  it('indexes lexicons of 1k and 100k entries whose indexes differ a hundredfold', () => {
    assert.ok(large.size > 50 * small.size, `index keys: ${small.size} and ${large.size}`);
  });

  it('makes exactly the same lookups and checks with 100k entries as with 1k, and finds the same variants', () => {
    const withSmall = pass(small, 40);
    const withLarge = pass(large, 40);
    const text = documentOf(40);
    assert.deepEqual(withSmall.found.slice(0, 4), [
      `abdellatif-hammouchi@${text.indexOf('Abdelatef Hamouchi')}`,
      `yassine-mansouri@${text.indexOf('Yasine Mansuri')}`,
      `europol@${text.indexOf('Europool')}`,
      `abdellatif-hammouchi@${text.indexOf('Hamdouchi')}`,
    ]);
    assert.deepEqual(withLarge.found, withSmall.found);
    assert.deepEqual(withLarge.work, withSmall.work);
  });

  it('looks each distinct capitalised word up at most once, however long the document', () => {
    const short = pass(new NameVariantIndex(lexiconOf(1_000)), 4);
    const long = pass(new NameVariantIndex(lexiconOf(1_000)), 4_000);
    assert.ok(short.work.lookups <= short.words, `${short.work.lookups} lookups for ${short.words} words`);
    assert.equal(long.work.lookups, short.work.lookups);
  });
});
