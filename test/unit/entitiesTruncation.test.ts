/**
 * A truncated `communique/entities` answer (issue 6) as the client reads it: the mentions it got
 * are grouped and decorated, while the counts and states come from the server's per-entity totals.
 */
import assert from 'node:assert/strict';
import { decorationBuckets, groupEntities, readEntitiesResult, statusTooltip, summarize, CATEGORIES } from '#client/entitiesModel';
import type { EntitiesResult, EntityMention } from '../../server/src/protocol';

function mention(id: string, line: number, state: EntityMention['state'] = 'tagged'): EntityMention {
  return { range: { start: { line, character: 0 }, end: { line, character: 5 } }, category: 'country', id, name: id, text: id, state, source: 'lexicon' };
}

describe('client model: truncated entities answer', () => {
  const answer: EntitiesResult = {
    version: 3,
    entities: [mention('MA', 0), mention('ES', 1), mention('MA', 2)],
    truncated: { shown: 3, total: 12 },
    entityTotals: [
      { category: 'country', id: 'MA', name: 'MA', state: 'untagged', source: 'lexicon', mentions: 9 },
      { category: 'country', id: 'ES', name: 'ES', state: 'tagged', source: 'lexicon', mentions: 3 },
    ],
  };

  it('reads truncated and the totals, and keeps them out of a complete answer', () => {
    const read = readEntitiesResult(answer)!;
    assert.deepEqual(read.truncated, { shown: 3, total: 12 });
    assert.equal(read.totals?.length, 2);
    const complete = readEntitiesResult({ version: 1, entities: [mention('MA', 0)] })!;
    assert.equal(complete.truncated, undefined);
    assert.equal(complete.totals, undefined);
  });

  it('counts every mention and takes the states from the totals, but decorates only those received', () => {
    const read = readEntitiesResult(answer)!;
    const [countries] = groupEntities(read.entities, read.totals);
    assert.equal(countries!.mentionCount, 12);
    const ma = countries!.entities.find((e) => e.id === 'MA')!;
    assert.equal(ma.total, 9);
    assert.equal(ma.mentions.length, 2);
    assert.equal(ma.state, 'untagged');
    const summary = summarize(read.entities, read.totals);
    assert.equal(summary.mentions, 12);
    assert.equal(summary.untagged, 1);
    assert.match(statusTooltip(summary, undefined, read.truncated), /Showing the first 3 of 12 mentions/);
    const buckets = decorationBuckets(read.entities, new Set(CATEGORIES));
    assert.equal([...buckets.values()].reduce((n, r) => n + r.length, 0), 3);
  });
});
