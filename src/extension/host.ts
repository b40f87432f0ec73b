// Which editor Redline runs in: VS Code or a fork (Cursor, Windsurf, VSCodium...), local or remote.
import * as vscode from 'vscode';

/** What Redline knows about the editor hosting it. */
export interface HostInfo {
  readonly appName: string;
  readonly uriScheme: string;
  readonly appHost: string;
  readonly version: string;
  readonly remoteName: string | undefined;
  readonly uiKind: 'desktop' | 'web';
}

/** Reads the host description from `vscode.env`. */
export function detectHost(): HostInfo {
  return {
    appName: vscode.env.appName,
    uriScheme: vscode.env.uriScheme,
    appHost: vscode.env.appHost,
    version: vscode.version,
    remoteName: vscode.env.remoteName,
    uiKind: vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop',
  };
}

/** One line for the output channel. */
export function describeHost(host: HostInfo): string {
  const where = host.remoteName ? `remote ${host.remoteName}` : 'local';
  return `${host.appName} ${host.version} (scheme ${host.uriScheme}, host ${host.appHost}, ${host.uiKind} UI, ${where})`;
}
