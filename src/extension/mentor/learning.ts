// Learning mode: remembers (in global state) the rules this user has met, and the first time a rule
// fires for them, explains it in one sentence with a way into the mentoring panel.
import * as vscode from 'vscode';
import type { Finding } from '../../core/model';
import { ruleMeta } from '../../core/rules';
import type { MetRule } from './protocol';

const MET_KEY = 'redline.mentor.metRules';
const NOTIFIED_KEY = 'redline.mentor.notifiedRules';

interface StoredMet {
  readonly ruleId: string;
  readonly firstSeen: number;
}

/** The "rules you have met" list and the one-time notes, both in global state. */
export class MetRules {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  /** Rules met so far, oldest first. */
  list(): MetRule[] {
    return this.stored().map((m) => ({ ...m, title: ruleMeta(m.ruleId)?.title ?? m.ruleId }));
  }

  /** Records the rules of `findings`; returns the ids met for the first time. */
  async record(findings: readonly Finding[], now = Date.now()): Promise<string[]> {
    const known = new Set(this.stored().map((m) => m.ruleId));
    const fresh = [...new Set(findings.map((f) => f.ruleId))].filter((id) => !known.has(id));
    if (fresh.length === 0) return [];
    await this.state.update(MET_KEY, [...this.stored(), ...fresh.map((ruleId) => ({ ruleId, firstSeen: now }))]);
    this.changed.fire();
    return fresh;
  }

  /** True once per rule: the caller shows the one-time note when this returns true. */
  async claimNote(ruleId: string): Promise<boolean> {
    const notified = this.state.get<string[]>(NOTIFIED_KEY, []);
    if (notified.includes(ruleId)) return false;
    await this.state.update(NOTIFIED_KEY, [...notified, ruleId]);
    return true;
  }

  private stored(): StoredMet[] {
    return this.state.get<StoredMet[]>(MET_KEY, []);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The one-sentence note shown the first time a rule fires. */
export function firstTimeNote(ruleId: string): string {
  const meta = ruleMeta(ruleId);
  return meta
    ? vscode.l10n.t('Redline (learning mode): first "{0}" finding. {1}', meta.title, meta.description)
    : vscode.l10n.t('Redline (learning mode): first "{0}" finding.', ruleId);
}
