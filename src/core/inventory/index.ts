// Public API of the AI integrations inventory (pure): assistants, MCP servers and model loads, what
// each can see and do, findings, renderers and change detection.
export { buildInventory, isInventoryConfigFile, mcpConfigOwner } from './build';
export { mcpCatalogue, profileServer, type CapabilityProfile, type CatalogueEntry } from './catalogue';
export { isMcpConfigFile, readMcpConfig, readContinueYaml, type ConfigProblem, type McpConfig, type ServerSpec } from './mcp-config';
export { analyzeServer, isBroadRoot, isInlineSecret, launchOf, type Launch, type McpServerInfo } from './mcp-server';
export { classifyModelCall, mayLoadModels, modelLanguageOf, scanModelLoads, type ModelCall, type ModelIssue, type ModelLoad, type ModelRuleId } from './model-loads';
export { readPermissions, settingsOwner, type Permission } from './permissions';
export { capabilityText, inventoryToJson, inventoryToMarkdown, inventoryToText, type InventoryJson, type InventoryJsonFinding, type InventoryJsonIntegration } from './format';
export { compareInventories, snapshotOf, type InventoryChange, type InventorySnapshot, type InventorySnapshotEntry } from './changes';
export { capabilityLabels, capabilityOrder, type Capability, type DetailValue, type Integration, type IntegrationKind, type IntegrationSource, type Inventory, type InventoryFinding, type InventoryHost, type InventoryInput, type InventoryPolicy } from './types';
