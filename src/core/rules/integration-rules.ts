// Registry of the integration family: rules about what reaches an AI assistant and what it writes back.
import type { RuleMeta } from '../model';
import { meta as secretInCode } from './secret-in-code';
import { meta as sensitiveFileExposed } from './sensitive-file-exposed';

/** Metadata of every integration rule; append new rules to this array. */
export const integrationRuleMetas: RuleMeta[] = [
  secretInCode,
  sensitiveFileExposed,
];
