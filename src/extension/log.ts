// The Redline output channel: one LogOutputChannel for the whole extension, which also remembers
// the errors it logged so tests (and the status tooltip) can tell a clean activation.
import * as vscode from 'vscode';

/** Thin wrapper over the channel; never give it a secret (mask first). */
export class RedlineLog implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('Redline', { log: true });
  private readonly errorMessages: string[] = [];

  info(message: string): void {
    this.channel.info(message);
  }

  debug(message: string): void {
    this.channel.debug(message);
  }

  warn(message: string): void {
    this.channel.warn(message);
  }

  error(message: string, err?: unknown): void {
    const detail = err instanceof Error ? `${message}: ${err.message}` : message;
    this.errorMessages.push(detail);
    this.channel.error(detail);
  }

  /** Errors logged since activation. */
  errors(): readonly string[] {
    return [...this.errorMessages];
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
