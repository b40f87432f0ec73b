// Public API of the context guard: sensitive paths, ignore-file matching, exclusion sync, exposure.
export { defaultNotSensitive, defaultSensitiveGlobs, globPredicate, normalizePath, sensitiveGlobs, sensitiveMatcher, type SensitiveOptions, type SensitiveVerdict } from './sensitive';
export { IgnoreList, ignoreLines, type IgnoreMatch } from './gitignore';
export { blockBegin, blockEnd, claudeReadRule, defaultSyncTargets, managedBlock, planExclusionSync, syncClaudeSettingsText, syncGitignoreText, type ExclusionSyncPlan, type FileChange, type ManualStep, type SyncOptions, type SyncProblem } from './exclusion-sync';
export { claudeDenyPatterns, computeExposure, type AssistantExposure, type Coverage, type ExposureEntry, type ExposureInput, type ExposureReason, type ExposureReport } from './exposure';
