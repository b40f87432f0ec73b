// Public API of the instruction-file checks (pure): the file table, risk detectors and trust integrity.
export {
  classifyInstructionFile, instructionFilesGlob, instructionFileTable, isInstructionFile, normalizeRelativePath,
  type InstructionFileCategory, type InstructionFileEntry, type InstructionFileKind,
} from './table';
export { detectInstructionRisks, detectIntegrationRisks, detectAgentSettingsRisks, isAgentSettingsFile, type InstructionRiskOptions } from './detect';
export {
  compareWithTrusted, emptyTrustedInstructions, instructionFileHash, parseTrustedInstructions, serialiseTrustedInstructions,
  TRUSTED_INSTRUCTIONS_PATH, trustedHashes, withTrustedFile,
  type TrustComparison, type TrustedFileEntry, type TrustedInstructions,
} from './trust';
export { instructionFileChangedFindings } from '../rules/instruction-file-changed';
export { unpinnedPackage } from './agent-config';
