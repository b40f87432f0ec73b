// Time from an AI edit to the diagnostic shown, measured inside real VS Code (code-server driver).
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { Benchmark } from '../bench';
import { ms, percentile } from '../stats';

interface LatencyReport {
  vscode: string;
  debounceMs: number;
  samples: number[];
  engine: number[];
}

export const benchmark: Benchmark = {
  name: 'editor-latency',
  async run(log) {
    const root = path.resolve(__dirname, '..', '..', '..');
    const driver = path.join(root, 'test', 'integration', 'runner', 'run-in-code-server.mjs');
    const result = spawnSync(process.execPath, [driver, '--only', 'bench', '--versions', '4.100.3'], {
      cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, CODE_SERVER_CACHE: process.env.CODE_SERVER_CACHE ?? path.join(process.env.HOME ?? root, '.cache', 'code-server-for-tests') },
    });
    const line = result.stdout.split('\n').find((l) => l.startsWith('[bench] '));
    if (!line) {
      log(`The VS Code harness did not report (exit ${result.status}); needs chromium and code-server (see README).`);
      return;
    }
    const r = JSON.parse(line.slice('[bench] '.length)) as LatencyReport;
    log(`Real VS Code ${r.vscode} (code-server + headless Chromium), 20 assistant WorkspaceEdits that drop \`requireAuth\`, debounce ${r.debounceMs} ms.`);
    log('');
    log('| measure | p50 | p95 | max |');
    log('| --- | ---: | ---: | ---: |');
    log(`| AI edit → diagnostic shown | ${ms(percentile(r.samples, 50))} | ${ms(percentile(r.samples, 95))} | ${ms(Math.max(...r.samples))} |`);
    log(`| of which engine (analyzeEdit) | ${ms(percentile(r.engine, 50))} | ${ms(percentile(r.engine, 95))} | ${ms(Math.max(...r.engine))} |`);
    log(`| latency minus debounce | ${ms(percentile(r.samples, 50) - r.debounceMs)} | ${ms(percentile(r.samples, 95) - r.debounceMs)} | |`);
  },
};
