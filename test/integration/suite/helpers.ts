// Helpers shared by the integration suites.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'redline-dev.redline';

/** Activates Redline (if needed) and returns its exported API. */
export async function activateRedline(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed`);
  await ext.activate();
  return ext;
}

/** Polls `probe` until it returns a truthy value or `timeoutMs` passes. */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 10000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder open');
  return folder;
}

/** One UI step the code-server driver performs on the workbench page (see runner/ui-driver.mjs). */
export interface UiStep {
  action: 'waitFor' | 'text' | 'html' | 'count' | 'hover' | 'click' | 'press' | 'type' | 'wait' | 'screenshot';
  selector?: string;
  frame?: 'webview';
  key?: string;
  text?: string;
  name?: string;
  ms?: number;
  timeoutMs?: number;
}

export interface UiResult {
  ok: boolean;
  error?: string;
  results: Array<{ text?: string; texts?: string[]; html?: string; count?: number; file?: string }>;
}

let uiRequests = 0;

/** Asks the driver to perform `steps` on the real page and waits for its answer. */
export async function ui(name: string, steps: UiStep[], timeoutMs = 60000): Promise<UiResult> {
  const dir = process.env.REDLINE_UI_DRIVER;
  assert.ok(dir, 'UI tests run only under the code-server driver');
  const id = `${name}-${++uiRequests}`;
  console.log(`[redline-ui] ${JSON.stringify({ id, steps })}`);
  const file = path.join(dir, `${id}.json`);
  const answer = await waitFor(() => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined), `UI driver answer ${id}`, timeoutMs);
  return JSON.parse(answer) as UiResult;
}
