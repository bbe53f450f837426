/**
 * The `communique/entities` answer of a document with more mentions than one answer carries
 * (issue 6): at most MAX_MENTIONS_PER_ANSWER mentions, `truncated` saying how many there are, and
 * `entityTotals` counting every entity over the whole document, so that the client's counts stay
 * right while it decorates only the first mentions.
 */
import * as assert from 'node:assert/strict';
import type { EntitiesResult, EntityMention } from '../../server/src/protocol';
import { LspClient } from './harness';

/** MAX_MENTIONS_PER_ANSWER of server/src/protocol.ts: the documented cap (tests import only its types). */
const MAX_MENTIONS_PER_ANSWER = 5000;

/** A French paragraph of a press release with several lexicon entities. */
const PARAGRAPH =
  "La Guardia Civil et la police marocaine ont démantelé un réseau de trafic de stupéfiants entre le Maroc et l'Espagne. " +
  "Europol a coordonné l'enquête, qui a duré dix-huit mois et s'est étendue au Sahel.";

/** Counts per `category:id`. */
function countByEntity(mentions: readonly EntityMention[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(`${m.category}:${m.id}`, (counts.get(`${m.category}:${m.id}`) ?? 0) + 1);
  return counts;
}

describe('protocol: the entities answer is capped', function () {
  this.timeout(60_000);
  let client: LspClient;
  afterEach(async () => {
    await client?.shutdown();
  });

  it(`carries at most ${MAX_MENTIONS_PER_ANSWER} mentions and counts them all`, async () => {
    client = await LspClient.start({ settings: { maxFileSize: 20_000_000 } });
    // One paragraph first: what the server finds in it, uncapped.
    const one = await client.open('communiques/one.md', `${PARAGRAPH}\n`);
    const single = await client.request<EntitiesResult>('communique/entities', { textDocument: { uri: one } });
    assert.ok(single !== null && single.truncated === undefined && single.entityTotals === undefined, 'a small answer is not truncated');
    const perParagraph = countByEntity(single.entities);
    assert.ok(perParagraph.size >= 3, `several entities in the paragraph: ${[...perParagraph.keys()].join(', ')}`);

    // Enough copies to pass the cap, then one entity mentioned only in the last paragraph.
    const copies = Math.ceil((MAX_MENTIONS_PER_ANSWER * 1.5) / single.entities.length);
    const last = 'Les autorités de la Tunisie ont été informées.';
    const text = `${Array.from({ length: copies }, () => PARAGRAPH).join('\n\n')}\n\n${last}\n`;
    const uri = await client.open('communiques/many.md', text);
    const answer = await client.request<EntitiesResult>('communique/entities', { textDocument: { uri } });
    assert.ok(answer !== null);

    const lastOnly = await client.open('communiques/last.md', `${last}\n`);
    const lastAnswer = await client.request<EntitiesResult>('communique/entities', { textDocument: { uri: lastOnly } });
    const expected = new Map([...perParagraph].map(([key, n]) => [key, n * copies]));
    for (const [key, n] of countByEntity(lastAnswer!.entities)) expected.set(key, (expected.get(key) ?? 0) + n);
    const total = [...expected.values()].reduce((a, b) => a + b, 0);
    assert.ok(total > MAX_MENTIONS_PER_ANSWER);

    assert.equal(answer.entities.length, MAX_MENTIONS_PER_ANSWER);
    assert.deepEqual(answer.truncated, { shown: MAX_MENTIONS_PER_ANSWER, total });
    // Every entity is counted over the whole document, the one of the last paragraph too.
    assert.ok(answer.entityTotals !== undefined);
    assert.deepEqual(new Map(answer.entityTotals.map((t) => [`${t.category}:${t.id}`, t.mentions])), expected);
    // Every entity keeps at least one mention to reveal, and the mentions are in document order.
    const shown = countByEntity(answer.entities);
    for (const key of expected.keys()) assert.ok((shown.get(key) ?? 0) >= 1, `${key} has a mention in the answer`);
    const lastLine = text.split('\n').length - 2;
    assert.ok(answer.entities.some((m) => m.range.start.line === lastLine), 'the entity of the last paragraph is shown');
    for (let i = 1; i < answer.entities.length; i++) {
      const a = answer.entities[i - 1]!.range.start;
      const b = answer.entities[i]!.range.start;
      assert.ok(a.line < b.line || (a.line === b.line && a.character <= b.character), `mention ${i} follows mention ${i - 1}`);
    }
    // Nothing is tagged: every lexicon entity is untagged, every heuristic one suggested.
    for (const t of answer.entityTotals) assert.equal(t.state, t.source === 'lexicon' ? 'untagged' : 'suggested');
  });
});
