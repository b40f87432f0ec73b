import * as assert from 'assert';
import * as vscode from 'vscode';
import { applyAssistantEdit, commitFile, redlineApi } from '../fileHelpers';
import { ROUTES_AFTER_AI, ROUTES_BEFORE } from '../routeFixtures';

/** Resolves with the time at which Redline first reports `ruleId` on `uri`. */
function diagnosticShown(uri: vscode.Uri, ruleId: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { sub.dispose(); reject(new Error('no diagnostic within 15 s')); }, 15000);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const hit = vscode.languages.getDiagnostics(uri).some((d) => d.source === 'Redline' && typeof d.code === 'object' && d.code.value === ruleId);
      if (hit) { clearTimeout(timer); sub.dispose(); resolve(performance.now()); }
    });
  });
}

suite('Benchmark: AI edit to diagnostic shown', () => {
  test('measures the latency over 20 assistant edits after 3 warm-up edits', async () => {
    const api = await redlineApi();
    const samples: number[] = [];
    const engine: number[] = [];
    for (let i = 0; i < 23; i++) {
      const uri = commitFile(`src/routes/bench-${i}.js`, ROUTES_BEFORE);
      await vscode.workspace.openTextDocument(uri);
      const shown = diagnosticShown(uri, 'auth-check-removed');
      const start = performance.now();
      await applyAssistantEdit(uri, ROUTES_AFTER_AI);
      const latency = (await shown) - start;
      if (i < 3) continue;  // warm-up: grammar load, JIT, git
      samples.push(latency);
      engine.push(api.analysisStats(uri).lastMs);
    }
    const debounceMs = vscode.workspace.getConfiguration('redline').get<number>('analysis.debounceMs') ?? 300;
    console.log(`[bench] ${JSON.stringify({ vscode: vscode.version, debounceMs, samples, engine })}`);
    assert.strictEqual(samples.length, 20);
  });
});
