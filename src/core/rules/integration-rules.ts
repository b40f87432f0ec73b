// Registry of the integration family: rules about what reaches an AI assistant and what it writes back.
import type { RuleMeta } from '../model';
import { meta as secretInCode } from './secret-in-code';
import { meta as sensitiveFileExposed } from './sensitive-file-exposed';
import { meta as hiddenUnicode } from './hidden-unicode';
import { meta as confusableIdentifier } from './confusable-identifier';
import { meta as instructionInjection } from './instruction-injection';
import { meta as agentConfigRisk } from './agent-config-risk';
import { meta as instructionFileChanged } from './instruction-file-changed';
import { meta as mcpServerUnpinned } from './mcp-server-unpinned';
import { meta as mcpInlineSecret } from './mcp-inline-secret';
import { meta as mcpFilesystemRoot } from './mcp-filesystem-root';
import { meta as mcpRemoteInsecure } from './mcp-remote-insecure';
import { meta as mcpConfigInvalid } from './mcp-config-invalid';
import { meta as integrationLethalTrifecta } from './integration-lethal-trifecta';
import { meta as agentShellUnapproved } from './agent-shell-unapproved';
import { meta as integrationNotAllowed } from './integration-not-allowed';

/** Metadata of every integration rule; append new rules to this array. */
export const integrationRuleMetas: RuleMeta[] = [
  secretInCode,
  sensitiveFileExposed,
  hiddenUnicode,
  confusableIdentifier,
  instructionInjection,
  agentConfigRisk,
  instructionFileChanged,
  mcpServerUnpinned,
  mcpInlineSecret,
  mcpFilesystemRoot,
  mcpRemoteInsecure,
  mcpConfigInvalid,
  integrationLethalTrifecta,
  agentShellUnapproved,
  integrationNotAllowed,
];
