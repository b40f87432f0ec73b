// Hidden Unicode and instruction-file integrity in the editor: ghost text for invisible characters,
// diagnostics with a one-edit fix, and a Review-view entry for every instruction file not yet trusted.
import * as vscode from 'vscode';
import type { RedlineServices } from '../services';
import { runDemoHiddenInstruction } from './demo';
import { DocumentScanner } from './documentScanner';
import { HiddenTextHoverProvider } from './hiddenTextHover';
import { HiddenTextPresenter } from './hiddenTextPresenter';
import { REMOVE_HIDDEN_COMMAND, RemoveHiddenCodeActions, removeHiddenCharacters, type RemoveHiddenArg } from './removeHidden';
import { RepositoryTrust } from './repositoryTrust';
import { TRUST_COMMAND, TrustMonitor, type TrustArg } from './trustMonitor';
import { TrustState } from './trustState';

/** Documents the scanner covers: files on disk or remote, and untitled buffers (pasted text). */
const SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }];

/** Registers the scanner, its presenter, hover, quick fix and commands, and starts the trust monitor. */
export function activateIntegrity(services: RedlineServices): void {
  const { context } = services;
  const scanner = new DocumentScanner(services);
  const monitor = new TrustMonitor(services, new TrustState(context.workspaceState, context.storageUri), new RepositoryTrust(services.log));
  context.subscriptions.push(scanner, monitor,
    new HiddenTextPresenter(scanner, context.extensionUri),
    vscode.languages.registerHoverProvider(SELECTOR, new HiddenTextHoverProvider(scanner)),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new RemoveHiddenCodeActions(scanner, services.log), { providedCodeActionKinds: RemoveHiddenCodeActions.kinds }),
    vscode.commands.registerCommand(REMOVE_HIDDEN_COMMAND, (arg?: RemoveHiddenArg) => removeHiddenCharacters(scanner, services.watcher, arg)),
    vscode.commands.registerCommand(TRUST_COMMAND, (arg?: TrustArg) => monitor.trust(arg)),
    vscode.commands.registerCommand('redline.runDemoHiddenInstruction', () => runDemoHiddenInstruction()),
  );
  void monitor.start().catch((err: unknown) => services.log.error('Instruction-file integrity failed to start', err));
}
