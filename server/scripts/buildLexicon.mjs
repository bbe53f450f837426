#!/usr/bin/env node
// Generates server/lexicon/countries.generated.yaml (`npm run build:lexicon`).
//
// Every ISO 3166-1 country, id = alpha-2 code, with names in fr/en/es/ar from i18n-iso-countries
// and world-countries, and demonyms from world-countries (en, fr) and i18n-nationality (fr, es).
// Hand-written corrections belong in countries.overrides.yaml, never in the generated file.
//
// Precision rules applied here (issue 2: "precise on real text"):
// - ISO codes and other all-caps forms are never generated ("GB" is gigabytes, "IT" and "US" are
//   words); the overrides file lists the acronyms people use, with exact case.
// - A form two countries share in one language (en "Congo", en "Dominican", fr "Congolais",
//   en "Channel Islander") is kept only by the stronger claimant (a primary name beats an alias,
//   a sovereign state beats a territory); when neither is stronger it is dropped for both and
//   listed in the generated file's header.
// - DANGEROUS below drops forms that are ordinary words or other places; each says why.
// - Names written with a lower-case initial ("îles Salomon") are matched case-insensitively; the
//   others must be capitalised in the text (see defaultCaseRule in server/src/core/lexicon/expand.ts).
// Output is deterministic: entries sorted by id, forms in source order, no timestamps.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeLexiconSnapshot } from './lexiconSnapshot.mjs';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const lexiconDir = join(here, '..', 'lexicon');
const outFile = join(lexiconDir, 'countries.generated.yaml');

const isoCountries = require('i18n-iso-countries');
const worldCountries = require('world-countries');
const LANGS = ['fr', 'en', 'es', 'ar'];
const isoNames = Object.fromEntries(LANGS.map((l) => [l, require(`i18n-iso-countries/langs/${l}.json`).countries]));
const nationality = {
  fr: require('i18n-nationality/langs/fr.json').nationalities,
  es: require('i18n-nationality/langs/es.json').nationalities,
};
const versionOf = (pkg) => require(`${pkg}/package.json`).version;

/** Forms never generated: [id, lang, form, reason]. The overrides file adds safe longer forms where useful. */
const DANGEROUS = [
  ['CD', 'ar', 'الكونغو', 'two states are called Congo'],
  ['EH', 'es', 'sahariano', 'i18n-nationality: means "of the Sahara" (the region), not Sahrawi'],
  ['CD', '*', 'Congo', 'two states are called Congo; "RDC", "Congo-Kinshasa" etc. are in the overrides'],
  ['CG', '*', 'Congo', 'two states are called Congo; "Congo-Brazzaville" is in the overrides'],
  ['MU', 'fr', 'Maurice', 'a common French first name; "île Maurice" is in the overrides'],
  ['MU', 'es', 'Mauricio', 'a common Spanish first name; "isla Mauricio" is in the overrides'],
  ['DM', 'fr', 'Dominique', 'a common French first name'],
  ['GD', 'fr', 'Grenade', 'French name of Granada (Spain) and of the weapon'],
  ['GD', 'es', 'Granada', 'the Spanish city'],
  ['RE', 'fr', 'Réunion', 'means "meeting"; "La Réunion" and "île de la Réunion" are in the overrides'],
  ['RE', 'es', 'Reunión', 'means "meeting"'],
  ['RE', 'en', 'Reunion', 'an ordinary word'],
  ['RE', 'en', 'Réunion', 'an ordinary word once accents are folded'],
  ['JE', '*', 'Jersey', 'matches inside "New Jersey" and is a garment'],
  ['OM', 'ar', 'عمان', 'folds to the same letters as Amman (عمّان), the capital of Jordan'],
  ['ML', 'ar', 'مالي', 'also the adjective "financial"'],
  ['GF', 'es', 'Guayana', 'also Guyana and the whole Guiana region'],
  ['GF', 'en', 'Guiana', 'the whole Guiana region'],
  ['VG', 'en', 'Virgin Islands', 'shared with the US Virgin Islands'],
  ['VG', 'fr', 'Îles Vierges', 'shared with the US Virgin Islands'],
  ['VG', 'es', 'Islas Vírgenes', 'shared with the US Virgin Islands'],
  ['VG', 'ar', 'جزر العذراء', 'shared with the US Virgin Islands'],
  ['TF', 'ar', 'مقاطعات وأقاليم ما وراء البحار الفرنسية', 'means the French overseas territories in general'],
  ['CF', 'en', 'Central African', 'the adjective of the region too ("Central African States", ECCAS)'],
  ['WF', 'fr', 'Gallois', 'i18n-nationality error: "gallois" means Welsh'],
  ['BV', 'es', 'Islandés', 'i18n-nationality error: Icelandic'],
  ['BQ', 'es', 'Caribeño', 'i18n-nationality error: means Caribbean'],
  ['BA', 'es', 'Bosnia-Herzegovina', 'i18n-nationality gives the country name, not a demonym'],
  ['BA', 'en', 'Herzegovinian', 'kept simple: "Bosnian" is the demonym in use'],
  ['UM', 'es', 'Estados Unidos Islas menores alejadas de', 'truncated name in world-countries'],
  ['SJ', 'en', 'Svalbard og Jan Mayen', 'Norwegian, not English'],
  ['SJ', 'es', 'Svalbard og Jan Mayen', 'Norwegian, not Spanish'],
  ['SJ', 'fr', 'Jan Mayen Svalbard', 'garbled order in world-countries'],
  ['CX', 'es', 'navideño', 'means "of Christmas" ("campaña navideña")'],
  ['GD', 'es', 'granadino', 'also the demonym of Granada (Spain)'],
  ['PM', 'es', 'sampedrino', 'the demonym of every San Pedro'],
  ['FK', 'fr', 'malouin', 'the demonym of Saint-Malo (France)'],
  ['FK', 'fr', 'malouinne', 'misspelt feminine of "malouin" (Saint-Malo)'],
  ['FK', 'fr', 'malouinnes', 'misspelt feminine of "malouin" (Saint-Malo)'],
  ['MP', 'fr', 'Américan', 'world-countries typo, and the demonym belongs to the United States'],
];

const fold = (s) =>
  s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[’'`\-‐‑]/g, ' ').replace(/\s+/g, ' ').trim();
/** Same letter folding as foldArabic in server/src/core/text/tokenize.ts, for collision checks. */
const foldArabic = (s) =>
  s.normalize('NFC').replace(/[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g, '').replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627').replace(/\u0649/g, '\u064A').replace(/\u0629/g, '\u0647');
const key = (s) => (/[\u0600-\u06FF]/.test(s) ? foldArabic(s).replace(/\s+/g, ' ').trim() : fold(s));

const dangerous = new Map();
for (const [id, lang, form, reason] of DANGEROUS) dangerous.set(`${id}|${lang}|${key(form)}`, reason);
const isDangerous = (id, lang, form) => dangerous.has(`${id}|${lang}|${key(form)}`) || dangerous.has(`${id}|*|${key(form)}`);

/** Tidies spacing and apostrophes the datasets get wrong ("Antigua -et-Barbuda", "Côte d' Ivoire"). */
function tidy(s) {
  return s
    .normalize('NFC')
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/\s+-/g, '-')
    .replace(/-\s+/g, '-')
    .replace(/'\s+/g, "'")
    .trim();
}

const upperFirst = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const ALL_CAPS = (s) => {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
};

/**
 * Turns one dataset string into candidate forms with a strength (3 primary name, 2 alias or
 * official name, 1 derived). Returns [] for forms that cannot be used.
 */
function nameCandidates(raw, strength) {
  if (typeof raw !== 'string') return [];
  let s = tidy(raw);
  if (s === '') return [];
  const out = [];
  if (/\(.*\)/.test(s)) {
    // "Saint-Martin (partie française)", "Falkland Islands (Malvinas)": the part outside only, weaker.
    s = tidy(s.replace(/\s*\([^)]*\)\s*/g, ' '));
    strength = 1;
  }
  // "Les états-unis d'Amérique", "The Netherlands": the article is a separate token in the text
  // anyway, and a capitalised article would make the case rule fail on "les États-Unis".
  s = s.replace(/^(les|le|la|the) /i, '') // not Spanish "El": "El Salvador" without it is a first name.replace(/^l'/i, '');
  if (s === '' || ALL_CAPS(s)) return out;
  if (s.includes(',')) return out; // "Korea, Republic of": inverted catalogue forms never occur in prose
  if (/\s(de|del|des|du|of|la|le|the)$/i.test(s)) return out; // truncated
  out.push({ text: upperFirst(s), strength });
  return out;
}

function listOf(v) {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

const world = new Map(worldCountries.map((c) => [c.cca2, c]));
const ids = Object.keys(isoCountries.getAlpha2Codes()).sort();

/** Sovereignty rank used to break ties between two countries claiming one form. */
function rank(id) {
  const w = world.get(id);
  if (w === undefined) return 0;
  return (w.unMember ? 2 : 0) + (w.independent ? 1 : 0);
}

const WORLD_LANG = { fr: 'fra', es: 'spa', ar: 'ara' };
const countries = [];
for (const id of ids) {
  const w = world.get(id);
  const names = {};
  for (const lang of LANGS) {
    const c = [];
    const iso = listOf(isoNames[lang][id]);
    if (lang === 'en') {
      if (w) c.push(...nameCandidates(w.name.common, 3));
      iso.forEach((n, i) => c.push(...nameCandidates(n, i === 0 ? 3 : 2)));
      if (w) c.push(...nameCandidates(w.name.official, 2));
    } else {
      const t = w?.translations?.[WORLD_LANG[lang]];
      if (t) c.push(...nameCandidates(t.common, 3));
      iso.forEach((n, i) => c.push(...nameCandidates(n, i === 0 ? 3 : 2)));
      if (t) c.push(...nameCandidates(t.official, 2));
    }
    names[lang] = c.map((x) => ({ ...x, section: 'names' }));
  }

  const demonyms = { fr: [], en: [], es: [] };
  const pushDemonym = (lang, raw, strength, extra = {}) => {
    // world-countries lists two demonyms as "Antiguan, Barbudan"; in i18n-nationality a comma
    // marks a description ("Territoires Palestiniens, Occupés"), which is no demonym at all.
    const parts = strength >= 2 ? String(raw ?? '').split(/,\s*|\s+or\s+|\s+ou\s+/) : /,/.test(String(raw)) ? [] : [String(raw ?? '')];
    for (const part of parts) {
      const s = tidy(part);
      if (s === '' || s === '/' || /[()]/.test(s)) continue;
      if (lang !== 'en' && /\s/.test(s)) continue; // "Sud Africain", "Cap verdien": garbled; the hyphenated form comes from the other dataset
      if (lang === 'en' && !/^[\p{Lu}][\p{L}'-]*( [\p{Lu}][\p{L}'-]*)*$/u.test(s)) continue;
      const text = lang === 'en' ? s : s.toLowerCase();
      demonyms[lang].push({ text, strength, section: 'demonyms', ...extra });
    }
  };
  if (w?.demonyms?.eng) {
    pushDemonym('en', w.demonyms.eng.m, 2);
    if (w.demonyms.eng.f !== w.demonyms.eng.m) pushDemonym('en', w.demonyms.eng.f, 2);
  }
  if (w?.demonyms?.fra?.m) {
    pushDemonym('fr', w.demonyms.fra.m, 2);
    // The dataset's feminine, when it differs from the generated one ("lettone" beside "lettonne").
    const f = w.demonyms.fra.f;
    if (f && !f.includes(',') && !f.includes('-et-') && frenchFeminine(tidy(w.demonyms.fra.m).toLowerCase()) !== tidy(f).toLowerCase()) {
      pushDemonym('fr', f, 2, { inflect: false });
      pushDemonym('fr', tidy(f) + 's', 2, { inflect: false });
    }
  }
  if (nationality.fr[id]) pushDemonym('fr', nationality.fr[id], 1);
  if (nationality.es[id]) pushDemonym('es', nationality.es[id], 1);
  countries.push({ id, names, demonyms });
}

/**
 * The inflected forms a demonym will get at load time, mirroring inflectDemonym in
 * server/src/core/lexicon/expand.ts closely enough for collision checks ("américaine" from the
 * United States' "américain" must not also be a form of the Northern Mariana Islands).
 */
function derivedForms(lang, text) {
  const t = text.toLowerCase();
  if (lang === 'fr') {
    const f = frenchFeminine(t);
    return [f, /[sxz]$/.test(t) ? t : t + 's', f.endsWith('s') ? f : f + 's'];
  }
  if (lang === 'es') {
    if (/o$/.test(t)) return [t.slice(0, -1) + 'a', t + 's', t.slice(0, -1) + 'as'];
    if (/[íú]$/.test(t)) return [t + 'es', t + 's'];
    if (/[aeiu]$/.test(t)) return [t + 's'];
    return [t + 'a', t + 'es', t + 'as'];
  }
  if (lang === 'en') return /(ish|ese|sh|ch|s|x|z|y)$/.test(t) && !/ech$/.test(t) ? [] : [t + 's'];
  return [];
}

/** Mirrors inflectFrench (expand.ts) just enough to know whether the dataset's feminine adds anything. */
function frenchFeminine(m) {
  if (/en$/.test(m) || /on$/.test(m)) return m + 'ne';
  if (/ec$/.test(m)) return m + 'que';
  if (/c$/.test(m)) return m.slice(0, -1) + 'que';
  if (/e$/.test(m)) return m;
  return m + 'e';
}

// Every name of every country in every language: a "demonym" equal to one is a dataset error
// ("Guernesey", "Reunión", "Nueva Caledonia" in i18n-nationality).
const allNameKeys = new Set();
for (const c of countries) for (const lang of LANGS) for (const n of c.names[lang]) allNameKeys.add(key(n.text));

const dropped = [];
for (const c of countries) {
  for (const lang of Object.keys(c.demonyms)) {
    c.demonyms[lang] = c.demonyms[lang].filter((d) => {
      if (allNameKeys.has(key(d.text))) return false;
      return true;
    });
  }
}

// Dangerous forms, then collisions between countries within one language.
for (const c of countries) {
  for (const lang of LANGS) {
    for (const section of ['names', 'demonyms']) {
      const list = c[section][lang];
      if (!list) continue;
      c[section][lang] = list.filter((f) => !isDangerous(c.id, lang, f.text));
    }
  }
}
for (const lang of LANGS) {
  const claims = new Map(); // key -> [{country, form, section}]
  for (const c of countries) {
    for (const section of ['names', 'demonyms']) {
      for (const f of c[section][lang] ?? []) {
        const own = [key(f.text)];
        const derived = section === 'demonyms' && f.inflect !== false ? derivedForms(lang, f.text).map(key) : [];
        for (const k of [...own, ...derived]) {
          const list = claims.get(k) ?? [];
          // Between equally strong, equally sovereign claimants, a written form beats a generated inflection.
          const strength = f.strength * 10 + (own.includes(k) ? 1 : 0);
          const same = list.find((x) => x.c === c);
          if (same === undefined) list.push({ c, f, section, strength });
          else if (strength > same.strength) Object.assign(same, { f, section, strength });
          claims.set(k, list);
        }
      }
    }
  }
  for (const [k, list] of claims) {
    if (list.length < 2) continue;
    const score = (x) => Math.floor(x.strength / 10) * 100 + rank(x.c.id) * 10 + (x.strength % 10);
    const sorted = [...list].sort((a, b) => score(b) - score(a));
    const winner = score(sorted[0]) > score(sorted[1]) ? sorted[0] : null;
    for (const x of list) {
      if (x === winner) continue;
      for (const section of ['names', 'demonyms']) {
        if (x.c[section][lang]) x.c[section][lang] = x.c[section][lang].filter((f) => f !== x.f && key(f.text) !== k);
      }
    }
    dropped.push(`${lang} "${k}": ${list.map((x) => x.c.id).sort().join(', ')} -> ${winner ? winner.c.id : 'dropped'}`);
  }
}

/** Dedupes one list by folded key, keeping the first position and the most accented spelling ("Irán" over "Iran"). */
function dedupe(list) {
  const byKey = new Map();
  const accents = (s) => s.normalize('NFD').replace(/[^\p{M}]/gu, '').length;
  for (const f of list) {
    const k = key(f.text);
    const seen = byKey.get(k);
    if (seen === undefined) byKey.set(k, { ...f });
    else if (accents(f.text) > accents(seen.text)) seen.text = f.text;
  }
  return [...byKey.values()];
}

/** French and Spanish running text writes "les îles Salomon", "las islas Malvinas": lower-case initial (matched case-insensitively). */
function lowerIslands(lang, text) {
  if (lang === 'fr' && /^[IÎ]les? /.test(text)) return 'î' + text.slice(1);
  if (lang === 'es' && /^Islas? /.test(text)) return 'i' + text.slice(1);
  return text;
}

// ---- Output -----------------------------------------------------------------------------
// The file is YAML 1.2 written as JSON, one entry per line: the lexicon loader reads it with
// JSON.parse (see readCompactJson in server/src/core/lexicon/parse.ts), because the YAML
// composer alone would take most of the 150 ms load budget on a file this size. One line per
// country also keeps regeneration diffs readable.
const item = (f) => (f.inflect === false ? { text: f.text, inflect: false } : f.text);

const lines = [];
lines.push('# yaml-language-server: $schema=./lexicon.schema.json');
lines.push('# GENERATED FILE - DO NOT EDIT. Regenerate with `npm run build:lexicon`');
lines.push('# (server/scripts/buildLexicon.mjs). Put corrections in countries.overrides.yaml.');
lines.push(`# Sources: i18n-iso-countries ${versionOf('i18n-iso-countries')}, world-countries ${versionOf('world-countries')}, i18n-nationality ${versionOf('i18n-nationality')}.`);
lines.push('# Written as JSON (which is YAML) with one entry per line, so that it loads fast.');
lines.push('# Forms dropped on purpose (see DANGEROUS in the generator for the reasons):');
for (const [id, lang, form, reason] of DANGEROUS) lines.push(`#   ${id} ${lang} "${form}": ${reason}`);
lines.push('# Forms shared by several countries in one language (kept by the stronger claimant, else dropped):');
for (const d of dropped.sort()) lines.push(`#   ${d}`);
lines.push('{"version": 1, "entries": [');
const entryLines = [];
for (const c of countries) {
  const entry = { id: c.id, category: 'country', names: {} };
  for (const lang of LANGS) {
    const list = dedupe(c.names[lang]).map((f) => ({ ...f, text: lowerIslands(lang, f.text) }));
    if (list.length === 0) {
      console.warn(`note: ${c.id} has no generated ${lang} name (countries.overrides.yaml provides one)`);
      continue;
    }
    entry.names[lang] = list.map(item);
  }
  const dem = Object.entries(c.demonyms)
    .map(([lang, list]) => [lang, dedupe(list)])
    .filter(([, list]) => list.length > 0);
  if (dem.length > 0) entry.demonyms = Object.fromEntries(dem.map(([lang, list]) => [lang, list.map(item)]));
  entryLines.push('  ' + JSON.stringify(entry));
}
lines.push(entryLines.join(',\n'));
lines.push(']}');
writeFileSync(outFile, lines.join('\n') + '\n');
console.log(`wrote ${outFile}: ${countries.length} countries, ${dropped.length} shared forms resolved`);

// ---- Snapshot ---------------------------------------------------------------------------------
// The parsed YAML of the hand-written files and the merged built-in lexicon, so that a process
// starts without parsing and merging them (see lexiconSnapshot.mjs, which `npm run build` runs too).
writeLexiconSnapshot();
