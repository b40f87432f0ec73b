// The gitignore-format matcher shared by .gitignore, .cursorignore, .aiexclude and friends.
import * as assert from 'node:assert/strict';
import { IgnoreList } from '../../../src/core/context';

describe('IgnoreList', () => {
  it('matches base-name patterns at any depth and anchored patterns from the file\'s folder', () => {
    const list = new IgnoreList().add('', '# comment\n*.log\n/build\ndocs/private/\n');
    assert.deepEqual(list.match('a/b/debug.log'), { ignored: true, pattern: '*.log' });
    assert.deepEqual(list.match('build/out.js'), { ignored: true, pattern: '/build' });
    assert.deepEqual(list.match('src/build/out.js'), { ignored: false });
    assert.deepEqual(list.match('docs/private/plan.md'), { ignored: true, pattern: 'docs/private/' });
  });

  it('lets a later negation re-include a file, but not under an ignored folder', () => {
    const list = new IgnoreList().add('', '.env*\n!.env.example\nsecrets/\n!secrets/readme.md\n');
    assert.equal(list.ignores('.env.local'), true);
    assert.deepEqual(list.match('.env.example'), { ignored: false, pattern: '!.env.example' });
    assert.equal(list.ignores('secrets/readme.md'), true);
  });

  it('applies a nested file only below its folder', () => {
    const list = new IgnoreList().add('packages/api', '*.pem\n');
    assert.equal(list.ignores('packages/api/certs/a.pem'), true);
    assert.equal(list.ignores('packages/web/a.pem'), false);
  });

  it('matches folder-only patterns against folders, not files of that name', () => {
    const list = new IgnoreList().add('', 'out/\n');
    assert.equal(list.ignores('out', true), true);
    assert.equal(list.ignores('out', false), false);
    assert.equal(list.ignores('out/x.js'), true);
  });

  it('reads CRLF files', () => {
    const list = new IgnoreList().add('', '*.key\r\n.env\r\n');
    assert.equal(list.ignores('a/b.key'), true);
    assert.equal(list.ignores('.env'), true);
  });
});
