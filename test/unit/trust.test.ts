/**
 * Workspace trust (core/trust.ts): which lexicon files an untrusted workspace lets the server read.
 */
import assert from 'node:assert/strict';
import { decideLexiconPaths, ignoredLexiconsMessage, isPathInside } from '#core/trust';

const candidate = (path: string, realPath = path) => ({ path, realPath });

describe('workspace trust policy', () => {
  describe('isPathInside', () => {
    it('accepts the folder itself and what lies under it', () => {
      assert.equal(isPathInside('/ws', '/ws'), true);
      assert.equal(isPathInside('/ws', '/ws/.communique/lexicon.yaml'), true);
      assert.equal(isPathInside('/ws/', '/ws/shared/people.yaml'), true);
      assert.equal(isPathInside('/', '/etc/passwd'), true);
    });

    it('refuses siblings that share a prefix, parents and climbs out with ..', () => {
      assert.equal(isPathInside('/ws', '/ws-evil/lexicon.yaml'), false);
      assert.equal(isPathInside('/ws', '/wsx'), false);
      assert.equal(isPathInside('/ws/sub', '/ws'), false);
      assert.equal(isPathInside('/ws', '/ws/../etc/passwd'), false);
      assert.equal(isPathInside('/ws', '/ws/a/../../etc/passwd'), false);
      assert.equal(isPathInside('/ws', '/ws/./a/../b.yaml'), true);
      assert.equal(isPathInside('/ws', '/../ws/x.yaml'), true, '.. above the root stays at the root');
    });

    it('refuses relative paths (the caller resolves them first)', () => {
      assert.equal(isPathInside('/ws', 'lexicon.yaml'), false);
      assert.equal(isPathInside('ws', '/ws/lexicon.yaml'), false);
    });

    it('reads Windows paths case-insensitively, with either separator, drive letters and UNC shares', () => {
      assert.equal(isPathInside('C:\\Users\\ana\\ws', 'c:/users/ANA/ws/.communique/lexicon.yaml'), true);
      assert.equal(isPathInside('C:\\ws', 'D:\\ws\\x.yaml'), false);
      assert.equal(isPathInside('C:\\ws', 'C:\\ws-other\\x.yaml'), false);
      assert.equal(isPathInside('\\\\server\\share\\ws', '\\\\SERVER\\share\\ws\\a.yaml'), true);
      assert.equal(isPathInside('\\\\server\\share\\ws', '\\\\server\\other\\ws\\a.yaml'), false);
      // A POSIX folder never contains a drive path.
      assert.equal(isPathInside('/ws', 'C:\\ws\\a.yaml'), false);
    });
  });

  describe('decideLexiconPaths', () => {
    const folders = ['/home/ana/ws', '/home/ana/second'];

    it('in an untrusted workspace, reads lexicons inside the folders and holds back the others', () => {
      const decision = decideLexiconPaths(
        [
          candidate('/home/ana/ws/.communique/lexicon.yaml'),
          candidate('/home/ana/second/shared/people.yaml'),
          candidate('/home/ana/.ssh/id_rsa'),
          candidate('/dev/zero'),
          candidate('../team/lexicon.yaml', '/home/ana/team/lexicon.yaml'),
        ],
        folders,
        { trusted: false },
      );
      assert.deepEqual(
        decision.allowed.map((c) => c.path),
        ['/home/ana/ws/.communique/lexicon.yaml', '/home/ana/second/shared/people.yaml'],
      );
      assert.deepEqual(
        decision.ignored.map((c) => [c.path, c.reason]),
        [
          ['/home/ana/.ssh/id_rsa', 'outside-workspace'],
          ['/dev/zero', 'outside-workspace'],
          ['../team/lexicon.yaml', 'outside-workspace'],
        ],
      );
    });

    it('judges the real path: a workspace lexicon that is a link out of the workspace is held back', () => {
      const decision = decideLexiconPaths([candidate('/home/ana/ws/.communique/lexicon.yaml', '/etc/shadow')], folders, { trusted: false });
      assert.deepEqual(decision.allowed, []);
      assert.equal(decision.ignored[0]?.realPath, '/etc/shadow');
    });

    it('reads every file once the workspace is trusted', () => {
      const all = [candidate('/home/ana/.ssh/id_rsa'), candidate('/home/ana/ws/x.yaml'), candidate('/opt/team.yaml')];
      const decision = decideLexiconPaths(all, folders, { trusted: true });
      assert.deepEqual(decision.allowed, all);
      assert.deepEqual(decision.ignored, []);
    });

    it('with no workspace folder (a file opened on its own), an untrusted window reads no lexicon file', () => {
      const decision = decideLexiconPaths([candidate('/home/ana/press/lexicon.yaml')], [], { trusted: false });
      assert.deepEqual(decision.allowed, []);
      assert.equal(decision.ignored.length, 1);
    });
  });

  it('says which files are ignored and how to use them', () => {
    assert.equal(
      ignoredLexiconsMessage([candidate('/opt/team.yaml')]),
      'Communiqué: this workspace is not trusted, so the lexicon file outside its folders is ignored: /opt/team.yaml. Trust the workspace to use it.',
    );
    const many = ignoredLexiconsMessage(['/a.yaml', '/b.yaml', '/c.yaml', '/d.yaml', '/e.yaml'].map((p) => candidate(p)));
    assert.equal(
      many,
      'Communiqué: this workspace is not trusted, so the 5 lexicon files outside its folders are ignored: /a.yaml, /b.yaml, /c.yaml and 2 more. Trust the workspace to use them.',
    );
  });
});
