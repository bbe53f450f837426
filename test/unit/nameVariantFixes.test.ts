/**
 * `name.variant` (issue 5): the diagnostic on a misspelt or transliterated actor name, its quick
 * fixes ("Change to «Hammouchi»", "Accept «Hamouchi» as a spelling of ..."), tagging such a
 * mention, and the workspace-lexicon edit that accepts a spelling. Whole documents and whole
 * lexicon files are compared before and after each edit.
 */
import assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import { analyzeDocument, type AnalyzedDocument } from '#core/analysis';
import { planActions, type ActionPlan } from '#core/codeActions';
import { computeDiagnostics, variantReplacement, type CommuniqueDiagnostic } from '#core/diagnostics';
import { buildLexicon } from '#core/lexicon/index';
import { parseLexiconText } from '#core/lexicon/parse';
import { planLexiconChange, type AcceptedSpelling } from '#core/lexiconEdits';
import { minimalEdit } from '#core/nameVariantFixes';
import { createRecognizer, type Recognizer } from '#core/recognize';
import { coerceSettings, DEFAULT_SETTINGS, type CommuniqueSettings } from '#core/settings';
import { applyEdits } from '#core/textEdit';
import type { Lexicon } from '#core/types';
import { readBuiltinLexicons } from '#node/lexiconFiles';

describe('name.variant: diagnostics and quick fixes', function () {
  let lexicon: Lexicon;
  let recognizer: Recognizer;

  before(function () {
    lexicon = buildLexicon(readBuiltinLexicons());
    assert.deepEqual(lexicon.problems, []);
    recognizer = createRecognizer(lexicon);
  });

  function open(text: string, settings: CommuniqueSettings = DEFAULT_SETTINGS, lex: Lexicon = lexicon): { doc: AnalyzedDocument; diagnostics: CommuniqueDiagnostic[] } {
    const doc = analyzeDocument({ uri: 'file:///ws/press/note.md', version: 3, text }, lex === lexicon ? recognizer : createRecognizer(lex), settings);
    return { doc, diagnostics: computeDiagnostics(doc, lex, settings) };
  }

  const variants = (diagnostics: readonly CommuniqueDiagnostic[]): CommuniqueDiagnostic[] => diagnostics.filter((d) => d.code === 'name.variant');

  function actionsAt(text: string, at: string, occurrence = 0, lex: Lexicon = lexicon): { plans: ActionPlan[]; doc: AnalyzedDocument } {
    const { doc, diagnostics } = open(text, DEFAULT_SETTINGS, lex);
    let start = -1;
    for (let n = 0; n <= occurrence; n++) start = text.indexOf(at, start + 1);
    assert.ok(start >= 0, `${at} is in the text`);
    return { plans: planActions(doc, diagnostics, { start, end: start + at.length }, lex, DEFAULT_SETTINGS), doc };
  }

  function apply(text: string, plan: ActionPlan | undefined): string {
    assert.ok(plan, 'the plan exists');
    assert.equal(plan.disabled, undefined);
    return applyEdits(text, plan.edits ?? []);
  }

  it('fr: one diagnostic per mention, naming the spelling and the actor, with the data its fixes need', () => {
    const text = 'Le directeur général Abdellatif Hamouchi a reçu la délégation. M. Hamouchi a salué la coopération.\n';
    const found = variants(open(text).diagnostics);
    assert.deepEqual(
      found.map((d) => [text.slice(d.start, d.end), d.severity, d.message]),
      [
        ['Abdellatif Hamouchi', 'information', '«Abdellatif Hamouchi» looks like a variant of Abdellatif Hammouchi'],
        ['Hamouchi', 'information', '«Hamouchi» looks like a variant of Hammouchi (Abdellatif Hammouchi)'],
      ],
    );
    assert.deepEqual(found[1]!.data, {
      code: 'name.variant',
      category: 'actor',
      id: 'abdellatif-hammouchi',
      name: 'Abdellatif Hammouchi',
      text: 'Hamouchi',
      replacement: 'Hammouchi',
      distance: 0,
    });
  });

  it('follows the severity setting, and says nothing for names written as the lexicon writes them', () => {
    const text = 'M. Hamouchi a salué la coopération.\n';
    assert.equal(variants(open(text, coerceSettings({ diagnostics: { severity: { variant: 'off' } } })).diagnostics).length, 0);
    assert.deepEqual(
      variants(open(text, coerceSettings({ diagnostics: { severity: { variant: 'warning' } } })).diagnostics).map((d) => d.severity),
      ['warning'],
    );
    assert.equal(variants(open('M. Hammouchi a salué la coopération.\n').diagnostics).length, 0);
  });

  it('writes the replacement in capitals for a mention in capitals', () => {
    assert.equal(variantReplacement('HAMOUCHI', 'Hammouchi'), 'HAMMOUCHI');
    assert.equal(variantReplacement('Hamouchi', 'Hammouchi'), 'Hammouchi');
    const text = 'LE DIRECTEUR ABDELLATIF HAMOUCHI A REÇU LA DÉLÉGATION\n\nLe texte suit.\n';
    assert.deepEqual(
      variants(open(text).diagnostics).map((d) => [d.data.code === 'name.variant' ? d.data.replacement : '']),
      [['ABDELLATIF HAMMOUCHI']],
    );
  });

  it('fr: "Change to «Hammouchi»" is preferred and changes only the letters that differ', () => {
    const text = 'Selon M. Hamouchi, la coopération est exemplaire.\n';
    const { plans } = actionsAt(text, 'Hamouchi');
    const change = plans.find((p) => p.title === 'Change to «Hammouchi»');
    assert.equal(change?.isPreferred, true);
    assert.equal(change?.kind, 'quickfix');
    assert.deepEqual(change?.edits, [{ start: text.indexOf('Hamouchi') + 3, end: text.indexOf('Hamouchi') + 3, newText: 'm' }]);
    assert.equal(apply(text, change), 'Selon M. Hammouchi, la coopération est exemplaire.\n');
  });

  it('es: "Fernandez Dias" becomes "Fernández Díaz", the text around it unchanged', () => {
    const text = 'El ministro Fernandez Dias se reunió ayer en Madrid con su homólogo.\n';
    const { plans } = actionsAt(text, 'Fernandez Dias');
    assert.equal(apply(text, plans.find((p) => p.title === 'Change to «Fernández Díaz»')), 'El ministro Fernández Díaz se reunió ayer en Madrid con su homólogo.\n');
  });

  it('en: the accept action writes the mention as an accepted spelling of the actor', () => {
    const text = 'Director General Yasine Mansuri met his counterparts on Monday.\n';
    const { plans } = actionsAt(text, 'Yasine Mansuri');
    const accept = plans.find((p) => p.title === 'Accept «Yasine Mansuri» as a spelling of Yassine Mansouri');
    assert.deepEqual(accept, {
      title: 'Accept «Yasine Mansuri» as a spelling of Yassine Mansouri',
      kind: 'quickfix',
      lexicon: { acceptSpelling: { id: 'yassine-mansouri', spelling: 'Yasine Mansuri' } },
      diagnostics: accept?.diagnostics,
    });
    assert.equal(accept?.isPreferred, undefined);
  });

  it('ar: a joined given name is split as the lexicon writes it', () => {
    const text = 'استقبل السيد عبداللطيف حموشي وفدا من الشرطة الإسبانية.\n';
    const { plans } = actionsAt(text, 'عبداللطيف حموشي');
    assert.equal(apply(text, plans.find((p) => p.title === 'Change to «عبد اللطيف حموشي»')), 'استقبل السيد عبد اللطيف حموشي وفدا من الشرطة الإسبانية.\n');
  });

  it('tags a variant mention with the canonical actor value, like any lexicon actor', () => {
    const text = '---\nactors: []\n---\nM. Hamouchi a salué la coopération.\n';
    const { plans } = actionsAt(text, 'Hamouchi');
    assert.equal(apply(text, plans.find((p) => p.title === 'Tag Abdellatif Hammouchi as actor')), '---\nactors: [Abdellatif Hammouchi]\n---\nM. Hamouchi a salué la coopération.\n');
    const { doc, diagnostics } = open('---\nactors: [Abdellatif Hammouchi]\n---\nM. Hamouchi a salué la coopération.\n');
    assert.equal(doc.tagValueOf(doc.recognition.entities.find((e) => e.category === 'actor')!), 'Abdellatif Hammouchi');
    // Tagged: no untagged diagnostic, and the spelling is still worth a look.
    assert.deepEqual(diagnostics.map((d) => d.code), ['name.variant']);
  });

  it('offers no change for a diagnostic that no longer describes the text', () => {
    const text = 'Selon M. Hamouchi, la coopération est exemplaire.\n';
    const { doc, diagnostics } = open(text);
    const stale = diagnostics.map((d) => (d.code === 'name.variant' ? { ...d, start: d.start + 1, end: d.end + 1 } : d));
    const plans = planActions(doc, stale, { start: 0, end: text.length }, lexicon, DEFAULT_SETTINGS);
    assert.equal(plans.find((p) => p.title.startsWith('Change to')), undefined);
  });

  it('reports nothing for an accepted spelling', () => {
    const lex = buildLexicon([...readBuiltinLexicons(), { file: 'ws.yaml', text: 'version: 1\nentries:\n  - {id: abdellatif-hammouchi, merge: extend, accepted: [Hamouchi]}\n' }]);
    const { doc, diagnostics } = open('M. Hamouchi a salué la coopération.\n', DEFAULT_SETTINGS, lex);
    assert.equal(doc.recognition.entities.find((e) => e.category === 'actor')?.nameVariant?.accepted, true);
    assert.deepEqual(variants(diagnostics), []);
  });

  it('finds the smallest edit between two spellings', () => {
    assert.deepEqual(minimalEdit('Hamouchi', 'Hammouchi'), { start: 3, end: 3, newText: 'm' });
    assert.deepEqual(minimalEdit('Fernandez Dias', 'Fernández Díaz'), { start: 4, end: 14, newText: 'ández Díaz' });
    assert.deepEqual(minimalEdit('abc', 'abc'), { start: 3, end: 3, newText: '' });
    // Never between the halves of a surrogate pair.
    const edit = minimalEdit('a𝕏b', 'a𝕐b');
    assert.deepEqual(edit, { start: 1, end: 3, newText: '𝕐' });
  });
});

describe('name.variant: accepting a spelling in the workspace lexicon', () => {
  const accept: AcceptedSpelling = { id: 'abdellatif-hammouchi', spelling: 'Hamouchi' };

  /** The lexicon text after the change, which must load without errors and accept the spelling. */
  function after(existing: string | undefined, change: AcceptedSpelling = accept): string {
    const planned = planLexiconChange(existing, { acceptSpelling: change });
    if ('error' in planned) assert.fail(planned.error);
    const text = 'newFile' in planned ? planned.newFile : applyEdits(existing ?? '', planned.edits);
    const parsed = parseLexiconText({ file: 'lexicon.yaml', text });
    assert.deepEqual(parsed.problems.filter((p) => p.severity === 'error'), []);
    assert.ok(parsed.entries.find((e) => e.id === change.id)?.accepted.includes(change.spelling), text);
    parseYaml(text);
    return text;
  }

  it('creates the lexicon with a `merge: extend` entry', () => {
    assert.equal(after(undefined), 'version: 1\nentries:\n  - id: abdellatif-hammouchi\n    merge: extend\n    accepted: [Hamouchi]\n');
  });

  it('adds an entry after the others, at their indentation, keeping comments', () => {
    const before = [
      '# Workspace lexicon',
      'version: 1',
      'entries:',
      '    - id: brigade-nador   # the regional brigade',
      '      category: actor',
      '      type: organization',
      '      names: {fr: [Brigade régionale de Nador]}',
      '# end of entries',
      'ignore: [Coupe du Trône]',
      '',
    ].join('\n');
    assert.equal(
      after(before),
      [
        '# Workspace lexicon',
        'version: 1',
        'entries:',
        '    - id: brigade-nador   # the regional brigade',
        '      category: actor',
        '      type: organization',
        '      names: {fr: [Brigade régionale de Nador]}',
        '    - id: abdellatif-hammouchi',
        '      merge: extend',
        '      accepted: [Hamouchi]',
        '# end of entries',
        'ignore: [Coupe du Trône]',
        '',
      ].join('\n'),
    );
  });

  it('adds `accepted:` to the entry the file already has for the id', () => {
    const before = 'version: 1\nentries:\n  - id: abdellatif-hammouchi\n    merge: extend\n    names: {fr: [Hammouchi Abdellatif]}\n  - id: other\n    disabled: true\n';
    assert.equal(
      after(before),
      'version: 1\nentries:\n  - id: abdellatif-hammouchi\n    merge: extend\n    names: {fr: [Hammouchi Abdellatif]}\n    accepted: [Hamouchi]\n  - id: other\n    disabled: true\n',
    );
  });

  it('adds to an `accepted:` list, block or flow, and not twice', () => {
    const block = 'version: 1\nentries:\n  - id: abdellatif-hammouchi\n    merge: extend\n    accepted:\n      - Hamouchy  # seen in 2019\n';
    assert.equal(after(block), 'version: 1\nentries:\n  - id: abdellatif-hammouchi\n    merge: extend\n    accepted:\n      - Hamouchy  # seen in 2019\n      - Hamouchi\n');
    const flow = 'version: 1\nentries:\n  - id: abdellatif-hammouchi\n    merge: extend\n    accepted: [Hamouchy]\n';
    assert.equal(after(flow), 'version: 1\nentries:\n  - id: abdellatif-hammouchi\n    merge: extend\n    accepted: [Hamouchy, Hamouchi]\n');
    const done = 'version: 1\nentries:\n  - id: abdellatif-hammouchi\n    merge: extend\n    accepted: [HAMOUCHI]\n';
    assert.deepEqual(planLexiconChange(done, { acceptSpelling: accept }), { edits: [] });
  });

  it('writes into an entry written as a flow map, and into `entries: [...]`', () => {
    assert.equal(
      after('version: 1\nentries:\n  - {id: abdellatif-hammouchi, merge: extend}\n'),
      'version: 1\nentries:\n  - {id: abdellatif-hammouchi, merge: extend, accepted: [Hamouchi]}\n',
    );
    assert.equal(
      after('version: 1\nentries: [{id: x, disabled: true}]\n'),
      'version: 1\nentries: [{id: x, disabled: true}, {id: abdellatif-hammouchi, merge: extend, accepted: [Hamouchi]}]\n',
    );
  });

  it('keeps CRLF line ends and quotes a spelling YAML would misread', () => {
    const before = 'version: 1\r\nentries:\r\n  - id: x\r\n    disabled: true\r\n';
    assert.equal(
      after(before, { id: 'abdellatif-hammouchi', spelling: 'Hamouchi: DGSN' }),
      'version: 1\r\nentries:\r\n  - id: x\r\n    disabled: true\r\n  - id: abdellatif-hammouchi\r\n    merge: extend\r\n    accepted: ["Hamouchi: DGSN"]\r\n',
    );
  });

  it('refuses what it cannot write safely, and says why', () => {
    const refuse = (existing: string | undefined, change: AcceptedSpelling): string => {
      const planned = planLexiconChange(existing, { acceptSpelling: change });
      assert.ok('error' in planned, JSON.stringify(planned));
      return planned.error;
    };
    assert.match(refuse('version: 1\nentries: [\n', accept), /does not parse/);
    assert.match(refuse('version: 1\nentries:\n  - id: abdellatif-hammouchi\n    accepted: Hamouchy\n', accept), /`accepted` of abdellatif-hammouchi is not a list/);
    assert.match(refuse(undefined, { id: 'abdellatif-hammouchi', spelling: '  ' }), /the spelling is empty/);
    assert.match(refuse(undefined, { id: '-bad id', spelling: 'Hamouchi' }), /needs the id/);
  });
});
