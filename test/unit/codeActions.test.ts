/**
 * Code-action plans over the real built-in lexicons (issue 3, "Quick fixes and code actions"):
 * titles, kinds, disabled reasons and lexicon changes, and for every edit the WHOLE document after
 * applying it. The communiqués are short ones written for these tests.
 */
import assert from 'node:assert/strict';
import { analyzeDocument, type AnalyzedDocument } from '#core/analysis';
import { planActions, planTagAll, type ActionPlan } from '#core/codeActions';
import { computeDiagnostics, type CommuniqueDiagnostic } from '#core/diagnostics';
import { buildLexicon } from '#core/lexicon/index';
import { planLexiconChange } from '#core/lexiconEdits';
import { createRecognizer, type Recognizer } from '#core/recognize';
import { coerceSettings, DEFAULT_SETTINGS, type CommuniqueSettings } from '#core/settings';
import { applyEdits } from '#core/textEdit';
import type { Lexicon } from '#core/types';
import { readBuiltinLexicons } from '#node/lexiconFiles';

const FR_BODY =
  'Tanger, le 14 mai – Les services de la DGSN ont arrêté trois suspects liés à un réseau de trafic de haschich ' +
  "opérant entre le Maroc et l'Espagne. Selon le commissaire Hervé Lacombe, l'Espagne a fourni une aide décisive.\n";

const EN_BODY =
  'Rabat, 2 June – Police dismantled a cell planning terrorist attacks, the interior ministry said. ' +
  'Investigators from Morocco worked for weeks on the case.\n';

describe('code actions', function () {
  let lexicon: Lexicon;
  let recognizer: Recognizer;

  before(function () {
    lexicon = buildLexicon(readBuiltinLexicons());
    assert.deepEqual(lexicon.problems, []);
    recognizer = createRecognizer(lexicon);
  });

  interface Session {
    doc: AnalyzedDocument;
    diagnostics: CommuniqueDiagnostic[];
    /** The plans for the range of the first occurrence of `at` (or the whole document start). */
    actions(at?: string, only?: string[]): ActionPlan[];
    /** The document after applying the plan with this title. */
    apply(title: string, at?: string, only?: string[]): string;
  }

  function open(text: string, settings: CommuniqueSettings = DEFAULT_SETTINGS, lex: Lexicon = lexicon): Session {
    const doc = analyzeDocument({ uri: 'file:///drafts/press/note.md', version: 7, text }, lex === lexicon ? recognizer : createRecognizer(lex), settings);
    const diagnostics = computeDiagnostics(doc, lex, settings);
    const actions = (at?: string, only?: string[]): ActionPlan[] => {
      const start = at === undefined ? 0 : text.indexOf(at);
      assert.ok(start >= 0, `${at} is in the text`);
      return planActions(doc, diagnostics, { start, end: start + (at?.length ?? 0) }, lex, settings, only);
    };
    return {
      doc,
      diagnostics,
      actions,
      apply(title, at, only) {
        const plans = actions(at, only);
        const plan = plans.find((p) => p.title === title);
        assert.ok(plan, `"${title}" among ${JSON.stringify(plans.map((p) => p.title))}`);
        assert.equal(plan.disabled, undefined);
        assert.ok(plan.edits !== undefined && plan.edits.length > 0, `${title} has edits`);
        return applyEdits(text, plan.edits);
      },
    };
  }

  function titles(plans: readonly ActionPlan[]): string[] {
    return plans.map((p) => `${p.kind}: ${p.title}${p.isPreferred ? ' (preferred)' : ''}${p.disabled ? ' [disabled]' : ''}`);
  }

  it('offers the fixes of an untagged entity, named by entity and key, and tags it', () => {
    const text = `date 2025-05\n${FR_BODY}`;
    const s = open(text);
    assert.deepEqual(titles(s.actions('Espagne')), [
      'quickfix: Tag Espagne as country ES (preferred)',
      'quickfix: Ignore "Espagne" in this document',
      'quickfix: Ignore "Espagne" in the workspace',
      'quickfix: Tag all 4 untagged entities',
      // The source twin of "Tag all" is the same action: listed once.
      'source: Move date header into front matter',
    ]);
    const tag = s.actions('Espagne')[0]!;
    assert.deepEqual(
      tag.diagnostics?.map((d) => d.code),
      ['entity.untagged'],
    );
    assert.equal(s.apply('Tag Espagne as country ES', 'Espagne'), `---\ncountries:\n  - ES\n---\ndate 2025-05\n${FR_BODY}`);
    assert.deepEqual(s.actions('Espagne').find((p) => p.title === 'Ignore "Espagne" in the workspace')?.lexicon, { addIgnore: 'Espagne' });
  });

  it('tags every untagged entity in first-mention order, and a second time changes nothing', () => {
    const text = `date 2025-05\n${FR_BODY}`;
    const s = open(text);
    const tagged = s.apply('Tag all 4 untagged entities', 'Espagne');
    const expected =
      '---\nactors:\n  - Direction générale de la Sûreté nationale\ncountries:\n  - MA\n  - ES\nthreats:\n  - drug-trafficking\n---\n' +
      `date 2025-05\n${FR_BODY}`;
    assert.equal(tagged, expected);
    const all = planTagAll(s.doc, lexicon, DEFAULT_SETTINGS);
    assert.ok('edits' in all);
    assert.equal(applyEdits(text, all.edits), expected);

    const again = open(tagged);
    assert.deepEqual(planTagAll(again.doc, lexicon, DEFAULT_SETTINGS), { edits: [] });
    assert.deepEqual(
      again.diagnostics.map((d) => d.code),
      ['header.date', 'entity.suggested'],
    );
    assert.ok(!titles(again.actions('Espagne')).some((t) => t.includes('Tag')));
  });

  it('keeps every other byte of an existing front matter: comments, flow style, CRLF', () => {
    const body = FR_BODY.replace(/\n/g, '\r\n');
    const text = `---\r\ntitle: Saisie à Tanger  # brouillon\r\ncountries: [MA]\r\n---\r\n${body}`;
    const s = open(text);
    assert.equal(s.apply('Tag Espagne as country ES', 'Espagne'), `---\r\ntitle: Saisie à Tanger  # brouillon\r\ncountries: [MA, ES]\r\n---\r\n${body}`);
    assert.equal(
      s.apply('Tag all 3 untagged entities', 'Espagne'),
      '---\r\ntitle: Saisie à Tanger  # brouillon\r\ncountries: [MA, ES]\r\nactors: [Direction générale de la Sûreté nationale]\r\n' +
        `threats: [drug-trafficking]\r\n---\r\n${body}`,
    );
  });

  it('is the fix-all action when `only` asks for source.fixAll, and filters kinds by `only`', () => {
    const text = `date 2025-05\n${FR_BODY}`;
    const s = open(text);
    for (const only of [['source.fixAll'], ['source.fixAll.communique']]) {
      const plans = s.actions('Espagne', only);
      assert.deepEqual(titles(plans), ['source.fixAll.communique: Tag all 4 untagged entities'], only[0]);
      const all = planTagAll(s.doc, lexicon, DEFAULT_SETTINGS);
      assert.ok('edits' in all);
      assert.deepEqual(plans[0]!.edits, all.edits);
      assert.deepEqual(
        plans[0]!.diagnostics?.map((d) => d.data.code === 'entity.untagged' && d.data.id),
        ['dgsn', 'drug-trafficking', 'MA', 'ES'],
      );
    }
    assert.ok(s.actions('Espagne', ['quickfix']).every((p) => p.kind === 'quickfix'));
    assert.deepEqual(titles(s.actions('Espagne', ['source'])), ['source: Tag all 4 untagged entities', 'source: Move date header into front matter']);
    // The Source Action menu asks anywhere in the document, with no diagnostic in range.
    assert.deepEqual(titles(s.actions('Tanger', ['source'])), titles(s.actions('Espagne', ['source'])));
    assert.deepEqual(s.actions('Espagne', ['refactor']), []);
  });

  it('moves the date header into the front matter as its first key', () => {
    const text = `date 2025-05\n${FR_BODY}`;
    assert.equal(open(text).apply('Move date header into front matter', 'date 2025-05'), `---\ndate: 2025-05\n---\n${FR_BODY}`);
    const withBlock = `---\n# brouillon\ntitle: Saisie\n---\ndate 2025-05\n${FR_BODY}`;
    const s = open(withBlock);
    const move = s.actions('date 2025-05').find((p) => p.title === 'Move date header into front matter')!;
    assert.equal(move.kind, 'quickfix');
    assert.equal(move.isPreferred, true);
    assert.deepEqual(
      move.diagnostics?.map((d) => d.code),
      ['header.date'],
    );
    assert.equal(s.apply('Move date header into front matter', 'date 2025-05'), `---\ndate: 2025-05\n# brouillon\ntitle: Saisie\n---\n${FR_BODY}`);
  });

  it('removes one stale tag or all of them, leaving the tags that still apply', () => {
    const text = `---\ncountries:\n  - Marruecos  # as the Spanish desk writes it\n  - PT\nregions: [sahel]\nthreats: [terrorism]\n---\n${EN_BODY}`;
    const s = open(text);
    assert.deepEqual(titles(s.actions('PT')), ['quickfix: Remove stale tag PT from countries (preferred)', 'quickfix: Remove all 2 stale tags']);
    assert.equal(
      s.apply('Remove stale tag PT from countries', 'PT'),
      `---\ncountries:\n  - Marruecos  # as the Spanish desk writes it\nregions: [sahel]\nthreats: [terrorism]\n---\n${EN_BODY}`,
    );
    const cleaned = s.apply('Remove all 2 stale tags', 'PT');
    assert.equal(cleaned, `---\ncountries:\n  - Marruecos  # as the Spanish desk writes it\nregions: []\nthreats: [terrorism]\n---\n${EN_BODY}`);
    assert.deepEqual(open(cleaned).diagnostics, []);
    assert.deepEqual(titles(s.actions('Rabat', ['source'])), ['source: Remove all 2 stale tags']);
  });

  it('replaces an unknown tag with the suggestion in place, keeping its quotes', () => {
    const text = `---\ncountries: ["Marocco", PT]\n---\n${EN_BODY}`;
    const s = open(text);
    assert.deepEqual(titles(s.actions('Marocco')), [
      'quickfix: Replace unknown tag "Marocco" with MA (did you mean Morocco?) (preferred)',
      'quickfix: Remove unknown tag "Marocco" from countries',
      'source: Tag all 2 untagged entities',
      'source: Remove 1 stale tag',
    ]);
    const replaced = s.apply('Replace unknown tag "Marocco" with MA (did you mean Morocco?)', 'Marocco');
    assert.equal(replaced, `---\ncountries: ["MA", PT]\n---\n${EN_BODY}`);
    assert.equal(s.apply('Remove unknown tag "Marocco" from countries', 'Marocco'), `---\ncountries: [PT]\n---\n${EN_BODY}`);
    assert.deepEqual(
      open(replaced).diagnostics.map((d) => d.message),
      ['countries lists PT, which the text no longer mentions', 'terrorism (threat terrorism) is not tagged in threats'],
    );
    // The suggestion is already listed: replacing is removing.
    const listed = `---\ncountries:\n  - MA\n  - Marocco\n---\n${EN_BODY}`;
    assert.equal(open(listed).apply('Replace unknown tag "Marocco" with MA (did you mean Morocco?)', 'Marocco'), `---\ncountries:\n  - MA\n---\n${EN_BODY}`);
  });

  it('adds a heuristic actor to the workspace lexicon, after which it is a lexicon entity', () => {
    const text = FR_BODY;
    const s = open(text);
    assert.deepEqual(titles(s.actions('Hervé Lacombe')), [
      'quickfix: Add Hervé Lacombe to the workspace lexicon as a person (preferred)',
      'quickfix: Add Hervé Lacombe to the workspace lexicon as an organization',
      'quickfix: Tag Hervé Lacombe as actor',
      'quickfix: Ignore "Hervé Lacombe" in this document',
      'quickfix: Ignore "Hervé Lacombe" in the workspace',
      'source: Tag all 4 untagged entities',
    ]);
    const add = s.actions('Hervé Lacombe')[0]!;
    const entry = { id: 'herve-lacombe', category: 'actor' as const, type: 'person' as const, name: 'Hervé Lacombe', names: { fr: ['Hervé Lacombe'] } };
    assert.deepEqual(add.lexicon, { addEntry: entry });
    assert.equal(add.edits, undefined);
    assert.deepEqual(s.actions('Hervé Lacombe')[1]!.lexicon, { addEntry: { ...entry, type: 'organization' } });

    const file = planLexiconChange(undefined, add.lexicon!);
    assert.ok('newFile' in file, JSON.stringify(file));
    const extended = buildLexicon([...readBuiltinLexicons(), { file: '.communique/lexicon.yaml', text: file.newFile }]);
    assert.deepEqual(extended.problems, []);
    const after = open(text, DEFAULT_SETTINGS, extended);
    const lacombe = after.doc.recognition.entities.find((e) => e.text === 'Hervé Lacombe')!;
    assert.equal(lacombe.source, 'lexicon');
    assert.deepEqual(
      after.diagnostics.filter((d) => d.start === lacombe.start).map((d) => d.message),
      ['Hervé Lacombe (actor) is not tagged in actors'],
    );
  });

  it('tags a heuristic actor by name, and ignores a term in the document', () => {
    const s = open(FR_BODY);
    const tagged = s.apply('Tag Hervé Lacombe as actor', 'Hervé Lacombe');
    assert.equal(tagged, `---\nactors:\n  - Hervé Lacombe\n---\n${FR_BODY}`);
    assert.ok(!open(tagged).diagnostics.some((d) => d.code === 'entity.suggested'));

    const ignored = s.apply('Ignore "Hervé Lacombe" in this document', 'Hervé Lacombe');
    assert.equal(ignored, `---\ncommunique-ignore:\n  - Hervé Lacombe\n---\n${FR_BODY}`);
    assert.ok(!open(ignored).doc.recognition.entities.some((e) => e.text === 'Hervé Lacombe'));
    assert.deepEqual(s.actions('Hervé Lacombe').find((p) => p.title === 'Ignore "Hervé Lacombe" in the workspace')?.lexicon, { addIgnore: 'Hervé Lacombe' });
  });

  it('disables every front-matter fix while the YAML does not parse, saying why, with no edits', () => {
    const text = `---\ncountries: [PT\n---\ndate 2025-05\n${FR_BODY}`;
    const s = open(text);
    const reason = 'The front matter does not parse (line 3): fix it first';
    const invalid = s.diagnostics.find((d) => d.code === 'frontmatter.invalid')!;
    assert.equal(text.slice(0, invalid.start).split('\n').length, 3);
    const plans = s.actions('Espagne');
    assert.deepEqual(titles(plans), [
      'quickfix: Tag Espagne as country ES (preferred) [disabled]',
      'quickfix: Ignore "Espagne" in this document [disabled]',
      'quickfix: Ignore "Espagne" in the workspace',
      'quickfix: Tag all 4 untagged entities [disabled]',
      'source: Move date header into front matter [disabled]',
    ]);
    for (const plan of plans.filter((p) => p.disabled !== undefined)) {
      assert.deepEqual(plan.disabled, { reason });
      assert.equal(plan.edits, undefined);
    }
    const fixAll = s.actions('Espagne', ['source.fixAll']);
    assert.equal(fixAll.length, 1);
    assert.deepEqual(fixAll[0]!.disabled, { reason });
    assert.equal(fixAll[0]!.edits, undefined);
    assert.deepEqual(planTagAll(s.doc, lexicon, DEFAULT_SETTINGS), { error: reason });
    // Lexicon additions do not touch the document: still offered.
    assert.equal(s.actions('Hervé Lacombe')[0]!.disabled, undefined);
  });

  it('names a renamed key in the title and writes it', () => {
    const settings = coerceSettings({ frontMatter: { keys: { country: 'pays' } } });
    const s = open(FR_BODY, settings);
    assert.equal(s.actions('Espagne')[0]!.title, 'Tag Espagne as pays: ES');
    assert.equal(s.apply('Tag Espagne as pays: ES', 'Espagne'), `---\npays:\n  - ES\n---\n${FR_BODY}`);
  });

  it('reads only code and data, never the message, and skips diagnostics without valid data', () => {
    const s = open(`date 2025-05\n${FR_BODY}`);
    const start = FR_BODY.indexOf('Espagne') + 'date 2025-05\n'.length;
    const range = { start, end: start + 7 };
    const reworded = s.diagnostics.map((d) => ({ ...d, message: 'Ceci est un message traduit' }));
    const strip = (plans: ActionPlan[]): unknown => plans.map((p) => ({ ...p, diagnostics: p.diagnostics?.map((d) => d.code) }));
    assert.deepEqual(strip(planActions(s.doc, reworded, range, lexicon, DEFAULT_SETTINGS)), strip(s.actions('Espagne')));
    const broken = s.diagnostics.map((d) => ({ ...d, data: { code: d.code } })) as unknown as CommuniqueDiagnostic[];
    assert.deepEqual(titles(planActions(s.doc, broken, range, lexicon, DEFAULT_SETTINGS)), [
      'source: Tag all 4 untagged entities',
      'source: Move date header into front matter',
    ]);
  });

  it('groups the mentions of one entity in range under one action with perMention', () => {
    const settings = coerceSettings({ diagnostics: { perMention: true } });
    const s = open(FR_BODY, settings);
    const plans = planActions(s.doc, s.diagnostics, { start: 0, end: FR_BODY.length }, lexicon, settings, ['quickfix']);
    const tag = plans.find((p) => p.title === 'Tag Espagne as country ES')!;
    assert.deepEqual(
      tag.diagnostics?.map((d) => FR_BODY.slice(d.start, d.end)),
      ['Espagne', 'Espagne'],
    );
    assert.equal(plans.filter((p) => p.title === 'Tag Espagne as country ES').length, 1);
  });

  it('tags Arabic and Spanish releases with ids, ISO codes and canonical actor names', () => {
    const arabic = 'الرباط - أعلنت المديرية العامة للأمن الوطني عن تفكيك شبكة إرهابية تنشط بين المغرب وإسبانيا.\n';
    const ar = open(`---\nlang: ar\n---\n${arabic}`);
    assert.equal(ar.actions('إسبانيا')[0]!.title, 'Tag إسبانيا as country ES');
    assert.equal(
      ar.apply('Tag all 4 untagged entities', 'إسبانيا'),
      `---\nlang: ar\nactors:\n  - Direction générale de la Sûreté nationale\ncountries:\n  - MA\n  - ES\nthreats:\n  - terrorism\n---\n${arabic}`,
    );

    const spanish =
      'Madrid, 9 de octubre – La Guardia Civil ha detenido a cinco personas por trata de seres humanos. ' +
      'La red operaba entre Marruecos y España, según el comisario Ernesto Villalba.\n';
    const es = open(`---\ncountries: [España]\n---\n${spanish}`);
    assert.equal(
      es.apply('Tag all 3 untagged entities', 'Marruecos'),
      `---\ncountries: [España, MA]\nactors: [Guardia Civil]\nthreats: [human-trafficking]\n---\n${spanish}`,
    );
  });
});
