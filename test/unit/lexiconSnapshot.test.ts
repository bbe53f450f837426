/**
 * The merged built-in lexicon of the build's snapshot (server/scripts/lexiconSnapshot.mjs), which
 * spares a process parsing, merging and expanding the built-in files (issue 2: "the built-in
 * lexicons load in under 150 ms"). It must give exactly the lexicon the files give, and never be
 * used when it was made from other files or other code.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLexicon, packLexicon, unpackLexicon } from '#core/lexicon/index';
import type { Lexicon } from '#core/types';
import {
  BUILTIN_LEXICON_FILES,
  builtinLexiconDir,
  LEXICON_SNAPSHOT_FILE,
  LEXICON_SNAPSHOT_FORMAT,
  lexiconCodeFingerprint,
  loadedFromSnapshot,
  loadLexicon,
  readBuiltinLayers,
  readBuiltinLexicons,
} from '#node/lexiconFiles';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The lexicon as plain data in its Map order, for deep comparison. */
function plain(lexicon: Lexicon): unknown {
  return { entries: [...lexicon.entries.entries()], ignore: [...lexicon.ignore], problems: lexicon.problems };
}

describe('lexicon snapshot: the merged built-in lexicon', () => {
  it('packs and unpacks a merged lexicon to the same lexicon, files renamed both ways', () => {
    const lexicon = buildLexicon(readBuiltinLexicons());
    const dir = builtinLexiconDir();
    const packed = JSON.parse(JSON.stringify(packLexicon(lexicon, (file) => file.slice(dir.length + 1)))) as unknown;
    const entry = (packed as { entries: { origin: { file: string } }[] }).entries[0]!;
    assert.ok(BUILTIN_LEXICON_FILES.includes(entry.origin.file), entry.origin.file);
    const unpacked = unpackLexicon(packed, (name) => join(dir, name));
    assert.ok(unpacked !== null);
    assert.deepEqual(plain(unpacked), plain(lexicon));
    // Names keep no prototype, as the merge makes them: no language code reads an Object method.
    assert.equal(Object.getPrototypeOf(unpacked.entries.get('MA')!.names), null);
    assert.equal(unpacked.entries.get('MA')!.names['constructor'], undefined);
  });

  it('refuses data of another shape', () => {
    for (const bad of [null, 3, {}, { entries: [{ id: 'x' }], ignore: [], problems: [] }, { entries: [], ignore: [1], problems: [] }]) {
      assert.equal(unpackLexicon(bad, (n) => n), null, JSON.stringify(bad));
    }
  });

  it('is what the shipped snapshot holds when it is up to date, and is not used when it is not', () => {
    const dir = builtinLexiconDir();
    const snapshot = JSON.parse(readFileSync(join(dir, LEXICON_SNAPSHOT_FILE), 'utf8')) as {
      format: number;
      compiled?: { sources: Record<string, string>; code: string | null };
    };
    const fresh =
      snapshot.format === LEXICON_SNAPSHOT_FORMAT &&
      snapshot.compiled !== undefined &&
      BUILTIN_LEXICON_FILES.every((name) => snapshot.compiled!.sources[name] === sha256(readFileSync(join(dir, name), 'utf8'))) &&
      snapshot.compiled.code === lexiconCodeFingerprint(dir);
    const loaded = loadLexicon();
    // `npm run build` writes it; after a change to the files or the lexicon code without a build, the files are read.
    assert.equal(loadedFromSnapshot(loaded), fresh);
    assert.deepEqual(plain(loaded), plain(buildLexicon(readBuiltinLexicons())));
  });

  describe('in a copy of the built-in folder', () => {
    let root: string;
    let dir: string;
    /** Writes a snapshot whose merged lexicon is `lexicon`, made from the copy's files and `code`. */
    const writeSnapshot = (lexicon: unknown, code: string | null): void => {
      const sources = Object.fromEntries(BUILTIN_LEXICON_FILES.map((name) => [name, sha256(readFileSync(join(dir, name), 'utf8'))]));
      writeFileSync(join(dir, LEXICON_SNAPSHOT_FILE), JSON.stringify({ format: LEXICON_SNAPSHOT_FORMAT, files: {}, compiled: { sources, code, lexicon } }));
    };
    const packedBuiltin = (): unknown => packLexicon(buildLexicon(readBuiltinLexicons(dir)), (file) => file.slice(dir.length + 1));

    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 'communique-snapshot-'));
      dir = join(root, 'lexicon');
      mkdirSync(dir);
      for (const name of BUILTIN_LEXICON_FILES) copyFileSync(join(builtinLexiconDir(), name), join(dir, name));
    });
    afterEach(() => {
      rmSync(root, { recursive: true, force: true });
    });

    it('loads the merged lexicon of the snapshot, with the files of the folder', () => {
      // No sources beside the folder, as in an installed extension: the snapshot is trusted.
      assert.equal(lexiconCodeFingerprint(dir), null);
      const packed = packedBuiltin() as { entries: { name: string }[] };
      packed.entries.find((e) => (e as unknown as { id: string }).id === 'MA')!.name = 'Morocco (from the snapshot)';
      writeSnapshot(packed, null);
      const lexicon = loadLexicon({ builtinDir: dir });
      assert.ok(loadedFromSnapshot(lexicon));
      assert.equal(lexicon.entries.get('MA')!.name, 'Morocco (from the snapshot)');
      assert.equal(lexicon.entries.get('ES')!.origin.file, join(dir, 'countries.generated.yaml'));
    });

    it('gives the language server one merged lexicon however often it asks (readBuiltinLayers)', () => {
      writeSnapshot(packedBuiltin(), null);
      const layers = readBuiltinLayers(dir);
      const first = layers.merged();
      assert.ok(first !== null && loadedFromSnapshot(first));
      // Unpacking takes the snapshot's data over: a second unpacking would name the files twice over.
      assert.equal(layers.merged(), first);
      assert.equal(first.entries.get('ES')!.origin.file, join(dir, 'countries.generated.yaml'));
      assert.deepEqual(plain(first), plain(buildLexicon(layers.sources)));
    });

    it('parses the files when one of them changed since the snapshot', () => {
      writeSnapshot(packedBuiltin(), null);
      const regions = join(dir, 'regions.yaml');
      writeFileSync(regions, readFileSync(regions, 'utf8').replace('id: sahel', 'id: sahel-region'));
      const lexicon = loadLexicon({ builtinDir: dir });
      assert.equal(loadedFromSnapshot(lexicon), false);
      assert.ok(lexicon.entries.has('sahel-region') && !lexicon.entries.has('sahel'));
    });

    it('parses the files when the lexicon code beside them is not the code that made the snapshot', () => {
      for (const folder of ['lexicon', 'text']) {
        mkdirSync(join(root, 'src', 'core', folder), { recursive: true });
        writeFileSync(join(root, 'src', 'core', folder, 'code.ts'), `export const folder = '${folder}';\n`);
      }
      const code = lexiconCodeFingerprint(dir);
      assert.ok(code !== null);
      writeSnapshot(packedBuiltin(), code);
      assert.ok(loadedFromSnapshot(loadLexicon({ builtinDir: dir })));
      writeFileSync(join(root, 'src', 'core', 'text', 'code.ts'), "export const folder = 'text, edited';\n");
      assert.notEqual(lexiconCodeFingerprint(dir), code);
      assert.equal(loadedFromSnapshot(loadLexicon({ builtinDir: dir })), false);
    });

    it('parses the files when the merged lexicon is damaged, and whenever other layers come on top', () => {
      writeSnapshot({ entries: 'garbage' }, null);
      const damaged = loadLexicon({ builtinDir: dir });
      assert.equal(loadedFromSnapshot(damaged), false);
      assert.ok(damaged.entries.has('MA'));

      writeSnapshot(packedBuiltin(), null);
      const extra = join(root, 'extra.yaml');
      writeFileSync(extra, 'entries:\n  - id: sahel\n    disabled: true\n');
      const layered = loadLexicon({ builtinDir: dir, extraPaths: [extra] });
      assert.equal(loadedFromSnapshot(layered), false);
      assert.ok(!layered.entries.has('sahel') && layered.entries.has('MA'));
    });
  });
});
