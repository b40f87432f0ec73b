// Supply chain in the editor: dependencies an AI edit adds to package.json get diagnostics, a Verify
// CodeLens and a place in the Review view; the online check talks only to a fake registry on 127.0.0.1.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { applyAssistantEdit, codeOf, commitFile, lineOf, redlineApi, redlineDiagnostics, sleep, waitForDiagnostic, waitForNoDiagnostics } from '../fileHelpers';
import { waitFor, workspaceFolder } from '../helpers';
import { startFakeRegistry } from '../../../unit/supply-chain/fake-registry';

const MANIFEST_BEFORE = `{
  "name": "billing-worker",
  "version": "1.0.0",
  "private": true,
  "dependencies": {
    "express": "^4.19.2",
    "zod": "^3.23.8"
  }
}
`;

const ADDED_LINES = '    "expresss": "^4.19.2",\n    "openai-helper": "^1.2.0",\n';
const MANIFEST_AFTER = MANIFEST_BEFORE.replace('    "zod"', `${ADDED_LINES}    "zod"`);

/** Rule id and line of each Redline diagnostic, in a stable order. */
function ruleLines(uri: vscode.Uri): string[] {
  return redlineDiagnostics(uri).map((d) => `${codeOf(d)}@${d.range.start.line}`).sort();
}

function onLine(uri: vscode.Uri, ruleId: string, line: number): vscode.Diagnostic | undefined {
  return redlineDiagnostics(uri).find((d) => codeOf(d) === ruleId && d.range.start.line === line);
}

async function setSupplyChain(onlineChecks: boolean | undefined, registries: object | undefined): Promise<void> {
  const config = vscode.workspace.getConfiguration('redline');
  await config.update('supplyChain.onlineChecks', onlineChecks, vscode.ConfigurationTarget.Workspace);
  await config.update('supplyChain.registries', registries, vscode.ConfigurationTarget.Workspace);
}

suite('Supply chain: dependencies an AI edit adds', () => {
  const expresssLine = lineOf(MANIFEST_AFTER, '"expresss"');
  const helperLine = lineOf(MANIFEST_AFTER, '"openai-helper"');

  teardown(async () => {
    await setSupplyChain(undefined, undefined);
  });

  test('an assistant edit adding expresss and openai-helper to package.json flags both lines as lookalikes and unreviewed', async () => {
    const uri = vscode.Uri.joinPath(workspaceFolder().uri, 'package.json');
    const original = fs.readFileSync(uri.fsPath, 'utf8');
    const after = original.replace(/("dependencies": \{\n)/, `$1${ADDED_LINES}`);
    assert.notStrictEqual(after, original, 'the test workspace package.json has a dependencies block');
    const doc = await applyAssistantEdit(uri, after);
    const line = lineOf(after, '"expresss"');
    const second = lineOf(after, '"openai-helper"');
    const look = await waitFor(() => onLine(uri, 'dependency-lookalike', line), 'dependency-lookalike on the expresss line');
    await waitFor(() => ruleLines(uri).length === 4 || undefined, 'four dependency findings');
    assert.deepStrictEqual(ruleLines(uri), [
      `dependency-lookalike@${line}`, `dependency-lookalike@${second}`, `dependency-unreviewed@${line}`, `dependency-unreviewed@${second}`,
    ].sort());
    assert.match(look.message, /^`expresss` looks like the popular package `express`/);
    assert.strictEqual(look.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(typeof look.code === 'object' && look.code.target.path.endsWith('/docs/rules/dependency-lookalike.md'));
    const unreviewed = onLine(uri, 'dependency-unreviewed', second);
    assert.match(unreviewed?.message ?? '', /^New dependency `openai-helper` added by an AI edit: verify it exists and is the one you meant\..*not verified online/);
    assert.match(onLine(uri, 'dependency-lookalike', second)?.message ?? '', /`openai-helper` looks like the popular package `openai`/);

    const api = await redlineApi();
    const review = api.reviews().find((r) => r.uri.toString() === uri.toString());
    assert.deepStrictEqual(review?.extraFindings?.['supply-chain']?.map((f) => `${f.ruleId}@${f.range.start.line}`).sort(), ruleLines(uri),
      'the file is in the Review view with its dependency findings');

    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const verify = lenses.filter((l) => l.command?.command === 'redline.verifyDependency');
    assert.deepStrictEqual(verify.map((l) => [l.range.start.line, l.command?.title, (l.command?.arguments?.[0] as { name: string }).name]), [
      [line, '$(package) Added by an AI edit · Verify', 'expresss'],
      [second, '$(package) Added by an AI edit · Verify', 'openai-helper'],
    ]);

    await applyAssistantEdit(uri, original);
    await waitForNoDiagnostics(uri);
    assert.strictEqual(doc.getText(), original);
  });

  test('typing the same dependency character by character raises nothing', async () => {
    const uri = commitFile('deps-typed/package.json', MANIFEST_BEFORE);
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const line = lineOf(MANIFEST_BEFORE, '"zod"');
    const typed = '    "expresss": "^4.19.2",\n';
    for (let i = 0; i < typed.length; i++) {
      const at = doc.positionAt(doc.offsetAt(new vscode.Position(line, 0)) + i);
      assert.ok(await editor.edit((b) => b.insert(at, typed[i]!)), 'keystroke applied');
    }
    assert.match(doc.getText(), /"expresss": "\^4\.19\.2",\n {4}"zod"/);
    await sleep(1000);
    assert.deepStrictEqual(redlineDiagnostics(uri), []);
    const api = await redlineApi();
    assert.strictEqual(api.reviews().some((r) => r.uri.toString() === uri.toString()), false);
  });

  test('with online checks on, the fake registry on 127.0.0.1 answers 404 and the finding says the package does not exist', async () => {
    const registry = await startFakeRegistry();
    try {
      await setSupplyChain(true, { npm: registry.urls.npm, pypi: registry.urls.pypi, osv: registry.urls.osv });
      const uri = commitFile('deps-online/package.json', MANIFEST_BEFORE);
      await applyAssistantEdit(uri, MANIFEST_AFTER);
      const missing = await waitForDiagnostic(uri, 'dependency-not-found').catch((err: Error) => {
        throw new Error(`${err.message}; diagnostics: ${redlineDiagnostics(uri).map((d) => d.message).join(' | ')}; requests: ${registry.requests.join(', ')}`);
      });
      await waitFor(() => ruleLines(uri).length === 4 || undefined, 'four dependency findings');
      assert.deepStrictEqual(ruleLines(uri), [
        `dependency-lookalike@${expresssLine}`, `dependency-lookalike@${helperLine}`,
        `dependency-not-found@${expresssLine}`, `dependency-not-found@${helperLine}`,
      ].sort());
      assert.strictEqual(missing.range.start.line, expresssLine);
      assert.match(missing.message, /^`expresss` is hallucinated: it does not exist in the npm registry\./);
      assert.match(onLine(uri, 'dependency-not-found', helperLine)?.message ?? '', /^`openai-helper` is hallucinated/);
      assert.ok(registry.requests.includes('GET /npm/expresss'), `asked the fake registry: ${registry.requests.join(', ')}`);
      assert.ok(registry.requests.includes('GET /npm/openai-helper'));
    } finally {
      await setSupplyChain(undefined, undefined);
      await registry.close();
    }
  });

  test('with online checks off, nothing is sent to the registry and findings say not verified online', async () => {
    const registry = await startFakeRegistry();
    try {
      await setSupplyChain(undefined, { npm: registry.urls.npm, pypi: registry.urls.pypi, osv: registry.urls.osv });
      const uri = commitFile('deps-offline/package.json', MANIFEST_BEFORE);
      await applyAssistantEdit(uri, MANIFEST_AFTER);
      const unreviewed = await waitFor(() => onLine(uri, 'dependency-unreviewed', expresssLine), 'dependency-unreviewed on the expresss line');
      assert.match(unreviewed.message, /\(not verified online\)/);
      await sleep(500);
      assert.deepStrictEqual(ruleLines(uri), [
        `dependency-lookalike@${expresssLine}`, `dependency-lookalike@${helperLine}`,
        `dependency-unreviewed@${expresssLine}`, `dependency-unreviewed@${helperLine}`,
      ].sort());
      assert.deepStrictEqual(registry.requests, []);
    } finally {
      await registry.close();
    }
  });
});
