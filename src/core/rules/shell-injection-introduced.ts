// Rule: a command run with an argument array replaced by a shell command string.
import type { RuleMeta } from '../model';
import type { CallFact, Doc } from '../guardrails/syntax';
import { isStringNode } from '../guardrails/syntax';
import type { GuardrailRule, Protection, TextPattern } from '../guardrails/types';
import { isBuiltString, isTrue, pairsWithin, protection } from '../guardrails/extractors';
import { PARSED_LANGUAGES } from '../guardrails/languages';

export const meta: RuleMeta = {
  id: 'shell-injection-introduced',
  title: 'Shell command built from a string',
  family: 'inference',
  defaultSeverity: 'error',
  languages: PARSED_LANGUAGES,
  description: 'Finds commands that used an argument array (execFile, spawn, subprocess with a list, exec.Command, ProcessBuilder) replaced by a shell string (exec, shell=True, os.system, sh -c, Runtime.exec(String)).',
  cwe: ['CWE-78'],
  owasp: ['A03:2021 Injection'],
};

/** Finds argv-style and shell-string command execution in one version of a file. */
export function extract(doc: Doc): Protection[] {
  const out: Protection[] = [];
  for (const c of doc.calls) {
    const hazard = shellHazard(doc, c);
    if (hazard) {
      out.push(protection(doc, 'hazard', 'shell', 'wrapper', c.node, c.callee, { key: 'shell', replaces: 'argv', always: true, message: `\`${c.callee}\` now runs ${hazard}` }));
    } else if (isArgv(doc, c)) {
      out.push(protection(doc, 'guard', 'argv', 'wrapper', c.node, c.callee, { key: 'argv', counterpart: true }));
    }
  }
  return out;
}

function shellHazard(doc: Doc, c: CallFact): string | undefined {
  const first = c.args[0];
  if (!first) return undefined;
  const dynamic = !isStringNode(first) || isBuiltString(doc, first);
  const built = isBuiltString(doc, first) || first.type === 'identifier' || first.type === 'binary_expression';
  if (doc.family === 'js') {
    if (/^(?:exec|execSync|child_process\.exec|child_process\.execSync|cp\.exec|cp\.execSync|shell\.exec)$/.test(c.callee) && dynamic) return 'a command string through the shell';
    if (/(?:^|\.)(?:spawn|spawnSync|execFile|execFileSync)$/.test(c.callee) && pairsWithin(doc, c.node).some((p) => p.key === 'shell' && !/false/.test(doc.textOf(p.value)))) return 'through a shell (`shell: true`)';
  }
  if (doc.family === 'python') {
    if (/^(?:os\.system|os\.popen|subprocess\.getoutput|subprocess\.getstatusoutput|commands\.getoutput)$/.test(c.callee) && dynamic) return `a command string through the shell (\`${c.name}\`)`;
    if (/^subprocess\.\w+$|^(?:run|call|check_call|check_output|Popen)$/.test(c.callee) && c.args.some((a) => a.type === 'keyword_argument' && /^shell\s*=/.test(doc.textOf(a)) && isTrue(doc, a.children[1] ?? a))) return 'through a shell (`shell=True`)';
  }
  if (doc.family === 'go' && /(?:^|\.)(?:Command|CommandContext)$/.test(c.callee)) {
    const args = c.name === 'CommandContext' ? c.args.slice(1) : c.args;
    const name = args[0] ? doc.textOf(args[0]) : '';
    if (/^"(?:\/bin\/)?(?:sh|bash|zsh|cmd|cmd\.exe|powershell)"$/.test(name) && args[1] && /^"(?:-c|\/c|\/C|-Command)"$/.test(doc.textOf(args[1]))) return `\`${name.replace(/"/g, '')} -c\` with a command string`;
  }
  if (doc.family === 'java' && /(?:^|\.)exec$/.test(c.callee) && /Runtime/.test(c.callee) && built) return 'a command string (`Runtime.exec(String)`) split on spaces';
  return undefined;
}

function isArgv(doc: Doc, c: CallFact): boolean {
  const first = c.args[0];
  if (doc.family === 'js') return /(?:^|\.)(?:execFile|execFileSync|spawn|spawnSync|execa|execaSync)$/.test(c.callee) && c.args.some((a) => a.type === 'array');
  if (doc.family === 'python') return /^subprocess\.(?:run|call|check_call|check_output|Popen)$/.test(c.callee) && first !== undefined && (first.type === 'list' || first.type === 'tuple');
  if (doc.family === 'go') return /(?:^|\.)(?:Command|CommandContext)$/.test(c.callee);
  if (doc.family === 'java') return c.isNew && /ProcessBuilder$/.test(c.callee);
  return false;
}

/** Textual fallback: shell execution in languages without a grammar. */
export const textual: readonly TextPattern[] = [
  { kind: 'hazard', re: /\b(?:system|exec|shell_exec|passthru|popen|proc_open)\s*\(\s*["'][^"']*(?:#\{|\$\w|["']\s*\.)/, label: 'shell command built from a string', group: 'shell' },
  { kind: 'hazard', re: /`[^`]*#\{[^`]*`|%x\{[^}]*#\{/, label: 'backtick command with interpolation', group: 'shell' },
];

export const rule: GuardrailRule = { meta, extract, textual };
