/**
 * The matching engine on its own: trie lookups, case rules, separators, combining forms, Arabic
 * clitics, language filtering, threat frames and overlap resolution (issue 2, "Recognition").
 */
import assert from 'node:assert/strict';
import { LexiconMatcher } from '#core/match/lexiconMatcher';
import { dropContainedRegions, resolveMatches } from '#core/match/resolve';
import { arabicStems, offsetAfterLetters, TermTrie } from '#core/match/termTrie';
import { breaksFrame, joinsTerm } from '#core/match/gaps';
import { tokenize } from '#core/text/tokenize';
import type { Lang, LanguageSpan, Lexicon } from '#core/types';
import { lexicon } from '../helpers/lexiconBuilder';
import { sampleLexicon } from '../helpers/sampleLexicon';

const sample = sampleLexicon();
const sampleMatcher = new LexiconMatcher(sample);

interface Found {
  category: string;
  id: string;
  text: string;
  start: number;
  end: number;
}

/** Resolved matches of a text whose paragraphs are all in `lang` (or in the given spans). */
function find(text: string, lang: Lang = 'fr', spans?: LanguageSpan[], matcher = sampleMatcher): Found[] {
  const tokens = tokenize(text);
  const { matches } = matcher.match({ text, tokens, spans: spans ?? [{ start: 0, end: text.length, language: lang }], language: lang });
  return resolveMatches(matches).map((m) => ({ category: m.category, id: m.entry.id, text: text.slice(m.start, m.end), start: m.start, end: m.end }));
}

/** "category:id=surface" strings, the compact form most assertions use. */
function ids(text: string, lang: Lang = 'fr', spans?: LanguageSpan[], matcher = sampleMatcher): string[] {
  return find(text, lang, spans, matcher).map((f) => `${f.category}:${f.id}=${f.text}`);
}

function matcherFor(lex: Lexicon): LexiconMatcher {
  return new LexiconMatcher(lex);
}

describe('matching: trie and tokens', () => {
  it('files every variant under its folded tokens and finds it again', () => {
    const trie = new TermTrie<string>();
    trie.insert(['royaume', 'd', 'espagne'], 'ES');
    trie.insert(['royaume', 'du', 'maroc'], 'MA');
    trie.insert([], 'nothing');
    assert.equal(trie.size, 2);
    assert.deepEqual(trie.find(['royaume', 'd', 'espagne'])?.values, ['ES']);
    assert.equal(trie.find(['royaume'])?.values, undefined);
    assert.equal(trie.find(['royaume', 'de']), undefined);
  });

  it('tokenises without splitting surrogate pairs and shares the strings of repeated words', () => {
    const text = '𝐀b Maroc 😀Maroc';
    assert.deepEqual(
      tokenize(text).map((t) => [t.text, t.start, t.end]),
      [
        ['𝐀b', 0, 3],
        ['Maroc', 4, 9],
        ['Maroc', 12, 17],
      ],
    );
    // A range that starts or ends inside a pair never yields half of it.
    assert.deepEqual(
      tokenize(text, 1, 2).map((t) => t.text),
      [],
    );
    assert.deepEqual(
      tokenize('a𝐀', 0, 2).map((t) => t.text),
      ['a'],
    );
    const [upper, allCaps, digits, arabic] = tokenize('Éric DGSN 2025 والمغرب');
    assert.deepEqual([upper!.upperInitial, upper!.allCaps, upper!.script, upper!.folded], [true, false, 'latin', 'eric']);
    assert.deepEqual([allCaps!.allCaps, digits!.numeric, digits!.allCaps, arabic!.script], [true, true, false, 'arabic']);
  });

  it('folds case and diacritics on both sides', () => {
    assert.deepEqual(ids('Les autorités MAROCAINES et espagnoles ont démantelé une cellule terroriste.'), [
      'country:MA=MAROCAINES',
      'country:ES=espagnoles',
      'threat:terrorism=terroriste',
    ]);
  });

  it('gives exact UTF-16 offsets', () => {
    const text = 'Réunion à Rabat : la DGSN et la Guardia Civil renforcent leur coopération.';
    const found = find(text);
    const dgsn = found.find((f) => f.id === 'dgsn')!;
    assert.equal(dgsn.start, text.indexOf('DGSN'));
    assert.equal(dgsn.end, text.indexOf('DGSN') + 4);
    const guardia = found.find((f) => f.id === 'guardia-civil')!;
    assert.deepEqual([guardia.start, guardia.end], [text.indexOf('Guardia'), text.indexOf(' renforcent')]);
  });
});

describe('matching: case rules', () => {
  it('matches an all-caps acronym only in capitals', () => {
    assert.deepEqual(ids("L'UE a salué l'opération menée par le CNI."), ['actor:european-union=UE', 'actor:cni=CNI']);
    // CNI is a Spanish actor: actors match whatever the paragraph language.
    assert.deepEqual(ids('El CNI y la Guardia Civil coordinaron el dispositivo.', 'es'), ['actor:cni=CNI', 'actor:guardia-civil=Guardia Civil']);
    assert.deepEqual(ids('Le suspect présentait une fausse cni au contrôle.'), []);
    assert.deepEqual(ids('Two of us travelled to Rabat, the US delegation said.', 'en'), ['country:US=US']);
  });

  it('requires a capital initial for country names that are also common words', () => {
    assert.deepEqual(ids('Customs officers in Turkey seized frozen turkey meat hiding cocaine.', 'en'), ['country:TR=Turkey']);
    assert.deepEqual(ids('TURKEY AND SPAIN SIGN A SECURITY AGREEMENT', 'en'), ['country:TR=TURKEY', 'country:ES=SPAIN']);
  });

  it('lets a fold variant match in any case, including sentence-initial', () => {
    assert.deepEqual(ids('Espagnols et Marocains ont arrêté trois suspects.'), ['country:ES=Espagnols', 'country:MA=Marocains']);
  });
});

describe('matching: apostrophes, hyphens and elision', () => {
  it('splits French elision with straight and typographic apostrophes', () => {
    assert.deepEqual(ids("Le ministre de l'Intérieur de l’Espagne s'est félicité de l'appui d’Interpol, qu'Europol a confirmé, et de l’UE."), [
      'country:ES=Espagne',
      'actor:interpol=Interpol',
      'actor:europol=Europol',
      'actor:european-union=UE',
    ]);
  });

  it('matches a multi-word variant whatever apostrophe the text uses', () => {
    const text = 'Une délégation du Royaume d’Espagne est attendue à Rabat.';
    assert.deepEqual(ids(text), ['country:ES=Royaume d’Espagne']);
  });

  it('treats typographic hyphens like the ASCII one, and the longest name wins', () => {
    assert.deepEqual(ids('Des ressortissants de Guinée‑Bissau et de Guinée ont été secourus.'), [
      'country:GW=Guinée‑Bissau',
      'country:GN=Guinée',
    ]);
  });

  it('matches combining forms only right before a hyphen', () => {
    assert.deepEqual(ids('La coopération maroco-espagnole en matière de sécurité.'), ['country:MA=maroco', 'country:ES=espagnole']);
    assert.deepEqual(ids('Une opération hispano‑marocaine a visé le réseau.'), ['country:ES=hispano', 'country:MA=marocaine']);
    assert.deepEqual(ids('Le dossier maroco espagnol reste ouvert.'), ['country:ES=espagnol']);
    assert.deepEqual(ids('Il a parlé de maroco- dans son discours.'), []);
  });

  it('finds both acronyms of a hyphenated pair', () => {
    const text = 'Un communiqué du pôle DGSN-DGST précise les modalités.';
    const found = find(text);
    assert.deepEqual(
      found.map((f) => [f.id, f.start, f.end]),
      [
        ['dgsn', text.indexOf('DGSN'), text.indexOf('DGSN') + 4],
        ['dgst', text.indexOf('DGST'), text.indexOf('DGST') + 4],
      ],
    );
  });
});

describe('matching: separators inside a term', () => {
  it('allows one line break but not a blank line or a comma', () => {
    assert.deepEqual(ids('Les forces de sécurité d’Afrique\ndu Sud ont participé.'), ['country:ZA=Afrique\ndu Sud']);
    assert.deepEqual(ids('Les forces de sécurité d’Afrique\r\ndu Sud ont participé.'), ['country:ZA=Afrique\r\ndu Sud']);
    assert.deepEqual(ids('Afrique\n\ndu Sud'), ['region:africa=Afrique']);
    assert.deepEqual(ids('Troops from the South, Africa and Europe took part.', 'en'), ['region:africa=Africa', 'region:europe=Europe']);
  });

  it('accepts a dot after a short all-caps token, and keeps the final dot of the variant', () => {
    const text = 'La Policía Nacional colabora con EE. UU. en la investigación.';
    assert.deepEqual(ids(text, 'es'), ['country:US=EE. UU.']);
    assert.deepEqual(ids('Agents from the U.S. and Morocco met in Rabat.', 'en'), ['country:US=U.S.', 'country:MA=Morocco']);
  });

  it('checks the separator rule directly', () => {
    assert.equal(joinsTerm('a \u00a0 b', 1, 4, false), true);
    assert.equal(joinsTerm('a\n \nb', 1, 4, false), false);
    assert.equal(joinsTerm('EE. UU', 2, 4, true), true);
    assert.equal(joinsTerm('EE. UU', 2, 4, false), false);
    assert.equal(joinsTerm('a, b', 1, 3, false), false);
    assert.equal(breaksFrame('a « b', 1, 4), true);
    assert.equal(breaksFrame("a d'b", 1, 3), false);
  });
});

describe('matching: currency signs', () => {
  it('does not read a currency code as a country', () => {
    assert.deepEqual(ids('Une rançon de deux millions US$ a été exigée, puis 40 000 NZ$.'), []);
    assert.deepEqual(ids('Une saisie évaluée à 3 millions $US, selon les États-Unis.'), ['country:US=États-Unis']);
    assert.deepEqual(ids('The US seized 12 million US$ in cash.', 'en'), ['country:US=US']);
  });
});

describe('matching: languages', () => {
  it('matches country names only in paragraphs of their language', () => {
    assert.deepEqual(ids('Officers from España and Spain cooperated.', 'en'), ['country:ES=Spain']);
    assert.deepEqual(ids('Agentes de España y Portugal cooperaron.', 'es'), ['country:ES=España', 'country:PT=Portugal']);
  });

  it('follows the paragraph spans of a mixed document', () => {
    const fr = 'La police espagnole a procédé à deux arrestations.';
    const en = 'Spanish police made two arrests.';
    const text = `${fr}\n\n${en}`;
    const spans = [
      { start: 0, end: fr.length + 2, language: 'fr' },
      { start: fr.length + 2, end: text.length, language: 'en' },
    ];
    assert.deepEqual(ids(text, 'fr', spans), ['country:ES=espagnole', 'country:ES=Spanish']);
    // Without the English span, "Spanish" is not a French form.
    assert.deepEqual(ids(text, 'fr'), ['country:ES=espagnole']);
  });

  it('lets actors, acronyms and Arabic script through in every paragraph', () => {
    assert.deepEqual(ids('La Guardia Civil et les EE. UU. ont coopéré avec المغرب.'), ['actor:guardia-civil=Guardia Civil', 'country:US=EE. UU.', 'country:MA=المغرب']);
  });

  it('does not filter a paragraph in a language the lexicon does not have', () => {
    assert.deepEqual(ids('Die Polizei in Spain und Portugal.', 'de'), ['country:ES=Spain', 'country:PT=Portugal']);
  });
});

describe('matching: Arabic', () => {
  it('computes the stems of clitic prefixes', () => {
    assert.deepEqual(
      arabicStems('وبالمغرب').map((s) => [s.key, s.skip]),
      [
        ['بالمغرب', 1],
        ['المغرب', 2],
        ['مغرب', 2],
      ],
    );
    assert.deepEqual(
      arabicStems('للمغرب').map((s) => [s.key, s.skip]),
      [
        ['المغرب', 0],
        ['مغرب', 0],
      ],
    );
    assert.equal(offsetAfterLetters('وَبِالمغرب', 2), 4);
  });

  it('matches names after و ف ب ك ل, the article and لل, and leaves the clitics out of the range', () => {
    const text = 'وأكد البيان أن التعاون بين المغرب وإسبانيا، وللمغرب دور في أفريقيا وبالمغرب.';
    assert.deepEqual(ids(text, 'ar'), [
      'country:MA=المغرب',
      'country:ES=إسبانيا',
      'country:MA=للمغرب',
      'region:africa=أفريقيا',
      'country:MA=المغرب',
    ]);
  });

  it('ignores tashkeel and tatweel', () => {
    assert.deepEqual(ids('زار وفد من المَغْرِب والإرهـــاب كان محور النقاش.', 'ar'), ['country:MA=المَغْرِب', 'threat:terrorism=الإرهـــاب']);
  });

  it('matches a multi-word Arabic actor after a conjunction or a fused article', () => {
    const text = 'وأشادت المديرية العامة للأمن الوطني بدعم للاتحاد الأوروبي.';
    const found = find(text, 'ar');
    assert.deepEqual(
      found.map((f) => `${f.id}=${f.text}`),
      ['dgsn=المديرية العامة للأمن الوطني', 'european-union=للاتحاد الأوروبي'],
    );
  });

  it('matches an article-less mention of a name the lexicon writes with the article', () => {
    assert.deepEqual(ids('بحضور ممثلين عن الساحل ودول الساحل', 'ar'), ['region:sahel=الساحل', 'region:sahel=الساحل']);
  });
});

describe('matching: threat frames', () => {
  it('finds head and object within the window', () => {
    const text = 'Le réseau se livrait au trafic international de cocaïne vers l’Europe.';
    const found = find(text);
    assert.deepEqual(
      found.map((f) => `${f.category}:${f.id}=${f.text}`),
      ['threat:drug-trafficking=trafic international de cocaïne', 'region:europe=Europe'],
    );
  });

  it('gives a second coordinated object its own range, its window counted from the first object', () => {
    const text = "Ils sont soupçonnés de trafic d'armes à feu et de stupéfiants.";
    assert.deepEqual(ids(text), ["threat:arms-trafficking=trafic d'armes à feu", 'threat:drug-trafficking=stupéfiants']);
    assert.deepEqual(ids('Un trafic de cannabis, de cocaïne et de munitions.'), ['threat:drug-trafficking=trafic de cannabis']);
  });

  it('does not cross sentence punctuation or exceed the window', () => {
    assert.deepEqual(ids('Le trafic, selon la presse, a baissé. La drogue circule moins.'), []);
    assert.deepEqual(ids('Le trafic routier entre les deux villes a été perturbé par la saisie de drogue.'), []);
  });

  it('reads object-first frames in English', () => {
    assert.deepEqual(ids('The suspects are linked to cocaine trafficking in West Africa.', 'en'), ['threat:drug-trafficking=cocaine trafficking', 'region:africa=Africa']);
    assert.deepEqual(ids('Arms and drug trafficking networks were dismantled.', 'en'), ['threat:arms-trafficking=Arms', 'threat:drug-trafficking=drug trafficking']);
  });

  it('applies a frame only in its language', () => {
    assert.deepEqual(ids('Le trafic de cocaïne a augmenté.', 'en'), []);
  });

  it('handles Arabic frames with clitics on the head', () => {
    assert.deepEqual(ids('تم تفكيك شبكة متورطة في الاتجار الدولي بالمخدرات وتهريب المخدرات.', 'ar'), [
      'threat:drug-trafficking=الاتجار الدولي بالمخدرات',
      'threat:drug-trafficking=تهريب المخدرات',
    ]);
  });

  it('lets a lexicon term and a frame of the same span give one match', () => {
    assert.deepEqual(ids('La lutte contre le trafic de drogue reste une priorité.'), ['threat:drug-trafficking=trafic de drogue']);
  });
});

describe('matching: overlap resolution', () => {
  it('keeps the longest match of a category', () => {
    assert.deepEqual(ids('Le directeur de la Direction générale de la Sûreté nationale a reçu son homologue.'), [
      'actor:dgsn=Direction générale de la Sûreté nationale',
    ]);
    assert.deepEqual(ids('La criminalité transnationale organisée menace la région.'), ['threat:organized-crime=criminalité transnationale organisée']);
  });

  it('drops a region strictly inside a longer match of another category', () => {
    assert.deepEqual(ids("L'Union africaine et l'Afrique du Sud ont condamné l'attaque."), ['actor:african-union=Union africaine', 'country:ZA=Afrique du Sud']);
    assert.deepEqual(ids('Le Sahara occidental et le Sahara.'), ['country:EH=Sahara occidental', 'region:sahara=Sahara']);
  });

  it('drops a region inside an organisation span given from outside (heuristic actors)', () => {
    const regions = [
      { start: 10, end: 16, category: 'region' as const, id: 'europe' },
      { start: 30, end: 36, category: 'region' as const, id: 'africa' },
      { start: 40, end: 46, category: 'region' as const, id: 'sahel' },
    ];
    const organisations = [
      { start: 0, end: 20, category: 'actor' as const },
      { start: 30, end: 36, category: 'actor' as const },
    ];
    assert.deepEqual(
      dropContainedRegions(regions, organisations).map((r) => r.id),
      ['africa', 'sahel'],
    );
  });

  it('drops a country inside a region name', () => {
    assert.deepEqual(ids('Les passeurs opèrent dans le détroit de Gibraltar, au large de Gibraltar.'), [
      'region:strait-of-gibraltar=détroit de Gibraltar',
      'country:GI=Gibraltar',
    ]);
  });

  it('keeps a country inside an actor name', () => {
    assert.deepEqual(ids('La Police fédérale belge a transmis le dossier.'), ['actor:belgian-federal-police=Police fédérale belge', 'country:BE=belge']);
  });

  it('never overlaps inside a category, even on a pathological chain', () => {
    const lex = lexicon([{ id: 'x', category: 'threat', names: { fr: ['fraude fraude'] } }]);
    const text = Array.from({ length: 2001 }, () => 'fraude').join(' ');
    const found = find(text, 'fr', undefined, matcherFor(lex));
    assert.equal(found.length, 1000);
    for (let i = 1; i < found.length; i++) assert.ok(found[i]!.start >= found[i - 1]!.end);
  });
});

describe('matching: ignore list', () => {
  it('reports nothing inside an ignored term', () => {
    const matcher = matcherFor(sampleLexicon(['Europe 1']));
    const text = "Le ministre s'est exprimé sur Europe 1 au sujet de l'Europe.";
    const tokens = tokenize(text);
    const { matches, ignored } = matcher.match({ text, tokens, spans: [], language: 'fr' });
    assert.deepEqual(ignored, [{ start: text.indexOf('Europe 1'), end: text.indexOf('Europe 1') + 8 }]);
    assert.equal(matcher.isIgnored('EUROPE  1'), true);
    assert.equal(resolveMatches(matches).length, 2); // the recognizer drops the one inside "Europe 1"
  });
});

describe('matching: cost does not depend on the lexicon size', () => {
  it('builds a 20k-entry lexicon and matches only what is there', () => {
    const specs = [];
    for (let i = 0; i < 20_000; i++) specs.push({ id: `t${i}`, category: 'threat' as const, names: { fr: [`menace numéro ${i}`] } });
    const matcher = matcherFor(lexicon(specs));
    const text = 'La menace numéro 42 et la menace numéro 19999, mais pas la menace numéro vingt.';
    assert.deepEqual(ids(text, 'fr', undefined, matcher), ['threat:t42=menace numéro 42', 'threat:t19999=menace numéro 19999']);
  });
});
