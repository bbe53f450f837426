/**
 * The word lists the actor heuristics read: titles, roles, organisational heads, connectors, name
 * particles, months, weekdays, function words and capitalised words that are not names.
 *
 * They are data, kept apart from the rules in `actors.ts` so that a reviewer can extend a list
 * without reading the algorithm. Every list is stored folded (lower case, no diacritics, Arabic
 * orthography unified) because the heuristics compare `Token.folded`. The lists are general
 * knowledge of the genre (security press releases in fr, en, es, ar), never fitted to one text.
 */
import { foldWord } from '../text/tokenize';

function folded(...lists: readonly (readonly string[])[]): ReadonlySet<string> {
  const out = new Set<string>();
  for (const list of lists) for (const w of list) out.add(foldWord(w));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Titles and roles of people.

/** Abbreviated courtesy titles, written with or without a dot ("Mr Fedotov", "Mr. Fedotov"). */
export const TITLE_ABBREVIATIONS = folded([
  'Mr', 'Mrs', 'Ms', 'Messrs', 'Dr', 'Prof', 'Pr', 'Mme', 'Mmes', 'Mlle', 'Sr', 'Sra', 'Srta', 'Sres', 'Dña',
]);

/** One-letter titles that only count with their dot: "M. Dupont" (Monsieur), "MM. Dupont et Durand". */
export const DOTTED_TITLES = folded(['M', 'MM', 'Me', 'D']);

/** Courtesy titles written in full. */
export const TITLE_WORDS = folded([
  'Monsieur', 'Madame', 'Mademoiselle', 'Messieurs', 'Mesdames',
  'Señor', 'Señora', 'Señorita', 'Don', 'Doña',
  'Sir', 'Dame', 'Lord', 'Lady', 'Mister', 'Miss',
  'Cheikh', 'Sheikh', 'Cheick', 'Hadj', 'Hajj', 'Imam',
]);

/** Functions that introduce a person's name ("la ministre Annelies ...", "Executive Director Yury ..."). */
export const ROLE_WORDS = folded([
  // fr
  'ministre', 'ministres', 'président', 'présidente', 'directeur', 'directrice', 'commissaire',
  'secrétaire', 'ambassadeur', 'ambassadrice', 'procureur', 'procureure', 'juge', 'général', 'générale',
  'colonel', 'commandant', 'capitaine', 'lieutenant', 'inspecteur', 'inspectrice', 'chef', 'cheffe',
  'porte-parole', 'homologue', 'wali', 'gouverneur', 'préfet', 'préfète', 'maire', 'roi', 'reine',
  'prince', 'princesse', 'émir', 'conseiller', 'conseillère', 'administrateur', 'administratrice',
  'coordonnateur', 'coordonnatrice', 'coordinateur', 'coordinatrice', 'délégué', 'déléguée',
  'représentant', 'représentante', 'envoyé', 'envoyée', 'patron', 'patronne', 'haut-commissaire',
  'substitut', 'avocat', 'avocate', 'commissaire-divisionnaire', 'contrôleur', 'brigadier', 'adjudant',
  'sergent', 'caporal', 'pape', 'sultan', 'cheikh',
  // en
  'minister', 'ministers', 'president', 'director', 'secretary', 'commissioner', 'ambassador',
  'prosecutor', 'judge', 'general', 'colonel', 'commander', 'captain', 'lieutenant', 'inspector',
  'chief', 'head', 'spokesperson', 'spokesman', 'spokeswoman', 'counterpart', 'governor', 'mayor',
  'king', 'queen', 'prince', 'princess', 'emir', 'sheikh', 'adviser', 'advisor', 'coordinator',
  'delegate', 'representative', 'envoy', 'officer', 'superintendent', 'sergeant', 'detective',
  'chairman', 'chairwoman', 'chairperson', 'chair', 'undersecretary', 'attorney', 'constable',
  'pope', 'administrator', 'agent', 'investigator',
  // es
  'ministro', 'ministra', 'presidente', 'presidenta', 'director', 'directora', 'secretario',
  'secretaria', 'comisario', 'embajador', 'embajadora', 'fiscal', 'juez', 'jueza', 'general',
  'coronel', 'comandante', 'capitán', 'teniente', 'inspector', 'inspectora', 'jefe', 'jefa',
  'portavoz', 'homólogo', 'homóloga', 'gobernador', 'gobernadora', 'alcalde', 'alcaldesa', 'rey',
  'reina', 'príncipe', 'princesa', 'consejero', 'consejera', 'delegado', 'delegada', 'representante',
  'enviado', 'enviada', 'subdirector', 'subdirectora', 'vicepresidente', 'vicepresidenta', 'papa',
  'magistrado', 'magistrada', 'sargento', 'cabo', 'agente', 'exministro', 'exministra', 'expresidente',
  'expresidenta', 'exdirector', 'exdirectora',
]);

/** Plural roles: they name a group of people, never an organisation ("Police Chiefs"), and cue no single name. */
export const ROLE_PLURALS = folded([
  'chiefs', 'heads', 'officers', 'officials', 'agents', 'directors', 'commissioners', 'prosecutors',
  'judges', 'inspectors', 'representatives', 'delegates', 'experts', 'specialists', 'investigators',
  'members', 'leaders', 'staff', 'chefs', 'directeurs', 'responsables', 'officiers', 'fonctionnaires',
  'représentants', 'délégués', 'magistrats', 'enquêteurs', 'dirigeants', 'jefes', 'directores',
  'agentes', 'funcionarios', 'expertos', 'representantes', 'delegados', 'investigadores', 'mandos',
  'dirigentes', 'miembros', 'membres',
]);

/** Role words that are adjectives too, so they may continue an organisation's name ("Comisaría General", "Fiscalía Especial"). */
export const ADJECTIVAL_ROLE_WORDS = folded([
  'general', 'générale', 'principal', 'principale', 'superior', 'supérieur', 'supérieure', 'adjoint',
  'adjointe', 'adjunto', 'adjunta', 'special', 'spécial', 'spéciale', 'especial', 'national', 'nationale',
  'nacional', 'federal', 'fédéral', 'fédérale', 'regional', 'régional', 'régionale', 'provincial',
  'provinciale', 'central', 'centrale', 'executive', 'exécutif', 'ejecutivo', 'ejecutiva', 'délégué',
  'déléguée', 'divisionnaire', 'permanent', 'permanente',
]);

/** Words that qualify a role and may stand between it and the name ("Executive Director", "vice-Premier ministre"). */
export const ROLE_MODIFIERS = folded([
  'premier', 'première', 'vice', 'executive', 'deputy', 'chief', 'senior', 'acting', 'interim',
  'assistant', 'associate', 'adjoint', 'adjointe', 'délégué', 'principal', 'principale', 'special',
  'spécial', 'spéciale', 'high', 'haut', 'haute', 'first', 'prime', 'grand', 'sous', 'under', 'co',
  'former', 'ancien', 'ancienne', 'général', 'générale', 'general', 'fédéral', 'fédérale', 'federal',
  'primer', 'primera', 'segundo', 'segunda', 'ejecutivo', 'ejecutiva', 'adjunto', 'adjunta', 'interino',
  'interina', 'exministro', 'exministra', 'ex', 'national', 'nationale', 'nacional', 'regional',
  'régional', 'régionale', 'provincial', 'provinciale', 'divisionnaire', 'superior', 'supérieur',
]);

/** Roles after which a regnal number may follow the name ("le Roi Mohammed VI"). */
export const REGNAL_ROLES = folded([
  'roi', 'reine', 'king', 'queen', 'rey', 'reina', 'pape', 'pope', 'papa', 'sultan', 'emir', 'émir', 'majesté', 'majesty', 'majestad',
]);

/** Verbs of speech that follow a name ("Yoro Traoré a déclaré", "Fedotov said") or precede it ("said Francisca Bostyn"). */
export const SPEECH_VERBS = folded([
  // en
  'said', 'says', 'told', 'stated', 'noted', 'added', 'explained', 'declared', 'warned', 'stressed',
  'emphasised', 'emphasized', 'underlined', 'announced', 'affirmed', 'confirmed', 'commented',
  'remarked', 'insisted', 'recalled', 'highlighted', 'welcomed', 'argued', 'pointed', 'urged',
  'observed', 'indicated', 'reported', 'acknowledged', 'praised',
  // fr (participles after "a"/"s'est", and present tense)
  'déclaré', 'affirmé', 'souligné', 'indiqué', 'expliqué', 'précisé', 'ajouté', 'estimé', 'rappelé',
  'insisté', 'assuré', 'annoncé', 'confirmé', 'félicité', 'félicitée', 'salué', 'noté', 'relevé',
  'dit', 'déclare', 'affirme', 'souligne', 'indique', 'explique', 'précise', 'ajoute', 'estime',
  'rappelle', 'assure', 'annonce', 'confirme', 'note', 'relève', 'salue', 'martelé', 'plaidé',
  // es
  'declarado', 'señalado', 'afirmado', 'explicado', 'destacado', 'asegurado', 'indicado',
  'subrayado', 'anunciado', 'manifestado', 'dicho', 'advertido', 'declaró', 'afirmó', 'señaló',
  'explicó', 'destacó', 'dijo', 'subrayó', 'indicó', 'aseguró', 'anunció', 'manifestó', 'advirtió',
  'explica', 'señala', 'afirma', 'asegura', 'destaca', 'indica', 'recordó', 'recalcó', 'añadió',
]);

/** Prepositions that introduce a source ("selon Yoro Traoré", "according to ..."). */
export const SOURCE_PREPOSITIONS = folded(['selon', 'según', 'segun', 'd’après']);

/** Auxiliaries that may stand between a name and its speech verb ("a déclaré", "ha señalado", "s'est félicitée"). */
export const SPEECH_AUXILIARIES = folded(['a', 'avait', 'ha', 'había', 'has', 'had', 'est', 's', 'se', 'then', 'also', 'aussi', 'también']);

/** Articles allowed between an apposition comma and its role ("Yoro Traoré, l'inspecteur ..."). */
export const ARTICLES = folded(['le', 'la', 'l', 'les', 'un', 'une', 'the', 'a', 'an', 'el', 'los', 'las', 'its', 'son', 'sa', 'su', 'his', 'her', 'their', 'leur']);

// ---------------------------------------------------------------------------------------------
// Organisations.

/** Heads of organisation names, in every language: "Direction ...", "... Agency", "Comisaría ...". */
export const ORG_HEADS = folded([
  // fr
  'Direction', 'Directions', 'Service', 'Services', 'Agence', 'Police', 'Office', 'Ministère', 'Bureau',
  'Brigade', 'Institut', 'Commission', 'Commissariat', 'Conseil', 'Comité', 'Cour', 'Tribunal',
  'Parquet', 'Sûreté', 'Gendarmerie', 'Unité', 'Centre', 'Département', 'Préfecture', 'Délégation',
  'Inspection', 'Organisation', 'Fondation', 'Association', 'Académie', 'Université', 'Banque',
  'Secrétariat', 'Observatoire', 'Cellule', 'Autorité', 'Assemblée', 'Chambre', 'Garde', 'Forces',
  'Armée', 'Douane', 'Douanes', 'Groupe', 'Union', 'Ligue', 'Mission', 'Coalition',
  'Front', 'Mouvement', 'Parti', 'Caisse', 'Fonds', 'Agences', 'Haut-Commissariat', 'Division',
  'Sous-direction', 'Escadron', 'Compagnie', 'Régiment', 'Inspection', 'Cabinet', 'Conseils', 'Parlement',
  'Cartel', 'Clan',
  // es
  'Dirección', 'Comisaría', 'Fiscalía', 'Juzgado', 'Audiencia', 'Guardia', 'Policía', 'Unidad',
  'Centro', 'Ministerio', 'Servicio', 'Servicios', 'Agencia', 'Oficina', 'Brigada', 'Cuerpo', 'Fuerzas',
  'Jefatura', 'Delegación', 'Subdelegación', 'Secretaría', 'Consejo', 'Comisión', 'Tribunal', 'Corte',
  'Departamento', 'Instituto', 'Ejército', 'Armada', 'Organización', 'Asociación', 'Fundación',
  'Banco', 'Autoridad', 'Administración', 'Inspección', 'Mando', 'Comandancia', 'Subdirección',
  'Sección', 'Grupo', 'Frente', 'Movimiento', 'Partido', 'Observatorio', 'Universidad', 'Academia',
  'Unión', 'Liga', 'Misión', 'Gendarmería', 'Prefectura', 'Mossos', 'Ertzaintza', 'Parlamento',
  'Cártel', 'Cartel', 'Clan',
  // en
  'Ministry', 'Agency', 'Department', 'Bureau', 'Council', 'Court', 'Directorate', 'Administration',
  'Commission', 'Unit', 'Force', 'Forces', 'Command', 'Authority', 'Centre', 'Center', 'Institute',
  'Committee', 'Organisation', 'Organization', 'Association', 'Foundation', 'Bank', 'Secretariat',
  'Division', 'Squad', 'Taskforce', 'Assembly', 'Parliament', 'Guard', 'Constabulary',
  'Army', 'Navy', 'Corps', 'Academy', 'University', 'Board', 'Observatory', 'Cell', 'Prosecution',
  'Tribunal', 'Group', 'Movement', 'Party', 'League', 'Directorates', 'Agencies', 'Services',
  'Inspectorate', 'Commissariat', 'Network', 'Coalition', 'Alliance', 'Federation', 'Institution', 'Cartel',
]);

/** Heads that also open ordinary capitalised phrases, so they need a complement to count ("Union africaine" yes, "Union" alone no). */
export const WEAK_ORG_HEADS = folded(['Clan', 'Union', 'Unión', 'Front', 'Frente', 'Network', 'Group', 'Groupe', 'Grupo', 'Garde', 'Guard', 'Mission', 'Misión', 'Cabinet', 'Board', 'Cell', 'Cellule', 'Alliance', 'Coalition']);

/** Adjectives that may precede a head and belong to the name ("Haute commission", "Haut-Commissariat", "High Commission"). */
export const HEAD_PREFIXES = folded(['haut', 'haute', 'grand', 'grande', 'high', 'alto', 'alta', 'gran', 'suprême', 'supreme', 'supremo', 'suprema']);

/** Connectors that link a head to its complement, per language. The second list is what may follow the first word ("de la", "of the"). */
export const ORG_CONNECTORS: Readonly<Record<string, { first: ReadonlySet<string>; second: ReadonlySet<string> }>> = {
  fr: { first: folded(['de', 'du', 'des', 'd']), second: folded(['la', 'l']) },
  es: { first: folded(['de', 'del']), second: folded(['la', 'los', 'las', 'l']) },
  en: { first: folded(['of', 'for', 'on']), second: folded(['the']) },
};

/** Coordinating conjunctions that may join two capitalised parts of one name ("Office on Drugs and Crime"). */
export const COORDINATORS = folded(['et', 'y', 'e', 'and', '&']);

/** Words that number a court or unit ("Juzgado ... Número 6", "Unit No 3"). */
export const NUMBER_WORDS = folded(['numéro', 'número', 'number', 'no', 'nº', 'n', 'num', 'núm', 'nr']);

/** French adjectives that carry no telling suffix but occur after organisational heads. */
export const ORG_ADJECTIVES = folded([
  'mixte', 'mixtes', 'unique', 'suprême', 'conjoint', 'conjointe', 'permanent', 'permanente',
  'antidrogue', 'anticorruption', 'antigang', 'antiterroriste', 'interarmées', 'intégré', 'intégrée',
  'spécialisé', 'spécialisée', 'unifié', 'unifiée', 'autonome', 'indépendant', 'indépendante',
  'supérieur', 'supérieure', 'extérieur', 'extérieure', 'intérieur', 'intérieure', 'haut', 'haute',
  // es
  'mixto', 'mixta', 'conjunto', 'conjunta', 'especializado', 'especializada', 'militar', 'nuclear',
  'popular', 'consular', 'peninsular', 'superior', 'exterior', 'interior', 'integrado', 'integrada',
  'permanente', 'autónomo', 'autónoma', 'independiente',
]);

/** Adjective endings that a capitalised word may carry inside an organisation name ("Unidad Central Operativa", "Police Judiciaire"); first names rarely end so. */
export const CAPITALISED_ADJECTIVE_SUFFIXES: readonly string[] = [
  'al', 'ale', 'ales', 'aux', 'ique', 'iques', 'if', 'ive', 'ifs', 'ives', 'ivo', 'iva', 'ivos', 'ivas',
  'aire', 'aires', 'ico', 'ica', 'icos', 'icas', 'ario', 'aria', 'arios', 'arias', 'ienne', 'iennes',
  'ense', 'enses', 'iste', 'istes', 'ista', 'istas', 'ial', 'iale', 'ieure', 'eure',
  'een', 'eenne', 'peo', 'pea', 'neo', 'nea',
  'iere', 'ieres', 'ero', 'era', 'eros', 'eras', // Financière, Douanière; Aduanera, Financiero
];

/** Plural adjective endings: a capitalised word ending so is not a name ("Estudios Estratégicos", "Forces Armées"). */
export const PLURAL_ADJECTIVE_SUFFIXES: readonly string[] = [
  'icos', 'icas', 'ivos', 'ivas', 'iques', 'ales', 'aux', 'ives', 'ifs', 'arios', 'arias', 'aires',
  'istas', 'istes', 'iennes', 'enses', 'ados', 'adas', 'idos', 'idas', 'ees',
];

/** Suffixes of French and Spanish adjectives that continue an organisation name ("fédérale", "judiciaire", "nacional"). */
export const ADJECTIVE_SUFFIXES: readonly string[] = [
  // fr (folded)
  'al', 'ale', 'aux', 'ales', 'el', 'elle', 'els', 'elles', 'ien', 'ienne', 'iens', 'iennes', 'ique',
  'iques', 'if', 'ive', 'ifs', 'ives', 'aire', 'aires', 'ais', 'aise', 'aises', 'ain', 'aine', 'ains',
  'aines', 'iste', 'istes', 'ier', 'iere', 'iers', 'ieres', 'eur', 'eure', 'eurs', 'ial', 'iale',
  'een', 'eenne', 'eens', 'eennes', // européen, méditerranéen
  // es
  'ales', 'ico', 'ica', 'icos', 'icas', 'ivo', 'iva', 'ivos', 'ivas', 'ario', 'aria', 'arios', 'arias',
  'ano', 'ana', 'anos', 'anas', 'ense', 'enses', 'ista', 'istas', 'ior', 'iores',
  'peo', 'pea', 'peos', 'peas', 'neo', 'nea', 'neos', 'neas', // europeo, mediterráneo
];

/** Pre-nominal French and Spanish adjectives after "de" ("Tribunal de première instance"). */
export const PRENOMINAL_ADJECTIVES = folded([
  'premier', 'première', 'second', 'seconde', 'deuxième', 'troisième', 'grand', 'grande', 'haut',
  'haute', 'petit', 'petite', 'nouveau', 'nouvelle', 'primera', 'primer', 'segunda', 'gran', 'alta', 'alto',
]);

/** Words that, capitalised, start an event or a product rather than an organisation or a person. */
export const EVENT_WORDS = folded([
  'Coupe', 'Cup', 'Copa', 'Jeux', 'Games', 'Juegos', 'Championnat', 'Championship', 'Campeonato',
  'Mundial', 'Mondial', 'Sommet', 'Summit', 'Cumbre', 'Conférence', 'Conference', 'Conferencia',
  'Forum', 'Foro', 'Festival', 'Salon', 'Expo', 'Exposition', 'Olympiques', 'Olympic', 'Olympics',
  'Olímpicos', 'Marathon', 'Rallye', 'Rally', 'Édition', 'Edition', 'Edición', 'Journée', 'Día', 'Day',
  'Semaine', 'Week', 'Semana', 'Année', 'Year', 'Año', 'Prix', 'Prize', 'Premio', 'Award', 'Trophée',
  'Trophy', 'Fête', 'Fiesta', 'Exercise', 'Exercice', 'Ejercicio', 'Dialogue', 'Diálogo', 'Processus',
  'Process', 'Proceso', 'Initiative', 'Iniciativa', 'Plan', 'Programme', 'Program', 'Programa',
  'Projet', 'Project', 'Proyecto', 'Stratégie', 'Strategy', 'Estrategia', 'Pacte', 'Pact', 'Pacto',
  'Convention', 'Convención', 'Convenio', 'Protocole', 'Protocol', 'Protocolo', 'Traité', 'Treaty',
  'Tratado', 'Accord', 'Agreement', 'Acuerdo', 'Déclaration', 'Declaration', 'Declaración', 'Charte',
  'Charter', 'Carta', 'Résolution', 'Resolution', 'Resolución', 'Loi', 'Law', 'Ley', 'Act', 'Code',
  'Código', 'Rapport', 'Report', 'Informe', 'Notice', 'Notices', 'Warrant', 'Mandat', 'Opération',
  'Operation', 'Operación', 'Operativo', 'Op', 'Campagne', 'Campaign', 'Campaña', 'Réunion', 'Meeting',
  'Reunión', 'Session', 'Sesión', 'Séminaire', 'Seminar', 'Seminario', 'Atelier', 'Workshop', 'Taller',
  'Symposium', 'Colloque', 'Congrès', 'Congress', 'Salon', 'Show', 'Match', 'Tournoi', 'Tournament',
  'Torneo', 'Ligue', 'League', 'Liga',
]);

/** Words that introduce an operation or code name: what follows is not a person ("l'opération Weka II", "Operation Pangea"). */
export const NAMING_CUES = folded([
  'opération', 'operation', 'operación', 'operativo', 'operação', 'op', 'code', 'baptisée', 'baptisé',
  'dénommée', 'dénommé', 'nommée', 'intitulée', 'intitulé', 'denominada', 'denominado', 'llamada',
  'llamado', 'bautizada', 'bautizado', 'dubbed', 'named', 'codenamed', 'code-named', 'called', 'titled',
  'entitled', 'exercice', 'exercise', 'ejercicio', 'campagne', 'campaign', 'campaña', 'programme',
  'program', 'programa', 'projet', 'project', 'proyecto', 'plan', 'initiative', 'iniciativa',
  'navire', 'ship', 'vessel', 'buque', 'bateau', 'vol', 'flight', 'vuelo', 'hashtag', 'application',
  'app', 'plateforme', 'platform', 'plataforma', 'site', 'website', 'marque', 'brand', 'marca',
  'logiciel', 'software', 'malware', 'ransomware', 'rançongiciel', 'virus', 'botnet', 'réseau',
  'messagerie', 'messaging', 'mensajería', 'messenger', 'chiffrée', 'encrypted', 'cifrada', 'forum',
  'journal', 'quotidien', 'newspaper', 'diario', 'periódico', 'magazine', 'hebdomadaire', 'revista',
  'chaîne', 'channel', 'cadena', 'radio', 'agence', 'titre', 'slogan', 'lema', 'motto', 'nom', 'alias',
  'pseudonyme', 'pseudonym', 'surnommé', 'surnommée', 'apodado', 'apodada', 'nicknamed', 'alias',
]);

/** Nouns of places: a capitalised run after them and "de"/"of" is a place ("la région de Tanger-Tétouan", "the city of Port Harcourt"). */
export const PLACE_NOUNS = folded([
  'région', 'province', 'ville', 'commune', 'localité', 'quartier', 'préfecture', 'wilaya', 'département',
  'district', 'village', 'île', 'port', 'aéroport', 'frontière', 'capitale', 'city', 'town', 'region',
  'county', 'state', 'island', 'capital', 'municipality', 'village', 'airport', 'región', 'provincia',
  'ciudad', 'localidad', 'municipio', 'pueblo', 'barrio', 'isla', 'puerto', 'aeropuerto', 'comunidad',
  'capital', 'estado', 'gouvernorat', 'governorate', 'oblast', 'cercle', 'arrondissement', 'canton',
]);

/** Heads that name an institution even in lower case when a capitalised portfolio follows ("le ministère de la Justice", "la sûreté de l'État"). */
export const LOWERCASE_HEADS = folded([
  'ministère', 'ministerio', 'sûreté', 'secrétariat', 'secretaría', 'département', 'departamento',
  'direction', 'dirección', 'délégation', 'delegación', 'inspection', 'inspección', 'haut-commissariat',
]);

// ---------------------------------------------------------------------------------------------
// Names of people.

/** Particles inside personal names ("Paul Van Tigchelt", "Mohamed Ould Ghazouani", "Luiz da Silva"). */
export const NAME_PARTICLES = folded([
  'de', 'van', 'von', 'der', 'den', 'ben', 'ould', 'el', 'al', 'abu', 'abou', 'bin', 'ibn', 'da', 'das',
  'dos', 'do', 'del', 'della', 'di', 'du', 'le', 'la', 'ter', 'ten', 'ait', 'aït', 'bou', 'mac', 'ag', 'uld',
]);

/** Particles that are also articles or prepositions: capitalised at the start of a sentence they are not part of a name. */
export const ARTICLE_PARTICLES = folded(['de', 'del', 'du', 'des', 'da', 'di', 'dos', 'das', 'do', 'le', 'la', 'el', 'al', 'y', 'van', 'von']);

/** First words of multi-word place names ("San Sebastián", "Addis Abeba", "New York", "Las Palmas"). */
export const PLACE_PREFIXES = folded([
  'San', 'Santa', 'Santo', 'São', 'Sao', 'New', 'Saint', 'Sainte', 'St', 'Ste', 'Port', 'Puerto', 'Porto',
  'Las', 'Los', 'Rio', 'Río', 'Tel', 'Kuala', 'Dar', 'Addis', 'Beni', 'Ksar', 'Bir',
  'Ain', 'Aïn', 'Oued', 'Wadi', 'Cap', 'Cape', 'Mont', 'Mount', 'Lake', 'Lac', 'Golfe', 'Gulf', 'Île',
  'Isla', 'Islas', 'Ciudad', 'Nueva', 'Nuevo', 'Nouvelle', 'Nouveau', 'Novo', 'Nova', 'North', 'South',
  'East', 'West', 'Nord', 'Sud', 'Est', 'Ouest', 'Norte', 'Sur', 'Este', 'Oeste', 'Upper', 'Lower',
  'Haute', 'Basse', 'Alto', 'Bajo', 'Baja', 'Greater', 'Grand', 'Grande', 'Ras', 'Sharm', 'Bandar',
  'Hassi', 'Tizi', 'Djebel', 'Jebel', 'Sidi', 'Bab', 'Place', 'Rue', 'Avenue', 'Boulevard', 'Quai',
  'Calle', 'Plaza', 'Paseo', 'Avenida', 'Carrer', 'Street', 'Route', 'Chemin', 'Impasse', 'Allée',
]);

/** Words that describe a generic unit of any body ("Press Office", "Service de presse"): alone they name no organisation. */
export const GENERIC_UNIT_WORDS = folded([
  'press', 'presse', 'prensa', 'media', 'médias', 'medios', 'communication', 'communications',
  'comunicación', 'contact', 'contacts', 'contacto', 'relations', 'publiques', 'relaciones', 'públicas',
  'human', 'resources', 'ressources', 'humaines', 'recursos', 'humanos', 'accueil', 'reception',
  'recepción', 'information', 'informations', 'información', 'protocol', 'protocole', 'protocolo',
  'secretariat', 'courrier', 'mail', 'correo', 'web', 'digital', 'numérique',
]);

/** Last words of multi-word place names ("Dar es Salaam" aside, "Kansas City", "Canary Islands"). */
export const PLACE_SUFFIXES = folded([
  'City', 'Island', 'Islands', 'Beach', 'Bay', 'Valley', 'Province', 'County', 'Region', 'Région',
  'District', 'Oblast', 'Governorate', 'Gouvernorat', 'Wilaya', 'Prefecture', 'Town', 'Village',
  'Port', 'Airport', 'Aéroport', 'Aeropuerto', 'Street', 'Road', 'Avenue', 'Boulevard', 'Square',
  'Place', 'Rue', 'Calle', 'Plaza', 'Strait', 'Détroit', 'Estrecho', 'River', 'Fleuve', 'Río',
  'Mountains', 'Desert', 'Désert', 'Hills', 'Park', 'Parc', 'Parque', 'Stadium', 'Stade', 'Estadio',
  'Hotel', 'Hôtel', 'Palace', 'Palais', 'Palacio', 'Hall', 'Tower', 'Tour', 'Torre',
]);

/** Prepositions of place: a capitalised run right after them is a place unless a title says otherwise ("à Addis-Abeba", "in New York"). */
export const LOCATIVE_PREPOSITIONS: ReadonlySet<string> = new Set(['à', 'au', 'aux', 'en', 'in', 'at', 'near', 'à', 'hacia', 'vers', 'desde', 'from', 'to', 'via', 'depuis']);

/** Suffixes of abstract nouns: a capitalised word ending so is a concept, not a name ("Cooperation", "Inteligencia"). */
export const NOUN_SUFFIXES: readonly string[] = [
  'tion', 'tions', 'sion', 'sions', 'ment', 'ments', 'ity', 'ities', 'ness', 'isme', 'ism', 'ance',
  'ence', 'ances', 'ences', 'cion', 'ciones', 'dad', 'dades', 'miento', 'mientos', 'ismo', 'encia',
  'ancia', 'ology', 'ologie', 'ologia', 'ship', 'hood', 'ite', 'ites', 'ique', 'iques', 'aire', 'ing',
  'ings', 'mente', 'eurs', 'ables', 'able', 'ible', 'ives', 'ive', 'ous', 'ical', 'ional', 'ated',
  'ized', 'ised',
];

/** Given names whose shape would otherwise look like a concept noun ("Dominique", "Fleming"); they escape NOUN_SUFFIXES. */
export const NAMES_WITH_NOUN_SUFFIX = folded([
  'Dominique', 'Véronique', 'Monique', 'Angélique', 'Jessica', 'Angelique', 'Ida', 'Aida', 'Aïda',
  'Hamida', 'Farida', 'Saida', 'Saïda', 'Rachida', 'Zahida', 'Majida', 'Naima', 'Hamada', 'Ada',
  'Mercado', 'Machado', 'Delgado', 'Prado', 'Salgado', 'Hurtado', 'Alvarado', 'Coronado', 'Maldonado',
  'Estrada', 'Miranda', 'Almeida', 'Arruda', 'Fernanda', 'Obama', 'Ali', 'Khalida', 'Mohamed',
  'Reading', 'King', 'Young', 'Fleming', 'Manning', 'Browning', 'Kipling', 'Harding', 'Cummings',
  'Hastings', 'Jennings', 'Stirling', 'Sterling', 'Darling', 'Golding', 'Bowling', 'Kelly', 'Emily',
  'Beverly', 'Holly', 'Sally', 'Molly', 'Polly', 'Billy', 'Lily', 'Lilly', 'Ely', 'Ably', 'Ferrari',
  'Ahmed', 'Ahmad', 'Zeinab', 'Fatima', 'Amina', 'Khadija', 'Yamina', 'Aminata', 'Ousmane', 'Moussa',
  'Claire', 'Voltaire', 'Florence', 'Laurence', 'Clarence', 'Constance', 'Lawrence', 'Terrence',
  'Terence', 'Clément', 'Clement', 'Marguerite', 'Innocence', 'Providence', 'Prudence', 'Soledad',
  'Caridad', 'Piedad', 'Concepción', 'Asunción', 'Encarnación', 'Purificación', 'Florencia',
]);

// ---------------------------------------------------------------------------------------------
// Words that are never names on their own.

/** Months in fr, en, es. */
export const MONTHS = folded([
  'janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre',
  'novembre', 'décembre', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august',
  'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
  'sep', 'sept', 'oct', 'nov', 'dec', 'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio',
  'agosto', 'septiembre', 'setiembre', 'octubre', 'noviembre', 'diciembre',
]);

/** Weekdays in fr, en, es. */
export const WEEKDAYS = folded([
  'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'monday', 'tuesday',
  'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'lunes', 'martes', 'miércoles', 'jueves',
  'viernes', 'sábado', 'domingo',
]);

/** Function words of fr, en, es: capitalised, they open a sentence or a heading, never a name. */
export const FUNCTION_WORDS = folded([
  // fr
  'le', 'la', 'les', 'l', 'un', 'une', 'des', 'du', 'de', 'd', 'et', 'ou', 'mais', 'donc', 'or', 'ni',
  'car', 'en', 'a', 'au', 'aux', 'à', 'dans', 'par', 'pour', 'sur', 'avec', 'sans', 'sous', 'entre',
  'vers', 'chez', 'selon', 'lors', 'depuis', 'pendant', 'après', 'avant', 'contre', 'ce', 'cet',
  'cette', 'ces', 'son', 'sa', 'ses', 'leur', 'leurs', 'notre', 'nos', 'votre', 'vos', 'mon', 'ma',
  'mes', 'il', 'elle', 'ils', 'elles', 'on', 'nous', 'vous', 'je', 'tu', 'qui', 'que', 'qu', 'quoi',
  'dont', 'où', 'quel', 'quelle', 'quels', 'quelles', 'lequel', 'laquelle', 'tout', 'tous', 'toute',
  'toutes', 'plusieurs', 'chaque', 'aucun', 'aucune', 'autre', 'autres', 'certains', 'certaines',
  'même', 'ainsi', 'aussi', 'alors', 'enfin', 'puis', 'ensuite', 'cependant', 'toutefois',
  'néanmoins', 'pourtant', 'également', 'notamment', 'surtout', 'ici', 'là', 'oui', 'non', 'si',
  'comme', 'quand', 'lorsque', 'parce', 'puisque', 'afin', 'près', 'plus', 'moins', 'très', 'trop',
  'bien', 'c', 'j', 'n', 's', 'y', 'dès', 'outre', 'parmi', 'grâce', 'face', 'suite', 'concernant',
  'durant', 'hier', 'aujourd', 'demain', 'déjà', 'encore', 'désormais', 'actuellement', 'selon',
  'voici', 'voilà', 'celui', 'celle', 'ceux', 'celles', 'cela', 'ceci', 'ça', 'rien', 'personne',
  'jusqu', 'lorsqu', 'puisqu', 'quelque', 'quelques', 'tel', 'telle', 'tels', 'telles', 'environ',
  'près', 'au-delà', 'pourquoi', 'comment', 'combien', 'mme', 'mr', 'via', 'dans', 'ledit', 'ladite',
  // en
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'its', 'he', 'she', 'they', 'we', 'you',
  'i', 'his', 'her', 'their', 'our', 'your', 'my', 'who', 'whom', 'whose', 'which', 'what', 'when',
  'where', 'why', 'how', 'there', 'here', 'all', 'any', 'some', 'each', 'every', 'both', 'either',
  'neither', 'no', 'not', 'and', 'or', 'but', 'nor', 'so', 'yet', 'for', 'of', 'in', 'on', 'at', 'by',
  'to', 'from', 'with', 'without', 'within', 'into', 'onto', 'upon', 'about', 'above', 'below',
  'after', 'before', 'during', 'since', 'until', 'while', 'as', 'if', 'than', 'then', 'thus',
  'however', 'moreover', 'furthermore', 'meanwhile', 'also', 'still', 'already', 'just', 'only',
  'even', 'such', 'many', 'much', 'more', 'most', 'few', 'several', 'other', 'another', 'same',
  'own', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'can',
  'could', 'should', 'may', 'might', 'must', 'do', 'does', 'did', 'over', 'under', 'between',
  'against', 'among', 'through', 'across', 'following', 'including', 'according', 'despite',
  'although', 'though', 'because', 'whether', 'once', 'today', 'yesterday', 'tomorrow', 'overall',
  'together', 'further', 'additionally', 'finally', 'firstly', 'secondly', 'recently', 'currently',
  'later', 'earlier', 'now', 'never', 'always', 'often', 'around', 'almost', 'nearly', 'last', 'next',
  'per', 'via', 'out', 'up', 'off', 'down', 'let', 'its', 'one', 'two', 'three', 'four',
  'five', 'six', 'seven', 'eight', 'nine', 'ten', 'hundreds', 'thousands', 'dozens', 'millions',
  // es
  'el', 'la', 'los', 'las', 'lo', 'un', 'una', 'unos', 'unas', 'y', 'e', 'o', 'u', 'ni', 'pero',
  'sino', 'que', 'de', 'del', 'al', 'a', 'en', 'con', 'por', 'para', 'sin', 'sobre', 'entre', 'hacia',
  'hasta', 'desde', 'durante', 'según', 'tras', 'ante', 'bajo', 'contra', 'este', 'esta', 'estos',
  'estas', 'ese', 'esa', 'esos', 'esas', 'aquel', 'aquella', 'su', 'sus', 'mi', 'mis', 'tu', 'tus',
  'nuestro', 'nuestra', 'nuestros', 'nuestras', 'él', 'ella', 'ellos', 'ellas', 'nosotros', 'usted',
  'ustedes', 'se', 'le', 'les', 'quien', 'quienes', 'cual', 'cuales', 'cuyo', 'cuya', 'donde',
  'cuando', 'como', 'también', 'además', 'asimismo', 'así', 'embargo', 'no', 'sí', 'ya', 'muy',
  'más', 'menos', 'todo', 'toda', 'todos', 'todas', 'otro', 'otra', 'otros', 'otras', 'cada',
  'varios', 'varias', 'mismo', 'misma', 'dicho', 'dicha', 'dichos', 'dichas', 'tanto', 'mientras',
  'porque', 'aunque', 'pues', 'luego', 'después', 'antes', 'ahora', 'hoy', 'ayer', 'mañana', 'allí',
  'aquí', 'qué', 'cómo', 'dónde', 'cuándo', 'es', 'son', 'fue', 'fueron', 'ha', 'han', 'hay',
  'había', 'mediante', 'respecto', 'acerca', 'dentro', 'fuera', 'junto', 'cerca', 'lejos', 'tal',
  'tales', 'alrededor', 'finalmente', 'actualmente', 'igualmente', 'paralelamente', 'concretamente',
]);

/**
 * Capitalised words that are not names of people: generic nouns and adjectives of institutional
 * language, political entities, portfolios, religion and calendar, in fr, en and es. They split a
 * capitalised run into possible names ("ministre de la Justice Paul Van Tigchelt" keeps the person)
 * but may still belong to an organisation name after a head.
 */
export const COMMON_CAPITALISED = folded([
  // states and governments
  'État', 'Etat', 'États', 'State', 'States', 'Estado', 'Estados', 'Gouvernement', 'Government',
  'Gobierno', 'Royaume', 'Kingdom', 'Reino', 'République', 'Republic', 'República', 'Empire',
  'Imperio', 'Nation', 'Nations', 'Naciones', 'Member', 'Members', 'Membre', 'Membres', 'Miembro',
  'Miembros', 'Majesté', 'Majesty', 'Majestad', 'SM', 'SAR', 'HM', 'Son', 'Sa', 'His', 'Her',
  'Excellence', 'Excellency', 'Excelencia', 'Altesse', 'Highness', 'Alteza', 'Honorable',
  'Royal', 'Royale', 'Real', 'Federal', 'Fédéral', 'Fédérale', 'National', 'Nationale', 'Nacional',
  'International', 'Internationale', 'Internacional', 'Central', 'Centrale', 'General', 'Général',
  'Générale', 'Regional', 'Régional', 'Régionale', 'Public', 'Publique', 'Pública', 'Público',
  'Supreme', 'Suprême', 'Supremo', 'Suprema', 'High', 'Haut', 'Haute', 'Alto', 'Alta', 'Joint',
  'Conjoint', 'Conjointe', 'Conjunto', 'Conjunta', 'Special', 'Spécial', 'Spéciale', 'Especial',
  'Global', 'Mondial', 'Mondiale', 'World', 'Monde', 'Mundo', 'Universal', 'Universel', 'United',
  'Unies', 'Unidas', 'Uni', 'Unis', 'Unidos', 'Arab', 'Arabe', 'Árabe', 'Islamic', 'Islamique',
  'Islámico', 'Islámica', 'Democratic', 'Démocratique', 'Democrática', 'People', 'Popular',
  'Populaire', 'Federation', 'Fédération', 'Federación', 'Confederation', 'Confédération',
  'Commonwealth', 'Territory', 'Territoire', 'Territorio', 'Union', 'Unión', 'European', 'Européenne',
  'Europea', 'African', 'Africaine', 'Africana', 'Western', 'Eastern', 'Northern', 'Southern',
  'Occidental', 'Oriental', 'Septentrional', 'Méridional',
  // portfolios and fields
  'Security', 'Sécurité', 'Seguridad', 'Justice', 'Justicia', 'Interior', 'Intérieur', 'Defence',
  'Defense', 'Défense', 'Defensa', 'Affairs', 'Affaires', 'Asuntos', 'Foreign', 'Étrangères',
  'Etrangères', 'Exteriores', 'Exterior', 'Extérieures', 'Home', 'Internal', 'Interne', 'Interno',
  'Homeland', 'Health', 'Santé', 'Sanidad', 'Salud', 'Finance', 'Finances', 'Finanzas', 'Hacienda',
  'Treasury', 'Trésor', 'Economy', 'Économie', 'Economía', 'Education', 'Éducation', 'Educación',
  'Transport', 'Transports', 'Transporte', 'Agriculture', 'Agricultura', 'Commerce', 'Comercio',
  'Trade', 'Industry', 'Industrie', 'Industria', 'Energy', 'Énergie', 'Energía', 'Environment',
  'Environnement', 'Labour', 'Labor', 'Travail', 'Trabajo', 'Employment', 'Emploi', 'Empleo',
  'Culture', 'Cultura', 'Tourism', 'Tourisme', 'Turismo', 'Communication', 'Communications',
  'Information', 'Información', 'Informations', 'Intelligence', 'Renseignement', 'Renseignements',
  'Inteligencia', 'Investigation', 'Investigations', 'Enquête', 'Enquêtes', 'Investigación',
  'Crime', 'Crimes', 'Criminal', 'Criminelle', 'Criminel', 'Crimen', 'Police', 'Policía', 'Drug',
  'Drugs', 'Drogue', 'Drogues', 'Droga', 'Drogas', 'Cyber', 'Cybercrime', 'Terrorism', 'Terrorisme',
  'Terrorismo', 'Counter', 'Counterterrorism', 'Anti', 'Lutte', 'Lucha', 'Fight', 'Control',
  'Contrôle', 'Border', 'Borders', 'Frontière', 'Frontières', 'Frontera', 'Fronteras', 'Migration',
  'Migrations', 'Immigration', 'Inmigración', 'Migración', 'Asylum', 'Asile', 'Asilo', 'Human',
  'Humain', 'Humains', 'Humanos', 'Rights', 'Droits', 'Derechos', 'Law', 'Enforcement', 'Prevention',
  'Prévention', 'Prevención', 'Cooperation', 'Coopération', 'Cooperación', 'Coordination',
  'Coordinación', 'Development', 'Développement', 'Desarrollo', 'Relations', 'Relaciones', 'Civil',
  'Civile', 'Military', 'Militaire', 'Militar', 'Armed', 'Armées', 'Armadas', 'Army', 'Navy', 'Air',
  'Naval', 'Staff', 'Support', 'Operations', 'Opérations', 'Operaciones', 'Operational',
  'Opérationnel', 'Opérationnelle', 'Operativo', 'Operativa', 'Task', 'Team', 'Équipe', 'Equipe',
  'Equipo', 'Network', 'Réseau', 'Red', 'Networks', 'Digital', 'Numérique', 'Online', 'Internet',
  'Web', 'Dark', 'Darknet', 'Net', 'Cloud', 'Data', 'Données', 'Datos', 'Financial', 'Financière',
  'Financier', 'Financiera', 'Financiero', 'Money', 'Laundering', 'Organised', 'Organized', 'Organisé',
  'Organisée', 'Organizado', 'Organizada', 'Transnational', 'Transnationale', 'Transnacional',
  'Serious', 'Child', 'Children', 'Women', 'Youth', 'Jeunesse', 'Juventud', 'Victims', 'Victimes',
  'Víctimas', 'Protection', 'Protección', 'Safety', 'Emergency', 'Urgence', 'Emergencia', 'Response',
  'Réponse', 'Respuesta', 'Threat', 'Threats', 'Menace', 'Menaces', 'Amenaza', 'Amenazas',
  'Assessment', 'Evaluation', 'Évaluation', 'Evaluación', 'Analysis', 'Analyse', 'Análisis',
  'Training', 'Formation', 'Formación', 'Capacity', 'Building', 'Action', 'Acción', 'Mutual',
  'Legal', 'Judicial', 'Judiciaire', 'Judicial', 'Penal', 'Pénal', 'Pénale', 'Criminal', 'Civil',
  'Maritime', 'Marítimo', 'Marítima', 'Aviation', 'Aviación', 'Customs', 'Douane', 'Douanes',
  'Aduanas', 'Aduana', 'Fiscal', 'Tax', 'Taxes', 'Impôts', 'Impuestos', 'Trafficking', 'Smuggling',
  'Traite', 'Trafic', 'Tráfico', 'Trata', 'Stupéfiants', 'Narcotics', 'Estupefacientes', 'Weapons',
  'Armes', 'Armas', 'Firearms', 'Explosives', 'Explosifs', 'Explosivos', 'Fraud', 'Fraude',
  'Corruption', 'Corrupción', 'Extremism', 'Extrémisme', 'Extremismo', 'Radicalisation',
  'Radicalization', 'Radicalización', 'Violence', 'Violencia', 'Violent', 'Violente',
  'Cooperative', 'Partnership', 'Partenariat', 'Asociación', 'Peace', 'Paix', 'War', 'Guerre',
  'Guerra', 'Conflict', 'Conflit', 'Conflicto', 'Aide', 'Ayuda', 'Humanitarian', 'Humanitaire',
  'Humanitaria', 'Strategic', 'Stratégique', 'Estratégico', 'Estratégica', 'Technical', 'Technique',
  'Técnico', 'Técnica', 'Scientific', 'Scientifique', 'Científico', 'Científica', 'Forensic',
  'Forensics', 'Forensique', 'Forensiques', 'Forense', 'Sciences', 'Science', 'Ciencias', 'Ciencia',
  // roles written with a capital
  'Minister', 'Ministre', 'Ministro', 'Ministra', 'President', 'Président', 'Présidente',
  'Presidente', 'Presidenta', 'Prime', 'Premier', 'Première', 'Primer', 'Primera', 'Secretary',
  'Secrétaire', 'Secretario', 'Secretaria', 'Director', 'Directeur', 'Directrice', 'Directora',
  'Executive', 'Exécutif', 'Ejecutivo', 'Ejecutiva', 'Chief', 'Chef', 'Jefe', 'Jefa', 'Head',
  'Commissioner', 'Commissaire', 'Comisario', 'Deputy', 'Adjoint', 'Adjointe', 'Adjunto', 'Adjunta',
  'Vice', 'Ambassador', 'Ambassadeur', 'Embajador', 'Embajadora', 'Officer', 'Officier', 'Oficial',
  'Agent', 'Agente', 'Spokesperson', 'Spokesman', 'Spokeswoman', 'Porte-parole', 'Portavoz',
  'Inspector', 'Inspecteur', 'Colonel', 'Coronel', 'Captain', 'Capitaine', 'Capitán', 'Commander',
  'Commandant', 'Comandante', 'Lieutenant', 'Teniente', 'Sergeant', 'Sergent', 'Sargento', 'Judge',
  'Juge', 'Juez', 'Prosecutor', 'Procureur', 'Fiscal', 'Attorney', 'Governor', 'Gouverneur',
  'Gobernador', 'Mayor', 'Maire', 'Alcalde', 'King', 'Roi', 'Rey', 'Queen', 'Reine', 'Reina',
  'Prince', 'Príncipe', 'Princess', 'Princesse', 'Princesa', 'Emir', 'Émir', 'Sultan', 'Pope', 'Pape',
  'Papa', 'Wali', 'Préfet', 'Prefect', 'Delegate', 'Délégué', 'Delegado', 'Representative',
  'Représentant', 'Representante', 'Envoy', 'Envoyé', 'Enviado', 'Adviser', 'Advisor', 'Conseiller',
  'Consejero', 'Coordinator', 'Coordinateur', 'Coordonnateur', 'Coordinador', 'Administrator',
  'Administrateur', 'Administratrice', 'Chairman', 'Chairperson', 'Chair', 'Counterpart',
  'Homologue', 'Homólogo', 'Superintendent', 'Detective', 'Constable', 'Undersecretary', 'Senior',
  'Acting', 'Interim', 'Former', 'Ancien', 'Ancienne', 'Mister', 'Madam', 'Madame', 'Monsieur',
  'Señor', 'Señora', 'Excmo', 'Excma', 'Ilmo', 'Ilma',
  // religion, calendar, miscellany
  'Dieu', 'God', 'Dios', 'Allah', 'Islam', 'Islám', 'Coran', 'Quran', 'Koran', 'Corán', 'Ramadan',
  'Ramadán', 'Aïd', 'Aid', 'Eid', 'Noël', 'Christmas', 'Navidad', 'Pâques', 'Easter', 'Pascua',
  'Covid', 'COVID', 'Coronavirus', 'App', 'Apps', 'Store', 'Play', 'Twitter', 'LinkedIn', 'Facebook',
  'Instagram', 'YouTube', 'WhatsApp', 'Telegram', 'TikTok', 'Google', 'Android', 'Apple', 'Microsoft',
  'Snapchat', 'Bitcoin', 'Club', 'Athletic', 'Atlético', 'Sporting', 'Racing', 'Olympique', 'FC',
  'Football', 'Fútbol', 'Follow', 'Suivez', 'Síguenos', 'Download', 'Télécharger', 'Descargar', 'Note', 'Nota', 'Contact', 'Contacts', 'Contacto', 'Source',
  'Sources', 'Photo', 'Foto', 'Video', 'Vidéo', 'Communiqué', 'Comunicado', 'Press',
  'Presse', 'Prensa', 'Release', 'News', 'Nouvelles', 'Noticias', 'Update', 'Mise', 'Jour', 'Lire',
  'Read', 'Leer', 'Voir', 'See', 'Ver', 'Click', 'Cliquez', 'Haga', 'Share', 'Partager', 'Compartir',
  'Background', 'Contexte', 'Antecedentes', 'Editors', 'Rédaction', 'Redacción', 'Total', 'Bilan',
  'Balance', 'Résultats', 'Results', 'Resultados', 'Chiffres', 'Figures', 'Cifras', 'Key', 'Clés',
  'Claves', 'Main', 'Principaux', 'Principales', 'Highlights', 'Summary', 'Résumé', 'Resumen',
  'Annex', 'Annexe', 'Anexo', 'Page', 'Página', 'Section', 'Sección', 'Chapter', 'Chapitre',
  'Capítulo', 'Article', 'Artículo', 'Paragraph', 'Paragraphe', 'Párrafo', 'Point', 'Punto',
  'Partie', 'Part', 'Parte', 'Number', 'Numéro', 'Número', 'Phase', 'Fase', 'Stage', 'Étape',
  'Etapa', 'Round', 'Tour', 'Ronda', 'Ouverture', 'Opening', 'Apertura', 'Clôture', 'Closing',
  'Clausura', 'Welcome', 'Bienvenue', 'Bienvenida', 'Thanks', 'Merci', 'Gracias', 'Mr', 'Mrs', 'Ms',
  'Dr', 'Pr', 'Prof', 'Sr', 'Sra', 'Mme', 'Mlle', 'St', 'Ste', 'Nord', 'Sud', 'Est', 'Ouest', 'North',
  'South', 'East', 'West', 'Norte', 'Sur', 'Este', 'Oeste', 'Centre', 'Center', 'Centro',
]);

// ---------------------------------------------------------------------------------------------
// Arabic (no letter case: only titles and organisational heads can find names).

/** Arabic courtesy titles before a person's name (السيد عبد ...). */
export const AR_PERSON_TITLES = folded([
  'السيد', 'السيدة', 'الدكتور', 'الدكتورة', 'الشيخ', 'الأستاذ', 'الأستاذة', 'الحاج', 'الحاجة', 'المرحوم',
  'الجنرال', 'العميد', 'اللواء', 'العقيد', 'الرائد', 'النقيب', 'الفريق', 'المفتش', 'سيد', 'السادة',
]);

/** Words that open an Arabic compound name and may be followed by a word with the article (عبد اللطيف, أبو بكر). */
export const AR_NAME_OPENERS = folded(['عبد', 'أبو', 'ابو', 'بن', 'ابن', 'ولد', 'آيت', 'ايت', 'أبي', 'ابي', 'بنت']);

/** Arabic heads of organisation names that stand with one complement (وزارة الداخلية, مجلس الأمن). */
export const AR_ORG_HEADS = folded([
  'وزارة', 'المديرية', 'مديرية', 'هيئة', 'الهيئة', 'مجلس', 'المجلس', 'المفوضية',
  'مفوضية', 'وكالة', 'الوكالة', 'منظمة', 'المنظمة', 'المحكمة', 'محكمة', 'النيابة', 'نيابة', 'الفرقة',
  'فرقة', 'الاتحاد', 'اتحاد', 'جامعة',
  'المعهد', 'معهد', 'اللجنة', 'لجنة', 'المندوبية', 'مندوبية', 'الأمانة', 'أمانة', 'رئاسة', 'الرئاسة',
]);

/** Arabic heads that are common nouns too, so they need two complements (الشرطة القضائية alone is generic). */
export const AR_WEAK_ORG_HEADS = folded([
  'الشرطة', 'شرطة', 'الدرك', 'درك', 'جهاز', 'الجهاز', 'الأمن', 'أمن', 'القوات', 'قوات', 'الجيش', 'جيش',
  'الحرس', 'حرس', 'الوحدة', 'وحدة', 'المصالح', 'مصالح', 'السلطات', 'سلطات', 'المركز', 'مركز', 'إدارة',
  'الإدارة', 'المصلحة', 'مصلحة', 'المكتب', 'مكتب',
]);

/** Arabic roles: they end the name that precedes them ("... فيرليندن وزيرة الداخلية"). */
export const AR_ROLE_WORDS = folded([
  'وزير', 'وزيرة', 'الوزير', 'الوزيرة', 'رئيس', 'رئيسة', 'الرئيس', 'الرئيسة', 'مدير', 'مديرة', 'المدير',
  'المديرة', 'سفير', 'سفيرة', 'السفير', 'السفيرة', 'الأمين', 'أمين', 'المفوض', 'مفوض', 'الناطق', 'ناطق',
  'قائد', 'القائد', 'والي', 'الوالي', 'الملك', 'ملك', 'الأمير', 'أمير', 'نائب', 'النائب', 'كاتب', 'الكاتب',
  'المستشار', 'مستشار', 'المنسق', 'منسق', 'ممثل', 'الممثل', 'المبعوث', 'مبعوث', 'عامل', 'العامل', 'المفتش',
  'مفتش', 'الوكيل', 'وكيل', 'القاضي', 'قاضي', 'المدعي', 'رئيسا', 'مديرا', 'وزيرا', 'نظيره', 'نظيرته',
]);

/** Arabic particles, prepositions, pronouns and connectors that end a name. */
export const AR_STOP_WORDS = folded([
  'في', 'من', 'على', 'إلى', 'الى', 'عن', 'مع', 'بين', 'حول', 'خلال', 'ضد', 'لدى', 'عبر', 'منذ', 'بعد',
  'قبل', 'أن', 'إن', 'ان', 'الذي', 'التي', 'الذين', 'اللذين', 'اللتين', 'اللواتي', 'و', 'أو', 'او', 'ثم', 'كما',
  'حيث', 'هذا', 'هذه', 'ذلك', 'تلك', 'هؤلاء', 'كل', 'قد', 'لقد', 'لم', 'لن', 'ما', 'لا', 'هو', 'هي', 'هم',
  'وقد', 'فقد', 'كان', 'كانت', 'تم', 'يتم', 'الى', 'عند', 'أي', 'اي', 'غير', 'بعض', 'جميع', 'نحو',
  'وفق', 'وفقا', 'حسب', 'بحسب', 'إطار', 'اطار', 'يوم', 'أمس', 'اليوم', 'الأربعاء', 'الخميس', 'الجمعة',
  'السبت', 'الأحد', 'الاثنين', 'الإثنين', 'الثلاثاء', 'قال', 'أكد', 'أعلن', 'أوضح', 'أشار', 'صرح',
  'أضاف', 'شدد', 'دعا', 'استقبل', 'التقى', 'ترأس', 'يقول', 'وقال', 'وأكد', 'وأضاف', 'بأن', 'لأن',
]);

/** Arabic months (Gregorian, Levantine and Maghrebi names), never part of a name. */
export const AR_MONTHS = folded([
  'يناير', 'فبراير', 'مارس', 'أبريل', 'ابريل', 'مايو', 'ماي', 'يونيو', 'يونيه', 'يوليو', 'يوليوز',
  'أغسطس', 'غشت', 'سبتمبر', 'شتنبر', 'أكتوبر', 'اكتوبر', 'نوفمبر', 'نونبر', 'ديسمبر', 'دجنبر',
  'كانون', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين', 'جانفي', 'فيفري',
  'أفريل', 'جوان', 'جويلية', 'أوت',
]);
