/**
 * Diagnostics of analysed documents over the real built-in lexicons (issue 3, "Diagnostics"), on
 * short communiqués written for these tests in French, English, Spanish and Arabic. Each test
 * checks codes, typed data, ranges (as the text they cover) and messages.
 */
import assert from 'node:assert/strict';
import { analyzeDocument, isAnnotated, matchesFiles, type AnalyzedDocument } from '#core/analysis';
import { computeDiagnostics, type CommuniqueDiagnostic } from '#core/diagnostics';
import { buildLexicon } from '#core/lexicon/index';
import { createRecognizer, type Recognizer } from '#core/recognize';
import { coerceSettings, DEFAULT_SETTINGS, type CommuniqueSettings } from '#core/settings';
import { editDistance, resolveTag, suggestTag } from '#core/tagValues';
import type { Lexicon } from '#core/types';
import { readBuiltinLexicons } from '#node/lexiconFiles';

const FR_BODY =
  'Tanger, le 14 mai – Les services de la DGSN ont arrêté trois suspects liés à un réseau de trafic de haschich ' +
  "opérant entre le Maroc et l'Espagne. Selon le commissaire Hervé Lacombe, l'Espagne a fourni une aide décisive.\n";

const EN_BODY =
  'Rabat, 2 June – Police dismantled a cell planning terrorist attacks, the interior ministry said. ' +
  'Investigators from Morocco worked for weeks on the case.\n';

describe('diagnostics', function () {
  let lexicon: Lexicon;
  let recognizer: Recognizer;

  before(function () {
    lexicon = buildLexicon(readBuiltinLexicons());
    assert.deepEqual(lexicon.problems, []);
    recognizer = createRecognizer(lexicon);
  });

  function analyze(text: string, settings: CommuniqueSettings = DEFAULT_SETTINGS): AnalyzedDocument {
    return analyzeDocument({ uri: 'file:///work/press/release.md', version: 3, text }, recognizer, settings);
  }

  function diagnose(text: string, settings: CommuniqueSettings = DEFAULT_SETTINGS): CommuniqueDiagnostic[] {
    return computeDiagnostics(analyze(text, settings), lexicon, settings);
  }

  /** A diagnostic as a readable line: code, covered text, message. */
  function summary(text: string, d: CommuniqueDiagnostic): string {
    return `${d.code} [${text.slice(d.start, d.end)}] ${d.message}`;
  }

  it('reports untagged entities once per id on the first mention, with the other mentions related', () => {
    const text = FR_BODY;
    const diagnostics = diagnose(text);
    assert.deepEqual(
      diagnostics.map((d) => summary(text, d)),
      [
        'entity.untagged [DGSN] Direction générale de la Sûreté nationale (actor) is not tagged in actors',
        'entity.untagged [trafic de haschich] trafic de drogue (threat drug-trafficking) is not tagged in threats',
        'entity.untagged [Maroc] Maroc (country MA) is not tagged in countries',
        'entity.untagged [Espagne] Espagne (country ES) is not tagged in countries',
        'entity.suggested [Hervé Lacombe] Hervé Lacombe looks like a person that no lexicon lists',
      ],
    );
    const spain = diagnostics.find((d) => d.data.code === 'entity.untagged' && d.data.id === 'ES')!;
    assert.equal(spain.severity, 'information');
    assert.deepEqual(spain.data, { code: 'entity.untagged', category: 'country', id: 'ES', name: 'Espagne', value: 'ES', key: 'countries', text: 'Espagne' });
    const second = text.lastIndexOf('Espagne');
    assert.deepEqual(spain.related, [{ start: second, end: second + 'Espagne'.length, message: 'Espagne is also mentioned here' }]);
    const dgsn = diagnostics[0]!;
    assert.deepEqual(dgsn.data, {
      code: 'entity.untagged',
      category: 'actor',
      id: 'dgsn',
      name: 'Direction générale de la Sûreté nationale',
      value: 'Direction générale de la Sûreté nationale',
      key: 'actors',
      text: 'DGSN',
    });
    const person = diagnostics[4]!;
    assert.equal(person.severity, 'hint');
    assert.deepEqual(person.data, {
      code: 'entity.suggested',
      id: 'herve-lacombe',
      name: 'Hervé Lacombe',
      text: 'Hervé Lacombe',
      type: 'person',
      value: 'Hervé Lacombe',
      key: 'actors',
    });
  });

  it('gives one diagnostic per mention with perMention, and none related', () => {
    const settings = coerceSettings({ diagnostics: { perMention: true } });
    const text = FR_BODY;
    const spain = diagnose(text, settings).filter((d) => d.data.code === 'entity.untagged' && d.data.id === 'ES');
    assert.deepEqual(
      spain.map((d) => [d.start, d.end, d.related]),
      [
        [text.indexOf('Espagne'), text.indexOf('Espagne') + 7, undefined],
        [text.lastIndexOf('Espagne'), text.lastIndexOf('Espagne') + 7, undefined],
      ],
    );
    assert.ok(spain.every((d) => d.message === 'Espagne (country ES) is not tagged in countries'));
  });

  it('reads tags written as variants, reports a stale tag on its item, and a tagged entity no more', () => {
    // "Marruecos" is Morocco's Spanish name: it tags MA although the text is English. PT is gone.
    const text = `---\ntitle: Cell dismantled\ncountries: [Marruecos, PT]\nthreats:\n  - Terrorism\n---\n${EN_BODY}`;
    const diagnostics = diagnose(text);
    assert.deepEqual(
      diagnostics.map((d) => summary(text, d)),
      ['frontmatter.stale [PT] countries lists PT, which the text no longer mentions'],
    );
    assert.deepEqual(diagnostics[0]!.data, { code: 'frontmatter.stale', category: 'country', key: 'countries', value: 'PT' });
    assert.equal(diagnostics[0]!.severity, 'warning');
    assert.equal(diagnostics[0]!.start, text.indexOf('PT'));
  });

  it('reports an unknown tag with a "did you mean" and still the untagged entity', () => {
    const text = `---\ncountries: [Marocco]\n---\n${EN_BODY}`;
    const diagnostics = diagnose(text);
    assert.deepEqual(
      diagnostics.map((d) => summary(text, d)),
      [
        'frontmatter.unknown [Marocco] countries lists "Marocco", which no lexicon knows; did you mean MA (Morocco)?',
        'entity.untagged [terrorist] terrorism (threat terrorism) is not tagged in threats',
        'entity.untagged [Morocco] Morocco (country MA) is not tagged in countries',
      ],
    );
    assert.deepEqual(diagnostics[0]!.data, {
      code: 'frontmatter.unknown',
      category: 'country',
      key: 'countries',
      value: 'Marocco',
      suggestion: { value: 'MA', name: 'Morocco' },
    });
  });

  it('offers no guess for a tag that is close to nothing, and checks each key against its own category', () => {
    const text = `---\ncountries: [Atlantis]\nregions: [MA]\nthreats: [terrorism]\n---\n${EN_BODY}`;
    const unknown = diagnose(text).filter((d) => d.code === 'frontmatter.unknown');
    assert.deepEqual(
      unknown.map((d) => summary(text, d)),
      [
        'frontmatter.unknown [Atlantis] countries lists "Atlantis", which no lexicon knows',
        // A country code under regions is a region nobody knows.
        'frontmatter.unknown [MA] regions lists "MA", which no lexicon knows',
      ],
    );
    assert.equal(unknown[0]!.data.code === 'frontmatter.unknown' && unknown[0]!.data.suggestion, undefined);
  });

  it('reads renamed keys from the settings, in messages and data', () => {
    const settings = coerceSettings({ frontMatter: { keys: { country: 'pays', threat: 'menaces' } } });
    const text = `---\npays: [ES, PT]\ncountries: [ZZ]\n---\n${FR_BODY}`;
    const diagnostics = diagnose(text, settings);
    assert.deepEqual(
      diagnostics.map((d) => summary(text, d)),
      [
        'frontmatter.stale [PT] pays lists PT, which the text no longer mentions',
        'entity.untagged [DGSN] Direction générale de la Sûreté nationale (actor) is not tagged in actors',
        'entity.untagged [trafic de haschich] trafic de drogue (threat drug-trafficking) is not tagged in menaces',
        'entity.untagged [Maroc] Maroc (country MA) is not tagged in pays',
        'entity.suggested [Hervé Lacombe] Hervé Lacombe looks like a person that no lexicon lists',
      ],
    );
    const morocco = diagnostics[3]!;
    assert.equal(morocco.data.code === 'entity.untagged' && morocco.data.key, 'pays');
  });

  it('accepts a heuristic actor tagged by name, in any case, and flags it once the text drops it', () => {
    const text = `---\nactors:\n  - hervé lacombe\n  - Direction générale de la Sûreté nationale\n---\n${FR_BODY}`;
    const codes = diagnose(text).map((d) => summary(text, d));
    assert.ok(!codes.some((c) => c.includes('Lacombe')), codes.join('\n'));
    assert.ok(!codes.some((c) => c.includes('DGSN')), codes.join('\n'));

    const edited = text.replace('Selon le commissaire Hervé Lacombe, l', 'L');
    assert.deepEqual(
      diagnose(edited)
        .filter((d) => d.code.startsWith('frontmatter.'))
        .map((d) => summary(edited, d)),
      ['frontmatter.unknown [hervé lacombe] actors lists "hervé lacombe", which no lexicon knows'],
    );
  });

  it('points at the exact place of a YAML error and checks no tag while it does not parse', () => {
    const text = `---\ncountries: [PT, Marocco\nthreats: [terrorism]\n---\n${EN_BODY}`;
    const diagnostics = diagnose(text);
    const invalid = diagnostics.filter((d) => d.code === 'frontmatter.invalid');
    assert.ok(invalid.length >= 1);
    for (const d of invalid) {
      assert.equal(d.severity, 'error');
      assert.match(d.message, /^Front matter does not parse: \S/);
      assert.ok(d.data.code === 'frontmatter.invalid' && d.data.reason === 'yaml' && d.message.endsWith(d.data.detail));
      // Inside the block, on the broken flow list.
      assert.ok(d.start >= 4 && d.end <= text.indexOf('\n---\n') + 1 && d.start <= d.end, `${d.start}-${d.end}`);
    }
    assert.ok(!diagnostics.some((d) => d.code === 'frontmatter.stale' || d.code === 'frontmatter.unknown'));
    assert.ok(diagnostics.some((d) => d.code === 'entity.untagged'));
  });

  it('says which managed key is not a list', () => {
    const text = `---\nthreats: terrorism\n---\n${EN_BODY}`;
    const invalid = diagnose(text).filter((d) => d.code === 'frontmatter.invalid');
    assert.equal(invalid.length, 1);
    const d = invalid[0]!;
    assert.equal(d.message, 'threats must be a list');
    assert.deepEqual(d.data, { code: 'frontmatter.invalid', reason: 'not-a-list', detail: 'threats must be a list' });
    assert.equal(text.slice(d.start, d.end), 'terrorism');
  });

  it('reports the legacy date header on its line', () => {
    const text = `date 2025-04\r\n${FR_BODY.replace(/\n/g, '\r\n')}`;
    const header = diagnose(text).filter((d) => d.code === 'header.date');
    assert.deepEqual(
      header.map((d) => [summary(text, d), d.data, d.severity]),
      [['header.date [date 2025-04] Legacy date header: move it into the front matter as date: 2025-04', { code: 'header.date', date: '2025-04' }, 'information']],
    );
  });

  it('drops a code whose severity is off and applies the others', () => {
    const settings = coerceSettings({ diagnostics: { severity: { untagged: 'off', suggested: 'warning', headerDate: 'off', stale: 'error' } } });
    const text = `---\ncountries: [PT]\n---\n${FR_BODY}`;
    assert.deepEqual(
      diagnose(text, settings).map((d) => [d.code, d.severity, text.slice(d.start, d.end)]),
      [
        ['frontmatter.stale', 'error', 'PT'],
        ['entity.suggested', 'warning', 'Hervé Lacombe'],
      ],
    );
    assert.deepEqual(diagnose(`date 2025-04\n${EN_BODY}`, settings), []);
  });

  it('removes terms of the document ignore list, folded, and what lies inside them', () => {
    const text = `---\ncommunique-ignore:\n  - espagne\n  - Hervé Lacombe\n  - réseau de trafic de haschich\n---\n${FR_BODY}`;
    const doc = analyze(text);
    assert.deepEqual(
      doc.recognition.entities.map((e) => e.text),
      ['DGSN', 'Maroc'],
    );
    assert.deepEqual(
      computeDiagnostics(doc, lexicon, DEFAULT_SETTINGS).map((d) => d.data.code === 'entity.untagged' && d.data.id),
      ['dgsn', 'MA'],
    );
  });

  it('reads a Spanish release with its heuristic actor and tags in Spanish', () => {
    const text =
      '---\nlang: es\nactors: [Guardia Civil]\ncountries: [España]\n---\n' +
      'Madrid, 9 de octubre – La Guardia Civil ha detenido a cinco personas por trata de seres humanos. ' +
      'La red operaba entre Marruecos y España, según el comisario Ernesto Villalba.\n';
    assert.deepEqual(
      diagnose(text).map((d) => summary(text, d)),
      [
        'entity.untagged [trata de seres humanos] trata de seres humanos (threat human-trafficking) is not tagged in threats',
        'entity.untagged [Marruecos] Marruecos (country MA) is not tagged in countries',
        'entity.suggested [Ernesto Villalba] Ernesto Villalba looks like a person that no lexicon lists',
      ],
    );
  });

  it('reads an Arabic release whose tags are written in Arabic', () => {
    const text =
      '---\ncountries: [المغرب]\nthreats: [الإرهاب]\n---\n' +
      'الرباط - أعلنت المديرية العامة للأمن الوطني عن تفكيك شبكة إرهابية تنشط بين المغرب وإسبانيا.\n';
    assert.deepEqual(
      diagnose(text).map((d) => summary(text, d)),
      [
        'entity.untagged [المديرية العامة للأمن الوطني] Direction générale de la Sûreté nationale (actor) is not tagged in actors',
        'entity.untagged [إسبانيا] إسبانيا (country ES) is not tagged in countries',
      ],
    );
  });

  it('analyses nothing in a document over the size limit', () => {
    const settings = coerceSettings({ maxFileSize: 100 });
    const doc = analyze(FR_BODY, settings);
    assert.equal(doc.tooLarge, true);
    assert.deepEqual(doc.recognition.entities, []);
    // Issue 6: never silently. The one diagnostic says why nothing else is reported.
    const diagnostics = computeDiagnostics(doc, lexicon, settings);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, d.start, d.end]),
      [['document.too-large', 'information', 0, 0]],
    );
    assert.deepEqual(diagnostics[0]!.data, { code: 'document.too-large', bytes: Buffer.byteLength(FR_BODY), limit: 100 });
    assert.match(diagnostics[0]!.message, /^This document is \d+ bytes, larger than communique\.maxFileSize \(100 bytes\): Communiqué does not annotate it\.$/);
  });

  it('knows the value tagging writes for each kind of entity', () => {
    const doc = analyze(FR_BODY);
    const values = new Map(doc.recognition.entities.map((e) => [e.text, doc.tagValueOf(e)]));
    assert.equal(values.get('DGSN'), 'Direction générale de la Sûreté nationale');
    assert.equal(values.get('Maroc'), 'MA');
    assert.equal(values.get('trafic de haschich'), 'drug-trafficking');
    assert.equal(values.get('Hervé Lacombe'), 'Hervé Lacombe');
    assert.equal(doc.uri, 'file:///work/press/release.md');
    assert.equal(doc.version, 3);
  });
});

describe('tag values', function () {
  let lexicon: Lexicon;

  before(function () {
    lexicon = buildLexicon(readBuiltinLexicons());
  });

  it('resolves ids in any case, canonical names, names in any language and inflected variants', () => {
    for (const tag of ['MA', 'ma', 'Morocco', 'Maroc', 'MARRUECOS', 'المغرب', 'marocaines']) {
      assert.equal(resolveTag(tag, 'country', lexicon)?.id, 'MA', tag);
    }
    assert.equal(resolveTag('Drug-Trafficking', 'threat', lexicon)?.id, 'drug-trafficking');
    assert.equal(resolveTag('guardia civil', 'actor', lexicon)?.id, 'guardia-civil');
    assert.equal(resolveTag('DGSN', 'actor', lexicon)?.id, 'dgsn');
    assert.equal(resolveTag('Morocco', 'region', lexicon), undefined);
    assert.equal(resolveTag('', 'country', lexicon), undefined);
  });

  it('guesses within an edit budget relative to length, and never for two letters', () => {
    assert.deepEqual(suggestTag('Marocco', 'country', lexicon), { value: 'MA', name: 'Morocco' });
    assert.deepEqual(suggestTag('Espagna', 'country', lexicon), { value: 'ES', name: 'Spain' });
    assert.deepEqual(suggestTag('terorism', 'threat', lexicon), { value: 'terrorism', name: 'terrorism' });
    assert.equal(suggestTag('XQ', 'country', lexicon), undefined);
    assert.equal(suggestTag('Atlantis', 'country', lexicon), undefined);
    assert.equal(editDistance('marocco', 'morocco'), 1);
    assert.equal(editDistance('abcd', 'badc'), 2);
    assert.equal(editDistance('kitten', 'sitting', 1), 2);
  });
});

describe('annotated documents', function () {
  it('annotates the communiqué language, the default folders and communique: true', () => {
    const s = DEFAULT_SETTINGS;
    assert.equal(isAnnotated({ languageId: 'communique', text: '' }, s), true);
    assert.equal(isAnnotated({ relativePath: 'communiques/2025/avril.md', languageId: 'markdown', text: '' }, s), true);
    assert.equal(isAnnotated({ relativePath: 'site\\press\\release.txt', text: '' }, s), true);
    assert.equal(isAnnotated({ relativePath: './docs/.archive/press/old.md', text: '' }, s), true);
    assert.equal(isAnnotated({ relativePath: 'docs/pressroom/note.md', text: 'Rien.' }, s), false);
    assert.equal(isAnnotated({ relativePath: 'notes/draft.md', text: '---\ncommunique: true\n---\nTexte.\n' }, s), true);
    assert.equal(isAnnotated({ relativePath: 'notes/draft.md', text: '---\ncommunique: false\n---\nTexte.\n' }, s), false);
    assert.equal(isAnnotated({ text: '\uFEFF---\r\ncommunique: true\r\n---\r\nTexte.\r\n' }, s), true);
  });

  it('follows the files setting, and survives a malformed glob', () => {
    const settings = coerceSettings({ files: ['drafts/*.md', '[', '**/*.cmq.txt'] });
    assert.equal(isAnnotated({ relativePath: 'drafts/a.md', text: '' }, settings), true);
    assert.equal(isAnnotated({ relativePath: 'drafts/sub/a.md', text: '' }, settings), false);
    assert.equal(isAnnotated({ relativePath: 'press/a.md', text: '' }, settings), false);
    assert.equal(matchesFiles('x/y/z.cmq.txt', settings.files), true);
    assert.equal(matchesFiles('anything.md', []), false);
  });
});
