// The sidebar through its registered TreeDataProviders: Entities (scope, filter, sort, the
// contextValues menus depend on), Documents and Orphans, plus the status bar.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { DossierApi } from '../../src/extension/extension';
import type { TreeSnapshotNode } from '../../src/extension/features/treeSnapshot';
import { activateDossier, indexReport, indexedWorkspace, openArticle, sampleUri, tree, waitFor } from './coreFixture';

const SAMPLES = ['flood-relief.md', 'harbour-strike.txt', 'rail-inquiry.txt', 'water-summit.md'];

function find(nodes: TreeSnapshotNode[], label: string): TreeSnapshotNode | undefined {
  for (const n of nodes) {
    if (n.label === label) return n;
    const inner = n.children && find(n.children, label);
    if (inner) return inner;
  }
  return undefined;
}

suite('core: views and status bar', () => {
  let api: DossierApi;

  suiteSetup(async () => {
    api = await activateDossier();
    await indexedWorkspace(api);
    await openArticle(api, 'harbour-strike.txt');
    await vscode.commands.executeCommand('dossier.entities.scope', 'workspace');
    await vscode.commands.executeCommand('dossier.entities.filter', '');
    await vscode.commands.executeCommand('dossier.entities.sort', 'count');
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('dossier.entities.scope', 'workspace');
    await vscode.commands.executeCommand('dossier.entities.filter', '');
  });

  test('Entities: type -> entity (count) -> document -> mention lines, with the contract contextValues', async () => {
    const nodes = await waitFor('the entities tree', async () => {
      const t = await tree('dossier.entities', 4);
      return find(t, 'Amina Diallo') && find(t, 'Danube') ? t : undefined;
    });
    assert.deepStrictEqual([...new Set(nodes.map((n) => n.contextValue))], ['type']);
    assert.ok(nodes.map((n) => n.label).includes('People'));
    const amina = find(nodes, 'Amina Diallo');
    assert.strictEqual(amina?.contextValue, 'entity');
    assert.match(amina?.description ?? '', /^\d+/);
    const danube = find(nodes, 'Danube');
    const docs = danube?.children ?? [];
    assert.deepStrictEqual(docs.map((d) => d.contextValue), docs.map(() => 'entityDocument'));
    assert.deepStrictEqual(docs.map((d) => d.label).sort(), ['flood-relief.md', 'water-summit.md'], await indexReport(api));
    const lines = docs[0].children ?? [];
    assert.ok(lines.length > 0);
    for (const line of lines) {
      assert.strictEqual(line.contextValue, 'mention');
      assert.match(line.label, /Danube/, 'the snippet shows the mention in context');
      assert.match(line.description ?? '', /^line \d+$/);
      assert.strictEqual(line.command?.command, 'dossier.openMention');
    }
  });

  test('Entities: the filter is accent- and case-insensitive and can be cleared', async () => {
    await vscode.commands.executeCommand('dossier.entities.filter', 'ORBAN');
    const filtered = await tree('dossier.entities', 2);
    const names = filtered.flatMap((t) => (t.children ?? []).map((e) => e.label));
    assert.deepStrictEqual(names, ['Viktor Orbán'], await indexReport(api));
    await vscode.commands.executeCommand('dossier.entities.clearFilter');
    const all = await tree('dossier.entities', 2);
    assert.ok(all.flatMap((t) => t.children ?? []).length > 10);
  });

  test('Entities: sort by name or by count', async () => {
    await vscode.commands.executeCommand('dossier.entities.sort', 'name');
    const places = find(await tree('dossier.entities', 2), 'Places')?.children?.map((e) => e.label) ?? [];
    assert.deepStrictEqual(places, [...places].sort((a, b) => a.localeCompare(b)));
    await vscode.commands.executeCommand('dossier.entities.sort', 'count');
    const counts = (find(await tree('dossier.entities', 2), 'Places')?.children ?? []).map((e) => parseInt(e.description ?? '0', 10));
    assert.deepStrictEqual(counts, [...counts].sort((a, b) => b - a));
  });

  test('Entities: document scope lists only the active article', async () => {
    await vscode.commands.executeCommand('dossier.entities.scope', 'document');
    const nodes = await tree('dossier.entities', 3);
    const shown = api.services.analysis.get(sampleUri('harbour-strike.txt'))?.analysis.mentions.map((m) => `${m.type}:${m.text}`);
    assert.ok(find(nodes, 'Mark Rutte'), `harbour-strike.txt names Mark Rutte; its analysis: ${JSON.stringify(shown)}\n${await indexReport(api)}`);
    assert.strictEqual(find(nodes, 'Amina Diallo'), undefined, 'but not Amina Diallo');
    const rutte = find(nodes, 'Mark Rutte');
    assert.ok((rutte?.children ?? []).every((c) => c.contextValue === 'mention'));
    await vscode.commands.executeCommand('dossier.entities.scope', 'workspace');
  });

  test('Entities: open goes to the mention', async () => {
    const index = await indexedWorkspace(api);
    const rutte = index.entities().find((e) => e.canonical === 'Mark Rutte');
    assert.ok(rutte);
    const loc = index.mentionsOf(rutte.id)[0];
    await vscode.commands.executeCommand('dossier.entities.open', {
      kind: 'mention', id: 'x', uri: sampleUri(loc.path).toString(), start: loc.mention.start, end: loc.mention.end, entity: rutte.id, line: loc.line, text: loc.mention.text, context: loc.context,
    });
    const editor = await waitFor('the editor', () => (vscode.window.activeTextEditor?.document.uri.path.endsWith(loc.path) ? vscode.window.activeTextEditor : undefined));
    assert.strictEqual(editor.document.getText(editor.selection), 'Mark Rutte');
  });

  test('Entities: the entity under the cursor is revealed in the tree', async () => {
    const index = await indexedWorkspace(api);
    await vscode.commands.executeCommand('dossier.entities.focus');
    const editor = await openArticle(api, 'harbour-strike.txt');
    const at = editor.document.getText().indexOf('Mark Rutte');
    const rutte = index.mentionAt('harbour-strike.txt', at);
    assert.ok(rutte);
    editor.selection = new vscode.Selection(editor.document.positionAt(at + 2), editor.document.positionAt(at + 2));
    const state = await waitFor('the entity to be selected in the tree', async () => {
      const s = (await vscode.commands.executeCommand('dossier._test.entitiesSelection')) as { visible: boolean; selected: string[] };
      return s.selected.includes(rutte.entity) ? s : undefined;
    });
    assert.ok(state.visible);
    assert.strictEqual(vscode.window.activeTextEditor, editor, 'the keyboard stays in the editor');
  });

  test('Documents: one node per sample with entity counts', async () => {
    const nodes = await tree('dossier.documents', 2);
    assert.deepStrictEqual(nodes.map((n) => n.label).sort(), SAMPLES);
    for (const n of nodes) {
      assert.strictEqual(n.contextValue, 'document');
      assert.match(n.description ?? '', /^\d+ entities/);
      assert.ok((n.children ?? []).length > 0, `${n.label} has per-type counts`);
    }
  });

  test('Open from a Documents node opens that document', async () => {
    const uri = sampleUri('water-summit.md');
    await vscode.commands.executeCommand('dossier.entities.open', { kind: 'document', path: 'water-summit.md', uri: uri.toString(), entities: 1, counts: {} });
    await waitFor('water-summit.md in the editor', () => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString());
  });

  test('Orphans: an annotation whose text was deleted on disk shows up with its reason', async () => {
    const index = await indexedWorkspace(api);
    const uri = sampleUri('rail-inquiry.txt');
    const original = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const name = 'Mick Lynch';
    const at = original.indexOf(name);
    assert.ok(at >= 0);
    const annotation = await index.annotate({ kind: 'confirm', path: 'rail-inquiry.txt', start: at, end: at + name.length });
    try {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(original.split(name).join('the union leader')));
      const orphans = await waitFor('the orphan', async () => {
        const t = await tree('dossier.orphans', 1);
        return t.length ? t : undefined;
      });
      assert.strictEqual(orphans[0].contextValue, 'orphan');
      assert.match(orphans[0].label, /Mick Lynch/);
      assert.ok(orphans[0].description?.includes('rail-inquiry.txt'));
    } finally {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(original));
      assert.ok(annotation.id);
      await index.undo();
    }
    await waitFor('the orphan to go', async () => (await tree('dossier.orphans', 1)).length === 0);
  });

  test('status bar: entity counts of the active article; a click toggles highlights', async () => {
    await openArticle(api, 'harbour-strike.txt');
    const status = await waitFor('status bar text', async () =>
      (await vscode.commands.executeCommand('dossier._test.statusBar')) as { text: string; command: string; tooltip: string } | undefined,
    );
    assert.match(status.text, /\$\(person\) \d+ \$\(organization\) \d+ \$\(location\) \d+ \$\(calendar\) \d+/);
    assert.strictEqual(status.command, 'dossier.toggleHighlights');
    assert.match(status.tooltip, /command:dossier\.toggleType\?/, 'the tooltip toggles single types');
    await vscode.commands.executeCommand('dossier.toggleHighlights');
    const off = await waitFor('the status bar to show highlights are off', async () => {
      const s = (await vscode.commands.executeCommand('dossier._test.statusBar')) as { text: string };
      return s.text.startsWith('$(eye-closed)') ? s : undefined;
    });
    assert.ok(off);
    await vscode.commands.executeCommand('dossier.toggleHighlights');
  });
});
