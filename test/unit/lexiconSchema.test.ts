/**
 * The lexicon's JSON Schema (server/lexicon/lexicon.schema.json, issue 2: "give it a JSON Schema,
 * so editing a lexicon in VS Code gets completion and validation"). VS Code's YAML support checks
 * `.communique/lexicon.yaml` against it, so it must accept every lexicon the loader accepts, the
 * built-in ones first, and flag what the loader refuses. Checked with Ajv (draft-07), as a YAML
 * language server would.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { parseLexiconText } from '#core/lexicon/index';
import { BUILTIN_LEXICON_FILES, builtinLexiconDir } from '#node/lexiconFiles';

const schema = JSON.parse(readFileSync(join(builtinLexiconDir(), 'lexicon.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true }).compile(schema);

/** The schema's verdict on a lexicon text, with Ajv's messages when it refuses it. */
function schemaErrors(text: string): string[] {
  const ok = validate(parse(text, { maxAliasCount: -1 }));
  return ok ? [] : (validate.errors ?? []).map((e) => `${e.dataPath} ${e.message}`);
}

/** The loader's error messages for a lexicon text (warnings left out). */
function loaderErrors(text: string): string[] {
  return parseLexiconText({ file: 'test.yaml', text })
    .problems.filter((p) => p.severity === 'error')
    .map((p) => p.message);
}

const lines = (...l: string[]): string => `${l.join('\n')}\n`;

describe('lexicon JSON Schema', () => {
  it('accepts every built-in lexicon file', () => {
    for (const name of BUILTIN_LEXICON_FILES) {
      const text = readFileSync(join(builtinLexiconDir(), name), 'utf8');
      assert.deepEqual(schemaErrors(text), [], name);
      assert.deepEqual(loaderErrors(text), [], name);
    }
  });

  const accepted: Record<string, string> = {
    'an actor with every optional field': lines(
      'version: 1',
      'entries:',
      '  - id: brigade-x',
      '    category: actor',
      '    type: organization',
      '    name: Brigade X',
      '    notes: A unit written for this test.',
      '    names:',
      '      fr: [Brigade X, BX]',
      '      pt-BR: [Brigada X]',
      '    accepted: [Brigade Ix]',
    ),
    'a deprecated term with its replacement, and a preferred one': lines(
      'version: 1',
      'entries:',
      '  - id: irregular-migration',
      '    category: threat',
      '    merge: extend',
      '    names:',
      '      fr:',
      '        - text: immigrés en situation irrégulière',
      '          preferred: true',
      '        - text: immigrés clandestins',
      '          deprecated: { reason: Stigmatisant., use: immigrés en situation irrégulière }',
    ),
    'a disabled built-in entry and an ignore list': lines('version: 1', 'entries:', '  - id: sahel', '    disabled: true', 'ignore: [Coupe du Monde]'),
  };
  for (const [what, text] of Object.entries(accepted)) {
    it(`accepts ${what}, as the loader does`, () => {
      assert.deepEqual(loaderErrors(text), [], 'the loader accepts it');
      assert.deepEqual(schemaErrors(text), []);
    });
  }

  const refused: Record<string, string> = {
    'an unknown category': lines('version: 1', 'entries:', '  - id: x', '    category: weather', '    name: X', '    names: { fr: [X] }'),
    'an entry without an id': lines('version: 1', 'entries:', '  - category: region', '    name: X', '    names: { fr: [X] }'),
    'an actor type that is neither person nor organization': lines('version: 1', 'entries:', '  - id: x', '    category: actor', '    type: robot', '    name: X', '    names: { fr: [X] }'),
    'empty names': lines('version: 1', 'entries:', '  - id: x', '    category: region', '    name: X', '    names: { fr: [] }'),
  };
  for (const [what, text] of Object.entries(refused)) {
    it(`flags ${what}, which the loader refuses too`, () => {
      assert.notDeepEqual(loaderErrors(text), [], 'the loader refuses it');
      assert.notDeepEqual(schemaErrors(text), [], 'the schema flags it');
    });
  }

  // The loader reads these and warns (a typo must not cost a workspace its lexicon); the editor
  // flags them while the file is written.
  const warned: Record<string, string> = {
    'an unknown key at the top': lines('version: 1', 'entrees: []'),
    'another format version': lines('version: 2', 'entries: []'),
  };
  for (const [what, text] of Object.entries(warned)) {
    it(`flags ${what}, which the loader warns about`, () => {
      const problems = parseLexiconText({ file: 'test.yaml', text }).problems;
      assert.deepEqual(problems.map((p) => p.severity), ['warning']);
      assert.notDeepEqual(schemaErrors(text), [], 'the schema flags it');
    });
  }
});
