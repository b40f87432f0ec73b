// Reads what the inventory needs from one workspace folder (file list, config files, model-loading
// sources, installed extensions, host, policy) and builds it with the core. No detection logic here.
import * as vscode from 'vscode';
import { buildInventory, isInventoryConfigFile, mayLoadModels, modelLanguageOf, type Inventory, type InventoryHost } from '../../core/inventory';
import type { Severity } from '../../core/model';
import { relativePath } from '../paths';
import type { RedlineConfig } from '../settings';

const PRUNED = '**/{node_modules,.git,.venv,venv,__pycache__,dist,out,build,.next,target}/**';
const MAX_FILES = 50_000;
/** Source files read to look for model loads, at most. */
const MAX_SOURCES = 3_000;
const MAX_BYTES = 512 * 1024;
const BATCH = 16;
const VS_CODE_KEYS = ['chat.tools.autoApprove', 'chat.tools.global.autoApprove', 'chat.tools.terminal.autoApprove', 'mcp'];

/** The host as the inventory describes it. */
export function inventoryHost(): InventoryHost {
  return {
    appName: vscode.env.appName, uriScheme: vscode.env.uriScheme, appHost: vscode.env.appHost,
    ...(vscode.env.remoteName ? { remoteName: vscode.env.remoteName } : {}),
  };
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  // Unsaved edits count; otherwise the disk wins (an open model can be stale after the file was replaced).
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open?.isDirty) return open.getText();
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_BYTES) return undefined;
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/**
 * Workspace-level values of the VS Code chat and MCP settings (used when no .vscode/settings.json file
 * is read). VS Code 1.99+ mirrors `.vscode/mcp.json` into the `mcp` setting: when that file is read
 * itself, the mirror is skipped, or every server would be listed twice.
 */
function workspaceSettings(folder: vscode.WorkspaceFolder, hasMcpJson: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const config = vscode.workspace.getConfiguration(undefined, folder.uri);
  for (const key of VS_CODE_KEYS) {
    if (key === 'mcp' && hasMcpJson) continue;
    const inspected = config.inspect(key);
    const value = inspected?.workspaceFolderValue ?? inspected?.workspaceValue;
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Builds the inventory of `folder`; undefined when cancelled. */
export async function folderInventory(folder: vscode.WorkspaceFolder, config: RedlineConfig, token: vscode.CancellationToken): Promise<Inventory | undefined> {
  const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*'), PRUNED, MAX_FILES, token);
  if (token.isCancellationRequested) return undefined;
  const allPaths: string[] = [];
  const wanted: { uri: vscode.Uri; path: string; config: boolean }[] = [];
  let sources = 0;
  for (const uri of uris.sort((a, b) => a.path.localeCompare(b.path))) {
    const path = relativePath(uri);
    allPaths.push(path);
    if (isInventoryConfigFile(path)) wanted.push({ uri, path, config: true });
    else if (modelLanguageOf(path) && sources++ < MAX_SOURCES) wanted.push({ uri, path, config: false });
  }
  const files = new Map<string, string>();
  for (let i = 0; i < wanted.length; i += BATCH) {
    if (token.isCancellationRequested) return undefined;
    const batch = wanted.slice(i, i + BATCH);
    const texts = await Promise.all(batch.map((w) => readText(w.uri)));
    batch.forEach((w, j) => {
      const text = texts[j];
      if (text !== undefined && (w.config || mayLoadModels(text))) files.set(w.path, text);
    });
  }
  const effective = config.effective(folder.uri);
  const settings = config.get(folder.uri);
  const allowed = effective.values['integrations.allowed'].value;
  const level = effective.rules['integration-not-allowed']?.value;
  const inventory = buildInventory({
    files, allPaths,
    installedExtensionIds: vscode.extensions.all.map((e) => e.id),
    host: inventoryHost(),
    workspaceSettings: workspaceSettings(folder, files.has('.vscode/mcp.json')),
    sensitive: { add: settings['sensitiveFiles.add'], remove: settings['sensitiveFiles.remove'] },
    ...(allowed && level !== 'off' ? { policy: { allowed, ...(level === 'error' || level === 'warning' || level === 'info' ? { severity: level as Severity } : {}) } } : {}),
  });
  // Rules switched off by settings or policy are not shown.
  return { ...inventory, findings: inventory.findings.filter((f) => effective.rules[f.finding.ruleId]?.value !== 'off') };
}

/** Glob of the files whose change can change the inventory (configs, instruction and ignore files, policy). */
export const INVENTORY_WATCH_GLOB = '{.vscode/mcp.json,.vscode/settings.json,.mcp.json,*.code-workspace,.cursor/**,.roo/**,.gemini/**,.claude/**,.continue/**,.codex/**,.github/**,.windsurf/**,.junie/**,.kiro/**,.trae/**,.amazonq/**,.redline/**,AGENTS.md,CLAUDE.md,GEMINI.md,.*rules,.*ignore,.aiexclude}';
