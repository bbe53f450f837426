/**
 * Settings coercion (issue 3, "Settings, typed and coerced at the boundary"): whatever the editor
 * or a hand-edited settings.json sends, the core gets valid settings, and a wrong value only costs
 * its own field.
 */
import assert from 'node:assert/strict';
import { coerceSettings, DEFAULT_SETTINGS, isDefaultKey, type CommuniqueSettings } from '#core/settings';

describe('settings', function () {
  it('has the documented defaults', () => {
    assert.deepEqual(DEFAULT_SETTINGS, {
      files: ['**/communiques/**', '**/press/**'],
      lexiconPaths: [],
      keys: { actor: 'actors', country: 'countries', region: 'regions', threat: 'threats' },
      severity: {
        untagged: 'information', suggested: 'hint', stale: 'warning', unknown: 'warning', invalid: 'error', headerDate: 'information',
        deprecated: 'warning', variant: 'information', translationMissing: 'warning', translationExtra: 'information',
      },
      perMention: false,
      maxFileSize: 5_000_000,
      heuristics: true,
      translation: { sourceLanguage: 'fr' },
    });
    assert.ok(Object.isFrozen(DEFAULT_SETTINGS) && Object.isFrozen(DEFAULT_SETTINGS.keys) && Object.isFrozen(DEFAULT_SETTINGS.files));
  });

  it('reads the nested section exactly as VS Code returns it', () => {
    const settings = coerceSettings({
      files: ['drafts/**/*.md'],
      lexicon: { paths: ['/srv/lexicons/ministry.yaml', 'team.yaml'] },
      frontMatter: { keys: { actor: 'acteurs', country: 'pays', region: 'régions', threat: 'menaces' } },
      diagnostics: { severity: { untagged: 'warning', suggested: 'off', stale: 'error', unknown: 'information', invalid: 'warning', headerDate: 'hint', 'term.deprecated': 'error', variant: 'off', translationMissing: 'error', translationExtra: 'hint' }, perMention: true },
      maxFileSize: 123456.7,
      heuristics: { enabled: false },
      translation: { sourceLanguage: 'EN' },
      trace: { server: 'verbose' },
    });
    const expected: CommuniqueSettings = {
      files: ['drafts/**/*.md'],
      lexiconPaths: ['/srv/lexicons/ministry.yaml', 'team.yaml'],
      keys: { actor: 'acteurs', country: 'pays', region: 'régions', threat: 'menaces' },
      severity: { untagged: 'warning', suggested: 'off', stale: 'error', unknown: 'information', invalid: 'warning', headerDate: 'hint', deprecated: 'error', variant: 'off', translationMissing: 'error', translationExtra: 'hint' },
      perMention: true,
      maxFileSize: 123456,
      heuristics: false,
      translation: { sourceLanguage: 'en' },
    };
    assert.deepEqual(settings, expected);
    assert.equal(isDefaultKey(settings.keys, 'country'), false);
    assert.equal(isDefaultKey(DEFAULT_SETTINGS.keys, 'country'), true);
  });

  it('falls back to the defaults for anything that is not an object', () => {
    for (const raw of [undefined, null, 42, 'communique', true, [], [1, 2], () => 1, Symbol('x')]) {
      assert.deepEqual(coerceSettings(raw), DEFAULT_SETTINGS, String(typeof raw));
    }
  });

  it('falls back per field: one wrong value does not reset the others', () => {
    const settings = coerceSettings({
      files: 'press-releases/**',
      lexicon: { paths: [3, ' extra.yaml ', '', 'extra.yaml', null] },
      frontMatter: { keys: { actor: '', country: 42, region: 'zones', threat: 'a: b' } },
      diagnostics: { severity: { untagged: 'loud', suggested: 'WARN', stale: 'Info', unknown: 7, headerDate: 'none' }, perMention: 'yes' },
      maxFileSize: -5,
      heuristics: { enabled: 'no' },
      translation: { sourceLanguage: 'not a language' },
    });
    assert.deepEqual(settings, {
      files: ['press-releases/**'],
      lexiconPaths: ['extra.yaml'],
      keys: { actor: 'actors', country: 'countries', region: 'zones', threat: 'threats' },
      severity: {
        untagged: 'information', suggested: 'warning', stale: 'information', unknown: 'warning', invalid: 'error', headerDate: 'off',
        deprecated: 'warning', variant: 'information', translationMissing: 'warning', translationExtra: 'information',
      },
      perMention: false,
      maxFileSize: 5_000_000,
      heuristics: true,
      translation: { sourceLanguage: 'fr' },
    });
  });

  it('keeps an explicit empty glob list but not a list of junk', () => {
    assert.deepEqual(coerceSettings({ files: [] }).files, []);
    assert.deepEqual(coerceSettings({ files: [1, {}, ''] }).files, DEFAULT_SETTINGS.files);
    assert.deepEqual(coerceSettings({ maxFileSize: Number.NaN }).maxFileSize, 5_000_000);
    assert.deepEqual(coerceSettings({ maxFileSize: Infinity }).maxFileSize, 5_000_000);
  });

  it('refuses key names that would collide with each other or with keys Communiqué owns', () => {
    assert.deepEqual(coerceSettings({ frontMatter: { keys: { actor: 'tags', country: 'tags' } } }).keys, {
      actor: 'tags',
      country: 'countries',
      region: 'regions',
      threat: 'threats',
    });
    // "countries" taken by actors leaves countries no key of its own: only the defaults are safe.
    assert.deepEqual(coerceSettings({ frontMatter: { keys: { actor: 'countries' } } }).keys, DEFAULT_SETTINGS.keys);
    for (const reserved of ['communique', 'communique-ignore', 'lang', 'date']) {
      assert.equal(coerceSettings({ frontMatter: { keys: { threat: reserved } } }).keys.threat, 'threats', reserved);
    }
  });

  it('accepts the dotted spelling, severities keyed by code and a bare boolean for heuristics', () => {
    const settings = coerceSettings({
      'lexicon.paths': ['a.yaml'],
      'frontMatter.keys': { threat: 'risques' },
      'diagnostics.perMention': true,
      diagnostics: { severity: { 'entity.untagged': 'hint', 'header.date': 'off' } },
      heuristics: false,
    });
    assert.deepEqual(settings.lexiconPaths, ['a.yaml']);
    assert.equal(settings.keys.threat, 'risques');
    assert.equal(settings.perMention, true);
    assert.equal(settings.severity.untagged, 'hint');
    assert.equal(settings.severity.headerDate, 'off');
    assert.equal(settings.heuristics, false);
  });

  it('never throws, even on hostile objects, and never shares arrays with the defaults', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
        has() {
          throw new Error('boom');
        },
        getOwnPropertyDescriptor() {
          throw new Error('boom');
        },
      },
    );
    assert.deepEqual(coerceSettings(hostile), DEFAULT_SETTINGS);
    assert.deepEqual(coerceSettings({ diagnostics: hostile, frontMatter: { keys: hostile } }), DEFAULT_SETTINGS);
    const inherited = Object.create({ perMention: true, files: ['x/**'] }) as object;
    assert.deepEqual(coerceSettings(inherited), DEFAULT_SETTINGS);
    const a = coerceSettings(undefined);
    a.files.push('mutated/**');
    a.keys.actor = 'mutated';
    assert.deepEqual(coerceSettings(undefined), DEFAULT_SETTINGS);
  });
});
