/**
 * Writing front matter (issue 3, "nothing is ever lost"): every test compares the WHOLE document
 * before and after the edits, checks that gray-matter (js-yaml, the reader most static-site tools
 * use) reads the expected arrays, and that planning the same change again gives no edit.
 */
import assert from 'node:assert/strict';
import matter from 'gray-matter';
import { planTagChange, yamlScalar, type TagChange } from '#core/frontMatter/edits';
import { readFrontMatter } from '#core/frontMatter/model';
import type { FrontMatterKeys } from '#core/settings';
import { applyEdits } from '#core/textEdit';

const KEYS: FrontMatterKeys = { actor: 'actors', country: 'countries', region: 'regions', threat: 'threats' };

/** Applies a change, checks that a second application changes nothing, and returns the new text. */
function tag(before: string, change: TagChange, keys: FrontMatterKeys = KEYS): string {
  const plan = planTagChange(before, readFrontMatter(before, keys), change, keys);
  if ('error' in plan) assert.fail(`refused: ${plan.error}`);
  const after = applyEdits(before, plan.edits);
  const again = planTagChange(after, readFrontMatter(after, keys), change, keys);
  assert.deepEqual(again, { edits: [] }, 'applying the same change twice changes nothing');
  return after;
}

/** What gray-matter reads (options given, so its cache never answers for another test). */
function grayData(text: string): Record<string, unknown> {
  return matter(text, {}).data as Record<string, unknown>;
}

/** The document as lines joined with `eol`. */
function doc(eol: string, ...lines: string[]): string {
  return lines.join(eol);
}

describe('front matter edits: block lists', () => {
  it('appends an item at the list indentation, keeping comments on, between and after the items', () => {
    const before = doc('\n',
      '---',
      'title: "Opération conjointe"   # quoted on purpose',
      'countries:   # ISO codes',
      '    -  ES    # Spain, the host',
      '    # Morocco was confirmed later',
      "    -  'MA'",
      '    # - PT (to check)',
      'lang: fr',
      '---',
      'Rabat, le 3 mai.',
      '');
    const after = tag(before, { add: { country: ['PT', 'DZ'] } });
    assert.equal(after, doc('\n',
      '---',
      'title: "Opération conjointe"   # quoted on purpose',
      'countries:   # ISO codes',
      '    -  ES    # Spain, the host',
      '    # Morocco was confirmed later',
      "    -  'MA'",
      '    -  PT',
      '    -  DZ',
      '    # - PT (to check)',
      'lang: fr',
      '---',
      'Rabat, le 3 mai.',
      ''));
    assert.deepEqual(grayData(after).countries, ['ES', 'MA', 'PT', 'DZ']);
  });

  it('appends after a last item that carries a comment, and after a list at column 0', () => {
    const before = '---\nactors:\n- Guardia Civil # es\nthreats: []\n---\nBody\n';
    const after = tag(before, { add: { actor: ['Direction générale de la Sûreté nationale', "Ministère de l'Intérieur"] } });
    assert.equal(after, "---\nactors:\n- Guardia Civil # es\n- Direction générale de la Sûreté nationale\n- Ministère de l'Intérieur\nthreats: []\n---\nBody\n");
    assert.deepEqual(grayData(after).actors, ['Guardia Civil', 'Direction générale de la Sûreté nationale', "Ministère de l'Intérieur"]);
  });

  it('does not add a value already present, whatever its case or quoting', () => {
    const before = "---\ncountries:\n  - 'es'\n  - \"MA\"\n---\n";
    assert.equal(tag(before, { add: { country: ['ES', 'MA', 'ma', 'PT', 'PT'] } }), "---\ncountries:\n  - 'es'\n  - \"MA\"\n  - PT\n---\n");
  });

  it('removes the first, a middle, the last and the only item, with their own comments only', () => {
    const before = '---\ncountries:\n  - ES # first\n  # about MA\n  - MA\n  - PT\n  - DZ # last\nregions:\n  - sahel\n---\n';
    assert.equal(tag(before, { remove: { country: ['ES'] } }), '---\ncountries:\n  # about MA\n  - MA\n  - PT\n  - DZ # last\nregions:\n  - sahel\n---\n');
    assert.equal(tag(before, { remove: { country: ['PT'] } }), '---\ncountries:\n  - ES # first\n  # about MA\n  - MA\n  - DZ # last\nregions:\n  - sahel\n---\n');
    assert.equal(tag(before, { remove: { country: ['DZ'] } }), '---\ncountries:\n  - ES # first\n  # about MA\n  - MA\n  - PT\nregions:\n  - sahel\n---\n');
    const onlyGone = tag(before, { remove: { region: ['sahel'] } });
    assert.equal(onlyGone, '---\ncountries:\n  - ES # first\n  # about MA\n  - MA\n  - PT\n  - DZ # last\nregions: []\n---\n');
    assert.deepEqual(grayData(onlyGone).regions, []);
    const allGone = tag(before, { remove: { country: ['ES', 'MA', 'PT', 'DZ'] } });
    assert.equal(allGone, '---\ncountries: []\n  # about MA\nregions:\n  - sahel\n---\n');
    assert.deepEqual(grayData(allGone), { countries: [], regions: ['sahel'] });
  });

  it('removes an item written over several lines, and removes and adds in one change', () => {
    const before = '---\nactors:\n  - Direction générale\n    de la Sûreté nationale   # folded\n  - Europol\n---\n';
    const after = tag(before, { remove: { actor: ['Direction générale de la Sûreté nationale'] }, add: { actor: ['Interpol'] } });
    assert.equal(after, '---\nactors:\n  - Europol\n  - Interpol\n---\n');
  });

  it('only removes values exactly as written', () => {
    const before = '---\ncountries:\n  - ES\n  - es\n---\n';
    assert.equal(tag(before, { remove: { country: ['es'] } }), '---\ncountries:\n  - ES\n---\n');
  });
});

describe('front matter edits: flow lists', () => {
  it('inserts `, x` after the last item, in the list own spacing', () => {
    assert.equal(tag('---\ncountries: [ES, MA] # two\n---\n', { add: { country: ['PT'] } }), '---\ncountries: [ES, MA, PT] # two\n---\n');
    assert.equal(tag('---\ncountries: [ES,MA]\n---\n', { add: { country: ['PT'] } }), '---\ncountries: [ES,MA,PT]\n---\n');
    assert.equal(tag('---\ncountries: [ ES, MA, ]\n---\n', { add: { country: ['PT'] } }), '---\ncountries: [ ES, MA, PT, ]\n---\n');
    const multi = '---\ncountries: [\n  ES,  # Spain\n  MA\n]\n---\n';
    assert.equal(tag(multi, { add: { country: ['PT'] } }), '---\ncountries: [\n  ES,  # Spain\n  MA, PT\n]\n---\n');
  });

  it('fills an empty flow list', () => {
    assert.equal(tag('---\nthreats: []\n---\n', { add: { threat: ['terrorism', 'cybercrime'] } }), '---\nthreats: [terrorism, cybercrime]\n---\n');
    assert.equal(tag('---\nthreats: [ ]   # none\n---\n', { add: { threat: ['terrorism'] } }), '---\nthreats: [terrorism]   # none\n---\n');
  });

  it('removes the item and one comma, never a comment', () => {
    const before = '---\ncountries: [ES, MA, PT] # three\n---\n';
    assert.equal(tag(before, { remove: { country: ['ES'] } }), '---\ncountries: [MA, PT] # three\n---\n');
    assert.equal(tag(before, { remove: { country: ['MA'] } }), '---\ncountries: [ES, PT] # three\n---\n');
    assert.equal(tag(before, { remove: { country: ['PT'] } }), '---\ncountries: [ES, MA] # three\n---\n');
    assert.equal(tag(before, { remove: { country: ['MA', 'PT'] } }), '---\ncountries: [ES] # three\n---\n');
    assert.equal(tag(before, { remove: { country: ['ES', 'MA', 'PT'] } }), '---\ncountries: [] # three\n---\n');
    assert.equal(tag('---\ncountries: [ES, # Spain\n  MA]\n---\n', { remove: { country: ['MA'] } }), '---\ncountries: [ES # Spain\n  ]\n---\n');
    assert.equal(tag(before, { remove: { country: ['MA'] }, add: { country: ['DZ'] } }), '---\ncountries: [ES, PT, DZ] # three\n---\n');
    assert.deepEqual(grayData(tag(before, { remove: { country: ['ES', 'MA', 'PT'] } })).countries, []);
  });
});

describe('front matter edits: creating keys and blocks', () => {
  it('creates the block at the very start when there is none', () => {
    const after = tag('Rabat, le 3 mai. La DGSN...\n', { add: { threat: ['terrorism'], country: ['MA', 'ES'], actor: ['DGSN'] } });
    assert.equal(after, '---\nactors:\n  - DGSN\ncountries:\n  - MA\n  - ES\nthreats:\n  - terrorism\n---\nRabat, le 3 mai. La DGSN...\n');
    assert.deepEqual(grayData(after), { actors: ['DGSN'], countries: ['MA', 'ES'], threats: ['terrorism'] });
  });

  it('keeps the BOM first and uses the document line ending', () => {
    const after = tag('\uFEFFMadrid.\r\nLa Guardia Civil...', { add: { country: ['ES'] } });
    assert.equal(after, '\uFEFF---\r\ncountries:\r\n  - ES\r\n---\r\nMadrid.\r\nLa Guardia Civil...');
    assert.deepEqual(grayData(after).countries, ['ES']);
  });

  it('creates a key after the last managed key, in category order, communique-ignore last', () => {
    const before = doc('\n', '---', 'title: x', 'threats:', '  - terrorism', '# end of tags', 'lang: fr', '---', '');
    const after = tag(before, { add: { region: ['sahel'], actor: ['Europol'] }, addIgnore: ['Weka'] });
    assert.equal(after, doc('\n', '---', 'title: x', 'threats:', '  - terrorism', 'actors:', '  - Europol', 'regions:', '  - sahel', 'communique-ignore:', '  - Weka', '# end of tags', 'lang: fr', '---', ''));
  });

  it('keeps the commented-out items of a list with that list when a key follows it', () => {
    const before = '---\nthreats:\n  - terrorism\n  # - fraud (to confirm)\n# tags end here\n---\n';
    assert.equal(tag(before, { add: { actor: ['Europol'] } }), '---\nthreats:\n  - terrorism\n  # - fraud (to confirm)\nactors:\n  - Europol\n# tags end here\n---\n');
  });

  it('creates a key at the end of a block that has no managed key, keeping its last comment', () => {
    const before = '---\ntitle: x # t\n# last words\n---\nBody';
    assert.equal(tag(before, { add: { country: ['ES'] } }), '---\ntitle: x # t\n# last words\ncountries:\n  - ES\n---\nBody');
    assert.equal(tag('---\n---\n', { add: { country: ['ES'] } }), '---\ncountries:\n  - ES\n---\n');
    assert.equal(tag('---\n---', { add: { country: ['ES'] } }), '---\ncountries:\n  - ES\n---');
  });

  it('follows the block indentation of the file, or its flow style when every list is flow', () => {
    assert.equal(tag('---\ntags:\n    - a\n---\n', { add: { country: ['ES'] } }), '---\ntags:\n    - a\ncountries:\n    - ES\n---\n');
    assert.equal(tag('---\ncountries:\n- ES\n---\n', { add: { region: ['sahel'] } }), '---\ncountries:\n- ES\nregions:\n- sahel\n---\n');
    assert.equal(tag('---\ncountries: [ES]\nregions: []\n---\n', { add: { threat: ['terrorism', 'fraud'] } }), '---\ncountries: [ES]\nregions: []\nthreats: [terrorism, fraud]\n---\n');
    assert.equal(tag('---\n  title: x\n---\n', { add: { country: ['ES'] } }), '---\n  title: x\n  countries:\n    - ES\n---\n');
  });

  it('turns an empty value into a list', () => {
    assert.equal(tag('---\nthreats:\nlang: fr\n---\n', { add: { threat: ['terrorism'] } }), '---\nthreats:\n  - terrorism\nlang: fr\n---\n');
    assert.equal(tag('---\nthreats: ~\n---\n', { add: { threat: ['terrorism'] } }), '---\nthreats:\n  - terrorism\n---\n');
    assert.equal(tag('---\nthreats: null   # later\n---\n', { add: { threat: ['terrorism'] } }), '---\nthreats:   # later\n  - terrorism\n---\n');
    assert.equal(tag('---\ncountries: [ES]\nthreats: ~ # later\n---\n', { add: { threat: ['terrorism'] } }), '---\ncountries: [ES]\nthreats: [terrorism] # later\n---\n');
    assert.deepEqual(grayData(tag('---\nthreats:\n---\n', { add: { threat: ['terrorism'] } })).threats, ['terrorism']);
  });

  it('writes renamed keys', () => {
    const keys = { ...KEYS, country: 'pays', threat: 'menaces' };
    assert.equal(tag('---\npays: [MA]\n---\n', { add: { country: ['ES'], threat: ['terrorism'] } }, keys), '---\npays: [MA, ES]\nmenaces: [terrorism]\n---\n');
  });

  it('sets scalar keys only when absent, as the first keys', () => {
    assert.equal(tag('---\ncountries: [ES]\n---\n', { set: { communique: true } }), '---\ncommunique: true\ncountries: [ES]\n---\n');
    assert.equal(tag('---\ncommunique: false\n---\n', { set: { communique: true } }), '---\ncommunique: false\n---\n');
    assert.equal(tag('Body\n', { set: { communique: true } }), '---\ncommunique: true\n---\nBody\n');
  });

  it('plans nothing for an empty change, and for removals without a block', () => {
    const text = 'Body\n';
    assert.deepEqual(planTagChange(text, readFrontMatter(text, KEYS), {}, KEYS), { edits: [] });
    assert.deepEqual(planTagChange(text, readFrontMatter(text, KEYS), { remove: { country: ['ES'] } }, KEYS), { edits: [] });
  });
});

describe('front matter edits: the legacy date header', () => {
  it('moves `date YYYY-MM` into a new block, keeping the rest of its line as the first body line', () => {
    const before = 'date 2025-04 Un communiqué du pôle DGSN-DGST précise...\nLe choix du Maroc...\n';
    const after = tag(before, { set: { date: '2025-04' }, removeHeader: true, add: { country: ['MA'] } });
    assert.equal(after, '---\ndate: 2025-04\ncountries:\n  - MA\n---\nUn communiqué du pôle DGSN-DGST précise...\nLe choix du Maroc...\n');
    assert.deepEqual(grayData(after), { date: '2025-04', countries: ['MA'] });
    assert.equal(matter(after, {}).content, 'Un communiqué du pôle DGSN-DGST précise...\nLe choix du Maroc...\n');
  });

  it('moves a header line of its own, with its line break, into an existing block as the first key', () => {
    const before = '---\r\n# tags\r\ncountries: [ES]\r\n---\r\ndate 2022-07\r\n\r\nLYON (France)...\r\n';
    const after = tag(before, { removeHeader: true });
    assert.equal(after, '---\r\ndate: 2022-07\r\n# tags\r\ncountries: [ES]\r\n---\r\n\r\nLYON (France)...\r\n');
    assert.equal(grayData(after).date, '2022-07');
  });

  it('quotes a full date, which YAML 1.1 readers would turn into a Date', () => {
    const after = tag('date 2025-04-17\nBody\n', { removeHeader: true });
    assert.equal(after, '---\ndate: "2025-04-17"\n---\nBody\n');
    assert.equal(grayData(after).date, '2025-04-17');
  });

  it('refuses to drop a header whose date disagrees with the front matter', () => {
    const text = '---\ndate: 2024-01\n---\ndate 2025-04\nBody\n';
    const plan = planTagChange(text, readFrontMatter(text, KEYS), { removeHeader: true }, KEYS);
    assert.ok('error' in plan && /2024-01/.test(plan.error) && /2025-04/.test(plan.error));
    const same = '---\ndate: 2025-04\n---\ndate 2025-04\nBody\n';
    assert.equal(tag(same, { removeHeader: true }), '---\ndate: 2025-04\n---\nBody\n');
  });
});

describe('front matter edits: new scalars', () => {
  it('writes plain scalars when YAML allows, quoted ones when a reader would see something else', () => {
    const plain = ['ES', 'terrorism', 'Direction générale de la Sûreté nationale', "Ministère de l'Intérieur", 'Guardia Civil', 'الإرهاب', '2025-04', 'a-b'];
    for (const value of plain) assert.equal(yamlScalar(value), value);
    const quoted = ['NO', 'no', 'yes', 'YES', 'ON', 'off', 'y', 'true', 'null', '~', '1e3', '12', '0x1F', '0o17', '1:30', '.5', '.inf', '2025-04-17', 'a: b', 'a #b', '[x', '{x', '&x', '*x', '!x', '%x', '@x', '`x', '- x', '? x', '', ' x', 'x ', '"x', "'x", 'line\nbreak'];
    for (const value of quoted) {
      const written = yamlScalar(value);
      assert.ok(/^["']/.test(written), `${JSON.stringify(value)} is written ${written}`);
    }
    assert.equal(yamlScalar('a, b'), 'a, b');
    assert.equal(yamlScalar('a, b', 'flow'), '"a, b"');
  });

  it('writes Norway so that every reader gets the string "NO" back', () => {
    const after = tag('---\ncountries: [ES]\nregions:\n  - sahel\n---\n', { add: { country: ['NO', 'ON', '1e3'], region: ['yes', 'a: b', 'x #y'] } });
    assert.equal(after, '---\ncountries: [ES, "NO", "ON", "1e3"]\nregions:\n  - sahel\n  - "yes"\n  - "a: b"\n  - "x #y"\n---\n');
    assert.deepEqual(grayData(after), { countries: ['ES', 'NO', 'ON', '1e3'], regions: ['sahel', 'yes', 'a: b', 'x #y'] });
    assert.deepEqual(readFrontMatter(after, KEYS).tags.country.map((t) => t.value), ['ES', 'NO', 'ON', '1e3']);
  });
});

describe('front matter edits: refusals', () => {
  const refused = (text: string, change: TagChange = { add: { country: ['ES'] } }): string => {
    const plan = planTagChange(text, readFrontMatter(text, KEYS), change, KEYS);
    assert.ok('error' in plan, `expected a refusal for ${JSON.stringify(text)}`);
    assert.equal('edits' in plan, false);
    return plan.error;
  };

  it('refuses invalid front matter, naming the line', () => {
    assert.match(refused('---\ntitle: x\ncountries: [ES\n---\n'), /does not parse \(line \d+\)/);
    assert.match(refused('---\ncountries: [MA]\ncountries: [ES]\n---\n'), /line 3.*Duplicate key countries/);
    assert.match(refused('---\ntitle: x\ncountries: ES\n---\n'), /line 3\): countries must be a list/);
    assert.match(refused('---\n- a\n---\n'), /map of keys/);
    assert.match(refused('---\ncountries: [MA]\n...\n'), /`\.\.\.`/);
  });

  it('refuses when the FrontMatter given says invalid, even if the text would parse', () => {
    const invalid = readFrontMatter('---\ncountries: ES\n---\n', KEYS);
    const plan = planTagChange('---\ncountries: [ES]\n---\n', invalid, { add: { country: ['MA'] } }, KEYS);
    assert.ok('error' in plan);
  });

  it('plans on the text, not on a stale FrontMatter of another version', () => {
    const old = readFrontMatter('---\ncountries: [ES]\n---\n', KEYS);
    const text = '---\ntitle: longer now\ncountries: [ES]\n---\n';
    const plan = planTagChange(text, old, { add: { country: ['MA'] } }, KEYS);
    assert.ok('edits' in plan);
    assert.equal(applyEdits(text, plan.edits), '---\ntitle: longer now\ncountries: [ES, MA]\n---\n');
  });

  it('refuses layouts it does not edit: anchors, explicit keys, a flow map block', () => {
    assert.match(refused('---\ncountries: &c [MA]\nother: *c\n---\n'), /anchor/);
    assert.match(refused('---\n? countries\n: [MA]\n---\n'), /explicit key/);
    assert.match(refused('---\n{countries: [MA]}\n---\n'), /flow map/);
    assert.match(refused('---\n{title: x}\n---\n'), /flow map/);
  });

  it('leaves an anchored list alone when the change does not touch it', () => {
    assert.equal(tag('---\ncountries: &c [MA]\n---\n', { add: { threat: ['terrorism'] } }), '---\ncountries: &c [MA]\nthreats: [terrorism]\n---\n');
  });
});
