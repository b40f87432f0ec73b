// The mentoring panel's pure parts: syntax tokens, the side-by-side excerpts with the change marked,
// and rule pages rendered from Markdown with raw HTML escaped.
import * as assert from 'node:assert/strict';
import { rangeOf } from '../../../src/core/model';
import { changeExcerpts } from '../../../src/extension/mentor/excerpt';
import { markChanged, splitLines, tokenize } from '../../../src/extension/mentor/highlight';
import type { CodeLine } from '../../../src/extension/mentor/protocol';
import { renderRuleDoc, splitSections } from '../../../src/extension/mentor/ruleDoc';

const BEFORE = `const router = express.Router();

router.get('/projects/:id', requireAuth, async (req, res) => {
  return res.json(await db.projects.find(req.params.id));
});

router.delete('/projects/:id', requireAuth, async (req, res) => {
  await db.projects.remove(req.params.id); // soft delete
  return res.status(204).end();
});
`;
const AFTER = BEFORE.replace("router.delete('/projects/:id', requireAuth, async", "router.delete('/projects/:id', async");

const text = (line: CodeLine): string => line.tokens.map((t) => t.text).join('');
const changed = (line: CodeLine): string => line.tokens.filter((t) => t.changed).map((t) => t.text).join('');

describe('mentor panel: syntax tokens', () => {
  it('colours keywords, strings, comments, numbers and calls in JavaScript, and gives the text back unchanged', () => {
    const src = "const n = 204; // done\nres.status(n).send('ok');";
    const tokens = tokenize(src, 'javascript');
    assert.equal(tokens.map((t) => t.text).join(''), src);
    const kinds = (s: string): string[] => tokens.filter((t) => t.text === s).map((t) => t.kind);
    assert.deepEqual(kinds('const'), ['keyword']);
    assert.deepEqual(kinds('204'), ['number']);
    assert.deepEqual(kinds('// done'), ['comment']);
    assert.deepEqual(kinds("'ok'"), ['string']);
    assert.deepEqual(kinds('status'), ['function']);
  });

  it('treats # as a comment in Python and keeps decorators apart', () => {
    const tokens = tokenize("@login_required\ndef delete(req):  # admin only\n    return None\n", 'python');
    assert.deepEqual(tokens.filter((t) => t.kind !== 'plain' && t.kind !== 'punctuation').map((t) => [t.kind, t.text]),
      [['decorator', '@login_required'], ['keyword', 'def'], ['function', 'delete'], ['comment', '# admin only'], ['keyword', 'return'], ['keyword', 'None']]);
  });

  it('splits a block comment across lines and marks a character range as changed', () => {
    const lines = splitLines(tokenize('/* a\nb */ x', 'typescript'));
    assert.deepEqual(lines.map((l) => l.map((t) => [t.kind, t.text])), [[['comment', '/* a']], [['comment', 'b */'], ['plain', ' x']]]);
    const marked = markChanged(tokenize('foo(a, b)', 'typescript'), [[4, 7]]);
    assert.equal(marked.filter((t) => t.changed).map((t) => t.text).join(''), 'a, ');
  });

  it('tokenizes 100 kB of unterminated strings, comments and punctuation in well under a second', () => {
    for (const input of ['"'.repeat(100_000), "'\\".repeat(50_000), '/*'.repeat(50_000), '`${'.repeat(33_000), '#'.repeat(100_000), 'a'.repeat(100_000)]) {
      const started = Date.now();
      for (const lang of ['javascript', 'python']) assert.equal(tokenize(input, lang).map((t) => t.text).join(''), input);
      assert.ok(Date.now() - started < 1000, `slow on ${JSON.stringify(input.slice(0, 4))}…`);
    }
  });
});

describe('mentor panel: what happened in this change', () => {
  it('shows the removed requireAuth on the left and the route without it on the right, with the words marked', () => {
    const { before, after } = changeExcerpts(BEFORE, AFTER, rangeOf(6, 0, 6, 10), rangeOf(6, 0, 6, 10), 'javascript');
    assert.ok(before);
    assert.equal(before.label, 'Last reviewed version');
    assert.deepEqual(before.lines.map((l) => l.number), [4, 5, 6, 7, 8, 9, 10]);
    const removed = before.lines.filter((l) => l.mark === 'removed');
    assert.deepEqual(removed.map(text), ["router.delete('/projects/:id', requireAuth, async (req, res) => {"]);
    assert.equal(changed(removed[0]!), 'requireAuth, ');
    const added = after.lines.filter((l) => l.mark === 'added');
    assert.deepEqual(added.map((l) => [l.number, text(l)]), [[7, "router.delete('/projects/:id', async (req, res) => {"]]);
    assert.equal(after.lines.find((l) => l.number === 8)?.mark, undefined);
  });

  it('shows only the current code when the finding has no place in the old version', () => {
    const { before, after } = changeExcerpts(BEFORE, AFTER, rangeOf(0, 0, 0, 5), undefined, 'javascript');
    assert.equal(before, undefined);
    assert.deepEqual(after.lines.map((l) => l.number), [1, 2, 3, 4]);
  });
});

describe('mentor panel: rule pages', () => {
  const page = '# Title\n\n## What happened\n\nA <script>alert(1)</script> [x](javascript:alert(1)).\n\n## Why it matters\n\nBecause.\n\n'
    + '## How to fix\n\nPut it back.\n\n## Check yourself\n\nIs it safe?\n\n**Answer:** No, `requireAuth` is gone.\n\n## References\n\n- [CWE-862](https://cwe.mitre.org/data/definitions/862.html)\n';

  it('splits the page into its five sections', () => {
    assert.deepEqual([...splitSections(page).keys()], ['What happened', 'Why it matters', 'How to fix', 'Check yourself', 'References']);
  });

  it('escapes raw HTML, drops javascript: links, and keeps the answer apart from the question', () => {
    const doc = renderRuleDoc(page);
    assert.match(doc.whatHappened, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.doesNotMatch(doc.whatHappened, /<script|href="javascript:/);
    assert.equal(doc.question, '<p>Is it safe?</p>\n');
    assert.equal(doc.answer, '<p>No, <code>requireAuth</code> is gone.</p>\n');
    assert.match(doc.references, /<a href="https:\/\/cwe\.mitre\.org\/data\/definitions\/862\.html" rel="noreferrer">CWE-862<\/a>/);
  });

  it('renders a note for a missing page instead of failing', () => {
    assert.equal(renderRuleDoc(undefined).howToFix, '<p>No &quot;How to fix&quot; section in this rule\'s page yet.</p>');
  });
});
