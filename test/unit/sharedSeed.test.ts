/**
 * The quality bar of issue 2 on the shared example document (../shared/corpus/seed beside the
 * checkout; CI always has it). The document must give exactly these entities and nothing else,
 * heuristics included, through the same path the CLI takes.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRecognizer } from '#core/recognize';
import type { Category, Entity } from '#core/types';
import { loadLexicon } from '#node/lexiconFiles';

const seedDir = resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'seed');

function byCategory(entities: readonly Entity[]): Record<Category, Set<string>> {
  const out: Record<Category, Set<string>> = { actor: new Set(), country: new Set(), region: new Set(), threat: new Set() };
  for (const e of entities) out[e.category].add(e.category === 'actor' ? e.name : e.id);
  return out;
}

describe('the shared seed communiqué (issue 2 quality bar)', function () {
  before(function () {
    // Only a checkout without ../shared beside it lands here; the suite then shows as pending, never as passed.
    if (!existsSync(seedDir)) this.skip();
  });

  it('gives exactly the expected actors, countries, regions and threats', function () {
    const files = readdirSync(seedDir).filter((f) => f.endsWith('.txt'));
    assert.ok(files.length > 0, `no .txt file in ${seedDir}`);
    const text = readFileSync(join(seedDir, files[0]!), 'utf8');
    const result = createRecognizer(loadLexicon()).recognize(text);
    const got = byCategory(result.entities);
    assert.deepEqual([...got.country].sort(), ['ES', 'MA', 'PT']);
    assert.deepEqual([...got.region].sort(), ['sahara', 'sahel']);
    assert.deepEqual(
      [...got.threat].sort(),
      ['irregular-migration', 'organized-crime', 'public-order', 'terrorism', 'violent-extremism'],
    );
    const actors = result.entities.filter((e) => e.category === 'actor');
    assert.deepEqual([...new Set(actors.map((a) => a.id))].sort(), ['abdellatif-hammouchi', 'dgsn', 'dgst']);
    // DGSN and DGST come from "pôle DGSN-DGST"; Spain from its name, its demonym and the compound.
    assert.deepEqual(actors.filter((a) => a.id !== 'abdellatif-hammouchi').map((a) => a.text).sort(), ['DGSN', 'DGST']);
    const spain = new Set(result.entities.filter((e) => e.id === 'ES').map((e) => e.text.toLowerCase()));
    for (const form of ['espagne', 'espagnol', 'espagnole']) assert.ok(spain.has(form), `Spain is not found as "${form}"`);
    assert.ok(result.entities.some((e) => e.id === 'MA' && e.text === 'maroco'), 'the combining form maroco- is not MA');
  });
});
