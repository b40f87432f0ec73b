// Exposure: who can read each sensitive file, what covers it, and the findings that follow.
import * as assert from 'node:assert/strict';
import { assistantById, type Assistant } from '../../../src/core/assistants';
import { computeExposure, sensitiveMatcher } from '../../../src/core/context';
import { detect as exposedFindings } from '../../../src/core/rules/sensitive-file-exposed';
import { detectSecrets } from '../../../src/core/secrets';

const byId = (...ids: string[]): Assistant[] => ids.map((id) => assistantById(id)).filter((a): a is Assistant => a !== undefined);

describe('computeExposure', () => {
  const files = ['.env', '.env.example', 'certs/server.pem', 'src/index.ts', 'src/db.ts', 'secrets/prod.key'];
  const secrets = new Map([['src/db.ts', detectSecrets('const password = "Tr0ub4dor&3x";\n', { path: 'src/db.ts' })]]);

  it('lists each sensitive file with its reason, who can read it and what covers it', () => {
    const report = computeExposure({
      files,
      ignoreFiles: new Map([
        ['.cursorignore', '.env*\n!.env.example\n'],
        ['.claude/settings.json', '{ "permissions": { "deny": ["Read(./**/*.pem)", "Read(./secrets/**)"] } }'],
      ]),
      assistants: byId('cursor', 'claude-code'),
      isSensitive: sensitiveMatcher(),
      secrets,
    });
    assert.deepEqual(report.entries.map((e) => [e.path, e.exposedTo, e.coveredBy.map((c) => `${c.assistant}:${c.file}:${c.pattern}`)]), [
      ['.env', ['claude-code'], ['cursor:.cursorignore:.env*']],
      ['certs/server.pem', ['cursor'], ['claude-code:.claude/settings.json:Read(./**/*.pem)']],
      ['src/db.ts', ['cursor', 'claude-code'], []],
      ['secrets/prod.key', ['cursor'], ['claude-code:.claude/settings.json:Read(./secrets/**)']],
    ]);
    assert.deepEqual(report.entries[2]?.reasons, [{ kind: 'secret', detector: 'generic-secret', title: 'Password', masked: 'Tr0u…', line: 1 }]);
    assert.ok(report.entries[0]?.gaps[0]?.includes('terminal commands or MCP tools'));
  });

  it('treats a glob found only in .cursorindexingignore as protecting nothing', () => {
    const report = computeExposure({
      files: ['.env'],
      ignoreFiles: new Map([['.cursorindexingignore', '.env\n']]),
      assistants: byId('cursor'),
      isSensitive: sensitiveMatcher(),
    });
    assert.deepEqual(report.entries[0]?.exposedTo, ['cursor']);
    assert.deepEqual(report.entries[0]?.indexingOnly, ['cursor']);
    const [f] = exposedFindings(report);
    assert.equal(f?.path, '.env');
    assert.equal(f?.finding.ruleId, 'sensitive-file-exposed');
    assert.ok(f?.finding.message.includes('listed only in .cursorindexingignore'));
  });

  it('says Copilot has no repository mechanism and counts its exposure', () => {
    const report = computeExposure({ files: ['.env'], ignoreFiles: new Map(), assistants: byId('github-copilot'), isSensitive: sensitiveMatcher() });
    assert.deepEqual(report.assistants.map((a) => [a.id, a.exposed, a.ignoreFiles.length]), [['github-copilot', ['.env'], 0]]);
    assert.ok(report.assistants[0]?.note?.includes('not applied in agent mode'));
  });

  it('applies a nested exclusion file only to its folder', () => {
    const report = computeExposure({
      files: ['api/.env', 'web/.env'],
      ignoreFiles: new Map([['api/.aiexclude', '.env\n']]),
      assistants: byId('gemini'),
      isSensitive: sensitiveMatcher(),
    });
    assert.deepEqual(report.entries.map((e) => [e.path, e.exposedTo]), [['api/.env', []], ['web/.env', ['gemini']]]);
  });
});

describe('sensitive-file-exposed', () => {
  it('names the glob and every assistant that can read the file', () => {
    const report = computeExposure({ files: ['.env'], ignoreFiles: new Map(), assistants: byId('claude-code', 'aider'), isSensitive: sensitiveMatcher() });
    const [f, ...rest] = exposedFindings(report);
    assert.equal(rest.length, 0);
    assert.equal(f?.finding.message, '`.env` matches `.env*` and can be read by Claude Code, Aider: no exclusion covers it. Run "Redline: Sync AI exclusions" to add it to every assistant\'s exclusion file.');
    assert.equal(f?.finding.severity, 'warning');
  });

  it('is silent when every assistant is covered', () => {
    const report = computeExposure({ files: ['.env'], ignoreFiles: new Map([['.aiderignore', '.env\n']]), assistants: byId('aider'), isSensitive: sensitiveMatcher() });
    assert.deepEqual(exposedFindings(report), []);
  });
});
