/**
 * Translation consistency in the core (issue 5): finding a translation's source (front matter
 * `translation-of:` and sibling naming, with the paths that are refused), comparing the lexicon
 * entities of a source and its translation per category, and the diagnostics that come out of it.
 *
 * The documents are test/fixtures/translation/: a French source and its English (Portugal
 * dropped), Spanish (complete) and Arabic (France added) translations, written for these tests.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeDocument, type AnalyzedDocument } from '#core/analysis';
import { readFrontMatter } from '#core/frontMatter/model';
import { buildLexicon } from '#core/lexicon/index';
import { createRecognizer, type Recognizer } from '#core/recognize';
import { coerceSettings, DEFAULT_SETTINGS, type CommuniqueSettings } from '#core/settings';
import {
  compareEntities,
  normalizePath,
  parseSiblingName,
  relativePath,
  resolveTranslationSource,
  translationDiagnostics,
  translationIgnoreProblem,
  translationProblemDiagnostic,
  type SourceResolution,
  type TranslationDiagnostic,
  type TranslationLink,
} from '#core/translation';
import type { Lexicon } from '#core/types';
import { readBuiltinLexicons } from '#node/lexiconFiles';

const FIXTURES = resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'translation');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

/** Resolves the source of a document at `path` whose text is `text`, with `files` existing. */
function resolveSource(path: string, text: string, files: string[], options: { root?: string; sourceLanguage?: string } = {}): SourceResolution {
  const existing = new Set(files);
  return resolveTranslationSource({
    path,
    frontMatter: readFrontMatter(text, DEFAULT_SETTINGS.keys),
    ...(options.root !== undefined ? { root: options.root } : {}),
    sourceLanguage: options.sourceLanguage ?? 'fr',
    isFile: (p) => existing.has(p),
  });
}

function linkOf(resolution: SourceResolution): TranslationLink {
  assert.equal(resolution.kind, 'linked', JSON.stringify(resolution));
  return (resolution as { link: TranslationLink }).link;
}

function problemOf(resolution: SourceResolution): string {
  assert.equal(resolution.kind, 'problem', JSON.stringify(resolution));
  return (resolution as { problem: { message: string } }).problem.message;
}

describe('translation: paths and sibling names', () => {
  it('normalises paths and computes relative ones', () => {
    assert.equal(normalizePath('/w/press/en/../fr/./a.md'), '/w/press/fr/a.md');
    assert.equal(normalizePath('C:\\w\\press\\..\\a.md'), 'C:/w/a.md');
    assert.equal(normalizePath('/../../etc'), '/etc');
    assert.equal(relativePath('/w/press/en', '/w/press/fr/a.md'), '../fr/a.md');
    assert.equal(relativePath('/w/press', '/w/press/a.fr.md'), 'a.fr.md');
  });

  it('reads the language segment before the extension', () => {
    assert.deepEqual(parseSiblingName('report.en.md'), { stem: 'report', language: 'en', extension: '.md' });
    assert.deepEqual(parseSiblingName('report.fr.communique.md'), { stem: 'report', language: 'fr', extension: '.communique.md' });
    assert.deepEqual(parseSiblingName('report.communique.ar.md'), { stem: 'report.communique', language: 'ar', extension: '.md' });
    assert.deepEqual(parseSiblingName('saisie.ES.txt'), { stem: 'saisie', language: 'es', extension: '.txt' });
    assert.deepEqual(parseSiblingName('note.pt-BR.cmq'), { stem: 'note', language: 'pt-br', extension: '.cmq' });
    // Three letters only for the configured source language; no segment, no language.
    assert.equal(parseSiblingName('notes.old.md'), undefined);
    assert.deepEqual(parseSiblingName('report.ara.md', 'ara'), { stem: 'report', language: 'ara', extension: '.md' });
    assert.equal(parseSiblingName('report.md'), undefined);
    assert.equal(parseSiblingName('fr.md'), undefined);
    assert.equal(parseSiblingName('report.en.yaml'), undefined);
  });
});

describe('translation: resolving the source', () => {
  const body = '# Titre\n\nLe Maroc et le Portugal.\n';

  it('pairs siblings with the source language, whatever the translation language', () => {
    for (const lang of ['en', 'es', 'ar']) {
      const link = linkOf(resolveSource(`/w/press/saisie.${lang}.md`, body, ['/w/press/saisie.fr.md']));
      assert.deepEqual(link, { via: 'sibling', path: '/w/press/saisie.fr.md', sourceLanguage: 'fr', language: lang });
    }
    // The same compound ending first, then any other communiqué ending.
    assert.equal(linkOf(resolveSource('/w/a.en.communique.md', body, ['/w/a.fr.communique.md', '/w/a.fr.md'])).path, '/w/a.fr.communique.md');
    assert.equal(linkOf(resolveSource('/w/a.en.communique.md', body, ['/w/a.fr.md'])).path, '/w/a.fr.md');
    assert.equal(linkOf(resolveSource('/w/a.communique.en.md', body, ['/w/a.communique.fr.md'])).path, '/w/a.communique.fr.md');
  });

  it('gives the source itself, a lone translation and a disabled setting no source', () => {
    assert.deepEqual(resolveSource('/w/press/saisie.fr.md', body, ['/w/press/saisie.fr.md', '/w/press/saisie.en.md']), { kind: 'none', isSource: true });
    assert.deepEqual(resolveSource('/w/press/saisie.en.md', body, []), { kind: 'none', isSource: false });
    assert.deepEqual(resolveSource('/w/press/saisie.en.md', body, ['/w/press/saisie.fr.md'], { sourceLanguage: '' }), { kind: 'none', isSource: false });
    assert.deepEqual(resolveSource('/w/press/saisie.md', body, ['/w/press/saisie.fr.md']), { kind: 'none', isSource: false });
  });

  it('follows the setting: with sourceLanguage es, the French file is a translation of the Spanish one', () => {
    assert.equal(linkOf(resolveSource('/w/a.fr.md', body, ['/w/a.es.md'], { sourceLanguage: 'es' })).path, '/w/a.es.md');
    assert.deepEqual(resolveSource('/w/a.es.md', body, ['/w/a.fr.md'], { sourceLanguage: 'es' }), { kind: 'none', isSource: true });
  });

  it('follows translation-of relative to the document folder, and it wins over sibling naming', () => {
    const text = `---\nlang: en\ntranslation-of: ../fr/saisie.md\n---\n${body}`;
    const link = linkOf(resolveSource('/w/press/en/saisie.en.md', text, ['/w/press/fr/saisie.md', '/w/press/en/saisie.fr.md'], { root: '/w' }));
    assert.equal(link.via, 'front-matter');
    assert.equal(link.path, '/w/press/fr/saisie.md');
    assert.equal(link.via === 'front-matter' ? text.slice(link.start, link.end) : '', 'translation-of: ../fr/saisie.md');
    // Windows paths work once given with either separator.
    const windows = linkOf(resolveSource('C:\\w\\press\\en\\saisie.md', text, ['C:/w/press/fr/saisie.md'], { root: 'C:\\w' }));
    assert.equal(windows.path, 'C:/w/press/fr/saisie.md');
  });

  it('refuses absolute paths, URIs, paths outside the workspace, itself, a missing file and a non-string', () => {
    const at = (value: string): string => `---\ntranslation-of: ${value}\n---\n${body}`;
    const files = ['/etc/passwd', '/w/press/a.md', '/w/other.md', '/outside/a.md'];
    const refuse = (value: string): string => problemOf(resolveSource('/w/press/a.en.md', at(value), files, { root: '/w' }));
    assert.match(refuse('/etc/passwd'), /not an absolute path/);
    assert.match(refuse('C:\\w\\press\\a.md'), /not an absolute path/);
    assert.match(refuse('~/a.md'), /not an absolute path/);
    assert.match(refuse('https://example.org/a.md'), /not a URI/);
    assert.match(refuse('file:///w/press/a.md'), /not a URI/);
    assert.equal(refuse('../../outside/a.md'), 'translation-of points outside the workspace folder (../../outside/a.md): the source must be inside it');
    assert.equal(refuse('a.en.md'), 'translation-of names this document itself');
    assert.equal(refuse('fr/a.md'), 'translation-of names fr/a.md, which does not exist');
    assert.match(refuse('[a.md, b.md]'), /must be the path of the source document/);
    assert.match(refuse('""'), /must be the path of the source document/);
    // Inside the root, `..` is fine.
    assert.equal(linkOf(resolveSource('/w/press/a.en.md', at('../other.md'), files, { root: '/w' })).path, '/w/other.md');
    // Without a root, the document's own folder is the limit.
    assert.match(problemOf(resolveSource('/w/press/a.en.md', at('../other.md'), files)), /outside the workspace folder/);
  });

  it('puts a refusal on the value of translation-of, as a frontmatter.invalid with typed data', () => {
    const text = `---\ntranslation-of: ../missing.md\n---\n${body}`;
    const resolution = resolveSource('/w/press/a.en.md', text, [], { root: '/w' });
    assert.equal(resolution.kind, 'problem');
    const problem = (resolution as Extract<SourceResolution, { kind: 'problem' }>).problem;
    assert.equal(text.slice(problem.start, problem.end), '../missing.md');
    const d = translationProblemDiagnostic(problem, DEFAULT_SETTINGS)!;
    assert.equal(d.code, 'frontmatter.invalid');
    assert.equal(d.severity, 'error');
    assert.deepEqual(d.data, { code: 'frontmatter.invalid', reason: 'translation-of', detail: 'translation-of names ../missing.md, which does not exist' });
    assert.equal(translationProblemDiagnostic(problem, coerceSettings({ diagnostics: { severity: { invalid: 'off' } } })), undefined);
    // The block itself stays valid: tagging fixes keep working.
    assert.equal(readFrontMatter(text, DEFAULT_SETTINGS.keys).status, 'ok');
  });
});

describe('translation: comparing a source and its translations', function () {
  let lexicon: Lexicon;
  let recognizer: Recognizer;

  before(() => {
    lexicon = buildLexicon(readBuiltinLexicons());
    recognizer = createRecognizer(lexicon);
  });

  function analyze(name: string, text = fixture(name), settings: CommuniqueSettings = DEFAULT_SETTINGS): AnalyzedDocument {
    return analyzeDocument({ uri: `file:///w/press/${name}`, version: 1, text }, recognizer, settings);
  }

  const sibling = (language: string): TranslationLink => ({ via: 'sibling', path: '/w/press/saisie-cadix.fr.md', sourceLanguage: 'fr', language });

  function diagnose(translation: AnalyzedDocument, link: TranslationLink, settings: CommuniqueSettings = DEFAULT_SETTINGS, source = analyze('saisie-cadix.fr.md')): TranslationDiagnostic[] {
    return translationDiagnostics({ translation, source, link, lexicon, settings, sourceLabel: 'saisie-cadix.fr.md' });
  }

  /** id -> status per category, for the comparison of the French source with one translation. */
  function statuses(name: string): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const c of compareEntities(analyze('saisie-cadix.fr.md'), analyze(name), lexicon)) {
      (out[c.category] ??= []).push(`${c.id}:${c.status}`);
    }
    return out;
  }

  it('matches ids across languages per category: English drops Portugal, Spanish has everything, Arabic adds France', () => {
    assert.deepEqual(statuses('saisie-cadix.en.md'), {
      actor: ['guardia-civil:both', 'europol:both'],
      country: ['PT:missing', 'EC:both', 'ES:both', 'MA:both'],
      region: ['strait-of-gibraltar:both'],
      threat: ['money-laundering:both'],
    });
    assert.deepEqual(statuses('saisie-cadix.es.md'), {
      actor: ['guardia-civil:both', 'europol:both'],
      country: ['PT:both', 'EC:both', 'ES:both', 'MA:both'],
      region: ['strait-of-gibraltar:both'],
      threat: ['money-laundering:both'],
    });
    assert.deepEqual(statuses('saisie-cadix.ar.md'), {
      actor: ['guardia-civil:both', 'europol:both'],
      country: ['PT:both', 'EC:both', 'ES:both', 'MA:both', 'FR:extra'],
      region: ['strait-of-gibraltar:both'],
      threat: ['money-laundering:both'],
    });
  });

  it('counts mentions on both sides and names each entity in each language', () => {
    const compared = compareEntities(analyze('saisie-cadix.fr.md'), analyze('saisie-cadix.ar.md'), lexicon);
    const pt = compared.find((c) => c.id === 'PT')!;
    assert.equal(pt.sourceMentions.length, 2);
    assert.equal(pt.translationMentions.length, 2);
    assert.equal(pt.sourceName, 'Portugal');
    assert.equal(pt.translationName, 'البرتغال');
    const ma = compared.find((c) => c.id === 'MA')!;
    assert.deepEqual(ma.sourceMentions.map((m) => m.text), ['Maroc', 'marocains']);
    assert.equal(ma.translationName, 'المغرب');
  });

  it('leaves heuristic actors out of the comparison', () => {
    const source = analyze('a.fr.md', '# Note\n\nLe commissaire Hervé Lacombe a rencontré la Guardia Civil.\n');
    const translation = analyze('a.en.md', '# Note\n\nThe Guardia Civil met the press.\n');
    assert.ok(source.recognition.entities.some((e) => e.source === 'heuristic'), 'the fixture needs a heuristic actor');
    assert.deepEqual(
      compareEntities(source, translation, lexicon).map((c) => `${c.id}:${c.status}`),
      ['guardia-civil:both'],
    );
  });

  it('reports the dropped country on the first body line of a sibling translation, with the source mentions', () => {
    const en = analyze('saisie-cadix.en.md');
    const diagnostics = diagnose(en, sibling('en'));
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics.map((d) => d.message)));
    const d = diagnostics[0]!;
    assert.equal(d.code, 'translation.missing-entity');
    assert.equal(d.severity, 'warning');
    assert.equal(d.message, 'Portugal (PT) is in the source but not in this translation');
    assert.equal(en.text.slice(d.start, d.end), '# Cocaine seized in the port of Cadiz');
    assert.deepEqual(d.data, {
      code: 'translation.missing-entity',
      category: 'country',
      id: 'PT',
      name: 'Portugal',
      value: 'PT',
      key: 'countries',
      source: 'saisie-cadix.fr.md',
      sourceLanguage: 'fr',
    });
    const source = fixture('saisie-cadix.fr.md');
    assert.deepEqual(
      d.sourceRelated!.map((r) => source.slice(r.start, r.end)),
      ['Portugal', 'Portugal'],
    );
  });

  it('reports missing entities on the translation-of line, named in the translation language', () => {
    const text = fixture('saisie-cadix.ar.md').replace('lang: ar\n', 'lang: ar\ntranslation-of: saisie-cadix.fr.md\n').replace(/ وفرنسا/, '').replace(/ مضيق جبل طارق/, ' البحر');
    const ar = analyze('saisie-cadix.ar.md', text);
    const fm = ar.frontMatter.translationOf!;
    const link: TranslationLink = { via: 'front-matter', path: '/w/press/saisie-cadix.fr.md', written: 'saisie-cadix.fr.md', start: fm.pairStart, end: fm.pairEnd };
    const diagnostics = diagnose(ar, link);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, text.slice(d.start, d.end), d.message]),
      [['translation.missing-entity', 'translation-of: saisie-cadix.fr.md', 'مضيق جبل طارق (strait-of-gibraltar) is in the source but not in this translation']],
    );
  });

  it('reports an extra entity on its first mention in the translation', () => {
    const ar = analyze('saisie-cadix.ar.md');
    const diagnostics = diagnose(ar, sibling('ar'));
    assert.equal(diagnostics.length, 1);
    const d = diagnostics[0]!;
    assert.equal(d.code, 'translation.extra-entity');
    assert.equal(d.severity, 'information');
    assert.equal(ar.text.slice(d.start, d.end), 'فرنسا');
    assert.equal(d.message, 'فرنسا (FR) is in this translation but not in the source');
    assert.equal(d.data.code === 'translation.extra-entity' && d.data.sourceLanguage, 'fr');
  });

  it('finds nothing to report in a complete translation (Spanish)', () => {
    assert.deepEqual(diagnose(analyze('saisie-cadix.es.md'), sibling('es')), []);
  });

  it('reports actors, regions and threats as well as countries', () => {
    // The English text without Europol, the strait and the laundering.
    const text = fixture('saisie-cadix.en.md')
      .replace(" with Europol's support", '')
      .replace(' through the Strait of Gibraltar', '')
      .replace('Investigators also suspect money laundering operations.', 'Investigators are still at work.');
    const diagnostics = diagnose(analyze('saisie-cadix.en.md', text), sibling('en'));
    assert.deepEqual(diagnostics.map((d) => d.message), [
      'Europol is in the source but not in this translation',
      'Portugal (PT) is in the source but not in this translation',
      'Strait of Gibraltar (strait-of-gibraltar) is in the source but not in this translation',
      'money laundering (money-laundering) is in the source but not in this translation',
    ]);
  });

  it('keeps quiet about what translation-ignore lists, by id, name or a variant in any language', () => {
    for (const listed of ['[PT]', '[Portugal]', '[البرتغال]', '\n  - pt']) {
      const text = fixture('saisie-cadix.en.md').replace('lang: en\n', `lang: en\ntranslation-ignore: ${listed}\n`);
      assert.deepEqual(diagnose(analyze('saisie-cadix.en.md', text), sibling('en')), [], `translation-ignore: ${listed}`);
    }
    // The comparison still shows it, marked as ignored.
    const text = fixture('saisie-cadix.en.md').replace('lang: en\n', 'lang: en\ntranslation-ignore: [PT]\n');
    const pt = compareEntities(analyze('saisie-cadix.fr.md'), analyze('saisie-cadix.en.md', text), lexicon).find((c) => c.id === 'PT')!;
    assert.equal(pt.status, 'missing');
    assert.equal(pt.ignored, true);
    const ar = fixture('saisie-cadix.ar.md').replace('lang: ar\n', 'lang: ar\ntranslation-ignore: [FR]\n');
    assert.deepEqual(diagnose(analyze('saisie-cadix.ar.md', ar), sibling('ar')), []);
  });

  it('reports a translation-ignore that is not a list of values', () => {
    const text = '---\ntranslation-ignore: {PT: yes}\n---\nThe text.\n';
    const problem = translationIgnoreProblem(readFrontMatter(text, DEFAULT_SETTINGS.keys))!;
    assert.equal(problem.reason, 'translation-ignore');
    assert.equal(text.slice(problem.start, problem.end), '{PT: yes}');
    assert.equal(translationIgnoreProblem(readFrontMatter('---\ntranslation-ignore: [PT, Portugal]\n---\n', DEFAULT_SETTINGS.keys)), undefined);
  });

  it('respects the ignore lists of both documents and the severity settings', () => {
    // The source ignores "Portugal": nothing is missing any more.
    const source = analyze('saisie-cadix.fr.md', fixture('saisie-cadix.fr.md').replace('lang: fr\n', 'lang: fr\ncommunique-ignore: [Portugal]\n'));
    assert.deepEqual(diagnose(analyze('saisie-cadix.en.md'), sibling('en'), DEFAULT_SETTINGS, source), []);
    const off = coerceSettings({ diagnostics: { severity: { translationMissing: 'off', translationExtra: 'error' } } });
    assert.deepEqual(diagnose(analyze('saisie-cadix.en.md', undefined, off), sibling('en'), off), []);
    assert.deepEqual(
      diagnose(analyze('saisie-cadix.ar.md', undefined, off), sibling('ar'), off).map((d) => [d.code, d.severity]),
      [['translation.extra-entity', 'error']],
    );
  });

  it('compares nothing when the source is too large to analyse', () => {
    const small = coerceSettings({ maxFileSize: 200 });
    const source = analyze('saisie-cadix.fr.md', undefined, small);
    assert.equal(source.tooLarge, true);
    assert.deepEqual(diagnose(analyze('saisie-cadix.en.md'), sibling('en'), DEFAULT_SETTINGS, source), []);
  });
});
