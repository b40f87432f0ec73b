// Public API of the secrets detector: find credentials in text, mask them, redact them.
import type { Confidence, TextRange } from '../model';
import { maskSecret } from '../text';
import { positionsOf, scanText, type RawSecret } from './detect';
import type { Position } from '../model';
import { lineDetectors } from './detectors';

export { isPlaceholder, isReference, isTestPath, shannonEntropy } from './plausibility';

/** One credential found in a text. Never carries the secret value itself. */
export interface SecretMatch {
  /** Detector id, e.g. `github-token`, `private-key`, `generic-secret` (see `secretDetectors`). */
  readonly detector: string;
  /** Human name of what was found, e.g. "GitHub token". */
  readonly title: string;
  /** Where the secret value sits in the text. */
  readonly range: TextRange;
  /** The value masked by `maskSecret`: first 4 characters and `…`. */
  readonly masked: string;
  readonly confidence: Confidence;
  /** UTF-16 offset of the value in the scanned text: for redaction only, never for display. */
  readonly offset: number;
  /** UTF-16 length of the value: for redaction only. */
  readonly length: number;
}

/** Options for `detectSecrets`. */
export interface DetectOptions {
  /**
   * Workspace-relative path of the text, if any: config files (`.env`, YAML, properties) accept
   * unquoted values; test and fixture paths skip generic assignments and lower the confidence.
   */
  readonly path?: string;
}

/** Every detector id with its title, for docs, settings and the eval. */
export const secretDetectors: readonly { readonly id: string; readonly title: string }[] = [
  ...lineDetectors.map((d) => ({ id: d.id, title: d.title })),
  { id: 'private-key', title: 'Private key' },
  { id: 'gcp-service-account', title: 'Google service-account private key' },
  { id: 'generic-secret', title: 'Secret assignment' },
];

/**
 * Finds credentials in `text`: provider formats, private-key blocks, JWTs, database URLs with
 * passwords and generic `password = "..."` assignments. Placeholders, documented examples and
 * references to environment variables are not reported. Linear in the size of the text.
 */
export function detectSecrets(text: string, options: DetectOptions = {}): SecretMatch[] {
  const raw = scanText(text, options.path);
  if (raw.length === 0) return [];
  const starts = positionsOf(text, raw.map((r) => r.start));
  return raw.map((r, i) => ({
    detector: r.detector,
    title: r.title,
    range: { start: starts[i] ?? { line: 0, character: 0 }, end: endOf(text, r, starts[i]) },
    masked: maskSecret(text.slice(r.start, r.end)),
    confidence: r.confidence,
    offset: r.start,
    length: r.end - r.start,
  }));
}

/** End position of a hit, walking from its start (values may span lines, e.g. key blocks). */
function endOf(text: string, r: RawSecret, start: Position | undefined): Position {
  const from = start ?? { line: 0, character: 0 };
  const [end] = positionsOf(text.slice(r.start - from.character, r.end), [r.end - r.start + from.character]);
  return end ? { line: from.line + end.line, character: end.character } : from;
}

/** `text` with every secret replaced by its masked form (for "Copy redacted" and logs). */
export function redactSecrets(text: string, options: DetectOptions = {}): string {
  const raw = scanText(text, options.path);
  if (raw.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const r of raw) {
    parts.push(text.slice(at, r.start), maskSecret(text.slice(r.start, r.end)));
    at = r.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
