/**
 * Workspace lexicon edits (issue 3: "Add to the workspace lexicon", "Ignore in the workspace"):
 * whole files before and after, loaded back with the lexicon reader, applied twice.
 */
import assert from 'node:assert/strict';
import { buildLexicon } from '#core/lexicon/index';
import { planLexiconChange, type LexiconChange, type LexiconEntryAddition } from '#core/lexiconEdits';
import { applyEdits } from '#core/textEdit';

const BOSTYN: LexiconEntryAddition = {
  id: 'francisca-bostyn',
  category: 'actor',
  type: 'person',
  name: 'Francisca Bostyn',
  names: { fr: ['Francisca Bostyn'] },
};

/** Applies a change to an existing file, checks that applying it again changes nothing, returns the text. */
function edit(before: string, change: LexiconChange): string {
  const plan = planLexiconChange(before, change);
  if (!('edits' in plan)) assert.fail(`expected edits, got ${JSON.stringify(plan)}`);
  const after = applyEdits(before, plan.edits);
  assert.deepEqual(planLexiconChange(after, change), { edits: [] }, 'applying the change twice changes nothing');
  return after;
}

/** Loads a lexicon text alone: it must have no problem at all. */
function load(text: string) {
  const lexicon = buildLexicon([{ file: '.communique/lexicon.yaml', text }]);
  assert.deepEqual(lexicon.problems, []);
  return lexicon;
}

describe('workspace lexicon edits: a new file', () => {
  it('writes a minimal, valid lexicon with the entry', () => {
    const plan = planLexiconChange(undefined, { addEntry: BOSTYN });
    assert.ok('newFile' in plan);
    assert.equal(
      plan.newFile,
      'version: 1\nentries:\n  - id: francisca-bostyn\n    category: actor\n    type: person\n    name: Francisca Bostyn\n    names:\n      fr: [Francisca Bostyn]\n',
    );
    const entry = load(plan.newFile).entries.get('francisca-bostyn')!;
    assert.equal(entry.category, 'actor');
    assert.equal(entry.type, 'person');
    assert.equal(entry.name, 'Francisca Bostyn');
    assert.deepEqual({ ...entry.names }, { fr: ['Francisca Bostyn'] });
  });

  it('writes an ignore list, and both at once', () => {
    const ignore = planLexiconChange(undefined, { addIgnore: 'Weka' });
    assert.deepEqual(ignore, { newFile: 'version: 1\nignore:\n  - Weka\n' });
    assert.ok(load('version: 1\nignore:\n  - Weka\n').ignore.has('weka'));
    const both = planLexiconChange(undefined, { addEntry: { ...BOSTYN, type: 'organization', names: { fr: ['NO', 'a: b'], en: ['Yes'] } }, addIgnore: 'yes' });
    assert.ok('newFile' in both);
    assert.equal(
      both.newFile,
      'version: 1\nentries:\n  - id: francisca-bostyn\n    category: actor\n    type: organization\n    name: Francisca Bostyn\n    names:\n      fr: ["NO", "a: b"]\n      en: ["Yes"]\nignore:\n  - "yes"\n',
    );
    const lexicon = load(both.newFile);
    assert.deepEqual({ ...lexicon.entries.get('francisca-bostyn')!.names }, { fr: ['NO', 'a: b'], en: ['Yes'] });
    assert.ok(lexicon.ignore.has('yes'));
  });
});

describe('workspace lexicon edits: an existing file', () => {
  it('appends an entry after the last one, at the indentation of the file, keeping comments', () => {
    const before = [
      '# Lexique de la rédaction',
      'version: 1',
      'entries:',
      '    -   id: brigade-nador   # BRN',
      '        category: actor',
      '        type: organization',
      '        name: Brigade régionale de Nador',
      '        names: {fr: [Brigade régionale de Nador, BRN]}',
      '    # more to come',
      'ignore: [Coupe du monde]',
      '',
    ].join('\n');
    const after = edit(before, { addEntry: BOSTYN });
    assert.equal(after, [
      '# Lexique de la rédaction',
      'version: 1',
      'entries:',
      '    -   id: brigade-nador   # BRN',
      '        category: actor',
      '        type: organization',
      '        name: Brigade régionale de Nador',
      '        names: {fr: [Brigade régionale de Nador, BRN]}',
      '    -   id: francisca-bostyn',
      '        category: actor',
      '        type: person',
      '        name: Francisca Bostyn',
      '        names:',
      '          fr: [Francisca Bostyn]',
      '    # more to come',
      'ignore: [Coupe du monde]',
      '',
    ].join('\n'));
    const lexicon = load(after);
    assert.ok(lexicon.entries.has('brigade-nador') && lexicon.entries.has('francisca-bostyn'));
  });

  it('keeps CRLF, a BOM and a missing final line break', () => {
    const before = '\uFEFFversion: 1\r\nentries:\r\n- id: brn\r\n  category: actor\r\n  type: organization\r\n  name: BRN\r\n  names:\r\n    fr: [BRN]';
    const after = edit(before, { addEntry: BOSTYN, addIgnore: 'Weka' });
    assert.equal(
      after,
      '\uFEFFversion: 1\r\nentries:\r\n- id: brn\r\n  category: actor\r\n  type: organization\r\n  name: BRN\r\n  names:\r\n    fr: [BRN]\r\n' +
        '- id: francisca-bostyn\r\n  category: actor\r\n  type: person\r\n  name: Francisca Bostyn\r\n  names:\r\n    fr: [Francisca Bostyn]\r\n' +
        'ignore:\r\n  - Weka\r\n',
    );
    load(after);
  });

  it('adds an ignore term to a block list, a flow list, an empty key, or a new key', () => {
    assert.equal(edit('version: 1\nignore:\n  - Weka # op\n# end\n', { addIgnore: 'Coupe du monde' }), 'version: 1\nignore:\n  - Weka # op\n  - Coupe du monde\n# end\n');
    assert.equal(edit('version: 1\nignore: [Weka]  # ops\n', { addIgnore: 'Epervier' }), 'version: 1\nignore: [Weka, Epervier]  # ops\n');
    assert.equal(edit('version: 1\nignore: []\n', { addIgnore: 'Epervier' }), 'version: 1\nignore: [Epervier]\n');
    assert.equal(edit('version: 1\nignore:\nentries: []\n', { addIgnore: 'Epervier' }), 'version: 1\nignore:\n  - Epervier\nentries: []\n');
    assert.equal(edit('version: 1\nignore: ~ # none yet\n', { addIgnore: 'Epervier' }), 'version: 1\nignore: # none yet\n  - Epervier\n');
    assert.equal(edit('version: 1\n', { addIgnore: 'Epervier' }), 'version: 1\nignore:\n  - Epervier\n');
    assert.equal(edit('version: 1', { addIgnore: 'Epervier' }), 'version: 1\nignore:\n  - Epervier\n');
    assert.ok(load('version: 1\nignore: [Weka, Epervier]  # ops\n').ignore.has('epervier'));
  });

  it('adds an entry to an empty `entries:`, a flow list, or a file with comments only', () => {
    assert.equal(
      edit('version: 1\nentries: # none yet\nignore: [x]\n', { addEntry: BOSTYN }),
      'version: 1\nentries: # none yet\n  - id: francisca-bostyn\n    category: actor\n    type: person\n    name: Francisca Bostyn\n    names:\n      fr: [Francisca Bostyn]\nignore: [x]\n',
    );
    const flow = edit('version: 1\nentries: []\n', { addEntry: BOSTYN });
    assert.equal(flow, 'version: 1\nentries: [{id: francisca-bostyn, category: actor, type: person, name: Francisca Bostyn, names: {fr: [Francisca Bostyn]}}]\n');
    load(flow);
    const commented = edit('# workspace terms\n', { addIgnore: 'Weka' });
    assert.equal(commented, '# workspace terms\nversion: 1\nignore:\n  - Weka\n');
    load(commented);
    assert.equal(edit('', { addIgnore: 'Weka' }), 'version: 1\nignore:\n  - Weka\n');
  });

  it('changes nothing when the id or the term (folded) is already there', () => {
    const text = 'version: 1\nentries:\n  - id: francisca-bostyn\n    category: actor\n    type: person\n    name: F. Bostyn\n    names: {fr: [F. Bostyn]}\nignore: [Coupe du Monde]\n';
    assert.deepEqual(planLexiconChange(text, { addEntry: BOSTYN }), { edits: [] });
    assert.deepEqual(planLexiconChange(text, { addIgnore: 'coupe-du-monde' }), { edits: [] });
    assert.deepEqual(planLexiconChange(text, { addIgnore: 'COUPE DU MONDE' }), { edits: [] });
  });

  it('refuses what it cannot edit safely, with no edits', () => {
    const refusals: [string | undefined, LexiconChange, RegExp][] = [
      ['version: 1\nentries: [\n', { addEntry: BOSTYN }, /does not parse \(line \d\)/],
      ['version: 1\nentries: {a: 1}\n', { addEntry: BOSTYN }, /`entries` is not a list/],
      ['version: 1\nignore: Weka\n', { addIgnore: 'x' }, /`ignore` is not a list/],
      ['{"version": 1, "entries": []}\n', { addEntry: BOSTYN }, /flow map/],
      ['- a\n', { addIgnore: 'x' }, /not a map/],
      [undefined, { addEntry: { ...BOSTYN, names: {} } }, /at least one name/],
      [undefined, { addEntry: { ...BOSTYN, id: ' ' } }, /id and a name/],
      [undefined, { addIgnore: '  ' }, /empty/],
    ];
    for (const [text, change, reason] of refusals) {
      const plan = planLexiconChange(text, change);
      assert.ok('error' in plan, JSON.stringify(text));
      assert.match(plan.error, reason);
    }
  });
});
