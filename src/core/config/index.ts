// Public API of Redline's settings model: the definitions table, value checks and generated schemas.
export {
  RULE_LEVELS,
  SETTING_DEFINITIONS,
  defaultSettings,
  definitionOf,
  enforceNameOf,
  enforceableNames,
  type RedlineSettings,
  type RegistryUrls,
  type RuleLevel,
  type SettingDefinition,
  type SettingKey,
  type SettingKind,
  type SettingScope,
  type Tighter,
} from './definitions';
export { compareLevels, isRuleLevel, normaliseValue, sameValue, tightest, weakens, type SettingValue } from './values';
export { RULE_ID_PATTERN, SCHEMA_ANNOTATIONS, formatJson, policySchema, settingsContribution, type JsonSchema } from './schema';
export { updateManifest } from './manifest';
export { settingLayers, type InspectedSetting, type SettingLayers } from './layers';
