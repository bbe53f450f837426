/**
 * The recognizer end to end on in-memory lexicons: the body only (front matter and date header
 * skipped), document and paragraph languages, entity fields and ranges, heuristic actors, the
 * ignore list, and bad input that must never make it throw (issue 2).
 */
import assert from 'node:assert/strict';
import { createRecognizer } from '#core/recognize';
import { LineIndex } from '#core/text/positions';
import type { Entity, Recognition } from '#core/types';
import { sampleLexicon } from '../helpers/sampleLexicon';

const recognizer = createRecognizer(sampleLexicon());

function brief(entities: readonly Entity[]): string[] {
  return entities.map((e) => `${e.category}:${e.id}=${e.text}`);
}

/** Every range must agree with its offsets, stay inside the text and keep surrogate pairs whole. */
function assertWellFormed(text: string, result: Recognition): void {
  const lines = new LineIndex(text);
  let previous = -1;
  for (const e of result.entities) {
    assert.ok(e.start >= 0 && e.start < e.end && e.end <= text.length, `offsets of ${e.id}`);
    assert.ok(e.start >= previous, 'entities sorted by start');
    previous = e.start;
    assert.equal(e.text, text.slice(e.start, e.end));
    assert.equal(lines.offsetAt(e.range.start), e.start);
    assert.equal(lines.offsetAt(e.range.end), e.end);
    for (const o of [e.start, e.end]) {
      const before = text.charCodeAt(o - 1);
      const after = text.charCodeAt(o);
      assert.ok(!(before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff), 'splits a surrogate pair');
    }
  }
}

describe('recognize: a French release', () => {
  const text = [
    '---',
    'title: Coopération sécuritaire avec le Maroc',
    'lang: fr',
    'countries: [MA, ES]',
    '---',
    'date 2025-02',
    'Rabat, le 14 février. La Direction générale de la Sûreté nationale et la Guardia Civil ont démantelé',
    'une cellule terroriste active entre le Maroc et l’Espagne.',
    '',
    'Selon un communiqué du pôle DGSN-DGST, les suspects préparaient des attentats au Sahel.',
    '',
  ].join('\n');
  const result = recognizer.recognize(text);

  it('scans only the body and takes the language from the front matter', () => {
    assert.equal(result.language, 'fr');
    assert.equal(result.languageSource, 'front-matter');
    const bodyStart = text.indexOf('Rabat');
    assert.ok(result.entities.every((e) => e.start >= bodyStart));
    assert.deepEqual(brief(result.entities), [
      'actor:dgsn=Direction générale de la Sûreté nationale',
      'actor:guardia-civil=Guardia Civil',
      'threat:terrorism=terroriste',
      'country:MA=Maroc',
      'country:ES=Espagne',
      'actor:dgsn=DGSN',
      'actor:dgst=DGST',
      'region:sahel=Sahel',
    ]);
    assertWellFormed(text, result);
  });

  it('fills every field of a lexicon entity', () => {
    const spain = result.entities.find((e) => e.id === 'ES')!;
    assert.deepEqual(spain, {
      category: 'country',
      id: 'ES',
      name: 'Espagne',
      text: 'Espagne',
      range: { start: { line: 7, character: 50 }, end: { line: 7, character: 57 } },
      start: text.indexOf('Espagne'),
      end: text.indexOf('Espagne') + 7,
      source: 'lexicon',
      lexicon: 'test.yaml',
      variant: 'Espagne',
      language: 'fr',
    });
    const dgsn = result.entities.find((e) => e.text === 'DGSN')!;
    assert.equal(dgsn.type, 'organization');
    assert.equal(dgsn.name, 'Direction générale de la Sûreté nationale');
    assert.equal(dgsn.variant, 'DGSN');
  });
});

describe('recognize: languages', () => {
  it('lets the caller force the language', () => {
    const text = 'Spanish and Moroccan officers met in Rabat to discuss terrorism and irregular migration.';
    const forced = recognizer.recognize(text, { language: 'fr' });
    assert.equal(forced.languageSource, 'option');
    assert.deepEqual(brief(forced.entities), []);
    const detected = recognizer.recognize(text);
    assert.equal(detected.language, 'en');
    assert.equal(detected.languageSource, 'detected');
    assert.deepEqual(brief(detected.entities), [
      'country:ES=Spanish',
      'country:MA=Moroccan',
      'threat:terrorism=terrorism',
      'threat:irregular-migration=irregular migration',
    ]);
  });

  it('falls back to French when nothing tells the language, without filtering the forms of other languages', () => {
    const result = recognizer.recognize('Maroc.');
    assert.equal(result.language, 'fr');
    assert.equal(result.languageSource, 'default');
    assert.deepEqual(brief(result.entities), ['country:MA=Maroc']);
    const note = recognizer.recognize('Spanish police arrested two suspects.');
    assert.equal(note.languageSource, 'default');
    assert.deepEqual(note.spans, [{ start: 0, end: note.spans[0]!.end, language: 'fr' }]);
    assert.deepEqual(
      note.entities.map((e) => `${e.id}=${e.text}:${e.name}:${e.language}`),
      ['ES=Spanish:Spain:en'],
    );
  });

  it('gives each paragraph of a mixed document its own language and names', () => {
    const fr = 'Les services de sécurité de l’Espagne et du Maroc ont renforcé leur coopération dans la lutte contre le terrorisme et la criminalité organisée.';
    const en = 'The authorities of Spain and Morocco have strengthened their cooperation in the fight against terrorism and organized crime in the region.';
    const text = `${fr}\n\n${en}\n`;
    const result = recognizer.recognize(text);
    assert.deepEqual(
      result.entities.map((e) => `${e.id}=${e.text}:${e.name}`),
      [
        'ES=Espagne:Espagne',
        'MA=Maroc:Maroc',
        'terrorism=terrorisme:terrorisme',
        'organized-crime=criminalité organisée:criminalité organisée',
        'ES=Spain:Spain',
        'MA=Morocco:Morocco',
        'terrorism=terrorism:terrorism',
        'organized-crime=organized crime:organized crime',
      ],
    );
    assert.deepEqual(
      result.spans.map((s) => s.language),
      ['fr', 'en'],
    );
  });
});

describe('recognize: Arabic', () => {
  it('reports the stem without the proclitic, with UTF-16 positions', () => {
    const text = '---\nlang: ar\n---\nأعلنت المديرية العامة للأمن الوطني عن تفكيك خلية إرهابية بتنسيق مع إسبانيا وبالمغرب.\n';
    const result = recognizer.recognize(text);
    assert.equal(result.language, 'ar');
    const morocco = result.entities.find((e) => e.id === 'MA')!;
    assert.equal(morocco.text, 'المغرب');
    assert.equal(morocco.start, text.indexOf('وبالمغرب') + 2);
    assert.deepEqual(morocco.range.start, { line: 3, character: text.indexOf('وبالمغرب') + 2 - text.indexOf('أعلنت') });
    assert.equal(morocco.name, 'المغرب');
    assert.ok(result.entities.some((e) => e.id === 'dgsn' && e.text === 'المديرية العامة للأمن الوطني'));
    assertWellFormed(text, result);
  });
});

describe('recognize: heuristic actors', () => {
  const text =
    'Bruxelles, le 3 juin. La commissaire générale Francisca Bostyn a reçu une délégation de la DGSN conduite par Abdellatif Hammouchi.';

  it('adds heuristic actors next to the lexicon ones, and can be turned off', () => {
    const on = recognizer.recognize(text);
    const heuristic = on.entities.filter((e) => e.source === 'heuristic');
    assert.ok(heuristic.some((e) => e.text === 'Francisca Bostyn' && e.type === 'person'), JSON.stringify(heuristic));
    for (const e of heuristic) {
      assert.equal(e.category, 'actor');
      assert.equal(e.lexicon, undefined);
      assert.equal(e.language, 'fr');
    }
    const hammouchi = on.entities.find((e) => e.id === 'abdellatif-hammouchi')!;
    assert.equal(hammouchi.source, 'lexicon');
    const off = recognizer.recognize(text, { heuristics: false });
    assert.ok(off.entities.every((e) => e.source === 'lexicon'));
    assert.deepEqual(brief(off.entities), ['actor:dgsn=DGSN', 'actor:abdellatif-hammouchi=Abdellatif Hammouchi']);
    assertWellFormed(text, on);
  });

  it('lets an organisation found by the heuristics take the lexicon actor it contains', () => {
    const release = 'Les prélèvements ont été analysés par l’Institut des Sciences forensiques de la Sûreté nationale à Casablanca.';
    const result = recognizer.recognize(release);
    const actors = result.entities.filter((e) => e.category === 'actor');
    assert.deepEqual(
      actors.map((e) => `${e.source}:${e.text}`),
      ['heuristic:Institut des Sciences forensiques de la Sûreté nationale'],
    );
  });
});

describe('recognize: the ignore list', () => {
  it('reports no entity inside an ignored term, heuristic or not', () => {
    const ignoring = createRecognizer(sampleLexicon(['Europe 1', 'Coupe du Monde']));
    const text = "Le ministre a déclaré sur Europe 1 que la sécurité de la Coupe du Monde 2030 au Maroc, en Espagne et au Portugal serait une priorité pour l'Europe.";
    const result = ignoring.recognize(text);
    assert.deepEqual(brief(result.entities), ['country:MA=Maroc', 'country:ES=Espagne', 'country:PT=Portugal', 'region:europe=Europe']);
    assert.equal(result.entities.at(-1)!.start, text.lastIndexOf('Europe'));
  });
});

describe('recognize: bad input never throws', () => {
  it('handles an empty text and whitespace', () => {
    for (const text of ['', ' ', '\n\n', '\uFEFF', '---\n---\n', 'date 2024-01']) {
      const result = recognizer.recognize(text);
      assert.deepEqual(result.entities, []);
      assert.equal(typeof result.language, 'string');
    }
  });

  it('handles NUL, lone surrogates and binary-looking data', () => {
    const bytes = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('');
    const samples = [
      'Maroc\u0000Espagne\u0000',
      '\uD800Maroc\uDC00 et \uDBFFl’Espagne\uD800',
      '😀Maroc😀 et 𝐄spagne',
      bytes,
      '\u0000'.repeat(1000),
    ];
    for (const text of samples) {
      const result = recognizer.recognize(text);
      assertWellFormed(text, result);
    }
    assert.deepEqual(brief(recognizer.recognize('Maroc\u0000Espagne\u0000').entities), ['country:MA=Maroc', 'country:ES=Espagne']);
    const emoji = '😀 Le Maroc';
    const result = recognizer.recognize(emoji);
    assert.deepEqual(result.entities[0]!.range.start, { line: 0, character: 6 });
  });

  it('handles CRLF line ends and a BOM before the front matter', () => {
    const text = '\uFEFF---\r\nlang: fr\r\n---\r\nLa Guardia\r\nCivil et la police du Maroc.\r\n\r\nL’Espagne a salué l’opération.\r\n';
    const result = recognizer.recognize(text);
    assert.equal(result.languageSource, 'front-matter');
    assert.deepEqual(brief(result.entities), ['actor:guardia-civil=Guardia\r\nCivil', 'country:MA=Maroc', 'country:ES=Espagne']);
    const spain = result.entities.find((e) => e.id === 'ES')!;
    assert.deepEqual(spain.range, { start: { line: 6, character: 2 }, end: { line: 6, character: 9 } });
    assertWellFormed(text, result);
  });

  it('handles a 5 MB single line', function () {
    this.timeout(60_000);
    const sentence = 'La coopération entre le Maroc et l’Espagne contre le terrorisme se poursuit ';
    const text = sentence.repeat(Math.ceil((5 * 1024 * 1024) / sentence.length));
    const result = recognizer.recognize(text, { heuristics: false });
    assert.equal(result.entities.filter((e) => e.id === 'MA').length, Math.ceil((5 * 1024 * 1024) / sentence.length));
    const last = result.entities.at(-1)!;
    assert.equal(last.range.start.line, 0);
    assert.equal(last.range.start.character, last.start);
  });

  it('survives a front matter that is not YAML', () => {
    const text = '---\nlang: [fr\n: : {\n---\nLe Maroc.';
    const result = recognizer.recognize(text);
    assert.deepEqual(brief(result.entities), ['country:MA=Maroc']);
  });

  it('survives a lexicon with odd entries', () => {
    const lex = sampleLexicon();
    const entries = new Map(lex.entries);
    entries.set('broken', { id: 'broken', category: 'country', name: 'Broken', names: {}, variants: [{ text: '', lang: 'fr', kind: 'name', caseRule: 'fold' }], frames: [], origin: { file: 'x.yaml', line: 1 } });
    entries.set('punct', { id: 'punct', category: 'threat', name: 'Punct', names: {}, variants: [{ text: '—', lang: 'fr', kind: 'name', caseRule: 'fold' }], frames: [{ lang: 'fr', heads: [], objects: ['x'], window: -3, objectFirstWindow: Number.NaN }], origin: { file: 'x.yaml', line: 2 } });
    const odd = createRecognizer({ entries, ignore: new Set(['', '   ']), problems: [] });
    assert.deepEqual(brief(odd.recognize('Le Maroc — enfin.').entities), ['country:MA=Maroc']);
  });
});
