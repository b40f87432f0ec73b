// Finds a finding again from the arguments a command, code action or link carries.
import * as vscode from 'vscode';
import type { Finding } from '../core/model';
import type { FileReview, ReviewStore } from './reviewStore';

/** What a command argument identifies: a file and one finding in it. */
export interface FindingRef {
  readonly uri: string;
  readonly fingerprint?: string;
  readonly ruleId: string;
  /** Document version the finding was computed for, to refuse stale fixes. */
  readonly version?: number;
}

export function refOf(uri: vscode.Uri, f: Finding, version: number | undefined): FindingRef {
  return { uri: uri.toString(), ruleId: f.ruleId, ...(f.fingerprint ? { fingerprint: f.fingerprint } : {}), ...(version !== undefined ? { version } : {}) };
}

export function resolveRef(store: ReviewStore, ref: FindingRef): { review: FileReview; finding: Finding } | undefined {
  const review = store.get(vscode.Uri.parse(ref.uri));
  const finding = review?.findings.find((f) => f.ruleId === ref.ruleId && (ref.fingerprint === undefined || f.fingerprint === ref.fingerprint));
  return review && finding ? { review, finding } : undefined;
}

/** A `command:` link for Markdown (hovers), with JSON-encoded arguments. */
export function commandLink(command: string, ...args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}
