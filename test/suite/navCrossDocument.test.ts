// Navigation across documents: next/previous mention continue into the next document that
// names the entity, and Show All Mentions leaves the mentions in VS Code's References panel.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { dossier, openArticle, readyIndex, sleep } from './navFixture';

interface ReferencesInput {
  title: string;
  resolve(): Promise<{ provider: vscode.TreeDataProvider<unknown> } | undefined>;
}

/** The References panel's current list as its rows show it: document → number of mentions. */
async function referencesPanel(): Promise<{ title: string; files: Record<string, number> } | undefined> {
  const ext = vscode.extensions.getExtension<{ getInput(): ReferencesInput | undefined }>('vscode.references-view');
  assert.ok(ext, 'references-view ships with VS Code');
  const input = (await ext.activate()).getInput();
  const model = await input?.resolve();
  if (!input || !model) return undefined;
  const files: Record<string, number> = {};
  for (const root of (await model.provider.getChildren(undefined)) ?? []) {
    const row = await model.provider.getTreeItem(root);
    const children = (await model.provider.getChildren(root)) ?? [];
    files[String(typeof row.label === 'string' ? row.label : row.label?.label)] = children.length;
  }
  return { title: input.title, files };
}

function active(): { file: string; text: string; line: number } {
  const editor = vscode.window.activeTextEditor;
  assert.ok(editor, 'an editor is active');
  return { file: vscode.workspace.asRelativePath(editor.document.uri, false), text: editor.document.getText(editor.selection), line: editor.selection.start.line };
}

suite('nav: across documents', () => {
  suiteSetup(async () => {
    await readyIndex(await dossier());
  });

  /** Lines of the Danube's mentions per document, from the index. */
  async function danubeLines(): Promise<Record<string, number[]>> {
    const index = await readyIndex(await dossier());
    const danube = index.entities().find((e) => e.canonical === 'Danube');
    assert.ok(danube, 'the index knows the Danube');
    const out: Record<string, number[]> = {};
    for (const loc of index.mentionsOf(danube.id)) (out[loc.path] ??= []).push(loc.line);
    return out;
  }

  test('next mention past the last one in a document continues in the next document that names the entity', async () => {
    const api = await dossier();
    const lines = await danubeLines();
    assert.deepStrictEqual(Object.keys(lines).sort(), ['flood-relief.md', 'water-summit.md']);
    const editor = await openArticle(api, 'flood-relief.md');
    const last = Math.max(...lines['flood-relief.md']);
    const at = new vscode.Position(last, editor.document.lineAt(last).text.lastIndexOf('Danube') + 1);
    editor.selection = new vscode.Selection(at, at);
    const r = await vscode.commands.executeCommand<vscode.Range>('dossier.nextMention');
    assert.ok(r, 'moved');
    assert.deepStrictEqual([active().file, active().text, active().line], ['water-summit.md', 'Danube', Math.min(...lines['water-summit.md'])]);
    const back = await vscode.commands.executeCommand<vscode.Range>('dossier.previousMention');
    assert.ok(back, 'moved back');
    assert.deepStrictEqual([active().file, active().text, active().line], ['flood-relief.md', 'Danube', last], 'previous comes back to the last mention of the first document');
  });

  test('next mention wraps from the workspace\'s last mention to its first', async () => {
    const api = await dossier();
    const lines = await danubeLines();
    const editor = await openArticle(api, 'water-summit.md');
    const last = Math.max(...lines['water-summit.md']);
    const at = new vscode.Position(last, editor.document.lineAt(last).text.lastIndexOf('Danube') + 1);
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('dossier.nextMention');
    assert.deepStrictEqual([active().file, active().text, active().line], ['flood-relief.md', 'Danube', Math.min(...lines['flood-relief.md'])]);
  });

  test('Show All Mentions fills the References panel with every document that mentions the entity', async () => {
    const api = await dossier();
    const index = await readyIndex(api);
    const danube = index.entities().find((e) => e.canonical === 'Danube');
    assert.ok(danube, 'the index knows the Danube');
    const want: Record<string, number> = {};
    for (const loc of index.mentionsOf(danube.id)) want[loc.path] = (want[loc.path] ?? 0) + 1;
    await openArticle(api, 'rail-inquiry.txt');
    const picked = vscode.commands.executeCommand('dossier.showAllMentions', danube.id);
    await sleep(800); // the picker opens
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.ok(await picked, 'a mention was chosen');
    assert.strictEqual(active().text, 'Danube', 'the editor keeps the focus, on the chosen mention');
    const panel = await referencesPanel();
    assert.ok(panel, 'the References panel has a list');
    assert.match(panel.title, /^Danube/);
    assert.deepStrictEqual(Object.keys(panel.files).sort(), Object.keys(want).sort(), 'one entry per document that mentions the Danube');
    // The same mentions as the picker: every mention of the Danube (wiki links to it are not mentions).
    assert.deepStrictEqual(panel.files, want, 'with every mention of each');
  });
});
