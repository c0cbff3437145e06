// Ext-core's commands run the way the palette and command links run them: reindex, export,
// open mention, and the index following the files (watcher) and unsaved editor text.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { DossierApi } from '../../src/extension/extension';
import { activateDossier, indexedWorkspace, openArticle, sampleUri, waitFor } from './coreFixture';

suite('core: commands and index lifecycle', () => {
  let api: DossierApi;

  suiteSetup(async () => {
    api = await activateDossier();
    await indexedWorkspace(api);
  });

  test('Rebuild Workspace Index reports every sample, from the cache the second time', async () => {
    const summary = (await vscode.commands.executeCommand('dossier.reindex')) as { documents: number; analysed: number } | undefined;
    assert.ok(summary);
    assert.strictEqual(summary.documents, 4);
    assert.strictEqual(summary.analysed, 0, 'nothing changed, so nothing is re-analysed');
  });

  const formats: [string, RegExp][] = [
    ['csv', /^id,type,canonical/],
    ['mentions', /^document,line,column/],
    ['jsonld', /"@context"/],
    ['geojson', /"FeatureCollection"/],
    ['timeline', /^date,label/],
  ];
  for (const [format, head] of formats) {
    test(`Export Index writes ${format}`, async () => {
      const target = sampleUri(`.export-test/out.${format}`);
      const written = (await vscode.commands.executeCommand('dossier.export', { format, uri: target.toString() })) as vscode.Uri | undefined;
      assert.strictEqual(written?.toString(), target.toString());
      const body = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.match(body, head);
    });
  }

  test('Open Mention selects the given span', async () => {
    const uri = sampleUri('rail-inquiry.txt');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const at = text.indexOf('Network Rail');
    await vscode.commands.executeCommand('dossier.openMention', uri.toString(), at, at + 'Network Rail'.length);
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor?.document.getText(editor.selection), 'Network Rail');
  });

  test('Open Mention with bad arguments explains instead of throwing', async () => {
    const result = await vscode.commands.executeCommand('dossier.openMention', 42);
    assert.strictEqual(result, undefined);
  });

  test('a new file on disk is indexed; deleting it drops it', async () => {
    const index = await indexedWorkspace(api);
    const uri = sampleUri('new-article.txt');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('BERLIN — Chancellor Olaf Scholz met Giorgia Meloni in Berlin on Monday.\n'));
    await waitFor('the new file in the index', () => index.documents().includes('new-article.txt'));
    await vscode.workspace.fs.delete(uri);
    await waitFor('the deleted file to leave the index', () => !index.documents().includes('new-article.txt'));
  });

  test("an open editor's unsaved text is what the index holds", async () => {
    const index = await indexedWorkspace(api);
    const editor = await openArticle(api, 'rail-inquiry.txt');
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Ursula von der Leyen visited Leeds.\n'));
    await waitFor('the index to see the unsaved text', () => index.getText('rail-inquiry.txt')?.startsWith('Ursula von der Leyen'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor('the index to go back to the file on disk', () => !index.getText('rail-inquiry.txt')?.startsWith('Ursula'));
  });

  test('untrusted: the index is reopened read-only and writes nothing', async () => {
    await vscode.commands.executeCommand('dossier._test.simulateUntrusted', true);
    try {
      const index = await waitFor('a read-only index', async () => {
        const i = await api.services.index;
        return i?.readOnly ? i : undefined;
      });
      assert.ok(index.readOnly);
      await assert.rejects(index.annotate({ kind: 'confirm', path: 'harbour-strike.txt', start: 0, end: 4 }), /not trusted/);
      // A new article is still indexed, in memory only: .dossier/ is left alone.
      const entities = sampleUri('.dossier/entities.json');
      const before = await vscode.workspace.fs.stat(entities);
      const note = sampleUri('untrusted-note.txt');
      await vscode.workspace.fs.writeFile(note, new TextEncoder().encode('Kofi Annan spoke in Accra on Monday.\n'));
      try {
        await waitFor('the untrusted index to see the new file', () => index.documents().includes('untrusted-note.txt'));
        await index.flush();
        const after = await vscode.workspace.fs.stat(entities);
        assert.strictEqual(after.mtime, before.mtime, '.dossier/entities.json was not written');
      } finally {
        await vscode.workspace.fs.delete(note);
      }
    } finally {
      await vscode.commands.executeCommand('dossier._test.simulateUntrusted', false);
    }
    await waitFor('a writable index again', async () => (await api.services.index)?.readOnly === false);
  });
});
