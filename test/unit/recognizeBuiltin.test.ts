/**
 * The recognizer over the real built-in lexicons (server/lexicon/*.yaml), on short releases written
 * for these tests in French, English, Spanish and Arabic. Heuristics are off so that every entity
 * comes from the data; the expectations are what an annotator would mark (GUIDELINE.md).
 */
import assert from 'node:assert/strict';
import { buildLexicon } from '#core/lexicon/index';
import { createRecognizer, type Recognizer } from '#core/recognize';
import type { Category, Recognition } from '#core/types';
import { readBuiltinLexicons } from '#node/lexiconFiles';

/** Sorted "id" lists per category, lexicon entities only. */
function idsByCategory(result: Recognition): Record<Category, string[]> {
  const out: Record<Category, string[]> = { actor: [], country: [], region: [], threat: [] };
  for (const e of result.entities) if (!out[e.category].includes(e.id)) out[e.category].push(e.id);
  for (const list of Object.values(out)) list.sort();
  return out;
}

describe('recognize with the built-in lexicons', function () {
  let recognizer: Recognizer;

  before(function () {
    const lexicon = buildLexicon(readBuiltinLexicons());
    assert.deepEqual(lexicon.problems, []);
    recognizer = createRecognizer(lexicon);
  });

  it('reads a French release: elision, combining forms, acronyms, frames and regions', () => {
    const text =
      'Rabat, le 12 mars – Dans le cadre de la coopération sécuritaire maroco-espagnole, la Direction générale de la ' +
      'Sûreté nationale (DGSN) et la Guardia Civil ont interpellé quatre individus soupçonnés d’appartenir à une ' +
      'cellule terroriste active au Sahel. L’enquête, conduite avec Europol et le pôle DGSN-DGST, a aussi mis au jour ' +
      'un trafic international de cocaïne entre l’Amérique latine et l’Europe.';
    const result = recognizer.recognize(text, { heuristics: false });
    assert.equal(result.language, 'fr');
    const ids = idsByCategory(result);
    assert.deepEqual(ids.country, ['ES', 'MA']);
    assert.deepEqual(ids.region, ['europe', 'latin-america', 'sahel']);
    assert.deepEqual(ids.threat, ['drug-trafficking', 'terrorism']);
    for (const actor of ['dgsn', 'dgst', 'europol', 'guardia-civil']) assert.ok(ids.actor.includes(actor), actor);
    const maroco = result.entities.find((e) => e.id === 'MA')!;
    assert.deepEqual([maroco.text, maroco.start], ['maroco', text.indexOf('maroco')]);
    const dgsn = result.entities.find((e) => e.id === 'dgsn')!;
    assert.equal(dgsn.text, 'Direction générale de la Sûreté nationale');
    assert.equal(result.entities.filter((e) => e.id === 'dgsn').length, 3);
    const cocaine = result.entities.find((e) => e.id === 'drug-trafficking')!;
    assert.equal(cocaine.text, 'trafic international de cocaïne');
  });

  it('reads an English release: demonyms, multi-word threats, and no country inside a region name', () => {
    const text =
      'Madrid, 4 June – Spanish and Moroccan investigators, supported by Interpol and the European Union, dismantled ' +
      'a migrant smuggling network operating across the Strait of Gibraltar. Several suspects also face charges of ' +
      'money laundering and document fraud.';
    const result = recognizer.recognize(text, { heuristics: false });
    assert.equal(result.language, 'en');
    const ids = idsByCategory(result);
    assert.deepEqual(ids.country, ['ES', 'MA']);
    assert.deepEqual(ids.region, ['strait-of-gibraltar']);
    assert.deepEqual(ids.threat, ['fraud', 'migrant-smuggling', 'money-laundering']);
    for (const actor of ['european-union', 'interpol']) assert.ok(ids.actor.includes(actor), actor);
  });

  it('reads a Spanish release', () => {
    const text =
      'La Policía Nacional y el Centro Nacional de Inteligencia (CNI), en colaboración con las autoridades de ' +
      'Marruecos, han desarticulado una red dedicada a la inmigración irregular y al tráfico de armas en el Sahel.';
    const result = recognizer.recognize(text, { heuristics: false });
    assert.equal(result.language, 'es');
    const ids = idsByCategory(result);
    assert.deepEqual(ids.country, ['MA']);
    assert.deepEqual(ids.region, ['sahel']);
    assert.deepEqual(ids.threat, ['arms-trafficking', 'irregular-migration']);
    assert.ok(ids.actor.includes('cni'));
    const cni = result.entities.filter((e) => e.id === 'cni').map((e) => e.text);
    assert.deepEqual(cni, ['Centro Nacional de Inteligencia', 'CNI']);
  });

  it('reads an Arabic release: clitics, article and inflected adjectives', () => {
    const text =
      'أعلنت المديرية العامة للأمن الوطني بالمغرب عن تفكيك خلية إرهابية بتنسيق مع الشرطة الإسبانية، في إطار مكافحة ' +
      'الإرهاب والجريمة المنظمة بمنطقة الساحل.';
    const result = recognizer.recognize(text, { heuristics: false });
    assert.equal(result.language, 'ar');
    const ids = idsByCategory(result);
    assert.deepEqual(ids.country, ['ES', 'MA']);
    assert.deepEqual(ids.region, ['sahel']);
    assert.deepEqual(ids.threat, ['organized-crime', 'terrorism']);
    assert.ok(ids.actor.includes('dgsn'));
    const morocco = result.entities.find((e) => e.id === 'MA')!;
    assert.equal(morocco.text, 'المغرب');
    assert.equal(morocco.start, text.indexOf('بالمغرب') + 1);
  });

  it('keeps acronyms to capitals and common words out of the country list', () => {
    const text =
      'Le suspect a présenté une fausse cni lors du contrôle. Il a été remis à la Police nationale, qui a saisi ' +
      'deux téléphones et une somme de 20 000 US$.';
    const result = recognizer.recognize(text, { heuristics: false });
    const ids = idsByCategory(result);
    assert.deepEqual(ids.country, []);
    assert.ok(!ids.actor.includes('cni'));
  });
});

describe('recognize: later mentions of a person the lexicon names in full', function () {
  let recognizer: Recognizer;

  before(function () {
    recognizer = createRecognizer(buildLexicon(readBuiltinLexicons()));
  });

  /** Actor mentions as "source:text=id". */
  const actors = (result: Recognition): string[] => result.entities.filter((e) => e.category === 'actor').map((e) => `${e.source}:${e.text}=${e.id}`);

  it('links "Mme Waly" and a bare "Waly" to Ghada Waly, in the whole document, sliced or not', () => {
    const paragraph =
      "La Directrice exécutive de l'ONUDC, Ghada Waly, a appelé les États membres à agir. Selon Mme Waly, les réseaux exploitent les failles. Waly a conclu la réunion.";
    const text = `${paragraph}\n\n${'Les enquêteurs poursuivent leur travail sur le terrain. '.repeat(60)}\n\nMme Waly reviendra à Rabat en mai.\n`;
    const whole = recognizer.recognize(text);
    assert.deepEqual(actors(whole), [
      'lexicon:ONUDC=unodc',
      'lexicon:Ghada Waly=ghada-waly',
      'heuristic:Waly=ghada-waly',
      'heuristic:Waly=ghada-waly',
      'heuristic:Waly=ghada-waly',
    ]);
    for (const e of whole.entities.filter((x) => x.source === 'heuristic')) assert.equal(e.name, 'Ghada Waly');
    // The same in slices smaller than the distance between the full name and the last mention.
    const steps = recognizer.steps(text, { sliceChars: 400 });
    let sliced;
    while ((sliced = steps.step()) === undefined);
    assert.deepEqual(sliced.entities, whole.entities);
  });

  it('leaves the surname alone when the full name is absent, and never links an Arabic word', () => {
    assert.deepEqual(actors(recognizer.recognize('Selon Mme Waly, les réseaux exploitent les failles.')), ['heuristic:Waly=waly']);
    const arabic = recognizer.recognize('قالت غادة والي إن الشبكات تستغل الثغرات. وأكد والي المدينة ذلك.');
    assert.deepEqual(arabic.entities.filter((e) => e.category === 'actor').map((e) => e.text), ['غادة والي']);
  });
});
