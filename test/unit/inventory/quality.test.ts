// The inventory evaluation meets its gates, and every fixture workspace lists the integrations it expects.
import * as assert from 'node:assert/strict';
import { evaluation, inventoryOf, loadInventoryCases } from '../../../scripts/eval/inventory';
import { precision, recall } from '../../../scripts/quality';

describe('inventory quality', () => {
  it('meets precision 0.9 and recall 0.9 over the fixture workspaces', async () => {
    const section = await evaluation.run();
    assert.deepEqual(section.misses, []);
    assert.ok(precision(section.total) >= section.gates.precision, `precision ${precision(section.total)}`);
    assert.ok(recall(section.total) >= section.gates.recall, `recall ${recall(section.total)}`);
  });

  it('covers at least six assistants and ten MCP server shapes', () => {
    const cases = loadInventoryCases();
    const assistants = new Set(cases.flatMap((c) => (c.integrations ?? []).filter((i) => i.kind === 'assistant').map((i) => i.name)));
    const servers = cases.flatMap((c) => (c.integrations ?? []).filter((i) => i.kind === 'mcp-server'));
    assert.ok(assistants.size >= 6, [...assistants].join(', '));
    assert.ok(servers.length >= 10);
  });

  for (const c of loadInventoryCases()) {
    it(`${c.name}: lists its integrations with their capabilities`, () => {
      const inv = inventoryOf(c);
      assert.deepEqual(inv.integrations.map((i) => ({ kind: i.kind, name: i.name, capabilities: [...i.capabilities] })), c.integrations);
    });
  }
});
