// AI integrations inventory on generated workspaces (1,000 to 50,000 files, a few hundred of them
// configs, sensitive files and model-loading sources), next to the exposure report alone on the same
// tree. The budget: the inventory of a 10,000-file workspace in at most 1 s.
import { assistants } from '../../src/core/assistants';
import { computeExposure } from '../../src/core/context/exposure';
import { sensitiveMatcher } from '../../src/core/context/sensitive';
import { buildInventory, isInventoryConfigFile, mayLoadModels, modelLanguageOf, type InventoryInput } from '../../src/core/inventory';
import type { Benchmark } from '../bench';
import { ms, percentile } from '../stats';

/** mulberry32: a small deterministic PRNG so every run builds the same tree. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MCP = JSON.stringify({ servers: {
  files: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem@2025.8.21', '${workspaceFolder}'] },
  chat: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-slack'], env: { SLACK_BOT_TOKEN: '${input:slack}' } },
  web: { command: 'uvx', args: ['mcp-server-fetch==2025.4.7'] },
} }, null, 2);

function pySource(rand: () => number, i: number): string {
  const lines = [`"""Module ${i}."""`, 'import os', ''];
  for (let l = 0; l < 40; l++) lines.push(rand() < 0.5 ? `def f${l}(x):\n    return os.path.join(str(x), "${l}")` : `value_${l} = {"key": ${l}, "name": "item-${l}"}`);
  if (rand() < 0.05) lines.push('from transformers import AutoModel', `model = AutoModel.from_pretrained("org/model-${i}", trust_remote_code=${rand() < 0.5 ? 'True' : 'False'})`);
  return `${lines.join('\n')}\n`;
}

function tsSource(rand: () => number, i: number): string {
  const lines = [`// Module ${i}.`];
  for (let l = 0; l < 40; l++) lines.push(rand() < 0.5 ? `export const v${l} = await fetchItem(${l}, 'item-${l}');` : `if (!user${l}) { throw new Error('missing ${l}'); }`);
  return `${lines.join('\n')}\n`;
}

/** A workspace of `count` files: 50 packages of sources, docs, configs at the root and in packages, sensitive files. */
export function generateWorkspace(count: number, seed = 13): { paths: string[]; texts: Map<string, string> } {
  const rand = seeded(seed);
  const texts = new Map<string, string>();
  const paths: string[] = [];
  const add = (p: string, text: string): void => { paths.push(p); texts.set(p, text); };
  add('.vscode/mcp.json', MCP);
  add('.claude/settings.json', '{ "permissions": { "allow": ["Bash(npm test:*)"], "deny": ["Read(./.env)"] } }');
  add('.cursorignore', '.env\n*.pem\n');
  add('AGENTS.md', '# Agents\n\nRun the tests.\n');
  add('.env', 'A=1\n');
  for (let i = paths.length; i < count; i++) {
    const pkg = `packages/p${i % 50}`;
    const r = rand();
    if (r < 0.45) add(`${pkg}/src/m${i}.py`, pySource(rand, i));
    else if (r < 0.9) add(`${pkg}/src/m${i}.ts`, tsSource(rand, i));
    else if (r < 0.97) add(`${pkg}/docs/d${i}.md`, `# Doc ${i}\n\nText.\n`);
    else if (r < 0.99) add(`${pkg}/config/k${i}.pem`, 'placeholder\n');
    else add(`${pkg}/.env.${i}`, 'X=1\n');
  }
  return { paths, texts };
}

/** What the CLI hands `buildInventory`: config files, plus sources that may load models. */
function inputOf(ws: { paths: string[]; texts: Map<string, string> }): InventoryInput {
  const files = new Map<string, string>();
  for (const [p, t] of ws.texts) if (isInventoryConfigFile(p) || (modelLanguageOf(p) && mayLoadModels(t))) files.set(p, t);
  return { files, allPaths: ws.paths, installedExtensionIds: ['github.copilot-chat', 'anthropic.claude-code'] };
}

function time(runs: number, fn: () => void): number {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return percentile(samples, 50);
}

export const benchmark: Benchmark = {
  name: 'inventory',
  async run(log) {
    log('| files | inputs read | integrations | findings | inventory (median of 5) | exposure report alone, uncompiled globs (1 run) | inventory / exposure | budget (10,000 files) |');
    log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const count of [1_000, 10_000, 50_000]) {
      const ws = generateWorkspace(count);
      const input = inputOf(ws);
      const inv = buildInventory(input);
      const t = time(5, () => buildInventory(input));
      const present = assistants.filter((a) => ['github-copilot', 'claude-code', 'cursor', 'openai-codex'].includes(a.id));
      const ignoreFiles = new Map([...input.files].filter(([p]) => p === '.cursorignore' || p === '.claude/settings.json'));
      const e = time(1, () => computeExposure({ files: ws.paths, ignoreFiles, assistants: present, isSensitive: sensitiveMatcher() }));
      const budget = count === 10_000 ? (t <= 1000 ? 'met (≤ 1 s)' : 'MISSED (> 1 s)') : '';
      log(`| ${count.toLocaleString('en')} | ${input.files.size} | ${inv.integrations.length} | ${inv.findings.length} | ${ms(t)} | ${ms(e)} | ${(t / e).toFixed(2)}× | ${budget} |`);
    }
    log('');
    log('Inputs read: the config files and model-loading sources the CLI passes in (`isInventoryConfigFile`, `mayLoadModels`); every path counts for markers and exposure. The inventory matches sensitive paths with globs compiled once; the exposure report (`computeExposure` with `sensitiveMatcher`, as `redline exposure` runs it) recompiles them for every path, which is where its time goes.');
  },
};
