/**
 * Column buffers reused from one recognition to the next (text/tokenColumns.ts, ColumnPool): a
 * reused buffer still holds the values of the document before, so nothing of it may show through.
 */
import assert from 'node:assert/strict';
import { buildLexicon } from '#core/lexicon/index';
import { createRecognizer } from '#core/recognize';
import { ColumnPool } from '#core/text/tokenColumns';
import { tokenizeColumns } from '#core/text/tokenize';
import { readBuiltinLexicons } from '#node/lexiconFiles';

const PARAGRAPHS = [
  "La Direction générale de la Sûreté nationale a démantelé une cellule terroriste à Tanger, en coordination avec la Guardia Civil espagnole.",
  "M. Abdellatif Hammouchi a salué la coopération maroco-espagnole dans la lutte contre la criminalité transnationale organisée au Sahel.",
  'The operation, supported by Europol and Interpol, targeted migrant smuggling networks between Morocco and Spain.',
  'La Policía Nacional detuvo a tres personas por tráfico de drogas en Algeciras, según el Ministerio del Interior.',
  'أعلنت المديرية العامة للأمن الوطني عن تفكيك خلية إرهابية بمدينة طنجة بتنسيق مع الحرس المدني الإسباني.',
];

/** A document of `count` paragraphs taken in turn from PARAGRAPHS, starting at `offset`. */
function documentOf(count: number, offset: number): string {
  return Array.from({ length: count }, (_, i) => PARAGRAPHS[(i + offset) % PARAGRAPHS.length]!).join('\n\n') + '\n';
}

function plainColumns(columns: ReturnType<typeof tokenizeColumns>): unknown {
  return { starts: [...columns.starts], ends: [...columns.ends], wordOf: [...columns.wordOf], after: [...columns.after], words: columns.words };
}

describe('column buffers reused across documents', () => {
  it('tokenizeColumns writes into a pooled buffer and shows exactly the fresh columns', () => {
    const pool = new ColumnPool();
    const long = documentOf(40, 0);
    const first = tokenizeColumns(long, 0, long.length, new Map(), pool);
    pool.give(first);
    assert.ok(pool.pooledTokens >= first.starts.length, 'the buffers went back to the pool');
    // A shorter, different text in the same buffers: the old tokens lie past its end.
    const short = documentOf(3, 2);
    const reused = tokenizeColumns(short, 0, short.length, new Map(), pool);
    assert.equal(pool.pooledTokens, 0, 'the pooled buffers were taken');
    assert.equal(reused.starts.buffer, first.starts.buffer, 'written into the same memory');
    assert.deepEqual(plainColumns(reused), plainColumns(tokenizeColumns(short, 0, short.length, new Map())));
  });

  it('does not take the same buffers twice, and keeps only a few sets', () => {
    const pool = new ColumnPool();
    const text = documentOf(5, 0);
    const columns = tokenizeColumns(text, 0, text.length, new Map());
    pool.give(columns);
    pool.give(columns);
    assert.equal(pool.pooledTokens, columns.starts.buffer.byteLength / 4, 'one set, not two');
    const sets = Array.from({ length: 10 }, (_, i) => tokenizeColumns(documentOf(i + 1, i), 0, Infinity, new Map()));
    for (const s of sets) pool.give(s);
    assert.ok(pool.pooledTokens <= 4 * Math.max(...sets.map((s) => s.starts.buffer.byteLength / 4)));
  });

  it('a recognizer gives the same entities for every document whatever it recognised before', () => {
    const lexicon = buildLexicon(readBuiltinLexicons());
    const reusing = createRecognizer(lexicon);
    // Long, then short, then interleaved sliced recognitions: every order of reuse.
    const documents = [documentOf(60, 0), documentOf(2, 3), documentOf(25, 1), documentOf(1, 4), documentOf(60, 2)];
    const expected = documents.map((d) => createRecognizer(lexicon).recognize(d));
    for (const [i, d] of documents.entries()) assert.deepEqual(reusing.recognize(d), expected[i], `document ${i}`);
    const a = reusing.steps(documents[0]!, { sliceChars: 2_000 });
    const b = reusing.steps(documents[4]!, { sliceChars: 1_500 });
    let ra;
    let rb;
    while (ra === undefined || rb === undefined) {
      ra ??= a.step();
      rb ??= b.step();
    }
    assert.deepEqual(ra.entities, expected[0]!.entities);
    assert.deepEqual(rb.entities, expected[4]!.entities);
    assert.ok(expected[0]!.entities.length > 100, 'the documents have entities to compare');
  });
});
