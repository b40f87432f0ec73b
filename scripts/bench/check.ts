// `redline check` on a 50-file change in a generated ~100 MB git repository, next to `redline scan` of the
// whole tree, secretlint (preset-recommend) and eslint with eslint-plugin-security on the same changed files.
// The repository is generated once (seeded) under bench/.generated/check-100mb/ (git-ignored) and reused.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Benchmark } from '../bench';
import { runCheck } from '../../src/cli/check/run';
import { fileGrammarLoader } from '../../src/cli/grammars';
import { GuardrailEngine } from '../../src/core/guardrails';
import { percentile } from '../stats';

const GENERATOR_VERSION = 1;
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const benchRepo = path.join(repoRoot, 'bench', '.generated', 'check-100mb');
const bin = path.join(repoRoot, 'out', 'src', 'cli', 'bin.js');
const TARGET_BYTES = 100 * 1024 * 1024;
const FILE_BYTES = 20 * 1024;

/** Small seeded PRNG (mulberry32) so every run generates the same tree. */
function prng(seed: number): { int(lo: number, hi: number): number; pick<T>(items: readonly T[]): T } {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)), pick: (items) => items[Math.floor(next() * items.length)] as never };
}

const NOUNS = ['order', 'invoice', 'customer', 'project', 'report', 'shipment', 'account', 'payment', 'refund', 'ticket', 'comment', 'team'];

type Kind = 'js' | 'py' | 'go' | 'ts';

/** One generated source file of about FILE_BYTES: Express routes, Django views, Go handlers or TS services. */
function sourceFile(kind: Kind, seed: number): string {
  const r = prng(seed);
  const parts: string[] = [];
  let size = 0;
  const push = (s: string): void => { parts.push(s); size += s.length; };
  if (kind === 'js') push("const express = require('express');\nconst { requireAuth, requireRole } = require('../middleware/auth');\nconst db = require('../db');\n\nconst router = express.Router();\n\n");
  if (kind === 'py') push('from django.contrib.auth.decorators import login_required\nfrom django.http import JsonResponse\n\nfrom .models import Record\n\n\n');
  if (kind === 'go') push('package handlers\n\nimport (\n\t"encoding/json"\n\t"net/http"\n)\n\n');
  if (kind === 'ts') push("import { Injectable } from '@nestjs/common';\nimport { Repository } from './repository';\n\n@Injectable()\nexport class Service {\n  constructor(private readonly repo: Repository) {}\n\n");
  for (let i = 0; size < FILE_BYTES; i++) {
    const noun = r.pick(NOUNS);
    const n = r.int(1, 9999);
    if (kind === 'js') push(`router.get('/${noun}s/:id/v${n}', requireAuth, async (req, res) => {\n  const ${noun} = await db.${noun}s.find(req.params.id);\n  if (!${noun}) return res.status(404).end();\n  return res.json({ id: ${noun}.id, total: ${noun}.total * ${r.int(1, 9)} });\n});\n\n`);
    if (kind === 'py') push(`@login_required\ndef ${noun}_detail_${i}(request, pk):\n    record = Record.objects.filter(kind="${noun}", pk=pk).first()\n    if record is None:\n        return JsonResponse({"error": "not found"}, status=404)\n    return JsonResponse({"id": record.pk, "total": record.total * ${r.int(1, 9)}})\n\n\n`);
    if (kind === 'go') push(`func Get${noun[0]?.toUpperCase()}${noun.slice(1)}${i}(w http.ResponseWriter, r *http.Request) {\n\tid := r.URL.Query().Get("id")\n\tif id == "" {\n\t\thttp.Error(w, "missing id", http.StatusBadRequest)\n\t\treturn\n\t}\n\t_ = json.NewEncoder(w).Encode(map[string]any{"id": id, "n": ${n}})\n}\n\n`);
    if (kind === 'ts') push(`  async ${noun}Total${i}(id: string): Promise<number> {\n    const rows = await this.repo.find('${noun}', { id, limit: ${r.int(10, 100)} });\n    return rows.reduce((sum, row) => sum + row.amount, 0);\n  }\n\n`);
  }
  if (kind === 'js') push('module.exports = router;\n');
  if (kind === 'ts') push('}\n');
  return parts.join('');
}

interface TreeFile {
  readonly rel: string;
  readonly kind: Kind;
  readonly seed: number;
}

export function treeFiles(): TreeFile[] {
  const kinds: Kind[] = ['js', 'py', 'go', 'ts'];
  const count = Math.ceil(TARGET_BYTES / FILE_BYTES);
  return Array.from({ length: count }, (_, i) => {
    const kind = kinds[i % kinds.length] as Kind;
    const dir = `services/svc${String(Math.floor(i / 100)).padStart(2, '0')}`;
    return { rel: `${dir}/${kind === 'py' ? 'views' : kind === 'go' ? 'handler' : kind === 'ts' ? 'service' : 'routes'}${i}.${kind}`, kind, seed: 1000 + i };
  });
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, GIT_CEILING_DIRECTORIES: path.dirname(cwd) } });
}

/** Creates (once) the repository with every file committed; returns the files. */
function ensureRepository(log: (line: string) => void): TreeFile[] {
  const files = treeFiles();
  const marker = path.join(benchRepo, '.bench-version');
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === String(GENERATOR_VERSION) && fs.existsSync(path.join(benchRepo, '.git'))) return files;
  fs.rmSync(benchRepo, { recursive: true, force: true });
  fs.mkdirSync(benchRepo, { recursive: true });
  const t0 = Date.now();
  for (const f of files) {
    fs.mkdirSync(path.join(benchRepo, path.dirname(f.rel)), { recursive: true });
    fs.writeFileSync(path.join(benchRepo, f.rel), sourceFile(f.kind, f.seed));
  }
  fs.writeFileSync(path.join(benchRepo, 'package.json'), '{\n  "name": "bench-app",\n  "dependencies": {\n    "express": "^4.19.2"\n  }\n}\n');
  git(benchRepo, '-c', 'init.defaultBranch=main', 'init', '-q');
  if (path.resolve(git(benchRepo, 'rev-parse', '--show-toplevel').trim()) !== fs.realpathSync(benchRepo)) throw new Error('bench repository is not its own git repository');
  git(benchRepo, 'add', '-A');
  git(benchRepo, '-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', 'commit', '-q', '--no-verify', '-m', 'generated tree');
  fs.appendFileSync(path.join(benchRepo, '.git', 'info', 'exclude'), '.bench-version\n');
  fs.writeFileSync(marker, String(GENERATOR_VERSION));
  log(`Generated ${files.length} files (${(TARGET_BYTES / 1e6).toFixed(0)} MB) in ${((Date.now() - t0) / 1000).toFixed(1)} s.\n`);
  return files;
}

/** The 50-file change: dropped guards, a planted token, a new dependency, benign edits and new files. */
export function applyChange(files: readonly TreeFile[]): { changed: string[]; restore: () => void } {
  const js = files.filter((f) => f.kind === 'js').slice(0, 11);
  const py = files.filter((f) => f.kind === 'py').slice(0, 10);
  const benign = files.filter((f) => f.kind === 'go' || f.kind === 'ts').slice(0, 21);
  const token = ['gh', 'p_', 'Hq8Lm2Np5Rs9Tv3Wx7Yz1Bc4Df6Gj0Kk2MnP'].join('');
  const writes = new Map<string, string>();
  js.forEach((f, i) => {
    const text = sourceFile(f.kind, f.seed);
    writes.set(f.rel, i < 10 ? text.replace('requireAuth, async', 'async') : text.replace("const db = require('../db');", `const db = require('../db');\nconst GITHUB_TOKEN = "${token}";`));
  });
  py.forEach((f) => writes.set(f.rel, sourceFile(f.kind, f.seed).replace('@login_required\ndef', 'def')));
  benign.forEach((f) => writes.set(f.rel, sourceFile(f.kind, f.seed).replace(/\n\n/, '\n\n// Reviewed for the 2026 audit.\n\n')));
  for (let i = 0; i < 7; i++) writes.set(`services/new/feature${i}.ts`, sourceFile('ts', 90000 + i));
  writes.set('package.json', '{\n  "name": "bench-app",\n  "dependencies": {\n    "express": "^4.19.2",\n    "expresss": "^1.0.0"\n  }\n}\n');
  for (const [rel, text] of writes) {
    fs.mkdirSync(path.join(benchRepo, path.dirname(rel)), { recursive: true });
    fs.writeFileSync(path.join(benchRepo, rel), text);
  }
  const restore = (): void => {
    for (const f of [...js, ...py, ...benign]) fs.writeFileSync(path.join(benchRepo, f.rel), sourceFile(f.kind, f.seed));
    fs.writeFileSync(path.join(benchRepo, 'package.json'), '{\n  "name": "bench-app",\n  "dependencies": {\n    "express": "^4.19.2"\n  }\n}\n');
    fs.rmSync(path.join(benchRepo, 'services', 'new'), { recursive: true, force: true });
  };
  return { changed: [...writes.keys()], restore };
}

interface Timing {
  readonly samples: number[];
  /** User + system CPU milliseconds per run (less disturbed by other load than wall time). */
  readonly cpu: number[];
  readonly peakMb?: number;
  readonly stdout: string;
  readonly code: number | null;
}

/** Runs a command `runs` times (after one warm-up), pinned to two cores when `taskset` exists. */
function timeCommand(cmd: string, args: readonly string[], runs: number, env: Record<string, string> = {}): Timing {
  const pin = fs.existsSync('/usr/bin/taskset') && os.cpus().length >= 2 ? ['/usr/bin/taskset', '-c', '0,1'] : [];
  const time = fs.existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', '__TIME__ %M %U %S'] : [];
  const full = [...time, ...pin, cmd, ...args];
  const once = (): { ms: number; cpu: number; peakMb?: number; stdout: string; code: number | null } => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(full[0] as string, full.slice(1), { cwd: benchRepo, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, ...env } });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const m = /__TIME__ (\d+) ([\d.]+) ([\d.]+)/.exec(r.stderr ?? '');
    return { ms, cpu: m ? (Number(m[2]) + Number(m[3])) * 1000 : ms, ...(m ? { peakMb: Number(m[1]) / 1024 } : {}), stdout: r.stdout ?? '', code: r.status };
  };
  once();
  const results = Array.from({ length: runs }, once);
  const last = results[results.length - 1];
  return { samples: results.map((x) => x.ms), cpu: results.map((x) => x.cpu), ...(last?.peakMb !== undefined ? { peakMb: Math.max(...results.map((x) => x.peakMb ?? 0)) } : {}), stdout: last?.stdout ?? '', code: last?.code ?? null };
}

function row(log: (line: string) => void, tool: string, what: string, t: Timing, reference: number | undefined, note: string): void {
  const p50 = percentile(t.samples, 50);
  const ratio = reference === undefined ? '1.0×' : `${(p50 / reference).toFixed(1)}×`;
  log(`| ${tool} | ${what} | ${(p50 / 1000).toFixed(2)} s | ${(Math.min(...t.samples) / 1000).toFixed(2)} s | ${(percentile(t.cpu, 50) / 1000).toFixed(2)} s | ${t.peakMb !== undefined ? `${t.peakMb.toFixed(0)} MB` : 'n/a'} | ${ratio} | ${note} |`);
}

/** Picked up by `npm run bench` (`npm run bench -- check`). */
export const benchmark: Benchmark = {
  name: 'check',
  async run(log) {
    const files = ensureRepository(log);
    const bytes = files.length * FILE_BYTES;
    const { changed, restore } = applyChange(files);
    try {
      const runs = Number(process.env.REDLINE_BENCH_CHECK_RUNS ?? 5);
      log(`Repository: ${files.length} committed files, ${(bytes / 1e6).toFixed(0)} MB; change: ${changed.length} files (20 with a dropped auth guard, 1 planted token, 1 new dependency, 21 benign edits, 7 new files). ${os.cpus().length} cores; CLI runs pinned to 2 cores with taskset; median (p50) of ${runs} runs after a warm-up.\n`);
      const check = timeCommand(process.execPath, [bin, 'check', '--format', 'json', '--fail-on', 'never'], runs);
      const checkOneThread = timeCommand(process.execPath, [bin, 'check', '--format', 'json', '--fail-on', 'never'], runs, { REDLINE_CHECK_WORKERS: '0' });
      const checkWorker = timeCommand(process.execPath, [bin, 'check', '--format', 'json', '--fail-on', 'never'], runs, { REDLINE_CHECK_WORKERS: '1' });
      const report = JSON.parse(check.stdout || '{}') as { findings?: { ruleId: string }[]; files?: unknown[] };
      const byRule = new Map<string, number>();
      for (const f of report.findings ?? []) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
      const reference = percentile(check.samples, 50);

      const engineSamples: number[] = [];
      const engineCpu: number[] = [];
      const engine = new GuardrailEngine(fileGrammarLoader());
      await runCheck({ cwd: benchRepo, engine, workers: 0 });
      for (let i = 0; i < runs; i++) {
        const t0 = process.hrtime.bigint();
        const c0 = process.cpuUsage();
        await runCheck({ cwd: benchRepo, engine, workers: 0 });
        const used = process.cpuUsage(c0);
        engineSamples.push(Number(process.hrtime.bigint() - t0) / 1e6);
        engineCpu.push((used.user + used.system) / 1000);
      }

      const rc = path.join(os.tmpdir(), 'redline-bench-check-secretlintrc.json');
      fs.writeFileSync(rc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
      const secretlint = timeCommand(process.execPath, [path.join(repoRoot, 'node_modules', 'secretlint', 'bin', 'secretlint.js'), ...changed, '--secretlintrc', rc, '--format', 'compact', '--no-color'], runs);
      const eslintConfig = path.join(os.tmpdir(), 'redline-bench-eslint.config.cjs');
      fs.writeFileSync(eslintConfig, `module.exports = [require(${JSON.stringify(path.join(repoRoot, 'node_modules', 'eslint-plugin-security'))}).configs.recommended];\n`);
      const jsFiles = changed.filter((f) => f.endsWith('.js'));
      const eslint = timeCommand(process.execPath, [path.join(repoRoot, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--no-config-lookup', '--config', eslintConfig, '--format', 'compact', '--no-warn-ignored', ...jsFiles], runs);
      const scan = timeCommand(process.execPath, [bin, 'scan', '.', '--format', 'json'], Math.min(runs, 2));

      log('| tool | what | p50 wall | best wall | p50 CPU | peak RSS | wall vs `redline check` | notes |');
      log('| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |');
      row(log, '`redline check`', `${changed.length} changed files vs HEAD`, check, undefined, `${report.findings?.length ?? 0} findings: ${[...byRule].map(([id, n]) => `${id} ${n}`).join(', ')}; Node start-up and grammar loading included; default worker choice (none when the load average exceeds the core count, else up to 3)`);
      row(log, '`redline check`, one thread', 'same, `REDLINE_CHECK_WORKERS=0`', checkOneThread, reference, 'everything on the main thread');
      row(log, '`redline check`, one worker', 'same, `REDLINE_CHECK_WORKERS=1`', checkWorker, reference, 'half the files on a worker thread');
      row(log, '`runCheck` in-process, one thread (warm)', 'same change, engine and grammars loaded', { samples: engineSamples, cpu: engineCpu, stdout: '', code: 0 }, reference, 'what the editor command costs after the first run');
      row(log, 'secretlint 11.7.1 (preset-recommend)', `the same ${changed.length} files, whole content`, secretlint, reference, `${secretlint.stdout.split('\n').filter((l) => /: line \d+, col \d+/.test(l)).length} findings; secrets only`);
      row(log, 'eslint 9 + eslint-plugin-security 4.1.0', `the ${jsFiles.length} changed .js files`, eslint, reference, `${eslint.stdout.split('\n').filter((l) => /: line \d+, col \d+/.test(l)).length} findings; judges the new code alone, so a dropped guard is invisible to it`);
      row(log, '`redline scan`', `the whole tree (${(bytes / 1e6).toFixed(0)} MB)`, scan, reference, 'secrets and hidden Unicode in every file');
      log('');
      const p50 = percentile(check.samples, 50);
      const cpu = percentile(check.cpu, 50);
      log(`Load average while measuring: ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} on ${os.cpus().length} cores (other work on the machine inflates wall times; CPU time is the steadier figure).`);
      const single = percentile(checkOneThread.cpu, 50);
      const pooled = percentile(checkWorker.cpu, 50);
      log(`Target: \`redline check\` on a 50-file change under 2 s on 2 cores: ${p50 < 2000 ? 'met' : 'not met'} in wall time here (${(p50 / 1000).toFixed(2)} s by default; ${(percentile(checkOneThread.samples, 50) / 1000).toFixed(2)} s on one thread, ${(percentile(checkWorker.samples, 50) / 1000).toFixed(2)} s with one worker). CPU time: ${(single / 1000).toFixed(2)} s on one thread (${(cpu / 1000).toFixed(2)} s by default), ${(pooled / 1000).toFixed(2)} s with the worker (its own start-up and grammars cost the difference). On an idle machine the one-thread wall time is about its CPU time, and a worker splits the per-file work over the cores; with a load average above the core count, wall times here mostly measure waiting.`);
    } finally {
      restore();
    }
  },
};
