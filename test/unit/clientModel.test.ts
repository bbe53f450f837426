/**
 * The VS Code client's pure logic (client/src/*Model.ts): how the server's entities are grouped,
 * bucketed for decorations and counted for the status bar; and the words of "Add selection to lexicon".
 */
import assert from 'node:assert/strict';
import {
  coerceDecorationSettings,
  decorationBuckets,
  DECORATION_KEYS,
  groupEntities,
  languageName,
  readEntitiesResult,
  statusText,
  statusTooltip,
  summarize,
  type Category,
} from '#client/entitiesModel';
import { defaultLexiconId, LEXICON_TEMPLATE, nameFromSelection, slugify, validateLexiconId } from '#client/lexiconModel';
import { planLexiconChange } from '#core/lexiconEdits';
import { parseLexiconText } from '#core/lexicon/parse';
import { applyEdits } from '#core/textEdit';
import type { EntityMention, EntityState } from '../../server/src/protocol';

let line = 0;
/** A mention on its own line (so document order is creation order unless a line is given). */
function mention(category: Category, id: string, state: EntityState, at = line++, name = id): EntityMention {
  const m: EntityMention = {
    range: { start: { line: at, character: 0 }, end: { line: at, character: name.length } },
    category,
    id,
    name,
    text: name,
    state,
    source: state === 'suggested' ? 'heuristic' : 'lexicon',
  };
  if (category === 'actor') m.type = 'organization';
  return m;
}

/** "3 actors · 4 countries · 5 threats · 2 untagged", as issue 4 words it. */
function issueExample(): EntityMention[] {
  line = 0;
  return [
    mention('actor', 'dgsn', 'tagged'),
    mention('actor', 'dgsn', 'tagged'),
    mention('actor', 'europol', 'untagged'),
    mention('actor', 'guardia-civil', 'tagged'),
    ...['MA', 'ES', 'FR', 'BE'].map((id) => mention('country', id, 'tagged')),
    ...['terrorism', 'drug-trafficking', 'fraud', 'cybercrime'].map((id) => mention('threat', id, 'tagged')),
    mention('threat', 'espionage', 'untagged'),
  ];
}

describe('client model: entities', () => {
  it('reads the entities answer defensively and sorts the mentions in document order', () => {
    assert.equal(readEntitiesResult(null), null);
    assert.equal(readEntitiesResult({ entities: [] }), null, 'no version');
    line = 0;
    const late = mention('country', 'MA', 'untagged', 5);
    const early = mention('actor', 'dgsn', 'tagged', 1);
    const read = readEntitiesResult({ version: 3, entities: [late, { bogus: true }, early], language: 'fr' });
    assert.ok(read);
    assert.equal(read.version, 3);
    assert.equal(read.language, 'fr');
    assert.deepEqual(
      read.entities.map((e) => e.id),
      ['dgsn', 'MA'],
    );
    assert.equal(readEntitiesResult({ version: 1, entities: [] })?.language, undefined);
  });

  it('groups per category in a fixed order, then per entity in first-mention order', () => {
    line = 0;
    const groups = groupEntities([
      mention('threat', 'terrorism', 'tagged'),
      mention('actor', 'europol', 'untagged'),
      mention('actor', 'dgsn', 'tagged'),
      mention('actor', 'europol', 'untagged'),
    ]);
    assert.deepEqual(
      groups.map((g) => [g.category, g.entities.map((e) => `${e.id}×${e.mentions.length}`), g.mentionCount]),
      [
        ['actor', ['europol×2', 'dgsn×1'], 3],
        ['threat', ['terrorism×1'], 1],
      ],
    );
    assert.equal(groups[0]!.entities[0]!.key, 'actor:europol');
    assert.equal(groups[0]!.entities[0]!.type, 'organization');
  });

  it('shows the state that still needs work when the mentions of an entity disagree', () => {
    line = 0;
    const [group] = groupEntities([mention('actor', 'x', 'tagged'), mention('actor', 'x', 'suggested'), mention('actor', 'x', 'untagged')]);
    assert.equal(group!.entities[0]!.state, 'untagged');
    const [suggested] = groupEntities([mention('actor', 'y', 'tagged'), mention('actor', 'y', 'suggested')]);
    assert.equal(suggested!.entities[0]!.state, 'suggested');
  });

  it('buckets ranges per category and state, for the categories shown only', () => {
    const buckets = decorationBuckets(issueExample(), new Set<Category>(['actor', 'threat']));
    assert.deepEqual([...buckets.keys()], [...DECORATION_KEYS], 'every key, so that hidden categories are cleared');
    assert.equal(buckets.get('actor.tagged')!.length, 3);
    assert.equal(buckets.get('actor.untagged')!.length, 1);
    assert.equal(buckets.get('threat.untagged')!.length, 1);
    assert.equal(buckets.get('country.tagged')!.length, 0, 'countries are not shown');
  });

  it('words the status bar as issue 4 does, counting distinct entities', () => {
    const summary = summarize(issueExample());
    assert.equal(statusText(summary), '3 actors · 4 countries · 5 threats · 2 untagged');
    assert.equal(summary.mentions, 13);
    line = 0;
    assert.equal(statusText(summarize([mention('region', 'sahel', 'tagged'), mention('actor', 'bostyn', 'suggested')])), '1 actor · 1 region · 1 suggested');
    assert.equal(statusText(summarize([])), 'No entities');
  });

  it('explains the counts in the tooltip, with the language when the server gives it', () => {
    const tooltip = statusTooltip(summarize(issueExample()), 'fr');
    assert.match(tooltip, /\| Actors \| 3 \| 2 \| 1 \| 0 \|/);
    assert.match(tooltip, /\| Threats \| 5 \| 4 \| 1 \| 0 \|/);
    assert.doesNotMatch(tooltip, /Regions/);
    assert.match(tooltip, /Language: French \(`fr`\)/);
    assert.match(tooltip, /Click to tag all 2 untagged entities\./);
    assert.doesNotMatch(statusTooltip(summarize([])), /Language/);
    assert.equal(languageName('ar'), 'Arabic');
  });

  it('coerces the decoration settings to safe values', () => {
    const all = ['actor', 'country', 'region', 'threat'];
    assert.deepEqual([...coerceDecorationSettings(undefined, undefined).categories], all);
    assert.equal(coerceDecorationSettings(undefined, undefined).enabled, true);
    assert.equal(coerceDecorationSettings(false, all).enabled, false);
    assert.equal(coerceDecorationSettings('no', all).enabled, true, 'only false turns them off');
    assert.deepEqual([...coerceDecorationSettings(true, ['threat', 'people', 3]).categories], ['threat']);
    assert.deepEqual([...coerceDecorationSettings(true, 'actor').categories], all, 'not a list: the default');
  });
});

describe('client model: add selection to lexicon', () => {
  it('takes a name from a selection', () => {
    assert.equal(nameFromSelection('  «Guardia\n  Civil», '), 'Guardia Civil');
    assert.equal(nameFromSelection('“Europol”.'), 'Europol');
    assert.equal(nameFromSelection(' ,; '), '');
  });

  it('offers a kebab-case id, and an ISO code for countries only when the name is one', () => {
    assert.equal(slugify('Sûreté nationale'), 'surete-nationale');
    assert.equal(defaultLexiconId('actor', 'Guardia Civil'), 'guardia-civil');
    assert.equal(defaultLexiconId('region', "Lac Tchad (bassin)"), 'lac-tchad-bassin');
    assert.equal(defaultLexiconId('country', 'xk'), 'XK');
    assert.equal(defaultLexiconId('country', 'Kosovo'), '');
  });

  it('checks ids as the lexicon reader does, and warns about unusual ones', () => {
    assert.equal(validateLexiconId('actor', 'guardia-civil'), undefined);
    assert.equal(validateLexiconId('country', 'XK'), undefined);
    assert.equal(validateLexiconId('actor', '')?.severity, 'error');
    assert.equal(validateLexiconId('actor', '-x')?.severity, 'error');
    assert.equal(validateLexiconId('actor', 'a b')?.severity, 'error');
    assert.equal(validateLexiconId('country', 'Kosovo')?.severity, 'warning');
    assert.equal(validateLexiconId('region', 'Lake_Chad')?.severity, 'warning');
  });

  it('creates a workspace lexicon that loads cleanly and takes its first entry as a block list', () => {
    assert.deepEqual(parseLexiconText({ file: 'lexicon.yaml', text: LEXICON_TEMPLATE }).problems, []);
    const planned = planLexiconChange(LEXICON_TEMPLATE, {
      addEntry: { id: 'guardia-civil', category: 'actor', type: 'organization', name: 'Guardia Civil', names: { es: ['Guardia Civil'] } },
    });
    assert.ok('edits' in planned);
    const after = applyEdits(LEXICON_TEMPLATE, planned.edits);
    assert.ok(after.startsWith(LEXICON_TEMPLATE), 'the comments stay');
    assert.match(after, /\nversion: 1\nentries:\n {2}- id: guardia-civil\n/);
    assert.deepEqual(parseLexiconText({ file: 'lexicon.yaml', text: after }).entries.map((e) => e.id), ['guardia-civil']);
  });
});
