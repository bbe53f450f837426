/**
 * The generated material of the recognition benchmark: synthetic lexicon layers and French
 * press-release documents, all from seeded PRNGs so that every run processes the same bytes.
 * Shared by recognition.bench.ts and profile.ts.
 */
import { prng } from './prng';

export const MB = 1_000_000;

type Random = () => number;
const pick = <T>(rnd: Random, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const SYLLABLES = [
  'val', 'mont', 'ker', 'bel', 'roche', 'ville', 'bourg', 'lac', 'pré', 'mar', 'cour', 'dor', 'lan', 'brie', 'fort',
  'gué', 'nac', 'tel', 'vic', 'ana', 'bou', 'cha', 'dje', 'far', 'gha', 'ham', 'jal', 'kha', 'lah', 'mou', 'nad',
  'oua', 'rab', 'sal', 'tah', 'yas', 'zin', 'sou', 'tan', 'ber',
];
const ORG_HEADS = [
  'Brigade', 'Direction', 'Service', 'Office', 'Agence', 'Unité', 'Bureau', 'Commissariat', 'Division', 'Centre',
  'Groupement', 'Inspection', 'Cellule', 'Délégation', 'Préfecture',
];
const ORG_QUALIFIERS = ['régionale', 'centrale', 'territoriale', 'spéciale', 'mobile', 'judiciaire', 'maritime', 'frontalière'];
const FIRST_NAMES = [
  'Karim', 'Amina', 'Jean', 'Sofia', 'Youssef', 'Claire', 'Omar', 'Lucía', 'Pierre', 'Fatima', 'Miguel', 'Nadia',
  'Ahmed', 'Élodie', 'Rachid', 'Inès', 'Hassan', 'Marta', 'Laurent', 'Samira', 'Driss', 'Hélène', 'Tarik', 'Rosa',
];

export interface SyntheticActor {
  id: string;
  type: 'person' | 'organization';
  names: string[];
}

function placeName(rnd: Random): string {
  const n = rnd() < 0.5 ? 2 : 3;
  let s = '';
  for (let i = 0; i < n; i++) s += pick(rnd, SYLLABLES);
  return capitalize(s);
}

/** Acronyms from the entry number, so they are unique: bijective base 26, "X" first so they read as acronyms. */
function acronym(n: number): string {
  let s = '';
  for (let k = n + 1; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return `X${s}`;
}

/** The fixed sequence of synthetic actors; every lexicon takes a prefix of it. */
export function syntheticActors(count: number): SyntheticActor[] {
  const rnd = prng(20260301);
  const seen = new Set<string>();
  const actors: SyntheticActor[] = [];
  while (actors.length < count) {
    const i = actors.length;
    const organization = rnd() < 0.6;
    const name = organization
      ? `${pick(rnd, ORG_HEADS)} ${pick(rnd, ORG_QUALIFIERS)} de ${placeName(rnd)}`
      : `${pick(rnd, FIRST_NAMES)} ${placeName(rnd)}`;
    if (seen.has(name)) continue;
    seen.add(name);
    actors.push({
      id: `synthetic-${i}`,
      type: organization ? 'organization' : 'person',
      names: organization ? [name, acronym(i)] : [name],
    });
  }
  return actors;
}

/**
 * A lexicon layer as JSON text, one entry per line. JSON is valid YAML and the lexicon format's
 * answer for large files: the loader refuses YAML-syntax files over 2 MB (the `yaml` composer reads
 * about half a megabyte per second) and parses JSON directly, still with line and column positions.
 */
export function lexiconJson(actors: readonly SyntheticActor[]): string {
  const entries = actors.map((a) => JSON.stringify({ id: a.id, category: 'actor', type: a.type, names: { fr: a.names } }));
  return `{"version": 1, "entries": [\n${entries.join(',\n')}\n]}\n`;
}

const PLACES = [
  'au Maroc', "en Espagne", 'en Belgique', 'en France', 'au Portugal', 'en Algérie', 'en Tunisie', 'au Mali', 'au Niger',
  'en Mauritanie', 'au Sénégal', 'en Italie', 'aux Pays-Bas', 'en Allemagne', 'en Libye', 'en Colombie', 'au Brésil',
  'au Sahel', 'dans la région du Maghreb', "en Afrique de l'Ouest", 'en Méditerranée', 'dans les Balkans', 'en Europe',
  "dans le détroit de Gibraltar", 'au Moyen-Orient', 'en Amérique latine',
];
const CITIES = ['Rabat', 'Tanger', 'Madrid', 'Bruxelles', 'Casablanca', 'Nador', 'Algésiras', 'Lyon', 'Marseille', 'Anvers', 'Dakar', 'Oujda'];
const DEMONYMS = ['marocains', 'espagnols', 'belges', 'français', 'algériens', 'sénégalais', 'italiens', 'néerlandais', 'maliens', 'colombiens'];
const THREATS = [
  'le trafic international de stupéfiants', 'le terrorisme', "le blanchiment d'argent", 'la traite des êtres humains',
  'le trafic de migrants', 'la cybercriminalité', 'la criminalité transnationale organisée', "le trafic d'armes à feu",
  "l'extrémisme violent", 'la fraude documentaire', "l'immigration irrégulière", 'le financement du terrorisme',
];
const KNOWN_ACTORS = [
  'la Direction générale de la Sûreté nationale', 'la DGSN', 'la DGST', 'la Guardia Civil', 'Europol', 'Interpol',
  'la Gendarmerie royale', 'la Police nationale', 'Frontex', "l'Office des Nations unies contre la drogue et le crime",
  'le Bureau central d\'investigations judiciaires',
];
const UNKNOWN_HEADS = ['la Brigade', 'le Service', "l'Office", 'la Cellule', 'le Commissariat', 'la Division'];
const VERBS = [
  'ont interpellé', 'ont démantelé', 'ont identifié', 'ont placé en garde à vue', 'ont saisi les avoirs de',
  'ont perquisitionné les locaux de', 'ont entendu',
];
const OBJECTS = [
  'quatre suspects', 'un réseau criminel', 'une cellule de soutien logistique', 'plusieurs intermédiaires',
  'deux ressortissants', 'une organisation structurée', 'onze individus', 'un groupe de passeurs',
];
const TIMES = [
  'mardi dernier', 'le 14 mars', 'au cours des dernières semaines', 'dans la nuit de lundi à mardi', 'en début de semaine',
  'à l\'issue de plusieurs mois d\'enquête', 'le 2 février 2026',
];
const FILLERS = [
  "Selon les premiers éléments de l'enquête, les suspects utilisaient des sociétés écrans pour dissimuler l'origine des fonds.",
  'Les investigations se poursuivent sous la supervision du parquet compétent afin de déterminer toutes les ramifications de cette affaire.',
  'Les personnes interpellées ont été placées en garde à vue avant leur présentation devant la justice.',
  "Cette opération s'inscrit dans le cadre de la coopération sécuritaire bilatérale et de l'échange régulier d'informations.",
  'Les enquêteurs ont également saisi des téléphones portables, des documents falsifiés et une importante somme en liquide.',
  'Les autorités rappellent que la lutte contre ces phénomènes exige une coordination étroite entre les services concernés.',
];

/** French press-release paragraphs mentioning countries, regions, threats, known and synthetic actors. */
export function generateDocument(bytes: number, actors: readonly SyntheticActor[], alwaysPresent: number): string {
  const rnd = prng(7);
  const synthetic = (): string => {
    // Most mentions are of actors every lexicon has; some only the largest lexicon knows.
    const a = actors[Math.floor(rnd() * (rnd() < 0.7 ? alwaysPresent : actors.length))]!;
    const name = a.type === 'organization' && rnd() < 0.3 ? a.names[1]! : a.names[0]!;
    return a.type === 'person' ? `M. ${name}` : `la ${name}`.replace(/^la (Service|Bureau|Centre|Groupement|Commissariat|Office|Délégation)/, 'le $1');
  };
  const actor = (): string => {
    const r = rnd();
    if (r < 0.4) return pick(rnd, KNOWN_ACTORS);
    if (r < 0.8) return synthetic();
    return `${pick(rnd, UNKNOWN_HEADS)} ${pick(rnd, ORG_QUALIFIERS)} de ${placeName(rnd)}`;
  };
  const sentence = (): string => {
    switch (Math.floor(rnd() * 6)) {
      case 0:
        return `${capitalize(pick(rnd, TIMES))}, les éléments de ${actor()} ${pick(rnd, VERBS)} ${pick(rnd, OBJECTS)} soupçonnés d'être impliqués dans ${pick(rnd, THREATS)} ${pick(rnd, PLACES)}.`;
      case 1:
        return `En coordination avec ${actor()} et avec l'appui de ${actor()}, les enquêteurs ${pick(rnd, VERBS)} ${pick(rnd, OBJECTS)} ${pick(rnd, DEMONYMS)}.`;
      case 2:
        return `${capitalize(actor())} a salué la qualité de la coopération dans la lutte contre ${pick(rnd, THREATS)} et ${pick(rnd, THREATS)}, qui menacent la stabilité ${pick(rnd, PLACES).replace(/^(au|en|aux|dans)( la| le| les)? /, 'de la région : ')}.`;
      case 3:
        return `${pick(rnd, CITIES)}, ${pick(rnd, TIMES)} – Une opération conjointe menée ${pick(rnd, PLACES)} a permis le démantèlement d'un réseau actif dans ${pick(rnd, THREATS)}.`;
      default:
        return pick(rnd, FILLERS);
    }
  };
  const paragraphs: string[] = ['date 2026-03'];
  let size = 13;
  while (size < bytes) {
    const count = 3 + Math.floor(rnd() * 3);
    const parts: string[] = [];
    for (let i = 0; i < count; i++) parts.push(sentence());
    const paragraph = parts.join(' ');
    paragraphs.push(paragraph);
    size += Buffer.byteLength(paragraph) + 2;
  }
  return paragraphs.join('\n\n');
}

/** The leading words of `text` that make at most `bytes` bytes (at least one word), cut at a space. */
export function leadingWords(text: string, bytes: number): string {
  let end = 0;
  let size = 0;
  for (;;) {
    const space = text.indexOf(' ', end + 1);
    const next = space === -1 ? text.length : space;
    const grown = size + Buffer.byteLength(text.slice(end, next));
    if (end > 0 && grown > bytes) return text.slice(0, end);
    if (next === text.length) return text;
    size = grown;
    end = next;
  }
}

/** The leading paragraphs of `text` that make at least `bytes` bytes. */
export function leadingSlice(text: string, bytes: number): string {
  let end = 0;
  let size = 0;
  while (size < bytes) {
    const next = text.indexOf('\n\n', end + 2);
    if (next === -1) return text;
    size += Buffer.byteLength(text.slice(end, next));
    end = next;
  }
  return text.slice(0, end);
}

