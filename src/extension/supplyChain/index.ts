// Supply-chain checks in the editor: every dependency an AI edit adds to a manifest or imports
// gets diagnostics, a "Verify" CodeLens and a place in the Review view.
import * as vscode from 'vscode';
import { runDemoDependencyEdit } from '../demo';
import type { RedlineServices } from '../services';
import { DependencyMonitor } from './dependencyMonitor';
import { VERIFY_COMMAND, VerifyCodeLensProvider, verifyDependency, type VerifyArg } from './verifyDependency';

/** Registers the dependency monitor, its CodeLens, the Verify command and the dependency demo. */
export function activateSupplyChain(services: RedlineServices): void {
  const monitor = new DependencyMonitor(services);
  const lenses = new VerifyCodeLensProvider(monitor);
  services.context.subscriptions.push(monitor, lenses,
    vscode.languages.registerCodeLensProvider([{ scheme: 'file' }, { scheme: 'vscode-remote' }], lenses),
    vscode.commands.registerCommand(VERIFY_COMMAND, (arg: VerifyArg) => verifyDependency(services.config, arg)),
    vscode.commands.registerCommand('redline.runDemoDependencyEdit', () => runDemoDependencyEdit()),
  );
}
