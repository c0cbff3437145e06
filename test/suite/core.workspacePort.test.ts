// The index's WorkspacePort over the real workspace.fs / node:fs of the extension host: the
// same contract the CLI's node adapter meets, checked on the samples copy.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { VscodeWorkspace } from '../../src/extension/vscodeWorkspace';
import { activateDossier } from './coreFixture';

suite('core: WorkspacePort adapter', () => {
  let port: VscodeWorkspace;
  const dir = '.port-test';

  suiteSetup(async () => {
    await activateDossier();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    port = new VscodeWorkspace(folder.uri);
  });

  suiteTeardown(async () => {
    await port.delete(dir);
  });

  test('lists included files, minus excluded ones, sorted, as workspace-relative POSIX paths', async () => {
    const files = await port.listFiles(['**/*.{txt,md}'], ['**/node_modules/**', '**/.git/**', '**/.dossier/**', '**/.port-test/**']);
    assert.deepStrictEqual(files.filter((f) => !f.startsWith('.')), ['flood-relief.md', 'harbour-strike.txt', 'rail-inquiry.txt', 'water-summit.md']);
    assert.deepStrictEqual(await port.listFiles(['**/*.md'], ['water-*']), ['flood-relief.md']);
  });

  test('missing files are undefined, not errors', async () => {
    assert.strictEqual(await port.stat(`${dir}/nope.txt`), undefined);
    assert.strictEqual(await port.readFile(`${dir}/nope.txt`), undefined);
    assert.deepStrictEqual(await port.readDir(`${dir}/nowhere`), []);
    await port.delete(`${dir}/nope.txt`);
  });

  test('atomic writes create parent folders, replace content and leave no temp files', async () => {
    await port.writeFileAtomic(`${dir}/a/b.json`, '{"v":1}');
    await port.writeFileAtomic(`${dir}/a/b.json`, '{"v":2} é 🌊');
    assert.strictEqual(await port.readFile(`${dir}/a/b.json`), '{"v":2} é 🌊');
    assert.deepStrictEqual(await port.readDir(`${dir}/a`), ['b.json']);
    const stat = await port.stat(`${dir}/a/b.json`);
    assert.ok(stat && stat.size === new TextEncoder().encode('{"v":2} é 🌊').length && stat.mtime > 0);
  });

  test('exclusive create succeeds once', async () => {
    assert.strictEqual(await port.createExclusive(`${dir}/lock`, 'me'), true);
    assert.strictEqual(await port.createExclusive(`${dir}/lock`, 'you'), false);
    assert.strictEqual(await port.readFile(`${dir}/lock`), 'me');
  });

  test('rename, mkdir and delete', async () => {
    await port.mkdir(`${dir}/m/n`);
    await port.mkdir(`${dir}/m/n`);
    await port.writeFileAtomic(`${dir}/m/x.dat`, 'x');
    await port.rename(`${dir}/m/x.dat`, `${dir}/m/y.dat`);
    assert.deepStrictEqual(await port.readDir(`${dir}/m`), ['n', 'y.dat']);
    await port.delete(`${dir}/m`);
    assert.strictEqual(await port.stat(`${dir}/m`), undefined);
  });

  test('maps uris to index paths and back', () => {
    const uri = port.uri('sub/dir/file.txt');
    assert.strictEqual(port.relativePath(uri), 'sub/dir/file.txt');
    assert.strictEqual(port.relativePath(vscode.Uri.file('/elsewhere/file.txt')), undefined);
    assert.strictEqual(port.relativePath(vscode.Uri.parse('untitled:Untitled-1')), undefined);
  });
});
