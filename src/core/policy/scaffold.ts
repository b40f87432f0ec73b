// Writes a commented `.redline/policy.jsonc` from the current effective settings ("Create workspace policy").
import { SETTING_DEFINITIONS, type SettingDefinition } from '../config/definitions';
import type { EffectiveConfig } from './effective';

const HEADER = [
  '// Redline workspace policy: the team\'s choices, applied in every teammate\'s editor and by `redline` in CI.',
  '// Values here override user and workspace settings. Keys listed under "enforced" can only be tightened',
  '// by settings (a rule raised, a list extended), never weakened. Reference: docs/policy.md',
];

/** A commented JSONC policy holding the current effective values (rules: only those not at their default). */
export function scaffoldPolicy(current: EffectiveConfig): string {
  const groups = new Map<string, SettingDefinition[]>();
  for (const d of SETTING_DEFINITIONS) {
    if (!d.policyPath) continue;
    const head = d.policyPath[0] ?? '';
    groups.set(head, [...(groups.get(head) ?? []), d]);
  }
  const entries: string[][] = [['  "version": 1']];
  for (const [head, defs] of groups) entries.push(groupLines(head, defs, current));
  entries.push([
    '  // Keys settings may not weaken: e.g. ["rules", "sensitive", "audit.enabled"], or true for all.',
    '  "enforced": []',
  ]);
  const body = entries.map((lines, i) => `${lines.join('\n')}${i < entries.length - 1 ? ',' : ''}`);
  return [...HEADER, '{', ...body, '}', ''].join('\n');
}

function groupLines(head: string, defs: SettingDefinition[], current: EffectiveConfig): string[] {
  const single = defs.length === 1 && defs[0]?.policyPath?.length === 1 ? defs[0] : undefined;
  if (single) return [...comment(single, '  '), `  ${JSON.stringify(head)}: ${indentJson(valueFor(single, current), '  ')}`];
  // Unset members (no allow-list) are written as comments first, so commas only separate real members.
  const unset = defs.filter((d) => valueFor(d, current) === null);
  const set = defs.filter((d) => valueFor(d, current) !== null);
  const inner = [
    ...unset.map((d) => [...comment(d, '    '), `    // ${JSON.stringify(d.policyPath?.[1] ?? d.key)}: ${EXAMPLES[d.key] ?? '[]'}`].join('\n')),
    ...set.map((d, i) => [
      ...comment(d, '    '),
      `    ${JSON.stringify(d.policyPath?.[1] ?? d.key)}: ${indentJson(valueFor(d, current), '    ')}${i < set.length - 1 ? ',' : ''}`,
    ].join('\n')),
  ];
  return [`  ${JSON.stringify(head)}: {`, ...inner, '  }'];
}

const EXAMPLES: Record<string, string> = {
  'integrations.allowed': '["github.copilot", "@modelcontextprotocol/server-filesystem", "https://mcp.example.com"]',
};

function valueFor(d: SettingDefinition, current: EffectiveConfig): unknown {
  if (d.kind === 'ruleLevels') {
    return Object.fromEntries(Object.entries(current.rules).filter(([, v]) => v.source !== 'default').map(([id, v]) => [id, v.value]));
  }
  return (current.values as Record<string, { value: unknown }>)[d.key]?.value;
}

function comment(d: SettingDefinition, indent: string): string[] {
  const text = d.markdownDescription.split('\n')[0] ?? '';
  return [`${indent}// ${text}`];
}

function indentJson(value: unknown, indent: string): string {
  return JSON.stringify(value, null, 2).split('\n').join(`\n${indent}`);
}
