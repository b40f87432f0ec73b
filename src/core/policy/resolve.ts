// Follows a policy's `extends` chain through an injected reader and merges the chain into one policy.
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { createHash } from 'node:crypto';
import { LineIndex } from '../text';
import { SETTING_DEFINITIONS, type RuleLevel } from '../config/definitions';
import { compareLevels, isPlainObject, tightest, weakens } from '../config/values';
import { effectiveConfig } from './effective';
import { parsePolicy } from './parse';
import { relativeTarget } from './paths';
import type { Policy, PolicyParseOptions, PolicyProblem, PolicyRuleEntry } from './types';
import { jsonTooDeep } from '../json';

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
  let merged = chain[chain.length - 1]?.policy as Policy;
  for (let i = chain.length - 2; i >= 0; i--) {
    const child = chain[i] as { file: string; text: string; policy: Policy };
    merged = mergePolicies(merged, child.policy, (path) => problems.push({
      severity: 'warning',
      message: `\`${path.join('.')}\` is enforced by ${chain[i + 1]?.file ?? 'the base policy'}; only a tighter value applies here.`,
      range: nodeRange(child.text, path),
      file: child.file,
    }));
  }
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
  return nodeRange(text, ['extends']);
}

function nodeRange(text: string, path: readonly string[]): PolicyProblem['range'] {
  const root: Node | undefined = jsonTooDeep(text) ? undefined : parseTree(text, [], { allowTrailingComma: true });
  const node = root ? findNodeAtLocation(root, [...path]) : undefined;
  const lines = new LineIndex(text);
  return lines.rangeOf(node?.offset ?? 0, (node?.offset ?? 0) + (node?.length ?? 1));
}

/** Lists a child adds to (union); other keys: the child wins, groups (`aiEdit`, `audit`, ...) merge per key. */
const LIST_KEYS = new Set(['sensitive', 'excludeFromAI', 'reviewRequired']);

/**
 * Merges a child policy over the policy it extends. Where the base enforces a key, the child may
 * only tighten it: a looser child value is combined with the base's and reported through `onWeakened`.
 */
export function mergePolicies(base: Policy, child: Policy, onWeakened: (path: readonly string[]) => void = () => undefined): Policy {
  return keepEnforced(base, child, plainMerge(base, child), onWeakened);
}

function plainMerge(base: Policy, child: Policy): Policy {
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

/** Re-applies the base's enforced values where the child loosened them. */
function keepEnforced(base: Policy, child: Policy, merged: Policy, onWeakened: (path: readonly string[]) => void): Policy {
  if (!base.enforced) return merged;
  const probe = effectiveConfig({ trusted: true, policy: { ...base, version: 1 } });
  let out: Record<string, unknown> = merged as unknown as Record<string, unknown>;
  for (const d of SETTING_DEFINITIONS) {
    if (!d.policyPath || d.kind === 'ruleLevels' || !probe.values[d.key].enforced) continue;
    const baseValue = readAt(base, d.policyPath);
    const childValue = readAt(child, d.policyPath);
    const mergedValue = readAt(merged, d.policyPath);
    if (baseValue === undefined || childValue === undefined || !weakens(d, baseValue, mergedValue)) continue;
    onWeakened(d.policyPath);
    out = writeAt(out, d.policyPath, tightest(d, baseValue, childValue));
  }
  const rules: Record<string, PolicyRuleEntry> = { ...(merged.rules ?? {}) };
  for (const [id, entry] of Object.entries(child.rules ?? {})) {
    const baseEntry = base.rules?.[id];
    if (baseEntry === undefined || !probe.rules[id]?.enforced) continue;
    if (compareLevels(levelOf(entry), levelOf(baseEntry)) >= 0) continue;
    onWeakened(['rules', id]);
    rules[id] = baseEntry;
  }
  return { ...(out as unknown as Policy), ...(merged.rules ? { rules } : {}) };
}

function levelOf(entry: PolicyRuleEntry): RuleLevel {
  return typeof entry === 'string' ? entry : entry.level;
}

function readAt(policy: Policy, path: readonly string[]): unknown {
  let node: unknown = policy;
  for (const part of path) node = isPlainObject(node) ? node[part] : undefined;
  return node;
}

function writeAt(target: Record<string, unknown>, path: readonly string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  if (head === undefined) return target;
  const inner = isPlainObject(target[head]) ? (target[head] as Record<string, unknown>) : {};
  return { ...target, [head]: rest.length === 0 ? value : writeAt(inner, rest, value) };
}

function mergeGroup(base: Record<string, unknown>, child: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(child)) {
    out[key] = isPlainObject(out[key]) && isPlainObject(value) && key !== 'options' ? { ...(out[key] as object), ...value } : value;
  }
  return out;
}
