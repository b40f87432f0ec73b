// The mentoring panel: one webview panel ("Redline: Mentor"), revealed and reused, that shows a
// finding, a rule or the risk library. Posts a page only after the webview's `ready` handshake,
// and rebuilds its page from the webview's saved state after a reload.
import * as vscode from 'vscode';
import type { Finding } from '../../core/model';
import { resolveRef } from '../findingLookup';
import type { RedlineServices } from '../services';
import { mentorHtml, mentorResourceRoots, newNonce } from './html';
import type { MetRules } from './learning';
import { findingPage, libraryPage, rulePage } from './pages';
import { MENTOR_VIEW_TYPE, type HostMessage, type Page, type PanelFindingRef, type PanelState, type WebviewMessage } from './protocol';

type ShowMessage = Extract<HostMessage, { type: 'show' }>;
const goneNote = (): string => vscode.l10n.t('This finding is no longer open: the file was restored, reviewed or changed since.');
export type RenderedMessage = Extract<WebviewMessage, { type: 'rendered' }>;

/** What the integration tests can see of the panel. */
export interface MentorSnapshot {
  readonly open: boolean;
  readonly ready: boolean;
  readonly state?: PanelState;
  readonly page?: Page['kind'];
  /** The last 20 `rendered` messages from the webview, newest last. */
  readonly rendered: readonly RenderedMessage[];
  /** How many `rendered` messages arrived in all (the list above keeps only the newest). */
  readonly renderedTotal: number;
  /** Ids of the rules this user has met (global state). */
  readonly metRules: readonly string[];
}

export class MentorPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private ready = false;
  private current: ShowMessage | undefined;
  private readonly rendered: RenderedMessage[] = [];
  private renderedTotal = 0;
  /** Page builds are async: only the newest request may show its page. */
  private sequence = 0;

  constructor(private readonly services: RedlineServices, private readonly met: MetRules) {}

  /** Shows a finding with the code its edit removed; falls back to the rule page when the finding is gone. */
  async showFinding(uri: vscode.Uri, finding: Finding): Promise<void> {
    const n = ++this.sequence;
    const review = this.services.store.get(uri);
    const live = review?.findings.includes(finding) ? finding
      : review?.findings.find((f) => f.ruleId === finding.ruleId && finding.fingerprint !== undefined && f.fingerprint === finding.fingerprint);
    if (!review || !live) {
      await this.showRule(finding.ruleId, goneNote());
      return;
    }
    const page = await findingPage(this.services.context.extensionUri, review, live);
    if (n === this.sequence) this.show(page, { kind: 'finding', ref: page.ref });
  }

  async showRule(ruleId: string, note?: string): Promise<void> {
    const n = ++this.sequence;
    const page = await rulePage(this.services.context.extensionUri, ruleId, note);
    if (n === this.sequence) this.show(page, { kind: 'rule', ruleId });
  }

  showLibrary(): void {
    ++this.sequence;
    this.show(libraryPage(this.met.list()), { kind: 'library' });
  }

  /** Shows what a saved state points at (after a reload, or from a test). */
  async showState(state: PanelState): Promise<void> {
    if (state.kind === 'library') return this.showLibrary();
    if (state.kind === 'rule') return this.showRule(state.ruleId);
    const hit = resolveRef(this.services.store, state.ref);
    if (hit) return this.showFinding(hit.review.uri, hit.finding);
    return this.showRule(state.ref.ruleId, goneNote());
  }

  /** The serializer's entry: adopts a panel VS Code restored and shows its saved page. */
  async deserialize(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    this.attach(panel);
    await this.showState(isPanelState(state) ? state : { kind: 'library' });
  }

  /** Handles a message from the webview (also the tests' way to press its buttons). Returns restore's outcome. */
  async receive(message: unknown): Promise<boolean | undefined> {
    if (!isWebviewMessage(message)) return undefined;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        if (this.current) void this.panel?.webview.postMessage(this.current);
        else if (isPanelState(message.state)) await this.showState(message.state);
        return undefined;
      case 'rendered':
        this.rendered.push(message);
        this.renderedTotal++;
        if (this.rendered.length > 20) this.rendered.shift();
        return undefined;
      case 'restore':
        return this.restore(message.ref);
      case 'showRemovedCode': {
        const hit = resolveRef(this.services.store, message.ref);
        await vscode.commands.executeCommand('redline.showRemovedCode', message.ref.uri, hit?.finding.range.start.line);
        return undefined;
      }
      case 'openRule':
        await this.showRule(message.ruleId);
        return undefined;
      case 'openLibrary':
        this.showLibrary();
        return undefined;
    }
  }

  snapshot(): MentorSnapshot {
    return {
      open: this.panel !== undefined,
      ready: this.ready,
      ...(this.current ? { state: this.current.state, page: this.current.page.kind } : {}),
      rendered: [...this.rendered],
      renderedTotal: this.renderedTotal,
      metRules: this.met.list().map((m) => m.ruleId),
    };
  }

  private async restore(ref: PanelFindingRef): Promise<boolean> {
    const ok = await this.services.commands.restore(ref);
    const text = ok ? vscode.l10n.t('Guardrail restored. The edit is in the editor; undo it there if needed.') : vscode.l10n.t('Nothing was restored: see the notification.');
    const result: HostMessage = { type: 'restoreResult', ok, text };
    void this.panel?.webview.postMessage(result);
    return ok;
  }

  private show(page: Page, state: PanelState): void {
    const panel = this.ensurePanel();
    this.current = { type: 'show', page, state };
    if (this.ready) void panel.webview.postMessage(this.current);
  }

  private ensurePanel(): vscode.WebviewPanel {
    if (this.panel) {
      this.panel.reveal(this.panel.viewColumn, false);
      return this.panel;
    }
    const panel = vscode.window.createWebviewPanel(MENTOR_VIEW_TYPE, vscode.l10n.t('Redline: Mentor'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      { enableScripts: true, localResourceRoots: mentorResourceRoots(this.services.context.extensionUri) });
    this.attach(panel);
    return panel;
  }

  private attach(panel: vscode.WebviewPanel): void {
    if (this.panel && this.panel !== panel) this.panel.dispose();
    this.detach();
    const extensionUri = this.services.context.extensionUri;
    this.panel = panel;
    this.ready = false;
    panel.webview.options = { enableScripts: true, localResourceRoots: mentorResourceRoots(extensionUri) };
    panel.title = vscode.l10n.t('Redline: Mentor');
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'redline.svg');
    panel.webview.html = mentorHtml(panel.webview, extensionUri, newNonce());
    this.panelDisposables = [
      panel.webview.onDidReceiveMessage((m: unknown) => void this.receive(m).catch((e: unknown) => this.services.log.error(`Mentor panel: ${String(e)}`))),
      panel.onDidDispose(() => {
        if (this.panel !== panel) return;
        this.panel = undefined;
        this.current = undefined;
        this.ready = false;
        this.detach();
      }),
    ];
  }

  private detach(): void {
    this.panelDisposables.forEach((d) => d.dispose());
    this.panelDisposables = [];
  }

  dispose(): void {
    this.detach();
    this.panel?.dispose();
  }
}

function isRef(v: unknown): v is PanelFindingRef {
  const r = v as PanelFindingRef | undefined;
  return typeof r === 'object' && r !== null && typeof r.uri === 'string' && typeof r.ruleId === 'string';
}

function isPanelState(v: unknown): v is PanelState {
  const s = v as PanelState | undefined;
  if (typeof s !== 'object' || s === null) return false;
  return s.kind === 'library' || (s.kind === 'rule' && typeof s.ruleId === 'string') || (s.kind === 'finding' && isRef(s.ref));
}

/** Messages come from our own script, but are checked before use all the same. */
function isWebviewMessage(v: unknown): v is WebviewMessage {
  const m = v as WebviewMessage | undefined;
  if (typeof m !== 'object' || m === null) return false;
  switch (m.type) {
    case 'ready': case 'openLibrary': return true;
    case 'rendered': return typeof m.page === 'string';
    case 'restore': case 'showRemovedCode': return isRef(m.ref);
    case 'openRule': return typeof m.ruleId === 'string';
    default: return false;
  }
}
