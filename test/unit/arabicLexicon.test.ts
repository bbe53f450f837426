/**
 * The Arabic side of the built-in lexicons (issue 5, "Arabic and mixed documents"): every country,
 * region, threat and seed actor has an Arabic name, each Arabic name is written in Arabic script and
 * is recognised as its own entity in an Arabic sentence, with and without the usual proclitics.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildLexicon } from '#core/lexicon/index';
import { createRecognizer, type Recognizer } from '#core/recognize';
import type { Category, Lexicon, LexiconEntry } from '#core/types';
import { builtinLexiconDir, readBuiltinLexicons } from '#node/lexiconFiles';

const ARABIC_SCRIPT = /^[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\s\-()]+$/;

/** The ids of the entries a built-in file defines (its `- id:` lines at entry level). */
function idsOf(file: string): string[] {
  const text = readFileSync(join(builtinLexiconDir(), file), 'utf8');
  return [...text.matchAll(/^ {2}- id: ([^\s#]+)/gm)].map((m) => m[1]!);
}

describe('built-in lexicons: Arabic names', () => {
  let lexicon: Lexicon;
  let recognizer: Recognizer;
  before(() => {
    lexicon = buildLexicon(readBuiltinLexicons());
    recognizer = createRecognizer(lexicon);
  });

  function entries(category: Category): LexiconEntry[] {
    return [...lexicon.entries.values()].filter((e) => e.category === category);
  }

  it('give every seed actor, region, threat and country at least one Arabic name', () => {
    const seedActors = idsOf('actors.yaml');
    assert.ok(seedActors.length >= 50, `${seedActors.length} seed actors`);
    assert.deepEqual(entries('actor').map((e) => e.id).sort(), [...seedActors].sort(), 'actors.yaml is the whole actor list');
    const missing: string[] = [];
    for (const category of ['actor', 'region', 'threat', 'country'] as const) {
      const list = entries(category);
      assert.ok(list.length > 0, category);
      for (const e of list) if ((e.names['ar']?.length ?? 0) === 0) missing.push(`${category} ${e.id}`);
    }
    assert.deepEqual(missing, []);
    assert.deepEqual(idsOf('regions.yaml').filter((id) => (lexicon.entries.get(id)?.names['ar']?.length ?? 0) === 0), []);
  });

  it('write Arabic names in Arabic script, each with one preferred term', () => {
    for (const e of lexicon.entries.values()) {
      for (const name of e.names['ar'] ?? []) assert.match(name, ARABIC_SCRIPT, `${e.id}: ${name}`);
      const preferred = e.variants.filter((v) => v.lang === 'ar' && v.preferred === true);
      assert.equal(preferred.length, 1, `${e.id}: ${preferred.map((v) => v.text).join(', ')}`);
      assert.equal(preferred[0]!.text, e.names['ar']![0], `${e.id}: the preferred term leads the list`);
    }
  });

  it('recognise the preferred Arabic name of every actor, region and threat in a sentence, after و and ب', () => {
    const misses: string[] = [];
    for (const category of ['actor', 'region', 'threat'] as const) {
      for (const e of entries(category)) {
        const name = e.names['ar']![0]!;
        for (const [before, clitic] of [
          ['أشار التقرير إلى ', ''],
          ['تحدث البلاغ عن التعاون مع الشركاء و', 'و'],
          ['نشرت الوزارة بلاغا يتعلق ب', 'ب'],
        ] as const) {
          const text = `${before}${name} في سياق الأحداث الأخيرة، حسب ما أفادت به مصادر مطلعة.`;
          const result = recognizer.recognize(text, { heuristics: false });
          // The entity may start at the article when the clitic is a preposition (بالـ): same offset as after و.
          const found = result.entities.find((x) => x.id === e.id && x.start === before.length && x.end === before.length + name.length);
          if (found === undefined) misses.push(`${e.id} ${clitic || '-'} ${name}: ${result.entities.map((x) => `${x.id}:${x.text}`).join(', ')}`);
        }
      }
    }
    assert.deepEqual(misses, []);
  });

  it('know the usual Arabic spellings of the agencies and people of the field', () => {
    for (const [id, text] of [
      ['europol', 'أوروبول'],
      ['frontex', 'فرونتيكس'],
      ['fernando-grande-marlaska', 'مارلاسكا'],
      ['abdellatif-hammouchi', 'حموشي'],
      ['interpol', 'الإنتربول'],
      ['dgst', 'مديرية مراقبة التراب الوطني'],
    ] as const) {
      assert.ok(lexicon.entries.get(id)!.variants.some((v) => v.lang === 'ar' && v.text === text), `${id}: ${text}`);
    }
    const sentence = 'وأشاد وزير الداخلية الإسباني مارلاسكا بالتعاون مع الأوروبول وفرونتيكس.';
    const found = recognizer.recognize(sentence, { heuristics: false }).entities.map((e) => [e.id, e.text]);
    for (const pair of [
      ['fernando-grande-marlaska', 'مارلاسكا'],
      ['europol', 'الأوروبول'],
      ['frontex', 'فرونتيكس'],
    ]) {
      assert.ok(found.some(([id, t]) => id === pair[0] && t === pair[1]), `${pair.join(' ')} in ${JSON.stringify(found)}`);
    }
  });
});
