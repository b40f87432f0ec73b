// The "Added by an AI edit · Verify" CodeLens on each added dependency with findings, and its command:
// with online checks on it opens the package's registry page; otherwise it lists what to check by hand.
import * as vscode from 'vscode';
import type { Ecosystem } from '../../core/supply-chain';
import type { RedlineConfig } from '../settings';
import type { DependencyMonitor } from './dependencyMonitor';

export const VERIFY_COMMAND = 'redline.verifyDependency';

/** The argument of `redline.verifyDependency`. */
export interface VerifyArg {
  readonly uri: string;
  readonly name: string;
  readonly ecosystem: Ecosystem;
  /** The findings' messages on that line. */
  readonly messages: readonly string[];
}

/** The public web page of a package in its registry. */
export function registryPage(ecosystem: Ecosystem, name: string): vscode.Uri {
  const enc = encodeURIComponent;
  switch (ecosystem) {
    case 'npm': return vscode.Uri.parse(`https://www.npmjs.com/package/${name.split('/').map(enc).join('/')}`);
    case 'pypi': return vscode.Uri.parse(`https://pypi.org/project/${enc(name)}/`);
    case 'go': return vscode.Uri.parse(`https://pkg.go.dev/${name.split('/').map(enc).join('/')}`);
    case 'cargo': return vscode.Uri.parse(`https://crates.io/crates/${enc(name)}`);
    case 'maven': return vscode.Uri.parse(`https://central.sonatype.com/artifact/${name.split(':').map(enc).join('/')}`);
    case 'rubygems': return vscode.Uri.parse(`https://rubygems.org/gems/${enc(name)}`);
    case 'packagist': return vscode.Uri.parse(`https://packagist.org/packages/${name.split('/').map(enc).join('/')}`);
  }
}

/** What to check by hand when Redline did not ask the registry. */
export function manualChecks(arg: VerifyArg): string {
  return [
    ...arg.messages.map((m) => `• ${m}`),
    `• Is \`${arg.name}\` the package you meant, spelled exactly like its documentation spells it?`,
    '• Does its registry page show a real repository, maintainers you recognise, a history of releases and steady downloads?',
    '• Was it published only days ago, or does it run install scripts? Then read its code before installing it.',
    'Online checks are off, so Redline has not asked the registry (setting redline.supplyChain.onlineChecks).',
  ].join('\n');
}

/** Runs the Verify action; resolves with what it did (`opened` the registry page or `shown` the checks). */
export async function verifyDependency(config: RedlineConfig, arg: VerifyArg): Promise<'opened' | 'shown'> {
  const uri = vscode.Uri.parse(arg.uri);
  if (config.get(uri)['supplyChain.onlineChecks']) {
    await vscode.env.openExternal(registryPage(arg.ecosystem, arg.name));
    return 'opened';
  }
  const settings = vscode.l10n.t('Open Setting');
  void vscode.window.showInformationMessage(vscode.l10n.t('Verify {0} before you install it', arg.name),
    { modal: true, detail: manualChecks(arg) }, settings)
    .then((choice) => choice === settings
      ? vscode.commands.executeCommand('workbench.action.openSettings', 'redline.supplyChain.onlineChecks') : undefined);
  return 'shown';
}

/** One lens per line holding an added dependency that has findings. */
export class VerifyCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly monitor: DependencyMonitor) {
    this.subscription = monitor.onDidChange(() => this.changed.fire());
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const result = this.monitor.resultFor(doc.uri);
    if (!result) return [];
    const lenses: vscode.CodeLens[] = [];
    const lines = new Set<number>();
    for (const pkg of result.packages) {
      const line = pkg.range.start.line;
      if (lines.has(line) || line >= doc.lineCount) continue;
      lines.add(line);
      const messages = result.findings.filter((f) => f.range.start.line === line).map((f) => f.message);
      const arg: VerifyArg = { uri: doc.uri.toString(), name: pkg.name, ecosystem: pkg.ecosystem, messages };
      lenses.push(new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
        title: vscode.l10n.t('$(package) Added by an AI edit · Verify'),
        command: VERIFY_COMMAND,
        arguments: [arg],
        tooltip: messages.join('\n'),
      }));
    }
    return lenses;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
