// Registry of the integration family: rules about what reaches an AI assistant and what it writes back.
import type { RuleMeta } from '../model';
import { meta as secretInCode } from './secret-in-code';
import { meta as sensitiveFileExposed } from './sensitive-file-exposed';
import { meta as hiddenUnicode } from './hidden-unicode';
import { meta as confusableIdentifier } from './confusable-identifier';
import { meta as instructionInjection } from './instruction-injection';
import { meta as agentConfigRisk } from './agent-config-risk';
import { meta as instructionFileChanged } from './instruction-file-changed';

/** Metadata of every integration rule; append new rules to this array. */
export const integrationRuleMetas: RuleMeta[] = [
  secretInCode,
  sensitiveFileExposed,
  hiddenUnicode,
  confusableIdentifier,
  instructionInjection,
  agentConfigRisk,
  instructionFileChanged,
];
