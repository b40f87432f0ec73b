// Safety checks: 100 kB of hostile input parses in bounded time and never throws.
import * as assert from 'node:assert/strict';
import { buildInventory, readContinueYaml, scanModelLoads } from '../../../src/core/inventory';

const within = (ms: number, fn: () => unknown): void => {
  const start = Date.now();
  fn();
  assert.ok(Date.now() - start < ms, `took ${Date.now() - start} ms`);
};

describe('inventory on adversarial input', () => {
  it('handles deep nesting, long strings and broken JSON in MCP configs', () => {
    for (const text of ['['.repeat(100_000), `{"mcpServers": {"a": {"command": "npx", "args": ["${'a'.repeat(100_000)}"]}}}`, '{"mcpServers": {'.repeat(5_000), '"'.repeat(100_000)]) {
      within(1000, () => buildInventory({ files: new Map([['.mcp.json', text], ['.vscode/mcp.json', text], ['.claude/settings.json', text]]), allPaths: ['.mcp.json'] }));
    }
  });

  it('scans 100 kB of near-miss model calls in linear time', () => {
    const inputs = [
      'from transformers import pipeline\n' + 'x.from_pretrained('.repeat(6_000),
      'import pickle\n' + 'pickle.load(a'.repeat(8_000),
      'import pickle\n' + Array.from({ length: 3_000 }, (_, i) => `pickle.load(v${i})\n`).join(''),
      'torch.load("' + 'a'.repeat(100_000),
      'MODEL = "' + 'x = AutoModel.from_pretrained(MODEL)\n'.repeat(2_500),
    ];
    for (const text of inputs) within(1000, () => scanModelLoads(text, 'python'));
  });

  it('reads 100 kB of odd YAML without stalling', () => {
    within(1000, () => readContinueYaml('.continue/config.yaml', `mcpServers:\n${'  - name: a\n    args: [' .repeat(4_000)}`));
    within(1000, () => readContinueYaml('.continue/config.yaml', `mcpServers:\n  - name: "${'"'.repeat(100_000)}`));
  });
});
