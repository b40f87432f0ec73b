import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateRedline, EXTENSION_ID } from '../helpers';

suite('Redline activation', () => {
  suiteSetup(() => {
    console.log(`VS Code ${vscode.version} (${vscode.env.appName}, host ${vscode.env.appHost}, remote ${vscode.env.remoteName}, scenario ${process.env.REDLINE_TEST_SCENARIO ?? 'electron'})`);
  });

  test('runs in a supported VS Code: 1.99 (the floor) or 1.100', () => {
    assert.match(vscode.version, /^1\.(99|100)\./);
  });

  test('activates without errors and registers its commands', async () => {
    const ext = await activateRedline();
    assert.ok(ext.isActive);
    const commands = await vscode.commands.getCommands(true);
    const contributed = (ext.packageJSON as { contributes: { commands: Array<{ command: string }> } }).contributes.commands.map((c) => c.command);
    assert.ok(contributed.length > 0);
    for (const id of contributed) assert.ok(commands.includes(id), `command ${id} is not registered`);
  });

  test('Show Output opens the Redline log channel', async () => {
    await activateRedline();
    await vscode.commands.executeCommand('redline.showOutput');
  });

  test('the manifest declares a workspace extension kind with a floor of 1.99', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    const pkg = ext?.packageJSON as { engines: { vscode: string }; extensionKind: string[] };
    assert.strictEqual(pkg.engines.vscode, '^1.99.0');
    assert.deepStrictEqual(pkg.extensionKind, ['workspace']);
  });
});
