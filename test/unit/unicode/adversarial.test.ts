// Safety check: the detectors stay linear on hostile 100 kB inputs (a generous bound, not a benchmark).
import * as assert from 'node:assert/strict';
import { detectInstructionRisks } from '../../../src/core/instructions';
import { detectHiddenUnicode } from '../../../src/core/unicode';

const inputs: [string, string][] = [
  ['a 100 kB zero-width run', '\u200B'.repeat(100_000)],
  ['100 kB of alternating homoglyphs and Latin', 'a\u0430'.repeat(50_000)],
  ['a 100 kB tag run', '\u{E0041}'.repeat(50_000)],
  ['100 kB of unbalanced isolates on one line', '\u2066x'.repeat(50_000)],
  ['100 kB of variation selectors', '\uFE0F'.repeat(100_000)],
];
const injections: [string, string][] = [
  ['100 kB of "send " without an object', 'send '.repeat(20_000)],
  ['100 kB base64-like run', 'Ab1'.repeat(34_000)],
  ['an unclosed HTML comment', `<!-- ${'you must '.repeat(11_000)}`],
  ['100 kB of markdown link openers', '![x](https://a.example/?'.repeat(4_000)],
  ['100 kB of curl without a newline', 'curl https://x.example '.repeat(4_500)],
  ['100 kB of nested JSON', `{"mcpServers":${'['.repeat(30_000)}`],
];

describe('linear time on adversarial input', () => {
  for (const [name, text] of inputs) {
    it(`scans ${name} in under a second`, () => {
      const t = Date.now();
      detectHiddenUnicode(text, { languageId: 'markdown' });
      assert.ok(Date.now() - t < 1000);
    });
  }
  for (const [name, text] of injections) {
    it(`checks an instruction file with ${name} in under a second`, () => {
      const t = Date.now();
      detectInstructionRisks(name.includes('JSON') ? '.mcp.json' : 'AGENTS.md', text);
      assert.ok(Date.now() - t < 1000);
    });
  }
});

describe('never throws on malformed input', () => {
  it('survives 300 seeded random texts in JSON configs and Markdown instruction files', () => {
    let seed = 7;
    const rand = (): number => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
    const alphabet = ['{', '}', '[', ']', '"', ':', ',', '\\', 'npx', 'env', 'command', 'mcpServers', 'hooks', '<!--', '-->', '![x](https://a.example/?d=', '\u202E', '\u200D', '\u{E0041}', '\uD800', '\uDC00', 'а', '\n', ' '];
    for (let i = 0; i < 300; i++) {
      let text = '';
      const n = Math.floor(rand() * 200);
      for (let k = 0; k < n; k++) text += alphabet[Math.floor(rand() * alphabet.length)] ?? '';
      for (const path of ['.vscode/mcp.json', '.claude/settings.json', 'AGENTS.md', '.cursor/rules/a.mdc']) {
        assert.ok(Array.isArray(detectInstructionRisks(path, text)));
      }
      assert.ok(Array.isArray(detectHiddenUnicode(text)));
    }
  });
});
