/**
 * The built-in lexicons as data: the fixed threat taxonomy, every ISO 3166-1 country, the seed
 * actors of issue 2, and the precision rules the files promise in their headers.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildLexicon, lexiconKey } from '#core/lexicon/index';
import type { Lexicon, LexiconEntry } from '#core/types';
import { builtinLexiconDir, LEXICON_SNAPSHOT_FILE, readBuiltinLexicons } from '#node/lexiconFiles';

const LANGS = ['fr', 'en', 'es', 'ar'];
const THREATS = [
  'terrorism', 'terrorist-financing', 'violent-extremism', 'organized-crime', 'drug-trafficking',
  'migrant-smuggling', 'human-trafficking', 'irregular-migration', 'arms-trafficking', 'cybercrime',
  'money-laundering', 'fraud', 'public-order', 'child-sexual-exploitation', 'espionage',
];

function byCategory(lexicon: Lexicon, category: string): LexiconEntry[] {
  return [...lexicon.entries.values()].filter((e) => e.category === category);
}

function has(lexicon: Lexicon, id: string, text: string): boolean {
  return lexicon.entries.get(id)?.variants.some((v) => v.text === text) ?? false;
}

describe('built-in lexicons: data', () => {
  let lexicon: Lexicon;
  before(() => {
    lexicon = buildLexicon(readBuiltinLexicons());
  });

  it('load without a single problem', () => {
    assert.deepEqual(lexicon.problems, []);
  });

  it('have exactly the 15 threat ids of issue 2, each with fr, en, es and ar terms', () => {
    assert.deepEqual(byCategory(lexicon, 'threat').map((e) => e.id).sort(), [...THREATS].sort());
    for (const id of THREATS) for (const lang of LANGS) assert.ok((lexicon.entries.get(id)!.names[lang]?.length ?? 0) > 0, `${id} ${lang}`);
  });

  it('write out the adjective and plural forms of threat terms', () => {
    for (const [id, forms] of [
      ['terrorism', ['terroriste', 'terroristes', 'terrorista', 'terroristas', 'terrorist', 'إرهابي', 'إرهابية', 'djihadiste', 'yihadista']],
      ['violent-extremism', ['radicalisation', 'extrémisme', 'radicalización']],
      ['organized-crime', ['réseaux criminels', 'crime organisé', 'criminalité organisée', 'criminal networks', 'organized crime']],
      ['public-order', ['sécurité publique', 'ordre public', 'hooliganisme', 'public order', 'orden público', 'seguridad ciudadana']],
    ] as const) {
      for (const form of forms) assert.ok(has(lexicon, id, form), `${id}: ${form}`);
    }
  });

  it('keep ambiguous terms out of the threats they do not name', () => {
    const all = new Map<string, string>();
    for (const e of byCategory(lexicon, 'threat')) for (const v of e.variants) all.set(lexiconKey(v.text), e.id);
    for (const term of ['exploitation sexuelle', 'contrefaçon', 'criminalité transfrontalière', 'trata', 'interior']) {
      assert.equal(all.get(lexiconKey(term)), undefined, term);
    }
  });

  it('give trafficking threats frames in every language, with objects for each', () => {
    for (const id of ['drug-trafficking', 'arms-trafficking', 'migrant-smuggling']) {
      const langs = lexicon.entries.get(id)!.frames.map((f) => f.lang).sort();
      assert.deepEqual(langs, ['ar', 'en', 'es', 'fr'], id);
    }
    const drugs = lexicon.entries.get('drug-trafficking')!.frames.find((f) => f.lang === 'fr')!;
    for (const object of ['drogue', 'stupéfiants', 'cocaïne', 'haschich', 'chira', 'psychotropes']) assert.ok(drugs.objects.includes(object), object);
    const english = lexicon.entries.get('drug-trafficking')!.frames.find((f) => f.lang === 'en')!;
    assert.ok(english.objectFirstWindow > 0, '"cocaine trafficking" puts the object first');
  });

  it('mark deprecated threat terms, whose language keeps a preferred term', () => {
    const entry = lexicon.entries.get('irregular-migration')!;
    for (const text of ['immigration clandestine', 'illegal immigration', 'inmigración ilegal', 'الهجرة غير الشرعية']) {
      const v = entry.variants.find((x) => x.text === text);
      assert.ok(v?.deprecated, text);
      const preferred = entry.variants.find((x) => x.lang === v.lang && x.preferred);
      assert.ok(preferred && !preferred.deprecated, `preferred term for ${v.lang}`);
    }
    assert.equal(entry.names['fr']![0], 'migration irrégulière');
  });

  it('have every ISO 3166-1 country, with fr, en, es and ar names', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const iso = require('i18n-iso-countries') as { getAlpha2Codes(): Record<string, string> };
    for (const code of Object.keys(iso.getAlpha2Codes())) {
      const entry = lexicon.entries.get(code);
      assert.equal(entry?.category, 'country', code);
      for (const lang of LANGS) assert.ok((entry!.names[lang]?.length ?? 0) > 0, `${code} has no ${lang} name`);
    }
  });

  it('never use ISO codes as variants, only the acronyms people write', () => {
    for (const [id, code] of [['GB', 'GB'], ['IT', 'IT'], ['CA', 'CA'], ['RU', 'RU'], ['ES', 'ESP'], ['MA', 'MAR']]) {
      assert.ok(!has(lexicon, id!, code!), `${id} has ${code}`);
    }
    for (const [id, acronym] of [['US', 'US'], ['US', 'USA'], ['US', 'EE. UU.'], ['GB', 'UK'], ['AE', 'EAU'], ['AE', 'UAE'], ['CD', 'RDC'], ['CD', 'DRC']]) {
      const v = lexicon.entries.get(id!)!.variants.find((x) => x.text === acronym);
      assert.equal(v?.caseRule, 'exact', `${id} ${acronym}`);
    }
  });

  it('give no two countries the same form in one language', () => {
    const owner = new Map<string, string>();
    for (const e of byCategory(lexicon, 'country')) {
      for (const v of e.variants) {
        const key = `${v.lang}|${lexiconKey(v.text)}`;
        const other = owner.get(key);
        assert.ok(other === undefined || other === e.id, `${v.lang} "${v.text}" is both ${other} and ${e.id}`);
        owner.set(key, e.id);
      }
    }
  });

  it('inflect demonyms and list combining forms for compound adjectives', () => {
    for (const [id, form] of [
      ['MA', 'marocaines'], ['ES', 'espagnole'], ['ES', 'españolas'], ['ES', 'Spaniards'], ['MA', 'Moroccans'],
      ['MA', 'marroquíes'], ['FR', 'francesas'], ['DE', 'alemanas'], ['MA', 'مغربية'], ['DZ', 'جزائريين'],
      ['MA', 'maroco'], ['ES', 'hispano'], ['PT', 'luso'], ['FR', 'franco'], ['CN', 'sino'], ['GB', 'anglo'],
    ]) {
      assert.ok(has(lexicon, id!, form!), `${id}: ${form}`);
    }
    assert.equal(lexicon.entries.get('MA')!.variants.find((v) => v.text === 'maroco')!.kind, 'combining');
  });

  it('make country names that are common words depend on case, and drop the dangerous ones', () => {
    for (const [id, name] of [['TD', 'Chad'], ['TR', 'Turkey'], ['GN', 'Guinée'], ['CN', 'Chine']]) {
      assert.equal(lexicon.entries.get(id!)!.variants.find((v) => v.text === name)?.caseRule, 'capitalized', name);
    }
    assert.ok(!has(lexicon, 'MU', 'Maurice'), 'a French first name');
    assert.ok(!has(lexicon, 'RE', 'Réunion'), '"réunion" is a meeting');
    assert.ok(!has(lexicon, 'JE', 'Jersey'), 'inside "New Jersey"');
    assert.ok(!has(lexicon, 'ML', 'مالي'), 'also "financial"');
    assert.equal(lexicon.entries.get('RE')!.variants.find((v) => v.text === 'La Réunion')?.caseRule, 'exact');
  });

  it('have the regions of issue 2, named in four languages and never by adjective', () => {
    const ids = [
      'sahel', 'sahara', 'maghreb', 'north-africa', 'west-africa', 'africa', 'europe', 'mediterranean',
      'middle-east', 'balkans', 'latin-america', 'strait-of-gibraltar', 'gulf', 'levant', 'gulf-of-guinea', 'lake-chad-basin',
    ];
    for (const id of ids) assert.equal(lexicon.entries.get(id)?.category, 'region', id);
    for (const e of byCategory(lexicon, 'region')) {
      for (const lang of LANGS) assert.ok((e.names[lang]?.length ?? 0) > 0, `${e.id} ${lang}`);
      assert.ok(e.variants.every((v) => v.kind !== 'demonym'), `${e.id} has a demonym`);
    }
    assert.ok(has(lexicon, 'west-africa', "Afrique de l'Ouest") && has(lexicon, 'west-africa', 'غرب إفريقيا'));
    assert.ok(!has(lexicon, 'europe', 'européennes'));
  });

  it('have the seed actors of issue 2 with their acronyms and full names', () => {
    const expected: [string, string, string[]][] = [
      ['dgsn', 'organization', ['DGSN', 'Direction générale de la Sûreté nationale', 'Sûreté nationale', 'المديرية العامة للأمن الوطني']],
      ['dgst', 'organization', ['DGST', 'Direction générale de la surveillance du territoire', 'surveillance du territoire']],
      ['dged', 'organization', ['DGED']],
      ['bcij', 'organization', ['BCIJ', "Bureau central d'investigations judiciaires"]],
      ['gendarmerie-royale', 'organization', ['Gendarmerie royale']],
      ['ma-ministry-of-interior', 'organization', ["Ministère de l'Intérieur"]],
      ['guardia-civil', 'organization', ['Guardia Civil']],
      ['policia-nacional', 'organization', ['Policía Nacional']],
      ['cni', 'organization', ['CNI', 'Centro Nacional de Inteligencia']],
      ['es-ministry-of-interior', 'organization', ['Ministerio del Interior']],
      ['dgsi', 'organization', ['DGSI']],
      ['police-nationale', 'organization', ['Police nationale']],
      ['gendarmerie-nationale', 'organization', ['Gendarmerie nationale']],
      ['europol', 'organization', ['Europol']],
      ['interpol', 'organization', ['Interpol', 'Organisation internationale de police criminelle', 'OIPC']],
      ['frontex', 'organization', ['Frontex']],
      ['unodc', 'organization', ['UNODC', 'ONUDC', 'Office des Nations unies contre la drogue et le crime']],
      ['afripol', 'organization', ['AFRIPOL']],
      ['african-union', 'organization', ['Union africaine', 'African Union', 'UA']],
      ['european-union', 'organization', ['Union européenne', 'UE', 'Unión Europea', 'الاتحاد الأوروبي']],
      ['united-nations', 'organization', ['ONU', 'UN', 'Nations unies']],
      ['abdellatif-hammouchi', 'person', ['Abdellatif Hammouchi', 'عبد اللطيف حموشي']],
      ['daesh', 'organization', ['Daech', 'Daesh', 'Dáesh', 'ISIS', 'État islamique', 'EI']],
      ['al-qaeda', 'organization', ['Al-Qaïda']],
      ['aqim', 'organization', ['AQMI']],
      ['boko-haram', 'organization', ['Boko Haram']],
      ['jnim', 'organization', ['JNIM']],
      ['al-shabaab', 'organization', ['Al-Shabaab']],
    ];
    for (const [id, type, forms] of expected) {
      const entry = lexicon.entries.get(id);
      assert.equal(entry?.category, 'actor', id);
      assert.equal(entry.type, type, id);
      for (const lang of LANGS) assert.ok((entry.names[lang]?.length ?? 0) > 0, `${id} ${lang}`);
      for (const form of forms) assert.ok(has(lexicon, id, form), `${id}: ${form}`);
    }
    assert.equal(lexicon.entries.get('unodc')!.name, 'UNODC');
    assert.equal(lexicon.entries.get('interpol')!.name, 'INTERPOL');
    assert.ok(lexicon.entries.get('daesh')!.variants.find((v) => v.text === 'État islamique')?.deprecated);
    for (const e of byCategory(lexicon, 'actor')) assert.ok(!e.variants.some((v) => lexiconKey(v.text) === 'interior'), `${e.id} has "Interior"`);
  });

  it('ship a snapshot that matches the hand-written files (run `npm run build:lexicon` after editing them)', () => {
    const dir = builtinLexiconDir();
    const snapshot = JSON.parse(readFileSync(join(dir, LEXICON_SNAPSHOT_FILE), 'utf8')) as { files: Record<string, { sha256: string }> };
    for (const name of ['countries.overrides.yaml', 'regions.yaml', 'threats.yaml', 'actors.yaml']) {
      const hash = createHash('sha256').update(readFileSync(join(dir, name), 'utf8')).digest('hex');
      assert.equal(snapshot.files[name]?.sha256, hash, `${name} changed since the snapshot`);
    }
    const generated = readFileSync(join(dir, 'countries.generated.yaml'), 'utf8');
    assert.match(generated.split('\n')[1]!, /GENERATED FILE - DO NOT EDIT/);
  });
});
