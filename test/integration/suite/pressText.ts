/**
 * Long French press releases for hugeDocuments.test.ts: sentences of the kind a security service's
 * press office writes, drawn by a seeded generator (the same seed gives the same bytes), with the
 * number of times each country, region, actor and threat was written, so that the test can check
 * the server's whole-document counts against what is really in the text.
 *
 * Every entity of the lexicons comes from a slot below; the fixed words of the sentences name none,
 * so the counts are exact. No `vscode` import: the generator can be run outside VS Code.
 */

interface Country {
  id: string;
  /** With its article: "le Maroc", "l'Espagne". */
  the: string;
  /** "au Maroc", "en Espagne". */
  in: string;
  /** "du Maroc", "de l'Espagne". */
  of: string;
}

interface Actor {
  id: string;
  /** As a subject or an object: "Europol", "la Guardia Civil". */
  the: string;
  /** "d'Europol", "de la Guardia Civil". */
  of: string;
}

interface Named {
  id: string;
  /** The form a sentence uses: "au Sahel", "le trafic de stupéfiants". */
  text: string;
}

const COUNTRIES: readonly Country[] = [
  { id: 'MA', the: 'le Maroc', in: 'au Maroc', of: 'du Maroc' },
  { id: 'ES', the: "l'Espagne", in: 'en Espagne', of: "de l'Espagne" },
  { id: 'LY', the: 'la Libye', in: 'en Libye', of: 'de la Libye' },
  { id: 'TN', the: 'la Tunisie', in: 'en Tunisie', of: 'de la Tunisie' },
  { id: 'IT', the: "l'Italie", in: 'en Italie', of: "de l'Italie" },
  { id: 'FR', the: 'la France', in: 'en France', of: 'de la France' },
  { id: 'DZ', the: "l'Algérie", in: 'en Algérie', of: "de l'Algérie" },
];

const ACTORS: readonly Actor[] = [
  { id: 'europol', the: 'Europol', of: "d'Europol" },
  { id: 'interpol', the: 'Interpol', of: "d'Interpol" },
  { id: 'frontex', the: 'Frontex', of: 'de Frontex' },
  { id: 'guardia-civil', the: 'la Guardia Civil', of: 'de la Guardia Civil' },
  { id: 'dgsn', the: 'la DGSN', of: 'de la DGSN' },
  { id: 'gendarmerie-royale', the: 'la Gendarmerie royale', of: 'de la Gendarmerie royale' },
];

/** Regions after "opérant" or "reste une menace": "au Sahel". */
const REGIONS: readonly Named[] = [
  { id: 'sahel', text: 'au Sahel' },
  { id: 'balkans', text: 'dans les Balkans' },
  { id: 'mediterranean', text: 'en Méditerranée centrale' },
  { id: 'west-africa', text: "en Afrique de l'Ouest" },
];

/** Threats with their article: "le terrorisme". */
const THREATS: readonly Named[] = [
  { id: 'drug-trafficking', text: 'le trafic de stupéfiants' },
  { id: 'terrorism', text: 'le terrorisme' },
  { id: 'irregular-migration', text: 'la migration irrégulière' },
  { id: 'cybercrime', text: 'la cybercriminalité' },
  { id: 'human-trafficking', text: 'la traite des êtres humains' },
];

/** Threats a criminal network runs: "un réseau de trafic de stupéfiants". */
const RING_THREATS: readonly Named[] = [
  { id: 'drug-trafficking', text: 'trafic de stupéfiants' },
  { id: 'human-trafficking', text: 'traite des êtres humains' },
];

const CITIES = ['Rabat', 'Tanger', 'Algésiras', 'Marseille', 'Gênes', 'Nador', 'Almería', 'Agadir'];
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** A small seeded generator (xorshift32): deterministic, and good enough to vary sentences. */
class Draw {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** An integer in [0, n). */
  below(n: number): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state % n;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)]!;
  }

  /** Two different items. */
  pair<T>(items: readonly T[]): [T, T] {
    const i = this.below(items.length);
    const j = (i + 1 + this.below(items.length - 1)) % items.length;
    return [items[i]!, items[j]!];
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One sentence and the ids of the entities it names (an id once per mention). */
type Sentence = { text: string; ids: string[] };

const TEMPLATES: readonly ((d: Draw) => Sentence)[] = [
  (d) => {
    const [a, b] = d.pair(ACTORS);
    const [c1, c2] = d.pair(COUNTRIES);
    const t = d.pick(RING_THREATS);
    return {
      text: `${d.pick(CITIES)}, le ${1 + d.below(28)} ${d.pick(MONTHS)} 2026 – ${capitalise(a.the)} a démantelé un réseau de ${t.text} actif entre ${c1.the} et ${c2.the}, avec l'appui ${b.of}.`,
      ids: [a.id, t.id, c1.id, c2.id, b.id],
    };
  },
  (d) => {
    const a = d.pick(ACTORS);
    const r = d.pick(REGIONS);
    const c = d.pick(COUNTRIES);
    return { text: `Selon ${a.the}, les membres du réseau entretenaient des liens avec des groupes opérant ${r.text} et ${c.in}.`, ids: [a.id, r.id, c.id] };
  },
  (d) => {
    const c = d.pick(COUNTRIES);
    return {
      text: `Les enquêteurs ont saisi ${2 + d.below(900)} kilogrammes de marchandises dissimulées dans un camion frigorifique en provenance ${c.of}.`,
      ids: [c.id],
    };
  },
  (d) => {
    const a = d.pick(ACTORS);
    const t = d.pick(THREATS);
    const r = d.pick(REGIONS);
    return { text: `${capitalise(a.the)} rappelle que ${t.text} reste une menace majeure ${r.text}.`, ids: [a.id, t.id, r.id] };
  },
  (d) => ({
    text: `Une enquête judiciaire a été ouverte à ${d.pick(CITIES)} afin de déterminer toutes les ramifications de cette affaire.`,
    ids: [],
  }),
  (d) => {
    const [c1, c2] = d.pair(COUNTRIES);
    const t = d.pick(THREATS);
    return { text: `Les autorités ${c1.of} et ${c2.of} ont salué une coopération exemplaire contre ${t.text}.`, ids: [c1.id, c2.id, t.id] };
  },
  (d) => {
    const c = d.pick(COUNTRIES);
    const a = d.pick(ACTORS);
    return {
      text: `${2 + d.below(40)} personnes ont été interpellées ${c.in} dans le cadre de cette opération coordonnée par ${a.the}.`,
      ids: [c.id, a.id],
    };
  },
  (d) => ({ text: `Le parquet compétent a requis le placement en détention provisoire de ${2 + d.below(12)} suspects.`, ids: [] }),
];

export interface GeneratedCommunique {
  text: string;
  /** Its length in UTF-8, as the server counts it for communique.maxFileSize. */
  bytes: number;
  /** How many times each entity id was written. */
  written: Map<string, number>;
  /** Mentions written in all. */
  mentions: number;
}

export interface CommuniqueShape {
  /** At most this many UTF-8 bytes; the text ends after the last whole sentence that fits. */
  maxBytes: number;
  seed: number;
  /** One line (sentences separated by spaces, no line break at all) or paragraphs. */
  oneLine: boolean;
  /** Text put first as it is (a front matter); it must name no entity. */
  head?: string;
}

/** A deterministic communiqué of about `maxBytes` bytes. */
export function generateCommunique(shape: CommuniqueShape): GeneratedCommunique {
  const d = new Draw(shape.seed);
  const parts: string[] = [];
  const written = new Map<string, number>();
  let mentions = 0;
  let bytes = 0;
  const push = (text: string): boolean => {
    const size = Buffer.byteLength(text);
    if (bytes + size > shape.maxBytes) return false;
    parts.push(text);
    bytes += size;
    return true;
  };
  if (shape.head !== undefined) push(shape.head);
  let paragraph = 0;
  let inParagraph = 0;
  let paragraphLength = 3;
  for (;;) {
    const sentence = d.pick(TEMPLATES)(d);
    let separator = '';
    if (parts.length > (shape.head === undefined ? 0 : 1)) {
      if (shape.oneLine || inParagraph < paragraphLength) separator = ' ';
      else {
        // A new paragraph, and now and then the heading of a new communiqué in the report.
        paragraph++;
        separator = paragraph % 40 === 0 ? `\n\nCommuniqué n° ${paragraph / 40}\n\n` : '\n\n';
        inParagraph = 0;
        paragraphLength = 3 + d.below(4);
      }
    }
    if (!push(separator + sentence.text)) break;
    inParagraph++;
    for (const id of sentence.ids) written.set(id, (written.get(id) ?? 0) + 1);
    mentions += sentence.ids.length;
  }
  if (!shape.oneLine) push('\n');
  return { text: parts.join(''), bytes, written, mentions };
}
