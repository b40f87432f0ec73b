// The provider-format detectors: each names the substrings that must be present (the prefilter)
// and a linear-time pattern whose capture group 1 is the secret value.
import type { Confidence } from '../model';
import { charClasses, isPlaceholder, shannonEntropy } from './plausibility';

/** A detector that recognises one kind of credential within a line (or a window of a long line). */
export interface LineDetector {
  readonly id: string;
  readonly title: string;
  /** Literal substrings, one of which must occur in the segment (compared lower-case when `caseInsensitive`). */
  readonly needles: readonly string[];
  readonly caseInsensitive?: boolean;
  /** Global, linear-time pattern; group 1 is the secret. */
  readonly pattern: RegExp;
  readonly confidence: Confidence;
  /** Extra check on the captured value; the segment is given for context. */
  readonly accept?: (value: string, segment: string) => boolean;
  /** The match starts at the needle: the pattern runs sticky at the hit, on the whole text. */
  readonly anchored?: boolean;
  /** Characters before a needle the pattern may need (key names, URL schemes); default 2. */
  readonly before?: number;
  /** Characters from the needle to the end of the longest match; default 200. */
  readonly after?: number;
}

/** Alphanumerics on both sides mean the match is part of a longer word (e.g. inside base64). */
const B = '(?<![A-Za-z0-9])';
const E = '(?![A-Za-z0-9])';

/** A random-looking provider token: not a placeholder and not too repetitive. */
function randomEnough(minEntropy: number) {
  return (value: string): boolean => !isPlaceholder(value) && shannonEntropy(value) >= minEntropy && charClasses(value) >= 2;
}

function decodeBase64Url(part: string): string | undefined {
  try {
    return atob(part.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return undefined;
  }
}

/** A JWT whose header and payload decode to JSON objects, and that is not the jwt.io example. */
function plausibleJwt(value: string): boolean {
  const [header, payload, signature] = value.split('.');
  if (!header || !payload || !signature || signature.length < 16) return false;
  const h = decodeBase64Url(header);
  const p = decodeBase64Url(payload);
  if (!h || !p || !/^\{\s*"/.test(h) || !/"alg"\s*:/.test(h) || !/^\{/.test(p)) return false;
  if (/"John Doe"|"1234567890"/.test(p) || isPlaceholder(signature)) return false;
  return true;
}

/** Passwords in URLs that are defaults or placeholders, not secrets. */
function plausibleUrlPassword(value: string, segment: string): boolean {
  if (isPlaceholder(value) || /^[*x.]+$/i.test(value) || /^\$|^%s$|^%\w+%$|\$\{|\{\{|^<|^:/.test(value)) return false;
  const user = /\/\/([^:/@\s]*):/.exec(segment)?.[1] ?? '';
  if (user !== '' && user === value) return false;
  return value.length >= 4;
}

/** Provider detectors, most specific first (an overlap keeps the first). */
export const lineDetectors: readonly LineDetector[] = [
  {
    id: 'aws-access-key-id', anchored: true, title: 'AWS access key id', needles: ['AKIA', 'ASIA', 'ABIA', 'ACCA'], confidence: 'high',
    pattern: new RegExp(`${B}((?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})${E}`, 'g'),
    accept: (v) => !isPlaceholder(v) && shannonEntropy(v.slice(4)) >= 2.5,
  },
  {
    id: 'aws-secret-access-key', before: 40, after: 120, title: 'AWS secret access key', needles: ['secret'], caseInsensitive: true, confidence: 'high',
    pattern: /(?:aws[_.-]?)?secret[_.-]?(?:access[_.-]?)?key["']?\s{0,5}(?::=|=>|=|:)\s{0,5}["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi,
    accept: randomEnough(3.5),
  },
  {
    id: 'github-token', anchored: true, after: 100, title: 'GitHub token', needles: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'], confidence: 'high',
    pattern: new RegExp(`${B}((?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}))${E}`, 'g'),
    accept: randomEnough(3.5),
  },
  {
    id: 'gitlab-token', anchored: true, after: 80, title: 'GitLab token', needles: ['glpat-', 'gldt-', 'glrt-'], confidence: 'high',
    pattern: new RegExp(`${B}((?:glpat|gldt|glrt)-[A-Za-z0-9_-]{20,60})(?![A-Za-z0-9_-])`, 'g'),
    accept: randomEnough(3.3),
  },
  {
    id: 'slack-token', anchored: true, after: 200, title: 'Slack token', needles: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxo-', 'xoxs-', 'xoxr-', 'xoxe-', 'xapp-'], confidence: 'high',
    pattern: new RegExp(`${B}((?:xox[abposre]|xapp)-[0-9]{1,16}-[A-Za-z0-9-]{8,160})(?![A-Za-z0-9-])`, 'g'),
    accept: (v) => !isPlaceholder(v) && /[A-Za-z]/.test(v.slice(5)) && shannonEntropy(v) >= 3.3,
  },
  {
    id: 'slack-webhook', before: 12, after: 160, title: 'Slack webhook URL', needles: ['hooks.slack.com'], confidence: 'high',
    pattern: /(https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/T[A-Z0-9]{6,12}\/[A-Z0-9]{6,14}\/[A-Za-z0-9]{16,40})(?![A-Za-z0-9])/g,
    accept: (v) => !isPlaceholder(v.slice(24)),
  },
  {
    id: 'stripe-key', anchored: true, after: 140, title: 'Stripe live key', needles: ['sk_live_', 'rk_live_'], confidence: 'high',
    pattern: new RegExp(`${B}([sr]k_live_[0-9A-Za-z]{20,120})${E}`, 'g'),
    accept: randomEnough(3.3),
  },
  {
    id: 'google-api-key', anchored: true, after: 50, title: 'Google API key', needles: ['AIza'], confidence: 'high',
    pattern: new RegExp(`${B}(AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])`, 'g'),
    accept: randomEnough(3.3),
  },
  {
    id: 'azure-storage-key', anchored: true, before: 2, after: 130, title: 'Azure storage or service key', needles: ['AccountKey=', 'SharedAccessKey='], confidence: 'high',
    pattern: /(?:AccountKey|SharedAccessKey)=([A-Za-z0-9+/]{40,100}={0,2})(?![A-Za-z0-9+/=])/g,
    accept: randomEnough(3.5),
  },
  {
    id: 'azure-client-secret', before: 8, after: 50, title: 'Azure AD client secret', needles: ['Q~'], confidence: 'medium',
    pattern: new RegExp(`${B}([A-Za-z0-9_.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])`, 'g'),
    accept: randomEnough(3.5),
  },
  {
    id: 'anthropic-key', anchored: true, after: 140, title: 'Anthropic API key', needles: ['sk-ant-'], confidence: 'high',
    pattern: new RegExp(`${B}(sk-ant-(?:api|admin|oat)[0-9]{2}-[A-Za-z0-9_-]{80,120})(?![A-Za-z0-9_-])`, 'g'),
    accept: randomEnough(3.5),
  },
  {
    id: 'openai-key', anchored: true, after: 220, title: 'OpenAI API key', needles: ['sk-'], confidence: 'high',
    pattern: new RegExp(`${B}(sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,200}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}|[A-Za-z0-9]{48}))(?![A-Za-z0-9_-])`, 'g'),
    accept: (v) => !v.startsWith('sk-ant-') && randomEnough(3.5)(v),
  },
  {
    id: 'huggingface-token', anchored: true, after: 50, title: 'Hugging Face token', needles: ['hf_'], confidence: 'high',
    pattern: new RegExp(`${B}(hf_[A-Za-z]{34})${E}`, 'g'),
    accept: randomEnough(3.5),
  },
  {
    id: 'npm-token', anchored: true, after: 50, title: 'npm access token', needles: ['npm_'], confidence: 'high',
    pattern: new RegExp(`${B}(npm_[A-Za-z0-9]{36})${E}`, 'g'),
    accept: randomEnough(3.5),
  },
  {
    id: 'pypi-token', anchored: true, after: 340, title: 'PyPI API token', needles: ['pypi-AgEIcHlwaS5vcmc'], confidence: 'high',
    pattern: new RegExp(`${B}(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,300})(?![A-Za-z0-9_-])`, 'g'),
    accept: (v) => randomEnough(3.5)(v.slice(20)),
  },
  {
    id: 'twilio-key', before: 2, after: 160, title: 'Twilio API key or auth token', needles: ['twilio'], caseInsensitive: true, confidence: 'medium',
    pattern: /(?<![A-Za-z0-9])(SK[0-9a-fA-F]{32})(?![A-Za-z0-9])|twilio[\w.-]{0,20}(?:auth[_-]?token|token|secret)["']?\s{0,5}(?::=|=>|=|:)\s{0,5}["']?([0-9a-f]{32})(?![A-Za-z0-9])/gi,
    accept: (v) => /^SK/.test(v) ? /[0-9]/.test(v) && /[a-f]/i.test(v.slice(2)) && !isPlaceholder(v) : randomEnough(3)(v),
  },
  {
    id: 'sendgrid-key', anchored: true, after: 80, title: 'SendGrid API key', needles: ['SG.'], confidence: 'high',
    pattern: new RegExp(`${B}(SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])`, 'g'),
    accept: randomEnough(3.5),
  },
  {
    id: 'jwt', anchored: true, after: 11100, title: 'JSON Web Token', needles: ['eyJ'], confidence: 'medium',
    pattern: new RegExp(`${B}(eyJ[A-Za-z0-9_-]{8,2000}\\.eyJ[A-Za-z0-9_-]{8,8000}\\.[A-Za-z0-9_-]{16,1000})(?![A-Za-z0-9_-])`, 'g'),
    accept: plausibleJwt,
  },
  {
    id: 'database-url', before: 30, after: 340, title: 'Database URL with password', needles: ['://'], confidence: 'high',
    pattern: /(?<![A-Za-z0-9+])(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|cockroachdb|clickhouse|jdbc:[a-z]{2,12}):\/\/[^\s:@/'"`]{0,100}:([^\s@/'"`]{1,200})@[A-Za-z0-9[]/gi,
    accept: plausibleUrlPassword,
  },
];
