// The scanning engine: one combined prefilter pass finds lines worth a look; only those lines run
// the per-detector patterns. Private-key blocks are followed across lines.
import type { Confidence } from '../model';
import { LineIndex, maskSecret } from '../text';
import { lineDetectors, type LineDetector } from './detectors';
import { detectGeneric, genericKeywords } from './generic';
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
const anyCase = (s: string): string => [...s].map((c) => /[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : escapeRe(c)).join('');

const pemHeader = '-----BEGIN';

/** One regex that matches any substring some detector needs; built once. */
const prefilterSource = [...new Set([
  ...lineDetectors.flatMap((d) => d.needles.map((n) => d.caseInsensitive ? anyCase(n) : escapeRe(n))),
  ...genericKeywords.map(anyCase),
  escapeRe(pemHeader),
])].join('|');

/** Lines longer than this are scanned in windows around each prefilter hit. */
const maxSegment = 4096;
const windowBefore = 400;
const windowAfter = 1600;

function detectorApplies(d: LineDetector, seg: string, lower: string): boolean {
  const hay = d.caseInsensitive ? lower : seg;
  return d.needles.some((n) => hay.includes(d.caseInsensitive ? n.toLowerCase() : n));
}

function runLineDetectors(seg: string, lower: string, base: number, out: RawSecret[]): void {
  for (const d of lineDetectors) {
    if (!detectorApplies(d, seg, lower)) continue;
    d.pattern.lastIndex = 0;
    for (let m = d.pattern.exec(seg); m; m = d.pattern.exec(seg)) {
      let g = 1;
      while (g < m.length && m[g] === undefined) g++;
      const value = m[g];
      if (value === undefined) continue;
      const start = m.index + m[0].lastIndexOf(value);
      if (d.accept && !d.accept(value, seg)) continue;
      out.push({ detector: d.id, title: d.title, start: base + start, end: base + start + value.length, confidence: d.confidence });
    }
  }
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
  const prefilter = new RegExp(prefilterSource, 'g');
  for (let m = prefilter.exec(text); m; m = prefilter.exec(text)) {
    const at = m.index;
    if (m[0] === pemHeader) {
      const { hit, resume } = scanPem(text, at);
      if (hit) hits.push(hit);
      prefilter.lastIndex = resume;
      continue;
    }
    let lineStart = text.lastIndexOf('\n', at) + 1;
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd < 0) lineEnd = text.length;
    let next = lineEnd;
    if (lineEnd - lineStart > maxSegment) {
      lineStart = Math.max(lineStart, at - windowBefore);
      if (lineEnd > at + windowAfter) {
        lineEnd = at + windowAfter;
        next = Math.max(at + 1, lineEnd - windowBefore);
      }
    }
    const seg = text.slice(lineStart, lineEnd);
    const lower = seg.toLowerCase();
    for (let p = seg.indexOf(pemHeader); p >= 0; p = seg.indexOf(pemHeader, p + 1)) {
      const { hit, resume } = scanPem(text, lineStart + p);
      if (hit) hits.push(hit);
      next = Math.max(next, resume);
      if (resume > lineEnd) break;
    }
    runLineDetectors(seg, lower, lineStart, hits);
    if (!testPath) {
      for (const g of detectGeneric(seg, lower, path)) {
        hits.push({ detector: 'generic-secret', title: g.strong ? 'Password' : 'Secret assignment', start: lineStart + g.start, end: lineStart + g.end, confidence: 'medium' });
      }
    }
    prefilter.lastIndex = Math.max(at + 1, next);
  }
  const unique = new Map<string, RawSecret>();
  for (const h of hits) unique.set(`${h.start}:${h.end}:${h.detector}`, testPath && h.confidence !== 'low' ? { ...h, confidence: 'low' } : h);
  return resolveOverlaps([...unique.values()]);
}

/** Masked form of the value at `start..end` of `text`. */
export function maskAt(text: string, start: number, end: number): string {
  return maskSecret(text.slice(start, end));
}

/** Positions for a list of raw hits, computed once per text. */
export function withIndex(text: string): LineIndex {
  return new LineIndex(text);
}
