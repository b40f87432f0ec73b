// The mentoring feature: the "Redline: Mentor" panel (Explain, hover, Review view, command palette),
// its restore-after-reload serializer, and learning mode's "rules you have met" and one-time notes.
import * as vscode from 'vscode';
import type { RedlineServices } from '../services';
import { firstTimeNote, MetRules } from './learning';
import { MentorPanel } from './panel';
import { MENTOR_VIEW_TYPE } from './protocol';
import { anchorLine } from '../findingView';

export function activateMentor(services: RedlineServices): void {
  const { context, store, commands } = services;
  const met = new MetRules(context.globalState);
  const mentor = new MentorPanel(services, met);
  context.subscriptions.push(met, mentor,
    vscode.window.registerWebviewPanelSerializer(MENTOR_VIEW_TYPE, { deserializeWebviewPanel: (panel, state) => mentor.deserialize(panel, state) }),
    vscode.commands.registerCommand('redline.openMentor', () => openForActiveEditor(services, mentor)),
    vscode.commands.registerCommand('redline.openRiskLibrary', () => mentor.showLibrary()),
    store.onDidChange((uris) => void noteNewRules(services, met, mentor, uris)),
  );
  commands.hooks.explain = async (uri, finding, ruleId) => {
    if (uri && finding) await mentor.showFinding(uri, finding);
    else if (ruleId) await mentor.showRule(ruleId);
    else mentor.showLibrary();
  };
  if (context.extensionMode !== vscode.ExtensionMode.Production) {
    // For the integration tests only: see the panel's state, press its buttons, run its serializer.
    context.subscriptions.push(
      vscode.commands.registerCommand('redline._mentorSnapshot', () => mentor.snapshot()),
      vscode.commands.registerCommand('redline._mentorReceive', (message: unknown) => mentor.receive(message)),
      vscode.commands.registerCommand('redline._mentorDeserialize', (panel: vscode.WebviewPanel, state: unknown) => mentor.deserialize(panel, state)),
    );
  }
}

/** Command palette: the finding on the cursor's line (else the file's first), or the risk library. */
async function openForActiveEditor(services: RedlineServices, mentor: MentorPanel): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const review = editor ? services.store.get(editor.document.uri) : undefined;
  if (!editor || !review || review.findings.length === 0) return mentor.showLibrary();
  const line = editor.selection.active.line;
  const finding = review.findings.find((f) => anchorLine(f, editor.document.lineCount) === line) ?? review.findings[0]!;
  await mentor.showFinding(review.uri, finding);
}

/** Records rules met for the first time; in learning mode, explains each once. */
async function noteNewRules(services: RedlineServices, met: MetRules, mentor: MentorPanel, uris: readonly vscode.Uri[]): Promise<void> {
  for (const uri of uris) {
    const review = services.store.get(uri);
    if (!review || review.findings.length === 0) continue;
    await met.record(review.findings);
    if (!services.config.get(uri).learningMode) continue;
    for (const ruleId of new Set(review.findings.map((f) => f.ruleId))) {
      if (!(await met.claimNote(ruleId))) continue;
      const explain = vscode.l10n.t('Explain');
      void vscode.window.showInformationMessage(firstTimeNote(ruleId), explain).then((choice) => {
        const finding = services.store.get(uri)?.findings.find((f) => f.ruleId === ruleId);
        if (choice === explain) void (finding ? mentor.showFinding(uri, finding) : mentor.showRule(ruleId));
      });
    }
  }
}
