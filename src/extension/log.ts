// The Redline output channel: one LogOutputChannel for the whole extension.
import * as vscode from 'vscode';

/** Creates the channel; the caller disposes it through the extension context. */
export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('Redline', { log: true });
}
