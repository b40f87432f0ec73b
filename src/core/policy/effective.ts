// Merges defaults, user settings, workspace settings and the workspace policy into the values Redline runs with.
import type { Severity } from '../model';
import { SETTING_DEFINITIONS, defaultSettings, enforceNameOf, type RedlineSettings, type RuleLevel, type SettingDefinition, type SettingKey } from '../config/definitions';
import { compareLevels, isPlainObject, isRuleLevel, mergeLayer, normaliseValue, sameValue, tightest, weakens } from '../config/values';
import type { Policy } from './types';

/** Where an effective value came from. */
export type ValueSource = 'default' | 'user' | 'workspace' | 'policy';

/** A value with its origin, and whether the policy enforces it (settings may only tighten it). */
export interface EffectiveValue<T> {
  readonly value: T;
  readonly source: ValueSource;
  readonly enforced: boolean;
}

/** A value Redline did not apply, and why (for "Show effective policy" and hovers). */
export interface IgnoredValue {
  /** A setting key, or `rules.<id>`, or `ruleOptions.<id>`. */
  readonly key: string;
  readonly source: ValueSource;
  /** `enforced`: it would weaken an enforced policy value; `restricted`: Restricted Mode allows only tightening; `invalid`: wrong type. */
  readonly reason: 'enforced' | 'restricted' | 'invalid';
}

/** The merged configuration, every value with its source. */
export interface EffectiveConfig {
  readonly trusted: boolean;
  readonly values: { readonly [K in SettingKey]: EffectiveValue<RedlineSettings[K]> };
  /** Level per rule id, for every rule in `ruleDefaults` and every rule any layer mentions. */
  readonly rules: Readonly<Record<string, EffectiveValue<RuleLevel>>>;
  /** Rule options from the policy (never applied in Restricted Mode). */
  readonly ruleOptions: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly ignored: readonly IgnoredValue[];
  /** SHA-256 of the policy text in force, when there is one (for audit entries). */
  readonly policyHash?: string;
}

/** Inputs of {@link effectiveConfig}. Settings objects are keyed without the `redline.` prefix and may hold anything. */
export interface EffectiveConfigInput {
  /** Overrides of the built-in defaults (rarely needed; tests). */
  readonly defaults?: Partial<RedlineSettings>;
  /** `inspect(key).globalValue` per key. */
  readonly user?: Readonly<Record<string, unknown>>;
  /** `inspect(key).workspaceValue` (or folder value) per key. */
  readonly workspace?: Readonly<Record<string, unknown>>;
  /** The resolved policy (last good one), if any. */
  readonly policy?: Policy;
  readonly policyHash?: string;
  /** `vscode.workspace.isTrusted`; `false` = Restricted Mode: workspace settings and policy may only tighten. */
  readonly trusted: boolean;
  /** Default severity of every known rule (from the rule registry). */
  readonly ruleDefaults?: Readonly<Record<string, Severity>>;
}

interface Layer {
  readonly source: ValueSource;
  readonly value: unknown;
}

/** Merges defaults < user < workspace < policy, applying enforcement and Restricted Mode. Never throws on bad input. */
export function effectiveConfig(input: EffectiveConfigInput): EffectiveConfig {
  const defaults = { ...defaultSettings(), ...(input.defaults ?? {}) } as Record<string, unknown>;
  const ignored: IgnoredValue[] = [];
  const values: Record<string, EffectiveValue<unknown>> = {};
  const rules = effectiveRules(input, ignored);
  for (const d of SETTING_DEFINITIONS) {
    values[d.key] = d.kind === 'ruleLevels' ? summariseRules(rules) : effectiveValue(d, defaults[d.key], input, ignored);
  }
  const ruleOptions = input.trusted ? policyRuleOptions(input.policy) : {};
  if (!input.trusted) {
    for (const id of Object.keys(policyRuleOptions(input.policy))) ignored.push({ key: `ruleOptions.${id}`, source: 'policy', reason: 'restricted' });
  }
  return {
    trusted: input.trusted,
    values: values as unknown as EffectiveConfig['values'],
    rules,
    ruleOptions,
    ignored,
    ...(input.policyHash ? { policyHash: input.policyHash } : {}),
  };
}

/** The plain values of an effective configuration. */
export function settingsOf(config: EffectiveConfig): RedlineSettings {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(config.values)) out[key] = v.value;
  return out as unknown as RedlineSettings;
}

/** The level a rule runs at: its effective level, else its default severity. */
export function ruleLevel(config: EffectiveConfig, ruleId: string, defaultSeverity: Severity): RuleLevel {
  return config.rules[ruleId]?.value ?? defaultSeverity;
}

/** `true` when the policy enforces `key` (a setting key or `rules.<id>`): settings may only tighten it. */
export function isEnforced(config: EffectiveConfig, key: string): boolean {
  if (key.startsWith('rules.')) return config.rules[key.slice(6)]?.enforced ?? config.values.rules.enforced;
  return (config.values as Record<string, EffectiveValue<unknown>>)[key]?.enforced ?? false;
}

function effectiveValue(d: SettingDefinition, defaultValue: unknown, input: EffectiveConfigInput, ignored: IgnoredValue[]): EffectiveValue<unknown> {
  const settingLayers = (d.setting ? [layerOf(d, 'user', input.user?.[d.key], ignored), layerOf(d, 'workspace', input.workspace?.[d.key], ignored)] : [])
    .filter((l): l is Layer => l !== undefined);
  const policyLayer = d.policyPath ? layerOf(d, 'policy', readPath(input.policy, d.policyPath), ignored) : undefined;
  const enforced = enforces(input.policy, enforceNameOf(d));
  const base: Layer = { source: 'default', value: defaultValue };
  if (!input.trusted) return restricted(d, base, settingLayers, policyLayer, enforced, ignored);
  if (d.merge === 'union') return { ...stack(d, base, [...settingLayers, ...(policyLayer ? [policyLayer] : [])]), enforced };
  const settings = stack(d, base, settingLayers);
  if (!enforced) return { ...(policyLayer ? stack(d, settings, [policyLayer]) : settings), enforced };
  const floor = policyLayer ? stack(d, base, [policyLayer]) : base;
  if (settingLayers.length === 0) return { ...floor, enforced };
  if (!weakens(d, floor.value, settings.value)) return { ...(sameValue(floor.value, settings.value) ? floor : settings), enforced };
  ignored.push({ key: d.key, source: settings.source, reason: 'enforced' });
  const value = tightest(d, floor.value, settings.value);
  return { value, source: sameValue(value, settings.value) ? settings.source : floor.source, enforced };
}

/** Restricted Mode: user settings apply as usual; workspace settings and the policy may only tighten. */
function restricted(d: SettingDefinition, base: Layer, settingLayers: Layer[], policyLayer: Layer | undefined, enforced: boolean, ignored: IgnoredValue[]): EffectiveValue<unknown> {
  let current = stack(d, base, settingLayers.filter((l) => l.source === 'user'));
  const untrusted = [...settingLayers.filter((l) => l.source === 'workspace'), ...(policyLayer ? [policyLayer] : [])];
  for (const layer of untrusted) {
    const merged = mergeLayer(d, current.value, layer.value);
    if (d.tighter !== 'none' && !weakens(d, current.value, merged)) {
      current = { source: sameValue(merged, current.value) ? current.source : layer.source, value: merged };
      continue;
    }
    ignored.push({ key: d.key, source: layer.source, reason: 'restricted' });
    if (d.tighter !== 'none') {
      const value = tightest(d, current.value, merged);
      if (!sameValue(value, current.value)) current = { source: layer.source, value };
    }
  }
  return { ...current, enforced };
}

function stack(d: SettingDefinition, base: Layer, layers: readonly Layer[]): Layer {
  let current = base;
  for (const layer of layers) current = { source: layer.source, value: mergeLayer(d, current.value, layer.value) };
  return current;
}

function layerOf(d: SettingDefinition, source: ValueSource, raw: unknown, ignored: IgnoredValue[]): Layer | undefined {
  if (raw === undefined) return undefined;
  const value = normaliseValue(d, raw);
  if (value === undefined) {
    ignored.push({ key: d.key, source, reason: 'invalid' });
    return undefined;
  }
  return { source, value };
}

function effectiveRules(input: EffectiveConfigInput, ignored: IgnoredValue[]): Record<string, EffectiveValue<RuleLevel>> {
  const layers: { source: ValueSource; levels: Record<string, RuleLevel> }[] = [
    { source: 'user', levels: levelsOf(input.user?.rules) },
    { source: 'workspace', levels: levelsOf(input.workspace?.rules) },
  ];
  const policyLevels = levelsOf(input.policy?.rules);
  const ids = new Set([...Object.keys(input.ruleDefaults ?? {}), ...layers.flatMap((l) => Object.keys(l.levels)), ...Object.keys(policyLevels)]);
  const out: Record<string, EffectiveValue<RuleLevel>> = {};
  for (const id of [...ids].sort()) {
    const enforced = enforces(input.policy, 'rules') || enforces(input.policy, `rules.${id}`);
    const base: RuleLevelLayer | undefined = input.ruleDefaults?.[id] ? { source: 'default', value: input.ruleDefaults[id] } : undefined;
    const settings = layers.filter((l) => l.levels[id] !== undefined).map((l) => ({ source: l.source, value: l.levels[id] as RuleLevel }));
    const policy = policyLevels[id] ? { source: 'policy' as const, value: policyLevels[id] } : undefined;
    const result = input.trusted ? trustedRule(id, base, settings, policy, enforced, ignored) : restrictedRule(id, base, settings, policy, ignored);
    if (result) out[id] = { ...result, enforced };
  }
  return out;
}

interface RuleLevelLayer {
  readonly source: ValueSource;
  readonly value: RuleLevel;
}

function trustedRule(id: string, base: RuleLevelLayer | undefined, settings: RuleLevelLayer[], policy: RuleLevelLayer | undefined, enforced: boolean, ignored: IgnoredValue[]): RuleLevelLayer | undefined {
  const fromSettings = settings[settings.length - 1];
  if (!enforced) return policy ?? fromSettings ?? base;
  const floor = policy ?? base;
  if (!floor) return fromSettings?.value === 'error' ? fromSettings : undefined;
  if (!fromSettings || compareLevels(fromSettings.value, floor.value) <= 0) {
    if (fromSettings && compareLevels(fromSettings.value, floor.value) < 0) ignored.push({ key: `rules.${id}`, source: fromSettings.source, reason: 'enforced' });
    return floor;
  }
  return fromSettings;
}

function restrictedRule(id: string, base: RuleLevelLayer | undefined, settings: RuleLevelLayer[], policy: RuleLevelLayer | undefined, ignored: IgnoredValue[]): RuleLevelLayer | undefined {
  let current = settings.find((l) => l.source === 'user') ?? base;
  const untrusted = [...settings.filter((l) => l.source === 'workspace'), ...(policy ? [policy] : [])];
  for (const layer of untrusted) {
    const tighter = current ? compareLevels(layer.value, current.value) >= 0 : layer.value === 'error';
    if (tighter) current = layer;
    else ignored.push({ key: `rules.${id}`, source: layer.source, reason: 'restricted' });
  }
  return current;
}

function summariseRules(rules: Record<string, EffectiveValue<RuleLevel>>): EffectiveValue<Record<string, RuleLevel>> {
  const order: ValueSource[] = ['default', 'user', 'workspace', 'policy'];
  const value: Record<string, RuleLevel> = {};
  let source: ValueSource = 'default';
  let enforced = false;
  for (const [id, v] of Object.entries(rules)) {
    if (v.source !== 'default') value[id] = v.value;
    if (order.indexOf(v.source) > order.indexOf(source)) source = v.source;
    enforced ||= v.enforced;
  }
  return { value, source, enforced };
}

function levelsOf(raw: unknown): Record<string, RuleLevel> {
  const out: Record<string, RuleLevel> = {};
  if (!isPlainObject(raw)) return out;
  for (const [id, entry] of Object.entries(raw)) {
    const level = isPlainObject(entry) ? entry.level : entry;
    if (isRuleLevel(level)) out[id] = level;
  }
  return out;
}

function policyRuleOptions(policy: Policy | undefined): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [id, entry] of Object.entries(policy?.rules ?? {})) {
    if (isPlainObject(entry) && isPlainObject(entry.options)) out[id] = entry.options;
  }
  return out;
}

/** `true` when the policy's `enforced` covers `name` (or a parent of it, e.g. `aiEdit` covers `aiEdit.minLines`). */
function enforces(policy: Policy | undefined, name: string | undefined): boolean {
  if (!policy?.enforced || !name) return false;
  if (policy.enforced === true) return true;
  return policy.enforced.some((e) => e === name || name.startsWith(`${e}.`));
}

function readPath(policy: Policy | undefined, path: readonly string[]): unknown {
  let node: unknown = policy;
  for (const part of path) {
    if (!isPlainObject(node)) return undefined;
    node = node[part];
  }
  return node;
}
