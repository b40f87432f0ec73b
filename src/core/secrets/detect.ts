// The scanning engine: one combined prefilter pass finds lines worth a look; only those lines run
// the per-detector patterns. Private-key blocks are followed across lines.
import type { Confidence, Position } from '../model';
import { maskSecret } from '../text';
import { lineDetectors } from './detectors';
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

const pemHeader = '-----BEGIN';

/**
 * One case-insensitive alternation of literal needles: every substring some detector needs.
 * Irregexp scans literal alternations fast; detectors re-check case on the lines it selects.
 */
const prefilterSource = [...new Set([
  ...lineDetectors.flatMap((d) => d.needles.map((n) => n.toLowerCase())),
  ...genericKeywords,
  pemHeader.toLowerCase(),
])].map(escapeRe).join('|');

/** Lines longer than this are scanned in windows around each prefilter hit. */
const maxSegment = 4096;
const windowBefore = 400;
const windowAfter = 1600;

/** Lower-case needles per detector, computed once. */
const detectorNeedles: readonly (readonly string[])[] = lineDetectors.map((d) => d.needles.map((n) => n.toLowerCase()));

function detectorApplies(i: number, lower: string): boolean {
  const needles = detectorNeedles[i] ?? [];
  for (const n of needles) if (lower.includes(n)) return true;
  return false;
}

function runLineDetectors(seg: string, lower: string, base: number, out: RawSecret[]): void {
  for (let i = 0; i < lineDetectors.length; i++) {
    const d = lineDetectors[i];
    if (!d || !detectorApplies(i, lower)) continue;
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
  const prefilter = new RegExp(prefilterSource, 'gi');
  for (let m = prefilter.exec(text); m; m = prefilter.exec(text)) {
    const at = m.index;
    if (m[0] === pemHeader) { // exact case: a private-key block
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
