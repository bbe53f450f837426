/**
 * The document-language indicator of the VS Code status bar (client/src/languageStatusModel.ts,
 * issue 5): read defensively from the `communique/entities` answer, shown as "FR (detected)",
 * "AR (lang:)" or "FR + EN", with a tooltip that says how to declare `lang:`.
 */
import assert from 'node:assert/strict';
import { readEntitiesResult } from '#client/entitiesModel';
import {
  languageName,
  languageStatusLabel,
  languageStatusText,
  languageStatusTooltip,
  readDocumentLanguage,
  shownLanguages,
  type DocumentLanguage,
} from '#client/languageStatusModel';

function doc(language: string, source: DocumentLanguage['source'], paragraphs: [string, number][] = []): DocumentLanguage {
  const d: DocumentLanguage = { language, paragraphs: paragraphs.map(([l, share]) => ({ language: l, share })) };
  if (source !== undefined) d.source = source;
  return d;
}

describe('client model: document language', () => {
  it('reads the language fields of the entities answer, dropping what is malformed', () => {
    assert.equal(readDocumentLanguage(null), undefined);
    assert.equal(readDocumentLanguage({ version: 1, entities: [] }), undefined, 'an older server sends no language');
    assert.equal(readDocumentLanguage({ language: 42 }), undefined);
    assert.equal(readDocumentLanguage({ language: '<b>' }), undefined);
    assert.deepEqual(readDocumentLanguage({ language: 'ar', languageSource: 'front-matter' }), { language: 'ar', source: 'front-matter', paragraphs: [] });
    assert.deepEqual(readDocumentLanguage({ language: 'fr', languageSource: 'guessed' }), { language: 'fr', paragraphs: [] }, 'unknown source');
    const read = readDocumentLanguage({
      language: 'fr',
      languageSource: 'detected',
      paragraphLanguages: [{ language: 'en', share: 0.2 }, null, { language: 'fr', share: 0.8 }, { language: 'es', share: 0 }, { language: 'ar', share: 7 }, { language: 'en', share: 0.1 }, 'x'],
    });
    assert.deepEqual(read, { language: 'fr', source: 'detected', paragraphs: [{ language: 'fr', share: 0.8 }, { language: 'en', share: 0.2 }] });
  });

  it('keeps the language in the entities the client stores', () => {
    const stored = readEntitiesResult({ version: 2, entities: [], language: 'ar', languageSource: 'front-matter', paragraphLanguages: [{ language: 'ar', share: 1 }] });
    assert.deepEqual(stored?.documentLanguage, { language: 'ar', source: 'front-matter', paragraphs: [{ language: 'ar', share: 1 }] });
    assert.equal(readEntitiesResult({ version: 2, entities: [] })?.documentLanguage, undefined);
  });

  it('shows the language and where it came from: detected, declared by lang:, or the default', () => {
    assert.equal(languageStatusText(doc('fr', 'detected', [['fr', 1]])), 'FR (detected)');
    assert.equal(languageStatusText(doc('ar', 'front-matter', [['ar', 1]])), 'AR (lang:)');
    assert.equal(languageStatusText(doc('es', 'default')), 'ES (default)');
    assert.equal(languageStatusText(doc('en', undefined)), 'EN');
  });

  it('names the other paragraph languages of a mixed document, the main one first', () => {
    // An Arabic release quoting a French paragraph that is longer than the Arabic text (the main language still leads).
    const mixed = doc('ar', 'front-matter', [['fr', 0.55], ['ar', 0.45]]);
    assert.deepEqual(shownLanguages(mixed), ['ar', 'fr']);
    assert.equal(languageStatusText(mixed), 'AR + FR (lang:)');
    assert.equal(languageStatusText(doc('fr', 'detected', [['fr', 0.7], ['en', 0.2], ['es', 0.05], ['ar', 0.05]])), 'FR + EN + ES +1 (detected)');
    assert.equal(languageStatusLabel(mixed), 'Document language: Arabic, declared in the front matter; other paragraphs in French');
    assert.equal(languageStatusLabel(doc('es', 'detected', [['es', 1]])), 'Document language: Spanish, detected');
  });

  it('explains in the tooltip how to declare the language, or how to let it be detected', () => {
    const detected = languageStatusTooltip(doc('en', 'detected', [['en', 0.9], ['es', 0.1]]));
    assert.match(detected, /English \(`en`\), detected from the text: the front matter has no `lang:`\./);
    assert.match(detected, /Paragraphs: English 90 % · Spanish 10 %\./);
    assert.match(detected, /```yaml\n---\nlang: en\n---\n```$/);
    const declared = languageStatusTooltip(doc('ar', 'front-matter', [['ar', 1]]));
    assert.match(declared, /Arabic \(`ar`\), declared by `lang: ar` in the front matter\./);
    assert.doesNotMatch(declared, /Paragraphs:/, 'one language: no paragraph line');
    assert.match(declared, /Remove `lang:` from the front matter to let Communiqué detect the language\.$/);
    assert.match(languageStatusTooltip(doc('fr', 'default')), /French \(`fr`\) by default: .* too short to tell\./);
    assert.match(languageStatusTooltip(doc('fr', 'detected', [['fr', 0.998], ['en', 0.002]])), /English <1 %/);
  });

  it('names languages in English, and falls back to the code', () => {
    assert.deepEqual(['fr', 'en', 'es', 'ar'].map(languageName), ['French', 'English', 'Spanish', 'Arabic']);
    assert.equal(languageName('de'), 'German');
  });
});
