// `redline inventory [dir]`: every AI assistant, MCP server and model load the workspace uses, what
// each can see and do, and the findings about them (lethal trifecta, unpinned servers, inline secrets...).
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { buildInventory, inventoryToJson, inventoryToMarkdown, inventoryToText, isInventoryConfigFile, mayLoadModels, modelLanguageOf, type Inventory } from '../../core/inventory';
import { loadCheckConfig } from '../check/policy';
import { ExitCode, UsageError, type CliIo } from '../io';
import { readTextFile, walk } from '../walk';
import type { CliCommand } from './index';
import { applyRuleLevels } from '../policy';
import type { EffectiveConfig } from '../../core/policy';

const usage = `Usage: redline inventory [dir] [--format text|json|markdown] [--policy <file>]

Lists the AI assistants configured in the workspace (Copilot, Claude Code, Cursor, Gemini, Continue,
Cline, Roo Code, Codex...), the MCP servers each one starts (from .vscode/mcp.json, .mcp.json,
.cursor/mcp.json, .roo/mcp.json, .gemini/settings.json, .claude/settings*.json, .continue/ and
workspace settings) and the models the code loads, with what each can reach: untrusted input,
private data, a way out. Reports the lethal trifecta, shell commands without approval, unpinned or
insecure servers, inline secrets (masked), filesystem servers rooted at / or home, risky model
loads, and anything missing from the policy's integrations.allowed list.

Options:
  --format text|json|markdown  Output format (default text). markdown is fit for a pull request.
  --policy <file>              Policy file (default .redline/policy.jsonc in dir).

Exit codes: 0 no findings, 1 findings, 2 usage error.
`;

const PRUNE = ['.git', 'node_modules', '.venv', 'venv', '__pycache__', 'dist', 'out', 'build', '.next', 'target'];

async function collect(root: string): Promise<{ files: Map<string, string>; allPaths: string[] }> {
  const files = new Map<string, string>();
  const allPaths: string[] = [];
  for await (const entry of walk(root, { displayBase: root, gitignore: false, pruneNames: PRUNE })) {
    if (entry.kind !== 'file') continue;
    allPaths.push(entry.path);
    const config = isInventoryConfigFile(entry.path);
    if (!config && !modelLanguageOf(entry.path)) continue;
    const read = await readTextFile(entry.absolute);
    if ('skip' in read) continue;
    if (config || mayLoadModels(read.text)) files.set(entry.path, read.text);
  }
  return { files, allPaths };
}

/** The inventory with the policy's rule levels applied to its findings. */
function withRuleLevels(inv: Inventory, config: EffectiveConfig): Inventory {
  return { ...inv, findings: applyRuleLevels(inv.findings, config) };
}

/** `redline inventory`. */
export const inventoryCommand: CliCommand = {
  name: 'inventory',
  summary: 'List AI assistants, MCP servers and model loads, with what each can reach.',
  usage,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseArgs({ args: [...args], allowPositionals: true, options: { format: { type: 'string', default: 'text' }, policy: { type: 'string' } } });
    const format = values.format;
    if (format !== 'text' && format !== 'json' && format !== 'markdown') throw new UsageError(`--format must be text, json or markdown, not '${format}'.`);
    if (positionals.length > 1) throw new UsageError('give at most one folder.');
    const dir = path.resolve(io.cwd, positionals[0] ?? '.');
    const stat = await fs.stat(dir).catch(() => undefined);
    if (!stat?.isDirectory()) throw new UsageError(`${positionals[0] ?? '.'} is not a folder.`);
    const { config } = await loadCheckConfig(dir, io.cwd, values.policy, async () => undefined);
    const { files, allPaths } = await collect(dir);
    const allowed = config.values['integrations.allowed'].value;
    const inv = withRuleLevels(buildInventory({ files, allPaths, ...(allowed ? { policy: { allowed } } : {}) }), config);
    const shown = path.relative(io.cwd, dir) || '.';
    if (format === 'json') io.out(`${JSON.stringify({ dir: shown, ...inventoryToJson(inv) }, null, 2)}\n`);
    else io.out(format === 'markdown' ? inventoryToMarkdown(inv, shown) : inventoryToText(inv, shown));
    return inv.findings.length > 0 ? ExitCode.findings : ExitCode.clean;
  },
};
