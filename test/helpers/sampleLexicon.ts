/**
 * A small lexicon in fr, en, es and ar for the matching and recognition tests. It is written by
 * hand for the tests (not the built-in data), so every rule can be exercised on a known entry.
 */
import type { Lexicon } from '#core/types';
import { lexicon, type EntrySpec } from './lexiconBuilder';

export const SAMPLE_ENTRIES: EntrySpec[] = [
  {
    id: 'MA',
    category: 'country',
    names: { fr: ['Maroc', 'Royaume du Maroc'], en: ['Morocco'], es: ['Marruecos'], ar: ['المغرب', 'المملكة المغربية'] },
    demonyms: { fr: ['marocain', 'marocaine', 'marocains', 'marocaines'], en: ['Moroccan', 'Moroccans'], es: ['marroquí', 'marroquíes'] },
    combining: { fr: ['maroco'] },
  },
  {
    id: 'ES',
    category: 'country',
    names: { fr: ['Espagne', "Royaume d'Espagne"], en: ['Spain'], es: ['España', 'Reino de España'], ar: ['إسبانيا'] },
    demonyms: { fr: ['espagnol', 'espagnole', 'espagnols', 'espagnoles'], en: ['Spanish', 'Spaniard', 'Spaniards'], es: ['español', 'española', 'españoles', 'españolas'] },
    combining: { fr: ['hispano'] },
  },
  { id: 'PT', category: 'country', names: { fr: ['Portugal'], en: ['Portugal'], es: ['Portugal'], ar: ['البرتغال'] } },
  {
    id: 'US',
    category: 'country',
    names: { fr: ['États-Unis'], en: ['United States', 'US', 'U.S.'], es: ['Estados Unidos', 'EE. UU.'], ar: ['الولايات المتحدة'] },
  },
  { id: 'NZ', category: 'country', names: { fr: ['Nouvelle-Zélande'], en: ['New Zealand', 'NZ'] } },
  { id: 'ZA', category: 'country', names: { fr: ['Afrique du Sud'], en: ['South Africa'], es: ['Sudáfrica'] } },
  { id: 'BE', category: 'country', names: { fr: ['Belgique'], en: ['Belgium'] }, demonyms: { fr: ['belge', 'belges'], en: ['Belgian'] } },
  { id: 'GN', category: 'country', names: { fr: ['Guinée'], en: ['Guinea'] } },
  { id: 'GW', category: 'country', names: { fr: ['Guinée-Bissau'], en: ['Guinea-Bissau'] } },
  { id: 'TR', category: 'country', names: { fr: ['Turquie'], en: ['Turkey'] } },
  { id: 'EH', category: 'country', names: { fr: ['Sahara occidental'], en: ['Western Sahara'] } },
  { id: 'africa', category: 'region', names: { fr: ['Afrique'], en: ['Africa'], es: ['África'], ar: ['أفريقيا', 'إفريقيا'] }, demonyms: { fr: ['africain', 'africaine', 'africains', 'africaines'] } },
  { id: 'sahel', category: 'region', names: { fr: ['Sahel'], en: ['Sahel'], es: ['Sahel'], ar: ['الساحل'] } },
  { id: 'sahara', category: 'region', names: { fr: ['Sahara'], en: ['Sahara'], es: ['Sáhara', 'Sahara'] } },
  { id: 'GI', category: 'country', names: { fr: ['Gibraltar'], en: ['Gibraltar'], es: ['Gibraltar'] } },
  { id: 'strait-of-gibraltar', category: 'region', names: { fr: ['détroit de Gibraltar'], en: ['Strait of Gibraltar'], es: ['estrecho de Gibraltar'] } },
  { id: 'europe', category: 'region', names: { fr: ['Europe'], en: ['Europe'], es: ['Europa'] } },
  {
    id: 'dgsn',
    category: 'actor',
    type: 'organization',
    name: 'Direction générale de la Sûreté nationale',
    names: { fr: ['Direction générale de la Sûreté nationale', 'DGSN', 'Sûreté nationale'], ar: ['المديرية العامة للأمن الوطني'] },
  },
  { id: 'dgst', category: 'actor', type: 'organization', name: 'Direction générale de la surveillance du territoire', names: { fr: ['DGST'] } },
  { id: 'interpol', category: 'actor', type: 'organization', name: 'Interpol', names: { fr: ['Interpol', 'INTERPOL'], en: ['Interpol', 'INTERPOL'] } },
  { id: 'europol', category: 'actor', type: 'organization', name: 'Europol', names: { en: ['Europol'] } },
  { id: 'african-union', category: 'actor', type: 'organization', name: 'African Union', names: { fr: ['Union africaine'], en: ['African Union'] } },
  {
    id: 'european-union',
    category: 'actor',
    type: 'organization',
    name: 'European Union',
    names: { fr: ['Union européenne', 'UE'], en: ['European Union', 'EU'], es: ['Unión Europea', 'UE'], ar: ['الاتحاد الأوروبي'] },
  },
  { id: 'guardia-civil', category: 'actor', type: 'organization', name: 'Guardia Civil', names: { es: ['Guardia Civil'] } },
  { id: 'cni', category: 'actor', type: 'organization', name: 'Centro Nacional de Inteligencia', names: { es: ['Centro Nacional de Inteligencia', 'CNI'] } },
  { id: 'belgian-federal-police', category: 'actor', type: 'organization', name: 'Police fédérale belge', names: { fr: ['Police fédérale belge'] } },
  { id: 'abdellatif-hammouchi', category: 'actor', type: 'person', name: 'Abdellatif Hammouchi', names: { fr: ['Abdellatif Hammouchi'], ar: ['عبد اللطيف حموشي'] } },
  {
    id: 'terrorism',
    category: 'threat',
    names: {
      fr: ['terrorisme', 'terroriste', 'terroristes'],
      en: ['terrorism', 'terrorist', 'terrorists'],
      es: ['terrorismo', 'terrorista', 'terroristas'],
      ar: ['الإرهاب', 'إرهابي', 'الإرهابية'],
    },
  },
  {
    id: 'organized-crime',
    category: 'threat',
    names: { fr: ['criminalité organisée', 'criminalité transnationale organisée', 'crime organisé'], en: ['organized crime'], es: ['crimen organizado'] },
  },
  {
    id: 'drug-trafficking',
    category: 'threat',
    names: { fr: ['trafic de drogue', 'narcotrafic'], en: ['drug trafficking'], es: ['narcotráfico'] },
    frames: [
      { lang: 'fr', heads: ['trafic', 'trafics', 'trafiquants'], objects: ['drogue', 'drogues', 'stupéfiants', 'cocaïne', 'cannabis'], window: 4 },
      { lang: 'en', heads: ['trafficking', 'traffickers'], objects: ['drug', 'drugs', 'cocaine', 'narcotics'], window: 3, objectFirstWindow: 3 },
      { lang: 'ar', heads: ['تهريب', 'الاتجار'], objects: ['المخدرات'], window: 2 },
    ],
  },
  {
    id: 'arms-trafficking',
    category: 'threat',
    names: { fr: ["trafic d'armes"], en: ['arms trafficking'] },
    frames: [
      { lang: 'fr', heads: ['trafic', 'trafics'], objects: ['armes', 'armes à feu', 'munitions'], window: 4 },
      { lang: 'en', heads: ['trafficking'], objects: ['arms', 'firearms', 'weapons'], window: 3, objectFirstWindow: 3 },
    ],
  },
  {
    id: 'irregular-migration',
    category: 'threat',
    names: { fr: ['migration irrégulière', 'immigration clandestine'], en: ['irregular migration'], es: ['inmigración irregular'] },
  },
];

/** The sample lexicon, optionally with an ignore list. */
export function sampleLexicon(ignore: readonly string[] = []): Lexicon {
  return lexicon(SAMPLE_ENTRIES, ignore);
}
