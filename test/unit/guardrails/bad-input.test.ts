// The engine never throws on bad input, skips huge or minified files with a reason, and stays fast on
// adversarial text (a safety bound, not a benchmark).
import * as assert from 'node:assert/strict';
import { GuardrailEngine } from '../../../src/core/guardrails';
import { guardrailRules } from '../../../src/core/rules/guardrail-rules';
import { analyzeText } from '../../../src/core/guardrails/textual';
import { nodeModulesLoader } from '../../../scripts/eval/guardrails';
import { ParserPool } from '../../../src/core/parsing/runtime';
import { familyOf } from '../../../src/core/parsing/languages';
import { Doc, mirror } from '../../../src/core/guardrails/syntax';
import { analyze, engine, lines, summary } from './helpers';

const languages = ['javascript', 'typescript', 'typescriptreact', 'python', 'go', 'java', 'ruby'];

/** ~100 kB of lines (each under 5,000 characters) built from pieces that stress backtracking. */
function adversarial(): string {
  const pieces = ['((((', '[[[[', '{{{{', '"\'`', '${', '\\\\', 'a'.repeat(50), ' + " ', 'SELECT * FROM t WHERE ', 'verify=False, ', 'rejectUnauthorized: false ',
    '@login_required ', 'jwt.decode(', '.limit(', '/../', 'if (a.length > 5) throw ', '-'.repeat(40), '        ', 'md5(', 'Access-Control-Allow-Origin', '\u202e', '\ud800'];
  const out: string[] = [];
  let size = 0;
  let i = 0;
  while (size < 100_000) {
    const piece = pieces[i % pieces.length] as string;
    const line = piece.repeat(Math.ceil(3000 / piece.length)).slice(0, 3000);
    out.push(line);
    size += line.length + 1;
    i++;
  }
  return out.join('\n');
}

describe('guardrail engine on bad input', () => {
  it('never throws on empty, half-typed, broken or odd text in any language', async () => {
    const samples = ['', '\n', 'app.get(\'/x\', requireAuth, (req, res) => {', 'def f(:\n  if x\n', 'func (', '@PreAuthorize(\nclass', '\ud800\udfff\ud800', '\u0000\u0000', '}}}}}', 'if (a) { throw'];
    for (const languageId of languages) {
      for (const before of samples) {
        for (const after of samples) {
          const result = await analyze(before, after, languageId);
          assert.ok(Array.isArray(result.findings), `${languageId}: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
        }
      }
    }
  });

  it('still finds a dropped guard in a file with a syntax error elsewhere', async () => {
    const before = lines("router.delete('/users/:id', requireAuth, remove);", '', 'function broken( {', '  return 1;');
    const after = before.replace('requireAuth, ', '');
    assert.deepEqual(summary((await analyze(before, after, 'javascript')).findings), ['auth-check-removed@1:dropped']);
  });

  it('handles CRLF line endings and returns restore text with CRLF', async () => {
    const before = "router.delete('/users/:id', requireAuth, remove);\r\nrouter.get('/users', list);\r\n";
    const after = before.replace('requireAuth, ', '');
    const { findings } = await analyze(before, after, 'javascript');
    assert.deepEqual(summary(findings), ['auth-check-removed@1:dropped']);
    assert.equal(findings[0]?.restore?.[0]?.newText, 'requireAuth, ');
  });

  it('skips files over 2 MB and minified lines with a reason', async () => {
    const big = 'x = 1\n'.repeat(400_000);
    assert.deepEqual(await analyze(big, `${big}y = 2\n`, 'python'), { findings: [], skipped: 'file larger than 2 MB', language: 'text' });
    const minified = `var a=${'1+'.repeat(3000)}1;`;
    assert.deepEqual(await analyze('var a = 1;\n', minified, 'javascript'), { findings: [], skipped: 'minified (line over 5000 characters)', language: 'text' });
  });

  it('falls back to the textual layer, with low confidence, before a grammar is loaded', async () => {
    const cold = new GuardrailEngine(nodeModulesLoader());
    const before = 'const agent = new https.Agent({ keepAlive: true });\n';
    const after = 'const agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });\n';
    const result = cold.analyzeEdit({ before, after, languageId: 'javascript' });
    assert.equal(result.language, 'text');
    assert.deepEqual(summary(result.findings), ['tls-verification-disabled@1:downgraded']);
    assert.equal(result.findings[0]?.confidence, 'low');
  });

  it('uses the textual layer for languages without a grammar', async () => {
    const before = 'http.verify_mode = OpenSSL::SSL::VERIFY_PEER\n';
    const after = '# never use VERIFY_NONE here\nhttp.verify_mode = OpenSSL::SSL::VERIFY_NONE\n';
    const result = await analyze(before, after, 'ruby');
    assert.equal(result.language, 'text');
    assert.deepEqual(summary(result.findings), ['tls-verification-disabled@2:downgraded']);
  });

  it('resolves to false for a language without a grammar and when a grammar cannot be read', async () => {
    assert.equal(await (await engine()).ensureLanguage('ruby'), false);
    const broken = new GuardrailEngine(async () => { throw new Error('no such file'); });
    assert.equal(await broken.ensureLanguage('python'), false);
    assert.equal(broken.analyzeEdit({ before: 'a = 1\n', after: 'a = 2\n', languageId: 'python' }).language, 'text');
  });

  describe('adversarial 100 kB input', () => {
    const text = adversarial();
    const docs: Doc[] = [];
    before(async () => {
      const pool = new ParserPool(nodeModulesLoader());
      for (const languageId of ['javascript', 'python', 'go', 'java']) {
        await pool.ensure(languageId);
        const tree = pool.parse(languageId, text);
        if (tree) docs.push(new Doc(text, familyOf(languageId) ?? 'js', [mirror(tree.rootNode)]));
        tree?.delete();
      }
      assert.equal(docs.length, 4);
    });
    for (const rule of guardrailRules) {
      it(`${rule.meta.id}: extractors and textual patterns take under a second per language`, () => {
        for (const doc of docs) {
          const started = Date.now();
          rule.extract(doc);
          analyzeText('', text, [rule]);
          analyzeText(text, '', [rule]);
          assert.ok(Date.now() - started < 1000, `${doc.family}: took ${Date.now() - started} ms`);
        }
      });
    }
    it('the whole engine on the same input stays within a generous bound', async () => {
      const started = Date.now();
      for (const languageId of ['javascript', 'python', 'go', 'java']) (await engine()).analyzeEdit({ before: '', after: text, languageId });
      assert.ok(Date.now() - started < 8000, `took ${Date.now() - started} ms`);
    });
  });
});
