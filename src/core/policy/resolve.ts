// Follows a policy's `extends` chain through an injected reader and merges the chain into one policy.
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { createHash } from 'node:crypto';
import { LineIndex } from '../text';
import { isPlainObject } from '../config/values';
import { parsePolicy } from './parse';
import { relativeTarget } from './paths';
import type { Policy, PolicyParseOptions, PolicyProblem } from './types';

/** Reads a workspace-relative file; `undefined` when it does not exist. */
export type PolicyReader = (relativePath: string) => string | undefined;

/** A policy with its `extends` chain merged, or the problems that stopped it. */
export interface ResolvedPolicy {
  /** The merged policy; absent when the file does not exist or any file of the chain has an error. */
  readonly policy?: Policy;
  /** Problems of every file in the chain, each with its `file`. */
  readonly problems: readonly PolicyProblem[];
  /** The chain, starting with `path`, then what it extends, and so on. */
  readonly files: readonly string[];
  /** SHA-256 over the chain's texts (hex), for audit entries; absent when nothing was read. */
  readonly hash?: string;
}

/** How deep `extends` may go. */
const MAX_DEPTH = 16;

/** SHA-256 of a policy text, lowercase hex. */
export function policyHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Reads `path` (workspace-relative) and every file it extends. A missing `path` yields no policy and
 * no problem; a missing `extends` target, a cycle or a target outside the workspace is an error at the `extends` value.
 */
export function resolvePolicy(path: string, readFile: PolicyReader, options: PolicyParseOptions = {}): ResolvedPolicy {
  const chain: { file: string; text: string; policy?: Policy }[] = [];
  const problems: PolicyProblem[] = [];
  let current: string | undefined = path;
  let text = readFile(path);
  if (text === undefined) return { problems: [], files: [] };
  while (current !== undefined && text !== undefined) {
    const parsed = parsePolicy(text, options);
    problems.push(...parsed.problems.map((p) => ({ ...p, file: current as string })));
    chain.push({ file: current, text, ...(parsed.policy ? { policy: parsed.policy } : {}) });
    const next = parsed.policy?.extends;
    if (next === undefined) break;
    const step = followExtends(current, text, next, chain.map((c) => c.file), readFile);
    if ('problem' in step) {
      problems.push(step.problem);
      break;
    }
    current = step.target;
    text = step.text;
  }
  const hash = chain.length === 1 ? policyHash(chain[0]?.text ?? '') : policyHash(chain.map((c) => `${c.file}\0${policyHash(c.text)}`).join('\n'));
  const files = chain.map((c) => c.file);
  if (problems.some((p) => p.severity === 'error') || chain.some((c) => !c.policy)) return { problems, files, hash };
  const merged = chain.map((c) => c.policy as Policy).reduceRight((base, child) => mergePolicies(base, child));
  return { policy: merged, problems, files, hash };
}

type Step = { target: string; text: string } | { problem: PolicyProblem };

function followExtends(file: string, text: string, target: string, seen: readonly string[], readFile: PolicyReader): Step {
  const at = extendsRange(text);
  const resolved = relativeTarget(file, target);
  if (resolved === undefined) return { problem: { severity: 'error', message: `\`extends\` must point inside the workspace: \`${target}\`.`, range: at, file } };
  if (seen.includes(resolved)) return { problem: { severity: 'error', message: `\`extends\` forms a cycle: ${[...seen, resolved].join(' → ')}.`, range: at, file } };
  if (seen.length >= MAX_DEPTH) return { problem: { severity: 'error', message: `\`extends\` goes deeper than ${MAX_DEPTH} files.`, range: at, file } };
  const next = readFile(resolved);
  if (next === undefined) return { problem: { severity: 'error', message: `\`extends\` target not found: \`${resolved}\`.`, range: at, file } };
  return { target: resolved, text: next };
}

function extendsRange(text: string): PolicyProblem['range'] {
  const root: Node | undefined = parseTree(text, [], { allowTrailingComma: true });
  const node = root ? findNodeAtLocation(root, ['extends']) : undefined;
  const lines = new LineIndex(text);
  return lines.rangeOf(node?.offset ?? 0, (node?.offset ?? 0) + (node?.length ?? 1));
}

/** Lists a child adds to (union); other keys: the child wins, groups (`aiEdit`, `audit`, ...) merge per key. */
const LIST_KEYS = new Set(['sensitive', 'excludeFromAI', 'reviewRequired']);

/** Merges a child policy over the policy it extends. */
export function mergePolicies(base: Policy, child: Policy): Policy {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(child)) {
    const prior = out[key];
    if (key === 'extends') continue;
    if (LIST_KEYS.has(key) && Array.isArray(prior) && Array.isArray(value)) out[key] = [...new Set([...prior, ...value])];
    else if (key === 'enforced') out[key] = prior === true || value === true ? true : [...new Set([...((prior as string[] | undefined) ?? []), ...(value as string[])])];
    else if (isPlainObject(prior) && isPlainObject(value)) out[key] = mergeGroup(prior, value);
    else out[key] = value;
  }
  delete out.extends;
  return out as unknown as Policy;
}

function mergeGroup(base: Record<string, unknown>, child: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(child)) {
    out[key] = isPlainObject(out[key]) && isPlainObject(value) && key !== 'options' ? { ...(out[key] as object), ...value } : value;
  }
  return out;
}
