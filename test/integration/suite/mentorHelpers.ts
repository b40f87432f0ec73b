// Helpers for the Mentor panel suites: read the panel's test snapshot and wait for pages the webview rendered.
import * as vscode from 'vscode';
import { waitFor } from './helpers';
import type { MentorSnapshot, RenderedMessage } from '../../../src/extension/mentor/panel';

export function mentorSnapshot(): Thenable<MentorSnapshot> {
  return vscode.commands.executeCommand<MentorSnapshot>('redline._mentorSnapshot');
}

/** How many `rendered` messages the webview sent so far. */
export async function renderedSoFar(): Promise<number> {
  return (await mentorSnapshot()).renderedTotal;
}

/** Waits for a `rendered` message, sent after the first `since`, that `matches`. */
export async function nextRendered(since: number, matches: (r: RenderedMessage) => boolean, what: string): Promise<RenderedMessage> {
  try {
    return await waitFor(async () => {
      const snap = await mentorSnapshot();
      return snap.rendered.slice(Math.max(0, snap.rendered.length - (snap.renderedTotal - since))).find(matches);
    }, what, 15000);
  } catch (e) {
    const { open, ready, state, renderedTotal, rendered } = await mentorSnapshot();
    throw new Error(`${String(e)}; panel: ${JSON.stringify({ open, ready, state, since, renderedTotal, last: rendered.slice(-3) })}`);
  }
}
