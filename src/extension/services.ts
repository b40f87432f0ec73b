// The adapter's shared services, handed to each feature's `activate…(services)` function so that
// features stay in their own modules and main.ts only wires them.
import type * as vscode from 'vscode';
import type { Acknowledgements } from './acknowledgements';
import type { Analyzer } from './analyzer';
import type { EditCommands } from './commands';
import type { EditWatcher } from './editWatcher';
import type { GitBaselines } from './git';
import type { RedlineLog } from './log';
import type { ReviewStore } from './reviewStore';
import type { RedlineConfig } from './settings';
import type { AuditLog } from './audit/auditLog';

export interface RedlineServices {
  readonly context: vscode.ExtensionContext;
  readonly log: RedlineLog;
  /** Effective settings (defaults < user < workspace < policy); `config.get(uri)`. */
  readonly config: RedlineConfig;
  /** Files with unreviewed AI edits and their guardrail findings. */
  readonly store: ReviewStore;
  readonly analyzer: Analyzer;
  readonly watcher: EditWatcher;
  /** Restore / acknowledge / review commands and their hooks (audit log, mentoring panel). */
  readonly commands: EditCommands;
  readonly acknowledgements: Acknowledgements;
  readonly git: GitBaselines;
  /** The tamper-evident audit log (no secrets, no source: hashes and masked snippets). */
  readonly audit: AuditLog;
}
