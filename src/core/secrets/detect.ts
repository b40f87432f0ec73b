// The scanning engine: one combined prefilter pass finds the needles detectors need; each hit runs
// only its own detectors on a small window around it. Private-key blocks are followed across lines.
import type { Confidence, Position } from '../model';
import { lineDetectors, type LineDetector } from './detectors';
import { configPath, genericAt, genericKeywords } from './generic';
import { isPlaceholder, isTestPath } from './plausibility';

/** A raw hit before positions are computed: offsets into the scanned text. */
export interface RawSecret {
  readonly detector: string;
  readonly title: string;
  readonly start: number;
  readonly end: number;
  readonly confidence: Confidence;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const pemHeader = '-----BEGIN';
/** Needle (lower case) → provider detectors; a needle shared by several detectors runs them all. */
const handlers = new Map<string, LineDetector[]>();
for (const d of lineDetectors) {
  for (const n of d.needles) handlers.set(n.toLowerCase(), [...(handlers.get(n.toLowerCase()) ?? []), d]);
}
/** Detectors whose needle is also a generic keyword (`secret`): they run on generic hits too. */
const keywordDetectors = new Map<string, LineDetector[]>(genericKeywords.map((k) => [k, handlers.get(k) ?? []]));
for (const k of genericKeywords) handlers.delete(k);

/**
 * One case-insensitive pass finds every needle: provider prefixes as literals (longest first, so
 * `sk-ant-` wins over `sk-`), and generic keywords only when an identifier containing them is
 * followed by an assignment operator (group 1 is the keyword). Each hit then runs only its own
 * detectors on a small window around it, so cost stays linear even on long minified lines.
 */
const prefilterSource = [
  ...[...handlers.keys(), pemHeader.toLowerCase()].sort((a, b) => b.length - a.length).map(escapeRe),
  `(${genericKeywords.map(escapeRe).join('|')})[\\w.-]{0,60}["'\\]]?[ \\t]{0,5}[:=]`,
].join('|');

/** The window `[at - before, at + after)` cut at line breaks, found without scanning whole long lines. */
function lineBounds(text: string, at: number, before: number, after: number): [number, number] {
  const s0 = Math.max(0, at - before);
  const nl = s0 < at ? text.slice(s0, at).lastIndexOf('\n') : -1;
  const s = nl >= 0 ? s0 + nl + 1 : s0;
  const e0 = Math.min(text.length, at + after);
  const next = text.slice(at, e0).indexOf('\n');
  return [s, next >= 0 ? at + next : e0];
}

/** Sticky copies of anchored detectors' patterns. */
const sticky = new Map<LineDetector, RegExp>(lineDetectors.filter((d) => d.anchored).map((d) => [d, new RegExp(d.pattern.source, d.pattern.flags.replace('g', '') + 'y')]));

function push(d: LineDetector, m: RegExpExecArray, base: number, context: string, out: RawSecret[]): void {
  let g = 1;
  while (g < m.length && m[g] === undefined) g++;
  const value = m[g];
  if (value === undefined) return;
  if (d.accept && !d.accept(value, context)) return;
  const start = base + m.index + m[0].lastIndexOf(value);
  out.push({ detector: d.id, title: d.title, start, end: start + value.length, confidence: d.confidence });
}

function runDetector(d: LineDetector, text: string, at: number, out: RawSecret[]): void {
  const anchored = sticky.get(d);
  if (anchored) {
    anchored.lastIndex = at;
    const m = anchored.exec(text);
    if (m) push(d, m, 0, m[0], out);
    return;
  }
  const [ws, we] = lineBounds(text, at, d.before ?? 2, d.after ?? 200);
  const seg = text.slice(ws, we);
  d.pattern.lastIndex = 0;
  for (let m = d.pattern.exec(seg); m; m = d.pattern.exec(seg)) push(d, m, ws, seg, out);
}

const pemOpen = /-----BEGIN ((?:[A-Z0-9]+ ){0,3})PRIVATE KEY(?: BLOCK)?-----/y;

/** Follows a private-key block from its header at `at`; returns the body's bounds and where the block ends. */
function scanPem(text: string, at: number): { hit?: RawSecret; resume: number } {
  pemOpen.lastIndex = at;
  const open = pemOpen.exec(text);
  if (!open) return { resume: at + pemHeader.length };
  const bodyStart = at + open[0].length;
  const close = text.indexOf('-----END', bodyStart);
  if (close < 0 || close - bodyStart > 20000) return { resume: bodyStart };
  const raw = text.slice(bodyStart, close);
  const body = raw.replace(/\\r|\\n|\\\\n|[\s"'+,]|\\/g, '');
  const resume = close + 8;
  // Skip headers such as "Proc-Type:" in encrypted PEM before judging the body.
  const b64 = body.replace(/^(?:[A-Za-z-]+:[^:]*?(?=[A-Za-z0-9+/]{40}))+/, '');
  if (b64.length < 64 || !/^[A-Za-z0-9+/=]+$/.test(b64.slice(0, 64)) || isPlaceholder(b64.slice(0, 64))) return { resume };
  let s = bodyStart;
  for (;;) {
    if (/[\s"'+,]/.test(text[s] ?? '')) s++;
    else if (text.startsWith('\\n', s) || text.startsWith('\\r', s)) s += 2;
    else break;
  }
  let e = close;
  for (;;) {
    if (e > s && /[\s"'+,]/.test(text[e - 1] ?? '')) e--;
    else if (e - 2 > s && (text.startsWith('\\n', e - 2) || text.startsWith('\\r', e - 2))) e -= 2;
    else break;
  }
  const json = /"private_key"\s*:\s*"$/.test(text.slice(Math.max(0, at - 40), at));
  return {
    resume,
    hit: json
      ? { detector: 'gcp-service-account', title: 'Google service-account private key', start: s, end: e, confidence: 'high' }
      : { detector: 'private-key', title: 'Private key', start: s, end: e, confidence: 'high' },
  };
}

/** Removes overlaps, keeping the earlier and more specific detector. */
function resolveOverlaps(hits: RawSecret[]): RawSecret[] {
  hits.sort((a, b) => a.start - b.start || (a.detector === 'generic-secret' ? 1 : 0) - (b.detector === 'generic-secret' ? 1 : 0) || b.end - a.end);
  const kept: RawSecret[] = [];
  for (const h of hits) {
    const last = kept[kept.length - 1];
    if (last && h.start < last.end) {
      if (last.detector === 'generic-secret' && h.detector !== 'generic-secret') kept[kept.length - 1] = h;
      continue;
    }
    kept.push(h);
  }
  return kept;
}

/** Scans `text` and returns raw hits (offsets only). `path` tunes config-file and test-path handling. */
export function scanText(text: string, path?: string): RawSecret[] {
  const hits: RawSecret[] = [];
  const testPath = isTestPath(path);
  const config = configPath(path);
  const prefilter = new RegExp(prefilterSource, 'gi');
  for (let m = prefilter.exec(text); m; m = prefilter.exec(text)) {
    const at = m.index;
    const needle = m[0];
    if (needle === pemHeader) { // exact case: a private-key block
      const { hit, resume } = scanPem(text, at);
      if (hit) hits.push(hit);
      prefilter.lastIndex = Math.max(at + 1, resume);
      continue;
    }
    let resume = at + needle.length;
    const keyword = m[1];
    if (keyword === undefined) {
      for (const d of handlers.get(needle.toLowerCase()) ?? []) runDetector(d, text, at, hits);
    } else {
      resume = at + keyword.length;
      for (const d of keywordDetectors.get(keyword.toLowerCase()) ?? []) runDetector(d, text, at, hits);
      if (!testPath) {
        const g = genericAt(text, at, config);
        if (g.hit) hits.push({ detector: 'generic-secret', title: g.hit.strong ? 'Password' : 'Secret assignment', start: g.hit.start, end: g.hit.end, confidence: 'medium' });
        // Skip the rest of the identifier, not its value: the value may hold a provider token.
        resume = Math.max(resume, Math.min(g.resume, g.hit ? g.hit.start : g.resume));
      }
    }
    prefilter.lastIndex = resume;
  }
  if (hits.length === 0) return hits;
  const unique = new Map<string, RawSecret>();
  for (const h of hits) unique.set(`${h.start}:${h.end}:${h.detector}`, testPath && h.confidence !== 'low' ? { ...h, confidence: 'low' } : h);
  return resolveOverlaps([...unique.values()]);
}

/**
 * Zero-based line/character positions of ascending `offsets`, found by walking line breaks from
 * one offset to the next (cheaper than indexing every line of a large text for a few hits).
 */
export function positionsOf(text: string, offsets: readonly number[]): Position[] {
  const out: Position[] = [];
  let line = 0;
  let lineStart = 0;
  for (const offset of offsets) {
    if (offset < lineStart) {
      line = 0;
      lineStart = 0;
    }
    for (let nl = text.indexOf('\n', lineStart); nl >= 0 && nl < offset; nl = text.indexOf('\n', lineStart)) {
      line++;
      lineStart = nl + 1;
    }
    out.push({ line, character: offset - lineStart });
  }
  return out;
}
