// The bundled catalogue of common MCP servers and what each can do, plus the heuristics used for
// servers it does not know (from the server's name, package, image, URL and arguments).
import type { Capability } from './types';

/** One known kind of MCP server. */
export interface CatalogueEntry {
  /** Short id, e.g. `slack`. */
  readonly id: string;
  /** Human name, e.g. "Slack". */
  readonly title: string;
  /** Tested against the server's package, image or URL (lower-case). Linear-time. */
  readonly match: RegExp;
  readonly capabilities: readonly Capability[];
  /** One sentence: why it has these capabilities. */
  readonly why: string;
  /** A server that reads local files: its path arguments are its roots. */
  readonly filesystem?: boolean;
  /** A server that runs shell commands. */
  readonly shell?: boolean;
}

const U: Capability = 'untrusted-input';
const P: Capability = 'private-data';
const O: Capability = 'acts-outside';

/** Common MCP servers, most specific first (the first match wins). */
export const mcpCatalogue: readonly CatalogueEntry[] = [
  { id: 'filesystem', title: 'Filesystem', match: /server-filesystem|mcp-server-filesystem|filesystem-mcp|mcp-filesystem/, capabilities: [P], filesystem: true,
    why: 'reads and writes files under the folders it is given' },
  { id: 'github', title: 'GitHub', match: /server-github|github-mcp-server|api\.githubcopilot\.com\/mcp|github\/github-mcp/, capabilities: [U, P, O],
    why: 'reads issues and pull-request comments anyone can write, reads private repositories, and creates issues, comments and pull requests' },
  { id: 'gitlab', title: 'GitLab', match: /server-gitlab|gitlab-mcp|mcp-gitlab/, capabilities: [U, P, O],
    why: 'reads issues and merge-request comments, private projects, and writes to them' },
  { id: 'slack', title: 'Slack', match: /server-slack|slack-mcp|mcp-slack/, capabilities: [U, P, O],
    why: 'reads messages others post, private channels, and posts messages' },
  { id: 'postgres', title: 'PostgreSQL', match: /server-postgres|postgres-mcp|mcp-postgres|pg-mcp/, capabilities: [P],
    why: 'queries a database' },
  { id: 'sqlite', title: 'SQLite', match: /server-sqlite|mcp-server-sqlite|sqlite-mcp/, capabilities: [P], why: 'queries a local database' },
  { id: 'mysql', title: 'MySQL', match: /server-mysql|mysql-mcp|mcp-mysql/, capabilities: [P], why: 'queries a database' },
  { id: 'mongodb', title: 'MongoDB', match: /mongodb-mcp|mcp-mongo|server-mongo/, capabilities: [P], why: 'queries a database' },
  { id: 'redis', title: 'Redis', match: /server-redis|redis-mcp|mcp-redis/, capabilities: [P], why: 'reads and writes a data store' },
  { id: 'fetch', title: 'Fetch', match: /server-fetch|mcp-server-fetch|fetch-mcp|mcp-fetch/, capabilities: [U, O],
    why: 'downloads any web page (content anyone can write) and can send data out in the URLs it requests' },
  { id: 'browser', title: 'Browser automation', match: /server-puppeteer|puppeteer-mcp|playwright|browser-?use|browserbase|browser-mcp|chrome-devtools-mcp/, capabilities: [U, O],
    why: 'browses the web (content anyone can write) and can submit forms and send requests' },
  { id: 'search', title: 'Web search', match: /brave-search|tavily|exa-mcp|mcp-server-exa|serpapi|google-search|kagi|perplexity|duckduckgo/, capabilities: [U],
    why: 'returns web search results, content anyone can write' },
  { id: 'context7', title: 'Documentation lookup', match: /context7/, capabilities: [U], why: 'returns third-party documentation' },
  { id: 'memory', title: 'Memory', match: /server-memory|mcp-memory|memory-mcp|mem0/, capabilities: [P],
    why: 'keeps what earlier sessions stored, which may include private data' },
  { id: 'git', title: 'Git', match: /mcp-server-git(?!hub|lab)|server-git(?!hub|lab)|git-mcp/, capabilities: [P], why: 'reads the repository and its history' },
  { id: 'shell', title: 'Shell', match: /desktop-commander|server-shell|shell-mcp|mcp-shell|terminal-mcp|mcp-server-commands|mcp-terminal|cli-mcp-server|server-everything-shell/, capabilities: [P, O], shell: true,
    why: 'runs shell commands: it can read any file and reach any network' },
  { id: 'sentry', title: 'Sentry', match: /sentry/, capabilities: [U, P], why: 'reads error reports that carry user-supplied text, and private project data' },
  { id: 'linear', title: 'Linear', match: /linear/, capabilities: [U, P, O], why: 'reads and writes issues anyone in the workspace can write' },
  { id: 'jira', title: 'Jira / Confluence', match: /jira|atlassian|confluence/, capabilities: [U, P, O], why: 'reads and writes issues and pages others write' },
  { id: 'notion', title: 'Notion', match: /notion/, capabilities: [U, P, O], why: 'reads and writes shared pages' },
  { id: 'google-drive', title: 'Google Drive', match: /gdrive|google-drive|googledrive/, capabilities: [U, P], why: 'reads private documents, including ones others share with you' },
  { id: 'email', title: 'Email', match: /gmail|outlook|email|imap|smtp|mail-mcp|mcp-mail/, capabilities: [U, P, O],
    why: 'reads mail anyone can send you, your private mail, and sends mail' },
  { id: 'messaging', title: 'Messaging', match: /discord|telegram|teams-mcp|mcp-teams|whatsapp/, capabilities: [U, P, O], why: 'reads and posts messages' },
  { id: 'cloud', title: 'Cloud / infrastructure', match: /aws|kubernetes|k8s|kubectl|docker-mcp|mcp-server-docker|terraform|cloudflare|vercel|azure|gcloud|gcp|heroku|netlify|pulumi/, capabilities: [P, O],
    why: 'reads and changes cloud or cluster resources' },
  { id: 'reasoning', title: 'Local reasoning aid', match: /sequential-?thinking|server-everything|server-time|mcp-server-time/, capabilities: [], why: 'works on its own input only' },
];

interface Heuristic { readonly re: RegExp; readonly capabilities: readonly Capability[]; readonly why: string; readonly shell?: boolean; readonly filesystem?: boolean }

const HEURISTICS: readonly Heuristic[] = [
  { re: /slack|discord|teams|telegram|mail|smtp|chat|sms|twilio/, capabilities: [U, P, O], why: 'its name suggests messaging' },
  { re: /github|gitlab|bitbucket|jira|linear|issue|ticket|trello|asana/, capabilities: [U, P, O], why: 'its name suggests an issue tracker or code host' },
  { re: /fetch|web|browser|scrap|crawl|search|url|rss|youtube|reddit|twitter/, capabilities: [U], why: 'its name suggests it reads the web' },
  { re: /postgres|mysql|sql|mongo|redis|database|(?:^|[^a-z])db(?:[^a-z]|$)|supabase|snowflake|bigquery|elastic/, capabilities: [P], why: 'its name suggests a database' },
  { re: /(?:^|[^a-z])(?:fs|files?|filesystem)(?:[^a-z]|$)|drive|dropbox|box-|s3/, capabilities: [P], why: 'its name suggests file access', filesystem: false },
  { re: /shell|exec|terminal|command|ssh|bash|powershell/, capabilities: [P, O], why: 'its name suggests it runs commands', shell: true },
  { re: /deploy|aws|gcp|azure|kube|k8s|docker|terraform|cloud|ansible/, capabilities: [P, O], why: 'its name suggests cloud or deployment access' },
  { re: /secret|vault|1password|keychain|bitwarden|credential/, capabilities: [P], why: 'its name suggests a secret store' },
];

/** What the inventory decided about a server's capabilities and why. */
export interface CapabilityProfile {
  readonly capabilities: readonly Capability[];
  /** The catalogue entry, when the server is a known one. */
  readonly entry?: CatalogueEntry;
  /** Reasons, one per source (catalogue, name heuristic, remote host). */
  readonly reasons: readonly string[];
  readonly shell: boolean;
  readonly filesystem: boolean;
}

/**
 * The capability profile of a server from its package/image/URL (`identity`), its configured name and
 * its arguments. A server reached over the network also "acts outside": its tool calls leave the machine.
 */
export function profileServer(identity: string, name: string, args: readonly string[], remoteHost?: string): CapabilityProfile {
  const id = identity.toLowerCase().slice(0, 500);
  const label = name.toLowerCase().slice(0, 200);
  const caps = new Set<Capability>();
  const reasons: string[] = [];
  let shell = false;
  let filesystem = false;
  const entry = mcpCatalogue.find((e) => e.match.test(id)) ?? mcpCatalogue.find((e) => e.match.test(label));
  if (entry) {
    for (const c of entry.capabilities) caps.add(c);
    reasons.push(`${entry.title}: ${entry.why}`);
    shell = entry.shell === true;
    filesystem = entry.filesystem === true;
  } else {
    const text = `${label} ${id} ${args.join(' ').toLowerCase().slice(0, 500)}`;
    for (const h of HEURISTICS) {
      if (!h.re.test(text)) continue;
      for (const c of h.capabilities) caps.add(c);
      reasons.push(h.why);
      if (h.shell) shell = true;
    }
  }
  if (remoteHost && !/^(?:localhost|127\.0\.0\.1|\[::1\])$/.test(remoteHost)) {
    if (!caps.has(O)) reasons.push(`remote: every tool call sends its arguments to ${remoteHost}`);
    caps.add(O);
  }
  return { capabilities: order(caps), ...(entry ? { entry } : {}), reasons, shell, filesystem };
}

/** Capabilities in display order, without duplicates. */
export function order(caps: Iterable<Capability>): Capability[] {
  const set = new Set(caps);
  return ([U, P, O] as const).filter((c) => set.has(c));
}
