// Phrase and structure detectors for prompt injection planted in instruction files (run on the revealed text).

/** One injection hit in revealed-text offsets, before it becomes a rule finding. */
export interface InjectionHit {
  readonly category: InjectionCategory;
  readonly start: number;
  readonly end: number;
  readonly severity: 'error' | 'warning';
  /** Short description of what the text tells the assistant to do. */
  readonly what: string;
}

/** The kinds of planted instruction this module recognises. */
export type InjectionCategory =
  | 'override-instructions' | 'conceal-from-user' | 'secret-access' | 'exfiltration' | 'disable-checks'
  | 'install-from-url' | 'encoded-payload' | 'html-comment' | 'exfiltration-link' | 'base64-blob' | 'remote-script';

interface PhraseRule {
  readonly category: InjectionCategory;
  readonly re: RegExp;
  readonly severity: 'error' | 'warning';
  readonly what: string;
  /** Skip when a negation ("never", "do not"...) precedes the match in the same sentence. */
  readonly negatable: boolean;
}

const SECRET_OBJECT = String.raw`(?:\.env(?!\.(?:example|sample|template|dist)\b)\b|id_rsa|id_ed25519|\.ssh/|\.aws/credentials|\.npmrc|\.netrc|\.git-credentials|\.pypirc|(?:api|secret|access|private|ssh)[ _-]?keys?\b|\btokens?\b|credentials|passwords?\b|secrets?\b|env(?:ironment)? variables|process\.env|os\.environ)`;
/** The secret as the verb's direct object: a few determiners and at most two other words in between ("the npm token", "the contents of ~/.aws/credentials"). */
const OBJECT_LEAD = String.raw`\s+(?:(?:the|your|my|our|all|any|these|those|every|of|contents?|values?|a|an|whole|full|entire)\s+){0,4}(?:[\w.~/@'’-]+\s+){0,2}?(?:~?/?(?:[\w.-]+/)*)?`;
const STRONG_SECRET = String.raw`(?:id_rsa|id_ed25519|~?/?\.ssh/|\.aws/credentials|\.npmrc|\.netrc|\.git-credentials|\.pypirc|\.docker/config\.json|\.kube/config|/etc/shadow|private keys?\b|keychain)`;

const PHRASES: readonly PhraseRule[] = [
  {
    category: 'override-instructions', severity: 'error', negatable: false, what: 'ignore its earlier instructions',
    re: /\b(?:ignore|disregard|forget|override|bypass)\s+(?:all\s+|any\s+|the\s+|your\s+|every\s+|of\s+)*(?:previous|prior|earlier|above|preceding|former|original|system|other|existing)\s+(?:instructions?|prompts?|rules?|directions?|guidelines?|messages?|context|guidance|constraints?)\b/gi,
  },
  {
    category: 'override-instructions', severity: 'error', negatable: false, what: 'switch into an unrestricted mode',
    re: /\b(?:ignore|disregard|forget)\s+(?:all\s+|any\s+|the\s+|your\s+)*(?:instructions?|rules?|guidelines?|prompts?)\s+(?:above|before\s+this|so\s+far|you\s+(?:were|have\s+been)\s+given)\b|\bforget\s+(?:everything|all)\s+(?:you\s+(?:were|have\s+been)\s+told|above|before)\b|\byou\s+are\s+now\s+(?:in\s+)?(?:developer|dan|jailbreak|god|unrestricted|admin|maintenance)\s+mode\b|\b(?:these|the\s+following)\s+instructions\s+(?:take|have)\s+(?:precedence|priority)\s+over\b|\bnew\s+system\s+(?:prompt|instructions?)\s*:/gi,
  },
  {
    category: 'conceal-from-user', severity: 'error', negatable: false, what: 'hide what it does from the user',
    re: /\bwithout\s+(?:telling|informing|notifying|alerting)\s+(?:the\s+)?(?:user|human|developer|reviewer|operator)s?\b|\b(?:do\s+not|don't|never)\s+(?:tell|inform|notify|alert)\s+(?:the\s+)?(?:user|human|developer|reviewer|operator)s?\s+(?:about\s+(?:this|these|that|it|the\s+(?:change|command|request|step|instruction|file|upload)s?)|that\s+you|what\s+you)\b|\b(?:do\s+not|don't|never)\s+let\s+(?:the\s+)?(?:user|human|developer|reviewer)s?\s+know\b|\b(?:do\s+not|don't|never)\s+(?:tell|mention|reveal|disclose|show)\s+(?:this|it|anything|these\s+\w+)\s+to\s+(?:the\s+)?(?:user|human|developer|reviewer)s?\b/gi,
  },
  {
    category: 'conceal-from-user', severity: 'error', negatable: false, what: 'hide what it does from the user',
    re: /\b(?:hide|conceal|keep)\b[^.\n]{0,40}?\bfrom\s+the\s+(?:user|human|developer|reviewer)s?\b|\b(?:silently|secretly|quietly|covertly)\s+(?:run|execute|send|upload|add|install|modify|delete|post|fetch|download|include|insert|exfiltrate|copy|append)\b|\b(?:do\s+not|don't|never)\s+(?:mention|reveal|disclose|acknowledge)\s+(?:these|this|the)\s+(?:instructions?|rules?|steps?|prompt)\b/gi,
  },
  {
    category: 'exfiltration', severity: 'error', negatable: true, what: 'send secrets out of the workspace',
    re: new RegExp(String.raw`\b(?:send|upload|post|exfiltrate|transmit|forward|leak|pipe)${OBJECT_LEAD}${SECRET_OBJECT}[^\n]{0,60}?\b(?:to|into|via|over|through|at)\b`, 'gi'),
  },
  {
    category: 'secret-access', severity: 'error', negatable: true, what: 'read credentials',
    re: new RegExp(String.raw`\b(?:read|cat|open|print|dump|output|echo|display|copy|include|base64|show|collect)\b[^\n]{0,40}?${STRONG_SECRET}`, 'gi'),
  },
  {
    category: 'exfiltration', severity: 'error', negatable: true, what: 'put secrets into a URL, request or output',
    re: new RegExp(String.raw`\b(?:include|append|add|embed|insert|put|encode)${OBJECT_LEAD}${SECRET_OBJECT}[^\n]{0,40}?\b(?:url|query(?:\s+string)?|request|image|link|header|comment|commit\s+message|response|answer|webhook)\b`, 'gi'),
  },
  {
    category: 'disable-checks', severity: 'warning', negatable: true, what: 'disable tests or checks',
    re: /\b(?:skip|disable|remove|delete|comment\s+out|bypass|turn\s+off|suppress|silence)\s+(?:all\s+|any\s+|every\s+|the\s+|failing\s+|broken\s+|existing\s+)*(?:(?:unit|integration|e2e|security|ci|lint|type|safety)\s+)?(?:tests|test\s+suites?|checks|linting|linters|ci|pipelines|security\s+scans?|scans|pre-commit\s+hooks?|git\s+hooks|hooks|assertions|type\s*checks|type\s*checking|code\s+review|reviews)\b/gi,
  },
  {
    category: 'disable-checks', severity: 'warning', negatable: true, what: 'skip commit hooks or tests',
    re: /(?:^|\s)(?:--no-verify|-DskipTests|--skip-tests|--no-tests)\b|\bmark\s+(?:all\s+|the\s+|any\s+|failing\s+|broken\s+)*tests?\s+as\s+(?:skipped|passing|passed|xfail|expected\s+failures?)\b/gi,
  },
  {
    category: 'install-from-url', severity: 'warning', negatable: true, what: 'install a package straight from a URL',
    re: /\b(?:(?:npm|pnpm|yarn|bun)\s+(?:install|i|add)|pip3?\s+install|uv\s+pip\s+install|gem\s+install|go\s+install)\b[^\n`()[\]]{0,80}?(?:https?:\/\/(?!(?:localhost|127\.0\.0\.1)[:/])|git\+(?:https?|ssh):|github:|gist:)/gi,
  },
  {
    category: 'encoded-payload', severity: 'error', negatable: false, what: 'run an encoded payload',
    re: /\bbase64\s+(?:-d|--decode|-D)\b[^\n]{0,60}?\|\s*(?:sudo\s+)?(?:ba|z|da|k)?sh\b|\beval\s*\(\s*(?:atob|Buffer\.from|unescape|decodeURIComponent|String\.fromCharCode)\s*\(|\bexec\s*\(\s*(?:base64\.b64decode|codecs\.decode|zlib\.decompress|bytes\.fromhex)|\bpowershell(?:\.exe)?\b[^\n]{0,40}?\s-(?:e|enc|encodedcommand)\s+[A-Za-z0-9+/=]{16,}|\bFunction\s*\(\s*atob\s*\(/gi,
  },
];

const NEGATION = /\b(?:never|not|don't|dont|do not|mustn't|must not|shouldn't|should not|avoid|no|without)\b/i;
const FETCH_COMMAND = /\b(?:curl|wget|iwr|invoke-webrequest|invoke-restmethod)\b/gi;
const REMOTE_URL = /\bhttps?:\/\/(?!(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])[:/])[^\s'"`)>]+/i;
const SENDS_DATA = /(?:^|\s)(?:-d|--data(?:-\w+)?|-F|--form|-T|--upload-file|--post-data|--post-file|--body-file|-X\s*POST|--method\s+POST|-Method\s+Post|-Body)\b|\$\(|\$\{?[A-Za-z_]+|`[^`\n]+`|@\S*\.env\b/i;
const PIPES_TO_SHELL = /\|\s*(?:sudo\s+)?(?:(?:ba|z|da|k)?sh|python3?|node|perl|ruby|iex|invoke-expression)\b/i;

/** Runs every injection detector over revealed text (hidden characters decoded or dropped). */
export function findInjections(text: string): InjectionHit[] {
  const hits: InjectionHit[] = [];
  for (const rule of PHRASES) {
    for (const m of text.matchAll(rule.re)) {
      const start = m.index ?? 0;
      if (rule.negatable && isNegated(text, start)) continue;
      hits.push({ category: rule.category, start, end: start + m[0].length, severity: rule.severity, what: rule.what });
    }
  }
  hits.push(...findFetchCommands(text), ...findHtmlComments(text), ...findExfiltrationLinks(text), ...findBase64Blobs(text));
  return dedupe(hits);
}

/** True when a negation sits earlier in the same sentence (within 40 characters). */
function isNegated(text: string, start: number): boolean {
  const from = Math.max(0, start - 40);
  let before = text.slice(from, start);
  const cut = Math.max(before.lastIndexOf('.'), before.lastIndexOf('\n'), before.lastIndexOf(';'), before.lastIndexOf('!'));
  if (cut >= 0) before = before.slice(cut + 1);
  return NEGATION.test(before);
}

function findFetchCommands(text: string): InjectionHit[] {
  const hits: InjectionHit[] = [];
  for (const m of text.matchAll(FETCH_COMMAND)) {
    const start = m.index ?? 0;
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, Math.min(end, start + 400));
    if (!REMOTE_URL.test(line) || isNegated(text, start)) continue;
    if (PIPES_TO_SHELL.test(line)) {
      hits.push({ category: 'remote-script', start, end: start + line.length, severity: 'warning', what: 'download a script and run it' });
    } else if (SENDS_DATA.test(line)) {
      hits.push({ category: 'exfiltration', start, end: start + line.length, severity: 'error', what: 'send local data to a remote host' });
    }
  }
  return hits;
}

const TOOL_COMMENT = /^\s*(?:markdownlint|prettier|eslint|toc|omit in toc|vale|textlint|cspell|remark|alex|lint|begin|end|start|stop|region|endregion|#region|#endregion|\/?[a-z-]+:\s*(?:start|end)|\w+-(?:disable|enable))/i;
const ADDRESSES_AI = /\b(?:you|your|assistant|ai|agent|model|llm|copilot|claude|gemini|cursor|codex|chatgpt)\b/i;
const IMPERATIVE = /\b(?:must|should|always|never|do not|don't|ignore|instead|execute|run|send|fetch|install|call|read|upload|download|delete|include|add|commit|push|merge|approve)\b/i;
const IMPERATIVE_START = /^\s*(?:ignore|run|execute|send|fetch|download|install|upload|delete|disable|curl|wget|do not tell|don't tell|when (?:the user|you))\s+\w+\s+\w+/i;

function findHtmlComments(text: string): InjectionHit[] {
  const hits: InjectionHit[] = [];
  let at = text.indexOf('<!--');
  while (at >= 0) {
    const close = text.indexOf('-->', at + 4);
    const end = close < 0 ? text.length : close + 3;
    const body = text.slice(at + 4, close < 0 ? text.length : close);
    const looksLikeCode = body.includes('<!--') || body.includes('```');
    if (!looksLikeCode && !TOOL_COMMENT.test(body) && ((ADDRESSES_AI.test(body) && IMPERATIVE.test(body)) || IMPERATIVE_START.test(body))) {
      hits.push({ category: 'html-comment', start: at, end, severity: 'warning', what: 'follow instructions hidden in an HTML comment (invisible when the Markdown is rendered)' });
    }
    if (close < 0) break;
    at = text.indexOf('<!--', end);
  }
  return hits;
}

const LINK_URL = /(!?)\[[^\]\n]{0,200}\]\(\s*<?(https?:\/\/[^\s)>]{1,2000})|<img\b[^>\n]{0,300}?\bsrc\s*=\s*["']?(https?:\/\/[^"'\s>]{1,2000})|^\s{0,3}\[[^\]\n]{1,100}\]:\s*<?(https?:\/\/\S{1,2000})/gim;
const DATA_PARAM = /^(?:data|d|secret|secrets|token|key|apikey|api_key|env|payload|leak|exfil|chat|conversation|history|prompt|creds|credentials|password|pwd|content|context|info|memory)$/i;
const PLACEHOLDER = /\{[^}]{0,100}\}|\$\{?[A-Za-z_]|<[^>]{1,100}>|%7B|%3C|\bINSERT\b|\bDATA\b|\bSECRET\b|\bCONTENTS?\b/;

function findExfiltrationLinks(text: string): InjectionHit[] {
  const hits: InjectionHit[] = [];
  for (const m of text.matchAll(LINK_URL)) {
    const url = m[2] ?? m[3] ?? m[4] ?? '';
    const isImage = m[1] === '!' || m[3] !== undefined;
    if (!carriesData(url)) continue;
    const start = m.index ?? 0;
    hits.push({
      category: 'exfiltration-link', start, end: start + m[0].length, severity: isImage ? 'error' : 'warning',
      what: isImage ? 'load an external image whose URL carries data (sent the moment it renders)' : 'open an external link whose URL carries data',
    });
  }
  return hits;
}

function carriesData(url: string): boolean {
  let parsed: URL;
  try { parsed = new URL(url.replace(/[{}<>$]/g, (c) => encodeURIComponent(c))); } catch { return false; }
  if (/^(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])$/.test(parsed.hostname)) return false;
  const raw = url.slice(url.indexOf(parsed.host) + parsed.host.length);
  if (PLACEHOLDER.test(raw)) return true;
  for (const [name, value] of parsed.searchParams) {
    if (/^[A-Za-z0-9+/=_-]{40,}$/.test(value) && /\d/.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value)) return true;
    if (DATA_PARAM.test(name) && (value === '' || value.length > 24)) return true;
  }
  return false;
}

const BASE64_RUN = /[A-Za-z0-9+/]{100,}={0,2}/g;

function findBase64Blobs(text: string): InjectionHit[] {
  const hits: InjectionHit[] = [];
  for (const m of text.matchAll(BASE64_RUN)) {
    const blob = m[0];
    const start = m.index ?? 0;
    if (!/[A-Z]/.test(blob) || !/[a-z]/.test(blob) || !/\d/.test(blob)) continue;
    const before = text.slice(Math.max(0, start - 300), start);
    if (/data:[\w/+.-]{1,60};base64,$/i.test(before) || tokenBefore(text, start).includes('://')) continue;
    const decoded = decodeBase64(blob);
    const instructions = decoded !== undefined && findInjections(decoded).length > 0;
    hits.push({
      category: 'base64-blob', start, end: start + blob.length, severity: instructions ? 'error' : 'warning',
      what: instructions ? 'decode and follow a base64 blob that hides instructions' : `decode a ${blob.length}-character base64 blob nobody can review`,
    });
  }
  return hits;
}

/** The whitespace-free run of text that ends at `end` (at most 8,000 characters back): the URL or word a blob sits in. */
function tokenBefore(text: string, end: number): string {
  let i = end;
  const stop = Math.max(0, end - 8000);
  while (i > stop && !/\s/.test(text.charAt(i - 1))) i--;
  return text.slice(i, end);
}

function decodeBase64(blob: string): string | undefined {
  try {
    const s = atob(blob.slice(0, blob.length - (blob.length % 4)));
    let printable = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if ((c >= 32 && c < 127) || c === 10 || c === 9) printable++;
    }
    return printable / Math.max(1, s.length) > 0.9 ? s : undefined;
  } catch {
    return undefined;
  }
}

function dedupe(hits: InjectionHit[]): InjectionHit[] {
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: InjectionHit[] = [];
  for (const h of hits) {
    const prev = out[out.length - 1];
    if (prev && prev.category === h.category && h.start < prev.end) continue;
    out.push(h);
  }
  return out;
}
