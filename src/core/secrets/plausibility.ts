// Checks that tell a real credential from a placeholder, a documented example, a reference to an
// environment variable, or low-entropy text.

/** Shannon entropy of `value` in bits per character. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const freq = new Map<number, number>();
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    freq.set(c, (freq.get(c) ?? 0) + 1);
  }
  let bits = 0;
  for (const n of freq.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** How many of lower case, upper case, digits and symbols `value` uses. */
export function charClasses(value: string): number {
  let lower = 0, upper = 0, digit = 0, other = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = 1;
    else if (c >= 65 && c <= 90) upper = 1;
    else if (c >= 48 && c <= 57) digit = 1;
    else other = 1;
  }
  return lower + upper + digit + other;
}

/** Values published in vendor documentation as examples. */
const knownExamples = new Set([
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
  'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
]);

const placeholderWords = /example|sample|dummy|placeholder|changeme|change[_-]me|your[_-]?(?:own[_-]?)?(?:api|token|secret|key|pass|password|access|client|app)|xxxx|\*\*\*|redacted|fake|mock|insert[_-]?here|replace[_-]?me|todo|fixme|not[_-]?a[_-]?real|lorem|foobar|0{8}|1{8}|12345678|abcdefgh|qwerty/i;
const exactPlaceholders = new Set([
  'password', 'passwd', 'secret', 'token', 'apikey', 'api_key', 'admin', 'root', 'test', 'testing', 'null', 'none', 'nil',
  'undefined', 'true', 'false', 'empty', 'string', 'default', 'demo', 'guest', 'user', 'username', 'pass', 'postgres',
  'mysql', 'hunter2', 'letmein', 'required', 'optional', 'bearer', 'basic', 'private', 'public', 'value', 'key',
]);

/** A run of `n` identical characters. */
function hasRun(value: string, n: number): boolean {
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    run = value.charCodeAt(i) === value.charCodeAt(i - 1) ? run + 1 : 1;
    if (run >= n) return true;
  }
  return false;
}

/** True when `value` is a documented example or an obvious placeholder. */
export function isPlaceholder(value: string): boolean {
  if (knownExamples.has(value)) return true;
  if (value.includes('EXAMPLE')) return true;
  if (exactPlaceholders.has(value.toLowerCase())) return true;
  if (placeholderWords.test(value)) return true;
  if (/^<[^>]*>$|^\[[^\]]*\]$|^\{[^}]*\}$|^%[^%]*%$|^__[A-Z0-9_]+__$/.test(value)) return true;
  if (hasRun(value, 6)) return true;
  return false;
}

/** True when `value` refers to a secret held elsewhere (env var, template, config lookup). */
export function isReference(value: string): boolean {
  return /^\$|^%\w+%|\$\{|\{\{|#\{|<%|^(?:process\.env|os\.environ|os\.getenv|env\(|ENV\[|System\.getenv|import\.meta\.env|secrets\.|vars\.|config\.|settings\.|ref\+|vault:|arn:aws:|projects\/[^/]+\/secrets\/)/.test(value);
}

/** True when a file path looks like a test, fixture or example location. */
export function isTestPath(path: string | undefined): boolean {
  if (!path) return false;
  const p = path.replace(/\\/g, '/').toLowerCase();
  return /(?:^|\/)(?:tests?|__tests__|spec|specs|fixtures?|testdata|__mocks__|mocks?|examples?|samples?)\//.test(p)
    || /\.(?:test|spec)\.[a-z0-9]+$|_test\.(?:go|py|rb)$|(?:^|\/)test_[^/]*\.py$/.test(p);
}
