// The AI Integrations view: the host editor, then assistants, MCP servers and models per folder,
// with capability badges, "needs review" marks, findings as children and details in tooltips.
import * as vscode from 'vscode';
import { capabilityLabels, type Integration, type Inventory, type InventoryFinding, type InventoryHost } from '../../core/inventory';
import { ruleMeta } from '../../core/rules';

/** One folder's inventory and the integrations changed since the last review. */
export interface FolderState {
  readonly folder: vscode.WorkspaceFolder;
  readonly inventory: Inventory;
  /** Integration id → why it needs review. */
  readonly needsReview: ReadonlyMap<string, string>;
}

export type IntegrationNode =
  | { readonly kind: 'host'; readonly host: InventoryHost }
  | { readonly kind: 'folder'; readonly state: FolderState }
  | { readonly kind: 'group'; readonly state: FolderState; readonly group: Integration['kind'] }
  | { readonly kind: 'integration'; readonly state: FolderState; readonly integration: Integration }
  | { readonly kind: 'finding'; readonly state: FolderState; readonly item: InventoryFinding }
  | { readonly kind: 'empty'; readonly text: string };

const GROUPS: readonly { kind: Integration['kind']; label: string }[] = [
  { kind: 'assistant', label: 'Assistants' }, { kind: 'mcp-server', label: 'MCP servers' }, { kind: 'model', label: 'Models' },
];
const BADGE: Readonly<Record<string, string>> = { 'untrusted-input': 'untrusted input', 'private-data': 'private data', 'acts-outside': 'acts outside' };

function iconOf(i: Integration): string {
  if (i.kind === 'assistant') return i.source.file.startsWith('host:') ? 'vm' : 'hubot';
  if (i.kind === 'model') return 'beaker';
  return i.details.transport === 'stdio' ? 'server-process' : 'globe';
}

function findingsOf(state: FolderState, i: Integration): InventoryFinding[] {
  return state.inventory.findings.filter((f) => f.integrations[0] === i.id);
}

/** Markdown tooltip with every detail of an integration (values are already masked by the core). */
export function tooltipOf(i: Integration): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escape(i.name)}** · ${i.kind === 'mcp-server' ? 'MCP server' : i.kind}\n\n`);
  md.appendMarkdown(`Can: ${i.capabilities.length > 0 ? i.capabilities.map((c) => capabilityLabels[c]).join(', ') : 'nothing outside found'}\n\n`);
  md.appendMarkdown(`Declared in \`${i.source.file}${i.source.line !== undefined ? `:${i.source.line}` : ''}\`\n\n`);
  for (const [k, v] of Object.entries(i.details)) {
    const text = Array.isArray(v) ? v.slice(0, 12).join(', ') + (v.length > 12 ? ` (+${v.length - 12})` : '') : String(v);
    md.appendMarkdown(`- ${escape(k)}: ${escape(text)}\n`);
  }
  return md;
}

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}

export class IntegrationsTreeProvider implements vscode.TreeDataProvider<IntegrationNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<IntegrationNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private states: readonly FolderState[] = [];
  private host: InventoryHost | undefined;
  private loading = true;

  /** Replaces what the view shows. */
  show(host: InventoryHost, states: readonly FolderState[]): void {
    this.host = host;
    this.states = states;
    this.loading = false;
    this.changed.fire(undefined);
  }

  getChildren(node?: IntegrationNode): IntegrationNode[] {
    if (!node) {
      const top: IntegrationNode[] = this.host ? [{ kind: 'host', host: this.host }] : [];
      if (this.loading) return [...top, { kind: 'empty', text: 'Building the inventory…' }];
      if (this.states.length === 0) return [...top, { kind: 'empty', text: 'Open a folder to list its AI integrations.' }];
      if (this.states.length === 1) return [...top, ...this.groupsOf(this.states[0] as FolderState)];
      return [...top, ...this.states.map((state): IntegrationNode => ({ kind: 'folder', state }))];
    }
    if (node.kind === 'folder') return this.groupsOf(node.state);
    if (node.kind === 'group') return node.state.inventory.integrations.filter((i) => i.kind === node.group).map((integration) => ({ kind: 'integration', state: node.state, integration }));
    if (node.kind === 'integration') return findingsOf(node.state, node.integration).map((item) => ({ kind: 'finding', state: node.state, item }));
    return [];
  }

  private groupsOf(state: FolderState): IntegrationNode[] {
    const groups = GROUPS.filter((g) => state.inventory.integrations.some((i) => i.kind === g.kind)).map((g): IntegrationNode => ({ kind: 'group', state, group: g.kind }));
    // Findings about no integration (a config that cannot be read) sit next to the groups.
    const loose = state.inventory.findings.filter((f) => f.integrations.length === 0).map((item): IntegrationNode => ({ kind: 'finding', state, item }));
    return groups.length + loose.length > 0 ? [...groups, ...loose] : [{ kind: 'empty', text: 'No AI assistant, MCP server or model load found.' }];
  }

  getTreeItem(node: IntegrationNode): vscode.TreeItem {
    switch (node.kind) {
      case 'host': {
        const item = new vscode.TreeItem(node.host.appName, vscode.TreeItemCollapsibleState.None);
        item.description = node.host.remoteName ? `remote: ${node.host.remoteName}` : 'local';
        item.iconPath = new vscode.ThemeIcon(node.host.remoteName ? 'remote' : 'vm');
        item.tooltip = `Editor: ${node.host.appName} (${node.host.uriScheme ?? ''}, ${node.host.appHost ?? ''})${node.host.remoteName ? `, remote ${node.host.remoteName}` : ''}`;
        item.contextValue = 'redline.integrations.host';
        return item;
      }
      case 'folder': {
        const item = new vscode.TreeItem(node.state.folder.name, vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = vscode.ThemeIcon.Folder;
        return item;
      }
      case 'group': {
        const list = node.state.inventory.integrations.filter((i) => i.kind === node.group);
        const item = new vscode.TreeItem(GROUPS.find((g) => g.kind === node.group)?.label ?? node.group, vscode.TreeItemCollapsibleState.Expanded);
        const review = list.filter((i) => node.state.needsReview.has(i.id)).length;
        item.description = `${list.length}${review > 0 ? ` · ${review} need review` : ''}`;
        item.iconPath = new vscode.ThemeIcon(node.group === 'assistant' ? 'hubot' : node.group === 'model' ? 'beaker' : 'plug');
        return item;
      }
      case 'integration': return this.integrationItem(node.state, node.integration);
      case 'finding': {
        const f = node.item.finding;
        const item = new vscode.TreeItem(ruleMeta(f.ruleId)?.title ?? f.ruleId, vscode.TreeItemCollapsibleState.None);
        item.description = f.message;
        item.tooltip = new vscode.MarkdownString(`**${escape(ruleMeta(f.ruleId)?.title ?? f.ruleId)}** (${f.severity})\n\n${escape(f.message)}\n\n\`${node.item.file}:${f.range.start.line + 1}\``);
        item.iconPath = new vscode.ThemeIcon(f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'info',
          new vscode.ThemeColor(f.severity === 'error' ? 'problemsErrorIcon.foreground' : f.severity === 'warning' ? 'problemsWarningIcon.foreground' : 'problemsInfoIcon.foreground'));
        item.contextValue = 'redline.integrations.finding';
        const uri = fileUri(node.state.folder, node.item.file);
        if (uri) item.command = { title: 'Open', command: 'vscode.open', arguments: [uri, { selection: new vscode.Range(f.range.start.line, 0, f.range.start.line, 0) }] };
        return item;
      }
      case 'empty': return new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
    }
  }

  private integrationItem(state: FolderState, i: Integration): vscode.TreeItem {
    const findings = findingsOf(state, i);
    const item = new vscode.TreeItem(i.name, findings.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    const review = state.needsReview.get(i.id);
    const badges = i.capabilities.map((c) => BADGE[c] ?? c).join(' · ');
    item.description = [review ? 'needs review' : '', badges].filter(Boolean).join(' — ');
    const tooltip = tooltipOf(i);
    if (review) tooltip.appendMarkdown(`\n\n**Needs review:** ${escape(review)}`);
    item.tooltip = tooltip;
    const worst = findings.some((f) => f.finding.severity === 'error') ? 'problemsErrorIcon.foreground' : findings.length > 0 ? 'problemsWarningIcon.foreground' : review ? 'notificationsInfoIcon.foreground' : undefined;
    item.iconPath = new vscode.ThemeIcon(iconOf(i), worst ? new vscode.ThemeColor(worst) : undefined);
    item.contextValue = `redline.integrations.${i.kind}${fileUri(state.folder, i.source.file) ? '.file' : ''}`;
    item.id = `${state.folder.uri.toString()}|${i.id}`;
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The file an integration or finding points at, when it is a workspace file. */
export function fileUri(folder: vscode.WorkspaceFolder, file: string): vscode.Uri | undefined {
  return /^(?:extension|host):/.test(file) ? undefined : vscode.Uri.joinPath(folder.uri, file);
}
