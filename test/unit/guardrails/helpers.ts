// Shared set-up for the guardrail tests: one engine with grammars from node_modules, and small helpers.
import * as assert from 'node:assert/strict';
import { GuardrailEngine, type EditAnalysis } from '../../../src/core/guardrails';
import type { Finding, TextEdit } from '../../../src/core/model';
import { nodeModulesLoader } from '../../../scripts/eval/guardrails';
import { LineIndex } from '../../../src/core/text';

let shared: GuardrailEngine | undefined;

/** One engine for the whole run, with every parsed language loaded. */
export async function engine(): Promise<GuardrailEngine> {
  if (!shared) {
    shared = new GuardrailEngine(nodeModulesLoader());
    for (const id of ['javascript', 'typescript', 'typescriptreact', 'python', 'go', 'java']) {
      assert.equal(await shared.ensureLanguage(id), true, `grammar for ${id} loads`);
    }
  }
  return shared;
}

/** Analyses an edit with the shared engine. */
export async function analyze(before: string, after: string, languageId: string): Promise<EditAnalysis> {
  return (await engine()).analyzeEdit({ before, after, languageId });
}

/** Joins lines with \n (keeps test sources readable). */
export function lines(...l: string[]): string {
  return `${l.join('\n')}\n`;
}

/** A compact view of findings for exact assertions: rule, 1-based line, change. */
export function summary(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}:${f.change ?? ''}`);
}

/** Applies edits (against `text`) from last to first. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const index = new LineIndex(text);
  const sorted = [...edits].sort((a, b) => index.offsetAt(b.range.start) - index.offsetAt(a.range.start));
  let out = text;
  for (const e of sorted) {
    out = out.slice(0, index.offsetAt(e.range.start)) + e.newText + out.slice(index.offsetAt(e.range.end));
  }
  return out;
}
