// Multi-root workspaces (run as their own stage: the runner opens a .code-workspace with the
// folders alpha and beta of test/fixtures/multiroot). Each folder gets its own .dossier/, and
// one index, search and the views span both and say which folder a document is in.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DossierApi } from '../../src/extension/extension';
import { activateDossier, tree, waitFor } from './coreFixture';

interface Place {
  uri: vscode.Uri;
  range: vscode.Range;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function folder(name: string): vscode.WorkspaceFolder {
  const f = vscode.workspace.workspaceFolders?.find((w) => w.name === name);
  assert.ok(f, `workspace folder ${name} is open (folders: ${vscode.workspace.workspaceFolders?.map((w) => w.name).join(', ')})`);
  return f;
}

/** Search Entities as a user runs it: the query, Enter on the entity, Enter on its first mention. */
async function searchAndOpen(query: string): Promise<Place | undefined> {
  const result = vscode.commands.executeCommand<Place | undefined>('dossier.searchEntities', { query });
  for (let k = 0; k < 2; k++) {
    await sleep(800);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  return result;
}

suite('multi-root: two workspace folders', () => {
  let api: DossierApi;

  suiteSetup(async () => {
    folder('alpha');
    folder('beta');
    api = await activateDossier();
    await waitFor('both folders indexed', async () => {
      const index = await api.services.index;
      const docs = index?.documents() ?? [];
      return !api.services.workspaceIndex.progress && docs.includes('alpha/harbour-board.txt') && docs.includes('beta/grain-exports.txt');
    }, 60_000);
  });

  test('an entity of each folder is found by Search Entities and opens in its own folder', async () => {
    for (const [query, name, file] of [['Halvorsen', 'alpha', 'harbour-board.txt'], ['Wielgosz', 'beta', 'grain-exports.txt']] as const) {
      const place = await searchAndOpen(query);
      assert.ok(place, `a mention of ${query} was chosen`);
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor, 'an editor is active');
      assert.strictEqual(editor.document.uri.toString(), vscode.Uri.joinPath(folder(name).uri, file).toString());
      assert.match(editor.document.getText(editor.selection), new RegExp(query));
    }
  });

  test('each folder has its own .dossier/ with its own documents', async () => {
    const index = await api.services.index;
    await index?.flush();
    for (const [name, mine, other] of [['alpha', 'Halvorsen', 'Wielgosz'], ['beta', 'Wielgosz', 'Halvorsen']] as const) {
      const entities = path.join(folder(name).uri.fsPath, '.dossier', 'entities.json');
      const text = await waitFor(`${name}/.dossier/entities.json`, () => (fs.existsSync(entities) ? fs.readFileSync(entities, 'utf8') : undefined));
      assert.match(text, new RegExp(mine), `${name}'s registry holds ${mine}`);
      assert.doesNotMatch(text, new RegExp(other), `${name}'s registry does not hold ${other}`);
    }
  });

  test('the Documents and Entities views list both folders and show which folder each document is in', async () => {
    const docs = await waitFor('the Documents view', async () => {
      const nodes = await tree('dossier.documents', 1);
      return nodes.length >= 2 ? nodes : undefined;
    });
    const byLabel = new Map(docs.map((n) => [n.label, n.description ?? '']));
    assert.match(byLabel.get('harbour-board.txt') ?? '', /alpha/);
    assert.match(byLabel.get('grain-exports.txt') ?? '', /beta/);
    const entities = JSON.stringify(await tree('dossier.entities', 4));
    assert.match(entities, /Wielgosz/);
    assert.match(entities, /Halvorsen/);
  });

  test('a file added to the second folder is indexed there', async () => {
    const uri = vscode.Uri.joinPath(folder('beta').uri, 'added.txt');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('Agnieszka Rutkowska, mayor of Gdansk, opened the new terminal on Monday.\n'));
    await waitFor('beta/added.txt in the index', async () => (await api.services.index)?.getDocument('beta/added.txt')?.mentions.length, 30_000);
    assert.strictEqual(api.services.workspaceIndex.pathOf(uri), 'beta/added.txt');
  });

  test('a folder added at runtime is indexed with its own .dossier/, and removing it drops its documents', async () => {
    const dir = path.join(path.dirname(folder('alpha').uri.fsPath), 'gamma');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'ferry.txt'), 'Svetlana Morozova of the Ferry Operators Union arrived in Tallinn on Friday.\n');
    const count = vscode.workspace.workspaceFolders?.length ?? 0;
    assert.ok(vscode.workspace.updateWorkspaceFolders(count, 0, { uri: vscode.Uri.file(dir), name: 'gamma' }), 'the folder can be added');
    await waitFor('gamma/ferry.txt in the index', async () => (await api.services.index)?.getDocument('gamma/ferry.txt')?.mentions.length, 60_000);
    await waitFor('gamma/.dossier/entities.json', () => fs.existsSync(path.join(dir, '.dossier', 'entities.json')), 30_000);
    assert.ok((await api.services.index)?.documents().includes('alpha/harbour-board.txt'), 'the other folders stay indexed');
    assert.ok(vscode.workspace.updateWorkspaceFolders(count, 1), 'the folder can be removed');
    await waitFor('gamma gone from the index', async () => {
      const docs = (await api.services.index)?.documents() ?? [];
      return docs.length > 0 && !docs.some((d) => d.startsWith('gamma/')) && docs.includes('beta/grain-exports.txt');
    }, 60_000);
  });
});
