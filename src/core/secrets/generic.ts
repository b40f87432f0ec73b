// The generic detector: `password = "..."`, `api_key: ...`, `SECRET_TOKEN=...` assignments, gated
// by the name of what is assigned, the value's entropy, and placeholder and reference checks.
import { charClasses, isPlaceholder, isReference, shannonEntropy } from './plausibility';

/** Lower-case substrings that make an identifier worth a look. */
export const genericKeywords: readonly string[] = ['pass', 'pwd', 'secret', 'token', 'key', 'credential'];

/** A generic hit inside a segment: offset and length of the value. */
export interface GenericHit {
  readonly start: number;
  readonly end: number;
  readonly strong: boolean;
}

const passwordName = /pass(?:word|wd|phrase)?$|pwd$|^pass(?:word|wd)|password/;
const secretName = /secret|token|apikey|accesskey|authkey|privatekey|signingkey|encryptionkey|masterkey|clientkey|credential|bearer|sessionkey|webhookkey|.key$/;
/** Names that contain a keyword but hold no secret. */
const harmlessName = /hash|digest|checksum|sha\d*|md5|length|len$|min|max|policy|field|label|placeholder|prompt|type|name|input|regex|pattern|path|file|dir|header|param|count|expir|ttl|timeout|format|mode|enabled|enable|required|hint|message|msg|error|valid|reset|forgot|url|uri|endpoint|public|primary|foreign|partition|sort|cache|idempotency|lookup|map|unique|i18n|translation|react|order|index|id$|ids$|limit|size|usage|count|storage$|prefix|suffix|strength|rotation|version|provider|store|manager|service|class|method|tokenizer|tokens|usage|keyboard|keys$|keyword|keyring|keychain|keyframe|keycode|keypress|keydown|keyup|monkey|turkey|donkey|hockey|jockey|author|oauth2?url|authority|authoriz|authent|autho?r$|passenger|passport|passthrough|bypass|compass|pass(?:es|ed|ing)$|secretary|credentialsprovider|spec/;

const identChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46;

function isConfigPath(path: string | undefined): boolean {
  if (!path) return false;
  const p = path.toLowerCase();
  return /(?:^|\/)\.env[^/]*$|\.(?:ya?ml|properties|ini|toml|cfg|conf|env|tfvars|hcl|sh|bash|zsh|ps1|bat|cmd|npmrc|pypirc|netrc)$|(?:^|\/)(?:dockerfile|\.npmrc|\.pypirc|\.netrc|\.git-credentials|credentials|config)$/.test(p);
}

/** Reads the assigned value after an operator at `i`; returns its bounds, quoted or not. */
function readValue(seg: string, i: number): { start: number; end: number; quoted: boolean } | undefined {
  let j = i;
  const prefix = seg.charCodeAt(j);
  // f"...", b'...', r"..." string prefixes
  if ((prefix === 102 || prefix === 98 || prefix === 114 || prefix === 117) && (seg[j + 1] === '"' || seg[j + 1] === '\'')) j++;
  const q = seg[j];
  if (q === '"' || q === '\'' || q === '`') {
    const close = seg.indexOf(q, j + 1);
    if (close < 0 || close - j - 1 > 300) return undefined;
    const value = seg.slice(j + 1, close);
    if (value.includes('\n')) return undefined;
    return { start: j + 1, end: close, quoted: true };
  }
  let end = j;
  while (end < seg.length && end - j < 300) {
    const c = seg.charCodeAt(end);
    // whitespace , ; " ' ` ) } ] < > stop an unquoted value; `#` starts a comment only at its start
    if (c <= 32 || c === 44 || c === 59 || c === 34 || c === 39 || c === 96 || c === 41 || c === 125 || c === 93 || c === 60 || c === 62 || (c === 35 && end === j)) break;
    end++;
  }
  return end > j ? { start: j, end, quoted: false } : undefined;
}

/** Whether an unquoted value in code is plain data (not an expression or identifier path). */
function plainUnquoted(value: string): boolean {
  if (/[()[\]{}]/.test(value)) return false;
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/.test(value) && !/\d/.test(value)) return false;
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(value)) return false;
  return true;
}

/**
 * Letters-only text made of word-like pieces (`refreshToken`, `_IconTable`, `ACCESS_TOKEN`,
 * `serialization.policy`), as opposed to random letters (`SWECuZUinupRn`), whose case changes
 * cut it into pieces averaging under three and a half letters.
 */
function identifierLike(value: string): boolean {
  if (/[0-9]/.test(value) || !/^[_$]*[A-Za-z]+(?:[-_. :/+][A-Za-z]+)*[_$]*$/.test(value)) return false;
  const pieces = value.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+/g) ?? [];
  const letters = pieces.reduce((n, p) => n + p.length, 0);
  return pieces.length > 0 && letters / pieces.length >= 3.5;
}

/** Checks the value itself: long and random enough, not a placeholder, reference, path or number. */
function plausibleValue(value: string, strongName: boolean): boolean {
  const min = strongName ? 6 : 8;
  if (/^(?:sk|pk|rk)_test_|^pk_live_/.test(value)) return false; // test and publishable keys are meant to be shared
  if (/^eyJ[\w-]*\.[\w-]*\./.test(value)) return false; // JWTs are judged by the jwt detector
  if (value.length < min || value.length > 300) return false;
  if (isPlaceholder(value) || isReference(value)) return false;
  if (/^[\d.,:_-]+$/.test(value)) return false;
  if (/^(?:\.{0,2}\/|~\/|[A-Za-z]:\\|https?:\/\/|file:)|\.(?:pem|key|json|txt|ya?ml|p12|pfx|crt|cer|der|env)$/i.test(value)) return false;
  // Words, camelCase or CONSTANT_NAMES, maybe with a version suffix (`findingHash/v1`): identifiers, not secrets.
  if (identifierLike(value) || identifierLike(value.replace(/(?:[-_./:@]v?\d{1,3})+$/, ''))) return false;
  if (/[^\x20-\x7e]/.test(value)) return false; // credentials are printable ASCII; prose and messages are not
  if (/\\[wdsWDSbB]|\(\?[:=!<]|\[\^|%[-#0 +]*\d*(?:\.\d*)?[sdfxri]|\{\d*\}/.test(value)) return false; // a regex or a format string
  if (/^[\w.@-]+(?:\/[\w.@-]+)+\.[A-Za-z][A-Za-z0-9]{0,5}$/.test(value)) return false; // a relative file path
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value) && !/\d/.test(value)) return false; // an env-var name
  if (/\s/.test(value)) return !strongName ? false : value.length <= 64 && !/\s\w+\s/.test(value) && shannonEntropy(value) >= 3;
  const classes = charClasses(value);
  const entropy = shannonEntropy(value);
  if (strongName) return classes >= 2 && entropy >= 2.5;
  if (value.length < 16) return classes >= 3 && entropy >= 2.8;
  return classes >= 2 && entropy >= 3.0;
}

/** Whether `path` is a config file whose values may be written unquoted. */
export function configPath(path: string | undefined): boolean {
  return isConfigPath(path);
}

/**
 * Looks at the identifier around a keyword found at `at` in `text` and, when a secret value is
 * assigned to it, returns the value's bounds. `resume` is where the caller's scan may continue.
 * Code files need a quoted value; config files and `KEY=value` lines also accept bare values.
 */
export function genericAt(text: string, at: number, config: boolean): { hit?: GenericHit; resume: number } {
  let s = at;
  while (s > 0 && at - s < 80 && identChar(text.charCodeAt(s - 1))) s--;
  let e = at;
  while (e < text.length && e - at < 80 && identChar(text.charCodeAt(e))) e++;
  const hit = assignmentAt(text, s, e, config);
  return hit ? { hit, resume: hit.end } : { resume: e };
}

/** Length of an assignment operator at `i` (`=`, `:`, `:=`, `=>`), or 0. */
function operatorAt(seg: string, i: number): number {
  const a = seg.charCodeAt(i);
  const b = seg.charCodeAt(i + 1);
  if (a === 61) return b === 62 ? 2 : b === 61 || b === 126 ? 0 : 1; // => , == , =~ , =
  if (a === 58) return b === 61 ? 2 : b === 58 ? 0 : 1; // := , :: , :
  return 0;
}

function assignmentAt(seg: string, s: number, e: number, config: boolean): GenericHit | undefined {
  // Cheap checks first: most keyword hits are not followed by an assignment.
  let i = e;
  const c = seg.charCodeAt(i);
  if (c === 34 || c === 39 || c === 93) i++; // " ' ]
  while (seg.charCodeAt(i) === 32 || seg.charCodeAt(i) === 9) i++;
  const opLen = operatorAt(seg, i);
  if (opLen === 0) return undefined;
  const name = seg.slice(s, e).toLowerCase().replace(/^[-.]+|[-.]+$/g, '');
  const bare = name.replace(/[_.-]/g, '');
  const strong = passwordName.test(bare);
  if (!strong && !secretName.test(bare)) return undefined;
  if (harmlessName.test(bare) && !/(?:^|[^a-z])(?:secret|password|token|apikey)$/.test(name.replace(/[-.]/g, '_'))) return undefined;
  i += opLen;
  while (seg.charCodeAt(i) === 32 || seg.charCodeAt(i) === 9) i++;
  const v = readValue(seg, i);
  if (!v) return undefined;
  const value = seg.slice(v.start, v.end);
  if (!v.quoted) {
    // In code, a bare value is an expression; only env-style `NAME=value` lines and `--flag=value` hold data.
    const envStyle = seg.charCodeAt(i - opLen) === 61 && /^[A-Z][A-Z0-9_]*$/.test(seg.slice(s, e)) && atLineStart(seg, s);
    const flag = seg.slice(Math.max(0, s - 2), s) === '--';
    if (!(config || envStyle || flag)) return undefined;
    if (!plainUnquoted(value)) return undefined;
  }
  const lowerValue = value.toLowerCase();
  if (lowerValue === name || (name.length >= 6 && lowerValue.startsWith(name.slice(0, 6))) || !plausibleValue(value, strong)) return undefined;
  return { start: v.start, end: v.end, strong };
}

/** Whether the identifier at `s` starts its line (after indentation, `export`, `set`, `- ` or `--`). */
function atLineStart(text: string, s: number): boolean {
  if (text.slice(Math.max(0, s - 2), s) === '--') return true;
  const from = Math.max(0, s - 40);
  const before = text.slice(from, s);
  const nl = before.lastIndexOf('\n');
  if (nl < 0 && from > 0) return false;
  return /^\s*(?:export\s+|set\s+|-\s+)?["']?$/.test(before.slice(nl + 1));
}
