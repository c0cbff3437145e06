// Smoke test of the packaged plumbing: the extension activates in a real extension host and
// every command the manifest promises is actually registered.
import * as assert from 'node:assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'dossier-research.dossier';

interface ManifestCommand {
  command: string;
  title: string;
  category?: string;
}

suite('smoke: activation and commands', () => {
  let ext: vscode.Extension<unknown>;

  suiteSetup(async () => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `${EXTENSION_ID} is not installed in this host (engines.vscode too new? see server.log)`);
    ext = found;
    // Opening a sample is what activates Dossier for a user (onLanguage:plaintext).
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the runner opens a copy of samples/ as the workspace');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'harbour-strike.txt'));
    await vscode.window.showTextDocument(doc);
    await ext.activate();
  });

  test('the extension is active after opening an article', () => {
    assert.strictEqual(ext.isActive, true);
  });

  test('the host is a real VS Code 1.100+', () => {
    const [major, minor] = vscode.version.split('.').map(Number);
    assert.ok(major > 1 || (major === 1 && minor >= 100), `VS Code ${vscode.version}`);
  });

  test('every contributed command is registered', async () => {
    const contributed: ManifestCommand[] = ext.packageJSON.contributes?.commands ?? [];
    assert.ok(contributed.length > 0, 'the manifest contributes commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepStrictEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  test('activation is narrow: never on "*"', () => {
    const events: string[] = ext.packageJSON.activationEvents ?? [];
    assert.ok(!events.includes('*'), `activationEvents: ${events.join(', ')}`);
  });

  test('every contributed command is in the Dossier category', () => {
    const contributed: ManifestCommand[] = ext.packageJSON.contributes?.commands ?? [];
    const outside = contributed.filter((c) => c.category !== 'Dossier').map((c) => c.command);
    assert.deepStrictEqual(outside, []);
  });
});
