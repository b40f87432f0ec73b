// Validation and strictness arithmetic for setting values: normalise raw input, compare and combine by strictness.
import { RULE_LEVELS, type RuleLevel, type SettingDefinition } from './definitions';

/** A setting value of any kind, as stored in {@link RedlineSettings}. */
export type SettingValue = unknown;

const GLOB_MAX = 500;

/** Checks a raw value (from settings or a policy) against a definition; `undefined` when it does not fit. */
export function normaliseValue(d: SettingDefinition, raw: unknown): SettingValue | undefined {
  switch (d.kind) {
    case 'boolean':
      return typeof raw === 'boolean' ? raw : undefined;
    case 'integer':
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return undefined;
      return Math.min(d.maximum ?? Infinity, Math.max(d.minimum ?? -Infinity, Math.round(raw)));
    case 'string':
      return typeof raw === 'string' ? raw : undefined;
    case 'enum':
      return typeof raw === 'string' && (d.enum ?? []).includes(raw) ? raw : undefined;
    case 'globs':
      return stringList(raw);
    case 'allowList':
      return raw === null ? null : stringList(raw);
    case 'ruleLevels':
      return ruleLevelMap(raw);
    case 'registries':
      return registries(raw, d.default as Record<string, string>);
  }
}

function stringList(raw: unknown): readonly string[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const out = raw.filter((x): x is string => typeof x === 'string' && x.trim() !== '').slice(0, GLOB_MAX);
  return [...new Set(out)];
}

function ruleLevelMap(raw: unknown): Readonly<Record<string, RuleLevel>> | undefined {
  if (!isPlainObject(raw)) return undefined;
  const out: Record<string, RuleLevel> = {};
  for (const [id, level] of Object.entries(raw)) {
    const l = typeof level === 'object' && level !== null ? (level as { level?: unknown }).level : level;
    if (isRuleLevel(l)) out[id] = l;
  }
  return out;
}

function registries(raw: unknown, defaults: Record<string, string>): Record<string, string> | undefined {
  if (!isPlainObject(raw)) return undefined;
  const out: Record<string, string> = { ...defaults };
  for (const key of Object.keys(defaults)) {
    const v = raw[key];
    if (typeof v === 'string' && /^https?:\/\/\S+$/.test(v)) out[key] = v.replace(/\/+$/, '');
  }
  return out;
}

/** `true` for `off`, `info`, `warning` and `error`. */
export function isRuleLevel(x: unknown): x is RuleLevel {
  return typeof x === 'string' && (RULE_LEVELS as readonly string[]).includes(x);
}

/** `true` for a non-null, non-array object. */
export function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Structural equality of JSON-like values (order of object keys ignored). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameValue(a[k], b[k]));
  }
  return false;
}

/** Compares two rule levels: negative when `a` is looser than `b`. */
export function compareLevels(a: RuleLevel, b: RuleLevel): number {
  return RULE_LEVELS.indexOf(a) - RULE_LEVELS.indexOf(b);
}

/** Merges a later layer's value into an earlier one by the key's merge mode (no strictness involved). */
export function mergeLayer(d: SettingDefinition, lower: SettingValue, upper: SettingValue): SettingValue {
  if (d.kind === 'ruleLevels') return { ...(lower as object), ...(upper as object) };
  if (d.merge === 'union' && Array.isArray(lower) && Array.isArray(upper)) return union(lower, upper);
  return upper;
}

/**
 * Combines `floor` with `candidate` so the result is never looser than `floor` and takes whatever
 * `candidate` tightens. For rule maps, `ruleDefault` gives the level of a rule a map does not list.
 */
export function tightest(d: SettingDefinition, floor: SettingValue, candidate: SettingValue, ruleDefault: (id: string) => RuleLevel | undefined = () => undefined): SettingValue {
  switch (d.tighter) {
    case 'true': return floor === true || candidate === true;
    case 'false': return floor === true && candidate === true;
    case 'lower': return Math.min(floor as number, candidate as number);
    case 'higher': return Math.max(floor as number, candidate as number);
    case 'order': {
      const order = d.enum ?? [];
      return order.indexOf(candidate as string) > order.indexOf(floor as string) ? candidate : floor;
    }
    case 'grow': return union(floor as readonly string[], candidate as readonly string[]);
    case 'shrink': return intersect(floor as readonly string[] | null, candidate as readonly string[] | null);
    case 'ruleLevels': return tightestLevels(floor as Record<string, RuleLevel>, candidate as Record<string, RuleLevel>, ruleDefault);
    case 'none': return floor;
  }
}

function tightestLevels(floor: Record<string, RuleLevel>, candidate: Record<string, RuleLevel>, ruleDefault: (id: string) => RuleLevel | undefined): Record<string, RuleLevel> {
  const out: Record<string, RuleLevel> = { ...floor };
  for (const [id, level] of Object.entries(candidate)) {
    const base = floor[id] ?? ruleDefault(id);
    if (base === undefined ? level === 'error' : compareLevels(level, base) > 0) out[id] = level;
  }
  return out;
}

/** `true` when `candidate` is looser than `floor` in some respect (it would weaken it). */
export function weakens(d: SettingDefinition, floor: SettingValue, candidate: SettingValue, ruleDefault: (id: string) => RuleLevel | undefined = () => undefined): boolean {
  switch (d.tighter) {
    case 'grow':
      return (floor as readonly string[]).some((x) => !(candidate as readonly string[]).includes(x));
    case 'shrink':
      if (candidate === null) return floor !== null;
      return floor !== null && (candidate as readonly string[]).some((x) => !(floor as readonly string[]).includes(x));
    case 'ruleLevels':
      return Object.entries(candidate as Record<string, RuleLevel>).some(([id, level]) => {
        const base = (floor as Record<string, RuleLevel>)[id] ?? ruleDefault(id);
        return base === undefined ? level !== 'error' : compareLevels(level, base) < 0;
      });
    default:
      return !sameValue(tightest(d, floor, candidate, ruleDefault), candidate);
  }
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

function intersect(a: readonly string[] | null, b: readonly string[] | null): readonly string[] | null {
  if (a === null) return b;
  if (b === null) return a;
  const keep = new Set(b);
  return a.filter((x) => keep.has(x));
}
