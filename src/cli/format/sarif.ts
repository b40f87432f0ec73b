// `redline check --format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RuleMeta, Severity } from '../../core/model';
import { allRuleMetas } from '../../core/rules';
import type { CheckFinding, CheckResult } from '../check/run';
import { hashedFingerprint, ruleHelpUri } from './common';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };
/** GitHub's `security-severity` (0–10) per default severity, so alerts get a security severity. */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.5', info: '3.0' };

/** Key of the partial fingerprint Redline writes (versioned, so a new scheme can be added later). */
export const FINGERPRINT_KEY = 'redlineFindingHash/v1';

/** `Auth check removed` for `auth-check-removed`: SARIF rule names are PascalCase. */
function ruleName(id: string): string {
  return id.split('-').map((w) => (w ? w[0]?.toUpperCase() + w.slice(1) : w)).join('');
}

function rule(meta: RuleMeta): Record<string, unknown> {
  const references = [...meta.cwe, ...meta.owasp].join(', ');
  return {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.description },
    helpUri: ruleHelpUri(meta.id),
    help: {
      text: `${meta.description}${references ? ` (${references})` : ''} See ${ruleHelpUri(meta.id)}`,
      markdown: `${meta.description}${references ? `\n\nReferences: ${references}.` : ''}\n\n[What happened, why it matters, how to fix](${ruleHelpUri(meta.id)})`,
    },
    defaultConfiguration: { level: LEVEL[meta.defaultSeverity] },
    properties: {
      tags: ['security', meta.family, ...meta.cwe.map((c) => `external/cwe/${c.toLowerCase()}`)],
      'security-severity': SECURITY_SEVERITY[meta.defaultSeverity],
      precision: 'high',
    },
  };
}

/** A relative path as a URI reference (each segment percent-encoded). */
function uriOf(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function result(item: CheckFinding, ruleIndex: Map<string, number>, suppression?: { reason: string }): Record<string, unknown> {
  const { file, finding: f } = item;
  const index = ruleIndex.get(f.ruleId);
  const end = f.range.end.line > f.range.start.line || f.range.end.character > f.range.start.character ? f.range.end : { line: f.range.start.line, character: f.range.start.character + 1 };
  return {
    ruleId: f.ruleId,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{
      physicalLocation: {
        artifactLocation: { uri: uriOf(file), uriBaseId: '%SRCROOT%' },
        region: { startLine: f.range.start.line + 1, startColumn: f.range.start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
      },
    }],
    partialFingerprints: { [FINGERPRINT_KEY]: hashedFingerprint(file, f) },
    ...(suppression ? { suppressions: [{ kind: 'external', state: 'accepted', justification: suppression.reason }] } : {}),
    properties: { confidence: f.confidence, ...(f.change ? { change: f.change } : {}), ...(f.context ? { context: f.context } : {}) },
  };
}

/** Builds the SARIF log: one run, every registered rule in `tool.driver.rules`, findings as results. */
export function checkSarif(check: CheckResult, toolVersion: string): Record<string, unknown> {
  const metas = allRuleMetas();
  const ruleIndex = new Map(metas.map((m, i) => [m.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'Redline',
          semanticVersion: toolVersion,
          informationUri: 'https://github.com/redline-dev/redline',
          rules: metas.map(rule),
        },
      },
      automationDetails: { id: 'redline-check/' },
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(path.join(check.root, path.sep)).href } },
      results: [
        ...check.findings.map((f) => result(f, ruleIndex)),
        ...check.acknowledged.map((a) => result(a, ruleIndex, { reason: a.acknowledgement.reason })),
      ],
      properties: {
        base: { ref: check.base.ref, commit: check.base.commit },
        target: check.target,
        checkpoints: check.checkpoints.map((c) => ({ file: c.file, status: c.status, patterns: [...c.patterns] })),
      },
    }],
  };
}

/** `--format sarif` output. */
export function formatSarif(check: CheckResult, toolVersion: string): string {
  return `${JSON.stringify(checkSarif(check, toolVersion), null, 2)}\n`;
}
