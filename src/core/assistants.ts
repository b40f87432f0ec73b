// The one table of AI coding assistants Redline knows: how to recognise each, which file keeps
// files out of its context, what that file does not cover, and how its edits reach the workspace.

/** How an assistant's exclusion file is written. */
export type IgnoreFormat = 'gitignore' | 'claude-settings' | 'none';

/** How an assistant's edits reach the workspace: through the editor's edit API, straight to disk, or both. */
export type EditsArrive = 'workspace-edit' | 'disk-write' | 'both';

/** One exclusion mechanism of an assistant. */
export interface AssistantIgnore {
  /**
   * Workspace-relative path of the file (`.cursorignore`, `.claude/settings.json`), or a short
   * description of where the setting lives when there is no repository file (`format: 'none'`).
   */
  readonly file: string;
  readonly format: IgnoreFormat;
  /** What the mechanism keeps files away from. */
  readonly covers: string;
  /** What it does not cover, in a sentence the user can act on. */
  readonly gaps: string;
  /** True when the file keeps nothing out of the assistant's context (e.g. `.cursorindexingignore`). */
  readonly protectsNothing?: boolean;
  /** True when Redline's exclusion sync writes this file. */
  readonly synced?: boolean;
}

/** One AI assistant (extension, CLI agent or an editor fork's built-in agent). */
export interface Assistant {
  /** Stable kebab-case id, e.g. `claude-code`. */
  readonly id: string;
  readonly name: string;
  /** VS Code extension ids, lower-case (`publisher.name`). */
  readonly extensionIds: readonly string[];
  /** `vscode.env.appName` prefixes of editors whose built-in agent this is (`Cursor`, `Windsurf`). */
  readonly hostAppNames: readonly string[];
  /**
   * Workspace files or folders that show the assistant is used here. A trailing `/` marks a
   * folder; paths are workspace-relative and matched at the root.
   */
  readonly workspaceMarkers: readonly string[];
  /** Exclusion mechanisms, most specific first. Empty when none is documented. */
  readonly ignore: readonly AssistantIgnore[];
  readonly editsArrive: EditsArrive;
  /** Where the assistant keeps its logs or transcripts, when that is documented. */
  readonly logs?: string;
}

const noRepoFile = (where: string, gaps: string): AssistantIgnore => ({ file: where, format: 'none', covers: 'nothing in the repository', gaps });

/** Every assistant Redline recognises. */
export const assistants: readonly Assistant[] = [
  {
    id: 'github-copilot',
    name: 'GitHub Copilot',
    extensionIds: ['github.copilot', 'github.copilot-chat'],
    hostAppNames: [],
    workspaceMarkers: ['.github/copilot-instructions.md', '.github/instructions/', '.github/prompts/', '.github/chatmodes/'],
    ignore: [noRepoFile('organisation or repository settings on GitHub (content exclusion)',
      'No repository file: content exclusion is set by an admin in GitHub settings, and it is not applied in agent mode or to Copilot Chat tools that read files.')],
    editsArrive: 'both',
    logs: 'Output panel, channel "GitHub Copilot Chat"',
  },
  {
    id: 'cursor',
    name: 'Cursor (Agent, Composer, Tab)',
    extensionIds: [],
    hostAppNames: ['Cursor'],
    workspaceMarkers: ['.cursor/', '.cursorrules', '.cursorignore', '.cursorindexingignore'],
    ignore: [
      { file: '.cursorignore', format: 'gitignore', synced: true,
        covers: 'Agent, Tab, Inline Edit and @-mentions',
        gaps: 'Not the agent\'s terminal commands or MCP tools: an agent can still `cat` an ignored file.' },
      { file: '.cursorindexingignore', format: 'gitignore', protectsNothing: true,
        covers: 'codebase indexing only',
        gaps: 'Protects nothing: files stay readable by Agent, Tab and @-mentions. Move the glob to .cursorignore.' },
    ],
    editsArrive: 'both',
  },
  {
    id: 'windsurf',
    name: 'Windsurf / Codeium (Cascade)',
    extensionIds: ['codeium.codeium', 'codeium.windsurf'],
    hostAppNames: ['Windsurf'],
    workspaceMarkers: ['.windsurfrules', '.windsurf/', '.codeiumignore'],
    ignore: [{ file: '.codeiumignore', format: 'gitignore', synced: true,
      covers: 'indexing, autocomplete and Cascade context',
      gaps: 'Cascade\'s terminal commands are not filtered by it.' }],
    editsArrive: 'both',
  },
  {
    id: 'continue',
    name: 'Continue',
    extensionIds: ['continue.continue'],
    hostAppNames: [],
    workspaceMarkers: ['.continue/', '.continueignore', '.continuerc.json'],
    ignore: [{ file: '.continueignore', format: 'gitignore', synced: true,
      covers: 'codebase indexing and retrieval',
      gaps: 'Files you open or @-mention are still sent; agent tools may read them.' }],
    editsArrive: 'workspace-edit',
    logs: '~/.continue/logs/',
  },
  {
    id: 'cline',
    name: 'Cline',
    extensionIds: ['saoudrizwan.claude-dev'],
    hostAppNames: [],
    workspaceMarkers: ['.clinerules', '.clineignore'],
    ignore: [{ file: '.clineignore', format: 'gitignore', synced: true,
      covers: 'file reads, searches and @-mentions by the agent',
      gaps: 'Shell commands the agent runs (with your approval) can still read ignored files.' }],
    editsArrive: 'workspace-edit',
  },
  {
    id: 'roo-code',
    name: 'Roo Code',
    extensionIds: ['rooveterinaryinc.roo-cline'],
    hostAppNames: [],
    workspaceMarkers: ['.roo/', '.roomodes', '.rooignore'],
    ignore: [{ file: '.rooignore', format: 'gitignore', synced: true,
      covers: 'file reads, writes and listings by the agent',
      gaps: 'Shell commands the agent runs can still read ignored files.' }],
    editsArrive: 'workspace-edit',
  },
  {
    id: 'claude-code',
    name: 'Claude Code',
    extensionIds: ['anthropic.claude-code'],
    hostAppNames: [],
    workspaceMarkers: ['CLAUDE.md', '.claude/', '.mcp.json'],
    ignore: [{ file: '.claude/settings.json', format: 'claude-settings', synced: true,
      covers: 'the Read tool (and file search) through `permissions.deny` `Read(...)` rules',
      gaps: 'Bash commands are governed by separate Bash(...) rules: a `cat` through the shell is not stopped by a Read rule.' }],
    editsArrive: 'disk-write',
    logs: '~/.claude/projects/ (session transcripts)',
  },
  {
    id: 'gemini',
    name: 'Gemini Code Assist / Gemini CLI',
    extensionIds: ['google.geminicodeassist', 'google.gemini-cli-vscode-ide-companion'],
    hostAppNames: [],
    workspaceMarkers: ['GEMINI.md', '.gemini/', '.aiexclude', '.geminiignore'],
    ignore: [
      { file: '.aiexclude', format: 'gitignore', synced: true,
        covers: 'Gemini Code Assist completion, generation and chat context',
        gaps: 'Gemini CLI reads .geminiignore instead; agent mode shell tools are not filtered.' },
      { file: '.geminiignore', format: 'gitignore', synced: true,
        covers: 'Gemini CLI file tools (read_many_files, glob, search)',
        gaps: 'Shell commands the agent runs can still read ignored files.' },
    ],
    editsArrive: 'both',
    logs: '~/.gemini/tmp/ (CLI checkpoints and logs)',
  },
  {
    id: 'amazon-q',
    name: 'Amazon Q Developer',
    extensionIds: ['amazonwebservices.amazon-q-vscode'],
    hostAppNames: [],
    workspaceMarkers: ['.amazonq/'],
    ignore: [noRepoFile('none documented', 'No repository exclusion file is documented: keep sensitive files out of the workspace, or close them before chatting.')],
    editsArrive: 'both',
    logs: 'Output panel, channel "Amazon Q Logs"',
  },
  {
    id: 'tabnine',
    name: 'Tabnine',
    extensionIds: ['tabnine.tabnine-vscode'],
    hostAppNames: [],
    workspaceMarkers: ['.tabnineignore', '.tabnine/'],
    ignore: [{ file: '.tabnineignore', format: 'gitignore',
      covers: 'workspace indexing for completions and chat context',
      gaps: 'Open editors may still be used as context.' }],
    editsArrive: 'workspace-edit',
  },
  {
    id: 'cody',
    name: 'Sourcegraph Cody',
    extensionIds: ['sourcegraph.cody-ai'],
    hostAppNames: [],
    workspaceMarkers: ['.cody/'],
    ignore: [noRepoFile('Sourcegraph instance context filters (enterprise)',
      'No supported repository file: context filters are set by a Sourcegraph admin.')],
    editsArrive: 'workspace-edit',
  },
  {
    id: 'aider',
    name: 'Aider',
    extensionIds: [],
    hostAppNames: [],
    workspaceMarkers: ['.aider.conf.yml', '.aiderignore', '.aider.chat.history.md', '.aider.input.history'],
    ignore: [{ file: '.aiderignore', format: 'gitignore', synced: true,
      covers: 'the repository map and files aider may add to the chat',
      gaps: 'A file you add explicitly with /add, or output of /run commands, still reaches the model.' }],
    editsArrive: 'disk-write',
    logs: '.aider.chat.history.md in the repository',
  },
  {
    id: 'openai-codex',
    name: 'OpenAI Codex',
    extensionIds: ['openai.chatgpt'],
    hostAppNames: [],
    workspaceMarkers: ['AGENTS.md', '.codex/'],
    ignore: [noRepoFile('none (sandbox settings in ~/.codex/config.toml)',
      'No exclusion file: the agent can read every file in the workspace; limit it with the sandbox and approval settings.')],
    editsArrive: 'disk-write',
    logs: '~/.codex/sessions/',
  },
  {
    id: 'trae',
    name: 'Trae (built-in agent)',
    extensionIds: [],
    hostAppNames: ['Trae'],
    workspaceMarkers: ['.trae/'],
    ignore: [noRepoFile('none documented', 'No documented repository exclusion file.')],
    editsArrive: 'both',
  },
  {
    id: 'kiro',
    name: 'Kiro (built-in agent)',
    extensionIds: [],
    hostAppNames: ['Kiro'],
    workspaceMarkers: ['.kiro/'],
    ignore: [noRepoFile('none documented', 'No documented repository exclusion file.')],
    editsArrive: 'both',
  },
  {
    id: 'jetbrains-ai',
    name: 'JetBrains AI Assistant / Junie',
    extensionIds: [],
    hostAppNames: [],
    workspaceMarkers: ['.junie/', '.aiignore'],
    ignore: [{ file: '.aiignore', format: 'gitignore', synced: true,
      covers: 'AI Assistant and Junie context in JetBrains IDEs',
      gaps: 'Junie\'s terminal commands are not filtered by it.' }],
    editsArrive: 'disk-write',
  },
];

/** Looks an assistant up by id. */
export function assistantById(id: string): Assistant | undefined {
  return assistants.find((a) => a.id === id);
}

/** Assistants whose VS Code extension is among `extensionIds` (case-insensitive). */
export function assistantsForExtensions(extensionIds: Iterable<string>): Assistant[] {
  const installed = new Set([...extensionIds].map((id) => id.toLowerCase()));
  return assistants.filter((a) => a.extensionIds.some((id) => installed.has(id)));
}

/** The built-in agent of the editor fork named `appName` (`vscode.env.appName`), if any. */
export function assistantForHost(appName: string): Assistant | undefined {
  const name = appName.trim().toLowerCase();
  return assistants.find((a) => a.hostAppNames.some((host) => name.startsWith(host.toLowerCase())));
}

/**
 * Assistants whose marker files appear among `paths` (workspace-relative, `/`-separated; a folder
 * marker matches any path under it). `AGENTS.md` is read by several agents; it is attributed to
 * the table entries that list it.
 */
export function assistantsFromMarkers(paths: Iterable<string>): Assistant[] {
  const list = [...paths].map((p) => p.replace(/\\/g, '/').replace(/^\.\//, ''));
  const present = (marker: string): boolean => marker.endsWith('/')
    ? list.some((p) => p.startsWith(marker) || `${p}/` === marker)
    : list.includes(marker);
  return assistants.filter((a) => a.workspaceMarkers.some(present));
}

/** Every exclusion file Redline's sync writes, with the assistant it belongs to. */
export function syncedIgnoreFiles(): { assistant: Assistant; ignore: AssistantIgnore }[] {
  return assistants.flatMap((assistant) => assistant.ignore.filter((i) => i.synced).map((ignore) => ({ assistant, ignore })));
}
