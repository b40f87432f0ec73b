// Generates the VS Code settings contribution and the policy JSON Schema from the settings table.
import { RULE_LEVELS, SETTING_DEFINITIONS, enforceableNames, type SettingDefinition } from './definitions';

/** A JSON Schema fragment (draft-07, with VS Code's `markdownDescription`, `enumDescriptions`, `errorMessage`). */
export type JsonSchema = { readonly [key: string]: unknown };

/** Keywords VS Code understands beyond JSON Schema; the run-time validator accepts them as annotations. */
export const SCHEMA_ANNOTATIONS: readonly string[] = ['markdownDescription', 'enumDescriptions', 'errorMessage', 'defaultSnippets'];

/** A kebab-case rule id. */
export const RULE_ID_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$';

const LEVEL_SCHEMA: JsonSchema = {
  type: 'string',
  enum: RULE_LEVELS,
  enumDescriptions: ['Do not run the rule.', 'Report as information.', 'Report as a warning.', 'Report as an error.'],
};

/** `contributes.configuration.properties` for package.json: every VS Code setting, keyed `redline.<key>`. */
export function settingsContribution(): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  SETTING_DEFINITIONS.filter((d) => d.setting).forEach((d, order) => {
    out[`redline.${d.key}`] = {
      ...valueSchema(d, 'setting'),
      default: d.default,
      markdownDescription: d.markdownDescription,
      scope: d.scope,
      order,
    };
  });
  return out;
}

function valueSchema(d: SettingDefinition, target: 'setting' | 'policy'): JsonSchema {
  switch (d.kind) {
    case 'boolean': return { type: 'boolean' };
    case 'integer': return { type: 'integer', minimum: d.minimum, maximum: d.maximum };
    case 'string': return { type: 'string' };
    case 'enum': return { type: 'string', enum: d.enum, enumDescriptions: d.enumDescriptions };
    case 'globs':
    case 'allowList': return { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true };
    case 'registries': return {
      type: 'object',
      properties: Object.fromEntries(Object.keys(d.default as object).map((k) => [k, { type: 'string', pattern: '^https?://\\S+$', errorMessage: 'Must be an http(s) URL.' }])),
      additionalProperties: false,
    };
    case 'ruleLevels': return target === 'setting'
      ? { type: 'object', propertyNames: { pattern: RULE_ID_PATTERN }, additionalProperties: LEVEL_SCHEMA }
      : policyRulesSchema();
  }
}

function policyRulesSchema(): JsonSchema {
  return {
    type: 'object',
    propertyNames: { pattern: RULE_ID_PATTERN, errorMessage: 'Rule ids are kebab-case, e.g. `auth-check-removed`.' },
    additionalProperties: {
      anyOf: [
        LEVEL_SCHEMA,
        {
          type: 'object',
          required: ['level'],
          properties: { level: LEVEL_SCHEMA, options: { type: 'object', markdownDescription: 'Rule-specific options (see the rule\'s page).' } },
          additionalProperties: false,
        },
      ],
      errorMessage: 'A rule is `"off"`, `"info"`, `"warning"`, `"error"`, or `{ "level": ..., "options": { ... } }`.',
    },
  };
}

/** The JSON Schema of `.redline/policy.jsonc` (committed as `schemas/policy.schema.json`). */
export function policySchema(): JsonSchema {
  const properties: Record<string, Record<string, unknown>> = {
    $schema: { type: 'string' },
    version: { const: 1, markdownDescription: 'Policy format version. Always `1`.', errorMessage: '`version` must be 1.' },
    extends: {
      type: 'string',
      minLength: 1,
      pattern: '^(?![\\\\/])(?![A-Za-z]:)',
      errorMessage: '`extends` is a path relative to this file, inside the workspace.',
      markdownDescription: 'Another policy file in the workspace this one builds on, relative to this file. This file\'s values win; lists are combined.',
    },
  };
  for (const d of SETTING_DEFINITIONS) {
    if (!d.policyPath) continue;
    placeAt(properties, d.policyPath, { ...valueSchema(d, 'policy'), markdownDescription: policyDescription(d) });
  }
  properties.enforced = {
    markdownDescription: 'Keys users may not weaken in their settings (they may still tighten them), or `true` for all. Use `rules` for every rule or `rules.<id>` for one.',
    type: ['boolean', 'array'],
    uniqueItems: true,
    items: {
      type: 'string',
      anyOf: [{ enum: enforceableNames() }, { pattern: '^rules\\.[a-z0-9]+(?:-[a-z0-9]+)*$' }],
      errorMessage: `Not a key a policy can enforce. Use one of: ${enforceableNames().join(', ')}, or rules.<id>.`,
    },
    if: { type: 'boolean' },
    then: { const: true, errorMessage: '`enforced` is `true` (everything) or a list of keys.' },
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Redline workspace policy',
    markdownDescription: 'Team-wide Redline settings, checked into `.redline/policy.jsonc`. See docs/policy.md.',
    type: 'object',
    required: ['version'],
    properties,
    additionalProperties: false,
  };
}

function policyDescription(d: SettingDefinition): string {
  return d.setting ? `${d.markdownDescription}\n\nOverrides the setting \`redline.${d.key}\`.` : d.markdownDescription;
}

function placeAt(properties: Record<string, Record<string, unknown>>, path: readonly string[], schema: JsonSchema): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    properties[head] = schema;
    return;
  }
  const group = (properties[head] ??= { type: 'object', properties: {}, additionalProperties: false });
  placeAt(group.properties as Record<string, Record<string, unknown>>, rest, schema);
}

/** Serialises generated JSON the way the repository formats it: 2 spaces, trailing newline, `undefined` dropped. */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
