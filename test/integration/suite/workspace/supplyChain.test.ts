// Supply chain in the editor: dependencies an AI edit adds to package.json get diagnostics, a Verify
// CodeLens and a place in the Review view; the online check talks only to a fake registry on 127.0.0.1.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { applyAssistantEdit, codeOf, commitFile, lineOf, redlineApi, redlineDiagnostics, sleep, waitForNoDiagnostics } from '../fileHelpers';
import { waitFor, workspaceFolder } from '../helpers';
import { startFakeRegistry } from '../../../unit/supply-chain/fake-registry';
import type { FileReview } from '../../../../src/extension/reviewStore';

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
  // Never online with the public registries, even for a moment: point the registries before turning checks on,
  // and turn checks off before pointing them back.
  const online = (): Thenable<void> => config.update('supplyChain.onlineChecks', onlineChecks, vscode.ConfigurationTarget.Workspace);
  const urls = (): Thenable<void> => config.update('supplyChain.registries', registries, vscode.ConfigurationTarget.Workspace);
  if (onlineChecks) {
    await urls();
    await online();
  } else {
    await online();
    await urls();
  }
}

/** Waits until `uri` has no Redline diagnostics and leaves the Review view; on timeout, says what is left. */
async function waitForClean(uri: vscode.Uri): Promise<void> {
  const api = await redlineApi();
  const reviewOf = (): FileReview | undefined => api.reviews().find((r) => r.uri.toString() === uri.toString());
  try {
    await waitForNoDiagnostics(uri);
    await waitFor(() => reviewOf() === undefined, 'the file leaves the Review view');
  } catch (err) {
    const review = reviewOf();
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    throw new Error(`${(err as Error).message}; left: ${ruleLines(uri).join(', ')}; edits: ${review?.edits.map((e) => e.editClass).join(',') ?? 'none'}`
      + `; baseline is the text: ${review?.baseline.text === doc?.getText()}; disk is the text: ${fs.readFileSync(uri.fsPath, 'utf8') === doc?.getText()}`
      + `; events: ${api.recentEdits().filter((e) => e.uri === uri.toString()).map((e) => e.editClass).join(',')}`);
  }
}

/** Marks the file reviewed (as a person would after checking) and waits until its findings are gone. */
async function markReviewed(uri: vscode.Uri): Promise<void> {
  await vscode.commands.executeCommand('redline.markFileReviewed', uri);
  await waitForClean(uri);
}

/**
 * A suite that deleted the whole `.redline` folder can leave its policy in force (a folder delete
 * reports no event for the file inside). Writing and deleting an empty policy file makes Redline reload it.
 */
async function reloadPolicy(): Promise<void> {
  const file = path.join(workspaceFolder().uri.fsPath, '.redline', 'policy.jsonc');
  if (fs.existsSync(file)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '{ "version": 1 }\n');
  await sleep(1500);
  fs.rmSync(file);
  await sleep(1500);
  await (await redlineApi()).policyReady();
}

suite('Supply chain: dependencies an AI edit adds', () => {
  const expresssLine = lineOf(MANIFEST_AFTER, '"expresss"');
  const helperLine = lineOf(MANIFEST_AFTER, '"openai-helper"');

  suiteSetup(reloadPolicy);

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
    await waitForClean(uri);
    assert.strictEqual(doc.getText(), original);
  });

  test('Run Demo Dependency Edit adds expresss and openai-helper to package.json and both get findings', async () => {
    const original = fs.readFileSync(vscode.Uri.joinPath(workspaceFolder().uri, 'package.json').fsPath, 'utf8');
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('redline.runDemoDependencyEdit');
    assert.ok(uri, 'the demo found package.json');
    const doc = await vscode.workspace.openTextDocument(uri);
    const line = lineOf(doc.getText(), '"expresss"');
    const look = await waitFor(() => onLine(uri, 'dependency-lookalike', line), 'dependency-lookalike on the expresss line');
    assert.match(look.message, /`express`/);
    await waitFor(() => onLine(uri, 'dependency-lookalike', lineOf(doc.getText(), '"openai-helper"')), 'dependency-lookalike on the openai-helper line');
    await applyAssistantEdit(uri, original);
    await waitForClean(uri);
  });

  test('an assistant edit importing an undeclared lookalike package flags the import line', async () => {
    const before = "const express = require('express');\n\nconst router = express.Router();\n\nmodule.exports = router;\n";
    const after = "const express = require('express');\nconst axios = require('axioss');\nconst { z } = require('zod');\n\nconst router = express.Router();\n\nmodule.exports = router;\n";
    const uri = commitFile('src/routes/reports.js', before);
    await applyAssistantEdit(uri, after);
    const line = lineOf(after, 'axioss');
    const look = await waitFor(() => onLine(uri, 'dependency-lookalike', line), 'dependency-lookalike on the import line');
    assert.match(look.message, /^`axioss` looks like the popular package `axios`/);
    await waitFor(() => onLine(uri, 'dependency-unreviewed', line), 'dependency-unreviewed on the import line');
    assert.deepStrictEqual(ruleLines(uri), [`dependency-lookalike@${line}`, `dependency-unreviewed@${line}`]);
    assert.match(onLine(uri, 'dependency-unreviewed', line)?.message ?? '', /^Import of `axioss`, which no manifest declares/);
    await markReviewed(uri);
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
      const expected = [
        `dependency-lookalike@${expresssLine}`, `dependency-lookalike@${helperLine}`,
        `dependency-not-found@${expresssLine}`, `dependency-not-found@${helperLine}`,
      ].sort();
      await waitFor(() => JSON.stringify(ruleLines(uri)) === JSON.stringify(expected) || undefined, 'not-found and lookalike on both lines')
        .catch((err: Error) => {
          throw new Error(`${err.message}; diagnostics: ${redlineDiagnostics(uri).map((d) => `${d.range.start.line}: ${d.message}`).join(' | ')}; requests: ${registry.requests.join(', ')}`);
        });
      const missing = onLine(uri, 'dependency-not-found', expresssLine)!;
      assert.match(missing.message, /^`expresss` is hallucinated: it does not exist in the npm registry\./);
      assert.match(onLine(uri, 'dependency-not-found', helperLine)?.message ?? '', /^`openai-helper` is hallucinated/);
      assert.ok(registry.requests.includes('GET /npm/expresss'), `asked the fake registry: ${registry.requests.join(', ')}`);
      assert.ok(registry.requests.includes('GET /npm/openai-helper'));
      await markReviewed(uri);
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
      await markReviewed(uri);
    } finally {
      await registry.close();
    }
  });
});
