// Guardrail engine latency: grammar load per language, then analyzeEdit p50/p95/p99 for a 100-line
// edit and a 1-line edit in a generated 5,000-line file, after warm-up. Each sample's new text is
// different (no cache hit on the edited version); the baseline stays the same, as in the editor.
import * as os from 'node:os';
import { performance } from 'node:perf_hooks';
import { GuardrailEngine } from '../../src/core/guardrails';
import { nodeModulesLoader } from '../eval/guardrails';
import type { Benchmark } from '../bench';
import { ms, percentile } from '../stats';

type Unit = (i: number) => string[];

/** One ~10-line handler per language, with a guard in it, so rules have something to look at. */
const UNITS: Readonly<Record<string, { unit: Unit; head: string[]; tail: string[] }>> = {
  javascript: {
    head: ["const express = require('express');", "const { requireAuth } = require('./auth');", 'const router = express.Router();', ''],
    unit: (i) => [`router.post('/items/${i}', requireAuth, async (req, res) => {`, `  const item = await db.items.find(req.params.id, ${i});`, '  if (item.ownerId !== req.user.id) {', "    return res.status(403).send('Forbidden');", '  }', `  await db.query('UPDATE items SET n = $1 WHERE id = $2', [${i}, item.id]);`, '  res.json(item);', '});', ''],
    tail: ['module.exports = router;'],
  },
  typescript: {
    head: ["import { Router, type Request, type Response } from 'express';", "import { requireAuth } from './auth';", 'export const router = Router();', ''],
    unit: (i) => [`router.post('/items/${i}', requireAuth, async (req: Request, res: Response) => {`, `  const item = await db.items.find(req.params.id, ${i});`, '  if (item.ownerId !== req.user!.id) {', "    return res.status(403).send('Forbidden');", '  }', `  await db.query('UPDATE items SET n = $1 WHERE id = $2', [${i}, item.id]);`, '  res.json(item);', '});', ''],
    tail: [],
  },
  typescriptreact: {
    head: ["import DOMPurify from 'dompurify';", "import * as React from 'react';", ''],
    unit: (i) => [`export function Note${i}({ note }: { note: { html: string; title: string } }) {`, '  const [open, setOpen] = React.useState(false);', '  return (', `    <section className="note-${i}" onClick={() => setOpen(!open)}>`, '      <h2>{note.title}</h2>', '      <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(note.html) }} />', '    </section>', '  );', '}', ''],
    tail: [],
  },
  python: {
    head: ['from flask import Flask, abort, jsonify, request', 'from flask_login import current_user, login_required', '', 'app = Flask(__name__)', '', ''],
    unit: (i) => [`@app.route("/items/${i}", methods=["POST"])`, '@login_required', `def update_item_${i}(item_id):`, '    item = db.items.get(item_id)', '    if item.owner_id != current_user.id:', '        abort(403)', `    db.execute("UPDATE items SET n = ? WHERE id = ?", (${i}, item.id))`, '    return jsonify(item.to_dict())', '', ''],
    tail: [],
  },
  go: {
    head: ['package items', '', 'import (', '\t"net/http"', ')', ''],
    unit: (i) => [`func (s *Server) updateItem${i}(w http.ResponseWriter, r *http.Request) {`, '\titem, err := s.store.Find(r.Context(), r.PathValue("id"))', '\tif err != nil || item.OwnerID != userID(r) {', '\t\thttp.Error(w, "forbidden", http.StatusForbidden)', '\t\treturn', '\t}', `\t_, err = s.db.ExecContext(r.Context(), "UPDATE items SET n = $1 WHERE id = $2", ${i}, item.ID)`, '\twriteJSON(w, item, err)', '}', ''],
    tail: [],
  },
  java: {
    head: ['package items;', '', '@RestController', '@RequestMapping("/items")', 'public class ItemController {', ''],
    unit: (i) => ['    @PreAuthorize("hasRole(\'USER\')")', `    @PostMapping("/${i}")`, `    public Item update${i}(@PathVariable long id, @Valid @RequestBody ItemUpdate body) {`, '        Item item = items.find(id);', '        if (!item.getOwnerId().equals(currentUser().getId())) {', '            throw new AccessDeniedException("not yours");', '        }', `        return items.save(item.withCount(${i}));`, '    }', ''],
    tail: ['}'],
  },
};

function generate(languageId: string, lineCount: number): string[] {
  const spec = UNITS[languageId];
  if (!spec) return [];
  const lines = [...spec.head];
  // Whole units only, so the file parses; then blank lines up to the exact count.
  for (let i = 0; lines.length + spec.unit(i).length <= lineCount - spec.tail.length; i++) lines.push(...spec.unit(i));
  while (lines.length < lineCount - spec.tail.length) lines.push('');
  return [...lines, ...spec.tail];
}

/** Rewrites `count` lines starting at the middle of the file: renames and a changed literal, as an AI edit would. */
function edited(base: readonly string[], count: number, sample: number): string {
  // Start in the middle, on a line the rewrite really changes (one with a number in it).
  let start = Math.floor(base.length / 2);
  while (start < base.length - 1 && !/\d/.test(base[start] ?? '')) start++;
  const out = [...base];
  for (let i = start; i < start + count && i < out.length; i++) {
    out[i] = (out[i] ?? '').replace(/item/g, 'entry').replace(/\b(\d+)\b/, (m) => String(Number(m) + 100_000 + sample));
  }
  return `${out.join('\n')}\n`;
}

interface Row {
  language: string;
  load: number;
  p: Record<string, [number, number, number]>;
  findings: number;
}

function sampleEdit(engine: GuardrailEngine, languageId: string, before: string, base: readonly string[], count: number, warmup: number, runs: number): { p: [number, number, number]; findings: number } {
  for (let s = 0; s < warmup; s++) engine.analyzeEdit({ before, after: edited(base, count, 10_000 + s), languageId });
  const times: number[] = [];
  let findings = 0;
  for (let s = 0; s < runs; s++) {
    const after = edited(base, count, s);
    const t = performance.now();
    const result = engine.analyzeEdit({ before, after, languageId });
    times.push(performance.now() - t);
    findings += result.findings.length;
  }
  return { p: [percentile(times, 50), percentile(times, 95), percentile(times, 99)], findings };
}

export const benchmark: Benchmark = {
  name: 'guardrails',
  async run(log) {
    const rows: Row[] = [];
    const runs = Number(process.env.REDLINE_BENCH_RUNS ?? 200);
    const only = (process.env.REDLINE_BENCH_LANGUAGES ?? '').split(',').filter(Boolean);
    const loadBefore = os.loadavg()[0] ?? 0;
    for (const languageId of Object.keys(UNITS).filter((l) => only.length === 0 || only.includes(l))) {
      const engine = new GuardrailEngine(nodeModulesLoader());
      const t0 = performance.now();
      await engine.ensureLanguage(languageId);
      const load = performance.now() - t0;
      const base = generate(languageId, 5000);
      const before = `${base.join('\n')}\n`;
      engine.analyzeEdit({ before, after: edited(base, 1, -1), languageId });
      const hundred = sampleEdit(engine, languageId, before, base, 100, 30, runs);
      const one = sampleEdit(engine, languageId, before, base, 1, 30, runs);
      // Peer: the same 100-line edit with nothing cached (full parse of both versions each time).
      const coldTimes: number[] = [];
      for (let s = 0; s < 20; s++) {
        const cold = new GuardrailEngine(nodeModulesLoader());
        await cold.ensureLanguage(languageId);
        const t = performance.now();
        cold.analyzeEdit({ before, after: edited(base, 100, s), languageId });
        coldTimes.push(performance.now() - t);
      }
      rows.push({ language: languageId, load, p: { '100-line': hundred.p, '1-line': one.p, 'cold 100-line': [percentile(coldTimes, 50), percentile(coldTimes, 95), percentile(coldTimes, 99)] }, findings: hundred.findings + one.findings });
    }
    log(`5,000-line generated file per language; ${runs} samples per edit size after 30 warm-up runs; the edited text differs on every sample.`);
    log('"cold" is the peer run side by side: a fresh engine per sample, so both versions are parsed in full (what a linter without a baseline cache pays).');
    log('Grammar load of the first language includes the tree-sitter runtime.');
    log(`Machine load average (1 min) at start / end: ${loadBefore.toFixed(1)} / ${(os.loadavg()[0] ?? 0).toFixed(1)} on ${os.cpus().length} CPUs; figures taken under load overstate latency.`);
    log('');
    log('| language | grammar load | 100-line p50 | p95 | p99 | 1-line p50 | p95 | p99 | cold 100-line p50 | cold / warm p50 | findings |');
    log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of rows) {
      const h = r.p['100-line'] as [number, number, number];
      const o = r.p['1-line'] as [number, number, number];
      const c = r.p['cold 100-line'] as [number, number, number];
      log(`| ${r.language} | ${ms(r.load)} | ${ms(h[0])} | ${ms(h[1])} | ${ms(h[2])} | ${ms(o[0])} | ${ms(o[1])} | ${ms(o[2])} | ${ms(c[0])} | ${(c[0] / h[0]).toFixed(1)}× | ${r.findings} |`);
    }
    const worst = Math.max(...rows.map((r) => (r.p['100-line'] as number[])[1] ?? 0));
    log('');
    log(`Target: p95 ≤ 5 ms for the 100-line edit. Worst language p95: ${ms(worst)} (${worst <= 5 ? 'met' : 'not met'}).`);
  },
};
