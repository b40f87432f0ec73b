// "Redline: Run Demo AI Edit": plays an assistant that "cleans up" the demo's invoice routes and
// quietly drops the auth middleware, the ownership check and the input validation.
// "Redline: Run Demo Dependency Edit": plays an assistant that adds a typosquat and a lookalike to package.json.
import * as vscode from 'vscode';
import { applyEdits, modify } from 'jsonc-parser';

const ROUTES = 'src/routes/invoices.js';

// What a "tidy this file up" request typically returns: shorter, and missing its guardrails.
const CLEANED_UP = `const express = require('express');
const store = require('../store');

const router = express.Router();

router.get('/invoices/:id', async (req, res) => {
  const invoice = await store.findInvoice(req.params.id);
  return invoice ? res.json(invoice) : res.status(404).end();
});

router.post('/invoices', async (req, res) => {
  const invoice = await store.createInvoice({ ...req.body, ownerId: req.user?.sub });
  return res.status(201).json(invoice);
});

router.delete('/invoices/:id', async (req, res) => {
  await store.deleteInvoice(req.params.id);
  return res.status(204).end();
});

module.exports = router;
`;

/**
 * Replaces `rel` in the first folder that holds it, in one WorkspaceEdit as an assistant's "apply"
 * does, with what `rewrite` makes of its text; returns its URI, or undefined when no folder has it.
 */
async function assistantRewrite(rel: string, rewrite: (text: string) => string): Promise<vscode.Uri | undefined> {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const uri = vscode.Uri.joinPath(folder.uri, rel);
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      continue;
    }
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(0, 0, doc.lineCount, 0), rewrite(doc.getText()));
    await vscode.workspace.applyEdit(edit);
    return uri;
  }
  return undefined;
}

/** Applies the demo edit to the first folder holding `src/routes/invoices.js`; returns its URI. */
export async function runDemoAiEdit(): Promise<vscode.Uri | undefined> {
  const uri = await assistantRewrite(ROUTES, () => CLEANED_UP);
  if (!uri) void vscode.window.showInformationMessage(`Redline: the demo edit needs a workspace with ${ROUTES} (open the demo/ folder, or run npm start).`);
  return uri;
}

/** What an assistant asked to "add an Express server and an OpenAI client" might write: a typo and a lookalike. */
const DEMO_DEPENDENCIES: readonly [string, string][] = [['expresss', '^4.19.2'], ['openai-helper', '^1.2.0']];

/** Adds the demo dependencies to the first folder's `package.json` in one assistant-style edit; returns its URI. */
export async function runDemoDependencyEdit(): Promise<vscode.Uri | undefined> {
  const uri = await assistantRewrite('package.json', (original) => {
    let text = original;
    for (const [name, spec] of DEMO_DEPENDENCIES) {
      text = applyEdits(text, modify(text, ['dependencies', name], spec, { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } }));
    }
    return text;
  });
  if (!uri) void vscode.window.showInformationMessage('Redline: the dependency demo needs a workspace with a package.json (open the demo/ folder, or run npm start).');
  return uri;
}
